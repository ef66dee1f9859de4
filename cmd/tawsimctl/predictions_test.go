package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// lsTask is a Label Studio task of text with one prediction of model: a span per word and
// label, at its first occurrence, with the given score.
func lsTask(t *testing.T, text, model string, score float64, words ...string) map[string]any {
	t.Helper()
	var result []map[string]any
	for i := 0; i+1 < len(words); i += 2 {
		b := strings.Index(text, words[i])
		if b < 0 {
			t.Fatalf("%q not in the text", words[i])
		}
		start := labels.RuneLen(text[:b])
		result = append(result, map[string]any{"id": words[i], "from_name": "label", "to_name": "text", "type": "labels",
			"value": map[string]any{"start": start, "end": start + labels.RuneLen(words[i]), "text": words[i],
				"labels": []string{words[i+1]}, "score": score}})
	}
	return map[string]any{"data": map[string]any{"text": text},
		"predictions": []any{map[string]any{"model_version": model, "score": score, "result": result}}}
}

// indented writes v as Label Studio exports JSON: one list, indented.
func indented(t *testing.T, v any) string {
	t.Helper()
	data, err := json.MarshalIndentWithOption(v, "", "  ", json.UnorderedMap(), json.DisableHTMLEscape())
	must(t, err)
	return string(data) + "\n"
}

func TestImportPredictions(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	importOK(t, db, "--format", "txt", writeFile(t, dir, "a.txt", seedText()))
	fresh := "قال المتحدث إن أنقرة تدعم حكومة الوفاق 🙂 في طرابلس"
	tasks := []any{
		lsTask(t, seedText(), "ner-v2", 0.4, "الجيش الوطني الليبي", "ORG", "طرابلس", "LOC"),
		lsTask(t, fresh, "ner-v2", 0.9, "أنقرة", "LOC", "طرابلس", "LOC"),
	}
	preds := writeFile(t, dir, "preds.json", indented(t, tasks))
	out := importOK(t, db, "--predictions", preds)
	if !strings.Contains(out, "1 document added, 1 already in the project, 4 suggestions stored") {
		t.Errorf("import: %q", out)
	}
	code, out, _ := ctl(t, "", "stats", "--db", db, "--json")
	var s store.Stats
	must(t, json.Unmarshal([]byte(out), &s))
	if code != 0 || s.Spans != 0 || s.Documents != 2 || s.Suggestions["ner-v2"] == nil || s.Suggestions["ner-v2"].Suggested != 4 {
		t.Errorf("stats: %s", out)
	}
	st, err := store.OpenForReading(db)
	must(t, err)
	page, err := st.DocumentsByScore(context.Background(), store.ScorePage{Source: "ner-v2"})
	must(t, err)
	st.Close()
	if len(page) != 2 || page[0].Score != 0.4 || page[1].Score != 0.9 {
		t.Errorf("documents by score: %+v", page)
	}
	// Offsets counted in UTF-16 units (after the emoji) are refused by FILE:LINE, and said so.
	bad := lsTask(t, fresh, "ner-v2", 0.9, "طرابلس", "LOC")
	value := bad["predictions"].([]any)[0].(map[string]any)["result"].([]map[string]any)[0]["value"].(map[string]any)
	value["start"], value["end"] = value["start"].(int)+1, value["end"].(int)+1
	badFile := writeFile(t, dir, "bad.json", indented(t, []any{lsTask(t, fresh, "m", 1, "أنقرة", "LOC"), bad}))
	code, _, errOut := ctl(t, "", "import", "--db", db, "--predictions", badFile)
	if code != 1 || !strings.Contains(errOut, "bad.json:30: predictions[0]: result[0]: ") || !strings.Contains(errOut, "UTF-16") {
		t.Errorf("UTF-16 offsets: exit %d, %s", code, errOut)
	}
	// Native JSONL with a score per span.
	native := writeFile(t, dir, "crf.jsonl", `{"text":"`+fresh+`","model_version":"crf-1",`+
		`"entities":[{"start":15,"end":20,"label":"LOC","score":0.3}]}`+"\n")
	if out := importOK(t, db, "--predictions", "--format", "jsonl", native); !strings.Contains(out, "1 suggestion stored") {
		t.Errorf("native predictions: %q", out)
	}
	if code, _, _ := ctl(t, "", "import", "--db", db, "--predictions", "--format", "csv", native); code != 2 {
		t.Errorf("--predictions with csv: exit %d", code)
	}
}

// suggestedProject is a project of the seed article with a gazetteer's suggestions, one of
// them accepted and one rejected by amal.
func suggestedProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	importOK(t, db, "--format", "txt", writeFile(t, dir, "a.txt", seedText()))
	gaz := writeFile(t, dir, "places.tsv", "طرابلس\tLOC\nالجيش الوطني الليبي\tORG\nالجيش الوطني الليبي\tPERS\n")
	if code, out, errOut := ctl(t, "", "suggest", "--db", db, "--gazetteer", gaz, "--no-propagate"); code != 0 {
		t.Fatalf("suggest: %q %q", out, errOut)
	}
	st, err := store.Open(db)
	must(t, err)
	defer st.Close()
	ids, err := st.DocumentIDs(context.Background())
	must(t, err)
	pending, err := st.PendingSuggestions(context.Background(), ids[0], "amal")
	must(t, err)
	_, err = st.AcceptSuggestion(context.Background(), "amal", pending[0], "")
	must(t, err)
	must(t, st.RejectSuggestion(context.Background(), "amal", pending[len(pending)-1]))
	return db
}

func TestSuggestionsRoundTrip(t *testing.T) {
	db := suggestedProject(t)
	first := exportOf(t, db, "--format", "jsonl")
	if strings.Count(first, "\n") != 1 || !strings.Contains(first, `"decision":"accepted"`) ||
		!strings.Contains(first, `"decision":"rejected"`) || !strings.Contains(first, `"source":"places.tsv","score":0.5}`) {
		t.Fatalf("export: %s", first)
	}
	dir := t.TempDir()
	again := filepath.Join(dir, "again.tawsim")
	if out := importOK(t, again, "--format", "jsonl", writeFile(t, dir, "p.jsonl", first)); !strings.Contains(out, "suggestions stored") {
		t.Errorf("import: %q", out)
	}
	if second := exportOf(t, again, "--format", "jsonl"); second != first {
		t.Errorf("round trip:\n%s\n%s", first, second)
	}
	_, sa, _ := ctl(t, "", "stats", "--db", db)
	_, sb, _ := ctl(t, "", "stats", "--db", again)
	if !strings.Contains(sb, "places.tsv") || statsTail(sa) != statsTail(sb) {
		t.Errorf("stats differ:\n%s\n%s", sa, sb)
	}
}

// statsTail is what stats prints after the project's name.
func statsTail(out string) string {
	_, rest, _ := strings.Cut(out, "\n")
	return rest
}

func TestExportAcceptSuggestions(t *testing.T) {
	db := suggestedProject(t)
	plain := exportOf(t, db, "--format", "doccano")
	accepted := exportOf(t, db, "--format", "doccano", "--accept-suggestions")
	var p, a struct {
		Label [][]any `json:"label"`
	}
	must(t, json.Unmarshal([]byte(plain), &p))
	must(t, json.Unmarshal([]byte(accepted), &a))
	if len(p.Label) != 1 || len(a.Label) <= 1 {
		t.Fatalf("without: %v, with: %v", p.Label, a.Label)
	}
	for i := 1; i < len(a.Label); i++ {
		prev, cur := a.Label[i-1], a.Label[i]
		if prev[1].(float64) > cur[0].(float64) {
			t.Errorf("overlapping or unordered spans: %v then %v", prev, cur)
		}
	}
	if again := exportOf(t, db, "--format", "doccano"); again != plain {
		t.Error("the export with accepted suggestions changed the project")
	}
	if code, _, errOut := ctl(t, "", "export", "--db", db, "--format", "jsonl", "--accept-suggestions"); code != 2 ||
		!strings.Contains(errOut, "keeps suggestions apart") {
		t.Errorf("jsonl with --accept-suggestions: exit %d, %s", code, errOut)
	}
}
