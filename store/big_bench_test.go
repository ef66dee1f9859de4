package store

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/tawsim/tawsim/labels"
)

// bigEnv names a folder where the benchmarks on a project of a million documents keep it: it
// is built there once (a few minutes) and reused. Without it they are skipped.
const bigEnv = "TAWSIM_BENCH_BIG"

// bigDocs is the size of that project.
const bigDocs = 1_000_000

// bigProject returns the path of the million-document project, building it when missing.
// The annotator "amal" has done the first 150,000 documents, then a mix of statuses over the
// next 100,000 (in progress, skipped, flagged, done), and labeled spans in 50,000 of them;
// "badr" has done every hundredth document.
func bigProject(b *testing.B) string {
	path, s := startBig(b, "big")
	if s == nil {
		return path
	}
	imp, err := s.BeginImport(ctx, ImportOptions{Annotator: "amal", Exclusive: true})
	if err != nil {
		b.Fatal(err)
	}
	statuses := []labels.Status{labels.StatusInProgress, labels.StatusSkipped, labels.StatusFlagged,
		labels.StatusDone, labels.StatusDone, labels.StatusTodo, labels.StatusTodo}
	for i := 1; i <= bigDocs; i++ {
		rec := labels.Annotated{Doc: labels.Document{Title: fmt.Sprintf("خبر %d", i),
			Text: fmt.Sprintf("خبر %d\n%s", i, newsText(uint64(i%997), 300))}}
		switch {
		case i <= 150_000:
			rec.Status = labels.StatusDone
		case i <= 250_000:
			rec.Status = statuses[i%len(statuses)]
		}
		if i <= 50_000 {
			rec.Spans = []labels.Span{{Start: 0, End: 3, Text: "خبر", Label: "MISC", Kind: labels.KindEntity}}
		}
		if err := imp.Add(rec); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := imp.Commit(); err != nil {
		b.Fatal(err)
	}
	var states []labels.DocState
	page, err := s.Documents(ctx, Page{Limit: bigDocs})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < len(page); i += 100 {
		states = append(states, labels.DocState{DocID: page[i].ID, Annotator: "badr", Status: labels.StatusDone})
	}
	if err := setStates(s, states); err != nil {
		b.Fatal(err)
	}
	return endBig(b, s, path)
}

// startBig returns the path in $TAWSIM_BENCH_BIG of the project of a million documents called
// name, named after the schema it was built with so that a changed migration builds it again,
// and, when it is not built yet, a store open on a new project with testSchema beside that
// path, to fill and give to endBig.
func startBig(b *testing.B, name string) (string, *Store) {
	dir := os.Getenv(bigEnv)
	if dir == "" {
		b.Skipf("set %s to a folder to keep a project of a million documents in", bigEnv)
	}
	h := sha256.New()
	for _, m := range migrations {
		h.Write([]byte(m.SQL))
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%d-%x.tawsim", name, bigDocs, h.Sum(nil)[:6]))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	os.Remove(path + ".building")
	s, err := Open(path + ".building")
	if err != nil {
		b.Fatal(err)
	}
	if err := s.SetSchema(ctx, "admin", testSchema(labels.NestingFlat)); err != nil {
		b.Fatal(err)
	}
	return path, s
}

// endBig closes the project that startBig began and puts it at path.
func endBig(b *testing.B, s *Store, path string) string {
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(path+".building", path); err != nil {
		b.Fatal(err)
	}
	return path
}

// openCold opens the project at path after asking the kernel to drop its cached pages, as
// after a restart of the machine.
func openCold(b *testing.B, path string) *Store {
	b.Helper()
	for _, name := range []string{path, path + "-wal"} {
		if f, err := os.Open(name); err == nil {
			unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED)
			f.Close()
		}
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkBigCounts reads amal's counts (the header's "done" and the statuses) from a cold
// project of a million documents. Goal: under 100 ms.
func BenchmarkBigCounts(b *testing.B) {
	path := bigProject(b)
	for b.Loop() {
		b.StopTimer()
		s := openCold(b, path)
		b.StartTimer()
		st, err := s.Stats(ctx, "amal")
		b.StopTimer()
		if err != nil || st.Documents != bigDocs || st.Status[labels.StatusDone] < 150_000 {
			b.Fatalf("%+v, %v", st, err)
		}
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkBigFirstPage reads the first page of the list of each status (and of all) for amal
// from a cold project of a million documents. Goal: under 200 ms each.
func BenchmarkBigFirstPage(b *testing.B) {
	path := bigProject(b)
	for _, status := range append([]labels.Status{""}, labels.Statuses...) {
		name := string(status)
		if name == "" {
			name = "all"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				s := openCold(b, path)
				b.StartTimer()
				page, err := s.Documents(ctx, Page{Annotator: "amal", Status: status, Limit: 200})
				b.StopTimer()
				if err != nil || len(page) != 200 {
					b.Fatalf("%d documents, %v", len(page), err)
				}
				s.Close()
				b.StartTimer()
			}
		})
	}
}
