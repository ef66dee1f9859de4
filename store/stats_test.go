package store

import (
	"fmt"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestStats(t *testing.T) {
	text := "قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري في طرابلس"
	s, ids := newProject(t, labels.NestingFlat, text, "نص ثان", "نص ثالث")
	empty, err := s.Stats(ctx, "")
	must(t, err)
	if empty.Documents != 3 || empty.Status[labels.StatusTodo] != 3 || len(empty.Annotators) != 0 || empty.Spans != 0 {
		t.Errorf("stats before any work: %+v", empty)
	}
	add := func(annotator, word, label string, kind labels.Kind) {
		t.Helper()
		sp := entity(t, ids[0], annotator, text, word, label)
		if kind == labels.KindStance {
			sp.Kind, sp.Target = kind, "lna"
		}
		_, err := s.AddSpan(ctx, sp)
		must(t, err)
	}
	add("salma", "الجيش الوطني الليبي", "ORG", labels.KindEntity)
	add("salma", "أحمد المسماري", "PERS", labels.KindEntity)
	add("salma", "طرابلس", "LOC", labels.KindEntity)
	add("salma", "باسم الجيش", "AGAINST", labels.KindStance)
	add("omar", "أحمد المسماري", "PERS", labels.KindEntity)
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "salma", Status: labels.StatusDone}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "salma", Status: labels.StatusSkipped}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "omar", Status: labels.StatusInProgress}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "omar", Status: labels.StatusTodo}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "salma", Target: "lna", Label: "AGAINST"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[1], Annotator: "salma", Target: "lna", Label: "AGAINST"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "salma", Target: "gna", Label: "FAVOR"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "nour", Target: "lna", Label: "NEUTRAL"}))

	salma, err := s.Stats(ctx, "salma")
	must(t, err)
	check := func(name string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	check("documents", salma.Documents, 3)
	check("annotators", salma.Annotators, []string{"nour", "omar", "salma"})
	check("salma's status", salma.Status, map[labels.Status]int{"todo": 1, "in_progress": 0, "done": 1, "skipped": 1, "flagged": 0, "curated": 0})
	check("salma's entity labels", salma.EntityLabels, map[string]int{"ORG": 1, "PERS": 1, "LOC": 1})
	check("salma's stance labels", salma.StanceLabels, map[string]int{"AGAINST": 1})
	check("salma's spans", salma.Spans, 4)
	check("salma's stances", salma.DocStances, map[string]map[string]int{"lna": {"AGAINST": 2}, "gna": {"FAVOR": 1}})

	all, err := s.Stats(ctx, "")
	must(t, err)
	// 3 documents × 3 annotators = 9 pairs: done 1, skipped 1, in progress 1, the rest todo.
	check("all status", all.Status, map[labels.Status]int{"todo": 6, "in_progress": 1, "done": 1, "skipped": 1, "flagged": 0, "curated": 0})
	check("all entity labels", all.EntityLabels, map[string]int{"ORG": 1, "PERS": 2, "LOC": 1})
	check("all spans", all.Spans, 5)
	check("all stances", all.DocStances, map[string]map[string]int{"lna": {"AGAINST": 2, "NEUTRAL": 1}, "gna": {"FAVOR": 1}})
}
