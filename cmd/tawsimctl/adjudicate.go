package main

import (
	"context"
	"fmt"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

func runAdjudicate(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "adjudicate", "adjudicate --db PROJECT --curator NAME --accept unanimous|majority [--annotators a,b,...] [--status done,...]\n\n"+
		"Settles the work of several annotators into a curator's gold. On each document that two annotators or\n"+
		"more worked on, the spans (same start, end, label) and document stances (per target) that every one of\n"+
		"them (unanimous) or more than half of them (majority) made become the curator's annotations, with status\n"+
		"curated where the rule decided everything, and in_progress where it left differences to review (under\n"+
		"unanimous, a span or stance not all of them gave; under majority, a target without a majority label).\n"+
		"Each is an ordinary change of the curator: logged, and undone with the window's undo. A document where\n"+
		"the curator has annotations already is never changed; one that differs from what the rule gives is\n"+
		"listed. All in one transaction. Export the gold with 'tawsimctl export --annotator NAME --status curated'.")
	db := flags.String("db", "", "the project file (a merged team project)")
	curator := flags.String("curator", "", "the name the gold is written under")
	accept := flags.String("accept", "", "the rule: unanimous or majority")
	annotators := flags.String("annotators", "", "only these annotators' work, comma separated (default: everyone's but the curator's)")
	status := flags.String("status", "", "only work with these statuses, comma separated ("+labels.StatusNames()+")")
	if err := parseNoArgs(flags, args, db); err != nil {
		return err
	}
	rule, err := store.ParseRule(*accept)
	if err != nil {
		return usagef("--accept: %v", err)
	}
	if err := labels.CheckAnnotator(*curator); err != nil {
		return usagef("--curator: %v", err)
	}
	p := store.Panel{Curator: *curator, Annotators: splitNames(*annotators)}
	if err := checkNames(p.Annotators); err != nil {
		return err
	}
	if p.Statuses, err = parseStatuses(*status); err != nil {
		return usageError{err.Error()}
	}
	st, err := openToWrite(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := noteUnknownAnnotators(ctx, e, st, p.Annotators); err != nil {
		return err
	}
	res, err := st.Adjudicate(ctx, p, rule)
	if err != nil {
		return err
	}
	printAdjudication(e, *curator, rule, res)
	return nil
}

// printAdjudication prints what an adjudication wrote, and its conflicts on stderr.
func printAdjudication(e *env, curator string, rule store.Rule, r store.AdjudicateResult) {
	fmt.Fprintf(e.stdout, "%s: %s worked on by two annotators or more\n", rule, plural(r.Documents, "document"))
	fmt.Fprintf(e.stdout, "  %s curated, %s left in progress with differences to review: %s and %s written as %s's annotations\n",
		count(r.Curated), count(r.Open), plural(r.Spans, "span"), plural(r.Stances, "document stance"), esc(curator))
	if r.Already > 0 {
		fmt.Fprintf(e.stdout, "  %s already held what the rule gives\n", plural(r.Already, "document"))
	}
	if r.Single > 0 {
		fmt.Fprintf(e.stdout, "  %s with the work of one annotator left alone\n", plural(r.Single, "document"))
	}
	for i, c := range r.Conflicts {
		if i == maxListed {
			fmt.Fprintf(e.stderr, "... and %s more\n", plural(len(r.Conflicts)-maxListed, "conflict"))
			break
		}
		fmt.Fprintln(e.stderr, esc(c.String()))
	}
	if len(r.Conflicts) > 0 {
		fmt.Fprintf(e.stderr, "%s where %s has other annotations than the rule gives: kept as they are (see above)\n",
			plural(len(r.Conflicts), "document"), esc(curator))
	}
}
