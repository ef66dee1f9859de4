package main

import (
	"context"
	"fmt"
)

func runCheck(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "check", "check --db PROJECT [--recount]\n\nRuns SQLite's integrity and foreign key checks, verifies every span's offsets and\n"+
		"text against its document, and the kept counts against the rows. Exit status 1 when anything is wrong.\n"+
		"Files that killed exports left beside the project are listed too (the next export to their folder removes them).")
	db := flags.String("db", "", "the project file")
	again := flags.Bool("recount", false, "count the documents' statuses, stances and spans again first (after something wrote the project behind Tawsim's back)")
	if err := parseNoArgs(flags, args, db); err != nil {
		return err
	}
	open := openExisting
	if *again {
		open = openToWrite
	}
	st, err := open(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *again {
		if err := st.Recount(ctx); err != nil {
			return err
		}
	}
	if !isServer(*db) {
		noteStaleTemps(e, *db)
	}
	problems, err := st.Check(ctx)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintf(e.stderr, "%s: %s\n", esc(shown(*db)), esc(p.String()))
		}
		fmt.Fprintf(e.stderr, "%s: %s\n", esc(shown(*db)), plural(len(problems), "problem"))
		return errReported
	}
	n, err := st.CountDocuments(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s is sound: %s checked\n", esc(shown(*db)), plural(n, "document"))
	return nil
}
