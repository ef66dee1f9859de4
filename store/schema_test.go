package store

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestSetSchema(t *testing.T) {
	text := "قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري"
	s, ids := newProject(t, labels.NestingOverlap, text)
	sc, err := s.Schema(ctx)
	must(t, err)
	if len(sc.Entities) != 4 || sc.Nesting != labels.NestingOverlap || sc.Targets[0].NameAr != "الجيش الوطني الليبي" {
		t.Errorf("schema: %+v", sc)
	}
	ev := lastEvent(t, s)
	if ev.Action == labels.ActionSchemaSet {
		t.Fatal("documents.add should be the last event")
	}

	_, err = s.AddSpan(ctx, entity(t, ids[0], "a", text, "الجيش الوطني الليبي", "ORG"))
	must(t, err)
	_, err = s.AddSpan(ctx, entity(t, ids[0], "a", text, "الليبي أحمد", "MISC"))
	must(t, err)
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "a", Target: "gna", Label: "NEUTRAL"}))

	dropMISC := testSchema(labels.NestingOverlap)
	dropMISC.Entities = dropMISC.Entities[:3]
	if err := s.SetSchema(ctx, "admin", dropMISC); !errors.Is(err, labels.ErrUnknownLabel) {
		t.Errorf("dropping a label in use: %v", err)
	}
	dropNeutral := testSchema(labels.NestingOverlap)
	dropNeutral.StanceLabels = dropNeutral.StanceLabels[:2]
	if err := s.SetSchema(ctx, "admin", dropNeutral); !errors.Is(err, labels.ErrUnknownLabel) {
		t.Errorf("dropping a stance label in use: %v", err)
	}
	dropGNA := testSchema(labels.NestingOverlap)
	dropGNA.Targets = dropGNA.Targets[:1]
	err = s.SetSchema(ctx, "admin", dropGNA)
	if !errors.Is(err, labels.ErrUnknownTarget) || !errors.Is(err, labels.ErrUnknownLabel) {
		t.Errorf("dropping a target in use: %v", err)
	}
	if err := s.SetSchema(ctx, "admin", testSchema(labels.NestingFlat)); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("flat nesting over crossing spans: %v", err)
	}
	if err := s.SetSchema(ctx, "admin", testSchema(labels.NestingNested)); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("nested nesting over crossing spans: %v", err)
	}
	bad := testSchema(labels.NestingFlat)
	bad.Entities = append(bad.Entities, labels.Label{Name: "PERS"})
	if err := s.SetSchema(ctx, "admin", bad); !errors.Is(err, labels.ErrBadSchema) {
		t.Errorf("a schema with a label twice: %v", err)
	}
	if err := s.SetSchema(ctx, "", testSchema(labels.NestingOverlap)); !errors.Is(err, labels.ErrNoAnnotator) {
		t.Errorf("no annotator: %v", err)
	}
	if got, _ := s.Schema(ctx); len(got.Entities) != 4 || got.Nesting != labels.NestingOverlap {
		t.Errorf("refused schemas changed it: %+v", got)
	}

	// Adding a label and a target, and dropping an unused one, is fine; empty nesting is flat.
	grown := testSchema("")
	grown.Entities = append(grown.Entities[:2:2], grown.Entities[3], labels.Label{Name: "EVENT", Hotkey: "5"})
	grown.Targets = append(grown.Targets, labels.Target{ID: "turkey", Name: "Turkey's intervention"})
	grown.Nesting = labels.NestingOverlap
	must(t, s.SetSchema(ctx, "admin", grown))
	got, err := s.Schema(ctx)
	must(t, err)
	if _, ok := got.Entity("EVENT"); !ok || len(got.Entities) != 4 || len(got.Targets) != 3 {
		t.Errorf("grown schema: %+v", got)
	}
	ev = lastEvent(t, s)
	var before, after labels.Schema
	must(t, json.Unmarshal(ev.Before, &before))
	must(t, json.Unmarshal(ev.After, &after))
	if ev.Action != labels.ActionSchemaSet || ev.Annotator != "admin" || len(before.Targets) != 2 || len(after.Targets) != 3 {
		t.Errorf("schema.set event: %+v", ev)
	}
}

func TestSetSchemaEmptyNestingIsFlat(t *testing.T) {
	s := newStore(t)
	must(t, s.SetSchema(ctx, "admin", testSchema("")))
	if sc, _ := s.Schema(ctx); sc.Nesting != labels.NestingFlat {
		t.Errorf("nesting = %q", sc.Nesting)
	}
}

// TestSetSchemaSameRange: a schema that takes SameRange away is refused while two entity
// spans of an annotator share a range, and nested spans stay fine under nesting "nested".
func TestSetSchemaSameRange(t *testing.T) {
	text := "قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري"
	sc := testSchema(labels.NestingNested)
	sc.SameRange = true
	s, ids := newProject(t, labels.NestingNested, text)
	must(t, s.SetSchema(ctx, "admin", sc))
	_, err := s.AddSpan(ctx, entity(t, ids[0], "a", text, "الجيش الوطني الليبي", "ORG"))
	must(t, err)
	_, err = s.AddSpan(ctx, entity(t, ids[0], "a", text, "الليبي", "LOC"))
	must(t, err)
	_, err = s.AddSpan(ctx, entity(t, ids[0], "a", text, "الجيش الوطني الليبي", "MISC"))
	must(t, err)
	if err := s.SetSchema(ctx, "admin", testSchema(labels.NestingNested)); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("same_range taken away over two labels of one range: %v", err)
	}
	sc.Nesting = labels.NestingOverlap
	sc.SameRange = false
	must(t, s.SetSchema(ctx, "admin", sc))
}
