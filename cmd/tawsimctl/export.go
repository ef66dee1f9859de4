package main

import (
	"context"
	"errors"
	"fmt"
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
		"                 [--split-clitics] [--flat] [--level outer|inner] [--force]\n\n"+
		"Writes one record per (document, annotator) in import order; the same project gives the same bytes.\n"+
		"conll writes a tag column per level of nested entities (Wojood's shape); --flat writes one level,\n"+
		"the outermost or --level inner, as hf always does, and says on stderr how many spans it left out.\n"+
		"With --split, one file per part (NAME.train.jsonl, ...), assigned by document; --stratify keeps each\n"+
		"document stance label's share in every part. The hf format also\n"+
		"writes its label list as NAME.labels.json. A file is written whole or not at all, beside its name, and\n"+
		"moved into place at the end. A file that exists is replaced only with --force, which keeps its\n"+
		"permissions and writes through a symbolic link; the project's own files are never replaced.\n"+
		"jsonl writes each document's suggestions under \"suggestions\"; the other formats leave them out, or with\n"+
		"--accept-suggestions write those the record's annotator has not decided on, that overlap no entity span\n"+
		"of theirs nor each other (the higher score first), as entity spans; the project is not changed.")
	db := flags.String("db", "", "the project file")
	format := flags.String("format", "jsonl", "the format: "+strings.Join(export.Formats(), ", "))
	out := flags.String("out", "-", "the output file, or - for standard output")
	status := flags.String("status", "", "only these statuses, comma separated ("+labels.StatusNames()+")")
	annotator := flags.String("annotator", "", "only this annotator's work")
	split := flags.String("split", "", "parts and ratios by document, e.g. train=0.8,dev=0.1,test=0.1")
	seed := flags.Uint64("seed", 1, "the seed of the split")
	stratify := flags.Bool("stratify", false, "with --split: split the documents of each stance label apart (several targets: by their sorted target=label list)")
	accept := flags.Bool("accept-suggestions", false, "write pending suggestions that overlap no annotation as entity spans (not jsonl)")
	clitics := flags.Bool("split-clitics", false, "in token formats, split a token where a span starts or ends inside it")
	docStart := flags.Bool("docstart", false, "conll: begin each document with a -DOCSTART- line")
	flat := flags.Bool("flat", false, "conll: one tag per token, the spans of one level of nesting (--level)")
	levelName := flags.String("level", "", "the level of nested spans that hf, conll --flat and spacy-doc's ents keep: outer (default) or inner")
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
	leftOut := 0
	o := jobs.ExportOptions{Format: strings.ToLower(*format), Out: *out, Stdout: e.stdout, Seed: *seed, Stratify: *stratify, Force: *force,
		Filter: store.ExportFilter{Annotator: *annotator},
		Writer: export.Options{SplitClitics: *clitics, DocStart: *docStart, Flat: *flat,
			LeftOut: func(n int) { leftOut += n }}}
	if _, err := export.Lookup(o.Format); err != nil {
		return usageError{err.Error()}
	}
	if err := levelFlags(&o, *flat, *levelName); err != nil {
		return err
	}
	if o.Filter.Statuses, err = parseStatuses(*status); err != nil {
		return usageError{err.Error()}
	}
	if o.AcceptSuggestions = *accept; *accept && o.Format == "jsonl" {
		return usageError{jobs.ErrAcceptJSONL.Error()}
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
	if leftOut > 0 {
		fmt.Fprintf(e.stderr, "left out %s of other levels of nesting: %s writes the %s level only (one tag per token)\n",
			plural(leftOut, "entity span"), o.Format, o.Writer.Level)
	}
	return nil
}

// levelFlags checks --flat and --level against the format and sets the level.
func levelFlags(o *jobs.ExportOptions, flat bool, name string) error {
	if flat && o.Format != "conll" && o.Format != "hf" {
		return usagef("--flat is for conll (hf is always flat; %s writes every span)", o.Format)
	}
	if name == "" {
		return nil
	}
	switch {
	case o.Format == "conll" && !flat:
		return usagef("--level chooses the level that --flat keeps: give --flat too")
	case o.Format != "conll" && o.Format != "hf" && o.Format != "spacy-doc":
		return usagef("--level is for hf, conll --flat and spacy-doc (%s writes every span)", o.Format)
	}
	lv, err := export.ParseLevel(name)
	if err != nil {
		return usageError{err.Error()}
	}
	o.Writer.Level = lv
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
