package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// ErrConflict is wrapped by the error about a record that brings to a document already in
// the project annotations other than those its annotator has there.
var ErrConflict = errors.New("conflicts with the annotations already in the project")

// ConflictError lists what a record brought to a document already in the project that
// differs from what the annotator has there. Add returns it, wrapped in a *RecordError, when
// nothing of the record was written; with ImportOptions.KeepFirst it returns it alone after
// writing the rest of the record, the annotations already there being kept.
type ConflictError struct {
	DocID, Annotator string
	Parts            []string // one line each: "spans ...", "stance toward ...", "status ..."
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s of %q on document %s: %s", ErrConflict, e.Annotator, e.DocID, strings.Join(e.Parts, "; "))
}

func (e *ConflictError) Unwrap() error { return ErrConflict }

// attachment is what a record brings to a document already in the project, once compared
// with what is there: the parts to write and the conflicts.
type attachment struct {
	docID  string
	ord    int64
	have   []labels.Span // the annotator's spans there
	spans  []labels.Span // the record's spans to add to them
	stance []labels.DocStance
	status labels.Status
	mark   labels.Status // ImportOptions.Mark for this record, or ""
	ConflictError
}

// attach brings the annotations of a record whose text the project already holds to that
// document, for the record's annotator: its entity spans when the annotator has none there,
// its evidence spans toward a target when the annotator has none toward it, each document
// stance toward a target the annotator has none toward, and its status when the annotator's
// is todo (or the mark, when the record brings no status). Annotations equal to those there
// count as already there; others are conflicts (ConflictError).
func (imp *Importer) attach(hash, annotator string, status, mark labels.Status, spans []labels.Span, stances []labels.DocStance) error {
	a := attachment{mark: mark, ConflictError: ConflictError{Annotator: annotator}}
	if err := imp.stmts.byHash.QueryRowContext(imp.run, hash).Scan(&a.docID, &a.ord); err != nil {
		return err
	}
	a.DocID = a.docID
	if err := imp.compareSpans(&a, spans); err != nil {
		return err
	}
	if err := imp.compareStances(&a, stances); err != nil {
		return err
	}
	if err := imp.compareStatus(&a, status); err != nil {
		return err
	}
	if len(a.Parts) > 0 && !imp.opt.KeepFirst {
		return &RecordError{&a.ConflictError}
	}
	if err := imp.insertSpans(a.docID, annotator, a.have, a.spans); err != nil {
		return err
	}
	imp.res.AttachedSpans += len(a.spans)
	if err := imp.insertStances(a.docID, annotator, a.stance); err != nil {
		return err
	}
	imp.res.Attached += len(a.stance)
	if a.status != "" {
		if _, err := imp.stmts.state.ExecContext(imp.run, a.docID, annotator, a.ord, string(a.status), formatTime(imp.t)); err != nil {
			return err
		}
		imp.res.Statuses++
	}
	if len(a.Parts) > 0 {
		return &a.ConflictError
	}
	return nil
}

// spanKey is what makes two spans the same annotation: their place, kind, label and target.
type spanKey struct {
	start, end    int
	kind          labels.Kind
	label, target string
}

func keyOf(sp labels.Span) spanKey { return spanKey{sp.Start, sp.End, sp.Kind, sp.Label, sp.Target} }

// maxConflictSpans is how many differing spans a conflict names.
const maxConflictSpans = 3

// spanGroup is what spans are compared within: the entity spans, or the evidence spans toward
// one target.
func spanGroup(sp labels.Span) string {
	if sp.Kind == labels.KindStance {
		return "evidence toward " + sp.Target
	}
	return "entity"
}

// compareSpans takes the record's spans of each group (spanGroup) in which the annotator has
// none on the document; in a group where the annotator has some, the record's must be among
// them.
func (imp *Importer) compareSpans(a *attachment, spans []labels.Span) error {
	if len(spans) == 0 {
		return nil
	}
	var err error
	if a.have, err = loadSpans(imp.run, imp.tx, a.docID, a.Annotator); err != nil {
		return &RecordError{err}
	}
	there := make(map[spanKey]bool, len(a.have))
	held := map[string]int{} // spans the annotator has there, by group
	for _, sp := range a.have {
		there[keyOf(sp)] = true
		held[spanGroup(sp)]++
	}
	other := map[string][]string{} // the record's spans that differ, by group
	var groups []string
	for _, sp := range spans {
		g := spanGroup(sp)
		switch {
		case held[g] == 0:
			a.spans = append(a.spans, sp)
		case !there[keyOf(sp)]:
			if other[g] == nil {
				groups = append(groups, g)
			}
			other[g] = append(other[g], fmt.Sprintf("[%d,%d) %s %q", sp.Start, sp.End, sp.Label, sp.Text))
		}
	}
	for _, g := range groups {
		list, more := other[g], ""
		if len(list) > maxConflictSpans {
			more = fmt.Sprintf(" and %d more", len(list)-maxConflictSpans)
			list = list[:maxConflictSpans]
		}
		a.Parts = append(a.Parts, fmt.Sprintf("it has %d other %s spans there, not %s%s", held[g], g, strings.Join(list, ", "), more))
	}
	return nil
}

// compareStances takes each document stance toward a target the annotator has none toward.
func (imp *Importer) compareStances(a *attachment, stances []labels.DocStance) error {
	for _, ds := range stances {
		have, err := getStance(imp.run, imp.tx, a.docID, a.Annotator, ds.Target)
		switch {
		case err != nil:
			return err
		case have == nil:
			a.stance = append(a.stance, ds)
		case have.Label != ds.Label:
			a.Parts = append(a.Parts, fmt.Sprintf("its stance toward %q is %s, not %s", ds.Target, have.Label, ds.Label))
		}
	}
	return nil
}

// compareStatus takes the record's status, or the mark when it brings none, when the
// annotator's is todo. A mark never conflicts.
func (imp *Importer) compareStatus(a *attachment, st labels.Status) error {
	marked := st == "" || st == labels.StatusTodo
	if marked {
		st = a.mark
	}
	if st == "" || a.Annotator == "" {
		return nil
	}
	have, err := getState(imp.run, imp.tx, a.docID, a.Annotator)
	switch {
	case err != nil:
		return err
	case have == nil || have.Status == labels.StatusTodo:
		a.status = st
	case have.Status != st && !marked:
		a.Parts = append(a.Parts, fmt.Sprintf("its status is %s, not %s", have.Status, st))
	}
	return nil
}
