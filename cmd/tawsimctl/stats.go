package main

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

func runStats(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "stats", "stats --db PROJECT [--annotator NAME] [--json]")
	db := flags.String("db", "", "the project file")
	annotator := flags.String("annotator", "", "count one annotator's work only (default: everyone's)")
	asJSON := flags.Bool("json", false, "print the counts as one JSON object")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if err := needDB(*db); err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx, *annotator)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	printStats(e.stdout, *db, s)
	return nil
}

func printStats(w io.Writer, db string, s store.Stats) {
	fmt.Fprintf(w, "project     %s\n", db)
	fmt.Fprintf(w, "documents   %s\n", count(s.Documents))
	fmt.Fprintf(w, "annotators  %d", len(s.Annotators))
	for i, a := range s.Annotators {
		sep := ", "
		if i == 0 {
			sep = " ("
		}
		fmt.Fprint(w, sep, a)
		if i == len(s.Annotators)-1 {
			fmt.Fprint(w, ")")
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "status")
	for _, st := range labels.Statuses {
		fmt.Fprintf(w, "  %-12s %s\n", st, count(s.Status[st]))
	}
	fmt.Fprintf(w, "spans       %s\n", count(s.Spans))
	printCounts(w, "entity labels", s.EntityLabels)
	printCounts(w, "stance evidence labels", s.StanceLabels)
	if len(s.DocStances) > 0 {
		fmt.Fprintln(w, "document stance")
		for _, target := range sortedKeys(s.DocStances) {
			fmt.Fprintf(w, "  %s\n", target)
			for _, l := range sortedKeys(s.DocStances[target]) {
				fmt.Fprintf(w, "    %-10s %s\n", l, count(s.DocStances[target][l]))
			}
		}
	}
}

func printCounts(w io.Writer, title string, m map[string]int) {
	if len(m) == 0 {
		return
	}
	fmt.Fprintln(w, title)
	for _, k := range sortedKeys(m) {
		fmt.Fprintf(w, "  %-12s %s\n", k, count(m[k]))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
