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
	"runtime/debug"
	"sync/atomic"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// ImportOptions say how to import.
type ImportOptions struct {
	Format    string         // a corpus format name
	Corpus    corpus.Options // what the reader needs beyond the bytes
	Lenient   bool           // keep the good records of a file with bad ones
	AddLabels bool           // grow the schema instead of refusing labels it lacks
	Annotator string         // owns what a file does not attribute
	// Worked counts each record that names no annotator as Annotator's work, even without a
	// span: Annotator's status there becomes done where it is todo (store.ImportOptions.Mark).
	// Only for formats that carry annotations: a txt article, or a csv without a label
	// column, is text alone.
	Worked bool
	Stdin  io.Reader // read for the path "-"
	// Exclusive takes the project for the import of each file larger than ExclusiveFrom when
	// nobody else has it open, which halves what a large import writes
	// (store.ImportOptions.Exclusive); others who open the
	// project meanwhile wait, then fail as busy. For commands, not for the window.
	Exclusive bool
	// Slice commits the import in slices of about 150 ms of work (store.ImportOptions.Slice),
	// so that the writes of others who have the project open never wait for a whole file: for
	// the window's own imports. An Exclusive import slices a file when another program has
	// the project open (store.Store.OpenElsewhere).
	Slice bool
	// Progress, when set, is called now and then with how far the import has gone, on the
	// goroutine that called Import.
	Progress func(Progress)
}

// ExclusiveFrom is the size of the smallest file that an Exclusive import takes the project
// for. Taking it switches the journal mode, which rewrites the file's header even when the
// import is then refused; a smaller file goes in through WAL, where a refused import leaves
// the project file as it was, byte for byte, and the two writes of WAL cost little.
const ExclusiveFrom = 64 << 20

// store returns the options of the store's import of source into st, of size bytes (-1:
// unknown).
func (o ImportOptions) store(st store.Project, source string, size int64) store.ImportOptions {
	so := store.ImportOptions{Annotator: o.Annotator, AddLabels: o.AddLabels, Source: source,
		Exclusive: o.Exclusive && size > ExclusiveFrom, KeepFirst: o.Lenient,
		Slice: o.Slice || o.Exclusive && st.OpenElsewhere()}
	if o.Worked && carriesAnnotations(o.Format, o.Corpus) {
		so.Mark = labels.StatusDone
	}
	return so
}

// carriesAnnotations reports whether records of the format can hold annotations: all but
// plain text (txt, and csv without a label column).
func carriesAnnotations(format string, c corpus.Options) bool {
	switch format {
	case "txt":
		return false
	case "csv":
		return c.LabelColumn != ""
	}
	return true
}

// Import imports each file (a folder stands for the files of the format below it, "-" for
// Stdin), each in one transaction: a file with a bad record adds nothing unless Lenient.
func Import(ctx context.Context, st store.Project, paths []string, o ImportOptions) (ImportTally, error) {
	var t ImportTally
	f, err := corpus.LookupFor(o.Format, o.Corpus)
	if err != nil {
		return t, err
	}
	o.Format = f.Name
	if err := corpus.CheckOptions(f.Name, o.Corpus); err != nil {
		return t, err
	}
	files, unread, err := corpus.Files(paths, f.Extensions)
	if err != nil {
		return t, err
	}
	for _, e := range unread {
		t.note(e)
		t.Files++
		t.SkippedFiles++
	}
	t.read, t.total = new(atomic.Int64), totalSize(files)
	if f.FileIsRecord {
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
// returns the reader, the name to report ("stdin" for "-") and what closes it. A file that
// cannot be opened (no permission, gone since the folder was read) is noted in t as left out,
// and the reader is nil: the import goes on with the next file.
func openInput(name string, o ImportOptions, t *ImportTally) (io.Reader, string, func()) {
	if name == "-" {
		return countingReader{o.Stdin, t.read, -1}, "stdin", func() {}
	}
	f, err := os.Open(name)
	if err != nil {
		t.note(&corpus.Error{File: name, Err: fmt.Errorf("%w: %w", corpus.ErrRead, corpus.PathCause(err))})
		t.Files++
		t.SkippedFiles++
		return nil, name, nil
	}
	size := int64(-1)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	return countingReader{f, t.read, size}, name, func() { f.Close() }
}

// importPath imports one file (or standard input for "-") into st, all or nothing.
func importPath(ctx context.Context, st store.Project, name string, o ImportOptions, t *ImportTally) error {
	r, name, closeInput := openInput(name, o, t)
	if r == nil {
		return nil
	}
	defer closeInput()
	rd, err := corpus.NewReader(o.Format, name, r, o.Corpus)
	if err != nil {
		return err
	}
	imp, err := st.BeginImport(ctx, o.store(st, name, r.(countingReader).size))
	if err != nil {
		return err
	}
	defer imp.Rollback()
	f, err := feed(ctx, rd, imp, name, o, t)
	if err != nil {
		return err
	}
	if t.fileRead(name, f, o.Lenient) {
		t.unknownLabels(imp, name, f)
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

// feed reads every record of rd into imp, notes the problems in t and returns what it found
// (fed). In strict mode it stops adding at the first bad record but reads on, to list them
// all, and checks the labels of every record.
func feed(ctx context.Context, rd corpus.Reader, imp store.Import, name string, o ImportOptions, t *ImportTally) (fed, error) {
	results, stop := readAhead(ctx, rd)
	defer stop()
	var f fed
	for {
		r, ok := results.next()
		if !ok {
			break
		}
		rec, err := r.rec, r.err
		if errors.Is(err, io.EOF) {
			return f, nil
		}
		var recErr *corpus.Error
		if errors.As(err, &recErr) {
			t.note(err)
			if recErr.Whole() {
				f.whole = true
			} else {
				f.bad++
			}
			continue
		}
		if err != nil {
			return fed{}, fmt.Errorf("%s: %w", name, err)
		}
		t.records++
		if t.records%256 == 0 {
			t.progress(o)
		}
		if f.whole {
			continue
		}
		if f.bad > 0 && !o.Lenient {
			// Nothing more of the file is written, but its records are still checked, to
			// list every problem.
			if err := imp.Check(rec.Annotated); err != nil {
				t.note(&corpus.Error{File: name, Line: rec.Line, Err: errors.Unwrap(err)})
				f.bad++
			}
			continue
		}
		if err := add(ctx, imp, name, rec, t); err != nil {
			if !errors.As(err, new(*corpus.Error)) {
				return fed{}, err
			}
			t.note(err)
			f.bad++
			if !o.Lenient {
				imp.Check(rec.Annotated) // the file is refused: all its labels are told
			}
			continue
		}
		f.good++
	}
	return fed{}, ctx.Err()
}

// bigText is the size of a text from which an import returns the memory freed before storing it.
const bigText = 8 << 20

// add adds one record to imp. A record refused for what it holds comes back as a
// *corpus.Error; a lenient import's conflict with the annotations already in the project is
// noted in t (the record's other annotations are in); any other error ends the import.
func add(ctx context.Context, imp store.Import, name string, rec corpus.Record, t *ImportTally) error {
	if len(rec.Doc.Text) >= bigText {
		// What reading a large document left behind (the line, the decoder's copies) goes
		// back to the system before SQLite takes its own copies of the text.
		debug.FreeOSMemory()
	}
	err := imp.Add(rec.Annotated)
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err() // the transaction went with the context
	}
	var refused *store.RecordError
	var conflict *store.ConflictError
	switch {
	case errors.As(err, &refused):
		return &corpus.Error{File: name, Line: rec.Line, Err: refused.Err}
	case errors.As(err, &conflict):
		t.note(&corpus.Error{File: name, Line: rec.Line, Err: fmt.Errorf("%w (the annotations there were kept)", conflict)})
		t.Conflicts++
		return nil
	}
	return fmt.Errorf("%s:%d: %w", name, rec.Line, err)
}
