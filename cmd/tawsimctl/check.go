package main

import (
	"context"
	"fmt"
)

func runCheck(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "check", "check --db PROJECT\n\nRuns SQLite's integrity and foreign key checks and verifies every span's offsets and\n"+
		"text against its document. Exit status 1 when anything is wrong. Files that killed exports left\n"+
		"beside the project are listed too (the next export to their folder removes them).")
	db := flags.String("db", "", "the project file")
	if err := parseNoArgs(flags, args, db); err != nil {
		return err
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	noteStaleTemps(e, *db)
	problems, err := st.Check(ctx)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintf(e.stderr, "%s: %s\n", *db, p.What)
		}
		fmt.Fprintf(e.stderr, "%s: %s\n", *db, plural(len(problems), "problem"))
		return errReported
	}
	n, err := st.CountDocuments(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s is sound: %s checked\n", *db, plural(n, "document"))
	return nil
}
