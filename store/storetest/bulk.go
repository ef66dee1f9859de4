package storetest

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

var _ = contract(
	testCase{"ImportWholeFileOrNothing", testImportWholeFileOrNothing},
	testCase{"ImportUnknownLabels", testImportUnknownLabels},
	testCase{"ImportKeepsIDsAndAttaches", testImportKeepsIDsAndAttaches},
	testCase{"ExportOrderAndFilters", testExportOrderAndFilters},
	testCase{"MergeFromAFile", testMergeFromAFile},
)

// record builds an import record of text with entity spans over the given words and labels.
func record(t *testing.T, text string, words ...string) labels.Annotated {
	t.Helper()
	rec := labels.Annotated{Doc: labels.Document{Text: text, SourceFile: "in.jsonl"}}
	for i := 0; i+1 < len(words); i += 2 {
		sp := Entity(t, "", "", text, words[i], words[i+1])
		sp.Origin = ""
		rec.Spans = append(rec.Spans, sp)
	}
	return rec
}

func testImportWholeFileOrNothing(t *testing.T, open Opener) {
	s, _ := project(t, open, labels.NestingFlat)
	imp, err := s.BeginImport(ctx, store.ImportOptions{Annotator: "amal", Source: "in.jsonl"})
	must(t, err)
	must(t, imp.Add(record(t, "زار أردوغان طرابلس", "أردوغان", "PERS", "طرابلس", "LOC")))
	bad := record(t, "وصل السراج إلى أنقرة", "السراج", "PERS", "أنقرة", "LOC")
	bad.Spans[1].Text = "انقرة"
	err = imp.Add(bad)
	if !errors.Is(err, labels.ErrTextMismatch) || !errors.As(err, new(*store.RecordError)) {
		t.Fatalf("bad record: %v, want a RecordError of ErrTextMismatch", err)
	}
	must(t, imp.Add(record(t, "قصفت الطائرات مصراتة", "مصراتة", "LOC")))
	imp.Rollback()
	if n, _ := s.CountDocuments(ctx); n != 0 {
		t.Fatalf("after Rollback: %d documents", n)
	}
	imp, err = s.BeginImport(ctx, store.ImportOptions{Annotator: "amal"})
	must(t, err)
	must(t, imp.Add(record(t, "زار أردوغان طرابلس", "أردوغان", "PERS", "طرابلس", "LOC")))
	if err := imp.Check(bad); err == nil {
		t.Error("Check passed a bad record")
	}
	must(t, imp.Add(record(t, "زار أردوغان طرابلس", "أردوغان", "PERS"))) // the same text, the same spans
	must(t, imp.Add(record(t, "قصفت الطائرات مصراتة")))
	res, err := imp.Commit()
	must(t, err)
	if res.Added != 2 || res.Duplicates != 1 || res.Spans != 2 {
		t.Fatalf("result %+v", res)
	}
	ids, _ := s.DocumentIDs(ctx)
	spans, _ := s.Spans(ctx, ids[0], "")
	if len(ids) != 2 || len(spans) != 2 || spans[0].Annotator != "amal" || spans[0].Origin != labels.OriginImport {
		t.Fatalf("documents %v, spans %+v", ids, spans)
	}
	st, err := s.Stats(ctx, "amal")
	must(t, err)
	if st.EntityLabels["PERS"] != 1 || st.EntityLabels["LOC"] != 1 {
		t.Errorf("counts after import: %+v", st.EntityLabels)
	}
	if probs, _ := s.Check(ctx); len(probs) != 0 {
		t.Fatalf("check: %v", probs)
	}
}

func testImportUnknownLabels(t *testing.T, open Opener) {
	s, _ := project(t, open, labels.NestingFlat)
	rec := record(t, "الرئيس التركي رجب طيب أردوغان", "التركي", "NORP", "رجب طيب أردوغان", "PERS")
	rec.Stances = []labels.DocStance{{Target: "turkey", Label: "favor"}}
	imp, err := s.BeginImport(ctx, store.ImportOptions{Annotator: "amal"})
	must(t, err)
	must(t, imp.Add(rec))
	if _, err := imp.Commit(); !errors.Is(err, store.ErrUnknownLabels) || !strings.Contains(err.Error(), "NORP, target:turkey") {
		t.Fatalf("got %v, want ErrUnknownLabels listing NORP and target:turkey", err)
	}
	if n, _ := s.CountDocuments(ctx); n != 0 {
		t.Fatalf("refused import left %d documents", n)
	}
	imp, err = s.BeginImport(ctx, store.ImportOptions{Annotator: "amal", AddLabels: true})
	must(t, err)
	must(t, imp.Add(rec))
	res, err := imp.Commit()
	must(t, err)
	if !slices.Equal(res.NewLabels, []string{"NORP", "target:turkey"}) || res.Stances != 1 {
		t.Errorf("result %+v", res)
	}
	sc, _ := s.Schema(ctx)
	if _, ok := sc.Entity("NORP"); !ok {
		t.Error("NORP not added to the schema")
	}
	ids, _ := s.DocumentIDs(ctx)
	if list, _ := s.DocStances(ctx, ids[0], "amal"); len(list) != 1 || list[0].Label != "FAVOR" || list[0].Target != "turkey" {
		t.Errorf("stances %+v", list)
	}
}

func testImportKeepsIDsAndAttaches(t *testing.T, open Opener) {
	s, _ := project(t, open, labels.NestingFlat)
	text := "تقدم الجيش الليبي نحو سرت"
	rec := record(t, text, "الجيش الليبي", "ORG", "سرت", "LOC")
	rec.Doc.ID = "0193f1c2-6a4e-7b3c-9d2e-1f0a5b6c7d8e"
	rec.Annotator, rec.Status = "badr", labels.StatusDone
	rec.Stances = []labels.DocStance{{Target: "lna", Label: "FAVOR"}}
	imp, err := s.BeginImport(ctx, store.ImportOptions{Annotator: "amal"})
	must(t, err)
	must(t, imp.Add(rec))
	_, err = imp.Commit()
	must(t, err)
	d, err := s.Document(ctx, rec.Doc.ID)
	must(t, err)
	if st, _ := s.State(ctx, d.ID, "badr"); st.Status != labels.StatusDone {
		t.Errorf("badr's state %+v", st)
	}
	// Another annotator's file of the same text attaches to the document; a conflicting
	// one of badr's is refused, or with KeepFirst kept beside what is there.
	other := record(t, text, "سرت", "LOC")
	other.Annotator = "omar"
	conflict := record(t, text, "سرت", "ORG")
	conflict.Annotator = "badr"
	imp, err = s.BeginImport(ctx, store.ImportOptions{Annotator: "amal"})
	must(t, err)
	must(t, imp.Add(other))
	if err := imp.Add(conflict); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a conflicting record: %v", err)
	}
	res, err := imp.Commit()
	must(t, err)
	if res.Added != 0 || res.Duplicates != 1 || res.AttachedSpans != 1 {
		t.Errorf("attach result %+v", res)
	}
	if spans, _ := s.Spans(ctx, d.ID, "omar"); len(spans) != 1 {
		t.Errorf("omar's spans %+v", spans)
	}
	if spans, _ := s.Spans(ctx, d.ID, "badr"); len(spans) != 2 {
		t.Errorf("badr's spans %+v", spans)
	}
}

func testExportOrderAndFilters(t *testing.T, open Opener) {
	s, ids := project(t, open, labels.NestingFlat, Texts[0], Texts[1], Texts[2])
	_, err := s.AddSpan(ctx, Entity(t, ids[0], "b", Texts[0], "طرابلس", "LOC"))
	must(t, err)
	_, err = s.AddSpan(ctx, Entity(t, ids[0], "a", Texts[0], "أحمد المسماري", "PERS"))
	must(t, err)
	_, err = s.AddSpan(ctx, evidence(t, ids[0], "a", Texts[0], "الجيش", "FAVOR", "lna"))
	must(t, err)
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "a", Status: labels.StatusDone}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[2], Annotator: "a", Target: "gna", Label: "NONE"}))
	type rec struct {
		doc, who string
		status   labels.Status
		spans    int
	}
	export := func(f store.ExportFilter) []rec {
		var out []rec
		must(t, s.Export(ctx, f, func(a labels.Annotated) error {
			out = append(out, rec{a.Doc.ID, a.Annotator, a.Status, len(a.Spans)})
			if a.Doc.Text == "" {
				t.Errorf("record without its text")
			}
			return nil
		}))
		return out
	}
	got := export(store.ExportFilter{})
	want := []rec{{ids[0], "a", labels.StatusDone, 2}, {ids[0], "b", labels.StatusTodo, 1}, {ids[1], "", labels.StatusTodo, 0},
		{ids[2], "a", labels.StatusTodo, 0}}
	if !slices.Equal(got, want) {
		t.Errorf("Export = %+v\nwant %+v", got, want)
	}
	got = export(store.ExportFilter{Annotator: "a", Statuses: []labels.Status{labels.StatusDone}, Kinds: []labels.Kind{labels.KindEntity}})
	if !slices.Equal(got, []rec{{ids[0], "a", labels.StatusDone, 1}}) {
		t.Errorf("Export(a, done, entities) = %+v", got)
	}
}

func testMergeFromAFile(t *testing.T, open Opener) {
	src, err := store.Open(filepath.Join(t.TempDir(), "amal.tawsim"))
	must(t, err)
	defer src.Close()
	must(t, src.SetSchema(ctx, "admin", Schema(labels.NestingFlat)))
	res, err := src.AddDocuments(ctx, []labels.Document{{Text: Texts[0]}, {Text: Texts[1]}})
	must(t, err)
	_, err = src.AddSpan(ctx, Entity(t, res.IDs[0], "amal", Texts[0], "طرابلس", "LOC"))
	must(t, err)
	must(t, src.SetState(ctx, labels.DocState{DocID: res.IDs[1], Annotator: "amal", Status: labels.StatusDone}))
	dst, ids := project(t, open, labels.NestingFlat, Texts[1])
	_, err = dst.AddSpan(ctx, Entity(t, ids[0], "badr", Texts[1], "فايز السراج", "PERS"))
	must(t, err)
	mr, err := dst.Merge(ctx, src, store.MergeOptions{Source: "amal.tawsim"})
	must(t, err)
	if mr.Added != 1 || mr.Documents != 2 || mr.Spans != 1 || mr.States != 1 {
		t.Errorf("Merge = %+v", mr)
	}
	again, err := dst.Merge(ctx, src, store.MergeOptions{Source: "amal.tawsim"})
	must(t, err)
	if again.Added != 0 {
		t.Errorf("second Merge = %+v", again)
	}
	if n, _ := dst.CountDocuments(ctx); n != 2 {
		t.Errorf("%d documents after merge, want 2", n)
	}
	if st, _ := dst.State(ctx, ids[0], "amal"); st.Status != labels.StatusDone {
		t.Errorf("amal's state after merge: %+v", st)
	}
	if spans, _ := dst.Spans(ctx, res.IDs[0], "amal"); len(spans) != 1 {
		t.Errorf("amal's spans after merge: %+v", spans)
	}
}
