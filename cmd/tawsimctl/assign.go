package main

import (
	"context"
	"fmt"
	"time"

	"github.com/tawsim/tawsim/store"
)

func runAssign(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "assign", "assign --db postgres://... --per-document N [--lease 30m]\n\n"+
		"Gives a server project an assignment queue: each document goes to N annotators. The window's\n"+
		"next document (Done, Skip) then takes the next free one for its annotator, which they hold for\n"+
		"the lease; one left unfinished when the lease runs out goes to the next who asks. Run it again\n"+
		"after an import to queue the new documents too (or with a larger N).")
	db := flags.String("db", "", "the server project (postgres://...)")
	per := flags.Int("per-document", 1, "how many annotators each document goes to")
	lease := flags.Duration("lease", 30*time.Minute, "how long a document taken is kept for its annotator")
	if err := parseNoArgs(flags, args, db); err != nil {
		return err
	}
	if !isServer(*db) {
		return usagef("assign works on a server project (--db postgres://...): a project file has one annotator at a time")
	}
	if *per < 1 {
		return usagef("--per-document must be 1 or more")
	}
	st, err := openToWrite(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	a, ok := st.(store.Assigner)
	if !ok {
		return fmt.Errorf("%s has no assignment queue", shown(*db))
	}
	n, err := a.Assign(ctx, *per, *lease)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: %s added to the queue; each document goes to %s, held %s\n", shown(*db),
		plural(n, "slot"), plural(*per, "annotator"), *lease)
	return nil
}
