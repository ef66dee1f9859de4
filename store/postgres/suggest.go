package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// runSlice is how long a run of suggestions writes before it commits what it wrote.
const runSlice = time.Second

// suggestionRun writes what a run of sources suggests, as the file's SuggestionRun does:
// each document's suggestions of each source replaced, committed every runSlice.
type suggestionRun struct {
	s       *Store
	ctx     context.Context
	tx      pgx.Tx
	sources []string
	began   time.Time
	t       string
	res     store.SuggestResult
	logged  store.SuggestResult
	labels  map[string]struct{} // the labels checked
}

// BeginSuggestions starts a run of the named sources. Close it with Commit or Rollback.
func (s *Store) BeginSuggestions(ctx context.Context, sources []string, shared bool) (store.Suggester, error) {
	if err := store.CheckSources(sources); err != nil {
		return nil, fmt.Errorf("begin suggestions: %w", err)
	}
	r := &suggestionRun{s: s, ctx: ctx, sources: slices.Clone(sources), t: store.FormatTime(s.now()), labels: map[string]struct{}{}}
	if err := r.begin(); err != nil {
		return nil, fmt.Errorf("begin suggestions: %w", classify(err))
	}
	return r, nil
}

func (r *suggestionRun) begin() error {
	tx, err := r.s.pool.Begin(context.WithoutCancel(r.ctx))
	if err != nil {
		return err
	}
	r.tx, r.began = tx, time.Now()
	return nil
}

// Put replaces the suggestions of the run's sources for doc with sgs.
func (r *suggestionRun) Put(doc labels.Document, sgs []labels.Suggestion) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if time.Since(r.began) >= runSlice {
		if err := r.commit(); err != nil {
			return err
		}
		if err := r.begin(); err != nil {
			return classify(err)
		}
	}
	ctx := context.WithoutCancel(r.ctx)
	var ord int64
	var runes int
	err := r.tx.QueryRow(ctx, "SELECT ord, runes FROM documents WHERE id = $1", doc.ID).Scan(&ord, &runes)
	if errors.Is(err, pgx.ErrNoRows) {
		err = store.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("suggestions of document %s: %w", doc.ID, classify(err))
	}
	x := labels.NewTextIndex(doc.Text)
	if x.Len() != runes {
		return fmt.Errorf("suggestions of document %s: the text given is not the document's", doc.ID)
	}
	bySource, err := store.GroupSuggestions(r.sources, r.labels, x, doc.ID, sgs)
	if err != nil {
		return err
	}
	for i, src := range r.sources {
		if err := r.write(ctx, doc.ID, ord, src, bySource[i]); err != nil {
			return fmt.Errorf("suggestions of document %s: %w", doc.ID, classify(err))
		}
	}
	r.res.Documents++
	return nil
}

// decisionKey names a suggestion of a source by its place and label, as decisions do.
type decisionKey struct {
	source     string
	start, end int
	label      string
}

func keyOf(g labels.Suggestion) decisionKey { return decisionKey{g.Source, g.Start, g.End, g.Label} }

func (r *suggestionRun) write(ctx context.Context, docID string, ord int64, source string, sgs []labels.Suggestion) error {
	if len(sgs) == 0 {
		_, err := r.tx.Exec(ctx, "DELETE FROM suggestion_sets WHERE doc_id = $1 AND source = $2", docID, source)
		return err
	}
	if err := putSuggestions(ctx, r.tx, docID, ord, sgs, r.t); err != nil {
		return err
	}
	r.res.Suggestions += len(sgs)
	return nil
}

// putSuggestions writes the suggestions of one source of a document, in stored order.
func putSuggestions(ctx context.Context, tx pgx.Tx, docID string, ord int64, sgs []labels.Suggestion, t string) error {
	data, low := store.EncodeSuggestions(sgs)
	_, err := tx.Exec(ctx, `INSERT INTO suggestion_sets (doc_id, source, ord, n, low, updated, items)
VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (doc_id, source) DO UPDATE
SET n = excluded.n, low = excluded.low, updated = excluded.updated, items = excluded.items`,
		docID, sgs[0].Source, ord, len(sgs), low, t, string(data))
	return err
}

func (r *suggestionRun) commit() error {
	ctx := context.WithoutCancel(r.ctx)
	if n := r.res.Documents - r.logged.Documents; n > 0 {
		after := map[string]any{"sources": r.sources, "documents": n, "suggestions": r.res.Suggestions - r.logged.Suggestions}
		if err := r.s.appendEvent(ctx, r.tx, "", "", labels.ActionSuggestionsPut, nil, after); err != nil {
			return err
		}
		if _, err := r.tx.Exec(ctx, "SELECT pg_notify($1, '')", notifyChannel); err != nil {
			return err
		}
	}
	err := r.tx.Commit(ctx)
	r.tx = nil
	if err != nil {
		return fmt.Errorf("suggestions: %w", classify(err))
	}
	r.logged = r.res
	return nil
}

// Commit ends the run and returns what it wrote.
func (r *suggestionRun) Commit() (store.SuggestResult, error) {
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
func (r *suggestionRun) Rollback() store.SuggestResult {
	if r.tx != nil {
		r.tx.Rollback(context.WithoutCancel(r.ctx))
		r.tx = nil
	}
	return r.logged
}

// Suggestions returns the suggestions of every source for a document, each with annotator's decision.
func (s *Store) Suggestions(ctx context.Context, docID, annotator string) ([]labels.Suggestion, error) {
	var sgs []labels.Suggestion
	err := s.read(ctx, func(tx pgx.Tx) error {
		var err error
		sgs, err = decidedSuggestions(ctx, tx, docID, annotator)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("suggestions: %w", err)
	}
	return sgs, nil
}

func decidedSuggestions(ctx context.Context, q db, docID, annotator string) ([]labels.Suggestion, error) {
	text, err := documentText(ctx, q, docID)
	if err != nil {
		return nil, err
	}
	x := labels.NewTextIndex(text)
	var all []labels.Suggestion
	err = eachRow(ctx, q, "SELECT source, items FROM suggestion_sets WHERE doc_id = $1", []any{docID}, func(rows pgx.Rows) error {
		var source, data string
		if err := rows.Scan(&source, &data); err != nil {
			return err
		}
		sgs, err := store.DecodeSuggestions([]byte(data), docID, source, x)
		all = append(all, sgs...)
		return err
	})
	if err != nil || annotator == "" || len(all) == 0 {
		slices.SortFunc(all, labels.CompareSuggestions)
		return all, err
	}
	slices.SortFunc(all, labels.CompareSuggestions)
	decided := map[decisionKey]labels.Decision{}
	err = eachRow(ctx, q, `SELECT source, start, "end", label, decision FROM suggestion_decisions
WHERE doc_id = $1 AND annotator = $2`, []any{docID, annotator}, func(rows pgx.Rows) error {
		var k decisionKey
		var d string
		err := rows.Scan(&k.source, &k.start, &k.end, &k.label, &d)
		decided[k] = labels.Decision(d)
		return err
	})
	for i := range all {
		all[i].Decision = decided[keyOf(all[i])]
	}
	return all, err
}

// PendingSuggestions returns the suggestions of a document annotator has yet to decide on,
// that lie on no span of theirs and that accepting would add.
func (s *Store) PendingSuggestions(ctx context.Context, docID, annotator string) ([]labels.Suggestion, error) {
	if err := labels.CheckAnnotator(annotator); err != nil {
		return nil, fmt.Errorf("pending suggestions: %w", err)
	}
	var out []labels.Suggestion
	err := s.read(ctx, func(tx pgx.Tx) error {
		sc, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		sgs, err := decidedSuggestions(ctx, tx, docID, annotator)
		if err != nil || len(sgs) == 0 {
			return err
		}
		spans, err := loadSpans(ctx, tx, docID, annotator, false)
		if err != nil {
			return err
		}
		text, err := documentText(ctx, tx, docID)
		if err != nil {
			return err
		}
		out = store.Pending(sc, text, annotator, sgs, spans)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pending suggestions of %s: %w", docID, err)
	}
	return out, nil
}

// DocumentsByScore returns a page of the documents with suggestions, the lowest scored first.
func (s *Store) DocumentsByScore(ctx context.Context, p store.ScorePage) ([]store.ScoredSummary, error) {
	if p.Limit <= 0 {
		p.Limit = store.DefaultPageSize
	}
	var a args
	who := a.add(p.Annotator)
	from := "(SELECT ord, min(low) AS low FROM suggestion_sets GROUP BY ord) x"
	where := "true"
	if p.Source != "" {
		from, where = "suggestion_sets x", "x.source = "+a.add(p.Source)
	}
	if p.AfterOrder > 0 {
		where += fmt.Sprintf(" AND (x.low, x.ord) > (%s, %s)", a.add(p.AfterScore), a.add(p.AfterOrder))
	}
	query := `SELECT d.ord, d.id, d.external_id, d.title, d.runes, coalesce(st.status, 'todo'), x.low FROM ` + from + `
JOIN documents d ON d.ord = x.ord LEFT JOIN doc_state st ON st.doc_id = d.id AND st.annotator = ` + who + `
WHERE ` + where + ` ORDER BY x.low, x.ord LIMIT ` + a.add(p.Limit)
	var list []store.ScoredSummary
	err := eachRow(ctx, s.pool, query, a, func(rows pgx.Rows) error {
		var sm store.ScoredSummary
		var status string
		err := rows.Scan(&sm.Order, &sm.ID, &sm.ExternalID, &sm.Title, &sm.Runes, &status, &sm.Score)
		sm.Status = labels.Status(status)
		list = append(list, sm)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("documents by score: %w", classify(err))
	}
	return list, nil
}

// CountDocumentsByScore returns how many documents DocumentsByScore lists for source ("" for
// every source): those with suggestions.
func (s *Store) CountDocumentsByScore(ctx context.Context, source string) (int, error) {
	query, a := "SELECT count(DISTINCT ord) FROM suggestion_sets", args{}
	if source != "" {
		query = "SELECT count(*) FROM suggestion_sets WHERE source = " + a.add(source)
	}
	var n int
	if err := s.pool.QueryRow(ctx, query, a...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count the documents by score: %w", classify(err))
	}
	return n, nil
}
