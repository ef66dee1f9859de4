package store

import (
	"context"
	"errors"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// Project is what the window, the jobs and the commands use of a project: the contract that
// every store keeps, *Store (a SQLite file) and the PostgreSQL store of package
// store/postgres alike. Values are the domain's (package labels) and this package's (Stats,
// Page, ImportResult...); errors wrap this package's sentinels (ErrNotFound, ErrDamaged,
// ErrNothingToUndo...) and the labels ones, so that callers test them with errors.Is whatever
// the store. The contract is held by one test suite run against both (store/storetest).
type Project interface {
	// Path names the project for people: a file's path, or a server URL without its password.
	Path() string
	Close() error
	// SetClock gives the times the store writes (nil: the system's clock).
	SetClock(now func() time.Time)

	// The label schema and the project's settings.
	Schema(ctx context.Context) (labels.Schema, error)
	SetSchema(ctx context.Context, annotator string, sc labels.Schema) error
	AddTarget(ctx context.Context, annotator string, t labels.Target) error
	RenameTarget(ctx context.Context, annotator, id, name, nameAr string) error
	AddEntityLabels(ctx context.Context, annotator string, names []string) error
	TargetUses(ctx context.Context) (map[string]TargetUse, error)
	Meta(ctx context.Context, key string) (string, error)
	SetMeta(ctx context.Context, key, value string) error
	Migrations(ctx context.Context) ([]Migration, error)

	// Documents.
	AddDocuments(ctx context.Context, docs []labels.Document) (AddResult, error)
	Document(ctx context.Context, id string) (labels.Document, error)
	DocumentByOrder(ctx context.Context, order int64) (labels.Document, error)
	DocumentIDs(ctx context.Context) ([]string, error)
	Documents(ctx context.Context, p Page) ([]labels.Summary, error)
	CountDocuments(ctx context.Context) (int, error)

	// An annotator's work: spans, statuses, document stances, and its undo stack.
	AddSpan(ctx context.Context, sp labels.Span) (labels.Span, error)
	AddSpans(ctx context.Context, spans []labels.Span) ([]labels.Span, error)
	UpdateSpan(ctx context.Context, sp labels.Span) (labels.Span, error)
	DeleteSpan(ctx context.Context, annotator, docID, id string) error
	Span(ctx context.Context, docID, id string) (labels.Span, error)
	Spans(ctx context.Context, docID, annotator string) ([]labels.Span, error)
	SetState(ctx context.Context, st labels.DocState) error
	State(ctx context.Context, docID, annotator string) (labels.DocState, error)
	SetDocStance(ctx context.Context, ds labels.DocStance) error
	ClearDocStance(ctx context.Context, docID, annotator, target string) error
	DocStances(ctx context.Context, docID, annotator string) ([]labels.DocStance, error)
	StanceKeys(ctx context.Context, annotator string) (map[string]string, error)
	Undo(ctx context.Context, annotator string) (labels.Event, error)
	Redo(ctx context.Context, annotator string) (labels.Event, error)
	// NextStep and UndoStep undo (redo false) or redo a step named by its seq, so that the
	// same call sent again after its answer was lost is applied once (see DecideStep).
	NextStep(ctx context.Context, annotator string, redo bool) (int64, error)
	UndoStep(ctx context.Context, annotator string, seq int64, redo bool) (labels.Event, error)
	Events(ctx context.Context, after int64, limit int) ([]labels.Event, error)

	// Counts, checks, and what others changed.
	Stats(ctx context.Context, annotator string) (Stats, error)
	// Progress is the work on the project as the dashboard draws it, finished documents
	// counted by the day in loc.
	Progress(ctx context.Context, loc *time.Location) (Progress, error)
	Check(ctx context.Context) ([]Problem, error)
	Recount(ctx context.Context) error
	// Changed reports whether someone else changed the project since the last call.
	Changed(ctx context.Context) (bool, error)
	// OpenElsewhere reports whether others may be writing to the project meanwhile.
	OpenElsewhere() bool

	// Bulk reading and writing.
	BeginImport(ctx context.Context, opt ImportOptions) (Import, error)
	Export(ctx context.Context, f ExportFilter, fn func(labels.Annotated) error) error
	EachWork(ctx context.Context, f WorkFilter, fn func(DocumentWork) error) error
	DocumentWork(ctx context.Context, docID string) (DocumentWork, error)
	EachDocumentWork(ctx context.Context, fn func(doc labels.Document, work []labels.Annotated) error) error
	EachSpanSet(ctx context.Context, fn func(spans []labels.Span) error) error

	// Search.
	Search(ctx context.Context, q Query, after int64) ([]Hit, error)
	SearchBehind(ctx context.Context) (int, error)
	IndexSearch(ctx context.Context, progress func(done, total int)) error

	// Suggestions.
	BeginSuggestions(ctx context.Context, sources []string, shared bool) (Suggester, error)
	Suggestions(ctx context.Context, docID, annotator string) ([]labels.Suggestion, error)
	PendingSuggestions(ctx context.Context, docID, annotator string) ([]labels.Suggestion, error)
	AcceptSuggestion(ctx context.Context, annotator string, g labels.Suggestion, spanID string) (labels.Span, error)
	RejectSuggestion(ctx context.Context, annotator string, g labels.Suggestion) error
	AcceptAllSuggestions(ctx context.Context, annotator, docID string) ([]labels.Span, error)
	AcceptAllSuggestionsNamed(ctx context.Context, annotator, docID string, name func(labels.Suggestion) string) ([]labels.Span, error)
	DocumentsByScore(ctx context.Context, p ScorePage) ([]ScoredSummary, error)
	CountDocumentsByScore(ctx context.Context, source string) (int, error)

	// A team's work: merging projects, gold by adjudication.
	Merge(ctx context.Context, src Project, opt MergeOptions) (MergeResult, error)
	Adjudicate(ctx context.Context, p Panel, r Rule) (AdjudicateResult, error)
	AdjudicateDocument(ctx context.Context, docID string, p Panel, r Rule) (Proposal, bool, error)
	AcceptSpan(ctx context.Context, curator string, sp labels.Span) (labels.Span, error)
}

// Import adds the records of one file in one transaction (Project.BeginImport): *Importer
// for a SQLite file.
type Import interface {
	Add(rec labels.Annotated) error
	Check(rec labels.Annotated) error
	SetSource(source string)
	Unknown() error
	Commit() (ImportResult, error)
	Rollback() ImportResult
}

// Suggester writes the suggestions of a run of sources (Project.BeginSuggestions):
// *SuggestionRun for a SQLite file.
type Suggester interface {
	Put(doc labels.Document, sgs []labels.Suggestion) error
	Commit() (SuggestResult, error)
	Rollback() SuggestResult
}

// Assigner is a store that hands documents out from an assignment queue, so that a team
// labels each document as many times as it should and no more (a server project).
type Assigner interface {
	// Assign gives every document perDocument slots in the queue; a slot taken is held for
	// lease for its annotator, then goes to the next who asks.
	Assign(ctx context.Context, perDocument int, lease time.Duration) (int, error)
	// NextAssigned returns the id of the next document of the queue for annotator: "" when
	// the project has no queue or nothing is left for them.
	NextAssigned(ctx context.Context, annotator string) (string, error)
}

// ErrOtherStore: the project cannot take work from a project kept by another kind of store
// that way (a server project is merged into a file by copying it to a file first).
var ErrOtherStore = errors.New("the other project is kept by another kind of store")

// ErrUnavailable: the project's server cannot be reached (it is down, restarting, or the
// network is). Nothing was written, or the write's outcome is unknown and the same write,
// tried again, is recognised (span ids, upserts): a write that failed so can be tried again.
var ErrUnavailable = errors.New("the project's server cannot be reached")

// Retryable reports whether a write that failed with err can be tried again as it is: the
// project was busy (IsBusy) or its server could not be reached (ErrUnavailable).
func Retryable(err error) bool { return IsBusy(err) || errors.Is(err, ErrUnavailable) }

var (
	_ Project   = (*Store)(nil)
	_ Import    = (*Importer)(nil)
	_ Suggester = (*SuggestionRun)(nil)
)
