package store

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// panelProject holds two texts: on the first, amal, badr and huda all label المسماري PERS,
// amal and badr label طرابلس LOC where huda labels it ORG, and the stance toward lna is
// FAVOR, FAVOR, AGAINST; the second only amal labels.
func panelProject(t *testing.T) (*Store, []string) {
	t.Helper()
	text := mergeTexts[0]
	s, ids := newProject(t, labels.NestingFlat, text, mergeTexts[1])
	for _, w := range []struct{ who, word, label, stance string }{
		{"amal", "طرابلس", "LOC", "FAVOR"}, {"badr", "طرابلس", "LOC", "FAVOR"}, {"huda", "طرابلس", "ORG", "AGAINST"},
	} {
		_, err := s.AddSpans(ctx, []labels.Span{entity(t, ids[0], w.who, text, "المسماري", "PERS"), entity(t, ids[0], w.who, text, w.word, w.label)})
		must(t, err)
		must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: w.who, Target: "lna", Label: w.stance}))
		must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: w.who, Status: labels.StatusDone}))
	}
	_, err := s.AddSpan(ctx, entity(t, ids[1], "amal", mergeTexts[1], "فايز السراج", "PERS"))
	must(t, err)
	return s, ids
}

func goldOf(t *testing.T, s *Store, docID string) (Work, bool) {
	t.Helper()
	d, err := s.DocumentWork(ctx, docID)
	must(t, err)
	return d.Of("gold")
}

func spanWords(spans []labels.Span) string {
	var out []string
	for _, sp := range spans {
		out = append(out, sp.Text+" "+sp.Label)
	}
	return strings.Join(out, ", ")
}

func TestAdjudicateMajority(t *testing.T) {
	s, ids := panelProject(t)
	res, err := s.Adjudicate(ctx, Panel{Curator: "gold"}, RuleMajority)
	must(t, err)
	if res.Documents != 1 || res.Curated != 1 || res.Open != 0 || res.Spans != 2 || res.Stances != 1 || res.Single != 1 {
		t.Fatalf("result %+v", res)
	}
	gold, ok := goldOf(t, s, ids[0])
	if !ok || spanWords(gold.Spans) != "المسماري PERS, طرابلس LOC" || gold.Status != labels.StatusCurated ||
		len(gold.Stances) != 1 || gold.Stances[0].Label != "FAVOR" || gold.Note != "majority of amal, badr, huda" {
		t.Fatalf("gold %+v", gold)
	}
	if _, ok := goldOf(t, s, ids[1]); ok {
		t.Error("a document of one annotator got gold")
	}
	st, _ := s.Stats(ctx, "gold")
	if st.Status[labels.StatusCurated] != 1 || st.Spans != 2 || st.DocStances["lna"]["FAVOR"] != 1 {
		t.Errorf("gold's stats %+v", st)
	}
	if probs, _ := s.Check(ctx); len(probs) != 0 {
		t.Fatalf("check: %v", probs)
	}
	// Again: the curator has what the rule gives, nothing is written.
	before := countEvents(t, s)
	res, err = s.Adjudicate(ctx, Panel{Curator: "gold"}, RuleMajority)
	must(t, err)
	if res.Already != 1 || res.Spans != 0 || countEvents(t, s) != before {
		t.Errorf("again: %+v, %d events (was %d)", res, countEvents(t, s), before)
	}
	// Each piece of gold is the curator's change: undo takes the status back, then the stance.
	ev, err := s.Undo(ctx, "gold")
	must(t, err)
	if ev.Action != labels.ActionStateSet {
		t.Errorf("undo took back %s", ev.Action)
	}
	if gold, _ := goldOf(t, s, ids[0]); gold.Status != labels.StatusTodo || len(gold.Spans) != 2 {
		t.Errorf("after undo: %+v", gold)
	}
}

func TestAdjudicateUnanimousLeavesDifferencesOpen(t *testing.T) {
	s, ids := panelProject(t)
	res, err := s.Adjudicate(ctx, Panel{Curator: "gold", Statuses: []labels.Status{labels.StatusDone}}, RuleUnanimous)
	must(t, err)
	if res.Documents != 1 || res.Curated != 0 || res.Open != 1 || res.Spans != 1 || res.Stances != 0 || res.Single != 0 {
		t.Fatalf("result %+v (amal's work on the second text is not done: not weighed)", res)
	}
	gold, _ := goldOf(t, s, ids[0])
	if spanWords(gold.Spans) != "المسماري PERS" || gold.Status != labels.StatusInProgress || len(gold.Stances) != 0 {
		t.Fatalf("gold %+v", gold)
	}
	// Two of the panel agree on everything.
	prop, wrote, err := s.AdjudicateDocument(ctx, ids[0], Panel{Curator: "gold2", Annotators: []string{"amal", "badr"}}, RuleUnanimous)
	must(t, err)
	if !wrote || !prop.Settled || len(prop.Accepted) != 2 || len(prop.Gold) != 1 {
		t.Fatalf("amal and badr: wrote %v, %+v", wrote, prop)
	}
}

func TestAdjudicateKeepsTheCuratorsOwnWork(t *testing.T) {
	s, ids := panelProject(t)
	mine, err := s.AcceptSpan(ctx, "gold", entity(t, ids[0], "huda", mergeTexts[0], "طرابلس", "ORG"))
	must(t, err)
	if mine.Annotator != "gold" || mine.ID == "" || mine.Origin != labels.OriginManual {
		t.Fatalf("accepted %+v", mine)
	}
	res, err := s.Adjudicate(ctx, Panel{Curator: "gold"}, RuleMajority)
	must(t, err)
	if len(res.Conflicts) != 1 || res.Spans != 0 {
		t.Fatalf("result %+v", res)
	}
	c := res.Conflicts[0].String()
	for _, want := range []string{`only the curator's [40,46) ORG "طرابلس"`, `only the rule's [4,12) PERS "المسماري", [40,46) LOC "طرابلس"`,
		`the rule gives the stance FAVOR toward "lna", the curator none`, "the curator's status is todo, the rule's curated"} {
		if !strings.Contains(c, want) {
			t.Errorf("conflict %q lacks %q", c, want)
		}
	}
	gold, _ := goldOf(t, s, ids[0])
	if len(gold.Spans) != 1 || gold.Spans[0].ID != mine.ID {
		t.Errorf("the curator's work changed: %+v", gold.Spans)
	}
	// The curator rejects the span again: undo takes the accept back.
	if _, err := s.Undo(ctx, "gold"); err != nil {
		t.Fatal(err)
	}
	if _, ok := goldOf(t, s, ids[0]); ok {
		t.Error("the accepted span is still there after undo")
	}
	if _, err := s.Adjudicate(ctx, Panel{Curator: ""}, RuleMajority); !errors.Is(err, labels.ErrNoAnnotator) {
		t.Errorf("a curator without a name: %v", err)
	}
}

func TestProposeVotes(t *testing.T) {
	s, ids := panelProject(t)
	d, err := s.DocumentWork(ctx, ids[0])
	must(t, err)
	prop := Propose(d, Panel{Curator: "gold"}, RuleMajority)
	var got []string
	for _, v := range prop.Spans {
		got = append(got, v.Text+" "+v.Label+" "+strings.Join(v.By, "+"))
	}
	want := []string{"المسماري PERS amal+badr+huda", "طرابلس LOC amal+badr", "طرابلس ORG huda"}
	if !slices.Equal(got, want) {
		t.Errorf("voted spans %q, want %q", got, want)
	}
	if len(prop.Stances) != 2 || prop.Stances[0].Label != "FAVOR" || len(prop.Stances[0].By) != 2 {
		t.Errorf("voted stances %+v", prop.Stances)
	}
}
