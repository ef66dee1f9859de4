package jobs

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/labels"
)

// outputs are the open files of one export: one per split part (or standard output), and
// the format's label list (hf's), each written beside its final name and moved into place only when
// everything has been written.
type outputs struct {
	writers map[string]export.Writer // by split part, "" without a split
	bufs    map[string]*bufio.Writer
	files   []*output // the files planned, in their order (the parts, then the label list)
	tmps    []*os.File
	labels  *os.File // the label list's temporary file, or nil
	// labelList gives the label list of the format (hf's), nil for a format without one
	labelList func(labels.Schema) []string
}

// openOutputs creates the temporary files of the outputs planned and the writers of o's
// format over them (over o.Stdout for the output "-").
func openOutputs(o ExportOptions, plan []*output) (*outputs, error) {
	f, err := export.Lookup(o.Format)
	if err != nil {
		return nil, err
	}
	outs := &outputs{writers: map[string]export.Writer{}, bufs: map[string]*bufio.Writer{}, files: plan, labelList: f.LabelList}
	for _, out := range plan {
		f, err := createTemp(out)
		if err != nil {
			outs.abort()
			return nil, err
		}
		outs.tmps = append(outs.tmps, f)
	}
	parts := []string{""}
	if o.Split != nil {
		parts = parts[:0]
		for _, p := range o.Split {
			parts = append(parts, p.Name)
		}
	}
	for i, part := range parts {
		var w io.Writer = o.Stdout
		if o.Out != "-" {
			w = outs.tmps[i]
		}
		bw := bufio.NewWriterSize(w, 1<<20)
		ew, err := export.NewWriter(bw, o.Format, o.Writer)
		if err != nil {
			outs.abort()
			return nil, err
		}
		outs.bufs[part], outs.writers[part] = bw, ew
	}
	if len(outs.tmps) > len(parts) {
		outs.labels = outs.tmps[len(parts)]
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

// commit flushes every output, writes the label list of schema, and moves the files into
// place.
func (outs *outputs) commit(schema labels.Schema) error {
	for part, w := range outs.writers {
		if err := w.Flush(); err != nil {
			return err
		}
		if err := outs.bufs[part].Flush(); err != nil {
			return err
		}
	}
	if outs.labels != nil {
		data, err := json.Marshal(outs.labelList(schema))
		if err != nil {
			return err
		}
		if _, err := outs.labels.Write(append(data, '\n')); err != nil {
			return err
		}
	}
	for _, f := range outs.tmps {
		if err := f.Sync(); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	dirs := map[string]bool{}
	for i, out := range outs.files {
		if err := place(outs.tmps[i].Name(), out); err != nil {
			return err
		}
		outs.tmps[i] = nil
		dirs[filepath.Dir(out.target)] = true
	}
	for dir := range dirs {
		syncDir(dir)
	}
	return nil
}

// place moves the temporary file tmp to out's target: over the file there when out replaces
// it, else only when no file has appeared there since the export began.
func place(tmp string, out *output) error {
	if out.replace {
		return os.Rename(tmp, out.target)
	}
	err := os.Link(tmp, out.target) // unlike a rename, a link never replaces a file
	if err == nil {
		return os.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s %w: it was made while the export ran", out.name, ErrExists)
	}
	// A file system without hard links: look, then rename.
	if _, err := os.Lstat(out.target); err == nil {
		return fmt.Errorf("%s %w: it was made while the export ran", out.name, ErrExists)
	}
	return os.Rename(tmp, out.target)
}

// syncDir writes a folder's entries to disk, so that the files moved into it stay there
// after a crash. Where a folder cannot be synced, the files are in it all the same.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// abort removes the temporary files of an export that did not finish; the files they
// were to replace stay as they were.
func (outs *outputs) abort() {
	for _, f := range outs.tmps {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}
