package jobs

import (
	"errors"
	"fmt"
	"slices"
	"sync/atomic"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/store"
)

// MaxErrs is how many errors about records an ImportTally keeps; it counts the rest
// (Problems), so that a huge file of bad lines cannot fill memory with its messages.
const MaxErrs = 100

// ImportTally is what an import did, over all its files.
type ImportTally struct {
	Files, Added, Duplicates, Spans, Bad int
	Stances                              int // document stances added, Attached included
	Suggestions                          int // suggestions stored (a model's predictions, native records')
	// AttachedSpans and Attached count the spans and document stances (included in Spans and
	// Stances) added to documents already in the project; Statuses the statuses set there.
	AttachedSpans, Attached, Statuses int
	// Conflicts counts the records (lenient mode) whose annotations of a document already in
	// the project differed from those there: the ones there were kept.
	Conflicts int
	// SkippedFiles counts the files left out whole because of errors: in strict mode any
	// error, in lenient mode those of the file as a whole (unreadable, empty, a CSV header
	// without the text column, labels the schema lacks, no good record).
	SkippedFiles int
	// Errs holds the problems, as *corpus.Error: first every one about a file as a whole (why
	// a file was left out), then the first MaxErrs about records.
	Errs      []error
	Problems  int      // how many problems there were, Errs and those past MaxErrs
	NewLabels []string // labels added to the schema
	fileErrs  int      // the problems about whole files at the head of Errs
	records   int
	read      *atomic.Int64 // bytes of the input files read, the files before this one included
	total     int64         // bytes of all the input files; 0 when not known
}

// progress reports how far the import has gone, when the caller asked.
func (t *ImportTally) progress(o ImportOptions) {
	if o.Progress != nil {
		o.Progress(Progress{Records: t.records, Done: t.read.Load(), Total: t.total})
	}
}

// note keeps a problem, or only counts it once MaxErrs about records are kept. A problem
// with a file as a whole is always kept, ahead of those about records, so that the reason a
// file was left out is never hidden behind its bad lines.
func (t *ImportTally) note(err error) {
	t.Problems++
	if e := (*corpus.Error)(nil); errors.As(err, &e) && e.Whole() {
		t.Errs = slices.Insert(t.Errs, t.fileErrs, err)
		t.fileErrs++
		return
	}
	if len(t.Errs)-t.fileErrs < MaxErrs {
		t.Errs = append(t.Errs, err)
	}
}

// FileErrs returns the problems about files as a whole, at the head of Errs.
func (t *ImportTally) FileErrs() []error { return t.Errs[:t.fileErrs] }

// fileRead counts a file read and reports whether it is left out whole: for any problem in
// strict mode, for a problem with the file as a whole always, and when none of its records
// could be imported. f is what feed found in it.
func (t *ImportTally) fileRead(name string, f fed, lenient bool) (skipped bool) {
	t.Files++
	t.Bad += f.bad
	switch {
	case f.whole || (f.bad > 0 && !lenient):
	case f.bad > 0 && f.good == 0:
		t.note(&corpus.Error{File: name, Err: fmt.Errorf("nothing was added from it: %s", allRefused(f.bad))})
	default:
		return false
	}
	t.SkippedFiles++
	return true
}

// add counts what one transaction of the import added.
func (t *ImportTally) add(res store.ImportResult) {
	t.Added += res.Added
	t.Duplicates += res.Duplicates
	t.Spans += res.Spans
	t.Stances += res.Stances
	t.AttachedSpans += res.AttachedSpans
	t.Attached += res.Attached
	t.Statuses += res.Statuses
	t.Suggestions += res.Suggestions
	t.NewLabels = append(t.NewLabels, res.NewLabels...)
}

// allRefused says that every one of n records of a file was refused.
func allRefused(n int) string {
	if n == 1 {
		return "its one record was refused"
	}
	return fmt.Sprintf("all %d of its records were refused", n)
}

// unknownLabels notes the labels the schema lacks of a file left out for its bad records,
// which Commit would have refused it for too: the file's every record is checked, and the
// reason that holds for the whole file is told whatever else is wrong with it.
func (t *ImportTally) unknownLabels(imp store.Import, name string, f fed) {
	if f.whole {
		return
	}
	if err := imp.Unknown(); err != nil {
		t.note(&corpus.Error{File: name, Err: err})
	}
}

// fed is what feed found in a file.
type fed struct {
	good, bad int  // records added (or found already there), records refused
	whole     bool // a problem with the file as a whole: none of it may be imported
}

// keptOfSkipped counts what the committed slices of a file left out whole had added before
// the file was found bad, and says so: a sliced import goes in as it is read.
func (t *ImportTally) keptOfSkipped(name string, kept store.ImportResult) {
	if kept.Added == 0 && kept.Stances == 0 && kept.Spans == 0 && kept.Statuses == 0 && kept.Suggestions == 0 {
		return
	}
	t.add(kept)
	t.note(&corpus.Error{File: name, Err: fmt.Errorf("the %d documents read before the first error are in the project: "+
		"it was open in another window or program, so the import committed the file as it read it; import the file again once it is fixed to add the rest", kept.Added)})
}
