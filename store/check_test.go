package store

import (
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestCheckSoundProject(t *testing.T) {
	text := "قال 👍🏽 مُحَمَّد في طرابلس"
	s, ids := newProject(t, labels.NestingFlat, text)
	_, err := s.AddSpan(ctx, entity(t, ids[0], "a", text, "مُحَمَّد", "PERS"))
	must(t, err)
	_, err = s.AddDocuments(ctx, []labels.Document{{Text: "فرنسا تدعو", Tokens: offs(0, 5, 6, 10)}})
	must(t, err)
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "a", Status: labels.StatusDone}))
	must(t, s.SetDocStance(ctx, labels.DocStance{DocID: ids[0], Annotator: "a", Target: "lna", Label: "NONE"}))
	problems, err := s.Check(ctx)
	must(t, err)
	if problems == nil || len(problems) != 0 {
		t.Errorf("Check of a sound project = %#v, want an empty list", problems)
	}
}

// problemsText runs Check and joins its problems.
func problemsText(t *testing.T, s *Store) (string, []Problem) {
	t.Helper()
	problems, err := s.Check(ctx)
	must(t, err)
	var lines []string
	for _, p := range problems {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n"), problems
}

func TestCheckFindsCorruption(t *testing.T) {
	text := "قال 👍🏽 مُحَمَّد في طرابلس"
	s, ids := newProject(t, labels.NestingFlat, text)
	sp, err := s.AddSpan(ctx, entity(t, ids[0], "a", text, "مُحَمَّد", "PERS"))
	must(t, err)
	other, err := s.AddSpan(ctx, entity(t, ids[0], "a", text, "طرابلس", "LOC"))
	must(t, err)
	res, err := s.AddDocuments(ctx, []labels.Document{{Text: "فرنسا تدعو", Tokens: offs(0, 5, 6, 10)},
		{Text: "نص آخر", Tokens: offs(0, 2, 3, 6)}})
	must(t, err)
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "a", Status: labels.StatusDone}))

	// Another program writes behind the store's back.
	db := rawDB(t, s.Path())
	for _, q := range []string{
		// The first span's text no longer matches; the second gets an unknown label.
		"UPDATE span_sets SET spans = json_set(spans, '$[0].t', 'محمد', '$[1].s', 16, '$[1].e', 22, '$[1].l', 'PLACE') WHERE doc_id = '" + ids[0] + "'",
		"INSERT INTO span_sets (doc_id, annotator, spans) VALUES ('" + res.IDs[0] + "', 'b', '[{\"i\": \"cut')",
		// The second token passes the end of the text ([6,106) of 10 code points); the other
		// document's are JSON, as before migration 0005.
		"UPDATE documents SET tokens = x'00040163' WHERE id = '" + res.IDs[0] + "'",
		"UPDATE documents SET tokens = '[{\"start\":0,\"end\":2},{\"start\":3,\"end\":6}]' WHERE id = '" + res.IDs[1] + "'",
		"UPDATE documents SET hash = 'x' WHERE id = '" + ids[0] + "'",
		"UPDATE doc_state SET status = 'finished'",
		"PRAGMA foreign_keys = OFF",
		"INSERT INTO doc_stance (doc_id, annotator, target, label, updated) VALUES ('ghost', 'a', 'mars', 'FAVOR', 'x')",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	must(t, db.Close())

	got, problems := problemsText(t, s)
	for _, want := range []string{
		"document " + ids[0] + ` (external id "doc-1"), annotator "a", span ` + sp.ID + ": span text does not match the document text",
		"document " + ids[0] + ` (external id "doc-1"), annotator "a", span ` + other.ID + ": label is not in the schema",
		"document " + res.IDs[0] + `, annotator "b": the spans are damaged: not a valid array of spans`,
		"document " + res.IDs[0] + ": own tokens: damaged: malformed packed tokens: token 2 at byte 2 passes the end of the text of 10 code points",
		"document " + res.IDs[1] + ": own tokens: damaged: a value of text where packed tokens belong",
		"document " + ids[0] + ` (external id "doc-1"): the text's hash is`,
		"unknown document status",
		"foreign key: row 1 of doc_stance refers to a missing row of documents",
		"stance target is not in the schema: \"mars\"",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Check does not report %q; it says:\n%s", want, got)
		}
	}
	found := false
	for _, p := range problems {
		if p.SpanID == sp.ID && p.DocID == ids[0] {
			found = true
		}
	}
	if !found {
		t.Errorf("no problem names span %s", sp.ID)
	}
}

// TestCheckFindsMissingSchemaObjects: a table or trigger of the search index that another
// program dropped is reported by name; the check does not fail on it as a query would.
func TestCheckFindsMissingSchemaObjects(t *testing.T) {
	for drop, want := range map[string]string{
		"TABLE search_text":            "schema: the table search_text is missing",
		"TABLE search_labels":          "schema: the table search_labels is missing",
		"TRIGGER search_stance_insert": "schema: the trigger search_stance_insert is missing",
	} {
		s, _ := newProject(t, labels.NestingFlat, "قال محمد في طرابلس")
		db := rawDB(t, s.Path())
		if _, err := db.Exec("DROP " + drop); err != nil {
			t.Fatal(err)
		}
		must(t, db.Close())
		if got, _ := problemsText(t, s); !strings.Contains(got, want) {
			t.Errorf("DROP %s: Check does not report %q; it says:\n%s", drop, want, got)
		}
	}
}

func TestCheckReportsOverlapOnce(t *testing.T) {
	text := "ودعت الأمم المتحدة في بيان"
	s, ids := newProject(t, labels.NestingOverlap, text)
	_, err := s.AddSpan(ctx, entity(t, ids[0], "a", text, "الأمم المتحدة", "ORG"))
	must(t, err)
	_, err = s.AddSpan(ctx, entity(t, ids[0], "a", text, "المتحدة في", "MISC"))
	must(t, err)
	// Make the schema flat behind the store's back (SetSchema would refuse).
	db := rawDB(t, s.Path())
	_, err = db.Exec(`UPDATE schema SET json = json_set(json, '$.nesting', 'flat')`)
	must(t, err)
	must(t, db.Close())
	got, problems := problemsText(t, s)
	if len(problems) != 1 || !strings.Contains(got, "overlaps another entity span") {
		t.Errorf("Check = %s", got)
	}
}
