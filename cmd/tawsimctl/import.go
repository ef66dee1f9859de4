package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/store"
)

// maxListed is how many bad records an import lists before it only counts them.
const maxListed = 20

type importOptions struct {
	format    string
	lenient   bool
	addLabels bool
	annotator string
	opt       corpus.Options
}

// importTally is what an import did, over all its files.
type importTally struct {
	files, added, duplicates, spans, bad, skippedFiles int
	errs                                               []error
	newLabels                                          []string
	prog                                               *progress
}

func runImport(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "import", "import --db PROJECT --format "+strings.Join(corpus.Formats(), "|")+" [--lenient] FILE|DIR|- ...\n\n"+
		"Imports each file atomically: by default a file with any bad record adds nothing and its\n"+
		"errors are listed as FILE:LINE; with --lenient its good records are added and the bad ones listed.\n"+
		"Importing the same text again adds nothing. A missing project is created with the default schema.")
	db := flags.String("db", "", "the project file (created when missing)")
	format := flags.String("format", "txt", "the corpus format: "+strings.Join(corpus.Formats(), ", "))
	lenient := flags.Bool("lenient", false, "import the good records of a file with bad ones, and list the bad")
	addLabels := flags.Bool("add-labels", false, "add labels and targets the schema lacks, instead of refusing the file")
	annotator := flags.String("annotator", defaultAnnotator(), "who the imported annotations belong to, when the file does not say")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if err := needDB(*db); err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("name at least one FILE, DIR or - (standard input)")
	}
	if _, err := corpus.NewReader(*format, "", strings.NewReader(""), corpus.Options{}); err != nil {
		return usageError{err.Error()}
	}
	files, err := corpus.Files(pos, corpus.Extensions[*format])
	if err != nil {
		return err
	}
	st, err := openOrCreate(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()

	o := importOptions{format: *format, lenient: *lenient, addLabels: *addLabels, annotator: *annotator}
	t := importTally{prog: newProgress(e, "records", 0)}
	for _, name := range files {
		if err := importPath(ctx, e, st, name, o, &t); err != nil {
			return err
		}
	}
	t.prog.done()
	return report(e, t, o.lenient)
}

// importPath imports one file (or standard input for "-") into st, all or nothing.
func importPath(ctx context.Context, e *env, st *store.Store, name string, o importOptions, t *importTally) error {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	} else {
		name = "stdin"
	}
	rd, err := corpus.NewReader(o.format, name, r, o.opt)
	if err != nil {
		return err
	}
	imp, err := st.BeginImport(ctx, store.ImportOptions{Annotator: o.annotator, AddLabels: o.addLabels, Source: name})
	if err != nil {
		return err
	}
	defer imp.Rollback()
	bad, err := feed(ctx, rd, imp, name, o, t)
	if err != nil {
		return err
	}
	t.files++
	t.bad += len(bad)
	t.errs = append(t.errs, bad...)
	if len(bad) > 0 && !o.lenient {
		t.skippedFiles++
		return nil
	}
	res, err := imp.Commit()
	if errors.Is(err, store.ErrUnknownLabels) {
		t.errs = append(t.errs, &corpus.Error{File: name, Err: err})
		t.skippedFiles++
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	t.added += res.Added
	t.duplicates += res.Duplicates
	t.spans += res.Spans
	t.newLabels = append(t.newLabels, res.NewLabels...)
	return nil
}

// feed reads every record of rd into imp and returns the bad ones. In strict mode it stops
// adding at the first bad record but reads on, to list them all.
func feed(ctx context.Context, rd corpus.Reader, imp *store.Importer, name string, o importOptions, t *importTally) ([]error, error) {
	var bad []error
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return bad, nil
		}
		var recErr *corpus.Error
		if errors.As(err, &recErr) {
			bad = append(bad, err)
			if recErr.Line == 0 {
				return bad, nil // the file as a whole is unreadable
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		t.prog.step(1)
		if len(bad) > 0 && !o.lenient {
			continue
		}
		if err := imp.Add(rec.Annotated); err != nil {
			bad = append(bad, &corpus.Error{File: name, Line: rec.Line, Err: err})
		}
	}
}

// report prints the errors and the summary, and decides the outcome.
func report(e *env, t importTally, lenient bool) error {
	for i, err := range t.errs {
		if i == maxListed {
			fmt.Fprintf(e.stderr, "... and %d more errors\n", len(t.errs)-maxListed)
			break
		}
		fmt.Fprintln(e.stderr, err)
	}
	fmt.Fprintf(e.stdout, "%s read: %s added, %s already in the project",
		plural(t.files, "file"), plural(t.added, "document"), count(t.duplicates))
	if t.spans > 0 {
		fmt.Fprintf(e.stdout, ", %s added", plural(t.spans, "span"))
	}
	if t.bad > 0 {
		fmt.Fprintf(e.stdout, ", %s", plural(t.bad, "bad record"))
	}
	fmt.Fprintln(e.stdout)
	if len(t.newLabels) > 0 {
		fmt.Fprintf(e.stdout, "added to the schema: %s\n", strings.Join(t.newLabels, ", "))
	}
	if t.skippedFiles > 0 && !lenient {
		fmt.Fprintf(e.stderr, "nothing was imported from %s with errors; fix them, or pass --lenient to import the good records\n",
			plural(t.skippedFiles, "file"))
		return errReported
	}
	return nil
}
