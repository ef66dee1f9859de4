package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

func runMerge(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "merge", "merge --db TEAM [--lenient] PROJECT ...\n\n"+
		"Takes the documents and the work of every annotator of each PROJECT into the team project TEAM\n"+
		"(created when missing), each project in one transaction: whole or not at all. Documents are matched\n"+
		"by their text; spans, document stances, statuses (notes, time spent) and the history of changes stay\n"+
		"under their annotator. Merging is a union: the same work merged again adds nothing, and an annotator's\n"+
		"work that differs from theirs already in TEAM is a conflict, listed by document and annotator: the\n"+
		"project is refused, or with --lenient taken in with what TEAM has kept. Label schemas and targets are\n"+
		"united; an id or name with two meanings (a target renamed in one project, a label of another kind)\n"+
		"refuses the merge before anything is written. The projects are only read.")
	db := flags.String("db", "", "the team project (created when missing)")
	lenient := flags.Bool("lenient", false, "take in a project with conflicts, keeping the work already in the team project, and list them")
	inputs, err := parse(flags, args)
	if err != nil {
		return err
	}
	if err := needDB(*db); err != nil {
		return err
	}
	if len(inputs) == 0 {
		return usagef("name at least one PROJECT to merge into %s", shown(*db))
	}
	if err := jobs.CheckMerge(ctx, *db, inputs); err != nil {
		return err
	}
	st, err := open.Project(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	prog := newProgress(e, "documents")
	merged, err := jobs.Merge(ctx, st, inputs, jobs.MergeOptions{Lenient: *lenient, Progress: prog.set, Exclusive: true})
	prog.done()
	refused := reportMerge(e, merged, *lenient)
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(e.stderr, "interrupted: the projects merged before are in, whole; the one being merged is not")
		return errReported
	}
	if err != nil {
		return err
	}
	if refused > 0 {
		fmt.Fprintf(e.stderr, "nothing was merged from %s (see above)\n", plural(refused, "project"))
		return errReported
	}
	return nil
}

// reportMerge prints what each project brought, and its conflicts or why it was refused,
// and returns how many were refused.
func reportMerge(e *env, merged []jobs.MergedInput, lenient bool) int {
	refused := 0
	for _, m := range merged {
		var conflict *store.MergeConflictError
		switch {
		case errors.As(m.Err, &conflict):
			refused++
			listConflicts(e, m.Path, conflict.Conflicts)
			fmt.Fprintf(e.stderr, "%s: refused: %s, listed above (pass --lenient to keep the work in the team project and take in the rest)\n",
				esc(m.Path), plural(len(conflict.Conflicts), "conflict"))
		case m.Err != nil:
			refused++
			fmt.Fprintf(e.stderr, "%s: refused: %s\n", esc(m.Path), esc(m.Err.Error()))
		default:
			printMerged(e, m)
		}
	}
	return refused
}

// printMerged prints what one project brought.
func printMerged(e *env, m jobs.MergedInput) {
	r := m.Result
	who := ""
	if len(r.Annotators) > 0 {
		who = " (" + strings.Join(r.Annotators, ", ") + ")"
	}
	statuses := count(r.States) + " statuses"
	if r.States == 1 {
		statuses = "1 status"
	}
	fmt.Fprintf(e.stdout, "%s%s: %s (%s new), %s, %s, %s, %s\n", esc(m.Path), esc(who), plural(r.Documents, "document"), count(r.Added),
		plural(r.Spans, "span"), plural(r.Stances, "document stance"), statuses, plural(r.Events, "logged change"))
	if len(r.Schema) > 0 {
		gained := r.Schema
		if len(gained) > maxTargetsListed {
			gained = append(gained[:maxTargetsListed:maxTargetsListed], fmt.Sprintf("and %d more", len(r.Schema)-maxTargetsListed))
		}
		fmt.Fprintf(e.stdout, "  the schema gained: %s\n", esc(strings.Join(gained, "; ")))
	}
	if len(r.Conflicts) > 0 {
		listConflicts(e, m.Path, r.Conflicts)
		fmt.Fprintf(e.stderr, "%s: %s: the work in the team project was kept (see above)\n", esc(m.Path), plural(len(r.Conflicts), "conflict"))
	}
}

// listConflicts prints the first maxListed conflicts of a project, then how many more there were.
func listConflicts(e *env, path string, cs []store.MergeConflict) {
	for i, c := range cs {
		if i == maxListed {
			fmt.Fprintf(e.stderr, "%s: ... and %s more\n", esc(path), plural(len(cs)-maxListed, "conflict"))
			break
		}
		fmt.Fprintf(e.stderr, "%s: %s\n", esc(path), esc(c.String()))
	}
}
