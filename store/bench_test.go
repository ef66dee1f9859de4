package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// BenchmarkAddDocuments imports batches of 1,000 news-length Arabic documents (about 2,500
// characters each), one transaction per batch.
func BenchmarkAddDocuments(b *testing.B) {
	s := newStore(b)
	bodies := make([]string, 50)
	for i := range bodies {
		bodies[i] = newsText(uint64(i), 2500)
	}
	const batch = 1000
	docs := make([]labels.Document, batch)
	n := 0
	for b.Loop() {
		for i := range docs {
			n++
			docs[i] = labels.Document{Text: fmt.Sprintf("%d %s", n, bodies[n%len(bodies)]), SourceFile: "bench.jsonl"}
		}
		res, err := s.AddDocuments(ctx, docs)
		if err != nil || res.Added != batch {
			b.Fatalf("%+v, %v", res, err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkAddSpan adds one span per transaction to a document that already has 300 spans:
// the cost of one labeling action in the GUI (validation, write, event, commit).
func BenchmarkAddSpan(b *testing.B) {
	text := newsText(9, 2500)
	s, ids := newProject(b, labels.NestingOverlap, text)
	runes := labels.RuneLen(text)
	span := func(i int) labels.Span {
		start := (i * 7) % (runes - 20)
		end := start + 3 + (i/(runes-20))%10
		word, _ := labels.Slice(text, start, end)
		return labels.Span{DocID: ids[0], Annotator: "salma", Start: start, End: end, Text: word,
			Label: []string{"PERS", "ORG", "LOC", "MISC"}[i%4], Kind: labels.KindEntity, Origin: labels.OriginManual}
	}
	existing := make([]labels.Span, 300)
	for i := range existing {
		existing[i] = span(i)
	}
	if _, err := s.AddSpans(ctx, existing); err != nil {
		b.Fatal(err)
	}
	i := len(existing)
	for b.Loop() {
		if _, err := s.AddSpan(ctx, span(i)); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "commits/s")
}

// pageProject is a project of 100,000 documents, made once for BenchmarkDocumentsPage.
var pageProject struct {
	once sync.Once
	dir  string
	path string
	ids  []string
	err  error
}

// pageProjectPath creates the 100,000-document project the first time it is asked for.
func pageProjectPath(b *testing.B) string {
	pageProject.once.Do(func() {
		pageProject.dir, pageProject.err = os.MkdirTemp("", "tawsim-bench-")
		if pageProject.err != nil {
			return
		}
		pageProject.path = filepath.Join(pageProject.dir, "big.tawsim")
		pageProject.err = fillPageProject(pageProject.path)
	})
	if pageProject.err != nil {
		b.Fatal(pageProject.err)
	}
	return pageProject.path
}

// fillPageProject adds 100,000 documents of about 1,000 characters, and marks every tenth
// done and every 97th flagged for one annotator.
func fillPageProject(path string) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	bodies := make([]string, 50)
	for i := range bodies {
		bodies[i] = newsText(uint64(i), 1000)
	}
	docs := make([]labels.Document, 5000)
	var ids []string
	for n := 0; n < 100_000; {
		for i := range docs {
			n++
			docs[i] = labels.Document{Text: fmt.Sprintf("%d %s", n, bodies[n%len(bodies)]), Title: fmt.Sprint("الخبر ", n)}
		}
		res, err := s.AddDocuments(ctx, docs)
		if err != nil {
			return err
		}
		ids = append(ids, res.IDs...)
	}
	for i, id := range ids {
		st := labels.StatusTodo
		switch {
		case i%97 == 0:
			st = labels.StatusFlagged
		case i%10 == 0:
			st = labels.StatusDone
		default:
			continue
		}
		if err := s.SetState(ctx, labels.DocState{DocID: id, Annotator: "salma", Status: st}); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkDocumentsPage reads pages of 100 summaries at spread-out places of a project of
// 100,000 documents.
func BenchmarkDocumentsPage(b *testing.B) {
	s := openStore(b, pageProjectPath(b))
	for _, c := range []struct {
		name string
		p    Page
	}{
		{"all", Page{}},
		{"annotator", Page{Annotator: "salma"}},
		{"done", Page{Annotator: "salma", Status: labels.StatusDone}},
		{"todo", Page{Annotator: "salma", Status: labels.StatusTodo}},
		{"flagged-any", Page{Status: labels.StatusFlagged}},
		{"before", Page{Annotator: "salma"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				p := c.p
				p.Limit = 100
				at := int64((i * 7919) % 90_000)
				if c.name == "before" {
					p.Before = at + 10_000
				} else {
					p.After = at
				}
				page, err := s.Documents(ctx, p)
				if err != nil || len(page) == 0 {
					b.Fatalf("%+v: %d, %v", p, len(page), err)
				}
				i++
			}
		})
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if pageProject.dir != "" {
		os.RemoveAll(pageProject.dir)
	}
	os.Exit(code)
}
