package store

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// Rule is how many of the annotators of a document must have made an annotation for the
// gold to take it.
type Rule string

// The rules of adjudication.
const (
	RuleUnanimous Rule = "unanimous" // every annotator of the document made it
	RuleMajority  Rule = "majority"  // more than half of them made it
)

// ParseRule reads a rule's name.
func ParseRule(s string) (Rule, error) {
	switch r := Rule(s); r {
	case RuleUnanimous, RuleMajority:
		return r, nil
	}
	return "", fmt.Errorf("unknown rule %q (want unanimous or majority)", s)
}

// takes reports whether votes of n annotators reach the rule.
func (r Rule) takes(votes, n int) bool {
	if r == RuleUnanimous {
		return votes == n
	}
	return 2*votes > n
}

// Panel is whose work on a document an adjudication weighs.
type Panel struct {
	Curator    string          // whose annotations the gold is: never on the panel
	Annotators []string        // only these annotators; none means all but the curator
	Statuses   []labels.Status // only their work with these statuses; none means any
}

// VotedSpan is a span and the annotators of the panel who made it (the same place, kind,
// label and target): one of their spans stands for all.
type VotedSpan struct {
	labels.Span
	By []string // by name
}

// VotedStance is a document stance toward a target and the annotators who gave it.
type VotedStance struct {
	Target, Label string
	By            []string // by name
}

// Proposal is what the work of a panel on one document comes to: every span and stance any
// of them made, with who made it, and what a rule takes into the gold.
type Proposal struct {
	DocID      string
	Curator    string        // whose annotations the gold is
	Annotators []string      // the panel's annotators who worked on the document, by name
	Spans      []VotedSpan   // by start, end, kind, target and label
	Stances    []VotedStance // by target, then the most votes first, then label
	Rule       Rule
	Accepted   []labels.Span      // the spans the rule takes, as the curator's (no ids yet)
	Gold       []labels.DocStance // the stance per target the rule takes, as the curator's
	// Settled says that the rule decided everything: under unanimous, every annotator made
	// every span and gave every stance; under majority, each target that someone rated has
	// a label more than half gave (a span fewer than half made is left out, which decides it).
	Settled bool
}

// Propose weighs the work of the panel on document d under rule r.
func Propose(d DocumentWork, p Panel, r Rule) Proposal {
	prop := Proposal{DocID: d.Doc.ID, Curator: p.Curator, Rule: r}
	var works []Work
	for _, w := range d.Work {
		if w.Annotator == p.Curator || !(WorkFilter{Annotators: p.Annotators, Statuses: p.Statuses}).Keeps(&w) || !w.Worked() {
			continue
		}
		works = append(works, w)
		prop.Annotators = append(prop.Annotators, w.Annotator)
	}
	prop.Spans = voteSpans(works)
	prop.Stances = voteStances(works)
	n := len(works)
	prop.Settled = n > 0
	for _, v := range prop.Spans {
		if r.takes(len(v.By), n) {
			sp := v.Span
			sp.ID, sp.Annotator, sp.Origin = "", p.Curator, labels.OriginManual
			prop.Accepted = append(prop.Accepted, sp)
		} else if r == RuleUnanimous {
			prop.Settled = false
		}
	}
	for i, v := range prop.Stances {
		if i > 0 && prop.Stances[i-1].Target == v.Target {
			if r == RuleUnanimous {
				prop.Settled = false
			}
			continue // not the label with the most votes
		}
		if r.takes(len(v.By), n) {
			prop.Gold = append(prop.Gold, labels.DocStance{DocID: d.Doc.ID, Annotator: p.Curator, Target: v.Target, Label: v.Label})
		} else {
			prop.Settled = false
		}
	}
	return prop
}

// voteSpans gathers the spans of works by place, kind, label and target, with who made them
// (an annotator who made the same span twice counts once).
func voteSpans(works []Work) []VotedSpan {
	byKey := map[spanKey]int{}
	var out []VotedSpan
	for _, w := range works {
		for _, sp := range w.Spans {
			k := keyOf(sp)
			i, ok := byKey[k]
			if !ok {
				byKey[k], i = len(out), len(out)
				out = append(out, VotedSpan{Span: sp})
			}
			if !slices.Contains(out[i].By, w.Annotator) {
				out[i].By = append(out[i].By, w.Annotator)
			}
		}
	}
	slices.SortFunc(out, func(a, b VotedSpan) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.Target, b.Target), cmp.Compare(a.Label, b.Label))
	})
	return out
}

// voteStances gathers the document stances of works by target and label, with who gave them.
func voteStances(works []Work) []VotedStance {
	var out []VotedStance
	for _, w := range works {
		for _, ds := range w.Stances {
			i := slices.IndexFunc(out, func(v VotedStance) bool { return v.Target == ds.Target && v.Label == ds.Label })
			if i < 0 {
				i = len(out)
				out = append(out, VotedStance{Target: ds.Target, Label: ds.Label})
			}
			out[i].By = append(out[i].By, w.Annotator)
		}
	}
	slices.SortFunc(out, func(a, b VotedStance) int {
		return cmp.Or(cmp.Compare(a.Target, b.Target), cmp.Compare(len(b.By), len(a.By)), cmp.Compare(a.Label, b.Label))
	})
	return out
}
