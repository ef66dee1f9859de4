package store

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// exportAll returns every record of an export, the own tokens of each as Offsets in Tokens.
func exportAll(t *testing.T, s *Store) []labels.Annotated {
	t.Helper()
	var recs []labels.Annotated
	must(t, s.Export(ctx, ExportFilter{}, func(a labels.Annotated) error {
		if a.Doc.HasOwnTokens() {
			a.Doc.Tokens, a.Doc.Packed = slices.Collect(a.Doc.OwnTokens()), nil
			if a.Doc.Tokens == nil {
				a.Doc.Tokens = []labels.Offsets{}
			}
		}
		recs = append(recs, a)
		return nil
	}))
	return recs
}

// TestPackedTokensOfAnOlderProject: migration 0005 packs the JSON tokens of a project made
// before it, so that the project reads and exports as it did; an empty list stays an empty
// list, and tokens it cannot read stay as they were, for check to report.
func TestPackedTokensOfAnOlderProject(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v4.tawsim")
	s := openStore(t, path)
	must(t, s.SetSchema(ctx, "admin", testSchema(labels.NestingFlat)))
	long := strings.Repeat("كلمة ", 40) + strings.Repeat("ط", 300) + " قال"
	own := offs(0, 4, 5, 9, 200, 500, 501, 504) // a gap and a length of two bytes
	spaced := offs(0, 3, 4, 7)
	res, err := s.AddDocuments(ctx, []labels.Document{
		{Text: long, Tokens: own},
		{Text: "نص بلا رموز خاصة"},
		{Text: "نص برموز لا شيء فيها", Tokens: []labels.Offsets{}},
		{Text: "قال هنا شيئا", Tokens: spaced},
		{Text: "رموز ستفسد", Tokens: offs(0, 4, 5, 10)},
	})
	must(t, err)
	_, err = s.AddSpan(ctx, entity(t, res.IDs[0], "salma", long, "قال", "LOC"))
	must(t, err)
	before := exportAll(t, s)
	must(t, s.Close())

	// The tokens as the store wrote them before 0005: encoding/json's spelling (which the
	// store's writer was held to), JSON spaced otherwise, and JSON out of order.
	db := rawDB(t, path)
	old := func(toks []labels.Offsets) string {
		b, err := json.Marshal(toks)
		must(t, err)
		return string(b)
	}
	for _, u := range []struct{ id, tokens string }{
		{res.IDs[0], old(own)},
		{res.IDs[2], "[]"},
		{res.IDs[3], `[ {"start": 0, "end": 3}, {"start": 4, "end": 7} ]`},
		{res.IDs[4], `[{"start":5,"end":10},{"start":0,"end":4}]`},
	} {
		if _, err := db.Exec("UPDATE documents SET tokens = ? WHERE id = ?", u.tokens, u.id); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec("DELETE FROM schema_migrations WHERE version = 5"); err != nil {
		t.Fatal(err)
	}
	must(t, db.Close())

	s = openStore(t, path)
	stored := map[string][]byte{}
	rows, err := s.r.QueryContext(ctx, "SELECT id, tokens FROM documents WHERE typeof(tokens) = 'blob'")
	must(t, err)
	for rows.Next() {
		var id string
		var p []byte
		must(t, rows.Scan(&id, &p))
		stored[id] = p
	}
	must(t, rows.Err())
	want, _ := labels.PackTokens(own)
	if len(stored) != 3 || !bytes.Equal(stored[res.IDs[0]], want) || stored[res.IDs[2]] == nil || len(stored[res.IDs[2]]) != 0 {
		t.Errorf("the packed tokens: %v, want %v for %s and an empty blob for %s", stored, want, res.IDs[0], res.IDs[2])
	}
	for i, id := range []string{res.IDs[0], res.IDs[3]} {
		d, err := s.Document(ctx, id)
		must(t, err)
		if w := [][]labels.Offsets{own, spaced}[i]; !reflect.DeepEqual(d.Tokens, w) {
			t.Errorf("document %d reads the tokens %v, want %v", i+1, d.Tokens, w)
		}
	}

	got, problems := problemsText(t, s)
	if len(problems) != 1 || problems[0].DocID != res.IDs[4] || !strings.Contains(got, "own tokens: damaged: a value of text") {
		t.Errorf("check after the migration: %s", got)
	}
	if _, err := s.Document(ctx, res.IDs[4]); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("reading the document with damaged tokens: %v", err)
	}
	if _, err := s.w.ExecContext(ctx, "UPDATE documents SET tokens = NULL WHERE id = ?", res.IDs[4]); err != nil {
		t.Fatal(err)
	}
	before[4].Doc.Tokens = nil
	if after := exportAll(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("the export after the migration differs:\n%+v\nbefore:\n%+v", after, before)
	}
}

// TestStoredTokensRoundTrip: tokens given as Offsets or packed are stored the same, read back
// the same, and refused the same when they pass the end of the text.
func TestStoredTokensRoundTrip(t *testing.T) {
	s := newStore(t)
	toks := offs(0, 3, 4, 7)
	p, _ := labels.PackTokens(toks)
	res, err := s.AddDocuments(ctx, []labels.Document{{Text: "قال هنا", Tokens: toks}, {Text: "قال هناك", Packed: p}})
	must(t, err)
	for _, id := range res.IDs {
		d, err := s.Document(ctx, id)
		must(t, err)
		if !reflect.DeepEqual(d.Tokens, toks) || d.Packed != nil {
			t.Errorf("document %s: tokens %v, packed %v", id, d.Tokens, d.Packed)
		}
	}
	_, err = s.AddDocuments(ctx, []labels.Document{{Text: "قال", Packed: p}})
	if err == nil || !strings.Contains(err.Error(), "own tokens: malformed packed tokens: token 2") {
		t.Errorf("packed tokens past the end of the text: %v", err)
	}
}
