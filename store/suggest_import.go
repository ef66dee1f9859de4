package store

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// checkSuggestions validates the suggestions a record brings (a model's predictions, or
// those of a native record) against its text, and returns them ready to store: in stored
// order, one per source, place and label (the highest score), labels as the schema spells
// them, those it lacks noted as unknown as the spans' are. A decision needs an annotator.
func (imp *Importer) checkSuggestions(text, annotator string, in []labels.Suggestion) ([]labels.Suggestion, error) {
	if len(in) == 0 {
		return nil, nil
	}
	out := slices.Clone(in)
	for i := range out {
		g := &out[i]
		if g.Decision != "" && annotator == "" {
			return nil, fmt.Errorf("suggestion [%d,%d) %s: a decision needs an annotator: name one for the import", g.Start, g.End, g.Label)
		}
		if err := imp.learnLabel(&g.Label, false); err != nil {
			return nil, fmt.Errorf("suggestion [%d,%d) %s: %w", g.Start, g.End, g.Label, err)
		}
	}
	slices.SortStableFunc(out, labels.CompareSuggestions)
	x := labels.NewTextIndex(text)
	kept := out[:0]
	for _, g := range out {
		if err := g.Check(x); err != nil {
			return nil, fmt.Errorf("suggestion [%d,%d) %s of %q: %w", g.Start, g.End, g.Label, g.Source, err)
		}
		if n := len(kept); n == 0 || keyOfSuggestion(kept[n-1]) != keyOfSuggestion(g) {
			kept = append(kept, g)
		}
	}
	return kept, nil
}

// insertSuggestions replaces, for each source of sgs (checked), its suggestions for the
// document with these, and records the decisions they carry for annotator, unless the
// annotator has decided on them already.
func (imp *Importer) insertSuggestions(docID string, ord int64, annotator string, sgs []labels.Suggestion) error {
	sgs = slices.Clone(sgs)
	slices.SortStableFunc(sgs, func(a, b labels.Suggestion) int {
		return cmp.Or(strings.Compare(a.Source, b.Source), labels.CompareSuggestions(a, b))
	})
	for len(sgs) > 0 {
		n := 1
		for n < len(sgs) && sgs[n].Source == sgs[0].Source {
			n++
		}
		group := sgs[:n]
		sgs = sgs[n:]
		data, low := encodeSuggestions(nil, group)
		if _, err := imp.tx.ExecContext(imp.run, `INSERT INTO suggestion_sets (doc_id, source, ord, n, low, updated, items)
VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id, source) DO UPDATE
SET n = excluded.n, low = excluded.low, updated = excluded.updated, items = excluded.items`,
			docID, group[0].Source, ord, len(group), low, formatTime(imp.t), string(data)); err != nil {
			return err
		}
		imp.res.Suggestions += len(group)
		for _, g := range group {
			if g.Decision == "" {
				continue
			}
			if _, err := imp.tx.ExecContext(imp.run, `INSERT INTO suggestion_decisions
(doc_id, annotator, source, start, "end", label, decision, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING`, docID, annotator, g.Source, g.Start, g.End, g.Label, string(g.Decision), formatTime(imp.t)); err != nil {
				return err
			}
		}
	}
	return nil
}

// attachSuggestions stores the suggestions of a record whose text the project holds already.
func (imp *Importer) attachSuggestions(hash, annotator string, sgs []labels.Suggestion) error {
	if len(sgs) == 0 {
		return nil
	}
	var docID string
	var ord int64
	if err := imp.stmts.byHash.QueryRowContext(imp.run, hash).Scan(&docID, &ord); err != nil {
		return err
	}
	return imp.insertSuggestions(docID, ord, annotator, sgs)
}
