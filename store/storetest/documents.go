package storetest

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

var _ = contract(
	testCase{"DocumentsOrderAndDuplicates", testDocumentsOrderAndDuplicates},
	testCase{"DocumentsRefuseBadOnesWhole", testDocumentsRefuseBadOnesWhole},
	testCase{"DocumentRoundTrip", testDocumentRoundTrip},
	testCase{"DocumentsPagesAndStatus", testDocumentsPagesAndStatus},
	testCase{"SchemaTargetsAndMeta", testSchemaTargetsAndMeta},
)

func testDocumentsOrderAndDuplicates(t *testing.T, open Opener) {
	s := open(t)
	res, err := s.AddDocuments(ctx, []labels.Document{{Text: Texts[0]}, {Text: Texts[1]}, {Text: Texts[0]}})
	must(t, err)
	if res.Added != 2 || res.Duplicates != 1 || len(res.IDs) != 3 || res.IDs[2] != res.IDs[0] {
		t.Fatalf("AddDocuments = %+v", res)
	}
	again, err := s.AddDocuments(ctx, []labels.Document{{Text: Texts[1]}, {Text: Texts[2]}})
	must(t, err)
	if again.Added != 1 || again.Duplicates != 1 || again.IDs[0] != res.IDs[1] {
		t.Fatalf("second AddDocuments = %+v", again)
	}
	n, err := s.CountDocuments(ctx)
	must(t, err)
	if n != 3 {
		t.Errorf("CountDocuments = %d, want 3", n)
	}
	ids, err := s.DocumentIDs(ctx)
	must(t, err)
	want := []string{res.IDs[0], res.IDs[1], again.IDs[1]}
	if len(ids) != 3 || ids[0] != want[0] || ids[1] != want[1] || ids[2] != want[2] {
		t.Errorf("DocumentIDs = %v, want %v", ids, want)
	}
	for i, id := range want {
		d, err := s.DocumentByOrder(ctx, int64(i+1))
		must(t, err)
		if d.ID != id || d.Order != int64(i+1) {
			t.Errorf("DocumentByOrder(%d) = %s (order %d), want %s", i+1, d.ID, d.Order, id)
		}
	}
	if _, err := s.DocumentByOrder(ctx, 4); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("DocumentByOrder past the end: %v", err)
	}
	if _, err := s.Document(ctx, uuid.NewString()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document of no id: %v", err)
	}
}

func testDocumentsRefuseBadOnesWhole(t *testing.T, open Opener) {
	s := open(t)
	for name, bad := range map[string]labels.Document{
		"empty text":   {Text: ""},
		"invalid utf8": {Text: "قال \xff"},
		"metadata":     {Text: "نص", Metadata: json.RawMessage(`[1]`)},
		"tokens":       {Text: "نص", Tokens: []labels.Offsets{{Start: 0, End: 5}}},
	} {
		_, err := s.AddDocuments(ctx, []labels.Document{{Text: Texts[0]}, bad})
		if !errors.Is(err, store.ErrBadDocument) {
			t.Errorf("%s: AddDocuments = %v, want ErrBadDocument", name, err)
		}
	}
	if n, err := s.CountDocuments(ctx); err != nil || n != 0 {
		t.Errorf("after refusals: %d documents, %v", n, err)
	}
}

func testDocumentRoundTrip(t *testing.T, open Opener) {
	s := open(t)
	in := labels.Document{Text: "قال 👍🏽 مُحَمَّد", ExternalID: "x-1", SourceFile: "a.jsonl", Title: "عنوان",
		Metadata: json.RawMessage(`{"b": 2, "a": [1, "ب"]}`), Tokens: []labels.Offsets{{Start: 0, End: 3}, {Start: 7, End: 15}}}
	res, err := s.AddDocuments(ctx, []labels.Document{in})
	must(t, err)
	d, err := s.Document(ctx, res.IDs[0])
	must(t, err)
	if d.Text != in.Text || d.ExternalID != in.ExternalID || d.SourceFile != in.SourceFile || d.Title != in.Title ||
		string(d.Metadata) != string(in.Metadata) || len(d.Tokens) != 2 || d.Tokens[1] != in.Tokens[1] ||
		d.Hash != labels.TextHash(in.Text) || d.Order != 1 {
		t.Errorf("Document = %+v", d)
	}
	list, err := s.Documents(ctx, store.Page{})
	must(t, err)
	if len(list) != 1 || list[0].Runes != labels.RuneLen(in.Text) || list[0].Title != in.Title || list[0].Status != labels.StatusTodo {
		t.Errorf("Documents = %+v", list)
	}
}

func testDocumentsPagesAndStatus(t *testing.T, open Opener) {
	s, ids := project(t, open, labels.NestingFlat, Texts...)
	orders := func(list []labels.Summary) []int64 {
		var out []int64
		for _, sm := range list {
			out = append(out, sm.Order)
		}
		return out
	}
	page := func(p store.Page) []int64 {
		t.Helper()
		list, err := s.Documents(ctx, p)
		must(t, err)
		return orders(list)
	}
	eq := func(name string, got []int64, want ...int64) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s = %v, want %v", name, got, want)
			return
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s = %v, want %v", name, got, want)
				return
			}
		}
	}
	eq("first two", page(store.Page{Limit: 2}), 1, 2)
	eq("after 2", page(store.Page{After: 2, Limit: 2}), 3, 4)
	eq("before 4", page(store.Page{Before: 4, Limit: 2}), 2, 3)
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "amal", Status: labels.StatusDone}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[3], Annotator: "amal", Status: labels.StatusSkipped}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[2], Annotator: "badr", Status: labels.StatusDone}))
	eq("amal done", page(store.Page{Annotator: "amal", Status: labels.StatusDone}), 2)
	eq("amal todo", page(store.Page{Annotator: "amal", Status: labels.StatusTodo}), 1, 3, 5)
	eq("amal todo before 5", page(store.Page{Annotator: "amal", Status: labels.StatusTodo, Before: 5, Limit: 1}), 3)
	eq("anyone done", page(store.Page{Status: labels.StatusDone}), 2, 3)
	eq("nobody past todo", page(store.Page{Status: labels.StatusTodo}), 1, 5)
	list, err := s.Documents(ctx, store.Page{Annotator: "amal"})
	must(t, err)
	if len(list) != 5 || list[1].Status != labels.StatusDone || list[3].Status != labels.StatusSkipped || list[0].Status != labels.StatusTodo {
		t.Errorf("amal's list = %+v", list)
	}
	if _, err := s.Documents(ctx, store.Page{Status: "finished"}); !errors.Is(err, labels.ErrBadStatus) {
		t.Errorf("unknown status: %v", err)
	}
}

func testSchemaTargetsAndMeta(t *testing.T, open Opener) {
	s, ids := project(t, open, labels.NestingFlat, Texts[0])
	sc, err := s.Schema(ctx)
	must(t, err)
	if len(sc.Entities) != 4 || len(sc.Targets) != 2 || sc.Nesting != labels.NestingFlat {
		t.Fatalf("Schema = %+v", sc)
	}
	must(t, s.AddTarget(ctx, "admin", labels.Target{ID: "turkey", Name: "Turkey's intervention"}))
	if err := s.AddTarget(ctx, "admin", labels.Target{ID: "t2", Name: "turkey's INTERVENTION"}); !errors.Is(err, store.ErrExists) {
		t.Errorf("a target named like another: %v", err)
	}
	must(t, s.RenameTarget(ctx, "admin", "lna", "LNA", "الجيش"))
	if err := s.RenameTarget(ctx, "admin", "nope", "x", ""); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("rename of no target: %v", err)
	}
	must(t, s.AddEntityLabels(ctx, "admin", []string{"EVENT"}))
	sc, err = s.Schema(ctx)
	must(t, err)
	if _, ok := sc.Target("turkey"); !ok || sc.Targets[0].Name != "LNA" {
		t.Errorf("targets = %+v", sc.Targets)
	}
	if _, ok := sc.Entity("EVENT"); !ok {
		t.Errorf("EVENT not added: %+v", sc.Entities)
	}
	// A label or target in use cannot be dropped; a stricter nesting that spans break neither.
	_, err = s.AddSpan(ctx, Entity(t, ids[0], "amal", Texts[0], "أحمد المسماري", "PERS"))
	must(t, err)
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "amal", Target: "gna", Label: "AGAINST"}))
	drop := Schema(labels.NestingFlat)
	drop.Entities = drop.Entities[1:]
	if err := s.SetSchema(ctx, "admin", drop); !errors.Is(err, labels.ErrUnknownLabel) {
		t.Errorf("dropping PERS in use: %v", err)
	}
	drop = Schema(labels.NestingFlat)
	drop.Targets = drop.Targets[:1]
	if err := s.SetSchema(ctx, "admin", drop); !errors.Is(err, labels.ErrUnknownTarget) {
		t.Errorf("dropping gna in use: %v", err)
	}
	uses, err := s.TargetUses(ctx)
	must(t, err)
	if uses["gna"].DocStances != 1 || uses["gna"].Spans != 0 {
		t.Errorf("TargetUses = %+v", uses)
	}
	if _, err := s.Meta(ctx, "colour"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Meta of nothing: %v", err)
	}
	must(t, s.SetMeta(ctx, store.MetaName, "أخبار"))
	must(t, s.SetMeta(ctx, store.MetaName, "أخبار ليبيا"))
	if v, err := s.Meta(ctx, store.MetaName); err != nil || v != "أخبار ليبيا" {
		t.Errorf("Meta = %q, %v", v, err)
	}
	ms, err := s.Migrations(ctx)
	must(t, err)
	if len(ms) == 0 || ms[0].Version != 1 {
		t.Errorf("Migrations = %+v", ms)
	}
}
