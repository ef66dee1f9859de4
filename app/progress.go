package app

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/dashboard"
	"github.com/tawsim/tawsim/charts"
)

// pngSize is the size of a chart saved as a PNG file.
var pngSize = fyne.NewSize(1200, 700)

// viewMenu returns the View menu; item makes a menu item.
func (w *Window) viewMenu(item func(string, fyne.Shortcut, func()) *fyne.MenuItem) *fyne.Menu {
	return fyne.NewMenu(lang.L("View"), item(lang.L("Progress…"), nil, w.showProgress))
}

// showProgress opens the Progress view over the window and reads the project's progress for
// it, off the UI goroutine.
func (w *Window) showProgress() {
	d := dashboard.New()
	d.OnSave = w.saveChart
	d.OnRefresh = func() { w.readProgress(d) }
	size := w.win.Canvas().Size()
	dlg := dialog.NewCustom(lang.L("Progress"), lang.L("Close"), d.Object(), w.win)
	dlg.Resize(fyne.NewSize(max(size.Width-40, 600), max(size.Height-40, 400)))
	w.progress = d
	w.dialogs.show(dlg)
	w.readProgress(d)
}

// readProgress reads the project's progress in the queue and shows it in d.
func (w *Window) readProgress(d *dashboard.Dashboard) {
	st, sc := w.cfg.Store, w.schema
	w.q.Do(func(ctx context.Context) func() {
		p, err := st.Progress(ctx, time.Local)
		return func() {
			if err != nil {
				d.Failed(err)
				return
			}
			d.Show(p, sc)
		}
	})
}

// saveChart asks where to save figure f as a PNG file, and writes it there.
func (w *Window) saveChart(f charts.Figure) {
	save := dialog.NewFileSave(func(out fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if out == nil {
			return // cancelled
		}
		err = f.WritePNG(out, int(pngSize.Width), int(pngSize.Height))
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			w.showError(err)
			return
		}
		w.status.Say(lang.L("Saved the chart in %s"), out.URI().Path())
	}, w.win)
	save.SetFileName(chartFileName(w.cfg.Path, f))
	save.Show()
}

// chartFileName is the name a chart is saved under: the project's name and the chart's,
// "news-finished.png".
func chartFileName(project string, f charts.Figure) string {
	base := strings.TrimSuffix(filepath.Base(project), filepath.Ext(project))
	return base + "-" + f.ID + ".png"
}
