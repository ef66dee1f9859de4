package storetest

import (
	"errors"
	"testing"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

var _ = contract(
	testCase{"SearchWordsAndFilters", testSearchWordsAndFilters},
	testCase{"SuggestionsRunAcceptRejectUndo", testSuggestions},
)

func testSearchWordsAndFilters(t *testing.T, open Opener) {
	s, ids := project(t, open, labels.NestingFlat, Texts...)
	hitsOf := func(q store.Query, after int64) []int64 {
		t.Helper()
		hits, err := s.Search(ctx, q, after)
		must(t, err)
		var out []int64
		for _, h := range hits {
			out = append(out, h.Order)
		}
		return out
	}
	check := func(name string, got []int64, want ...int64) {
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
	search := func() {
		t.Helper()
		// طرابلس is in 1, and as بطرابلس in 5; the index does not change what is found.
		check("طرابلس", hitsOf(store.Query{Text: "طرابلس"}, 0), 1, 5)
		check("طرابلس exact", hitsOf(store.Query{Text: "طرابلس", Exact: true}, 0), 1)
		check("طرابلس after 1", hitsOf(store.Query{Text: "طرابلس"}, 1), 5)
		check("phrase", hitsOf(store.Query{Text: "الجيش الوطني"}, 0), 1)
		check("folded letters", hitsOf(store.Query{Text: "الامم المتحده"}, 0), 4)
		check("no such word", hitsOf(store.Query{Text: "القاهرة"}, 0))
		check("limit", hitsOf(store.Query{Text: "في", Limit: 1}, 0), 2)
	}
	search()
	hits, err := s.Search(ctx, store.Query{Text: "طرابلس"}, 0)
	must(t, err)
	if m := hits[0].Matches; len(m) != 1 || m[0].End-m[0].Start != 6 {
		t.Errorf("matches = %+v", m)
	}
	if _, err := s.Search(ctx, store.Query{Text: "،؟"}, 0); !errors.Is(err, store.ErrNoWords) {
		t.Errorf("a query of punctuation: %v", err)
	}
	if _, err := s.Search(ctx, store.Query{Text: "طرا\xffبلس"}, 0); !errors.Is(err, store.ErrQueryNotUTF8) {
		t.Errorf("a query of broken UTF-8: %v", err)
	}
	must(t, s.IndexSearch(ctx, nil))
	if n, err := s.SearchBehind(ctx); err != nil || n != 0 {
		t.Errorf("SearchBehind after IndexSearch = %d, %v", n, err)
	}
	search()
	_, err = s.AddSpan(ctx, Entity(t, ids[4], "a", Texts[4], "مصراتة", "LOC"))
	must(t, err)
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "a", Status: labels.StatusDone}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[1], Annotator: "b", Target: "gna", Label: "FAVOR"}))
	check("label", hitsOf(store.Query{Label: "LOC"}, 0), 5)
	check("word and label", hitsOf(store.Query{Text: "طرابلس", Label: "LOC"}, 0), 5)
	check("status", hitsOf(store.Query{Annotator: "a", Status: labels.StatusDone}, 0), 1)
	check("a's todo", hitsOf(store.Query{Text: "طرابلس", Annotator: "a", Status: labels.StatusTodo}, 0), 5)
	check("stance", hitsOf(store.Query{Target: "gna", Stance: "FAVOR"}, 0), 2)
	check("worked on", hitsOf(store.Query{Annotator: "a"}, 0), 1, 5)
	hits, err = s.Search(ctx, store.Query{Text: "طرابلس", For: "a"}, 0)
	must(t, err)
	if len(hits) != 2 || hits[0].Status != labels.StatusDone || hits[1].Status != labels.StatusTodo {
		t.Errorf("statuses of hits: %+v", hits)
	}
}

func testSuggestions(t *testing.T, open Opener) {
	text := Texts[0]
	s, ids := project(t, open, labels.NestingFlat, text)
	doc := labels.Document{ID: ids[0], Text: text}
	sugg := func(word, label, source string, score float64) labels.Suggestion {
		sp := Entity(t, ids[0], "x", text, word, label)
		return labels.Suggestion{DocID: ids[0], Start: sp.Start, End: sp.End, Text: word, Label: label, Source: source, Score: score}
	}
	lna := sugg("الجيش الوطني الليبي", "ORG", "names.tsv", 1)
	lnaModel := sugg("الجيش الوطني الليبي", "ORG", "model-1", 0.9)
	tripoli := sugg("طرابلس", "LOC", "names.tsv", 0.5)
	put := func(sgs ...labels.Suggestion) store.SuggestResult {
		r, err := s.BeginSuggestions(ctx, []string{"names.tsv", "model-1"}, false)
		must(t, err)
		defer r.Rollback()
		must(t, r.Put(doc, sgs))
		res, err := r.Commit()
		must(t, err)
		return res
	}
	if res := put(lna, lnaModel, tripoli, tripoli); res.Documents != 1 || res.Suggestions != 3 {
		t.Errorf("run = %+v", res)
	}
	all, err := s.Suggestions(ctx, ids[0], "")
	must(t, err)
	if len(all) != 3 || all[0].Label != "ORG" || all[2].Score != 0.5 {
		t.Errorf("Suggestions = %+v", all)
	}
	named := uuid.Must(uuid.NewV7()).String()
	sp, err := s.AcceptSuggestion(ctx, "amal", lnaModel, named)
	must(t, err)
	if sp.Origin != labels.OriginSuggestion || sp.ID != named || sp.Text != "الجيش الوطني الليبي" {
		t.Errorf("accepted span %+v", sp)
	}
	pending, err := s.PendingSuggestions(ctx, ids[0], "amal")
	must(t, err)
	if len(pending) != 1 || pending[0].Label != "LOC" {
		t.Errorf("pending after accepting ORG: %+v", pending)
	}
	must(t, s.RejectSuggestion(ctx, "amal", tripoli))
	if err := s.RejectSuggestion(ctx, "amal", tripoli); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("rejecting twice: %v", err)
	}
	st, err := s.Stats(ctx, "amal")
	must(t, err)
	if n := st.Suggestions["names.tsv"]; n == nil || n.Suggested != 2 || n.Accepted != 1 || n.Rejected != 1 {
		t.Errorf("stats of names.tsv: %+v", n)
	}
	_, err = s.Undo(ctx, "amal")
	must(t, err)
	ev, err := s.Undo(ctx, "amal")
	must(t, err)
	if ev.Action != labels.ActionSuggestionAccept {
		t.Errorf("second undo reverted %s", ev.Action)
	}
	if spans, _ := s.Spans(ctx, ids[0], "amal"); len(spans) != 0 {
		t.Errorf("spans after undo: %+v", spans)
	}
	all2, err := s.AcceptAllSuggestions(ctx, "badr", ids[0])
	must(t, err)
	if len(all2) != 2 {
		t.Errorf("AcceptAllSuggestions = %+v", all2)
	}
	byScore, err := s.DocumentsByScore(ctx, store.ScorePage{})
	must(t, err)
	if len(byScore) != 1 || byScore[0].Score != 0.5 {
		t.Errorf("DocumentsByScore = %+v", byScore)
	}
	// A run that no longer suggests anything for the document takes its suggestions away.
	put()
	if all, _ := s.Suggestions(ctx, ids[0], ""); len(all) != 0 {
		t.Errorf("after an empty run: %+v", all)
	}
}
