package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-json"
)

// conllSentence is a sentence of a CoNLL file: its tokens and their IOB2 tags.
type conllSentence struct{ tokens, tags []string }

// entity is a span of tokens [start, end) of sentence s with a label.
type entity struct {
	s, start, end int
	label         string
}

func readCoNLL(t *testing.T, path string) []conllSentence {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []conllSentence
	var cur conllSentence
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" {
			if len(cur.tokens) > 0 {
				out = append(out, cur)
				cur = conllSentence{}
			}
			continue
		}
		tok, tag, _ := strings.Cut(line, " ")
		cur.tokens, cur.tags = append(cur.tokens, tok), append(cur.tags, tag)
	}
	return out
}

// entitiesOf reads the entities of IOB2 tags.
func entitiesOf(sents []conllSentence) []entity {
	var out []entity
	for s, sent := range sents {
		for i := 0; i < len(sent.tags); i++ {
			if !strings.HasPrefix(sent.tags[i], "B-") {
				continue
			}
			e := entity{s: s, start: i, end: i + 1, label: sent.tags[i][2:]}
			for e.end < len(sent.tags) && sent.tags[e.end] == "I-"+e.label {
				e.end++
			}
			out = append(out, e)
		}
	}
	return out
}

// writeCoNLL writes the tokens of sents with the tags of ents.
func writeCoNLL(t *testing.T, path string, sents []conllSentence, ents []entity) {
	t.Helper()
	tags := make([][]string, len(sents))
	for s, sent := range sents {
		tags[s] = make([]string, len(sent.tokens))
		for i := range tags[s] {
			tags[s][i] = "O"
		}
	}
	for _, e := range ents {
		tags[e.s][e.start] = "B-" + e.label
		for i := e.start + 1; i < e.end; i++ {
			tags[e.s][i] = "I-" + e.label
		}
	}
	var b strings.Builder
	for s, sent := range sents {
		for i, tok := range sent.tokens {
			fmt.Fprintf(&b, "%s %s\n", tok, tags[s][i])
		}
		b.WriteString("\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// edited returns the annotators' versions of the entities: a keeps them, b leaves out every
// fourth, c gives every fifth another label and takes in the next token of every seventh
// where that token is outside any entity.
func edited(sents []conllSentence, ents []entity) map[string][]entity {
	other := map[string]string{"LOC": "ORG", "ORG": "PER", "PER": "LOC"}
	out := map[string][]entity{"a": ents}
	for k, e := range ents {
		if k%4 != 3 {
			out["b"] = append(out["b"], e)
		}
		switch {
		case k%5 == 4:
			e.label = other[e.label]
		case k%7 == 6 && e.end < len(sents[e.s].tags) && sents[e.s].tags[e.end] == "O":
			e.end++
		}
		out["c"] = append(out["c"], e)
	}
	return out
}

// common counts the entities a and b share, with labels (strict) or without (boundaries).
func common(a, b []entity, labelled bool) int {
	key := func(e entity) entity {
		if !labelled {
			e.label = ""
		}
		return e
	}
	n := map[entity]int{}
	for _, e := range a {
		n[key(e)]++
	}
	m := 0
	for _, e := range b {
		if n[key(e)] > 0 {
			n[key(e)]--
			m++
		}
	}
	return m
}

// TestTeamOnAQMAR gives an AQMAR article to three annotators (two of whom change some of its
// entities), merges their projects, checks the agreement against counts made here from the
// tags, adjudicates by majority and exports the gold as CoNLL.
func TestTeamOnAQMAR(t *testing.T) {
	dir := t.TempDir()
	sents := readCoNLL(t, "testdata/aqmar/Damascus.txt")
	ents := entitiesOf(sents)
	versions := edited(sents, ents)
	var projects []string
	for _, who := range []string{"a", "b", "c"} {
		file := filepath.Join(dir, who+".conll")
		writeCoNLL(t, file, sents, versions[who])
		db := filepath.Join(dir, who+".tawsim")
		importOK(t, db, "--format", "conll", "--sentences-per-doc", "10", "--add-labels", "--annotator", who, file)
		projects = append(projects, db)
	}
	docs := (len(sents) + 9) / 10
	team := filepath.Join(dir, "team.tawsim")
	code, out, errOut := ctl(t, "", append([]string{"merge", "--db", team}, projects...)...)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("a.tawsim (a): %d documents (%d new), %d spans", docs, docs, len(ents))) {
		t.Fatalf("merge: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := ctl(t, "", "check", "--db", team); code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
	}

	r := readAgreement(t, team)
	if len(r.Spans.Pairs) != 3 {
		t.Fatalf("%d pairs, want 3", len(r.Spans.Pairs))
	}
	for _, p := range r.Spans.Pairs {
		a, b := versions[p.A], versions[p.B]
		m, bm := common(a, b, true), common(a, b, false)
		if p.Documents != docs || p.ASpans != len(a) || p.BSpans != len(b) || p.Matches != m || p.BoundaryMatches != bm {
			t.Errorf("%s-%s: documents %d, spans %d/%d, matches %d, boundary matches %d; want %d, %d/%d, %d, %d",
				p.A, p.B, p.Documents, p.ASpans, p.BSpans, p.Matches, p.BoundaryMatches, docs, len(a), len(b), m, bm)
		}
		near(t, p.A+"-"+p.B+" F1", p.F1, 2*float64(m)/float64(len(a)+len(b)), 5e-5)
	}

	// Majority: an entity that two of the three made.
	votes := map[entity]int{}
	for _, v := range versions {
		for _, e := range v {
			votes[e]++
		}
	}
	var gold []entity
	for _, e := range append(append([]entity{}, versions["a"]...), versions["c"]...) {
		if votes[e] >= 2 {
			gold = append(gold, e)
			votes[e] = 0 // once
		}
	}
	code, out, errOut = ctl(t, "", "adjudicate", "--db", team, "--curator", "gold", "--accept", "majority")
	want := fmt.Sprintf("%d curated, 0 left in progress with differences to review: %d spans", docs, len(gold))
	if code != 0 || !strings.Contains(out, want) {
		t.Fatalf("adjudicate: exit %d, want %q\n%s%s", code, want, out, errOut)
	}
	expected := filepath.Join(dir, "gold.conll")
	writeCoNLL(t, expected, sents, gold)
	wantGold, _ := os.ReadFile(expected)
	code, out, errOut = ctl(t, "", "export", "--db", team, "--format", "conll", "--annotator", "gold", "--status", "curated")
	if code != 0 || out != string(wantGold) {
		t.Fatalf("gold export: exit %d, %s\n%s", code, errOut, firstDiff(out, string(wantGold)))
	}
	if code, out, errOut := ctl(t, "", "check", "--db", team); code != 0 {
		t.Fatalf("check after adjudication: exit %d\n%s%s", code, out, errOut)
	}

	// The documents that disagree most, by their figures.
	code, out, _ = ctl(t, "", "agreement", "--db", team, "--annotators", "a,b,c", "--documents", "2", "--json")
	var withDocs struct {
		Documents []struct {
			Order     int
			Unmatched int
		}
	}
	if err := json.Unmarshal([]byte(out), &withDocs); code != 0 || err != nil || len(withDocs.Documents) != 2 ||
		withDocs.Documents[0].Unmatched < withDocs.Documents[1].Unmatched {
		t.Errorf("--documents 2: exit %d, %v, %+v", code, err, withDocs)
	}
}

// firstDiff shows where got and want first differ, by line.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d: got %q, want %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}
