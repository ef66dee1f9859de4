package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

func runExport(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "export", "export --db PROJECT --format "+strings.Join(export.Formats(), "|")+" [--out FILE|-]\n"+
		"                 [--status done,...] [--annotator NAME] [--split train=0.8,dev=0.1,test=0.1 --seed N [--stratify]]\n"+
		"                 [--split-clitics] [--force]\n\n"+
		"Writes one record per (document, annotator) in import order; the same project gives the same bytes.\n"+
		"With --split, one file per part (NAME.train.jsonl, ...), assigned by document; --stratify keeps each\n"+
		"document stance label's share in every part. The hf format also\n"+
		"writes its label list as NAME.labels.json. A file is written whole or not at all, beside its name, and\n"+
		"moved into place at the end. A file that exists is replaced only with --force, which keeps its\n"+
		"permissions and writes through a symbolic link; the project's own files are never replaced.")
	db := flags.String("db", "", "the project file")
	format := flags.String("format", "jsonl", "the format: "+strings.Join(export.Formats(), ", "))
	out := flags.String("out", "-", "the output file, or - for standard output")
	status := flags.String("status", "", "only these statuses, comma separated ("+labels.StatusNames()+")")
	annotator := flags.String("annotator", "", "only this annotator's work")
	split := flags.String("split", "", "parts and ratios by document, e.g. train=0.8,dev=0.1,test=0.1")
	seed := flags.Uint64("seed", 1, "the seed of the split")
	stratify := flags.Bool("stratify", false, "with --split: split the documents of each stance label apart (several targets: by their sorted target=label list)")
	clitics := flags.Bool("split-clitics", false, "in token formats, split a token where a span starts or ends inside it")
	docStart := flags.Bool("docstart", false, "conll: begin each document with a -DOCSTART- line")
	force := flags.Bool("force", false, "replace output files that exist")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if err := needDB(*db); err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q (use --out for the output file)", pos[0])
	}
	o := jobs.ExportOptions{Format: strings.ToLower(*format), Out: *out, Stdout: e.stdout, Seed: *seed, Stratify: *stratify, Force: *force,
		Filter: store.ExportFilter{Annotator: *annotator},
		Writer: export.Options{SplitClitics: *clitics, DocStart: *docStart}}
	if _, err := export.NewWriter(io.Discard, o.Format, export.Options{}); err != nil {
		return usageError{err.Error()}
	}
	if o.Filter.Statuses, err = parseStatuses(*status); err != nil {
		return usageError{err.Error()}
	}
	if *stratify && *split == "" {
		return usagef("--stratify shapes a split: give one with --split")
	}
	if *split != "" {
		if o.Split, err = export.ParseSplit(*split); err != nil {
			return usageError{err.Error()}
		}
		if o.Out == "-" {
			return usagef("--split writes a file per part: name one with --out")
		}
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	prog := newProgress(e, "records")
	o.Progress = prog.set
	o.Removed = func(tf jobs.TempFile) {
		fmt.Fprintf(e.stderr, "removed %s (%s), left by an export that was killed\n", tf.Path, jobs.ByteSize(tf.Size))
	}
	n, err := jobs.Export(ctx, st, o)
	if errors.Is(err, jobs.ErrExists) {
		return fmt.Errorf("%w: use --force to replace it", err)
	}
	if err != nil {
		return err
	}
	prog.done()
	if o.Out != "-" {
		fmt.Fprintf(e.stderr, "wrote %s\n", plural(n, "record"))
	}
	return nil
}

func parseStatuses(s string) ([]labels.Status, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []labels.Status
	for part := range strings.SplitSeq(s, ",") {
		st, err := labels.ParseStatus(part)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// noteStaleTemps lists on stderr the files that killed exports left in the project's folder.
// They are not the project's problems: the exit status stays as it is.
func noteStaleTemps(e *env, db string) {
	stale, _ := jobs.StaleTemps(filepath.Dir(db))
	for _, tf := range stale {
		fmt.Fprintf(e.stderr, "%s (%s) was left by an export that was killed: the next export to its folder removes it\n",
			tf.Path, jobs.ByteSize(tf.Size))
	}
}
