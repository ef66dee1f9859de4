package store

import (
	"fmt"
	"slices"
	"sort"
	"strconv"

	"github.com/tawsim/tawsim/labels"
)

// checkRecord validates the record's spans against its text, the schema and each other, its
// stances and its status, and returns the spans ready to insert, by start, and the stances,
// with labels and targets as the schema spells them.
func (imp *Importer) checkRecord(text, annotator string, rec labels.Annotated) ([]labels.Span, []labels.DocStance, error) {
	if (len(rec.Spans) > 0 || len(rec.Stances) > 0) && annotator == "" {
		return nil, nil, fmt.Errorf("annotations need an annotator: name one for the import")
	}
	if rec.Status != "" {
		if _, err := labels.ParseStatus(string(rec.Status)); err != nil {
			return nil, nil, err
		}
	}
	stances, err := imp.checkStances(rec.Stances)
	if err != nil {
		return nil, nil, err
	}
	spans, err := imp.checkSpans(text, annotator, rec.Spans)
	return spans, stances, err
}

// checkStances returns a copy of the stances with labels and targets as the schema spells
// them. Two stances toward one target are refused unless they agree (the copy keeps one).
func (imp *Importer) checkStances(in []labels.DocStance) ([]labels.DocStance, error) {
	if len(in) == 0 {
		return nil, nil
	}
	out := make([]labels.DocStance, 0, len(in))
	for _, ds := range in {
		written := ds.Target
		if err := imp.learnStance(&ds); err != nil {
			return nil, err
		}
		i := slices.IndexFunc(out, func(o labels.DocStance) bool { return o.Target == ds.Target })
		switch {
		case i < 0:
			out = append(out, ds)
		case out[i].Label != ds.Label:
			return nil, fmt.Errorf("two document stances toward target %q (%q): %s and %s", ds.Target, written, out[i].Label, ds.Label)
		}
	}
	return out, nil
}

// checkSpans validates spans against the text, the schema and each other, and returns them
// ready to insert, by start: spans itself, sorted and filled in, not a copy (a record of
// hundreds of thousands of spans would be held twice).
func (imp *Importer) checkSpans(text, annotator string, spans []labels.Span) ([]labels.Span, error) {
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var active []labels.Span // entity spans that may still overlap the next ones
	x := labels.NewTextIndex(text)
	for i := range spans {
		sp := &spans[i]
		sp.Annotator = annotator
		if sp.Origin == "" {
			sp.Origin = labels.OriginImport
		}
		sp.Created, sp.Updated = imp.t, imp.t
		if err := imp.learnSpan(sp); err != nil {
			return nil, fmt.Errorf("span [%d,%d) %s %q: %w", sp.Start, sp.End, sp.Label, sp.Text, err)
		}
		active = stillOpen(active, sp.Start)
		if err := imp.schema.ValidateSpanIn(x, *sp, active); err != nil && !imp.isUnknown(err) {
			return nil, fmt.Errorf("span [%d,%d) %s %q: %w", sp.Start, sp.End, sp.Label, sp.Text, err)
		}
		if sp.Kind == labels.KindEntity {
			sp.ID = strconv.Itoa(i) // tells the spans of the record apart while checking
			active = append(active, *sp)
		}
	}
	return spans, nil
}

// stillOpen keeps the spans that end after start.
func stillOpen(active []labels.Span, start int) []labels.Span {
	kept := active[:0]
	for _, a := range active {
		if a.End > start {
			kept = append(kept, a)
		}
	}
	return kept
}

// Check checks rec as Add does, but for what only the project can tell (a text already
// there, an id taken), and writes nothing: for the records of a file that will not be
// imported, whose problems are still to be listed. It returns a *RecordError for a bad
// record, and notes the labels and targets the schema lacks (Unknown) whether it is bad or not.
func (imp *Importer) Check(rec labels.Annotated) error {
	defer imp.noteLabels(rec)
	saved := imp.save()
	_, err := imp.check(rec)
	imp.restore(saved)
	return err
}

// checked is a record that passed check: its row, annotator, and spans and stances as stored.
type checked struct {
	row         docRow
	annotator   string
	spans       []labels.Span
	stances     []labels.DocStance
	suggestions []labels.Suggestion
}

// check validates rec (its document, then checkRecord) for its annotator, the import's when
// the record names none. A bad record is a *RecordError.
func (imp *Importer) check(rec labels.Annotated) (checked, error) {
	row, err := newDocRow(rec.Doc)
	if err != nil {
		return checked{}, &RecordError{err}
	}
	c := checked{row: row, annotator: rec.Annotator}
	if c.annotator == "" {
		c.annotator = imp.opt.Annotator
	}
	if c.spans, c.stances, err = imp.checkRecord(row.doc.Text, c.annotator, rec); err != nil {
		return checked{}, &RecordError{err}
	}
	if c.suggestions, err = imp.checkSuggestions(row.doc.Text, c.annotator, rec.Suggestions); err != nil {
		return checked{}, &RecordError{err}
	}
	return c, nil
}

// noteLabels notes the labels and targets of rec that the schema lacks, as Add does.
func (imp *Importer) noteLabels(rec labels.Annotated) {
	for _, sp := range rec.Spans {
		imp.learnSpan(&sp)
	}
	for _, ds := range rec.Stances {
		imp.learnStance(&ds)
	}
	for _, g := range rec.Suggestions {
		imp.learnLabel(&g.Label, false)
	}
}
