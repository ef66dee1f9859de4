package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

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
	buf     []byte // reused by insertSpans, up to keptSpanSet
	res     ImportResult
	t       time.Time
	slice   importSlice
	counts  SpanCounts // the spans added since the last slice, for the counts table
}

// BeginImport starts an import. Close it with Commit or Rollback.
func (s *Store) BeginImport(ctx context.Context, opt ImportOptions) (Import, error) {
	// A statement run under a context that can be cancelled costs mattn/go-sqlite3 a goroutine
	// to watch it; Add checks ctx once a record instead.
	imp := &Importer{s: s, ctx: ctx, run: context.WithoutCancel(ctx), opt: opt, unknown: map[string]string{}, t: s.now(),
		counts: SpanCounts{}}
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
