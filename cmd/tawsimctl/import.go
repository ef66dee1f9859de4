package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// maxListed is how many bad records an import lists before it only counts them.
const maxListed = 20

type importOptions struct {
	format  string
	lenient bool
	opt     corpus.Options
}

// importTally is what an import did, over all its files.
type importTally struct {
	files, added, duplicates, bad, skippedFiles int
	errs                                        []error
}

func runImport(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "import", "import --db PROJECT --format "+strings.Join(corpus.Formats(), "|")+" [--lenient] FILE|DIR|- ...\n\n"+
		"Imports each file atomically: by default a file with any bad record adds nothing and its\n"+
		"errors are listed as FILE:LINE; with --lenient its good records are added and the bad ones listed.\n"+
		"Importing the same text again adds nothing. A missing project is created with the default schema.")
	db := flags.String("db", "", "the project file (created when missing)")
	format := flags.String("format", "txt", "the corpus format: "+strings.Join(corpus.Formats(), ", "))
	lenient := flags.Bool("lenient", false, "import the good records of a file with bad ones, and list the bad")
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

	o := importOptions{format: *format, lenient: *lenient}
	var t importTally
	prog := newProgress(e, "files", len(files))
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := importPath(ctx, e, st, name, o, &t); err != nil {
			return err
		}
		prog.step(1)
	}
	prog.done()
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
	var docs []labels.Document
	var bad []error
	for {
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var recErr *corpus.Error
		if errors.As(err, &recErr) {
			bad = append(bad, err)
			if recErr.Line == 0 {
				break // the file as a whole is unreadable
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		docs = append(docs, rec.Doc)
	}
	t.files++
	t.bad += len(bad)
	t.errs = append(t.errs, bad...)
	if len(bad) > 0 && !o.lenient {
		t.skippedFiles++
		return nil
	}
	if len(docs) == 0 {
		return nil
	}
	res, err := st.AddDocuments(ctx, docs)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	t.added += res.Added
	t.duplicates += res.Duplicates
	return nil
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
	if t.bad > 0 {
		fmt.Fprintf(e.stdout, ", %s", plural(t.bad, "bad record"))
	}
	fmt.Fprintln(e.stdout)
	if t.skippedFiles > 0 && !lenient {
		fmt.Fprintf(e.stderr, "nothing was imported from %s with errors; fix them, or pass --lenient to import the good records\n",
			plural(t.skippedFiles, "file"))
		return errReported
	}
	return nil
}
