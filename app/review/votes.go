// Package review is what a curator sees while settling the work of several annotators on one
// document into a gold: each annotator's spans under the words selected, their stances
// toward the current target, what the majority gave, and how many of their spans the gold
// does not hold yet. Its Panel draws it; the functions here work it out from a document's
// work (store.DocumentWork) and the gold, without the store and without Fyne, so that the
// window and the tests share them. The window writes the gold (the curator's annotations).
package review

import (
	"slices"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Range is a part of the text, in code points, half-open: the words selected, or the gold
// span selected.
type Range struct{ Start, End int }

// overlap returns how many code points sp shares with r.
func (r Range) overlap(sp labels.Span) int { return max(0, min(r.End, sp.End)-max(r.Start, sp.Start)) }

// same reports whether a and b are the same annotation: the same place, kind, label and target.
func same(a, b labels.Span) bool {
	return a.Start == b.Start && a.End == b.End && a.Kind == b.Kind && a.Label == b.Label && a.Target == b.Target
}

// samePlace reports whether a and b lie on the same words as annotations of one kind (toward
// one target): one is the other relabeled.
func samePlace(a, b labels.Span) bool {
	return a.Start == b.Start && a.End == b.End && a.Kind == b.Kind && a.Target == b.Target
}

// Lanes returns the spans of each annotator of panel on the document, in the order of panel
// (none for an annotator who did not work on it).
func Lanes(d store.DocumentWork, panel []string) [][]labels.Span {
	out := make([][]labels.Span, len(panel))
	for k, name := range panel {
		if w, ok := d.Of(name); ok {
			out[k] = w.Spans
		}
	}
	return out
}

// Pick returns the span of spans that the range r stands for: one over exactly its words
// (an entity span before evidence), else the one that shares most code points with it (of
// two, the shorter); false when none touches it.
func Pick(spans []labels.Span, r Range) (labels.Span, bool) {
	best, bestOver := -1, 0
	for i, sp := range spans {
		o := r.overlap(sp)
		if o == 0 {
			continue
		}
		if sp.Start == r.Start && sp.End == r.End {
			o = 1 << 30 // whole
			if sp.Kind == labels.KindEntity {
				o++
			}
		}
		if best < 0 || o > bestOver || (o == bestOver && sp.End-sp.Start < spans[best].End-spans[best].Start) {
			best, bestOver = i, o
		}
	}
	if best < 0 {
		return labels.Span{}, false
	}
	return spans[best], true
}

// Majority returns the spans that more than half of the annotators of panel who worked on
// the document made and that touch r, as the curator's (without ids), those the gold holds
// already left out.
func Majority(d store.DocumentWork, panel []string, curator string, gold []labels.Span, r Range) []labels.Span {
	prop := store.Propose(d, store.Panel{Curator: curator, Annotators: panel}, store.RuleMajority)
	var out []labels.Span
	for _, sp := range prop.Accepted {
		if r.overlap(sp) > 0 && !slices.ContainsFunc(gold, func(g labels.Span) bool { return same(g, sp) }) {
			out = append(out, sp)
		}
	}
	return out
}

// MajorityStance returns the label that more than half of the annotators of panel who rated
// the document gave toward target, and false when no label has a majority.
func MajorityStance(d store.DocumentWork, panel []string, curator, target string) (string, bool) {
	prop := store.Propose(d, store.Panel{Curator: curator, Annotators: panel}, store.RuleMajority)
	for _, g := range prop.Gold {
		if g.Target == target {
			return g.Label, true
		}
	}
	return "", false
}

// InGold returns the gold span at the place of sp (same words, kind and target), whatever its
// label, and false when the gold has none there.
func InGold(gold []labels.Span, sp labels.Span) (labels.Span, bool) {
	i := slices.IndexFunc(gold, func(g labels.Span) bool { return samePlace(g, sp) })
	if i < 0 {
		return labels.Span{}, false
	}
	return gold[i], true
}

// Pending returns the spans of the annotators of panel that the gold does not hold (the
// same span made by several counts once), in text order: what the curator has yet to take
// or leave out.
func Pending(d store.DocumentWork, panel []string, curator string, gold []labels.Span) []labels.Span {
	prop := store.Propose(d, store.Panel{Curator: curator, Annotators: panel}, store.RuleMajority)
	var out []labels.Span
	for _, v := range prop.Spans {
		if !slices.ContainsFunc(gold, func(g labels.Span) bool { return same(g, v.Span) }) {
			out = append(out, v.Span)
		}
	}
	return out
}

// StanceOf returns the label annotator gave toward target on the document, "" for none.
func StanceOf(d store.DocumentWork, annotator, target string) string {
	w, _ := d.Of(annotator)
	for _, ds := range w.Stances {
		if ds.Target == target {
			return ds.Label
		}
	}
	return ""
}

// Undecided returns the targets toward which some annotator of panel gave a stance and the
// gold has none, in the order of targets.
func Undecided(d store.DocumentWork, panel []string, gold map[string]string, targets []labels.Target) []labels.Target {
	var out []labels.Target
	for _, t := range targets {
		if gold[t.ID] != "" {
			continue
		}
		for _, name := range panel {
			if StanceOf(d, name, t.ID) != "" {
				out = append(out, t)
				break
			}
		}
	}
	return out
}
