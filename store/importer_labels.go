package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// defaultColors are given, in turn, to labels an import adds to the schema.
var defaultColors = []string{"#e4572e", "#29a3d6", "#76b041", "#b07cc6", "#f3a712", "#17bebb", "#d62246", "#7a6c5d"}

// learnSpan brings a span's label (and a stance span's target) to the schema's spelling, and
// notes what the schema lacks (see learnLabel and learnTarget).
func (imp *Importer) learnSpan(sp *labels.Span) error {
	switch sp.Kind {
	case labels.KindEntity:
		return imp.learnLabel(&sp.Label, false)
	case labels.KindStance:
		if strings.TrimSpace(sp.Target) == "" {
			return fmt.Errorf("%w: a stance span needs a target", labels.ErrUnknownTarget)
		}
		if err := imp.learnLabel(&sp.Label, true); err != nil {
			return err
		}
		imp.learnTarget(&sp.Target)
	}
	return nil
}

// learnStance brings a document stance's label and target to the schema's spelling.
func (imp *Importer) learnStance(ds *labels.DocStance) error {
	if strings.TrimSpace(ds.Target) == "" || strings.TrimSpace(ds.Label) == "" {
		return fmt.Errorf("a document stance needs a target and a label (got %q toward %q)", ds.Label, ds.Target)
	}
	if err := imp.learnLabel(&ds.Label, true); err != nil {
		return err
	}
	imp.learnTarget(&ds.Target)
	return nil
}

// learnLabel rewrites *name as the schema spells it when a label of the group (stance or
// entity) matches it, ignoring case and surrounding white space ("Favor" → "FAVOR"). A label
// that matches none is noted as unknown and, when the import may add labels, added to the
// in-memory schema as written (trimmed); a name that cannot be a label (empty, or more than
// one word) is then an error.
func (imp *Importer) learnLabel(name *string, stance bool) error {
	var l labels.Label
	var ok bool
	if stance {
		l, ok = imp.schema.StanceFold(*name)
	} else {
		l, ok = imp.schema.EntityFold(*name)
	}
	if ok {
		*name = l.Name
		return nil
	}
	written := strings.TrimSpace(*name)
	if written == "" {
		return fmt.Errorf("%w: the label is empty", labels.ErrUnknownLabel)
	}
	imp.note(written)
	if !imp.opt.AddLabels {
		return nil
	}
	if strings.ContainsFunc(written, isSpace) {
		return fmt.Errorf("%w: label %q cannot be added to the schema: a label name is one word", labels.ErrBadSchema, written)
	}
	ls := &imp.schema.Entities
	if stance {
		ls = &imp.schema.StanceLabels
	}
	n := len(imp.schema.Entities) + len(imp.schema.StanceLabels)
	*ls = append(*ls, labels.Label{Name: written, Color: defaultColors[n%len(defaultColors)]})
	imp.added = true
	*name = written
	return nil
}

// learnTarget rewrites *ref, a target named by id, name or Arabic name (Schema.FindTarget),
// as the id of the schema's target. A target the schema lacks is noted as unknown and, when
// the import may add labels, added to the in-memory schema with the name as written
// (trimmed) and an id made from it (Schema.NewTargetID).
func (imp *Importer) learnTarget(ref *string) {
	if t, ok := imp.schema.FindTarget(*ref); ok {
		*ref = t.ID
		return
	}
	written := strings.TrimSpace(*ref)
	if !imp.opt.AddLabels {
		imp.note("target:" + written)
		return
	}
	id := imp.schema.NewTargetID(written)
	imp.schema.Targets = append(imp.schema.Targets, labels.Target{ID: id, Name: written})
	imp.note("target:" + id)
	imp.added = true
	*ref = id
}

// isUnknown tells a refusal for a label or target the schema lacks, which Commit reports
// for the whole file at once.
func (imp *Importer) isUnknown(err error) bool {
	return errors.Is(err, labels.ErrUnknownLabel) || errors.Is(err, labels.ErrUnknownTarget)
}

// importStmts are the statements an import runs for every record.
type importStmts struct {
	doc, spans, stance, state, byHash *sql.Stmt
}

func (s *importStmts) prepare(ctx context.Context, tx *sql.Tx) error {
	return prepareAll(ctx, tx, []stmtSQL{
		{&s.doc, insertDocument},
		{&s.spans, insertSpanSet},
		{&s.stance, `INSERT INTO doc_stance (doc_id, annotator, target, label, updated)
VALUES (?, ?, ?, ?, ?) ON CONFLICT (doc_id, annotator, target) DO UPDATE SET label = excluded.label`},
		{&s.byHash, "SELECT id, ord FROM documents WHERE hash = ?"},
		{&s.state, `INSERT INTO doc_state (doc_id, annotator, ord, status, updated)
VALUES (?, ?, ?, ?, ?) ON CONFLICT (doc_id, annotator) DO UPDATE SET status = excluded.status`},
	})
}

// bigText is the size of a text after whose insert the statement is prepared anew: the
// driver keeps a copy of the last arguments of a statement in C memory, for the next ones.
const bigText = 8 << 20

// insertSpanSet inserts an annotator's set whole: on a new document, or on one where the
// annotator had none (a damaged empty set is replaced).
const insertSpanSet = `INSERT INTO span_sets (doc_id, annotator, spans) VALUES (?, ?, ?)
ON CONFLICT (doc_id, annotator) DO UPDATE SET spans = excluded.spans`

// renewDoc prepares the document's statement again, letting go of the copy of a large text
// that SQLite keeps bound to it.
func (s *importStmts) renewDoc(ctx context.Context, tx *sql.Tx) error {
	return renew(ctx, tx, &s.doc, insertDocument)
}

// renewSpans does for the span sets' statement what renewDoc does for the documents'.
func (s *importStmts) renewSpans(ctx context.Context, tx *sql.Tx) error {
	return renew(ctx, tx, &s.spans, insertSpanSet)
}

func (s *importStmts) close() { closeAll(s.doc, s.spans, s.stance, s.state, s.byHash) }

// spanSize is about the bytes of a span in its set's JSON.
const spanSize = 150

// leanCacheKiB is the page cache of the writer while it writes a large record: its pages are
// written once, and would fill the cache that the indexes of many small documents use
// (writerCacheKiB), 64 MB of memory on top of the record's.
const leanCacheKiB = 4096

// cache sets the writer's page cache to kib KiB.
func (imp *Importer) cache(kib int) error {
	_, err := imp.tx.ExecContext(imp.run, fmt.Sprintf("PRAGMA cache_size = -%d", kib))
	return err
}
