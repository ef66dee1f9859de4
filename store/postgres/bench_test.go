package postgres

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/tawsim/tawsim/internal/pgtest"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/storetest"
)

// benchRecords makes n synthetic news articles of about 2,500 code points with ten entity
// spans each, as scripts/bench-io does for the file.
func benchRecords(n int) []labels.Annotated {
	recs := make([]labels.Annotated, n)
	for i := range recs {
		var b strings.Builder
		fmt.Fprintf(&b, "الخبر رقم %d\n", i)
		for j := 0; labels.RuneLen(b.String()) < 2500; j++ {
			b.WriteString(storetest.Texts[(i+j)%len(storetest.Texts)])
			b.WriteString(" ")
		}
		text := b.String()
		rec := labels.Annotated{Doc: labels.Document{Text: text, ExternalID: fmt.Sprintf("news-%d", i), SourceFile: "bench.jsonl"}}
		at := 0
		for range 10 {
			k := strings.Index(text[at:], "طرابلس")
			if k < 0 {
				k = strings.Index(text[at:], "الوطني")
			}
			if k < 0 {
				break
			}
			w := "طرابلس"
			if !strings.HasPrefix(text[at+k:], w) {
				w = "الوطني"
			}
			start := labels.RuneLen(text[:at+k])
			rec.Spans = append(rec.Spans, labels.Span{Start: start, End: start + labels.RuneLen(w), Text: w, Label: "LOC", Kind: labels.KindEntity})
			at += k + len(w)
		}
		recs[i] = rec
	}
	return recs
}

// BenchmarkImportAgainstCopy imports TAWSIM_BENCH_DOCS articles (default 50,000) into a fresh
// server project, then has psql \copy the same rows (the documents' and the span sets' columns,
// as the import stores them) into bare tables of another database, and reports both times and
// their ratio (goal: within 2). Run it alone: go test -run - -bench ImportAgainstCopy -benchtime 1x ./store/postgres
func BenchmarkImportAgainstCopy(b *testing.B) {
	n := 50000
	if v, err := strconv.Atoi(os.Getenv("TAWSIM_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	recs := benchRecords(n)
	for range b.N {
		s, err := Open(ctx, pgtest.Database(b))
		if err != nil {
			b.Fatal(err)
		}
		if err := s.SetSchema(ctx, "admin", storetest.Schema(labels.NestingFlat)); err != nil {
			b.Fatal(err)
		}
		began := time.Now()
		imp, err := s.BeginImport(ctx, store.ImportOptions{Annotator: "amal", Source: "bench.jsonl"})
		if err != nil {
			b.Fatal(err)
		}
		for _, rec := range recs {
			if err := imp.Add(rec); err != nil {
				b.Fatal(err)
			}
		}
		res, err := imp.Commit()
		if err != nil || res.Added != n {
			b.Fatalf("import: %+v, %v", res, err)
		}
		took := time.Since(began)
		copied := copyTime(b, s)
		s.Close()
		b.ReportMetric(took.Seconds(), "import-s")
		b.ReportMetric(copied.Seconds(), "psql-copy-s")
		b.ReportMetric(took.Seconds()/copied.Seconds(), "ratio")
	}
}

// copyTime writes the rows the import stored to files, and times psql's \copy of them into
// bare tables (the same columns, no index but the keys) of a fresh database.
func copyTime(b *testing.B, s *Store) time.Duration {
	dir := b.TempDir()
	docs, sets := filepath.Join(dir, "docs.tsv"), filepath.Join(dir, "sets.tsv")
	for _, f := range []struct{ path, query string }{
		{docs, "COPY (SELECT ord, id, external_id, source_file, title, hash, runes, created, metadata, tokens, text FROM documents) TO STDOUT"},
		{sets, "COPY (SELECT doc_id, annotator, spans FROM span_sets) TO STDOUT"},
	} {
		out, err := os.Create(f.path)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriter(out)
		conn, err := s.pool.Acquire(ctx)
		if err != nil {
			b.Fatal(err)
		}
		_, err = conn.Conn().PgConn().CopyTo(ctx, w, f.query)
		conn.Release()
		if err == nil {
			err = w.Flush()
		}
		if err := out.Close(); err != nil {
			b.Fatal(err)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	url := pgtest.Database(b)
	psql := pgtest.Shared(b).Bin("psql")
	run := func(args ...string) {
		cmd := exec.Command(psql, append([]string{url, "-v", "ON_ERROR_STOP=1", "-q"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("psql: %v: %s", err, out)
		}
	}
	run("-c", `CREATE TABLE documents (ord bigint PRIMARY KEY, id text UNIQUE, external_id text, source_file text, title text,
hash text UNIQUE, runes integer, created text, metadata text, tokens bytea, text text);
CREATE TABLE span_sets (doc_id text, annotator text, spans text, PRIMARY KEY (doc_id, annotator))`)
	began := time.Now()
	run("-c", `\copy documents FROM '`+docs+`'`, "-c", `\copy span_sets FROM '`+sets+`'`)
	return time.Since(began)
}

// BenchmarkLabelAction times one label action's round trip on a local server: a span added
// (validated, its set written with the counts, the label index, the log and the undo stack,
// one transaction) then removed again, each an action. Goal: under 5 ms.
func BenchmarkLabelAction(b *testing.B) {
	s := benchProject(b)
	text, offs := wordsText(0, 600)
	res, err := s.AddDocuments(ctx, []labels.Document{{Text: text}})
	if err != nil {
		b.Fatal(err)
	}
	for i, o := range offs[:300] { // an article with 300 spans of the annotator already
		w, _ := labels.Slice(text, o.Start, o.End)
		if _, err := s.AddSpan(ctx, labels.Span{DocID: res.IDs[0], Annotator: "amal", Start: o.Start, End: o.End, Text: w,
			Label: "LOC", Kind: labels.KindEntity, Origin: labels.OriginManual}); err != nil {
			b.Fatal(i, err)
		}
	}
	var last string
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 1 {
			if err := s.DeleteSpan(ctx, "amal", res.IDs[0], last); err != nil {
				b.Fatal(err)
			}
			continue
		}
		o := offs[300+(i/2)%300]
		w, _ := labels.Slice(text, o.Start, o.End)
		sp := labels.Span{ID: uuid.Must(uuid.NewV7()).String(), DocID: res.IDs[0], Annotator: "amal", Start: o.Start, End: o.End,
			Text: w, Label: "PERS", Kind: labels.KindEntity, Origin: labels.OriginManual}
		if _, err := s.AddSpan(ctx, sp); err != nil {
			b.Fatal(err)
		}
		last = sp.ID
	}
}

// benchProject opens a project with the contract's schema in a fresh database of the test
// server, closed when the benchmark ends.
func benchProject(b *testing.B) *Store {
	s, err := Open(ctx, pgtest.Database(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.SetSchema(ctx, "admin", storetest.Schema(labels.NestingFlat)); err != nil {
		b.Fatal(err)
	}
	return s
}
