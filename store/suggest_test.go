package store

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/labels"
)

const suggestText = "قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري إن قواته دخلت طرابلس"

// sugg builds a suggestion of source on the first occurrence of word in text.
func sugg(t testing.TB, docID, text, word, label, source string, score float64) labels.Suggestion {
	t.Helper()
	sp := entity(t, docID, "x", text, word, label)
	return labels.Suggestion{DocID: docID, Start: sp.Start, End: sp.End, Text: word, Label: label, Source: source, Score: score}
}

// putSuggestions runs sources over one document with sgs, and commits.
func putSuggestions(t testing.TB, s *Store, sources []string, doc labels.Document, sgs ...labels.Suggestion) SuggestResult {
	t.Helper()
	r, err := s.BeginSuggestions(ctx, sources, false)
	must(t, err)
	defer r.Rollback()
	must(t, r.Put(doc, sgs))
	res, err := r.Commit()
	must(t, err)
	return res
}

// noProblems fails the test when Check finds anything wrong, counts included.
func noProblems(t testing.TB, s *Store) {
	t.Helper()
	problems, err := s.Check(ctx)
	must(t, err)
	for _, p := range problems {
		t.Errorf("check: %s", p)
	}
}

func TestSuggestionRunReplacesAndCounts(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, suggestText)
	doc := labels.Document{ID: ids[0], Text: suggestText}
	lna := sugg(t, ids[0], suggestText, "الجيش الوطني الليبي", "ORG", "names.tsv", 1)
	tripoli := sugg(t, ids[0], suggestText, "طرابلس", "LOC", "names.tsv", 0.5)
	person := sugg(t, ids[0], suggestText, "أحمد المسماري", "PERS", labels.SourcePropagation, 0.75)
	res := putSuggestions(t, s, []string{"names.tsv", labels.SourcePropagation}, doc, tripoli, lna, person, tripoli)
	if res.Documents != 1 || res.Suggestions != 3 {
		t.Errorf("result %+v", res)
	}
	got, err := s.Suggestions(ctx, ids[0], "")
	must(t, err)
	if len(got) != 3 || got[0].Label != "ORG" || got[1].Source != labels.SourcePropagation || got[2].Score != 0.5 {
		t.Errorf("suggestions %+v", got)
	}
	// The same source again replaces its suggestions of the document, and leaves the others.
	putSuggestions(t, s, []string{"names.tsv"}, doc, lna)
	got, err = s.Suggestions(ctx, ids[0], "")
	must(t, err)
	if len(got) != 2 || got[0].Label != "ORG" || got[1].Label != "PERS" {
		t.Errorf("after a second run of names.tsv: %+v", got)
	}
	st, err := s.Stats(ctx, "")
	must(t, err)
	if st.Suggestions["names.tsv"].Suggested != 1 || st.Suggestions[labels.SourcePropagation].Suggested != 1 ||
		st.Spans != 0 || st.Suggestions["names.tsv"].Precision != nil {
		t.Errorf("stats %+v", st.Suggestions)
	}
	// A source that suggests nothing loses its row.
	putSuggestions(t, s, []string{labels.SourcePropagation}, doc)
	st, err = s.Stats(ctx, "")
	must(t, err)
	if p := st.Suggestions[labels.SourcePropagation]; p != nil {
		t.Errorf("propagation after an empty run: %+v", p)
	}
	noProblems(t, s)
	evs, err := s.Events(ctx, 0, 0)
	must(t, err)
	if last := evs[len(evs)-1]; last.Action != labels.ActionSuggestionsPut || !strings.Contains(string(last.After), `"documents":1`) {
		t.Errorf("last event %+v", last)
	}
}

func TestSuggestionRunRefuses(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, suggestText)
	doc := labels.Document{ID: ids[0], Text: suggestText}
	bad := sugg(t, ids[0], suggestText, "طرابلس", "LOC", "names.tsv", 1)
	bad.Text = "طرابلسي"
	other := sugg(t, ids[0], suggestText, "طرابلس", "LOC", "other.tsv", 1)
	nan := sugg(t, ids[0], suggestText, "طرابلس", "LOC", "names.tsv", 0)
	nan.Score = nan.Score / nan.Score
	for _, c := range []struct {
		doc  labels.Document
		g    labels.Suggestion
		want error
	}{
		{doc, bad, labels.ErrTextMismatch},
		{doc, other, nil},
		{doc, nan, labels.ErrBadSuggestion},
		{labels.Document{ID: "nope", Text: suggestText}, other, ErrNotFound},
	} {
		r, err := s.BeginSuggestions(ctx, []string{"names.tsv"}, false)
		must(t, err)
		err = r.Put(c.doc, []labels.Suggestion{c.g})
		r.Rollback()
		if err == nil || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("Put(%+v) = %v, want %v", c.g, err, c.want)
		}
	}
	if _, err := s.BeginSuggestions(ctx, []string{"a", "a"}, false); err == nil {
		t.Error("a source named twice was taken")
	}
	if _, err := s.BeginSuggestions(ctx, []string{"bad\u202ename"}, false); !errors.Is(err, labels.ErrBadName) {
		t.Errorf("a source with a bidi control: %v", err)
	}
}

func TestAcceptRejectUndo(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, suggestText)
	doc := labels.Document{ID: ids[0], Text: suggestText}
	lna := sugg(t, ids[0], suggestText, "الجيش الوطني الليبي", "ORG", "names.tsv", 1)
	lnaModel := sugg(t, ids[0], suggestText, "الجيش الوطني الليبي", "ORG", "model-1", 0.9)
	tripoli := sugg(t, ids[0], suggestText, "طرابلس", "LOC", "names.tsv", 0.5)
	putSuggestions(t, s, []string{"names.tsv", "model-1"}, doc, lna, lnaModel, tripoli)

	named := uuid.Must(uuid.NewV7()).String() // the window names a span before it is written
	sp, err := s.AcceptSuggestion(ctx, "amal", lnaModel, named)
	must(t, err)
	if sp.Origin != labels.OriginSuggestion || sp.Label != "ORG" || sp.Text != "الجيش الوطني الليبي" || sp.ID != named {
		t.Errorf("accepted span %+v", sp)
	}
	pending, err := s.PendingSuggestions(ctx, ids[0], "amal")
	must(t, err)
	if len(pending) != 1 || pending[0].Label != "LOC" {
		t.Errorf("pending after accepting ORG: %+v", pending)
	}
	if others, _ := s.PendingSuggestions(ctx, ids[0], "badr"); len(others) != 3 {
		t.Errorf("badr's pending: %+v", others)
	}
	must(t, s.RejectSuggestion(ctx, "amal", tripoli))
	if pending, _ = s.PendingSuggestions(ctx, ids[0], "amal"); len(pending) != 0 {
		t.Errorf("pending after rejecting LOC: %+v", pending)
	}
	if err := s.RejectSuggestion(ctx, "amal", tripoli); !errors.Is(err, ErrNotFound) {
		t.Errorf("rejecting twice: %v", err)
	}
	st, err := s.Stats(ctx, "amal")
	must(t, err)
	names, model := st.Suggestions["names.tsv"], st.Suggestions["model-1"]
	if names.Accepted != 1 || names.Rejected != 1 || *names.Precision != 0.5 || model.Accepted != 1 || *model.Precision != 1 ||
		st.EntityLabels["ORG"] != 1 {
		t.Errorf("stats: names %+v, model %+v", names, model)
	}
	// Undo takes the rejection back, then the acceptance with its span; redo makes it again.
	_, err = s.Undo(ctx, "amal")
	must(t, err)
	ev, err := s.Undo(ctx, "amal")
	must(t, err)
	if ev.Action != labels.ActionSuggestionAccept {
		t.Errorf("second undo reverted %s", ev.Action)
	}
	spans, err := s.Spans(ctx, ids[0], "amal")
	must(t, err)
	pending, err = s.PendingSuggestions(ctx, ids[0], "amal")
	must(t, err)
	if len(spans) != 0 || len(pending) != 3 {
		t.Errorf("after undo: spans %+v, pending %+v", spans, pending)
	}
	_, err = s.Redo(ctx, "amal")
	must(t, err)
	spans, err = s.Spans(ctx, ids[0], "amal")
	must(t, err)
	if len(spans) != 1 || spans[0].ID != sp.ID || spans[0].Origin != labels.OriginSuggestion {
		t.Errorf("after redo: %+v", spans)
	}
	// A run that suggests the same again keeps the decision.
	putSuggestions(t, s, []string{"names.tsv", "model-1"}, doc, lna, lnaModel, tripoli)
	if pending, _ = s.PendingSuggestions(ctx, ids[0], "amal"); len(pending) != 1 || pending[0].Label != "LOC" {
		t.Errorf("pending after a run again: %+v", pending)
	}
	noProblems(t, s)
}

func TestAcceptRefusals(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, suggestText)
	doc := labels.Document{ID: ids[0], Text: suggestText}
	army := sugg(t, ids[0], suggestText, "الجيش", "ORG", "names.tsv", 1)
	libyan := sugg(t, ids[0], suggestText, "الليبي", "MISC", "names.tsv", 1)
	person := sugg(t, ids[0], suggestText, "أحمد المسماري", "PERS", "names.tsv", 1)
	putSuggestions(t, s, []string{"names.tsv"}, doc, army, libyan, person)
	_, err := s.AddSpan(ctx, entity(t, ids[0], "amal", suggestText, "الجيش الوطني الليبي", "ORG"))
	must(t, err)
	_, err = s.AddSpan(ctx, entity(t, ids[0], "amal", suggestText, "أحمد المسماري", "LOC"))
	must(t, err)
	pending, err := s.PendingSuggestions(ctx, ids[0], "amal")
	must(t, err)
	if len(pending) != 0 {
		t.Errorf("pending beside crossing and same spans: %+v", pending)
	}
	if _, err := s.AcceptSuggestion(ctx, "amal", army, ""); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("accepting inside a span of a flat schema: %v", err)
	}
	if _, err := s.AcceptSuggestion(ctx, "amal", person, ""); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("accepting on a span labeled otherwise: %v", err)
	}
	ghost := person
	ghost.Label = "ORG"
	if _, err := s.AcceptSuggestion(ctx, "badr", ghost, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("accepting a suggestion nobody made: %v", err)
	}
	// Nested: the parts inside the span are pending, the span with another label is not.
	must(t, s.SetSchema(ctx, "admin", testSchema(labels.NestingNested)))
	pending, err = s.PendingSuggestions(ctx, ids[0], "amal")
	must(t, err)
	if len(pending) != 2 || pending[0].Label != "ORG" || pending[1].Label != "MISC" {
		t.Errorf("pending under a nested schema: %+v", pending)
	}
}

func TestAcceptAll(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, suggestText)
	doc := labels.Document{ID: ids[0], Text: suggestText}
	whole := sugg(t, ids[0], suggestText, "الجيش الوطني الليبي", "ORG", "model-1", 0.6)
	part := sugg(t, ids[0], suggestText, "الجيش الوطني", "ORG", "names.tsv", 0.9)
	libyan := sugg(t, ids[0], suggestText, "الليبي", "MISC", "names.tsv", 0.8)
	asLoc := sugg(t, ids[0], suggestText, "طرابلس", "LOC", "names.tsv", 0.7)
	asPers := sugg(t, ids[0], suggestText, "طرابلس", "PERS", "names.tsv", 0.3)
	putSuggestions(t, s, []string{"names.tsv", "model-1"}, doc, whole, part, libyan, asLoc, asPers)
	names := map[string]string{"LOC": "0192f5a4-0000-7000-8000-000000000001", "MISC": "not a uuid"}
	spans, err := s.AcceptAllSuggestionsNamed(ctx, "amal", ids[0], func(g labels.Suggestion) string { return names[g.Label] })
	must(t, err)
	var got []string
	for _, sp := range spans {
		got = append(got, sp.Label+" "+sp.Text)
		if id := names[sp.Label]; id != "" && (sp.ID == id) != (sp.Label == "LOC") || sp.ID == "" {
			t.Errorf("%s named %q", sp.Label, sp.ID)
		}
	}
	want := []string{"ORG الجيش الوطني", "MISC الليبي", "LOC طرابلس"}
	if !slices.Equal(got, want) {
		t.Errorf("accepted %q, want %q", got, want)
	}
	if again, err := s.AcceptAllSuggestions(ctx, "amal", ids[0]); err != nil || len(again) != 0 {
		t.Errorf("accepting all again: %+v, %v", again, err)
	}
	ev, err := s.Undo(ctx, "amal")
	must(t, err)
	left, err := s.Spans(ctx, ids[0], "amal")
	must(t, err)
	if ev.Action != labels.ActionSuggestionAccept || len(left) != 0 {
		t.Errorf("one undo left %+v", left)
	}
	noProblems(t, s)
}

func TestDocumentsByScore(t *testing.T) {
	texts := []string{suggestText, suggestText + " أمس", suggestText + " اليوم", "نص بلا اقتراح"}
	s, ids := newProject(t, labels.NestingFlat, texts...)
	scores := []float64{0.9, 0.2, 0.2}
	for i, sc := range scores {
		doc := labels.Document{ID: ids[i], Text: texts[i]}
		putSuggestions(t, s, []string{"model-1", "names.tsv"}, doc,
			sugg(t, ids[i], texts[i], "طرابلس", "LOC", "model-1", sc),
			sugg(t, ids[i], texts[i], "المسماري", "PERS", "names.tsv", 0.5))
	}
	page, err := s.DocumentsByScore(ctx, ScorePage{Limit: 2})
	must(t, err)
	if len(page) != 2 || page[0].ID != ids[1] || page[1].ID != ids[2] || page[0].Score != 0.2 {
		t.Fatalf("first page %+v", page)
	}
	rest, err := s.DocumentsByScore(ctx, ScorePage{Limit: 2, AfterScore: page[1].Score, AfterOrder: page[1].Order})
	must(t, err)
	if len(rest) != 1 || rest[0].ID != ids[0] || rest[0].Score != 0.5 {
		t.Errorf("second page %+v", rest)
	}
	for source, want := range map[string]int{"": 3, "model-1": 3, "names.tsv": 3, "other": 0} {
		if n, err := s.CountDocumentsByScore(ctx, source); err != nil || n != want {
			t.Errorf("count of %q: %d, %v; want %d", source, n, err, want)
		}
	}
	byModel, err := s.DocumentsByScore(ctx, ScorePage{Source: "model-1", Annotator: "amal"})
	must(t, err)
	if len(byModel) != 3 || byModel[2].ID != ids[0] || byModel[2].Score != 0.9 || byModel[0].Status != labels.StatusTodo {
		t.Errorf("by model-1: %+v", byModel)
	}
	// The index follows a run that lowers or removes a document's scores.
	putSuggestions(t, s, []string{"model-1", "names.tsv"}, labels.Document{ID: ids[1], Text: texts[1]})
	page, err = s.DocumentsByScore(ctx, ScorePage{})
	must(t, err)
	if len(page) != 2 || page[0].ID != ids[2] {
		t.Errorf("after emptying a document: %+v", page)
	}
	if n, err := s.CountDocumentsByScore(ctx, ""); err != nil || n != 2 {
		t.Errorf("count after emptying a document: %d, %v", n, err)
	}
	noProblems(t, s)
}

// TestSuggestionRunStoppedKeepsCommitted stops a run that commits after every document: the
// documents before the last are in, and the last is not.
func TestSuggestionRunStoppedKeepsCommitted(t *testing.T) {
	defer func(d time.Duration) { runSlice = d }(runSlice)
	runSlice = 0
	texts := []string{suggestText, suggestText + " أمس", suggestText + " اليوم"}
	s, ids := newProject(t, labels.NestingFlat, texts...)
	r, err := s.BeginSuggestions(ctx, []string{"names.tsv"}, false)
	must(t, err)
	for i, text := range texts {
		must(t, r.Put(labels.Document{ID: ids[i], Text: text}, []labels.Suggestion{sugg(t, ids[i], text, "طرابلس", "LOC", "names.tsv", 1)}))
	}
	if kept := r.Rollback(); kept.Documents != 2 || kept.Suggestions != 2 {
		t.Errorf("kept %+v", kept)
	}
	for i, want := range []int{1, 1, 0} {
		got, err := s.Suggestions(ctx, ids[i], "")
		must(t, err)
		if len(got) != want {
			t.Errorf("document %d: %d suggestions, want %d", i+1, len(got), want)
		}
	}
	evs, err := s.Events(ctx, 0, 0)
	must(t, err)
	puts := 0
	for _, ev := range evs {
		if ev.Action == labels.ActionSuggestionsPut {
			puts++
		}
	}
	if puts != 2 {
		t.Errorf("%d suggestions.put events, want one a commit", puts)
	}
	noProblems(t, s)
}
