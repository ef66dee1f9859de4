package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// predicted is a record of text with a model's suggestions over the given words and labels.
func predicted(t *testing.T, text, source string, score float64, words ...string) labels.Annotated {
	t.Helper()
	rec := labels.Annotated{Doc: labels.Document{Text: text, SourceFile: "preds.json"}}
	for i := 0; i+1 < len(words); i += 2 {
		rec.Suggestions = append(rec.Suggestions, sugg(t, "", text, words[i], words[i+1], source, score))
	}
	return rec
}

func TestImportSuggestions(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, suggestText)
	imp, err := s.BeginImport(ctx, ImportOptions{Source: "preds.json"})
	must(t, err)
	must(t, imp.Add(predicted(t, suggestText, "model-1", 0.8, "طرابلس", "loc", "أحمد المسماري", "PERS")))
	must(t, imp.Add(predicted(t, "نص جديد عن طرابلس", "model-1", 0.4, "طرابلس", "LOC")))
	bad := predicted(t, "نص آخر عن طرابلس اليوم", "model-1", 0.4, "طرابلس", "LOC")
	bad.Suggestions[0].End++
	if err := imp.Add(bad); !errors.As(err, new(*RecordError)) || !errors.Is(err, labels.ErrTextMismatch) {
		t.Errorf("a suggestion off its text: %v", err)
	}
	decided := predicted(t, "نص آخر عن طرابلس", "model-1", 0.4, "طرابلس", "LOC")
	decided.Suggestions[0].Decision = labels.DecisionRejected
	if err := imp.Add(decided); err == nil || !strings.Contains(err.Error(), "needs an annotator") {
		t.Errorf("a decision without annotator: %v", err)
	}
	res, err := imp.Commit()
	must(t, err)
	if res.Added != 1 || res.Duplicates != 1 || res.Suggestions != 3 || res.Spans != 0 {
		t.Errorf("result %+v", res)
	}
	got, err := s.Suggestions(ctx, ids[0], "")
	must(t, err)
	if len(got) != 2 || got[1].Label != "LOC" || got[1].Score != 0.8 {
		t.Errorf("suggestions of the document there before: %+v", got)
	}
	st, err := s.Stats(ctx, "")
	must(t, err)
	if st.Spans != 0 || st.Suggestions["model-1"].Suggested != 3 {
		t.Errorf("stats %+v", st.Suggestions["model-1"])
	}

	// A native record brings the decisions of its annotator, and replaces the source's
	// suggestions of the document rather than adding them again.
	rec := predicted(t, suggestText, "model-1", 0.8, "طرابلس", "LOC")
	rec.Annotator = "amal"
	rec.Suggestions[0].Decision = labels.DecisionRejected
	imp, err = s.BeginImport(ctx, ImportOptions{})
	must(t, err)
	must(t, imp.Add(rec))
	_, err = imp.Commit()
	must(t, err)
	got, err = s.Suggestions(ctx, ids[0], "amal")
	must(t, err)
	if len(got) != 1 || got[0].Decision != labels.DecisionRejected {
		t.Errorf("after the native record: %+v", got)
	}
	evs, err := s.Events(ctx, 0, 0)
	must(t, err)
	if last := evs[len(evs)-1]; last.Action != labels.ActionDocumentsAdd || !strings.Contains(string(last.After), `"suggestions":1`) {
		t.Errorf("last event %+v", last)
	}
	noProblems(t, s)
}

func TestImportSuggestionsUnknownLabels(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat, suggestText)
	imp, err := s.BeginImport(ctx, ImportOptions{})
	must(t, err)
	must(t, imp.Add(predicted(t, suggestText, "model-1", 0.8, "طرابلس", "GPE")))
	if _, err := imp.Commit(); !errors.Is(err, ErrUnknownLabels) || !strings.Contains(err.Error(), "GPE") {
		t.Errorf("a label the schema lacks: %v", err)
	}
}

func TestExportSuggestions(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, suggestText, "نص بلا اقتراح")
	doc := labels.Document{ID: ids[0], Text: suggestText}
	tripoli := sugg(t, ids[0], suggestText, "طرابلس", "LOC", "names.tsv", 0.5)
	person := sugg(t, ids[0], suggestText, "أحمد المسماري", "PERS", "names.tsv", 1)
	putSuggestions(t, s, []string{"names.tsv"}, doc, tripoli, person)
	must(t, s.RejectSuggestion(ctx, "amal", tripoli))
	_, err := s.AddSpan(ctx, entity(t, ids[0], "badr", suggestText, "قواته", "MISC"))
	must(t, err)
	var recs []labels.Annotated
	must(t, s.Export(ctx, ExportFilter{Suggestions: true}, func(r labels.Annotated) error {
		recs = append(recs, r)
		return nil
	}))
	if len(recs) != 3 || recs[0].Annotator != "amal" || recs[1].Annotator != "badr" || recs[2].Suggestions != nil {
		t.Fatalf("records %+v", recs)
	}
	if g := recs[0].Suggestions; len(g) != 2 || g[0].Label != "PERS" || g[0].Decision != "" || g[1].Decision != labels.DecisionRejected {
		t.Errorf("amal's record: %+v", g)
	}
	if g := recs[1].Suggestions; len(g) != 2 || g[1].Decision != "" {
		t.Errorf("badr's record: %+v", g)
	}
	must(t, s.Export(ctx, ExportFilter{}, func(r labels.Annotated) error {
		if r.Suggestions != nil {
			t.Errorf("suggestions unasked: %+v", r.Suggestions)
		}
		return nil
	}))
}

func TestCheckFindsBrokenSuggestions(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, suggestText)
	putSuggestions(t, s, []string{"names.tsv"}, labels.Document{ID: ids[0], Text: suggestText},
		sugg(t, ids[0], suggestText, "طرابلس", "LOC", "names.tsv", 0.5))
	db := rawDB(t, s.Path())
	_, err := db.Exec(`UPDATE suggestion_sets SET items = replace(items, '[[', '[{')`)
	must(t, err)
	for _, row := range [][2]string{
		{"other.tsv", `[[0,3,"LOC",0.5],[0,3,"LOC",0.5]]`},
		{"far.tsv", `[[0,999,"LOC",0.5]]`},
	} {
		_, err = db.Exec(`INSERT INTO suggestion_sets (doc_id, source, ord, n, low, updated, items)
VALUES (?, ?, 1, json_array_length(?), 0.5, 'x', ?)`, ids[0], row[0], row[1], row[1])
		must(t, err)
	}
	_, err = db.Exec(`UPDATE counts SET n = 5 WHERE what = 'suggestions' AND key = 'other.tsv'`)
	must(t, err)
	var text string
	must(t, db.QueryRow(`SELECT text FROM suggestions WHERE source = 'other.tsv' LIMIT 1`).Scan(&text))
	if text != "قال" {
		t.Errorf("the view shows %q", text)
	}
	problems, err := s.Check(ctx)
	must(t, err)
	var all []string
	for _, p := range problems {
		all = append(all, p.String())
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{
		`suggestions of "names.tsv" in document ` + ids[0] + `: not a list of [start,end,label,score]`,
		`suggestions of "other.tsv": out of order or repeated at [0,3) LOC`,
		`suggestions of "far.tsv" in document ` + ids[0] + `: [0,999) LOC: span offsets fall outside the text`,
		`counts: annotator "": suggestions of other.tsv: 5 kept, 2 in the rows`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("check says:\n%s\nwant %q", joined, want)
		}
	}
}
