package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// MergeOptions say how Merge takes in another project.
type MergeOptions struct {
	Source string // the other project's file, for the log
	// KeepFirst takes in the other project although an annotator's work on a document
	// differs from theirs here: what is here is kept, and each such conflict is listed in
	// the result. Without it a conflict refuses the whole project (a *MergeConflictError).
	KeepFirst bool
	// Progress, when set, is told after each batch how many documents of the other project
	// have been read, of how many.
	Progress func(read, total int)
	// Exclusive takes the project for the merge when nobody else has it open, as a large
	// import does (ImportOptions.Exclusive): for a command that merges and ends.
	Exclusive bool
}

// MergeResult tells what a merge took in.
type MergeResult struct {
	Documents int // documents of the other project
	Added     int // of them, new here (the others' texts were here)
	// Spans, Stances, States and Events count what was taken in: spans, document stances,
	// document states (statuses, notes and time spent) and logged changes.
	Spans, Stances, States, Events int
	Annotators                     []string        // whose work the other project holds, by name
	Schema                         []string        // what the schema gained (labels.Schema.Unite)
	Conflicts                      []MergeConflict // with KeepFirst: the work kept as it was here
}

// MergeConflict is an annotator's work on a document that differs between the project and
// the one merged into it.
type MergeConflict struct {
	DocID, ExternalID, Annotator string
	Parts                        []string // what differs, one line each
}

func (c MergeConflict) String() string {
	return fmt.Sprintf("%s, annotator %q: %s", describeDocID(c.DocID, c.ExternalID), c.Annotator, strings.Join(c.Parts, "; "))
}

// ErrMergeConflict is wrapped by the refusal of a project whose annotators' work differs
// from theirs in the project it is merged into.
var ErrMergeConflict = errors.New("the same annotator's work differs between the projects")

// MergeConflictError lists the conflicts that refused a merge.
type MergeConflictError struct{ Conflicts []MergeConflict }

func (e *MergeConflictError) Error() string {
	return fmt.Sprintf("%s on %d document(s)", ErrMergeConflict, len(e.Conflicts))
}

func (e *MergeConflictError) Unwrap() error { return ErrMergeConflict }

// Merge takes the documents and the work of every annotator of src into the project, in
// one transaction: all of it, or nothing. Documents are matched by the hash of their text
// (a new one keeps its id when the project has no document with it); each annotator's
// spans, document stances, states and logged changes of a document come in under that
// annotator. What the project holds already is never replaced: where an annotator has work
// of a kind here (entity spans, evidence spans toward a target, a stance toward a target,
// a state past todo) the other project's must be the same, or it is a conflict; the same
// work merged again adds nothing. The schemas are united first (labels.Schema.Unite): a
// clash refuses the merge, naming what clashes, before anything is written. Rows of src
// that cannot be read refuse it too (*DamagedError). src must be a project file
// (ErrOtherStore otherwise: a server project is copied to a file first).
func (s *Store) Merge(ctx context.Context, from Project, opt MergeOptions) (MergeResult, error) {
	src, ok := from.(*Store)
	if !ok {
		return MergeResult{}, fmt.Errorf("merge %s: %w", opt.Source, ErrOtherStore)
	}
	rtx, err := src.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return MergeResult{}, fmt.Errorf("merge %s: %w", opt.Source, err)
	}
	defer rtx.Rollback()
	other, err := loadSchema(ctx, rtx)
	if err != nil {
		return MergeResult{}, fmt.Errorf("merge %s: %w", opt.Source, err)
	}
	m := &merger{s: s, opt: opt, counts: SpanCounts{}, annotators: map[string]bool{}, t: formatTime(s.now())}
	if opt.Exclusive && s.readOnly == "" {
		held, err := s.takeExclusive(ctx)
		if err != nil {
			return MergeResult{}, fmt.Errorf("merge %s: %w", opt.Source, err)
		}
		if held {
			// The merge is in or out whatever the release says: the next opening puts a
			// file left in rollback mode back into WAL.
			defer s.releaseExclusive(context.WithoutCancel(ctx))
		}
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		m.tx = tx
		defer m.stmts.close()
		return m.run(ctx, rtx, other)
	})
	if err != nil {
		return MergeResult{}, fmt.Errorf("merge %s: %w", opt.Source, err)
	}
	return m.res, nil
}

// merger takes one project into another inside the other's write transaction.
type merger struct {
	s          *Store // the team project
	opt        MergeOptions
	tx         *sql.Tx
	schema     labels.Schema // the united schema
	last       int64         // the order of the last document here
	t          string        // the time of the merge, as stored
	stmts      mergeStmts
	counts     SpanCounts
	annotators map[string]bool
	res        MergeResult
}

// run unites the schemas, takes in every document of src (read through rtx) and logs the
// merge.
func (m *merger) run(ctx context.Context, rtx *sql.Tx, other labels.Schema) error {
	mine, err := loadSchema(ctx, m.tx)
	if err != nil {
		return err
	}
	if m.schema, m.res.Schema, err = mine.Unite(other); err != nil {
		return err
	}
	if len(m.res.Schema) > 0 {
		if err := m.s.writeSchema(ctx, m.tx, "", m.schema); err != nil {
			return err
		}
	}
	if err := m.tx.QueryRowContext(ctx, lastOrder).Scan(&m.last); err != nil {
		return err
	}
	var total int
	if err := rtx.QueryRowContext(ctx, lastOrder).Scan(&total); err != nil {
		return err
	}
	if err := m.stmts.prepare(ctx, m.tx); err != nil {
		return err
	}
	for after := int64(0); ; {
		if err := ctx.Err(); err != nil {
			return err
		}
		docs, err := readSource(ctx, rtx, after)
		if err != nil {
			return err
		}
		if len(docs) == 0 {
			break
		}
		after = docs[len(docs)-1].doc.Order
		for _, d := range docs {
			if err := m.document(ctx, d); err != nil {
				return err
			}
		}
		if m.opt.Progress != nil {
			m.opt.Progress(m.res.Documents, total)
		}
	}
	return m.finish(ctx)
}

// finish writes the span counts and the merge's event, or refuses the merge for its
// conflicts.
func (m *merger) finish(ctx context.Context) error {
	if len(m.res.Conflicts) > 0 && !m.opt.KeepFirst {
		return &MergeConflictError{Conflicts: m.res.Conflicts}
	}
	if err := m.counts.write(ctx, m.tx); err != nil {
		return err
	}
	for a := range m.annotators {
		m.res.Annotators = append(m.res.Annotators, a)
	}
	slices.Sort(m.res.Annotators)
	r := m.res
	if r.Added == 0 && r.Spans == 0 && r.Stances == 0 && r.States == 0 && r.Events == 0 && len(r.Schema) == 0 {
		return nil // the same work again: the log does not grow either
	}
	return m.s.appendEvent(ctx, m.tx, "", "", labels.ActionMerge, nil, mergeAfter{
		Source: m.opt.Source, Documents: r.Documents, Added: r.Added, Spans: r.Spans, Stances: r.Stances,
		States: r.States, Events: r.Events, Annotators: r.Annotators, Conflicts: len(r.Conflicts),
	})
}

// mergeAfter is the After of a project.merge event.
type mergeAfter struct {
	Source     string   `json:"source,omitempty"`
	Documents  int      `json:"documents"`
	Added      int      `json:"added"`
	Spans      int      `json:"spans"`
	Stances    int      `json:"stances"`
	States     int      `json:"states"`
	Events     int      `json:"events"`
	Annotators []string `json:"annotators"`
	Conflicts  int      `json:"conflicts,omitempty"`
}

// mergeStmts are the statements a merge runs for every document.
type mergeStmts struct {
	doc, byHash, spans, stance, state, event *sql.Stmt
	// what a document here holds already: its span sets, stances, states and logged changes
	haveSpans, haveStances, haveStates, haveEvents *sql.Stmt
}

// insertOrSkip inserts a document unless its text or its id is in the project already.
const insertOrSkip = `INSERT INTO documents
    (ord, id, external_id, source_file, title, hash, runes, created, metadata, tokens, text)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`

func (s *mergeStmts) prepare(ctx context.Context, tx *sql.Tx) error {
	return prepareAll(ctx, tx, []stmtSQL{
		{&s.doc, insertOrSkip},
		{&s.byHash, "SELECT id, ord FROM documents WHERE hash = ?"},
		{&s.spans, insertSpanSet},
		{&s.stance, "INSERT INTO doc_stance (doc_id, annotator, target, label, updated) VALUES (?, ?, ?, ?, ?)"},
		{&s.state, `INSERT INTO doc_state (doc_id, annotator, ord, status, note, seconds, updated) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (doc_id, annotator) DO UPDATE SET status = excluded.status, note = excluded.note,
    seconds = excluded.seconds, updated = excluded.updated`},
		{&s.event, "INSERT INTO events (time, annotator, doc_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)"},
		{&s.haveSpans, "SELECT annotator, spans FROM span_sets WHERE doc_id = ?"},
		{&s.haveStances, "SELECT doc_id, annotator, target, label, updated FROM doc_stance WHERE doc_id = ? ORDER BY annotator, target"},
		{&s.haveStates, "SELECT annotator, status, note, seconds FROM doc_state WHERE doc_id = ?"},
		{&s.haveEvents, "SELECT time, annotator, action, before, after FROM events WHERE doc_id = ? AND annotator <> ''"},
	})
}

// renewDoc prepares the document's statement again, letting go of the driver's copy of a
// large text.
func (s *mergeStmts) renewDoc(ctx context.Context, tx *sql.Tx) error {
	return renew(ctx, tx, &s.doc, insertOrSkip)
}

func (s *mergeStmts) close() {
	closeAll(s.doc, s.byHash, s.spans, s.stance, s.state, s.event, s.haveSpans, s.haveStances, s.haveStates, s.haveEvents)
}
