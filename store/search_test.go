package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// searchAll pages through every hit of q, limit at a time, checking that pages follow each
// other in import order.
func searchAll(t *testing.T, s *Store, q Query, limit int) []Hit {
	t.Helper()
	q.Limit = limit
	var all []Hit
	var after int64
	for {
		page, err := s.Search(ctx, q, after)
		if err != nil {
			t.Fatalf("Search(%+v, %d): %v", q, after, err)
		}
		if len(page) > limit {
			t.Fatalf("a page of %d hits, limit %d", len(page), limit)
		}
		for _, h := range page {
			if h.Order <= after {
				t.Fatalf("hit %d after %d", h.Order, after)
			}
			after = h.Order
		}
		all = append(all, page...)
		if len(page) < limit {
			return all
		}
	}
}

// matched returns, for each hit, its order and the texts its matches cut from the document.
func matched(t *testing.T, s *Store, hits []Hit) []string {
	t.Helper()
	var out []string
	for _, h := range hits {
		d, err := s.DocumentByOrder(ctx, h.Order)
		must(t, err)
		if d.ID != h.ID || labels.RuneLen(d.Text) != h.Runes {
			t.Errorf("hit %+v is not document %d", h.Summary, h.Order)
		}
		runes := []rune(d.Text)
		texts := make([]string, len(h.Matches))
		for i, m := range h.Matches {
			texts[i] = string(runes[m.Start:m.End])
		}
		out = append(out, fmt.Sprintf("%d:%s", h.Order, strings.Join(texts, "|")))
	}
	return out
}

// TestSearchText finds words Arabic-normalized, with exact offsets, the same from the texts
// (before the index holds them) and from the index.
func TestSearchText(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat,
		"قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري إن قواته تقدمت نحو العاصمة طرابلس.",
		"وقال مُحَمَّدٌ الفلاحي من سكان المدينة: «لم نعد نحتمل» وطرابلس بعيدة.",
		"ودخلت القوات بطرابلس عام ٢٠١٩ بعد معارك للجيش، الوطني وصل إلى مصطفى",
		"Corriere della Sera: ISIS attacked in 2019 مـحـمـد",
		"طرابلسي الهوى ليس من طرابلس الغرب",
	)
	cases := []struct {
		q    Query
		want []string
	}{
		{Query{Text: "طرابلس"}, []string{"1:طرابلس", "2:طرابلس", "3:طرابلس", "5:طرابلس"}},
		{Query{Text: "طرابلس", Exact: true}, []string{"1:طرابلس", "5:طرابلس"}},
		{Query{Text: "محمد"}, []string{"2:مُحَمَّدٌ", "4:مـحـمـد"}},
		{Query{Text: "احمد المسماري"}, []string{"1:أحمد المسماري"}},
		{Query{Text: "2019"}, []string{"3:٢٠١٩", "4:2019"}},
		{Query{Text: "isis"}, []string{"4:ISIS"}},
		{Query{Text: "المدينه"}, []string{"2:المدينة"}},
		{Query{Text: "مصطفي"}, []string{"3:مصطفى"}},
		{Query{Text: "الجيش الوطني"}, []string{"1:الجيش الوطني", "3:لجيش، الوطني"}},
		{Query{Text: "قوات"}, []string{"3:القوات"}},
		{Query{Text: "بغداد"}, nil},
		// what FTS4 would read as its own syntax is text here
		{Query{Text: `"طرابلس*" OR NEAR`}, nil},
		{Query{Text: `"ISIS" attacked*`}, []string{"4:ISIS attacked"}},
		{Query{Text: "della OR"}, nil},
	}
	run := func(stage string) {
		for _, c := range cases {
			for _, limit := range []int{1, 2, 100} {
				if got := matched(t, s, searchAll(t, s, c.q, limit)); !slices.Equal(got, c.want) {
					t.Errorf("%s: %+v (pages of %d): %q, want %q", stage, c.q, limit, got, c.want)
				}
			}
		}
	}
	run("from the texts")
	behind, err := s.SearchBehind(ctx)
	must(t, err)
	if behind != 5 {
		t.Errorf("%d documents behind, want 5", behind)
	}
	var calls [][2]int
	must(t, s.IndexSearch(ctx, func(done, total int) { calls = append(calls, [2]int{done, total}) }))
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{5, 5} {
		t.Errorf("progress %v", calls)
	}
	if behind, _ := s.SearchBehind(ctx); behind != 0 {
		t.Errorf("%d documents behind after IndexSearch", behind)
	}
	run("from the index")
	_, err = s.AddDocuments(ctx, []labels.Document{{Text: "وصلت طرابلس"}})
	must(t, err)
	cases[0].want = append(cases[0].want, "6:طرابلس")
	cases[1].want = append(cases[1].want, "6:طرابلس")
	run("from the index and a text")
}

func TestSearchNoWords(t *testing.T) {
	s := newStore(t)
	if _, err := s.Search(ctx, Query{Text: " ، « 🦠"}, 0); !errors.Is(err, ErrNoWords) {
		t.Errorf("Search = %v, want ErrNoWords", err)
	}
	if _, err := s.Search(ctx, Query{Status: "finished"}, 0); err == nil {
		t.Error("an unknown status was accepted")
	}
}

// TestSearchRefusalQuotesAShortPiece: a query of megabytes that is refused (no words, or
// broken UTF-8) is quoted by its start and its length, not told back whole.
func TestSearchRefusalQuotesAShortPiece(t *testing.T) {
	for _, text := range []string{strings.Repeat("\u064e\u0640 ", 1<<20), strings.Repeat("ب", 1<<20) + "\xff"} {
		_, err := Query{Text: text}.Check()
		if err == nil || len(err.Error()) > 200 || !strings.Contains(err.Error(), fmt.Sprintf("(%d bytes)", len(text))) {
			t.Errorf("Check of %d bytes = %.300q (%d bytes), want a refusal quoting a short piece and the length", len(text), err, len(fmt.Sprint(err)))
		}
	}
	if _, err := (Query{Text: "\u202e"}).Check(); err == nil || !strings.Contains(err.Error(), `"\u202e": `) {
		t.Errorf("Check of a short query = %v, want it quoted whole", err)
	}
}

// TestSearchPages pages through a thousand documents, filtered and not, from the texts and
// from the index.
func TestSearchPages(t *testing.T) {
	s := newStore(t)
	must(t, s.SetSchema(ctx, "admin", testSchema(labels.NestingFlat)))
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal"})
	must(t, err)
	for i := 1; i <= 1000; i++ {
		rec := labels.Annotated{Doc: labels.Document{Text: fmt.Sprintf("الخبر %d من مصراتة", i)}}
		if i%3 == 0 {
			rec.Doc.Text = fmt.Sprintf("الخبر %d من طرابلس", i)
		}
		if i%5 == 0 {
			rec.Spans = []labels.Span{{Start: 0, End: 5, Text: "الخبر", Label: "MISC", Kind: labels.KindEntity}}
		}
		must(t, imp.Add(rec))
	}
	_, err = imp.Commit()
	must(t, err)
	defer func(v float64) { ftsPerText = v }(ftsPerText)
	for _, stage := range []string{"texts", "index", "index, dense words from the texts"} {
		switch stage {
		case "index":
			must(t, s.IndexSearch(ctx, nil))
		case "index, dense words from the texts":
			ftsPerText = 0
		}
		for _, c := range []struct {
			q    Query
			keep func(i int) bool
		}{
			{Query{Text: "طرابلس"}, func(i int) bool { return i%3 == 0 }},
			{Query{Text: "طرابلس", Label: "misc"}, func(i int) bool { return i%15 == 0 }},
			{Query{Label: "MISC", Annotator: "amal"}, func(i int) bool { return i%5 == 0 }},
			{Query{Text: "مصراتة", Label: "MISC"}, func(i int) bool { return i%5 == 0 && i%3 != 0 }},
			{Query{}, func(int) bool { return true }},
		} {
			var want []int64
			for i := 1; i <= 1000; i++ {
				if c.keep(i) {
					want = append(want, int64(i))
				}
			}
			for _, limit := range []int{7, 100, 1000} {
				var got []int64
				for _, h := range searchAll(t, s, c.q, limit) {
					got = append(got, h.Order)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: %+v, pages of %d: %d hits %v..., want %d %v...", stage, c.q, limit,
						len(got), head(got), len(want), head(want))
				}
			}
		}
	}
}

// TestSearchBeforeTheIndex opens a project written before the search tables existed (schema
// version 4): the migration indexes its labels and stances, a search reads its texts, and
// IndexSearch indexes them.
func TestSearchBeforeTheIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v4.tawsim")
	db := rawDB(t, path)
	for _, m := range migrations {
		if m.Version <= 4 {
			must(t, applyMigration(ctx, db, path, m))
		}
	}
	texts := []string{"قال أحمد المسماري إن قواته دخلت طرابلس", "وأعلنت حكومة الوفاق في طرابلس", "جنيف"}
	for i, text := range texts {
		_, err := db.Exec(`INSERT INTO documents (ord, id, hash, runes, created, text) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000000000Z', ?)`,
			i+1, fmt.Sprint("d", i+1), labels.TextHash(text), labels.RuneLen(text), text)
		must(t, err)
	}
	for _, q := range []string{
		`INSERT INTO span_sets VALUES ('d1', 'amal', '[{"i":"s1","s":4,"e":8,"t":"أحمد","l":"PERS","k":"entity","o":"manual","c":"2026-01-01T00:00:00.000000000Z"}]')`,
		`INSERT INTO span_sets VALUES ('d2', 'badr', '[{"i":"s2","s":7,"e":18,"t":"حكومة الوفاق","l":"ORG","k":"entity","o":"manual","c":"2026-01-01T00:00:00.000000000Z"}]')`,
		`INSERT INTO doc_stance VALUES ('d2', 'amal', 'gna', 'FAVOR', '2026-01-01T00:00:00.000000000Z')`,
	} {
		_, err := db.Exec(q)
		must(t, err)
	}
	sc := testSchema(labels.NestingFlat)
	must(t, db.Close())
	s := openStore(t, path)
	must(t, s.SetSchema(ctx, "admin", sc))
	for _, c := range []struct {
		q    Query
		want []string
	}{
		{Query{Text: "طرابلس"}, []string{"1:طرابلس", "2:طرابلس"}},
		{Query{Text: "طرابلس", Label: "PERS"}, []string{"1:طرابلس"}},
		{Query{Label: "ORG"}, []string{"2:"}},
		{Query{Target: "gna", Stance: "favor"}, []string{"2:"}},
		{Query{Stance: "AGAINST"}, nil},
	} {
		for _, indexed := range []bool{false, true} {
			if indexed {
				must(t, s.IndexSearch(ctx, nil))
			}
			if got := matched(t, s, searchAll(t, s, c.q, 10)); !slices.Equal(got, c.want) {
				t.Errorf("indexed %v: %+v: %q, want %q", indexed, c.q, got, c.want)
			}
		}
	}
}

// TestSearchReadOnly: a project that cannot be written is searched from its index, and from
// the texts of the documents its index lacks.
func TestSearchReadOnly(t *testing.T) {
	s, _ := newProject(t, labels.NestingFlat, "دخلت القوات طرابلس", "جنيف")
	must(t, s.IndexSearch(ctx, nil))
	_, err := s.AddDocuments(ctx, []labels.Document{{Text: "وصلت طرابلس"}})
	must(t, err)
	path := s.Path()
	must(t, s.Close())
	ro, err := openReadOnly(path, "the file cannot be written (-r--r--r--)")
	must(t, err)
	defer ro.Close()
	if err := ro.IndexSearch(ctx, nil); !errors.Is(err, ErrReadOnly) {
		t.Errorf("IndexSearch = %v, want ErrReadOnly", err)
	}
	if got := matched(t, ro, searchAll(t, ro, Query{Text: "طرابلس"}, 5)); !slices.Equal(got, []string{"1:طرابلس", "3:طرابلس"}) {
		t.Errorf("%q", got)
	}
}

// TestSearchHitStatus: a hit shows the status of the annotator For names (of Annotator when
// For is empty), as the document list does.
func TestSearchHitStatus(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, "دخلت القوات طرابلس", "وصل الوفد إلى طرابلس")
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[0], Annotator: "amal", Status: labels.StatusDone}))
	must(t, s.SetState(ctx, labels.DocState{DocID: ids[1], Annotator: "badr", Status: labels.StatusSkipped}))
	for _, c := range []struct {
		q    Query
		want []labels.Status
	}{
		{Query{Text: "طرابلس"}, []labels.Status{labels.StatusTodo, labels.StatusTodo}},
		{Query{Text: "طرابلس", For: "amal"}, []labels.Status{labels.StatusDone, labels.StatusTodo}},
		{Query{Text: "طرابلس", Annotator: "badr"}, []labels.Status{labels.StatusSkipped}},
		{Query{Text: "طرابلس", Annotator: "badr", For: "amal"}, []labels.Status{labels.StatusTodo}},
		{Query{Status: labels.StatusDone}, []labels.Status{labels.StatusDone}},
	} {
		hits, err := s.Search(ctx, c.q, 0)
		must(t, err)
		var got []labels.Status
		for _, h := range hits {
			got = append(got, h.Status)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%+v: %v, want %v", c.q, got, c.want)
		}
	}
}
