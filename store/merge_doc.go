package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/labels"
)

// document takes in one document of the other project with the work and history of each
// of its annotators.
func (m *merger) document(ctx context.Context, d *sourceDoc) error {
	m.res.Documents++
	row, err := newDocRow(d.doc)
	if err != nil {
		return fmt.Errorf("%s: %w", describeDocID(d.doc.ID, d.doc.ExternalID), err)
	}
	id, ord, fresh, err := m.insertDocument(ctx, row)
	if err != nil {
		return err
	}
	var have DocumentWork
	logged := map[string]int{}
	if !fresh {
		if have, err = m.have(ctx, id); err != nil {
			return err
		}
		if logged, err = m.eventKeys(ctx, id); err != nil {
			return err
		}
	}
	var x *labels.TextIndex
	kept := map[string]bool{} // annotators whose work here stays as it was
	for i := range d.works {
		w := &d.works[i]
		m.annotators[w.annotator] = true
		if len(w.spans) > 0 && x == nil {
			x = labels.NewTextIndex(d.doc.Text)
		}
		mine, _ := have.Of(w.annotator)
		parts, err := m.work(ctx, w, target{id: id, ord: ord, x: x}, mine)
		if err != nil {
			return fmt.Errorf("%s, annotator %q: %w", describeDocID(d.doc.ID, d.doc.ExternalID), w.annotator, err)
		}
		if len(parts) > 0 {
			m.res.Conflicts = append(m.res.Conflicts, MergeConflict{DocID: id, ExternalID: d.doc.ExternalID, Annotator: w.annotator, Parts: parts})
			kept[w.annotator] = true
		}
	}
	return m.events(ctx, d, id, logged, kept)
}

// insertDocument inserts the document unless its text is here already, and returns its id
// and order here and whether it is new. It keeps the document's id unless another text has
// it here.
func (m *merger) insertDocument(ctx context.Context, row docRow) (string, int64, bool, error) {
	id := row.doc.ID
	if u, err := uuid.Parse(id); err != nil || u.String() != id {
		id = ""
	}
	for {
		if id == "" {
			u, err := uuid.NewV7()
			if err != nil {
				return "", 0, false, err
			}
			id = u.String()
		}
		d := row.doc
		r, err := m.stmts.doc.ExecContext(ctx, m.last+1, id, d.ExternalID, d.SourceFile, d.Title, d.Hash, row.runes, m.t,
			row.metadata, row.tokens, d.Text)
		if err == nil && len(d.Text) >= bigText {
			err = m.stmts.renewDoc(ctx, m.tx)
		}
		if err != nil {
			return "", 0, false, err
		}
		if n, err := r.RowsAffected(); err != nil || n == 1 {
			m.last++
			m.res.Added++
			return id, m.last, true, err
		}
		var ord int64
		err = m.stmts.byHash.QueryRowContext(ctx, d.Hash).Scan(&id, &ord)
		if !errors.Is(err, sql.ErrNoRows) {
			return id, ord, false, err
		}
		id = "" // another text has the id here: the document gets a new one
	}
}

// target is the document here that an annotator's work goes to.
type target struct {
	id  string
	ord int64
	x   *labels.TextIndex // its text, when the work has spans
}

// work takes in one annotator's work on a document, beside their work there (mine), and
// returns what conflicts, one line each. Conflicting parts are not taken in.
func (m *merger) work(ctx context.Context, w *sourceWork, to target, mine Work) ([]string, error) {
	if err := labels.CheckAnnotator(w.annotator); err != nil {
		return nil, err
	}
	spans, parts, err := m.spans(w, to, mine.Spans)
	if err != nil {
		return nil, err
	}
	if len(spans) > 0 {
		m.counts.Add(spans, 1)
		m.res.Spans += len(spans)
		all := append(slices.Clone(mine.Spans), spans...)
		sortSpans(all)
		data := encodeSpans(nil, all)
		if _, err := m.stmts.spans.ExecContext(ctx, to.id, w.annotator, string(data)); err != nil {
			return nil, err
		}
		if err := indexSpanLabels(ctx, m.tx, to.id, w.annotator, mine.Spans, all); err != nil {
			return nil, err
		}
	}
	more, err := m.stances(ctx, w, to, mine.Stances)
	if err != nil {
		return nil, err
	}
	parts = append(parts, more...)
	more, err = m.state(ctx, w, to, mine)
	return append(parts, more...), err
}

// spans checks the annotator's spans against the document's text and the schema, and
// returns those to take in: each group (the entity spans, the evidence spans toward a
// target) where the annotator has none here. A group they have here must hold the same
// spans (place, kind, label and target), or it is a conflict.
func (m *merger) spans(w *sourceWork, to target, mine []labels.Span) ([]labels.Span, []string, error) {
	var active []labels.Span
	for i := range w.spans {
		sp := &w.spans[i]
		sp.DocID, sp.Annotator = to.id, w.annotator
		active = stillOpen(active, sp.Start)
		if err := m.schema.ValidateSpanIn(to.x, *sp, active); err != nil {
			return nil, nil, fmt.Errorf("span [%d,%d) %s %q: %w", sp.Start, sp.End, sp.Label, sp.Text, err)
		}
		if sp.Kind == labels.KindEntity {
			active = append(active, *sp)
		}
	}
	theirs, here := groupSpans(w.spans), groupSpans(mine)
	var take []labels.Span
	var parts []string
	groups := slices.Sorted(maps.Keys(theirs))
	for _, g := range groups {
		if len(here[g]) == 0 {
			take = append(take, theirs[g]...)
		} else if part := differ(g, mergeSides, here[g], theirs[g]); part != "" {
			parts = append(parts, part)
		}
	}
	return take, parts, nil
}

// groupSpans sorts spans into their groups (spanGroup).
func groupSpans(spans []labels.Span) map[string][]labels.Span {
	out := map[string][]labels.Span{}
	for _, sp := range spans {
		out[spanGroup(sp)] = append(out[spanGroup(sp)], sp)
	}
	return out
}

// mergeSides name the two projects of a merge in a conflict.
var mergeSides = [2]string{"here", "in the other project"}

// differ says how the spans of group g here and there differ, as multisets of their keys
// (place, kind, label, target), or "" when they do not. sides name here and there.
func differ(g string, sides [2]string, here, there []labels.Span) string {
	n := map[spanKey]int{}
	for _, sp := range here {
		n[keyOf(sp)]++
	}
	var onlyThere []string
	for _, sp := range there {
		if n[keyOf(sp)] > 0 {
			n[keyOf(sp)]--
			continue
		}
		onlyThere = append(onlyThere, fmt.Sprintf("[%d,%d) %s %q", sp.Start, sp.End, sp.Label, sp.Text))
	}
	var onlyHere []string
	for _, sp := range here {
		if n[keyOf(sp)] > 0 {
			n[keyOf(sp)]--
			onlyHere = append(onlyHere, fmt.Sprintf("[%d,%d) %s %q", sp.Start, sp.End, sp.Label, sp.Text))
		}
	}
	if len(onlyThere) == 0 && len(onlyHere) == 0 {
		return ""
	}
	return fmt.Sprintf("%s spans differ: %d %s, %d %s; %s", g, len(here), sides[0], len(there), sides[1],
		strings.Join(append(listed("only "+sides[0], onlyHere), listed("only "+sides[1], onlyThere)...), "; "))
}

// listed names up to maxConflictSpans spans of a list under a heading, as one item.
func listed(heading string, list []string) []string {
	if len(list) == 0 {
		return nil
	}
	more := ""
	if len(list) > maxConflictSpans {
		more = fmt.Sprintf(" and %d more", len(list)-maxConflictSpans)
		list = list[:maxConflictSpans]
	}
	return []string{heading + " " + strings.Join(list, ", ") + more}
}

// stances takes in each document stance of the annotator toward a target they have none
// toward here; another label toward the same target is a conflict.
func (m *merger) stances(ctx context.Context, w *sourceWork, to target, mine []labels.DocStance) ([]string, error) {
	var parts []string
	for _, ds := range w.stances {
		if _, ok := m.schema.Stance(ds.Label); !ok {
			return nil, fmt.Errorf("stance toward %q: %w: %q", ds.Target, labels.ErrUnknownLabel, ds.Label)
		}
		if _, ok := m.schema.Target(ds.Target); !ok {
			return nil, fmt.Errorf("stance: %w: %q", labels.ErrUnknownTarget, ds.Target)
		}
		i := slices.IndexFunc(mine, func(o labels.DocStance) bool { return o.Target == ds.Target })
		switch {
		case i < 0:
			if _, err := m.stmts.stance.ExecContext(ctx, to.id, w.annotator, ds.Target, ds.Label, formatTime(ds.Updated)); err != nil {
				return nil, err
			}
			m.res.Stances++
		case mine[i].Label != ds.Label:
			parts = append(parts, fmt.Sprintf("the stance toward %q is %s here, %s in the other project", ds.Target, mine[i].Label, ds.Label))
		}
	}
	return parts, nil
}

// state takes in the annotator's state of the document (status, note, time spent) where
// they have none here, or one at todo with no note nor time; another one is a conflict.
func (m *merger) state(ctx context.Context, w *sourceWork, to target, mine Work) ([]string, error) {
	st := w.state
	if st == nil {
		return nil, nil
	}
	if !slices.Contains(labels.Statuses, st.Status) {
		return nil, fmt.Errorf("state: %w: %q", labels.ErrBadStatus, st.Status)
	}
	switch {
	case mine.Status == labels.StatusTodo && mine.Note == "" && mine.Seconds == 0:
	case mine.Status == st.Status && mine.Note == st.Note && mine.Seconds == st.Seconds:
		return nil, nil
	default:
		return []string{fmt.Sprintf("the state is %s here, %s in the other project", describeState(mine.Status, mine.Note, mine.Seconds),
			describeState(st.Status, st.Note, st.Seconds))}, nil
	}
	if st.Status == labels.StatusTodo && st.Note == "" && st.Seconds == 0 {
		return nil, nil // nothing to take in
	}
	_, err := m.stmts.state.ExecContext(ctx, to.id, w.annotator, to.ord, string(st.Status), st.Note, st.Seconds, formatTime(st.Updated))
	if err == nil {
		m.res.States++
	}
	return nil, err
}

// describeState names a state for a conflict: "done (note "...", 120 s)".
func describeState(s labels.Status, note string, seconds int64) string {
	var more []string
	if note != "" {
		more = append(more, fmt.Sprintf("note %q", note))
	}
	if seconds > 0 {
		more = append(more, fmt.Sprintf("%d s", seconds))
	}
	if len(more) == 0 {
		return string(s)
	}
	return fmt.Sprintf("%s (%s)", s, strings.Join(more, ", "))
}
