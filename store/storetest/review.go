package storetest

import (
	"errors"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

var _ = contract(
	testCase{"AdjudicateAndCurate", testAdjudicateAndCurate},
	testCase{"SameRangeNesting", testSameRangeNesting},
)

// testAdjudicateAndCurate: what two annotators agree on becomes the curator's gold, what one
// of them made is left to a review under unanimous (in_progress) and settled under majority
// (which leaves it out), a span taken from an annotator and the
// status curated are the curator's changes, counted and undone.
func testAdjudicateAndCurate(t *testing.T, open Opener) {
	text := Texts[0]
	s, ids := project(t, open, labels.NestingFlat, text, Texts[1])
	doc := ids[0]
	for _, who := range []string{"amal", "badr"} {
		_, err := s.AddSpan(ctx, Entity(t, doc, who, text, "الجيش الوطني الليبي", "ORG"))
		must(t, err)
	}
	loc, err := s.AddSpan(ctx, Entity(t, doc, "amal", text, "طرابلس", "LOC"))
	must(t, err)
	_, err = s.AddSpan(ctx, Entity(t, ids[1], "amal", Texts[1], "فايز السراج", "PERS"))
	must(t, err)

	panel := store.Panel{Curator: "gold"}
	res, err := s.Adjudicate(ctx, panel, store.RuleUnanimous)
	must(t, err)
	if res.Documents != 1 || res.Curated != 0 || res.Open != 1 || res.Spans != 1 || res.Single != 1 {
		t.Errorf("Adjudicate = %+v", res)
	}
	gold, err := s.Spans(ctx, doc, "gold")
	must(t, err)
	if len(gold) != 1 || gold[0].Label != "ORG" {
		t.Fatalf("gold after Adjudicate: %+v", gold)
	}
	if st, _ := s.State(ctx, doc, "gold"); st.Status != labels.StatusInProgress {
		t.Errorf("gold status after Adjudicate: %s", st.Status)
	}
	prop, wrote, err := s.AdjudicateDocument(ctx, doc, panel, store.RuleMajority)
	must(t, err)
	if wrote || len(prop.Spans) != 2 || len(prop.Accepted) != 1 || !prop.Settled {
		t.Errorf("AdjudicateDocument over the gold: wrote %v, %+v", wrote, prop)
	}
	again, err := s.Adjudicate(ctx, panel, store.RuleUnanimous)
	must(t, err)
	if again.Already != 1 || again.Spans != 0 {
		t.Errorf("Adjudicate again = %+v", again)
	}

	taken, err := s.AcceptSpan(ctx, "gold", loc)
	must(t, err)
	if taken.Annotator != "gold" || taken.ID == loc.ID || taken.Origin != labels.OriginManual || taken.Label != "LOC" {
		t.Errorf("AcceptSpan = %+v", taken)
	}
	must(t, s.SetState(ctx, labels.DocState{DocID: doc, Annotator: "gold", Status: labels.StatusCurated}))
	st, err := s.Stats(ctx, "gold")
	must(t, err)
	if st.Status[labels.StatusCurated] != 1 || st.EntityLabels["LOC"] != 1 || st.EntityLabels["ORG"] != 1 {
		t.Errorf("the curator's stats: status %v, labels %v", st.Status, st.EntityLabels)
	}
	list, err := s.Documents(ctx, store.Page{Annotator: "gold", Status: labels.StatusCurated})
	must(t, err)
	if len(list) != 1 || list[0].ID != doc {
		t.Errorf("curated documents: %+v", list)
	}
	for _, want := range []labels.Action{labels.ActionStateSet, labels.ActionSpanAdd} {
		ev, err := s.Undo(ctx, "gold")
		must(t, err)
		if ev.Action != want {
			t.Errorf("undo took back %s, want %s", ev.Action, want)
		}
	}
	if gold, _ := s.Spans(ctx, doc, "gold"); len(gold) != 1 {
		t.Errorf("gold after undoing the taken span: %+v", gold)
	}
}

// testSameRangeNesting: with same_range, one range takes two entity labels under nested (not
// the same label twice); without it the second is refused, and the rule is not turned off
// while such spans are stored.
func testSameRangeNesting(t *testing.T, open Opener) {
	text := Texts[1]
	s, ids := project(t, open, labels.NestingNested, text)
	_, err := s.AddSpan(ctx, Entity(t, ids[0], "a", text, "حكومة الوفاق الوطني", "ORG"))
	must(t, err)
	if _, err := s.AddSpan(ctx, Entity(t, ids[0], "a", text, "حكومة الوفاق الوطني", "MISC")); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("a second label on the range without same_range: %v", err)
	}
	sc := Schema(labels.NestingNested)
	sc.SameRange = true
	must(t, s.SetSchema(ctx, "admin", sc))
	if got, _ := s.Schema(ctx); !got.SameRange {
		t.Error("the schema lost same_range")
	}
	if _, err := s.AddSpan(ctx, Entity(t, ids[0], "a", text, "حكومة الوفاق الوطني", "MISC")); err != nil {
		t.Errorf("a second label on the range with same_range: %v", err)
	}
	if _, err := s.AddSpan(ctx, Entity(t, ids[0], "a", text, "حكومة الوفاق الوطني", "ORG")); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("the same label twice on the range: %v", err)
	}
	if spans, _ := s.Spans(ctx, ids[0], "a"); len(spans) != 2 {
		t.Errorf("spans: %+v", spans)
	}
	if err := s.SetSchema(ctx, "admin", Schema(labels.NestingNested)); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("same_range off over two labels of a range: %v", err)
	}
}
