package jobs

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// ExportOptions say what to export and where.
type ExportOptions struct {
	Format   string
	Out      string    // a file, or "-" for Stdout
	Stdout   io.Writer // written for Out "-"
	Filter   store.ExportFilter
	Split    []export.Part // one file per part, by document; nil for one file
	Seed     uint64
	Stratify bool           // split by stance: each part keeps each stance key's share (store.StanceKeys)
	Writer   export.Options // Schema is filled in from the project
	// Progress, when set, is called now and then with how far the export has gone, from a
	// goroutine of the export's own.
	Progress func(Progress)
}

// Export writes the project's records to their files, each written whole or not at all,
// and returns how many records it wrote.
func Export(ctx context.Context, st *store.Store, o ExportOptions) (int, error) {
	sc, err := st.Schema(ctx)
	if err != nil {
		return 0, err
	}
	o.Writer.Schema = sc
	outs, err := openOutputs(o)
	if err != nil {
		return 0, err
	}
	defer outs.abort()
	var splitter *export.Splitter
	if o.Split != nil {
		ids, err := st.DocumentIDs(ctx)
		if err != nil {
			return 0, err
		}
		key := func(string) string { return "" }
		if o.Stratify {
			keys, err := st.StanceKeys(ctx, o.Filter.Annotator)
			if err != nil {
				return 0, err
			}
			key = func(id string) string { return keys[id] }
		}
		if splitter, err = export.NewStratifiedSplitter(o.Split, o.Seed, ids, key); err != nil {
			return 0, err
		}
	}
	n, err := writeBehind(ctx, st, o, func(rec labels.Annotated) error {
		part := ""
		if splitter != nil {
			part = splitter.Part(rec.Doc.ID)
		}
		return outs.writers[part].Write(rec)
	})
	if err != nil {
		return 0, err
	}
	return n, outs.commit(o)
}

// exportDepth is how many records an export keeps in flight: more than the store reads in
// one batch (512 documents), so that the writer has work while the next batch is read.
const exportDepth = 1024

// writeBehind reads the project's records and hands them to write in a goroutine of its
// own, so that reading the database overlaps encoding and writing the files. It returns how
// many records were written and the first error of either side.
func writeBehind(ctx context.Context, st *store.Store, o ExportOptions, write func(labels.Annotated) error) (int, error) {
	var total int64
	if o.Progress != nil {
		count, err := st.CountDocuments(ctx)
		if err != nil {
			return 0, err
		}
		total = int64(count)
	}
	ch := make(chan labels.Annotated, exportDepth)
	done := make(chan struct{})
	stopped := make(chan struct{}) // closed at the writer's first error
	var n int
	var docs int64 // documents seen: records come a document at a time
	var last string
	var werr error
	go func() {
		defer close(done)
		for rec := range ch {
			if werr != nil {
				continue // drain, so that the reader never blocks
			}
			if werr = write(rec); werr != nil {
				close(stopped)
				continue
			}
			n++
			if rec.Doc.ID != last {
				last, docs = rec.Doc.ID, docs+1
			}
			if o.Progress != nil && n%256 == 0 {
				o.Progress(Progress{Records: n, Done: docs, Total: total})
			}
		}
	}()
	failed := errors.New("the writer stopped")
	rerr := st.Export(ctx, o.Filter, func(rec labels.Annotated) error {
		select {
		case ch <- rec:
			return nil
		case <-stopped:
			return failed
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(ch)
	<-done
	if werr != nil {
		return 0, werr
	}
	if rerr != nil {
		return 0, rerr
	}
	if o.Progress != nil {
		o.Progress(Progress{Records: n, Done: total, Total: total})
	}
	return n, nil
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

func openOutputs(o ExportOptions) (*outputs, error) {
	outs := &outputs{writers: map[string]export.Writer{}, files: map[string]*os.File{},
		bufs: map[string]*bufio.Writer{}, final: map[string]string{}}
	parts := []string{""}
	if o.Split != nil {
		parts = parts[:0]
		for _, p := range o.Split {
			parts = append(parts, p.Name)
		}
	}
	for _, part := range parts {
		var w io.Writer = o.Stdout
		if o.Out != "-" {
			name := partName(o.Out, part)
			f, err := createBeside(name)
			if err != nil {
				outs.abort()
				return nil, err
			}
			outs.files[part], outs.final[part] = f, name
			w = f
		}
		bw := bufio.NewWriterSize(w, 1<<20)
		ew, err := export.NewWriter(bw, o.Format, o.Writer)
		if err != nil {
			outs.abort()
			return nil, err
		}
		outs.bufs[part], outs.writers[part] = bw, ew
	}
	return outs, nil
}

// createBeside creates a new file beside name, hidden, to be renamed to name when it is
// whole. It is created as os.Create would create name (0666 less the umask), where
// os.CreateTemp would leave a training set only its owner can read.
func createBeside(name string) (*os.File, error) {
	dir, base := filepath.Split(name)
	for range 100 {
		tmp := filepath.Join(dir, fmt.Sprintf(".%s.%d", base, rand.Uint32()))
		f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("create a file beside %s: every name tried exists", name)
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
func (outs *outputs) commit(o ExportOptions) error {
	for part, w := range outs.writers {
		if err := w.Flush(); err != nil {
			return err
		}
		if err := outs.bufs[part].Flush(); err != nil {
			return err
		}
	}
	if o.Format == "hf" && o.Out != "-" {
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
func writeHFLabels(o ExportOptions) error {
	data, err := json.Marshal(export.HFLabels(o.Writer.Schema))
	if err != nil {
		return err
	}
	name := strings.TrimSuffix(o.Out, filepath.Ext(o.Out)) + ".labels.json"
	return os.WriteFile(name, append(data, '\n'), 0o644)
}
