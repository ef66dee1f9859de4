package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// SuggestionRun writes what a run of sources (gazetteers, patterns, propagation) suggests,
// document by document. For each document it is given, it replaces the suggestions of each of
// its sources with the new ones: running the same sources again adds nothing twice, and an
// annotator's decisions stay with the suggestions that come again (decisions are kept by
// source, place and label). It commits as it goes, every second of work, or every 150 ms
// when others have the project open so that their writes never wait long: a run stopped
// halfway keeps the documents it committed, and running it again redoes them.
type SuggestionRun struct {
	s       *Store
	ctx     context.Context
	run     context.Context // ctx without its cancellation, for the statements
	tx      *sql.Tx
	sources []string
	shared  bool
	began   time.Time
	t       string // the time of the run, stored
	res     SuggestResult
	logged  SuggestResult // what the events logged so far count
	upsert  *sql.Stmt
	del     *sql.Stmt
	doc     *sql.Stmt
	buf     []byte              // reused by write
	labels  map[string]struct{} // the labels checked
}

// SuggestResult counts what a run wrote.
type SuggestResult struct {
	Documents   int // documents whose suggestions were replaced
	Suggestions int // suggestions written
}

// CheckSources checks the sources of a run of suggestions as BeginSuggestions takes them: at
// least one, each a valid name (labels.CheckName), none twice.
func CheckSources(sources []string) error {
	if len(sources) == 0 {
		return fmt.Errorf("no source")
	}
	for i, src := range sources {
		if err := labels.CheckName(src); err != nil {
			return fmt.Errorf("source: %w", err)
		}
		if slices.Contains(sources[:i], src) {
			return fmt.Errorf("source %q comes twice", src)
		}
	}
	return nil
}

// runSlice is how long a run's transaction lasts when it has the project to itself (a
// variable for tests).
var runSlice = time.Second

// BeginSuggestions starts a run of the named sources, each a valid name (labels.CheckName).
// shared makes it commit every 150 ms as when others have the project open: for a run that
// the window makes on its own store. Close it with Commit or Rollback.
func (s *Store) BeginSuggestions(ctx context.Context, sources []string, shared bool) (Suggester, error) {
	if err := CheckSources(sources); err != nil {
		return nil, fmt.Errorf("begin suggestions: %w", err)
	}
	r := &SuggestionRun{s: s, ctx: ctx, run: context.WithoutCancel(ctx), sources: slices.Clone(sources),
		shared: shared || s.OpenElsewhere(), t: formatTime(s.now()), labels: map[string]struct{}{}}
	if err := r.begin(); err != nil {
		return nil, fmt.Errorf("begin suggestions: %w", err)
	}
	return r, nil
}

// begin opens the run's next transaction.
func (r *SuggestionRun) begin() error {
	tx, err := r.s.begin(r.run)
	if err != nil {
		return err
	}
	r.tx, r.began = tx, time.Now()
	return prepareAll(r.run, tx, []stmtSQL{
		{&r.upsert, `INSERT INTO suggestion_sets (doc_id, source, ord, n, low, updated, items)
VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id, source) DO UPDATE
SET n = excluded.n, low = excluded.low, updated = excluded.updated, items = excluded.items`},
		{&r.del, "DELETE FROM suggestion_sets WHERE doc_id = ? AND source = ?"},
		{&r.doc, "SELECT ord, runes FROM documents WHERE id = ?"},
	})
}

// Put replaces the suggestions of the run's sources for the document doc (its ID and Text)
// with sgs (which it sorts), whose sources must be the run's. Each suggestion must match the text at its
// offsets; its label is not checked against the schema (the run's caller does that once for
// its sources). Suggestions of one source with the same place and label are one, the highest
// score kept. A source that suggests nothing for the document loses its suggestions there.
func (r *SuggestionRun) Put(doc labels.Document, sgs []labels.Suggestion) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if err := r.next(); err != nil {
		return err
	}
	var ord int64
	var runes int
	err := r.doc.QueryRowContext(r.run, doc.ID).Scan(&ord, &runes)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("suggestions of document %s: %w", doc.ID, err)
	}
	x := labels.NewTextIndex(doc.Text)
	if x.Len() != runes {
		return fmt.Errorf("suggestions of document %s: the text given is not the document's", doc.ID)
	}
	bySource, err := GroupSuggestions(r.sources, r.labels, x, doc.ID, sgs)
	if err != nil {
		return err
	}
	for i, src := range r.sources {
		if err := r.write(doc.ID, ord, src, bySource[i]); err != nil {
			return fmt.Errorf("suggestions of document %s: %w", doc.ID, err)
		}
	}
	r.res.Documents++
	return nil
}

// sortSuggestions puts sgs in the order of labels.CompareSuggestions. Suggestions that come
// by place already (a matcher's) are sorted a place at a time.
func sortSuggestions(sgs []labels.Suggestion) {
	byPlace := func(a, b labels.Suggestion) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	}
	if !slices.IsSortedFunc(sgs, byPlace) {
		slices.SortFunc(sgs, labels.CompareSuggestions)
		return
	}
	for i := 0; i < len(sgs); {
		j := i + 1
		for j < len(sgs) && byPlace(sgs[i], sgs[j]) == 0 {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(sgs[i:j], labels.CompareSuggestions)
		}
		i = j
	}
}

// write replaces the set of one source of a document.
func (r *SuggestionRun) write(docID string, ord int64, source string, sgs []labels.Suggestion) error {
	if len(sgs) == 0 {
		_, err := r.del.ExecContext(r.run, docID, source)
		return err
	}
	data, low := encodeSuggestions(r.buf, sgs)
	r.buf = data
	if _, err := r.upsert.ExecContext(r.run, docID, source, ord, len(sgs), low, r.t, string(data)); err != nil {
		return err
	}
	r.res.Suggestions += len(sgs)
	return nil
}

// next commits the open transaction and begins another when it has lasted its slice.
func (r *SuggestionRun) next() error {
	limit := runSlice
	if r.shared {
		limit = sliceTime
	}
	if time.Since(r.began) < limit {
		return nil
	}
	if err := r.commit(); err != nil {
		return err
	}
	if r.shared {
		time.Sleep(sliceGap)
	}
	return r.begin()
}

// commit logs what the open transaction wrote and commits it.
func (r *SuggestionRun) commit() error {
	r.closeStmts()
	if n := r.res.Documents - r.logged.Documents; n > 0 {
		after := suggestionsPut{Sources: r.sources, Documents: n, Suggestions: r.res.Suggestions - r.logged.Suggestions}
		if err := r.s.appendEvent(r.run, r.tx, "", "", labels.ActionSuggestionsPut, nil, after); err != nil {
			return err
		}
	}
	err := r.tx.Commit()
	r.tx = nil
	if err != nil {
		return fmt.Errorf("suggestions: %w", err)
	}
	r.logged = r.res
	return nil
}

// suggestionsPut is the After of a suggestions.put event.
type suggestionsPut struct {
	Sources     []string `json:"sources"`
	Documents   int      `json:"documents"`
	Suggestions int      `json:"suggestions"`
}

// Commit ends the run and returns what it wrote.
func (r *SuggestionRun) Commit() (SuggestResult, error) {
	if r.tx == nil {
		return r.logged, fmt.Errorf("suggestions: the run has ended")
	}
	if err := r.commit(); err != nil {
		r.Rollback()
		return r.logged, err
	}
	return r.res, nil
}

// Rollback abandons what the run wrote since its last commit and returns what it committed.
// It is safe after Commit.
func (r *SuggestionRun) Rollback() SuggestResult {
	r.closeStmts()
	if r.tx != nil {
		r.tx.Rollback()
		r.tx = nil
	}
	return r.logged
}

func (r *SuggestionRun) closeStmts() {
	closeAll(r.upsert, r.del, r.doc)
	r.upsert, r.del, r.doc = nil, nil, nil
}

// AddEntityLabels adds entity labels to the schema, each with a colour of its own, in one
// logged change: the labels of a source of suggestions that the schema lacks. A name the
// schema has already (in any case) is left as it is.
func (s *Store) AddEntityLabels(ctx context.Context, annotator string, names []string) error {
	if err := labels.CheckAnnotator(annotator); err != nil {
		return fmt.Errorf("add labels: %w", err)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		sc, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		AddEntityLabelsTo(&sc, names)
		if err := sc.Validate(); err != nil {
			return err
		}
		return s.writeSchema(ctx, tx, annotator, sc)
	})
	if err != nil {
		return fmt.Errorf("add labels: %w", err)
	}
	return nil
}
