package jobs

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/tawsim/tawsim/charts"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

// WriteReport writes the progress of the project st as the HTML page of charts.Report to
// name, whole or not at all as an export writes its files: beside name first, moved into
// place once written. A file at name is replaced only with force (ErrExists otherwise);
// the project's own files never are (ErrProjectFile). Days are those of loc.
func WriteReport(ctx context.Context, st store.Project, name string, force bool, loc *time.Location) error {
	out, exists, err := planOutput(name, projectFiles(st.Path()))
	if err != nil {
		return err
	}
	if exists && !force {
		return &ExistsError{Names: []string{name}}
	}
	out.replace = exists
	r, err := report(ctx, st, loc)
	if err != nil {
		return err
	}
	return writeWhole(out, r.WriteHTML)
}

// PrintReport writes the page WriteReport writes to w (standard output).
func PrintReport(ctx context.Context, st store.Project, w io.Writer, loc *time.Location) error {
	r, err := report(ctx, st, loc)
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(w, 64<<10)
	if err := r.WriteHTML(b); err != nil {
		return err
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("write the report: %w", err)
	}
	return nil
}

// report reads the progress of the project st for its page.
func report(ctx context.Context, st store.Project, loc *time.Location) (charts.Report, error) {
	p, err := st.Progress(ctx, loc)
	if err != nil {
		return charts.Report{}, err
	}
	sc, err := st.Schema(ctx)
	if err != nil {
		return charts.Report{}, err
	}
	return charts.Report{Project: open.Title(st.Path()), Written: time.Now().In(loc), Progress: p, Schema: sc}, nil
}

// writeWhole writes out's content with write into a temporary file beside it, then moves it
// into place; on an error the temporary file goes and out's target stays as it was.
func writeWhole(out *output, write func(io.Writer) error) error {
	f, err := createTemp(out)
	if err != nil {
		return fmt.Errorf("write %s: %w", out.name, err)
	}
	fail := func(err error) error {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", out.name, err)
	}
	w := bufio.NewWriterSize(f, 64<<10)
	if err := write(w); err != nil {
		return fail(err)
	}
	if err := w.Flush(); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	if err := place(f.Name(), out); err != nil {
		os.Remove(f.Name())
		return err
	}
	syncDir(filepath.Dir(out.target))
	return nil
}
