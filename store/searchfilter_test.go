package store

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/labels"
)

// searchWords are what the texts of randomProject are made of: forms that search folds
// together, with proclitics, harakat and punctuation.
var searchWords = []string{"طرابلس", "وطرابلس", "بطرابلس", "الجيش", "للجيش", "الوطني", "مُحَمَّد", "محمد",
	"أحمد", "احمد", "المدينة", "المدينه", "٢٠١٩", "2019", "قال", "في", "ISIS", "isis", "،", ".", "جنيف"}

// searchQueries are the texts its searches look for.
var searchQueries = []string{"", "", "طرابلس", "الجيش", "جيش", "محمد", "احمد", "المدينة", "2019", "isis",
	"الجيش الوطني", "في طرابلس", "جنيف"}

// randomProject makes a project of n documents where amal, badr and salma have spans, statuses
// and stances at random, written by an import and by the window's calls (spans added, moved,
// relabeled and removed, undone).
func randomProject(t *testing.T, r *rand.Rand, n int) *Store {
	t.Helper()
	s := newStore(t)
	must(t, s.SetSchema(ctx, "admin", testSchema(labels.NestingFlat)))
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal"})
	must(t, err)
	ents := []string{"PERS", "ORG", "LOC", "MISC"}
	for i := 0; i < n; i++ {
		words := make([]string, 3+r.IntN(12))
		for j := range words {
			words[j] = searchWords[r.IntN(len(searchWords))]
		}
		text := fmt.Sprintf("%d %s", i, strings.Join(words, " "))
		rec := labels.Annotated{Doc: labels.Document{Text: text}}
		if r.IntN(3) == 0 {
			tok := arabic.Tokenize(text)[1+r.IntN(len(words))]
			rec.Spans = []labels.Span{{Start: tok.Start, End: tok.End, Text: tok.Text, Label: ents[r.IntN(4)], Kind: labels.KindEntity}}
		}
		if r.IntN(4) == 0 {
			rec.Status = labels.StatusDone
		}
		must(t, imp.Add(rec))
	}
	_, err = imp.Commit()
	must(t, err)
	page, err := s.Documents(ctx, Page{Limit: n})
	must(t, err)
	for i := 0; i < n/2; i++ {
		d := page[r.IntN(n)]
		who := []string{"amal", "badr", "salma"}[r.IntN(3)]
		switch r.IntN(5) {
		case 0:
			doc, err := s.Document(ctx, d.ID)
			must(t, err)
			tok := arabic.Tokenize(doc.Text)[0]
			sp := labels.Span{DocID: d.ID, Annotator: who, Start: tok.Start, End: tok.End, Text: tok.Text,
				Label: ents[r.IntN(4)], Kind: labels.KindEntity, Origin: labels.OriginManual}
			if _, err := s.AddSpan(ctx, sp); err == nil && r.IntN(2) == 0 {
				_, err := s.Undo(ctx, who)
				must(t, err)
			}
		case 1:
			spans, err := s.Spans(ctx, d.ID, who)
			must(t, err)
			if len(spans) > 0 && r.IntN(2) == 0 {
				must(t, s.DeleteSpan(ctx, who, d.ID, spans[0].ID))
			} else if len(spans) > 0 {
				spans[0].Label = ents[r.IntN(4)]
				_, err := s.UpdateSpan(ctx, spans[0])
				must(t, err)
			}
		case 2:
			st := []labels.Status{labels.StatusTodo, labels.StatusInProgress, labels.StatusDone, labels.StatusSkipped}[r.IntN(4)]
			must(t, s.SetState(ctx, labels.DocState{DocID: d.ID, Annotator: who, Status: st}))
		case 3:
			ds := labels.DocStance{DocID: d.ID, Annotator: who, Target: []string{"lna", "gna"}[r.IntN(2)],
				Label: []string{"FAVOR", "AGAINST", "NEUTRAL"}[r.IntN(3)]}
			must(t, s.SetDocStance(ctx, ds))
		case 4:
			stances, err := s.DocStances(ctx, d.ID, who)
			must(t, err)
			if len(stances) > 0 {
				must(t, s.ClearDocStance(ctx, d.ID, who, stances[0].Target))
			}
		}
	}
	return s
}

// bruteSearch finds the hits of q by reading every document and its annotations.
func bruteSearch(t *testing.T, s *Store, q Query) []string {
	t.Helper()
	p := arabic.NewPhrase(q.Text, q.Exact)
	n, err := s.CountDocuments(ctx)
	must(t, err)
	var out []string
	for ord := int64(1); ord <= int64(n); ord++ {
		d, err := s.DocumentByOrder(ctx, ord)
		must(t, err)
		ms := p.Find(d.Text)
		if (len(p.Words) > 0 && len(ms) == 0) || !bruteFilters(t, s, q, d.ID) {
			continue
		}
		runes := []rune(d.Text)
		texts := make([]string, len(ms))
		for i, m := range ms {
			texts[i] = string(runes[m.Start:m.End])
		}
		out = append(out, fmt.Sprintf("%d:%s", ord, strings.Join(texts, "|")))
	}
	return out
}

// bruteFilters reports whether the document passes q's filters, from its rows.
func bruteFilters(t *testing.T, s *Store, q Query, docID string) bool {
	t.Helper()
	mine := func(who string) bool { return q.Annotator == "" || who == q.Annotator }
	spans, err := s.Spans(ctx, docID, "")
	must(t, err)
	stances, err := s.DocStances(ctx, docID, "")
	must(t, err)
	statuses := map[string]labels.Status{}
	must(t, eachRow(ctx, s.r, "SELECT annotator, status FROM doc_state WHERE doc_id = ?", []any{docID}, func(rows *sql.Rows) error {
		var who, st string
		if err := rows.Scan(&who, &st); err != nil {
			return err
		}
		statuses[who] = labels.Status(st)
		return nil
	}))
	hasSpan := slices.ContainsFunc(spans, func(sp labels.Span) bool {
		return mine(sp.Annotator) && (q.Label == "" || strings.EqualFold(sp.Label, q.Label))
	})
	hasStance := slices.ContainsFunc(stances, func(ds labels.DocStance) bool {
		return mine(ds.Annotator) && (q.Target == "" || ds.Target == q.Target) && (q.Stance == "" || ds.Label == q.Stance)
	})
	moved := false
	for who, st := range statuses {
		moved = moved || (mine(who) && st != labels.StatusTodo)
	}
	switch {
	case q.Label == "" && q.Status == "" && q.Target == "" && q.Stance == "":
		return q.Annotator == "" || hasSpan || hasStance || moved
	case q.Label != "" && !hasSpan, (q.Target != "" || q.Stance != "") && !hasStance:
		return false
	case q.Status == labels.StatusTodo:
		return !moved
	case q.Status != "":
		for who, st := range statuses {
			if mine(who) && st == q.Status {
				return true
			}
		}
		return false
	}
	return true
}

// TestSearchAgainstRows compares searches of every kind, with their filters combined, with
// what the rows of a project written at random say, before and after indexing.
func TestSearchAgainstRows(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 7))
	s := randomProject(t, r, 300)
	pick := func(list ...string) string { return list[r.IntN(len(list))] }
	for round := 0; round < 2; round++ {
		if round == 1 {
			must(t, s.IndexSearch(ctx, nil))
		}
		for i := 0; i < 150; i++ {
			q := Query{
				Text:      searchQueries[r.IntN(len(searchQueries))],
				Exact:     r.IntN(4) == 0,
				Label:     pick("", "", "PERS", "loc", "MISC"),
				Annotator: pick("", "", "amal", "badr", "salma"),
				Status:    labels.Status(pick("", "", "", "todo", "done", "skipped", "in_progress")),
				Target:    pick("", "", "", "lna", "gna"),
				Stance:    pick("", "", "", "FAVOR", "AGAINST"),
			}
			want := bruteSearch(t, s, q)
			limit := 1 + r.IntN(40)
			if got := matched(t, s, searchAll(t, s, q, limit)); !slices.Equal(got, want) {
				t.Errorf("round %d: %+v, pages of %d:\n got %q\nwant %q", round, q, limit, got, want)
			}
		}
	}
	problems, err := s.Check(ctx)
	must(t, err)
	for _, p := range problems {
		t.Errorf("check: %s", p)
	}
}

// TestSearchIndexesChecked: spans and stances written behind the store's back are missing
// from the filters' indexes, which check reports and --recount writes again.
func TestSearchIndexesChecked(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, "قال أحمد المسماري", "دخلت القوات طرابلس")
	_, err := s.AddSpan(ctx, entity(t, ids[0], "amal", "قال أحمد المسماري", "أحمد", "PERS"))
	must(t, err)
	for _, q := range []string{
		`UPDATE span_sets SET spans = replace(spans, '"PERS"', '"LOC"')`,
		`INSERT INTO doc_stance VALUES ('` + ids[1] + `', 'badr', 'lna', 'FAVOR', '2026-01-01T00:00:00.000000000Z')`,
		`DELETE FROM search_stance`,
	} {
		_, err := s.w.ExecContext(ctx, q)
		must(t, err)
	}
	problems, err := s.Check(ctx)
	must(t, err)
	var got []string
	for _, p := range problems {
		if strings.HasPrefix(p.What, "search:") {
			got = append(got, p.What)
		}
	}
	want := []string{
		`search: the index search_labels lacks a span labeled LOC by "amal" in document 1 (check --recount writes it again)`,
		`search: the index search_labels holds a span labeled PERS by "amal" in document 1 (check --recount writes it again)`,
		`search: the index search_stance lacks a stance toward lna, FAVOR, by "badr" on document 2 (check --recount writes it again)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("check:\n%s", strings.Join(got, "\n"))
	}
	must(t, s.Recount(ctx))
	problems, err = s.Check(ctx)
	must(t, err)
	if len(problems) > 0 {
		t.Errorf("after Recount: %v", problems)
	}
	for q, want := range map[Query]int{{Label: "LOC"}: 1, {Label: "PERS"}: 0, {Stance: "FAVOR", Annotator: "badr"}: 1} {
		if hits, err := s.Search(ctx, q, 0); err != nil || len(hits) != want {
			t.Errorf("%+v: %d hits, %v", q, len(hits), err)
		}
	}
}
