package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// stanceText is an article with evidence for two targets.
const stanceText = "أشاد المتحدث بتقدم الجيش الوطني الليبي نحو طرابلس، وانتقد حكومة الوفاق الوطني بشدة."

// evidence builds a manual stance span over word toward target.
func evidence(t *testing.T, docID, annotator, word, target, label string) labels.Span {
	t.Helper()
	sp := entity(t, docID, annotator, stanceText, word, label)
	sp.Kind, sp.Target = labels.KindStance, target
	return sp
}

// stanceOf returns the annotator's stance toward target as a label, "" when there is none.
func stanceOf(t *testing.T, s *Store, doc, annotator, target string) string {
	t.Helper()
	list, err := s.DocStances(ctx, doc, annotator)
	must(t, err)
	for _, ds := range list {
		if ds.Target == target {
			return ds.Label
		}
	}
	return ""
}

// evidenceOf lists the annotator's stance spans as "target:label:text".
func evidenceOf(t *testing.T, s *Store, doc, annotator string) []string {
	t.Helper()
	spans, err := s.Spans(ctx, doc, annotator)
	must(t, err)
	out := []string{}
	for _, sp := range spans {
		if sp.Kind == labels.KindStance {
			out = append(out, sp.Target+":"+sp.Label+":"+sp.Text)
		}
	}
	return out
}

func TestStanceAndEvidenceUndoRedo(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, stanceText)
	doc := ids[0]
	set := func(target, label string) {
		t.Helper()
		must(t, s.SetDocStance(ctx, labels.DocStance{DocID: doc, Annotator: "amal", Target: target, Label: label}))
	}
	set("lna", "FAVOR")   // set
	set("lna", "AGAINST") // change
	set("gna", "AGAINST")
	must(t, s.ClearDocStance(ctx, doc, "amal", "gna")) // clear
	// Evidence spans overlap entities and each other freely; one is relabeled, one removed.
	ent, err := s.AddSpan(ctx, entity(t, doc, "amal", stanceText, "الجيش الوطني الليبي", "ORG"))
	must(t, err)
	favor, err := s.AddSpan(ctx, evidence(t, doc, "amal", "بتقدم الجيش الوطني الليبي", "lna", "FAVOR"))
	must(t, err)
	against, err := s.AddSpan(ctx, evidence(t, doc, "amal", "وانتقد حكومة الوفاق الوطني", "gna", "AGAINST"))
	must(t, err)
	favor.Label = "NEUTRAL"
	_, err = s.UpdateSpan(ctx, favor)
	must(t, err)
	must(t, s.DeleteSpan(ctx, "amal", against.DocID, against.ID))
	_ = ent

	type state struct {
		lna, gna string
		spans    []string
	}
	now := func() state {
		return state{stanceOf(t, s, doc, "amal", "lna"), stanceOf(t, s, doc, "amal", "gna"), evidenceOf(t, s, doc, "amal")}
	}
	check := func(step string, want state) {
		t.Helper()
		got := now()
		if got.lna != want.lna || got.gna != want.gna || !slices.Equal(got.spans, want.spans) {
			t.Fatalf("%s: %+v, want %+v", step, got, want)
		}
	}
	neutral := "lna:NEUTRAL:بتقدم الجيش الوطني الليبي"
	favorSpan := "lna:FAVOR:بتقدم الجيش الوطني الليبي"
	againstSpan := "gna:AGAINST:وانتقد حكومة الوفاق الوطني"
	// Each undo goes one change back, newest first.
	history := []struct {
		action labels.Action
		before state // the state once the change is undone
	}{
		{labels.ActionSpanDelete, state{"AGAINST", "", []string{neutral, againstSpan}}},
		{labels.ActionSpanUpdate, state{"AGAINST", "", []string{favorSpan, againstSpan}}},
		{labels.ActionSpanAdd, state{"AGAINST", "", []string{favorSpan}}},
		{labels.ActionSpanAdd, state{"AGAINST", "", []string{}}},
		{labels.ActionSpanAdd, state{"AGAINST", "", []string{}}}, // the entity span
		{labels.ActionStanceClear, state{"AGAINST", "AGAINST", []string{}}},
		{labels.ActionStanceSet, state{"AGAINST", "", []string{}}},
		{labels.ActionStanceSet, state{"FAVOR", "", []string{}}},
		{labels.ActionStanceSet, state{"", "", []string{}}},
	}
	check("before undo", state{"AGAINST", "", []string{neutral}})
	for i, h := range history {
		ev, err := s.Undo(ctx, "amal")
		must(t, err)
		if ev.Action != h.action || ev.DocID != doc {
			t.Fatalf("undo %d: %s, want %s", i, ev.Action, h.action)
		}
		check(fmt.Sprintf("undo %d (%s)", i, h.action), h.before)
	}
	if _, err := s.Undo(ctx, "amal"); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo past the start: %v", err)
	}
	for i := len(history) - 1; i >= 1; i-- {
		_, err := s.Redo(ctx, "amal")
		must(t, err)
		check(fmt.Sprintf("redo %d", i), history[i-1].before)
	}
	_, err = s.Redo(ctx, "amal")
	must(t, err)
	check("all redone", state{"AGAINST", "", []string{neutral}})
	if probs, _ := s.Check(ctx); len(probs) != 0 {
		t.Fatalf("check: %v", probs)
	}
}

func TestTargetsAddAndRename(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, stanceText)
	doc := ids[0]
	events := func() int {
		evs, err := s.Events(ctx, 0, 0)
		must(t, err)
		return len(evs)
	}

	must(t, s.AddTarget(ctx, "admin", labels.Target{ID: " turkey ", Name: " Turkey's intervention", NameAr: "التدخل التركي"}))
	sc, _ := s.Schema(ctx)
	if got, ok := sc.Target("turkey"); !ok || got.Name != "Turkey's intervention" || got.NameAr != "التدخل التركي" {
		t.Fatalf("added target: %+v, %v", got, ok)
	}
	if ev := lastEvent(t, s); ev.Action != labels.ActionSchemaSet || ev.Annotator != "admin" {
		t.Errorf("add logged %+v", ev)
	}
	for _, c := range []struct {
		name string
		t    labels.Target
		want error
	}{
		{"same id", labels.Target{ID: "lna", Name: "Another"}, ErrExists},
		{"id in another case", labels.Target{ID: "LNA", Name: "Another"}, ErrExists},
		{"same name", labels.Target{ID: "lna2", Name: "libyan national army"}, ErrExists},
		{"same Arabic name", labels.Target{ID: "lna2", Name: "Haftar's army", NameAr: "الجيش الوطني الليبي"}, ErrExists},
		{"name that is an id", labels.Target{ID: "x", Name: "GNA"}, ErrExists},
		{"id with a space", labels.Target{ID: "the army", Name: "The army"}, labels.ErrBadSchema},
		{"no id", labels.Target{ID: " ", Name: "Nobody"}, labels.ErrBadSchema},
		{"no name", labels.Target{ID: "nameless"}, labels.ErrBadSchema},
	} {
		if err := s.AddTarget(ctx, "admin", c.t); !errors.Is(err, c.want) {
			t.Errorf("%s: AddTarget = %v, want %v", c.name, err, c.want)
		}
	}
	if err := s.AddTarget(ctx, "", labels.Target{ID: "y", Name: "Y"}); !errors.Is(err, labels.ErrNoAnnotator) {
		t.Errorf("no annotator: %v", err)
	}

	// Annotations toward lna, by two annotators, then a rename: they all stay.
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: doc, Annotator: "amal", Target: "lna", Label: "FAVOR"}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: doc, Annotator: "badr", Target: "lna", Label: "NEUTRAL"}))
	_, err := s.AddSpan(ctx, evidence(t, doc, "amal", "بتقدم الجيش الوطني الليبي", "lna", "FAVOR"))
	must(t, err)
	before, err := s.TargetUses(ctx)
	must(t, err)
	if before["lna"] != (TargetUse{DocStances: 2, Spans: 1}) || len(before) != 1 {
		t.Fatalf("uses before the rename: %+v", before)
	}
	must(t, s.RenameTarget(ctx, "admin", "lna", "Haftar's forces", "قوات حفتر"))
	sc, _ = s.Schema(ctx)
	if got, _ := sc.Target("lna"); got.Name != "Haftar's forces" || got.NameAr != "قوات حفتر" || len(sc.Targets) != 3 || sc.Targets[0].ID != "lna" {
		t.Fatalf("renamed: %+v", sc.Targets)
	}
	after, err := s.TargetUses(ctx)
	must(t, err)
	if after["lna"] != before["lna"] || stanceOf(t, s, doc, "badr", "lna") != "NEUTRAL" ||
		!slices.Equal(evidenceOf(t, s, doc, "amal"), []string{"lna:FAVOR:بتقدم الجيش الوطني الليبي"}) {
		t.Fatalf("the rename lost annotations: %+v", after)
	}
	ev := lastEvent(t, s)
	var was, is labels.Schema
	must(t, json.Unmarshal(ev.Before, &was))
	must(t, json.Unmarshal(ev.After, &is))
	if ev.Action != labels.ActionSchemaSet || was.Targets[0].Name != "Libyan National Army" || is.Targets[0].Name != "Haftar's forces" {
		t.Errorf("rename logged %s: %s → %s", ev.Action, ev.Before, ev.After)
	}
	n := events()
	must(t, s.RenameTarget(ctx, "admin", "lna", "Haftar's forces", "قوات حفتر")) // no change, no event
	if events() != n {
		t.Error("a rename to the same names was logged")
	}
	// A rename may change the case of its own name, and clear the Arabic name.
	must(t, s.RenameTarget(ctx, "admin", "lna", "HAFTAR'S FORCES", ""))
	for _, c := range []struct {
		name           string
		id, to, toAr   string
		want, wantAlso error
	}{
		{"unknown id", "egypt", "Egypt", "", ErrNotFound, labels.ErrUnknownTarget},
		{"another's name", "lna", "government of national accord", "", ErrExists, ErrExists},
		{"another's Arabic name", "lna", "Haftar", "التدخل التركي", ErrExists, ErrExists},
		{"empty name", "lna", " ", "", labels.ErrBadSchema, labels.ErrBadSchema},
	} {
		err := s.RenameTarget(ctx, "admin", c.id, c.to, c.toAr)
		if !errors.Is(err, c.want) || !errors.Is(err, c.wantAlso) {
			t.Errorf("%s: RenameTarget = %v, want %v", c.name, err, c.want)
		}
	}
	if sc, _ := s.Schema(ctx); sc.Targets[0].Name != "HAFTAR'S FORCES" || sc.Targets[0].NameAr != "" {
		t.Errorf("after refused renames: %+v", sc.Targets[0])
	}
}

func TestImporterStanceLabelsTargetsAndRepeatedTexts(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat)
	rec := func(text string, stances ...string) labels.Annotated {
		r := labels.Annotated{Doc: labels.Document{Text: text}}
		for i := 0; i+1 < len(stances); i += 2 {
			r.Stances = append(r.Stances, labels.DocStance{Target: stances[i], Label: stances[i+1]})
		}
		return r
	}
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal"})
	must(t, err)
	// Labels in any case; targets by id, name (any case) or Arabic name.
	must(t, imp.Add(rec("نص أول", "LNA", "Favor", " government of national accord ", "against")))
	must(t, imp.Add(rec("نص ثان", "الجيش الوطني الليبي", "neutral")))
	// The same text again, toward another target: its stance joins the stored document.
	must(t, imp.Add(rec("نص ثان", "gna", "NONE")))
	// And toward the same target with another label: a conflict, refused whole.
	var recErr *RecordError
	if err := imp.Add(rec("نص ثان", "lna", "FAVOR")); !errors.Is(err, ErrConflict) || !errors.As(err, &recErr) {
		t.Errorf("a conflicting stance: %v", err)
	}
	// A span of entity label "loc" is LOC.
	r := annotated(t, "وصل الوفد إلى طرابلس", "طرابلس", "loc")
	must(t, imp.Add(r))
	// Two stances toward one target that disagree are refused.
	if err := imp.Add(rec("نص رابع", "lna", "FAVOR", "Libyan National Army", "AGAINST")); !errors.As(err, &recErr) {
		t.Errorf("contradicting stances: %v", err)
	}
	res, err := imp.Commit()
	must(t, err)
	if res.Added != 3 || res.Duplicates != 1 || res.Stances != 4 || res.Attached != 1 || len(res.NewLabels) != 0 {
		t.Errorf("result %+v", res)
	}
	docs, err := s.Documents(ctx, Page{Limit: 10})
	must(t, err)
	want := [][]string{{"gna:AGAINST", "lna:FAVOR"}, {"gna:NONE", "lna:NEUTRAL"}, {}}
	for i, d := range docs {
		list, err := s.DocStances(ctx, d.ID, "amal")
		must(t, err)
		got := []string{}
		for _, ds := range list {
			got = append(got, ds.Target+":"+ds.Label)
		}
		if !slices.Equal(got, want[i]) {
			t.Errorf("document %d: stances %v, want %v", i+1, got, want[i])
		}
	}
	spans, _ := s.Spans(ctx, docs[2].ID, "amal")
	if len(spans) != 1 || spans[0].Label != "LOC" {
		t.Errorf("spans %+v", spans)
	}

	// Importing the same records again adds nothing and logs nothing.
	n, _ := s.Events(ctx, 0, 0)
	imp, err = s.BeginImport(ctx, ImportOptions{Annotator: "amal"})
	must(t, err)
	must(t, imp.Add(rec("نص أول", "lna", "FAVOR")))
	must(t, imp.Add(rec("نص ثان", "gna", "NONE")))
	res, err = imp.Commit()
	must(t, err)
	if res.Added != 0 || res.Stances != 0 || res.Duplicates != 2 {
		t.Errorf("second import: %+v", res)
	}
	if m, _ := s.Events(ctx, 0, 0); len(m) != len(n) {
		t.Errorf("a second import that added nothing logged %d events", len(m)-len(n))
	}
}

func TestImporterAddsTargetsByName(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat)
	claim := "الحكومة ترفع الدعم عن الوقود"
	recs := []labels.Annotated{
		{Doc: labels.Document{Text: "مقال أول"}, Stances: []labels.DocStance{{Target: "Women empowerment", Label: "Agree"}}},
		{Doc: labels.Document{Text: "مقال ثان"}, Stances: []labels.DocStance{{Target: " " + claim + " ", Label: "disagree"}}},
		{Doc: labels.Document{Text: "مقال أول"}, Stances: []labels.DocStance{{Target: claim, Label: "AGREE"}}},
		{Doc: labels.Document{Text: "مقال ثالث"}, Stances: []labels.DocStance{{Target: "women EMPOWERMENT", Label: "Favor"}}},
	}
	// Without --add-labels: refused, with the list as written.
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal"})
	must(t, err)
	for _, r := range recs {
		must(t, imp.Add(r))
	}
	_, err = imp.Commit()
	if !errors.Is(err, ErrUnknownLabels) || !strings.Contains(err.Error(), "Agree, disagree, target:Women empowerment, target:"+claim) {
		t.Fatalf("Commit = %v", err)
	}
	imp, err = s.BeginImport(ctx, ImportOptions{Annotator: "amal", AddLabels: true})
	must(t, err)
	for _, r := range recs {
		must(t, imp.Add(r))
	}
	res, err := imp.Commit()
	must(t, err)
	claimID := labels.TargetID(claim)
	wantNew := []string{"Agree", "disagree", "target:" + claimID, "target:women-empowerment"}
	if !slices.Equal(res.NewLabels, wantNew) || res.Stances != 4 || res.Attached != 1 {
		t.Errorf("result %+v, want new labels %v", res, wantNew)
	}
	sc, _ := s.Schema(ctx)
	if got, ok := sc.Target(claimID); !ok || got.Name != claim || !strings.HasPrefix(claimID, "t-") {
		t.Errorf("claim target %q: %+v", claimID, got)
	}
	if got, _ := sc.Target("women-empowerment"); got.Name != "Women empowerment" {
		t.Errorf("target: %+v", got)
	}
	// "AGREE" met "Agree" once added; "Favor" matched the schema's FAVOR.
	names := []string{}
	for _, l := range sc.StanceLabels {
		names = append(names, l.Name)
	}
	if !slices.Equal(names, []string{"FAVOR", "AGAINST", "NEUTRAL", "NONE", "Agree", "disagree"}) {
		t.Errorf("stance labels %v", names)
	}
	st, err := s.Stats(ctx, "")
	must(t, err)
	if fmt.Sprint(st.DocStances) != fmt.Sprint(map[string]map[string]int{claimID: {"Agree": 1, "disagree": 1}, "women-empowerment": {"Agree": 1, "FAVOR": 1}}) {
		t.Errorf("stats: %v", st.DocStances)
	}
	// A label that cannot be one (two words) refuses its record when it would be added.
	imp, err = s.BeginImport(ctx, ImportOptions{Annotator: "amal", AddLabels: true})
	must(t, err)
	defer imp.Rollback()
	var recErr *RecordError
	if err := imp.Add(labels.Annotated{Doc: labels.Document{Text: "مقال رابع"}, Stances: []labels.DocStance{{Target: "lna", Label: "no stance"}}}); !errors.As(err, &recErr) {
		t.Errorf("a label of two words: %v", err)
	}
}

func TestStanceKeysAndStats(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, stanceText, "نص ثان", "نص ثالث", "نص رابع")
	set := func(doc int, annotator, target, label string) {
		t.Helper()
		must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[doc], Annotator: annotator, Target: target, Label: label}))
	}
	set(0, "amal", "lna", "FAVOR")
	set(0, "amal", "gna", "AGAINST")
	set(1, "amal", "lna", "FAVOR")
	set(1, "badr", "lna", "FAVOR")
	set(2, "badr", "gna", "NONE")
	_, err := s.AddSpan(ctx, evidence(t, ids[0], "amal", "بتقدم الجيش الوطني الليبي", "lna", "FAVOR"))
	must(t, err)
	_, err = s.AddSpan(ctx, evidence(t, ids[0], "amal", "وانتقد حكومة الوفاق الوطني", "gna", "AGAINST"))
	must(t, err)
	_, err = s.AddSpan(ctx, evidence(t, ids[0], "badr", "وانتقد حكومة", "gna", "AGAINST"))
	must(t, err)

	all, err := s.StanceKeys(ctx, "")
	must(t, err)
	want := map[string]string{ids[0]: "gna=AGAINST,lna=FAVOR", ids[1]: "lna=FAVOR", ids[2]: "gna=NONE"}
	if fmt.Sprint(all) != fmt.Sprint(want) {
		t.Errorf("StanceKeys(all) = %v, want %v", all, want)
	}
	badr, err := s.StanceKeys(ctx, "badr")
	must(t, err)
	if fmt.Sprint(badr) != fmt.Sprint(map[string]string{ids[1]: "lna=FAVOR", ids[2]: "gna=NONE"}) {
		t.Errorf("StanceKeys(badr) = %v", badr)
	}

	st, err := s.Stats(ctx, "")
	must(t, err)
	if got := fmt.Sprint(st.StanceSpans); got != fmt.Sprint(map[string]map[string]int{"lna": {"FAVOR": 1}, "gna": {"AGAINST": 2}}) {
		t.Errorf("stance spans: %s", got)
	}
	if st.TargetNames["lna"] != "Libyan National Army" || len(st.TargetNames) != 2 {
		t.Errorf("target names: %v", st.TargetNames)
	}
	amal, err := s.Stats(ctx, "amal")
	must(t, err)
	if got := fmt.Sprint(amal.StanceSpans); got != fmt.Sprint(map[string]map[string]int{"lna": {"FAVOR": 1}, "gna": {"AGAINST": 1}}) {
		t.Errorf("amal's stance spans: %s", got)
	}
}
