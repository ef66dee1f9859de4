package store

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// annotated builds a record of text with entity spans over the given words.
func annotated(t *testing.T, text string, words ...string) labels.Annotated {
	t.Helper()
	rec := labels.Annotated{Doc: labels.Document{Text: text, SourceFile: "in.jsonl"}}
	for i := 0; i+1 < len(words); i += 2 {
		sp := entity(t, "", "", text, words[i], words[i+1])
		sp.Origin = ""
		rec.Spans = append(rec.Spans, sp)
	}
	return rec
}

func TestImporterAddsWholeFileOrNothing(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat)
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal", Source: "in.jsonl"})
	must(t, err)
	must(t, imp.Add(annotated(t, "زار أردوغان طرابلس", "أردوغان", "PERS", "طرابلس", "LOC")))
	// A bad record is refused and leaves nothing behind; the import goes on.
	bad := annotated(t, "وصل السراج إلى أنقرة", "السراج", "PERS", "أنقرة", "LOC")
	bad.Spans[1].Text = "انقرة"
	if err := imp.Add(bad); !errors.Is(err, labels.ErrTextMismatch) {
		t.Fatalf("bad record: %v, want ErrTextMismatch", err)
	}
	must(t, imp.Add(annotated(t, "قصفت الطائرات مصراتة", "مصراتة", "LOC")))
	imp.Rollback()
	if n, _ := s.CountDocuments(ctx); n != 0 {
		t.Fatalf("after Rollback: %d documents", n)
	}

	imp, err = s.BeginImport(ctx, ImportOptions{Annotator: "amal"})
	must(t, err)
	must(t, imp.Add(annotated(t, "زار أردوغان طرابلس", "أردوغان", "PERS", "طرابلس", "LOC")))
	if err := imp.Add(bad); err == nil {
		t.Fatal("bad record accepted")
	}
	must(t, imp.Add(annotated(t, "زار أردوغان طرابلس", "أردوغان", "PERS"))) // same text: a duplicate
	res, err := imp.Commit()
	must(t, err)
	if res.Added != 1 || res.Duplicates != 1 || res.Spans != 2 {
		t.Fatalf("result %+v", res)
	}
	ids, _ := s.DocumentIDs(ctx)
	spans, _ := s.Spans(ctx, ids[0], "")
	if len(spans) != 2 || spans[0].Annotator != "amal" || spans[0].Origin != labels.OriginImport {
		t.Fatalf("spans %+v", spans)
	}
	if probs, _ := s.Check(ctx); len(probs) != 0 {
		t.Fatalf("check: %v", probs)
	}
}

func TestImporterUnknownLabels(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat)
	rec := annotated(t, "الرئيس التركي رجب طيب أردوغان", "التركي", "NORP", "رجب طيب أردوغان", "PERS")
	rec.Stances = []labels.DocStance{{Target: "turkey", Label: "FAVOR"}}

	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal"})
	must(t, err)
	must(t, imp.Add(rec))
	_, err = imp.Commit()
	if !errors.Is(err, ErrUnknownLabels) || !strings.Contains(err.Error(), "NORP, target:turkey") {
		t.Fatalf("got %v, want ErrUnknownLabels listing NORP and target:turkey", err)
	}
	if n, _ := s.CountDocuments(ctx); n != 0 {
		t.Fatalf("refused import left %d documents", n)
	}

	imp, err = s.BeginImport(ctx, ImportOptions{Annotator: "amal", AddLabels: true})
	must(t, err)
	must(t, imp.Add(rec))
	res, err := imp.Commit()
	must(t, err)
	if !slices.Equal(res.NewLabels, []string{"NORP", "target:turkey"}) {
		t.Errorf("new labels %v", res.NewLabels)
	}
	sc, _ := s.Schema(ctx)
	if _, ok := sc.Entity("NORP"); !ok {
		t.Error("NORP not added to the schema")
	}
	if _, ok := sc.Target("turkey"); !ok {
		t.Error("target turkey not added to the schema")
	}
	if probs, _ := s.Check(ctx); len(probs) != 0 {
		t.Fatalf("check: %v", probs)
	}
}

func TestImporterKeepsIDsAnnotatorAndStatus(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat)
	rec := annotated(t, "تقدم الجيش الليبي نحو سرت", "الجيش الليبي", "ORG", "سرت", "LOC")
	rec.Doc.ID = "0193f1c2-6a4e-7b3c-9d2e-1f0a5b6c7d8e"
	rec.Annotator, rec.Status = "badr", labels.StatusDone
	rec.Stances = []labels.DocStance{{Target: "lna", Label: "FAVOR"}}
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal"})
	must(t, err)
	must(t, imp.Add(rec))
	_, err = imp.Commit()
	must(t, err)

	var got []labels.Annotated
	must(t, s.Export(ctx, ExportFilter{}, func(a labels.Annotated) error { got = append(got, a); return nil }))
	if len(got) != 1 {
		t.Fatalf("%d records", len(got))
	}
	a := got[0]
	if a.Doc.ID != rec.Doc.ID || a.Annotator != "badr" || a.Status != labels.StatusDone ||
		len(a.Spans) != 2 || len(a.Stances) != 1 || a.Stances[0].Label != "FAVOR" {
		t.Fatalf("exported %+v", a)
	}
}

func TestExportFiltersAndOrder(t *testing.T) {
	texts := make([]string, 1100) // more than one export batch
	for i := range texts {
		texts[i] = newsText(uint64(i), 200)
	}
	s, ids := newProject(t, labels.NestingFlat, texts...)
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[3], Annotator: "amal", Status: labels.StatusDone}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[3], Annotator: "badr", Status: labels.StatusSkipped}))
	_, err := s.AddSpan(ctx, entity(t, ids[1000], "badr", texts[1000], "الخبر", "MISC"))
	must(t, err)

	collect := func(f ExportFilter) []labels.Annotated {
		var out []labels.Annotated
		must(t, s.Export(ctx, f, func(a labels.Annotated) error { out = append(out, a); return nil }))
		return out
	}
	all := collect(ExportFilter{})
	if len(all) != 1101 { // document 4 twice, once per annotator
		t.Fatalf("%d records, want 1101", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].Doc.Order < all[i-1].Doc.Order {
			t.Fatalf("record %d out of order", i)
		}
	}
	if all[3].Annotator != "amal" || all[4].Annotator != "badr" || all[4].Status != labels.StatusSkipped {
		t.Errorf("document 4: %q %q / %q %q", all[3].Annotator, all[3].Status, all[4].Annotator, all[4].Status)
	}
	done := collect(ExportFilter{Statuses: []labels.Status{labels.StatusDone}})
	if len(done) != 1 || done[0].Doc.ID != ids[3] {
		t.Errorf("done: %d records", len(done))
	}
	badr := collect(ExportFilter{Annotator: "badr", Statuses: []labels.Status{labels.StatusTodo}})
	if len(badr) != 1099 {
		t.Errorf("badr's todo: %d records, want 1099", len(badr))
	}
	noSpans := collect(ExportFilter{Kinds: []labels.Kind{labels.KindStance}})
	for _, a := range noSpans {
		if len(a.Spans) > 0 {
			t.Fatal("an entity span passed a stance-only filter")
		}
	}
}

// TestImporterKeepFirst: with KeepFirst, a record on a known text writes what does not
// conflict (a stance toward another target, evidence toward a target the annotator has none
// toward) and reports the rest; without it, nothing of the record is written.
func TestImporterKeepFirst(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat)
	text := "وصل الوفد إلى طرابلس"
	first := annotated(t, text, "طرابلس", "LOC")
	first.Stances = []labels.DocStance{{Target: "lna", Label: "FAVOR"}}
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal"})
	must(t, err)
	must(t, imp.Add(first))
	_, err = imp.Commit()
	must(t, err)

	second := annotated(t, text, "الوفد", "ORG")
	second.Stances = []labels.DocStance{{Target: "lna", Label: "AGAINST"}, {Target: "gna", Label: "NONE"}}
	second.Status = labels.StatusDone
	for _, keep := range []bool{false, true} {
		imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal", KeepFirst: keep})
		must(t, err)
		err = imp.Add(second)
		var conflict *ConflictError
		if !errors.As(err, &conflict) || len(conflict.Parts) != 2 || errors.As(err, new(*RecordError)) == keep {
			t.Fatalf("keep first %v: %v", keep, err)
		}
		res, err := imp.Commit()
		must(t, err)
		if want := map[bool]int{false: 0, true: 1}[keep]; res.Attached != want || res.Statuses != want || res.AttachedSpans != 0 {
			t.Errorf("keep first %v: %+v", keep, res)
		}
	}
	docs, _ := s.Documents(ctx, Page{Limit: 10})
	stances, _ := s.DocStances(ctx, docs[0].ID, "amal")
	spans, _ := s.Spans(ctx, docs[0].ID, "amal")
	st, _ := s.State(ctx, docs[0].ID, "amal")
	if len(stances) != 2 || stances[1].Target != "lna" || stances[1].Label != "FAVOR" || len(spans) != 1 || spans[0].Label != "LOC" || st.Status != labels.StatusDone {
		t.Errorf("stances %+v, spans %+v, status %s", stances, spans, st.Status)
	}
}
