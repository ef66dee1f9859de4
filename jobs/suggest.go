package jobs

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/suggest"
)

// SuggestOptions say what a run of suggestions reads and which documents it suggests on.
type SuggestOptions struct {
	Gazetteers []string // gazetteer files (TSV), each a source named by the file's name
	Patterns   []string // patterns files (JSONL), each a source "patterns:" and the file's name
	Propagate  bool     // what annotators labeled suggests its label on the same text elsewhere
	// Status, when set, runs over the documents of that status only: Annotator's, or with no
	// Annotator those where any annotator has it (todo: those nobody has moved past todo).
	Status labels.Status
	// Annotator, when set, is the one whose entity spans make a suggestion needless: one that
	// lies on or overlaps a span of theirs is left out. Without it, anybody's spans do.
	Annotator string
	AddLabels bool   // add the labels of the sources that the schema lacks, instead of refusing them
	Author    string // who adds labels to the schema, for the project's log
	Workers   int    // goroutines matching texts; 0 for one per processor
	// Slice commits every 150 ms, so that the writes of the window that runs it never wait
	// long (it does so anyway when another program has the project open).
	Slice bool
	// Progress, when set, is called now and then with the documents read so far, on the
	// goroutine that called Suggest.
	Progress func(Progress)
}

// SuggestTally is what a run did.
type SuggestTally struct {
	Sources     []Source
	Documents   int // documents suggested on (those of the status asked for)
	Suggestions int // suggestions written
	Skipped     int // suggestions left out because they lie on annotations
	NewLabels   []string
	Committed   store.SuggestResult // what was written; when the run stopped early, what it kept
}

// Suggest runs the sources of o over the project's documents and writes what they suggest,
// replacing what the same sources suggested before on those documents (store.SuggestionRun).
// Texts are matched by o.Workers goroutines while the store writes. A run stopped by ctx
// keeps the documents it committed: Committed says how many.
func Suggest(ctx context.Context, st store.Project, o SuggestOptions) (SuggestTally, error) {
	var t SuggestTally
	src, err := readSources(ctx, st, o)
	if err != nil {
		return t, err
	}
	if len(src.list) == 0 {
		return t, errors.New("no source: name a gazetteer or a patterns file, or let propagation run")
	}
	if t.NewLabels, err = src.schemaLabels(ctx, st, o.Author, o.AddLabels); err != nil {
		return t, err
	}
	if err := src.tally(); err != nil {
		return t, err
	}
	t.Sources = src.list
	m, err := suggest.NewMatcher(src.entries, src.patterns)
	if err != nil {
		return t, err
	}
	src = sources{list: src.list} // the matcher holds what it needs
	total, err := st.CountDocuments(ctx)
	if err != nil {
		return t, err
	}
	names := make([]string, len(t.Sources))
	for i, s := range t.Sources {
		names[i] = s.Name
	}
	run, err := st.BeginSuggestions(ctx, names, o.Slice)
	if err != nil {
		return t, err
	}
	err = t.match(ctx, st, m, run, o, int64(total))
	if err != nil {
		t.Committed = run.Rollback()
		return t, err
	}
	t.Committed, err = run.Commit()
	return t, err
}

// matched is a document with what the sources suggest there.
type matched struct {
	doc     labels.Document
	sgs     []labels.Suggestion
	skipped int
}

// match reads the documents of o.Status, matches them on o.Workers goroutines and puts what
// they suggest into run, on the calling goroutine.
func (t *SuggestTally) match(ctx context.Context, st store.Project, m *suggest.Matcher, run store.Suggester,
	o SuggestOptions, total int64) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		doc   labels.Document
		spans covered
	}
	jobs, out := make(chan job, 4*workers), make(chan matched, 4*workers)
	var read atomic.Int64
	var readErr error
	go func() {
		defer close(jobs)
		readErr = st.EachDocumentWork(ctx, func(doc labels.Document, work []labels.Annotated) error {
			read.Add(1)
			if !hasStatus(work, o.Status, o.Annotator) {
				return nil
			}
			select {
			case jobs <- job{doc, coveredBy(work, o.Annotator)}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out <- suggestOn(m, j.doc, j.spans)
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	var err error
	for r := range out {
		if err != nil {
			continue // drain, so that the workers end
		}
		if err = run.Put(r.doc, r.sgs); err != nil {
			cancel()
			continue
		}
		t.Documents++
		t.Suggestions += len(r.sgs)
		t.Skipped += r.skipped
		if o.Progress != nil && t.Documents%256 == 0 {
			o.Progress(Progress{Records: t.Documents, Done: read.Load(), Total: total})
		}
	}
	if o.Progress != nil {
		o.Progress(Progress{Records: t.Documents, Done: read.Load(), Total: total})
	}
	if err == nil && readErr != nil {
		err = readErr
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// suggestOn matches the text of doc and leaves out what overlaps spans.
func suggestOn(m *suggest.Matcher, doc labels.Document, spans covered) matched {
	found := m.Match(doc.Text)
	r := matched{doc: doc, sgs: make([]labels.Suggestion, 0, len(found))}
	for _, g := range found {
		if spans.overlaps(g.Start, g.End) {
			r.skipped++
			continue
		}
		r.sgs = append(r.sgs, labels.Suggestion{DocID: doc.ID, Start: g.Start, End: g.End, Text: g.Text,
			Label: g.Label, Source: g.Source, Score: g.Score})
	}
	return r
}

// covered holds spans sorted by start, with the furthest end of each and those before it.
type covered struct {
	starts, ends []int
}

// coveredBy returns the entity spans of the annotator's record in work (of every record
// when annotator is "").
func coveredBy(work []labels.Annotated, annotator string) covered {
	var spans []labels.Span
	for _, rec := range work {
		if annotator == "" || rec.Annotator == annotator {
			spans = append(spans, rec.Spans...)
		}
	}
	slices.SortFunc(spans, func(a, b labels.Span) int { return a.Start - b.Start })
	var c covered
	for i, sp := range spans {
		end := sp.End
		if i > 0 {
			end = max(end, c.ends[i-1])
		}
		c.starts, c.ends = append(c.starts, sp.Start), append(c.ends, end)
	}
	return c
}

// overlaps reports whether [start, end) shares a code point with one of the spans.
func (c covered) overlaps(start, end int) bool {
	i, _ := slices.BinarySearch(c.starts, end) // the spans before i start before end
	return i > 0 && c.ends[i-1] > start
}

// hasStatus tells whether the document of work has status s (any when s is ""): for the
// annotator's record (todo without one), or, with no annotator, for any record, todo meaning
// that no annotator moved it past todo.
func hasStatus(work []labels.Annotated, s labels.Status, annotator string) bool {
	if s == "" {
		return true
	}
	for _, rec := range work {
		switch {
		case annotator != "" && rec.Annotator == annotator:
			return rec.Status == s
		case annotator == "" && s == labels.StatusTodo && rec.Status != labels.StatusTodo:
			return false
		case annotator == "" && s != labels.StatusTodo && rec.Status == s:
			return true
		}
	}
	return s == labels.StatusTodo
}

// String says what a run read, for a log.
func (s Source) String() string { return fmt.Sprintf("%s (%d entries)", s.Name, s.Entries) }
