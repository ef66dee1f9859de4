// Package jobs runs the long tasks that both programs offer: importing corpus files into a
// project and exporting a project as training data. tawsimctl and the window call the same
// code, so a file imported from either is imported the same way.
package jobs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/store"
)

// ImportOptions say how to import.
type ImportOptions struct {
	Format    string         // a corpus format name
	Corpus    corpus.Options // what the reader needs beyond the bytes
	Lenient   bool           // keep the good records of a file with bad ones
	AddLabels bool           // grow the schema instead of refusing labels it lacks
	Annotator string         // owns what a file does not attribute
	Stdin     io.Reader      // read for the path "-"
	// Exclusive takes the project for each file's import when nobody else has it open, which
	// halves what a large import writes (store.ImportOptions.Exclusive); others who open the
	// project meanwhile wait, then fail as busy. For commands, not for the window.
	Exclusive bool
	// Slice commits the import in slices of about 150 ms of work while others have the
	// project open (store.ImportOptions.Slice), so that their writes never wait for a whole
	// file. Exclusive imports slice when they cannot take the project.
	Slice bool
	// Progress, when set, is called now and then with how far the import has gone, on the
	// goroutine that called Import.
	Progress func(Progress)
}

// store returns the options of the store's import of source.
func (o ImportOptions) store(source string) store.ImportOptions {
	return store.ImportOptions{Annotator: o.Annotator, AddLabels: o.AddLabels, Source: source, Exclusive: o.Exclusive,
		Slice: o.Slice || o.Exclusive}
}

// MaxErrs is how many errors an ImportTally keeps; it counts the rest (Problems), so that a
// huge file of bad lines cannot fill memory with its messages.
const MaxErrs = 100

// ImportTally is what an import did, over all its files.
type ImportTally struct {
	Files, Added, Duplicates, Spans, Bad int
	Stances                              int // document stances added, Attached included
	Attached                             int // stances added to documents already in the project
	Conflicts                            int // stances left out: the document had another label toward the target
	// SkippedFiles counts the files left out whole because of errors: in strict mode any
	// error, in lenient mode those of the file as a whole (unreadable, a CSV header without
	// the text column, labels the schema lacks).
	SkippedFiles int
	Errs         []error  // the first MaxErrs problems, as *corpus.Error
	Problems     int      // how many problems there were, Errs and those past MaxErrs
	NewLabels    []string // labels added to the schema
	records      int
	read         *atomic.Int64 // bytes of the input files read, the files before this one included
	total        int64         // bytes of all the input files; 0 when not known
}

// progress reports how far the import has gone, when the caller asked.
func (t *ImportTally) progress(o ImportOptions) {
	if o.Progress != nil {
		o.Progress(Progress{Records: t.records, Done: t.read.Load(), Total: t.total})
	}
}

// note keeps a problem, or only counts it once MaxErrs are kept.
func (t *ImportTally) note(err error) {
	t.Problems++
	if len(t.Errs) < MaxErrs {
		t.Errs = append(t.Errs, err)
	}
}

// Import imports each file (a folder stands for the files of the format below it, "-" for
// Stdin), each in one transaction: a file with a bad record adds nothing unless Lenient.
func Import(ctx context.Context, st *store.Store, paths []string, o ImportOptions) (ImportTally, error) {
	var t ImportTally
	if _, err := corpus.NewReader(o.Format, "", strings.NewReader(""), o.Corpus); err != nil {
		return t, err
	}
	if err := corpus.CheckOptions(o.Format, o.Corpus); err != nil {
		return t, err
	}
	files, err := corpus.Files(paths, corpus.Extensions[o.Format])
	if err != nil {
		return t, err
	}
	t.read, t.total = new(atomic.Int64), totalSize(files)
	if strings.EqualFold(o.Format, "txt") {
		return t, importTexts(ctx, st, files, o, &t)
	}
	for _, name := range files {
		if err := importPath(ctx, st, name, o, &t); err != nil {
			return t, err
		}
		t.progress(o)
	}
	return t, nil
}

// totalSize returns the bytes of the files together, or 0 when one is standard input or
// cannot be measured.
func totalSize(files []string) int64 {
	var n int64
	for _, name := range files {
		fi, err := os.Stat(name)
		if name == "-" || err != nil || !fi.Mode().IsRegular() {
			return 0
		}
		n += fi.Size()
	}
	return n
}

// openInput opens the file name, or standard input for "-", counting its bytes in t. It
// returns the reader, the name to report ("stdin" for "-") and what closes it.
func openInput(name string, o ImportOptions, t *ImportTally) (io.Reader, string, func(), error) {
	if name == "-" {
		return countingReader{o.Stdin, t.read}, "stdin", func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, "", nil, err
	}
	return countingReader{f, t.read}, name, func() { f.Close() }, nil
}

// fileRead counts a file read with bad records, whole-file problems or neither, and reports
// whether it is left out whole: for any problem in strict mode, for a whole-file one always.
func (t *ImportTally) fileRead(bad int, whole, lenient bool) (skipped bool) {
	t.Files++
	t.Bad += bad
	if whole || (bad > 0 && !lenient) {
		t.SkippedFiles++
		return true
	}
	return false
}

// importPath imports one file (or standard input for "-") into st, all or nothing.
func importPath(ctx context.Context, st *store.Store, name string, o ImportOptions, t *ImportTally) error {
	r, name, closeInput, err := openInput(name, o, t)
	if err != nil {
		return err
	}
	defer closeInput()
	rd, err := corpus.NewReader(o.Format, name, r, o.Corpus)
	if err != nil {
		return err
	}
	imp, err := st.BeginImport(ctx, o.store(name))
	if err != nil {
		return err
	}
	defer imp.Rollback()
	bad, whole, err := feed(ctx, rd, imp, name, o, t)
	if err != nil {
		return err
	}
	if t.fileRead(bad, whole, o.Lenient) {
		t.keptOfSkipped(name, imp.Rollback())
		return nil
	}
	res, err := imp.Commit()
	if errors.Is(err, store.ErrUnknownLabels) {
		t.note(&corpus.Error{File: name, Err: err})
		t.SkippedFiles++
		return nil
	}
	if err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	t.add(res)
	return nil
}

// keptOfSkipped counts what the committed slices of a file left out whole had added before
// the file was found bad, and says so: a sliced import goes in as it is read.
func (t *ImportTally) keptOfSkipped(name string, kept store.ImportResult) {
	if kept.Added == 0 && kept.Stances == 0 {
		return
	}
	t.add(kept)
	t.note(&corpus.Error{File: name, Err: fmt.Errorf("the %d documents read before the first error are in the project: "+
		"it was open in the window, so the import committed the file as it read it; import the file again once it is fixed to add the rest", kept.Added)})
}

// add counts what one transaction of the import added.
func (t *ImportTally) add(res store.ImportResult) {
	t.Added += res.Added
	t.Duplicates += res.Duplicates
	t.Spans += res.Spans
	t.Stances += res.Stances
	t.Attached += res.Attached
	t.Conflicts += res.Conflicts
	t.NewLabels = append(t.NewLabels, res.NewLabels...)
}

// feed reads every record of rd into imp, notes the problems in t and returns how many
// records were bad, and whether the file as a whole is (so that none of it may be
// imported). In strict mode it stops adding at the first bad record but reads on, to list
// them all.
func feed(ctx context.Context, rd corpus.Reader, imp *store.Importer, name string, o ImportOptions, t *ImportTally) (bad int, whole bool, err error) {
	results, stop := readAhead(ctx, rd)
	defer stop()
	for r := range results {
		rec, err := r.rec, r.err
		if errors.Is(err, io.EOF) {
			return bad, whole, nil
		}
		var recErr *corpus.Error
		if errors.As(err, &recErr) {
			t.note(err)
			if recErr.Whole() {
				whole = true
			} else {
				bad++
			}
			continue
		}
		if err != nil {
			return 0, false, fmt.Errorf("%s: %w", name, err)
		}
		t.records++
		if t.records%256 == 0 {
			t.progress(o)
		}
		if whole || (bad > 0 && !o.Lenient) {
			continue
		}
		if err := imp.Add(rec.Annotated); err != nil {
			if ctx.Err() != nil {
				return 0, false, ctx.Err() // the transaction went with the context
			}
			var refused *store.RecordError
			if !errors.As(err, &refused) {
				return 0, false, fmt.Errorf("%s:%d: %w", name, rec.Line, err)
			}
			t.note(&corpus.Error{File: name, Line: rec.Line, Err: refused.Err})
			bad++
		}
	}
	return 0, false, ctx.Err()
}
