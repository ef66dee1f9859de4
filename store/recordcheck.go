package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// RecordCheck checks the records of an import as an Importer does, for a store of another
// kind (store/postgres): each record's document, its spans against its text, the schema and
// each other, its stances, status and suggestions, with labels and targets matched to the
// schema's spelling and those it lacks noted (or added to the schema, with AddLabels). It
// writes nothing: the store writes what Check returns.
type RecordCheck struct {
	imp   Importer
	saved importState
}

// NewRecordCheck checks records against sc for an import with the given options, giving
// their annotations the time t.
func NewRecordCheck(sc labels.Schema, opt ImportOptions, t time.Time) *RecordCheck {
	return &RecordCheck{imp: Importer{opt: opt, schema: CloneSchema(sc), unknown: map[string]string{}, t: t}}
}

// Checked is a record that passed the checks, as it is to be stored.
type Checked struct {
	Row         DocRow
	Annotator   string             // the record's, else the import's
	Spans       []labels.Span      // by start, labels as the schema spells them
	Stances     []labels.DocStance // one per target
	Suggestions []labels.Suggestion
	Status      labels.Status // the record's own status
	Mark        labels.Status // ImportOptions.Mark for this record, or ""
}

// Check checks rec. A bad record is a *RecordError, and leaves the check as it was (labels
// it would have added to the schema are not); Undo takes back what the last good record
// brought, when writing it failed.
func (c *RecordCheck) Check(rec labels.Annotated) (Checked, error) {
	c.saved = c.imp.save()
	got, err := c.imp.check(rec)
	if err != nil {
		c.imp.restore(c.saved)
		return Checked{}, err
	}
	return Checked{Row: exportRow(got.row), Annotator: got.annotator, Spans: got.spans, Stances: got.stances,
		Suggestions: got.suggestions, Status: rec.Status, Mark: c.imp.markOf(rec)}, nil
}

// Undo takes back what the last record Check passed brought to the schema and the labels
// noted.
func (c *RecordCheck) Undo() { c.imp.restore(c.saved) }

// Only checks rec as Importer.Check does: for a record that will not be written, whose labels
// the schema lacks are noted all the same.
func (c *RecordCheck) Only(rec labels.Annotated) error { return c.imp.Check(rec) }

// Unknown returns the refusal of the labels and targets the records used that the schema
// lacks (ErrUnknownLabels), or nil.
func (c *RecordCheck) Unknown() error { return c.imp.Unknown() }

// NewLabels lists the labels and targets the records used that the schema lacked.
func (c *RecordCheck) NewLabels() []string { return sortedValues(c.imp.unknown) }

// Schema returns the schema with what the records added to it, and whether they added any.
func (c *RecordCheck) Schema() (labels.Schema, bool) { return c.imp.schema, c.imp.added }

// Attachment is what a record brings to a document already in the project for its
// annotator, once compared with what the annotator has there (Attach): the parts to write,
// and the conflicts.
type Attachment struct {
	Spans    []labels.Span      // the record's spans to add beside the annotator's
	Stances  []labels.DocStance // stances toward targets the annotator has none toward
	Status   labels.Status      // the status to set, or ""
	Conflict *ConflictError     // nil when nothing conflicts
}

// Attach compares a checked record with what its annotator has on the document there (have:
// their spans, stances: their stance label by target, status: theirs, todo for none), as
// the file's Importer does: a group of spans (the entity spans, the evidence toward a
// target) is taken where the annotator has none, a stance toward a target they have none
// toward, the status (or the mark) where theirs is todo; what differs is a conflict.
func Attach(docID string, c Checked, have []labels.Span, stances map[string]string, status labels.Status) Attachment {
	a := Attachment{}
	conflict := &ConflictError{DocID: docID, Annotator: c.Annotator}
	there := make(map[spanKey]bool, len(have))
	held := map[string]int{}
	for _, sp := range have {
		there[keyOf(sp)] = true
		held[spanGroup(sp)]++
	}
	other := map[string][]string{}
	var groups []string
	for _, sp := range c.Spans {
		g := spanGroup(sp)
		switch {
		case held[g] == 0:
			a.Spans = append(a.Spans, sp)
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
		conflict.Parts = append(conflict.Parts, fmt.Sprintf("it has %d other %s spans there, not %s%s", held[g], g, strings.Join(list, ", "), more))
	}
	for _, ds := range c.Stances {
		switch label, ok := stances[ds.Target]; {
		case !ok:
			a.Stances = append(a.Stances, ds)
		case label != ds.Label:
			conflict.Parts = append(conflict.Parts, fmt.Sprintf("its stance toward %q is %s, not %s", ds.Target, label, ds.Label))
		}
	}
	st, marked := c.Status, c.Status == "" || c.Status == labels.StatusTodo
	if marked {
		st = c.Mark
	}
	if st != "" && c.Annotator != "" {
		switch {
		case status == "" || status == labels.StatusTodo:
			a.Status = st
		case status != st && !marked:
			conflict.Parts = append(conflict.Parts, fmt.Sprintf("its status is %s, not %s", status, st))
		}
	}
	if len(conflict.Parts) > 0 {
		a.Conflict = conflict
	}
	return a
}
