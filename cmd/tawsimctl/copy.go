package main

import (
	"context"
	"fmt"
	"sort"

	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

func runCopy(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "copy", "copy --from PROJECT --to PROJECT\n\n"+
		"Moves a project whole between a project file and a PostgreSQL server (postgres://USER@HOST/DB),\n"+
		"either way: documents with their ids, every annotator's spans, statuses and stances, the log\n"+
		"and the undo stacks, the schema, the suggestions and the decisions on them. --to must be a\n"+
		"new file or an empty server database (made with createdb). Both projects are then exported\n"+
		"as jsonl and compared byte for byte; the copy fails if they differ.")
	from := flags.String("from", "", "the project to copy (a file or a server URL); only read")
	to := flags.String("to", "", "the project to make (a new file, or an empty server database)")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	switch {
	case *from == "" || *to == "":
		return usagef("--from PROJECT and --to PROJECT are required")
	case len(pos) > 0:
		return usagef("unexpected argument %q", pos[0])
	}
	src, err := openExisting(*from)
	if err != nil {
		return err
	}
	defer src.Close()
	res, err := copyTo(ctx, src, *to)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(res.Rows))
	for n := range res.Rows {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintf(e.stdout, "copied %s to %s:", shown(*from), shown(*to))
	for _, n := range names {
		fmt.Fprintf(e.stdout, " %s %d,", n, res.Rows[n])
	}
	fmt.Fprintf(e.stdout, " verified: both export the same %d bytes of jsonl\n", res.Bytes)
	return nil
}

// copyTo copies src to the project at to: a new file (whole or not at all), or an empty
// server database.
func copyTo(ctx context.Context, src store.Project, to string) (jobs.CopyResult, error) {
	if !open.IsServer(to) {
		return jobs.CopyToFile(ctx, src, to)
	}
	dst, err := open.Project(to)
	if err != nil {
		return jobs.CopyResult{}, err
	}
	res, err := jobs.Copy(ctx, src, dst)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	return res, err
}
