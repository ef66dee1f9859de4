package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/labels"
)

// ErrUnknownLabels is returned by Importer.Commit when the imported records use labels or
// targets that the schema lacks and the import was not allowed to add them.
var ErrUnknownLabels = errors.New("labels not in the project's schema")

// ImportOptions set how an Importer treats what it is given.
type ImportOptions struct {
	Annotator string // owns the spans, stances and status of records that name no annotator
	AddLabels bool   // add unknown labels and targets to the schema instead of refusing them
	Source    string // the file being imported, for the log
	// Exclusive takes the project for the import when nobody else has it open: see
	// takeExclusive. For a command that imports and ends, not for the window.
	Exclusive bool
	// KeepFirst writes what a record brings to a document already in the project but for
	// the annotations that conflict with those there, which are kept (ConflictError);
	// without it such a record is refused whole.
	KeepFirst bool
	// Mark, when set, is the status that Annotator gets on each record that names no
	// annotator and brings no status past todo, where Annotator has none past todo yet: the
	// record counts as Annotator's work even without a span (agreement compares annotators
	// over the documents both worked on). It never conflicts with a status there.
	Mark labels.Status
	// Slice commits the import every sliceTime of work when it shares the project (it is not
	// Exclusive, or others have the project open), so that their writes wait a slice at most
	// instead of the whole file. A file then goes in as it is read: what a refused file or a
	// cancel leaves in is what Rollback returns.
	Slice bool
}

// ImportResult tells what an import added.
type ImportResult struct {
	Added, Duplicates int
	Spans, Stances    int
	Suggestions       int // suggestions stored (a model's predictions, those of native records)
	// AttachedSpans and Attached count the spans and document stances (included in Spans and
	// Stances) that records whose text the project already held brought to that document;
	// Statuses the statuses they set there.
	AttachedSpans, Attached, Statuses int
	NewLabels                         []string // labels and targets added to the schema ("ORG", "target:lna")
}

// Importer adds the records of one file in one transaction, so that a file is imported whole
// or not at all, however large it is: records stream through Add and nothing is kept in
// memory but the schema. It holds the project's writer until Commit or Rollback.
type Importer struct {
	s       *Store
	held    bool // the project is ours alone until the import ends (takeExclusive)
	ctx     context.Context
	run     context.Context // ctx without its cancellation, for the statements of each record
	tx      *sql.Tx
	opt     ImportOptions
	schema  labels.Schema
	added   bool              // the schema gained labels
	unknown map[string]string // labels and targets the schema lacks: folded → as first written
	noted   []string          // the keys of unknown in the order they came, for restore
	last    int64
	stmts   importStmts
	buf     []storedSpan // reused by insertSpans
	res     ImportResult
	t       time.Time
	slice   importSlice
	counts  spanCounts // the spans added since the last slice, for the counts table
}

// BeginImport starts an import. Close it with Commit or Rollback.
func (s *Store) BeginImport(ctx context.Context, opt ImportOptions) (Import, error) {
	// A statement run under a context that can be cancelled costs mattn/go-sqlite3 a goroutine
	// to watch it; Add checks ctx once a record instead.
	imp := &Importer{s: s, ctx: ctx, run: context.WithoutCancel(ctx), opt: opt, unknown: map[string]string{}, t: s.now(),
		counts: spanCounts{}}
	imp.slice.began = time.Now()
	if opt.Exclusive {
		var err error
		if imp.held, err = s.takeExclusive(ctx); err != nil {
			return nil, fmt.Errorf("begin import: %w", err)
		}
	}
	tx, err := s.begin(ctx)
	if err != nil {
		imp.release()
		return nil, fmt.Errorf("begin import: %w", err)
	}
	imp.tx = tx
	if err := imp.prepare(); err != nil {
		imp.Rollback()
		return nil, fmt.Errorf("begin import: %w", err)
	}
	return imp, nil
}

// release gives the project back to others when the import had it alone.
func (imp *Importer) release() error {
	if !imp.held {
		return nil
	}
	imp.held = false
	return imp.s.releaseExclusive(context.WithoutCancel(imp.ctx))
}

func (imp *Importer) prepare() error {
	var err error
	if imp.schema, err = loadSchema(imp.ctx, imp.tx); err != nil {
		return err
	}
	if err = imp.tx.QueryRowContext(imp.ctx, "SELECT coalesce(max(ord), 0) FROM documents").Scan(&imp.last); err != nil {
		return err
	}
	return imp.stmts.prepare(imp.ctx, imp.tx)
}

// RecordError is a record that Add refused for what it holds (bad offsets, an id of another
// text...). Nothing of it was written and the import can go on; any other error from Add
// means the import itself failed.
type RecordError struct{ Err error }

func (e *RecordError) Error() string { return e.Err.Error() }
func (e *RecordError) Unwrap() error { return e.Err }

// Add stores one record: its document, its spans, stances and status. When the project holds
// its text already the document is not added again, and the record's annotations go to the
// stored document (attach): a record per (text, target), as stance corpora come, keeps every
// stance, and a text imported plain first keeps the spans a later file brings. Labels and
// targets are matched to the schema's without regard to case (labels.Schema.StanceFold,
// FindTarget) and stored as the schema spells them, whether the text is new or not.
// Everything is checked before anything is written, so a refused record (a *RecordError)
// leaves nothing behind. Labels the schema lacks are collected for Commit.
func (imp *Importer) Add(rec labels.Annotated) error {
	if err := imp.ctx.Err(); err != nil {
		return err
	}
	if err := imp.nextSlice(); err != nil {
		return err
	}
	saved := imp.save()
	c, err := imp.check(rec)
	if err != nil {
		imp.restore(saved)
		return err
	}
	row, annotator, spans, stances := c.row, c.annotator, c.spans, c.stances
	id, fresh, err := imp.insertDocument(row)
	if err != nil {
		imp.restore(saved)
		return err
	}
	mark := imp.markOf(rec)
	if !fresh {
		imp.res.Duplicates++
		err := imp.attach(row.doc.Hash, annotator, rec.Status, mark, spans, stances)
		if errors.As(err, new(*RecordError)) {
			imp.restore(saved)
			return err
		}
		if serr := imp.attachSuggestions(row.doc.Hash, annotator, c.suggestions); serr != nil {
			return serr
		}
		return err
	}
	if err := imp.insertSpans(id, annotator, nil, spans); err != nil {
		return err
	}
	if err := imp.insertSuggestions(id, imp.last, annotator, c.suggestions); err != nil {
		return err
	}
	if err := imp.insertStances(id, annotator, stances); err != nil {
		return err
	}
	st := rec.Status
	if st == "" || st == labels.StatusTodo {
		st = mark
	}
	return imp.insertState(id, annotator, st)
}

// markOf returns the status ImportOptions.Mark gives rec: the Mark when rec names no
// annotator and brings no status past todo, "" otherwise.
func (imp *Importer) markOf(rec labels.Annotated) labels.Status {
	if rec.Annotator != "" || (rec.Status != "" && rec.Status != labels.StatusTodo) {
		return ""
	}
	return imp.opt.Mark
}

// importState is what Add changes besides the database, to be put back when a record fails.
type importState struct {
	res                       ImportResult
	last                      int64
	entities, stance, targets int
	added                     bool
	noted                     int
}

func (imp *Importer) save() importState {
	return importState{res: imp.res, last: imp.last, entities: len(imp.schema.Entities),
		stance: len(imp.schema.StanceLabels), targets: len(imp.schema.Targets), added: imp.added,
		noted: len(imp.noted)}
}

func (imp *Importer) restore(st importState) {
	imp.res, imp.last, imp.added = st.res, st.last, st.added
	for _, k := range imp.noted[st.noted:] {
		delete(imp.unknown, k)
	}
	imp.noted = imp.noted[:st.noted]
	imp.schema.Entities = imp.schema.Entities[:st.entities]
	imp.schema.StanceLabels = imp.schema.StanceLabels[:st.stance]
	imp.schema.Targets = imp.schema.Targets[:st.targets]
}

// insertDocument inserts the document and reports whether it is new.
func (imp *Importer) insertDocument(row docRow) (string, bool, error) {
	id := row.doc.ID
	if u, err := uuid.Parse(id); err != nil || u.String() != id {
		id = ""
	}
	if id == "" {
		u, err := uuid.NewV7()
		if err != nil {
			return "", false, err
		}
		id = u.String()
	}
	d := row.doc
	r, err := imp.stmts.doc.ExecContext(imp.run, imp.last+1, id, d.ExternalID, d.SourceFile, d.Title, d.Hash,
		row.runes, formatTime(imp.t), row.metadata, row.tokens, d.Text)
	if err == nil && len(d.Text) >= bigText {
		err = imp.stmts.renewDoc(imp.ctx, imp.tx)
	}
	if err != nil {
		if strings.Contains(err.Error(), "documents.id") {
			return "", false, &RecordError{fmt.Errorf("document id %s is already in the project with another text", id)}
		}
		return "", false, err
	}
	if n, err := r.RowsAffected(); err != nil || n == 0 {
		return "", false, err
	}
	imp.last++
	imp.res.Added++
	return id, true, nil
}

// insertSpans stores the checked spans, with new ids, as the annotator's set of the document
// beside the spans it has there (none on a new document).
func (imp *Importer) insertSpans(docID, annotator string, have, spans []labels.Span) error {
	if len(spans) == 0 {
		return nil
	}
	for i := range spans {
		u, err := uuid.NewV7()
		if err != nil {
			return err
		}
		spans[i].ID = u.String()
	}
	added := len(spans)
	imp.counts.add(spans, 1)
	spans = append(spans, have...)
	sortSpans(spans)
	data, buf, err := encodeSpans(imp.buf, spans)
	imp.buf = buf
	if err != nil {
		return err
	}
	if _, err := imp.stmts.spans.ExecContext(imp.run, docID, annotator, string(data)); err != nil {
		return err
	}
	if err := indexSpanLabels(imp.run, imp.tx, docID, annotator, have, spans); err != nil {
		return err
	}
	imp.res.Spans += added
	return nil
}

func (imp *Importer) insertStances(docID, annotator string, stances []labels.DocStance) error {
	for _, ds := range stances {
		if _, err := imp.stmts.stance.ExecContext(imp.run, docID, annotator, ds.Target, ds.Label, formatTime(imp.t)); err != nil {
			return err
		}
		imp.res.Stances++
	}
	return nil
}

func (imp *Importer) insertState(docID, annotator string, st labels.Status) error {
	if st == "" || st == labels.StatusTodo || annotator == "" {
		return nil
	}
	_, err := imp.stmts.state.ExecContext(imp.run, docID, annotator, imp.last, string(st), formatTime(imp.t))
	return err
}

// SetSource names what the import read, for the project's log, when it is more than the file
// named when it began (a batch of files).
func (imp *Importer) SetSource(source string) { imp.opt.Source = source }

// Unknown returns the error Commit gives for the labels and targets the records used that the
// schema lacks, or nil when there are none or the import may add them.
func (imp *Importer) Unknown() error {
	if len(imp.unknown) == 0 || imp.opt.AddLabels {
		return nil
	}
	return fmt.Errorf("%w: %s (add them to the schema, or import with --add-labels)",
		ErrUnknownLabels, listSome(sortedValues(imp.unknown), maxUnknownListed))
}

// Commit ends the import. When records used labels the schema lacks, it either adds them
// (ImportOptions.AddLabels) or undoes the whole import and returns ErrUnknownLabels with
// their list.
func (imp *Importer) Commit() (ImportResult, error) {
	if err := imp.Unknown(); err != nil {
		imp.Rollback()
		return ImportResult{}, err
	}
	if err := imp.finish(); err != nil {
		imp.Rollback()
		return ImportResult{}, fmt.Errorf("import: %w", err)
	}
	err := imp.tx.Commit()
	// The import is in or out whatever release says: a file left in rollback mode is sound,
	// and the next Open puts it back into WAL.
	imp.release()
	if err != nil {
		return ImportResult{}, fmt.Errorf("import: %w", err)
	}
	imp.res.NewLabels = sortedValues(imp.unknown)
	return imp.res, nil
}

// finish writes the grown schema, the span counts and the event of what the transaction (the
// import, or its slice) added.
func (imp *Importer) finish() error {
	imp.stmts.close()
	if imp.added {
		if err := imp.s.writeSchema(imp.ctx, imp.tx, imp.opt.Annotator, imp.schema); err != nil {
			return err
		}
		imp.added = false
	}
	if err := imp.counts.write(imp.ctx, imp.tx); err != nil {
		return err
	}
	res := imp.res.minus(imp.slice.kept)
	if res.Added == 0 && res.Stances == 0 && res.Spans == 0 && res.Statuses == 0 && res.Suggestions == 0 {
		return nil
	}
	return imp.s.appendEvent(imp.ctx, imp.tx, imp.opt.Annotator, "", labels.ActionDocumentsAdd, nil, importAfter{
		Count: res.Added, Duplicates: res.Duplicates, Spans: res.Spans, Stances: res.Stances,
		Attached: res.Attached, AttachedSpans: res.AttachedSpans, Statuses: res.Statuses, Suggestions: res.Suggestions,
		Source: imp.opt.Source, Last: imp.last, First: imp.last - int64(res.Added) + 1,
	})
}

// Rollback abandons the import, or what it added since its last slice (ImportOptions.Slice),
// and returns what its slices committed: nothing, for an import that was not sliced. It is
// safe after Commit.
func (imp *Importer) Rollback() ImportResult {
	imp.stmts.close()
	if imp.tx != nil {
		imp.tx.Rollback()
	}
	imp.release()
	return imp.slice.kept
}

// importAfter is the After of an import's documents.add event.
type importAfter struct {
	Count      int `json:"count"`
	Duplicates int `json:"duplicates"`
	Spans      int `json:"spans"`
	Stances    int `json:"stances"`
	Attached   int `json:"attached,omitempty"`
	// AttachedSpans and Statuses: spans and statuses brought to documents already there.
	AttachedSpans int    `json:"attached_spans,omitempty"`
	Statuses      int    `json:"statuses,omitempty"`
	Suggestions   int    `json:"suggestions,omitempty"`
	Source        string `json:"source,omitempty"`
	First         int64  `json:"first"`
	Last          int64  `json:"last"`
}

// maxUnknownListed is how many unknown labels and targets a refusal names (targets met as
// claims can be many).
const maxUnknownListed = 30

// listSome joins the first max items of list, and says how many more there are.
func listSome(list []string, max int) string {
	if len(list) <= max {
		return strings.Join(list, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(list[:max], ", "), len(list)-max)
}

// note records a label or target the schema lacks, once whatever its case, as first written.
func (imp *Importer) note(name string) {
	k := strings.ToLower(name)
	if _, ok := imp.unknown[k]; ok {
		return
	}
	imp.unknown[k] = name
	imp.noted = append(imp.noted, k)
}

func sortedValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}
