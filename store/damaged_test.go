package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// goodSpan is a sound stored span over "طرابلس" in damagedText, to damage a key at a time.
const goodSpan = `{"i":"s1","s":20,"e":26,"t":"طرابلس","l":"LOC","k":"entity","o":"manual","c":"2025-01-01T00:00:00.000000000Z"}`

const damagedText = "قال المسماري إن الجيش طرابلس"

// damagedRows are span rows that another program or a failing disk could leave. Those that
// count still read as spans (Check finds their damage against the text, schema or times).
var damagedRows = []struct {
	name, spans string
	counts      bool
}{
	{"empty array", `[]`, false},
	{"object", goodSpan, false},
	{"string", `"spans"`, false},
	{"number", `42`, false},
	{"invalid JSON", `[{"i": "cut`, false},
	{"null element", `[null]`, false},
	{"number element", `[1]`, false},
	{"no start", damage(`"s":20,`, ``), false},
	{"no end", damage(`"e":26,`, ``), false},
	{"no label", damage(`"l":"LOC",`, ``), false},
	{"null start", damage(`"s":20`, `"s":null`), false},
	{"string start", damage(`"s":20`, `"s":"20"`), false},
	{"fraction", damage(`"e":26`, `"e":26.5`), false},
	{"negative", damage(`"s":20`, `"s":-3`), false},
	{"end before start", damage(`"e":26`, `"e":2`), false},
	{"unknown kind", damage(`"entity"`, `"relation"`), false},
	{"bad time", damage(`"c":"2025`, `"c":"x2025`), true},
	{"out of range", damage(`"e":26`, `"e":999`), true},
	{"label not in the schema", damage(`"LOC"`, `"PLACE"`), true},
}

// damage returns an array of goodSpan with old replaced by new.
func damage(old, new string) string { return "[" + strings.Replace(goodSpan, old, new, 1) + "]" }

// damagedProject makes a project whose first document has a sound span by "amal", and a
// document per damaged row, each row by "x" written with SQL behind the store's back.
// It returns the store and the ids of the damaged rows' documents.
func damagedProject(t *testing.T) (*Store, []string) {
	t.Helper()
	texts := make([]string, len(damagedRows)+1)
	for i := range texts {
		texts[i] = fmt.Sprintf("%s %d", damagedText, i)
	}
	s, ids := newProject(t, labels.NestingFlat, texts...)
	_, err := s.AddSpan(ctx, entity(t, ids[0], "amal", texts[0], "طرابلس", "LOC"))
	must(t, err)
	db := rawDB(t, s.Path())
	for i, r := range damagedRows {
		spans := strings.Replace(r.spans, `"s1"`, fmt.Sprintf(`"s%d"`, i+2), 1) // span ids stay unique
		if _, err := db.Exec("INSERT INTO span_sets (doc_id, annotator, spans) VALUES (?, 'x', ?)", ids[i+1], spans); err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
	}
	must(t, db.Close())
	return s, ids[1:]
}

// TestCheckReportsDamagedSpanRows: every damaged row is a problem that names its document,
// external id and annotator, and the check goes on to the next (an empty array used to make
// it panic, and an object to stop it with a Scan error).
func TestCheckReportsDamagedSpanRows(t *testing.T) {
	s, ids := damagedProject(t)
	problems, err := s.Check(ctx)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	for i, r := range damagedRows {
		found := false
		for _, p := range problems {
			if p.DocID == ids[i] && p.ExternalID == fmt.Sprintf("doc-%d", i+2) && p.Annotator == "x" && p.What != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no problem names document %s, doc-%d and annotator x; problems:\n%v", r.name, ids[i], i+2, problems)
		}
	}
	for _, p := range problems {
		if p.Annotator == "amal" {
			t.Errorf("the sound row is reported: %s", p)
		}
	}
}

// TestStatsOfADamagedProject: stats reads the counts the writers keep, never the damaged
// rows, so it answers; the rows written behind the store's back are not in the counts.
func TestStatsOfADamagedProject(t *testing.T) {
	s, ids := damagedProject(t)
	st, err := s.Stats(ctx, "")
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if st.Spans != 1 || st.EntityLabels["LOC"] != 1 || st.Documents != len(ids)+1 {
		t.Errorf("counts: %d spans, %v, %d documents", st.Spans, st.EntityLabels, st.Documents)
	}
}

// TestCheckFindsCountsBehindTheStoresBack: rows written with SQL leave the kept counts
// behind; check names each count that differs from the rows, and Recount makes them agree
// (the damaged rows still count nothing).
func TestCheckFindsCountsBehindTheStoresBack(t *testing.T) {
	s, _ := damagedProject(t)
	problems, err := s.Check(ctx)
	must(t, err)
	var counts []string
	for _, p := range problems {
		if strings.HasPrefix(p.What, "counts: ") {
			counts = append(counts, p.What)
		}
	}
	reading := 0
	for _, r := range damagedRows {
		if r.counts {
			reading++
		}
	}
	want := fmt.Sprintf(`counts: annotator "x": spans entity LOC: 0 kept, %d in the rows (check --recount counts again)`, reading-1)
	if !slices.Contains(counts, want) {
		t.Errorf("check's counts problems:\n%s\nwant %s", strings.Join(counts, "\n"), want)
	}
	must(t, s.Recount(ctx))
	problems, err = s.Check(ctx)
	must(t, err)
	for _, p := range problems {
		if strings.HasPrefix(p.What, "counts: ") {
			t.Errorf("after Recount: %s", p)
		}
	}
	st, err := s.Stats(ctx, "x")
	must(t, err)
	if st.Spans != reading || st.EntityLabels["PLACE"] != 1 {
		t.Errorf("after Recount, x has %d spans (%v), want %d", st.Spans, st.EntityLabels, reading)
	}
}

// TestExportAndSpansNameTheDamagedDocument: an export stops at a damaged row with an error
// that names the document; reading that document's spans does too, and the others read.
func TestExportAndSpansNameTheDamagedDocument(t *testing.T) {
	s, ids := damagedProject(t)
	err := s.Export(ctx, ExportFilter{}, func(labels.Annotated) error { return nil })
	var d *DamagedError
	if !errors.Is(err, ErrDamaged) || !errors.As(err, &d) || d.DocID != ids[0] || d.ExternalID != "doc-2" || d.Annotator != "x" {
		t.Fatalf("Export = %v, want the damage of document %s (doc-2) by x", err, ids[0])
	}
	if !strings.Contains(err.Error(), ids[0]) || !strings.Contains(err.Error(), `"doc-2"`) {
		t.Errorf("Export's error does not name the document: %v", err)
	}
	if _, err := s.Spans(ctx, ids[0], ""); !errors.As(err, &d) || d.ExternalID != "doc-2" || strings.HasPrefix(err.Error(), "spans of") {
		t.Errorf("Spans of every annotator = %v, want the damage named once", err)
	}
	for i, r := range damagedRows {
		_, err := s.Spans(ctx, ids[i], "x")
		if r.counts && r.name != "bad time" {
			if err != nil {
				t.Errorf("%s: Spans = %v", r.name, err)
			}
			continue
		}
		if !errors.As(err, &d) || d.DocID != ids[i] || d.ExternalID != fmt.Sprintf("doc-%d", i+2) {
			t.Errorf("%s: Spans = %v, want the damage named", r.name, err)
		}
	}
}

// TestExportRefusesLabelsTheSchemaLacks: a span whose label or target only another program
// could have written stops the export, naming its document.
func TestExportRefusesLabelsTheSchemaLacks(t *testing.T) {
	for _, c := range []struct{ name, spans, want string }{
		{"entity label", damage(`"LOC"`, `"PLACE"`), `entity label "PLACE"`},
		{"stance label", damage(`"l":"LOC","k":"entity"`, `"l":"LIKE","k":"stance","g":"lna"`), `stance label "LIKE"`},
		{"target", damage(`"l":"LOC","k":"entity"`, `"l":"FAVOR","k":"stance","g":"mars"`), `"mars"`},
	} {
		s, ids := newProject(t, labels.NestingFlat, damagedText)
		db := rawDB(t, s.Path())
		_, err := db.Exec("INSERT INTO span_sets (doc_id, annotator, spans) VALUES (?, 'x', ?)", ids[0], c.spans)
		must(t, err)
		must(t, db.Close())
		err = s.Export(ctx, ExportFilter{}, func(labels.Annotated) error { return nil })
		var d *DamagedError
		if !errors.As(err, &d) || d.DocID != ids[0] || d.ExternalID != "doc-1" || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Export = %v", c.name, err)
		}
	}
}
