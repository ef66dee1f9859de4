package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestAddDocumentsOrderAndDuplicates(t *testing.T) {
	s := newStore(t)
	texts := []string{"الأول", "الثاني", "الأول", "الثالث", "الرابع"}
	docs := make([]labels.Document, len(texts))
	for i, text := range texts {
		docs[i] = labels.Document{Text: text, ExternalID: fmt.Sprint(i), SourceFile: "a.txt", Title: text}
	}
	res, err := s.AddDocuments(ctx, docs)
	must(t, err)
	if res.Added != 4 || res.Duplicates != 1 || len(res.IDs) != 5 {
		t.Fatalf("first batch: %+v", res)
	}
	if res.IDs[2] != res.IDs[0] {
		t.Errorf("the duplicate in the batch got id %s, want the first one's %s", res.IDs[2], res.IDs[0])
	}
	wantOrder := []int64{1, 2, 1, 3, 4}
	for i, id := range res.IDs {
		d, err := s.Document(ctx, id)
		must(t, err)
		if d.Order != wantOrder[i] || d.Text != texts[i] || d.Hash != labels.TextHash(texts[i]) {
			t.Errorf("document %d: %+v", i, d)
		}
	}
	again, err := s.AddDocuments(ctx, docs)
	must(t, err)
	if again.Added != 0 || again.Duplicates != 5 || fmt.Sprint(again.IDs) != fmt.Sprint(res.IDs) {
		t.Errorf("second batch: %+v, want nothing added and the same ids %v", again, res.IDs)
	}
	if n, _ := s.CountDocuments(ctx); n != 4 {
		t.Errorf("CountDocuments = %d, want 4", n)
	}
	// A third batch continues the order.
	more, err := s.AddDocuments(ctx, []labels.Document{{Text: "الخامس"}, {Text: "الأول"}})
	must(t, err)
	d, err := s.Document(ctx, more.IDs[0])
	must(t, err)
	if d.Order != 5 || more.IDs[1] != res.IDs[0] {
		t.Errorf("third batch: order %d, ids %v", d.Order, more.IDs)
	}
	evs, err := s.Events(ctx, 0, 0)
	must(t, err)
	var adds []labels.Event
	for _, ev := range evs {
		if ev.Action == labels.ActionDocumentsAdd {
			adds = append(adds, ev)
		}
	}
	if len(adds) != 2 {
		t.Fatalf("%d documents.add events, want 2 (none for the batch that added nothing)", len(adds))
	}
	var after struct {
		Count, Duplicates int
		Source            string
		First, Last       int64
	}
	must(t, json.Unmarshal(adds[0].After, &after))
	if after.Count != 4 || after.Duplicates != 1 || after.Source != "a.txt" || after.First != 1 || after.Last != 4 {
		t.Errorf("documents.add after = %s", adds[0].After)
	}
	if adds[0].Before != nil {
		t.Errorf("documents.add before = %s, want nothing", adds[0].Before)
	}
}

func TestAddDocumentsRefusesInvalidAndWritesNothing(t *testing.T) {
	s := newStore(t)
	for _, c := range []struct {
		name string
		doc  labels.Document
		want string
	}{
		{"invalid UTF-8", labels.Document{Text: "قال \xff\xfe هنا", ExternalID: "x7", SourceFile: "bad.txt"},
			"document 3 (x7 in bad.txt): invalid document: invalid UTF-8 at byte 7 of the text"},
		{"invalid title", labels.Document{Text: "نص", Title: "\xc3"}, "byte 0 of the title"},
		{"empty", labels.Document{Text: ""}, "text is empty"},
		{"token outside", labels.Document{Text: "قال هنا", Tokens: offs(0, 3, 4, 8)}, "token 2 [4,8)"},
		{"tokens out of order", labels.Document{Text: "قال هنا", Tokens: offs(4, 7, 0, 3)}, "token 2"},
		{"empty token", labels.Document{Text: "قال هنا", Tokens: offs(0, 0)}, "token 1"},
		{"metadata array", labels.Document{Text: "نص", Metadata: json.RawMessage(`[1]`)}, "JSON object"},
		{"metadata broken", labels.Document{Text: "نص", Metadata: json.RawMessage(`{"a":`)}, "JSON object"},
	} {
		t.Run(c.name, func(t *testing.T) {
			batch := []labels.Document{{Text: "جيد ١"}, {Text: "جيد ٢"}, c.doc}
			_, err := s.AddDocuments(ctx, batch)
			if !errors.Is(err, ErrBadDocument) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("AddDocuments = %v, want ErrBadDocument with %q", err, c.want)
			}
			if n, _ := s.CountDocuments(ctx); n != 0 {
				t.Errorf("%d documents written", n)
			}
		})
	}
	if evs, _ := s.Events(ctx, 0, 0); len(evs) != 0 {
		t.Errorf("%d events written", len(evs))
	}
}

func TestDocumentRoundTrip(t *testing.T) {
	s := newStore(t)
	meta := json.RawMessage(`{"url": "https://example.org/1",  "date":"2019-04-05"}`)
	in := labels.Document{
		ExternalID: "ANER-1", SourceFile: "corpus/aner.conll", Title: "فرنسا",
		Text:     "فرنسا تدعو إلى وقف القتال",
		Metadata: meta,
		Tokens:   offs(0, 5, 6, 10, 11, 14, 15, 18, 19, 25),
	}
	res, err := s.AddDocuments(ctx, []labels.Document{in, {Text: "بلا رموز"}})
	must(t, err)
	got, err := s.Document(ctx, res.IDs[0])
	must(t, err)
	want := in
	want.ID, want.Order, want.Hash = res.IDs[0], 1, labels.TextHash(in.Text)
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("Document:\n got %+v\nwant %+v", got, want)
	}
	if string(got.Metadata) != string(meta) {
		t.Errorf("metadata not verbatim: %s", got.Metadata)
	}
	plain, err := s.DocumentByOrder(ctx, 2)
	must(t, err)
	if plain.ID != res.IDs[1] || plain.Tokens != nil || plain.Metadata != nil {
		t.Errorf("DocumentByOrder(2) = %+v", plain)
	}
	if _, err := s.Document(ctx, "no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document(missing) = %v", err)
	}
	if _, err := s.DocumentByOrder(ctx, 3); !errors.Is(err, ErrNotFound) {
		t.Errorf("DocumentByOrder(3) = %v", err)
	}
}

// addNumbered adds n short documents, numbered from 1, and returns their ids.
func addNumbered(t testing.TB, s *Store, n int) []string {
	t.Helper()
	docs := make([]labels.Document, n)
	for i := range docs {
		docs[i] = labels.Document{Text: fmt.Sprintf("الخبر رقم %d", i+1), Title: fmt.Sprint(i + 1)}
	}
	res, err := s.AddDocuments(ctx, docs)
	must(t, err)
	return res.IDs
}

func TestDocumentsPagingAfter(t *testing.T) {
	s := newStore(t)
	ids := addNumbered(t, s, 1000)
	var seen []string
	var after int64
	pages := 0
	for {
		page, err := s.Documents(ctx, Page{After: after, Limit: 100})
		must(t, err)
		if len(page) == 0 {
			break
		}
		pages++
		for _, sm := range page {
			if sm.Order != int64(len(seen)+1) {
				t.Fatalf("page %d: order %d after %d documents", pages, sm.Order, len(seen))
			}
			if sm.Status != labels.StatusTodo || sm.Title != fmt.Sprint(sm.Order) || sm.Runes == 0 {
				t.Fatalf("summary %+v", sm)
			}
			seen = append(seen, sm.ID)
		}
		after = page[len(page)-1].Order
	}
	if pages != 10 || fmt.Sprint(seen) != fmt.Sprint(ids) {
		t.Errorf("%d pages, %d documents seen; want 10 pages visiting each of the 1000 once in order", pages, len(seen))
	}
	def, err := s.Documents(ctx, Page{})
	must(t, err)
	if len(def) != DefaultPageSize {
		t.Errorf("default page has %d documents", len(def))
	}
}

// orders returns the Order of each summary.
func orders(list []labels.Summary) []int64 {
	out := make([]int64, len(list))
	for i, sm := range list {
		out[i] = sm.Order
	}
	return out
}

func TestDocumentsPagingBefore(t *testing.T) {
	s := newStore(t)
	addNumbered(t, s, 250)
	page, err := s.Documents(ctx, Page{Before: 201, Limit: 100})
	must(t, err)
	if o := orders(page); len(o) != 100 || o[0] != 101 || o[99] != 200 {
		t.Errorf("Before 201: orders %v", o)
	}
	page, err = s.Documents(ctx, Page{Before: 31, Limit: 100})
	must(t, err)
	if o := orders(page); len(o) != 30 || o[0] != 1 || o[29] != 30 {
		t.Errorf("Before 31: orders %v", o)
	}
	page, err = s.Documents(ctx, Page{After: 10, Before: 15})
	must(t, err)
	if o := fmt.Sprint(orders(page)); o != "[11 12 13 14]" {
		t.Errorf("After 10 Before 15: %s", o)
	}
	// Walking back from the end visits everything once, each page ascending.
	var back []int64
	before := int64(251)
	for {
		page, err := s.Documents(ctx, Page{Before: before, Limit: 60})
		must(t, err)
		if len(page) == 0 {
			break
		}
		back = append(orders(page), back...)
		before = page[0].Order
	}
	for i, o := range back {
		if o != int64(i+1) {
			t.Fatalf("walking back: %v", back)
		}
	}
	if len(back) != 250 {
		t.Errorf("walking back saw %d documents", len(back))
	}
}

func TestDocumentsStatusFilter(t *testing.T) {
	s := newStore(t)
	ids := addNumbered(t, s, 50)
	set := func(i int, annotator string, st labels.Status) {
		t.Helper()
		must(t, s.SetState(ctx, labels.DocState{DocID: ids[i-1], Annotator: annotator, Status: st}))
	}
	for _, i := range []int{5, 3, 40, 17} {
		set(i, "salma", labels.StatusDone)
	}
	set(8, "salma", labels.StatusFlagged)
	set(9, "salma", labels.StatusTodo) // a row that says todo
	set(3, "omar", labels.StatusSkipped)
	set(20, "omar", labels.StatusDone)

	list := func(p Page) string {
		t.Helper()
		page, err := s.Documents(ctx, p)
		must(t, err)
		for _, sm := range page {
			if p.Status != "" && sm.Status != p.Status {
				t.Errorf("%+v: summary %d has status %s", p, sm.Order, sm.Status)
			}
		}
		return fmt.Sprint(orders(page))
	}
	for _, c := range []struct {
		p    Page
		want string
	}{
		{Page{Annotator: "salma", Status: labels.StatusDone}, "[3 5 17 40]"},
		{Page{Annotator: "salma", Status: labels.StatusDone, After: 5}, "[17 40]"},
		{Page{Annotator: "salma", Status: labels.StatusDone, Limit: 2}, "[3 5]"},
		{Page{Annotator: "salma", Status: labels.StatusDone, Before: 40}, "[3 5 17]"},
		{Page{Annotator: "salma", Status: labels.StatusDone, Before: 40, Limit: 1}, "[17]"},
		{Page{Annotator: "salma", Status: labels.StatusFlagged}, "[8]"},
		{Page{Annotator: "salma", Status: labels.StatusTodo, Limit: 10}, "[1 2 4 6 7 9 10 11 12 13]"},
		{Page{Annotator: "salma", Status: labels.StatusTodo, After: 38}, "[39 41 42 43 44 45 46 47 48 49 50]"},
		{Page{Annotator: "omar", Status: labels.StatusDone}, "[20]"},
		{Page{Annotator: "nobody", Status: labels.StatusDone}, "[]"},
		{Page{Status: labels.StatusDone}, "[3 5 17 20 40]"},
		{Page{Status: labels.StatusSkipped}, "[3]"},
		{Page{Status: labels.StatusTodo, Limit: 8}, "[1 2 4 6 7 9 10 11]"},
	} {
		if got := list(c.p); got != c.want {
			t.Errorf("%+v: %s, want %s", c.p, got, c.want)
		}
	}
	page, err := s.Documents(ctx, Page{Annotator: "salma", Limit: 10})
	must(t, err)
	var got []string
	for _, sm := range page {
		got = append(got, fmt.Sprintf("%d:%s", sm.Order, sm.Status))
	}
	want := "[1:todo 2:todo 3:done 4:todo 5:done 6:todo 7:todo 8:flagged 9:todo 10:todo]"
	if fmt.Sprint(got) != want {
		t.Errorf("salma's list: %v, want %s", got, want)
	}
	if _, err := s.Documents(ctx, Page{Status: "finished"}); !errors.Is(err, labels.ErrBadStatus) {
		t.Errorf("unknown status: %v", err)
	}
}

// TestDocumentsQueryPlans checks that every kind of page is read from an index in order,
// without sorting and without scanning the texts.
func TestDocumentsQueryPlans(t *testing.T) {
	s := newStore(t)
	for _, p := range []Page{
		{After: 10}, {Before: 10}, {After: 10, Annotator: "a"},
		{After: 10, Annotator: "a", Status: labels.StatusTodo},
		{After: 10, Annotator: "a", Status: labels.StatusDone},
		{Before: 10, Annotator: "a", Status: labels.StatusDone},
		{After: 10, Status: labels.StatusDone}, {After: 10, Status: labels.StatusTodo},
	} {
		query, args := pageQuery(p)
		rows, err := s.r.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
		must(t, err)
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			must(t, rows.Scan(&id, &parent, &unused, &detail))
			plan = append(plan, detail)
		}
		rows.Close()
		all := strings.Join(plan, "; ")
		if strings.Contains(all, "TEMP B-TREE") || !strings.Contains(all, "INDEX") ||
			strings.Contains(all, "SCAN d ") || strings.HasSuffix(all, "SCAN d") {
			t.Errorf("%+v: plan %s", p, all)
		}
	}
}
