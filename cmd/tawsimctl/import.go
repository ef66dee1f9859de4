package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/jobs"
)

// maxListed is how many bad records an import lists before it only counts them.
const maxListed = 20

func runImport(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "import", "import --db PROJECT --format "+strings.Join(corpus.Formats(), "|")+" [--text-column NAME]\n"+
		"                 [--label-column NAME [--target-column NAME | --claim-column NAME]]\n"+
		"                 [--annotator NAME] [--lenient] [--add-labels] FILE|DIR|- ...\n"+
		"       import --db PROJECT --predictions [--format labelstudio|jsonl] [--text-column KEY] FILE|DIR|- ...\n\n"+
		"Imports each file atomically: by default a file with any bad record adds nothing and its\n"+
		"errors are listed as FILE:LINE; with --lenient its good records are added and the bad ones listed.\n"+
		"Importing the same text again adds no document, but the spans, stances and status a record\n"+
		"brings go to the stored document for their annotator; ones that differ from those there are\n"+
		"errors (with --lenient: listed, those there kept).\n"+
		"With --annotator NAME, each record of an annotated format (all but txt, and csv without\n"+
		"--label-column) that names no annotator is NAME's work, status done, even without a span.\n"+
		"Labels match the schema's without regard to case (Favor is FAVOR); targets match by id, name\n"+
		"or Arabic name. Unknown ones refuse the file, or with --add-labels join the schema.\n"+
		"A missing project is created with the default schema.\n"+
		"--predictions reads a model's predictions as suggestions, never annotations: Label Studio's tasks\n"+
		"(the default format then) or Tawsim's jsonl with a score per entity; documents not in the project are added.")
	db := flags.String("db", "", "the project file (created when missing)")
	format := flags.String("format", "txt", "the corpus format: "+strings.Join(corpus.Formats(), ", "))
	lenient := flags.Bool("lenient", false, "import the good records of a file with bad ones, and list the bad")
	addLabels := flags.Bool("add-labels", false, "add labels and targets the schema lacks, instead of refusing the file")
	annotator := flags.String("annotator", defaultAnnotator(), "who the imported annotations belong to, when the file does not say;\n"+
		"named, each record of an annotated format counts as that annotator's work (status done), spans or none")
	textColumn := flags.String("text-column", "", "csv: the column that holds the text")
	idColumn := flags.String("id-column", "", "csv: the column of the rows' own ids (default: a column named id)")
	targetColumn := flags.String("target-column", "", "csv: the column naming a stance target")
	labelColumn := flags.String("label-column", "", "csv: the column of a stance label toward that target (or claim)")
	claimColumn := flags.String("claim-column", "", "csv: the column of a claim, the target of the stance (claim-article pairs)")
	perDoc := flags.Int("sentences-per-doc", 0, "conll: end a document every N sentences (for corpora without -DOCSTART-); 0: only at -DOCSTART-")
	predictions := flags.Bool("predictions", false, "the files hold a model's predictions: keep them as suggestions (labelstudio, jsonl)")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	predictionsFormat(flags, *predictions, format)
	if err := needDB(*db); err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("name at least one FILE, DIR or - (standard input)")
	}
	if err := checkAnnotator(*annotator); err != nil {
		return err
	}
	o := jobs.ImportOptions{Format: *format, Lenient: *lenient, AddLabels: *addLabels, Annotator: *annotator, Stdin: e.stdin,
		Exclusive: true, Worked: given(flags, "annotator"),
		Corpus: corpus.Options{TextColumn: *textColumn, ExternalIDColumn: *idColumn, TargetColumn: *targetColumn,
			LabelColumn: *labelColumn, ClaimColumn: *claimColumn, SentencesPerDoc: *perDoc, Predictions: *predictions}}
	if _, err := corpus.NewReader(o.Format, "", strings.NewReader(""), o.Corpus); err != nil {
		return usageError{err.Error()}
	}
	if err := corpus.CheckOptions(o.Format, o.Corpus); err != nil {
		return usageError{err.Error()}
	}
	if err := inputsExist(pos); err != nil {
		return err
	}
	st, err := openOrCreate(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	prog := newProgress(e, "records")
	o.Progress = prog.set
	t, err := jobs.Import(ctx, st, pos, o)
	prog.done()
	if errors.Is(err, context.Canceled) {
		report(e, t, o.Lenient)
		fmt.Fprintln(e.stderr, "interrupted: the files read before were imported whole, the one being read was not")
		return errReported
	}
	if err != nil {
		return err
	}
	return report(e, t, o.Lenient)
}

// inputsExist checks that every path named can be found, before the project is opened (and
// created when it is missing): a mistyped path leaves nothing behind.
func inputsExist(paths []string) error {
	var missing []string
	for _, p := range paths {
		if _, err := os.Stat(p); p != "-" && errors.Is(err, fs.ErrNotExist) {
			missing = append(missing, p)
		}
	}
	switch len(missing) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("%s: no such file or folder; nothing was imported", missing[0])
	}
	return fmt.Errorf("no such files or folders: %s; nothing was imported", strings.Join(missing, ", "))
}

// report prints the errors and the summary, and decides the outcome. The reasons files were
// left out whole come first, all of them, then the first maxListed errors about records.
func report(e *env, t jobs.ImportTally, lenient bool) error {
	files := t.FileErrs()
	for _, err := range files {
		fmt.Fprintln(e.stderr, err)
	}
	for i, err := range t.Errs[len(files):] {
		if i == maxListed {
			break
		}
		fmt.Fprintln(e.stderr, esc(err.Error()))
	}
	if more := t.Problems - len(files) - maxListed; more > 0 {
		fmt.Fprintf(e.stderr, "... and %s more errors\n", count(more))
	}
	fmt.Fprintf(e.stdout, "%s read: %s added, %s already in the project",
		plural(t.Files, "file"), plural(t.Added, "document"), count(t.Duplicates))
	attached(e, t.Spans, t.AttachedSpans, "span")
	attached(e, t.Stances, t.Attached, "document stance")
	if t.Suggestions > 0 {
		fmt.Fprintf(e.stdout, ", %s stored", plural(t.Suggestions, "suggestion"))
	}
	switch {
	case t.Statuses == 1:
		fmt.Fprint(e.stdout, ", 1 status set on a document already in the project")
	case t.Statuses > 1:
		fmt.Fprintf(e.stdout, ", %s statuses set on documents already in the project", count(t.Statuses))
	}
	if t.Bad > 0 {
		fmt.Fprintf(e.stdout, ", %s", plural(t.Bad, "bad record"))
	}
	fmt.Fprintln(e.stdout)
	if len(t.NewLabels) > 0 {
		fmt.Fprintf(e.stdout, "added to the schema: %s\n", newLabels(t.NewLabels))
	}
	if t.Conflicts > 0 {
		fmt.Fprintf(e.stderr, "%s brought annotations that differ from those already in the project: those there were kept (see above)\n",
			plural(t.Conflicts, "record"))
	}
	switch {
	case t.SkippedFiles > 0 && !lenient:
		fmt.Fprintf(e.stderr, "nothing was imported from %s with errors; fix them, or pass --lenient to import the good records\n",
			plural(t.SkippedFiles, "file"))
		return errReported
	case t.SkippedFiles > 0:
		fmt.Fprintf(e.stderr, "nothing was imported from %s: unreadable, empty, refused as a whole or with no good record (see above)\n",
			plural(t.SkippedFiles, "file"))
		return errReported
	}
	return nil
}

// attached prints how many annotations of a kind were added, n, and how many of them went to
// documents already in the project.
func attached(e *env, n, old int, noun string) {
	if n == 0 {
		return
	}
	fmt.Fprintf(e.stdout, ", %s added", plural(n, noun))
	if old > 0 {
		fmt.Fprintf(e.stdout, " (%s to documents already in the project)", count(old))
	}
}

// maxTargetsListed is how many added targets an import names before it only counts them
// (a claim-article corpus brings a target per claim).
const maxTargetsListed = 10

// newLabels lists the labels added to the schema, and the targets when they are few.
func newLabels(added []string) string {
	var names, targets []string
	for _, n := range added {
		if strings.HasPrefix(n, "target:") {
			targets = append(targets, n)
		} else {
			names = append(names, n)
		}
	}
	if len(targets) > maxTargetsListed {
		names = append(names, fmt.Sprintf("%s (list them with 'tawsimctl targets list')", plural(len(targets), "target")))
	} else {
		names = append(names, targets...)
	}
	return strings.Join(names, ", ")
}

// given reports whether the flag named name was set on the command line.
func given(flags *flag.FlagSet, name string) bool {
	set := false
	flags.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
