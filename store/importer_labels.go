package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// defaultColors are given, in turn, to labels an import adds to the schema.
var defaultColors = []string{"#e4572e", "#29a3d6", "#76b041", "#b07cc6", "#f3a712", "#17bebb", "#d62246", "#7a6c5d"}

// learn notes a span's label (and target) when the schema lacks it, and adds it to the
// in-memory schema when the import may add labels.
func (imp *Importer) learn(sp labels.Span) {
	switch sp.Kind {
	case labels.KindEntity:
		if _, ok := imp.schema.Entity(sp.Label); !ok && sp.Label != "" {
			imp.unknown[sp.Label] = true
			imp.grow(&imp.schema.Entities, sp.Label)
		}
	case labels.KindStance:
		if _, ok := imp.schema.Stance(sp.Label); !ok && sp.Label != "" {
			imp.unknown[sp.Label] = true
			imp.grow(&imp.schema.StanceLabels, sp.Label)
		}
		imp.learnTarget(sp.Target)
	}
}

func (imp *Importer) learnStance(ds labels.DocStance) {
	if _, ok := imp.schema.Stance(ds.Label); !ok && ds.Label != "" {
		imp.unknown[ds.Label] = true
		imp.grow(&imp.schema.StanceLabels, ds.Label)
	}
	imp.learnTarget(ds.Target)
}

func (imp *Importer) learnTarget(id string) {
	if _, ok := imp.schema.Target(id); ok || id == "" {
		return
	}
	imp.unknown["target:"+id] = true
	if imp.opt.AddLabels {
		imp.schema.Targets = append(imp.schema.Targets, labels.Target{ID: id, Name: id})
		imp.added = true
	}
}

// grow adds a label named name to ls when the import may add labels.
func (imp *Importer) grow(ls *[]labels.Label, name string) {
	if !imp.opt.AddLabels || strings.ContainsAny(name, " \t\n") {
		return
	}
	n := len(imp.schema.Entities) + len(imp.schema.StanceLabels)
	*ls = append(*ls, labels.Label{Name: name, Color: defaultColors[n%len(defaultColors)]})
	imp.added = true
}

// isUnknown tells a refusal for a label or target the schema lacks, which Commit reports
// for the whole file at once.
func (imp *Importer) isUnknown(err error) bool {
	return errors.Is(err, labels.ErrUnknownLabel) || errors.Is(err, labels.ErrUnknownTarget)
}

// importStmts are the statements an import runs for every record.
type importStmts struct {
	doc, span, stance, state *sql.Stmt
}

func (s *importStmts) prepare(ctx context.Context, tx *sql.Tx) error {
	var err error
	if s.doc, err = tx.PrepareContext(ctx, insertDocument); err != nil {
		return err
	}
	if s.span, err = tx.PrepareContext(ctx, `INSERT INTO spans
    (doc_id, annotator, start, "end", id, text, label, kind, target, origin, created, updated)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return err
	}
	if s.stance, err = tx.PrepareContext(ctx, `INSERT INTO doc_stance (doc_id, annotator, target, label, updated)
VALUES (?, ?, ?, ?, ?) ON CONFLICT (doc_id, annotator, target) DO UPDATE SET label = excluded.label`); err != nil {
		return err
	}
	s.state, err = tx.PrepareContext(ctx, `INSERT INTO doc_state (doc_id, annotator, ord, status, updated)
VALUES (?, ?, ?, ?, ?) ON CONFLICT (doc_id, annotator) DO UPDATE SET status = excluded.status`)
	return err
}

func (s *importStmts) close() {
	for _, st := range []*sql.Stmt{s.doc, s.span, s.stance, s.state} {
		if st != nil {
			st.Close()
		}
	}
}
