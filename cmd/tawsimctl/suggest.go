package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// fileList is a flag that may be given several times, each a file.
type fileList []string

func (f *fileList) String() string { return strings.Join(*f, ",") }

func (f *fileList) Set(s string) error {
	*f = append(*f, s)
	return nil
}

func runSuggest(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "suggest", "suggest --db PROJECT [--gazetteer FILE.tsv ...] [--patterns FILE.jsonl ...] [--no-propagate]\n"+
		"                  [--status todo] [--annotator NAME] [--add-labels]\n\n"+
		"Suggests labels on the project's documents: the texts of gazetteers (text<TAB>label lines) and\n"+
		"patterns files (Prodigy's JSONL), and, unless --no-propagate, what annotators already labeled,\n"+
		"on the same text elsewhere, scored by how often that text got that label. Arabic is matched\n"+
		"through its search form, after proclitics, on whole words (docs/FORMATS.md). Suggestions are no\n"+
		"annotations until an annotator accepts them. Running the same sources again replaces what they\n"+
		"suggested on the documents they run over; decisions on suggestions that come again are kept.\n"+
		"A suggestion on or across an entity span of --annotator (without it: of anybody) is left out.")
	db := flags.String("db", "", "the project file")
	var gazetteers, patterns fileList
	flags.Var(&gazetteers, "gazetteer", "a gazetteer: text<TAB>label lines (again for more)")
	flags.Var(&patterns, "patterns", "a patterns file: Prodigy's JSONL (again for more)")
	noPropagate := flags.Bool("no-propagate", false, "do not suggest what annotators already labeled elsewhere")
	status := flags.String("status", "", "only documents of this status (of --annotator; without it, of anybody: todo is nobody's past todo)")
	annotator := flags.String("annotator", "", "whose spans make a suggestion needless, and whose status --status is (default: anybody's)")
	addLabels := flags.Bool("add-labels", false, "add the labels of the sources that the schema lacks, instead of refusing them")
	if err := parseNoArgs(flags, args, db); err != nil {
		return err
	}
	o := jobs.SuggestOptions{Gazetteers: gazetteers, Patterns: patterns, Propagate: !*noPropagate,
		Annotator: *annotator, AddLabels: *addLabels, Author: defaultAnnotator()}
	if len(gazetteers)+len(patterns) == 0 && *noPropagate {
		return usagef("nothing to suggest: name a --gazetteer or --patterns file, or leave out --no-propagate")
	}
	if *annotator != "" {
		if err := checkAnnotator(*annotator); err != nil {
			return err
		}
	}
	if *status != "" {
		s, err := labels.ParseStatus(*status)
		if err != nil {
			return usageError{err.Error()}
		}
		o.Status = s
	}
	if err := inputsExist(append(append([]string{}, gazetteers...), patterns...)); err != nil {
		return err
	}
	st, err := openToWrite(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	prog := newProgress(e, "documents")
	o.Progress = prog.set
	t, err := jobs.Suggest(ctx, st, o)
	prog.done()
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(e.stderr, "interrupted: the suggestions of %s are in; run the command again to redo the rest\n",
			plural(t.Committed.Documents, "document"))
		return errReported
	}
	if err != nil {
		return err
	}
	for _, s := range t.Sources {
		fmt.Fprintf(e.stdout, "%s: %s entries\n", esc(s.Name), count(s.Entries))
	}
	if len(t.NewLabels) > 0 {
		fmt.Fprintf(e.stdout, "added to the schema: %s\n", esc(strings.Join(t.NewLabels, ", ")))
	}
	fmt.Fprintf(e.stdout, "%s suggested on: %s", plural(t.Documents, "document"), plural(t.Suggestions, "suggestion"))
	if t.Skipped > 0 {
		fmt.Fprintf(e.stdout, " (%s left out on annotations)", count(t.Skipped))
	}
	fmt.Fprintln(e.stdout)
	return nil
}

// printSuggestions prints, per source, the suggestions stored and the decisions on them, with
// the source's precision as annotators judged it.
func printSuggestions(w io.Writer, m map[string]*store.SourceStats) {
	if len(m) == 0 {
		return
	}
	fmt.Fprintln(w, "suggestions (source: suggested, accepted, rejected, precision)")
	for _, name := range sortedKeys(m) {
		c := m[name]
		precision := "-"
		if c.Precision != nil {
			precision = fmt.Sprintf("%.1f%%", 100**c.Precision)
		}
		fmt.Fprintf(w, "  %s: %s, %s, %s, %s\n", esc(name), count(c.Suggested), count(c.Accepted), count(c.Rejected), precision)
	}
}

// predictionsFormat makes labelstudio the format of an import of predictions that names
// none (corpus.PredictionFormats are the formats it takes).
func predictionsFormat(flags *flag.FlagSet, predictions bool, format *string) {
	given := false
	flags.Visit(func(f *flag.Flag) { given = given || f.Name == "format" })
	if predictions && !given {
		*format = "labelstudio"
	}
}
