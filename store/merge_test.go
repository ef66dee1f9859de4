package store

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

var mergeTexts = []string{
	"قال المسماري إن الجيش الوطني الليبي دخل طرابلس",
	"وأعلنت حكومة الوفاق الوطني برئاسة فايز السراج حالة النفير",
	"ودعت الأمم المتحدة في جنيف إلى وقف فوري لإطلاق النار",
}

// annotatorProject makes a project of the merge texts (in the order of texts, imported apart
// so that their ids differ from another project's) where annotator labels the first word
// given for each text, sets a stance toward lna on the first merge text and marks it done.
func annotatorProject(t *testing.T, annotator string, texts []string, words ...[2]string) (*Store, []string) {
	t.Helper()
	s, ids := newProject(t, labels.NestingFlat, texts...)
	for i, w := range words {
		if w[0] == "" {
			continue
		}
		_, err := s.AddSpan(ctx, entity(t, ids[i], annotator, texts[i], w[0], w[1]))
		must(t, err)
	}
	first := ids[slices.Index(texts, mergeTexts[0])]
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: first, Annotator: annotator, Target: "lna", Label: "FAVOR"}))
	must(t, s.SetState(ctx, labels.DocState{DocID: first, Annotator: annotator, Status: labels.StatusDone, Note: "واضح", Seconds: 42}))
	return s, ids
}

func countEvents(t *testing.T, s *Store) int {
	t.Helper()
	evs, err := s.Events(ctx, 0, 0)
	must(t, err)
	return len(evs)
}

func TestMergeUnitesAnnotatorsByText(t *testing.T) {
	a, _ := annotatorProject(t, "amal", mergeTexts, [2]string{"المسماري", "PERS"}, [2]string{"فايز السراج", "PERS"})
	reversed := []string{mergeTexts[2], mergeTexts[1], mergeTexts[0]}
	b, bIDs := annotatorProject(t, "badr", reversed, [2]string{"جنيف", "LOC"}, [2]string{"", ""}, [2]string{"طرابلس", "LOC"})
	team := newStore(t)
	res, err := team.Merge(ctx, a, MergeOptions{Source: "a.tawsim"})
	must(t, err)
	if res.Documents != 3 || res.Added != 3 || res.Spans != 2 || res.Stances != 1 || res.States != 1 || res.Events != 4 ||
		!slices.Equal(res.Annotators, []string{"amal"}) || len(res.Schema) == 0 {
		t.Fatalf("first merge: %+v", res)
	}
	res, err = team.Merge(ctx, b, MergeOptions{Source: "b.tawsim"})
	must(t, err)
	if res.Documents != 3 || res.Added != 0 || res.Spans != 2 || res.Events != 4 || len(res.Schema) != 0 || len(res.Conflicts) != 0 {
		t.Fatalf("second merge: %+v", res)
	}
	ids, err := team.DocumentIDs(ctx)
	must(t, err)
	if len(ids) != 3 {
		t.Fatalf("%d documents, want 3", len(ids))
	}
	// The first text has amal's work and badr's, badr's brought from another id.
	d, err := team.DocumentWork(ctx, ids[0])
	must(t, err)
	if len(d.Work) != 2 || d.Work[0].Annotator != "amal" || d.Work[1].Annotator != "badr" {
		t.Fatalf("work on the first text: %+v", d.Work)
	}
	bw := d.Work[1]
	if len(bw.Spans) != 1 || bw.Spans[0].Text != "طرابلس" || bw.Spans[0].DocID != ids[0] || bw.Status != labels.StatusDone ||
		bw.Note != "واضح" || bw.Seconds != 42 || len(bw.Stances) != 1 || bw.Stances[0].Label != "FAVOR" {
		t.Errorf("badr's work: %+v", bw)
	}
	// Its history is badr's, and names the document by its id here.
	evs, err := team.Events(ctx, 0, 0)
	must(t, err)
	n := 0
	for _, ev := range evs {
		if ev.Annotator == "badr" && ev.DocID == ids[0] {
			n++
			if strings.Contains(string(ev.After), bIDs[2]) || !strings.Contains(string(ev.After), ids[0]) {
				t.Errorf("badr's event names another document: %s", ev.After)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d events of badr on the first text, want 3 (span, stance, state)", n)
	}
	st, err := team.Stats(ctx, "")
	must(t, err)
	if st.Spans != 4 || st.Status[labels.StatusDone] != 2 || st.DocStances["lna"]["FAVOR"] != 2 {
		t.Errorf("stats %+v", st)
	}
	if probs, _ := team.Check(ctx); len(probs) != 0 {
		t.Fatalf("check: %v", probs)
	}

	// The same work again adds nothing, not even to the log.
	before := countEvents(t, team)
	for _, src := range []*Store{a, b} {
		res, err := team.Merge(ctx, src, MergeOptions{})
		must(t, err)
		if res.Added+res.Spans+res.Stances+res.States+res.Events != 0 || len(res.Conflicts) != 0 {
			t.Errorf("merged again: %+v", res)
		}
	}
	if got := countEvents(t, team); got != before {
		t.Errorf("the log grew from %d to %d events", before, got)
	}
}

func TestMergeConflictRefusesOrKeepsFirst(t *testing.T) {
	a, _ := annotatorProject(t, "amal", mergeTexts, [2]string{"المسماري", "PERS"})
	other, otherIDs := annotatorProject(t, "amal", mergeTexts, [2]string{"المسماري", "ORG"}, [2]string{"فايز السراج", "PERS"})
	evidence := entity(t, otherIDs[0], "amal", mergeTexts[0], "الجيش الوطني الليبي", "FAVOR")
	evidence.Kind, evidence.Target = labels.KindStance, "lna"
	_, err := other.AddSpan(ctx, evidence)
	must(t, err)
	team := newStore(t)
	_, err = team.Merge(ctx, a, MergeOptions{})
	must(t, err)
	before := countEvents(t, team)
	stats, _ := team.Stats(ctx, "")
	_, err = team.Merge(ctx, other, MergeOptions{Source: "other.tawsim"})
	var conflict *MergeConflictError
	if !errors.As(err, &conflict) || !errors.Is(err, ErrMergeConflict) || len(conflict.Conflicts) != 1 {
		t.Fatalf("err %v, want one conflict", err)
	}
	c := conflict.Conflicts[0]
	if c.Annotator != "amal" || len(c.Parts) != 1 || !strings.Contains(c.Parts[0], `only here [4,12) PERS "المسماري"`) ||
		!strings.Contains(c.Parts[0], `only in the other project [4,12) ORG "المسماري"`) {
		t.Errorf("conflict %s", c)
	}
	if got, _ := team.Stats(ctx, ""); got.Spans != stats.Spans || countEvents(t, team) != before {
		t.Fatalf("a refused merge changed the project: %d spans, %d events", got.Spans, countEvents(t, team))
	}

	res, err := team.Merge(ctx, other, MergeOptions{KeepFirst: true})
	must(t, err)
	if len(res.Conflicts) != 1 || res.Spans != 2 {
		t.Fatalf("kept first: %+v", res)
	}
	ids, _ := team.DocumentIDs(ctx)
	spans, _ := team.Spans(ctx, ids[0], "amal")
	if len(spans) != 2 || spans[0].Label != "PERS" || spans[1].Kind != labels.KindStance || spans[1].Target != "lna" {
		t.Errorf("amal's spans on the first text (her PERS kept, her evidence taken in): %+v", spans)
	}
	if spans, _ := team.Spans(ctx, ids[1], "amal"); len(spans) != 1 {
		t.Errorf("the work without conflict was not taken in: %+v", spans)
	}
	if probs, _ := team.Check(ctx); len(probs) != 0 {
		t.Fatalf("check: %v", probs)
	}
}

func TestMergeRefusesClashingSchemaBeforeWriting(t *testing.T) {
	a, _ := annotatorProject(t, "amal", mergeTexts, [2]string{"المسماري", "PERS"})
	sc := testSchema(labels.NestingFlat)
	sc.Targets[0].Name = "LNA forces"
	b := newStore(t)
	must(t, b.SetSchema(ctx, "admin", sc))
	team := newStore(t)
	_, err := team.Merge(ctx, a, MergeOptions{})
	must(t, err)
	before := countEvents(t, team)
	_, err = team.Merge(ctx, b, MergeOptions{})
	if !errors.Is(err, labels.ErrSchemaClash) || !strings.Contains(err.Error(), `target lna is named "Libyan National Army"`) {
		t.Fatalf("err %v", err)
	}
	if countEvents(t, team) != before {
		t.Error("a refused merge wrote")
	}
}

func TestMergeGivesATakenIDANewOne(t *testing.T) {
	a, aIDs := newProject(t, labels.NestingFlat, "نص أول")
	path := filepath.Join(t.TempDir(), "b.tawsim")
	b := openStore(t, path)
	must(t, b.SetSchema(ctx, "admin", testSchema(labels.NestingFlat)))
	imp, err := b.BeginImport(ctx, ImportOptions{Annotator: "badr"})
	must(t, err)
	rec := annotated(t, "نص آخر بالمعرف نفسه")
	rec.Doc.ID = aIDs[0]
	must(t, imp.Add(rec))
	_, err = imp.Commit()
	must(t, err)
	team := newStore(t)
	for _, src := range []*Store{a, b} {
		_, err := team.Merge(ctx, src, MergeOptions{})
		must(t, err)
	}
	ids, _ := team.DocumentIDs(ctx)
	if len(ids) != 2 || ids[0] != aIDs[0] || ids[1] == aIDs[0] {
		t.Fatalf("ids %v (the first project's %s)", ids, aIDs[0])
	}
}

func TestMergeRefusesDamagedSource(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.tawsim")
	a := openStore(t, path)
	must(t, a.SetSchema(ctx, "admin", testSchema(labels.NestingFlat)))
	res, err := a.AddDocuments(ctx, []labels.Document{{Text: mergeTexts[0], ExternalID: "x1"}})
	must(t, err)
	_, err = a.AddSpan(ctx, entity(t, res.IDs[0], "amal", mergeTexts[0], "طرابلس", "LOC"))
	must(t, err)
	_, err = rawDB(t, path).Exec(`UPDATE span_sets SET spans = '[{"i":"x"}]'`)
	must(t, err)
	team := newStore(t)
	_, err = team.Merge(ctx, a, MergeOptions{})
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), `"x1"`) {
		t.Fatalf("err %v, want ErrDamaged naming the document", err)
	}
	if n, _ := team.CountDocuments(ctx); n != 0 {
		t.Errorf("%d documents after a refused merge", n)
	}
}
