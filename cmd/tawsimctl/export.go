package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

type exportOptions struct {
	format    string
	out       string
	filter    store.ExportFilter
	split     []export.Part
	seed      uint64
	writerOpt export.Options
}

func runExport(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "export", "export --db PROJECT --format "+strings.Join(export.Formats(), "|")+" [--out FILE|-]\n"+
		"                 [--status done,...] [--annotator NAME] [--split train=0.8,dev=0.1,test=0.1 --seed N] [--split-clitics]\n\n"+
		"Writes one record per (document, annotator) in import order; the same project gives the same bytes.\n"+
		"With --split, one file per part (NAME.train.jsonl, ...), assigned by document. The hf format also\n"+
		"writes its label list as NAME.labels.json. A file is written whole or not at all.")
	db := flags.String("db", "", "the project file")
	format := flags.String("format", "jsonl", "the format: "+strings.Join(export.Formats(), ", "))
	out := flags.String("out", "-", "the output file, or - for standard output")
	status := flags.String("status", "", "only these statuses, comma separated (todo, in_progress, done, skipped, flagged)")
	annotator := flags.String("annotator", "", "only this annotator's work")
	split := flags.String("split", "", "parts and ratios by document, e.g. train=0.8,dev=0.1,test=0.1")
	seed := flags.Uint64("seed", 1, "the seed of the split")
	clitics := flags.Bool("split-clitics", false, "in token formats, split a token where a span starts or ends inside it")
	docStart := flags.Bool("docstart", false, "conll: begin each document with a -DOCSTART- line")
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
	o := exportOptions{format: strings.ToLower(*format), out: *out, seed: *seed,
		filter:    store.ExportFilter{Annotator: *annotator},
		writerOpt: export.Options{SplitClitics: *clitics, DocStart: *docStart}}
	if _, err := export.NewWriter(io.Discard, o.format, export.Options{}); err != nil {
		return usageError{err.Error()}
	}
	if o.filter.Statuses, err = parseStatuses(*status); err != nil {
		return usageError{err.Error()}
	}
	if *split != "" {
		if o.split, err = export.ParseSplit(*split); err != nil {
			return usageError{err.Error()}
		}
		if o.out == "-" {
			return usagef("--split writes a file per part: name one with --out")
		}
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	if o.writerOpt.Schema, err = st.Schema(ctx); err != nil {
		return err
	}
	n, err := exportAll(ctx, e, st, o)
	if err != nil {
		return err
	}
	if o.out != "-" {
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

// exportAll writes the records to their files and returns how many it wrote.
func exportAll(ctx context.Context, e *env, st *store.Store, o exportOptions) (int, error) {
	outs, err := openOutputs(e, o)
	if err != nil {
		return 0, err
	}
	defer outs.abort()
	var splitter *export.Splitter
	if o.split != nil {
		ids, err := st.DocumentIDs(ctx)
		if err != nil {
			return 0, err
		}
		if splitter, err = export.NewSplitter(o.split, o.seed, ids); err != nil {
			return 0, err
		}
	}
	prog := newProgress(e, "records", 0)
	n := 0
	err = st.Export(ctx, o.filter, func(rec labels.Annotated) error {
		part := ""
		if splitter != nil {
			part = splitter.Part(rec.Doc.ID)
		}
		if err := outs.writers[part].Write(rec); err != nil {
			return err
		}
		n++
		prog.step(1)
		if n%4096 == 0 {
			return ctx.Err()
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	prog.done()
	return n, outs.commit(o)
}

// outputs are the files of one export: one per split part, written beside their final
// names and renamed into place only when everything has been written.
type outputs struct {
	writers map[string]export.Writer
	files   map[string]*os.File
	bufs    map[string]*bufio.Writer
	final   map[string]string
	stdout  io.Writer
}

func openOutputs(e *env, o exportOptions) (*outputs, error) {
	outs := &outputs{writers: map[string]export.Writer{}, files: map[string]*os.File{},
		bufs: map[string]*bufio.Writer{}, final: map[string]string{}}
	parts := []string{""}
	if o.split != nil {
		parts = parts[:0]
		for _, p := range o.split {
			parts = append(parts, p.Name)
		}
	}
	for _, part := range parts {
		var w io.Writer = e.stdout
		if o.out != "-" {
			name := partName(o.out, part)
			f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
			if err != nil {
				outs.abort()
				return nil, err
			}
			outs.files[part], outs.final[part] = f, name
			w = f
		}
		bw := bufio.NewWriterSize(w, 1<<20)
		ew, err := export.NewWriter(bw, o.format, o.writerOpt)
		if err != nil {
			outs.abort()
			return nil, err
		}
		outs.bufs[part], outs.writers[part] = bw, ew
	}
	return outs, nil
}

// partName is out with the part's name before its extension: data.jsonl → data.train.jsonl.
func partName(out, part string) string {
	if part == "" {
		return out
	}
	ext := filepath.Ext(out)
	return strings.TrimSuffix(out, ext) + "." + part + ext
}

// commit flushes every output, writes the hf label list, and moves the files into place.
func (outs *outputs) commit(o exportOptions) error {
	for part, w := range outs.writers {
		if err := w.Flush(); err != nil {
			return err
		}
		if err := outs.bufs[part].Flush(); err != nil {
			return err
		}
	}
	if o.format == "hf" && o.out != "-" {
		if err := writeHFLabels(o); err != nil {
			return err
		}
	}
	for part, f := range outs.files {
		if err := f.Sync(); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		if err := os.Rename(f.Name(), outs.final[part]); err != nil {
			return err
		}
		delete(outs.files, part)
	}
	return nil
}

// abort removes the files of an export that did not finish.
func (outs *outputs) abort() {
	for _, f := range outs.files {
		f.Close()
		os.Remove(f.Name())
	}
}

// writeHFLabels writes the label list of the hf format beside the data.
func writeHFLabels(o exportOptions) error {
	data, err := json.Marshal(export.HFLabels(o.writerOpt.Schema))
	if err != nil {
		return err
	}
	name := strings.TrimSuffix(o.out, filepath.Ext(o.out)) + ".labels.json"
	return os.WriteFile(name, append(data, '\n'), 0o644)
}
