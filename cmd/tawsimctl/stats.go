package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/internal/safetext"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

func runStats(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "stats", "stats --db PROJECT [--annotator NAME] [--json]\n"+
		"       stats --db PROJECT --html REPORT.html|- [--force]")
	db := flags.String("db", "", "the project file")
	annotator := flags.String("annotator", "", "count one annotator's work only (default: everyone's)")
	asJSON := flags.Bool("json", false, "print the counts as one JSON object")
	page := flags.String("html", "", "write the progress of everyone's work as a page of charts to this file (- for standard output)")
	force := flags.Bool("force", false, "with --html: replace the file if it exists")
	if err := parseNoArgs(flags, args, db); err != nil {
		return err
	}
	if *page != "" && (*asJSON || *annotator != "") {
		return usagef("--html reports everyone's work: it goes with neither --json nor --annotator")
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *page != "" {
		return writeReport(ctx, e, st, *page, *force)
	}
	s, err := st.Stats(ctx, *annotator)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := printJSON(e.stdout, s); err != nil {
			return err
		}
	} else {
		sc, err := st.Schema(ctx)
		if err != nil {
			return err
		}
		printStats(e.stdout, shown(*db), s, sc)
	}
	return nil
}

// printJSON writes v as indented JSON, with the characters that would disturb a terminal
// escaped (the same JSON value).
func printJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(safetext.JSON(b.Bytes()))
	return err
}

func printStats(w io.Writer, db string, s store.Stats, sc labels.Schema) {
	fmt.Fprintf(w, "project     %s\n", esc(db))
	fmt.Fprintf(w, "documents   %s\n", count(s.Documents))
	fmt.Fprintf(w, "annotators  %d", len(s.Annotators))
	for i, a := range s.Annotators {
		sep := ", "
		if i == 0 {
			sep = " ("
		}
		fmt.Fprint(w, sep, esc(a))
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
	printByTarget(w, "document stance (documents per target and label)", s.DocStances, s.TargetNames, sc)
	printByTarget(w, "stance evidence (spans per target and label)", s.StanceSpans, s.TargetNames, sc)
	printSuggestions(w, s.Suggestions)
}

// printByTarget prints target → label → n counts: targets in the schema's order, each by its
// name and [id], labels in the schema's order, then a total per target. Targets and labels
// the schema lacks come after the others, sorted.
func printByTarget(w io.Writer, title string, m map[string]map[string]int, names map[string]string, sc labels.Schema) {
	if len(m) == 0 {
		return
	}
	fmt.Fprintln(w, title)
	var targets []string
	for _, t := range sc.Targets {
		if m[t.ID] != nil {
			targets = append(targets, t.ID)
		}
	}
	for _, id := range sortedKeys(m) {
		if _, ok := sc.Target(id); !ok {
			targets = append(targets, id)
		}
	}
	width := len("total")
	for _, byLabel := range m {
		for l := range byLabel {
			width = max(width, len(l))
		}
	}
	for _, id := range targets {
		name := names[id]
		if name == "" {
			name = id
		}
		fmt.Fprintf(w, "  %s [%s]\n", esc(name), esc(id))
		var ls []string
		for _, l := range sc.StanceLabels {
			if _, ok := m[id][l.Name]; ok {
				ls = append(ls, l.Name)
			}
		}
		for _, l := range sortedKeys(m[id]) {
			if _, ok := sc.Stance(l); !ok {
				ls = append(ls, l)
			}
		}
		total := 0
		for _, l := range ls {
			fmt.Fprintf(w, "    %-*s  %s\n", width, esc(l), count(m[id][l]))
			total += m[id][l]
		}
		fmt.Fprintf(w, "    %-*s  %s\n", width, "total", count(total))
	}
}

func printCounts(w io.Writer, title string, m map[string]int) {
	if len(m) == 0 {
		return
	}
	fmt.Fprintln(w, title)
	for _, k := range sortedKeys(m) {
		fmt.Fprintf(w, "  %-12s %s\n", esc(k), count(m[k]))
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

// writeReport writes the HTML page of the project's progress to name, "-" standard output.
func writeReport(ctx context.Context, e *env, st store.Project, name string, force bool) error {
	if name == "-" {
		return jobs.PrintReport(ctx, st, e.stdout, time.Local)
	}
	err := jobs.WriteReport(ctx, st, name, force, time.Local)
	if errors.Is(err, jobs.ErrExists) {
		return fmt.Errorf("%w: use --force to replace it", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", esc(name))
	return nil
}
