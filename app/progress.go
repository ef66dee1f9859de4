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
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/charts"
)

// pngSize is the size of a chart saved as a PNG file.
var pngSize = fyne.NewSize(1200, 700)

// progressView is View → Progress…: the charts of the project's progress, each of which can
// be saved as a PNG file.
type progressView struct {
	w    *Window
	last *dashboard.Dashboard // the one opened last
}

// item returns the View menu's item that opens the view; item makes a menu item.
func (v *progressView) item(item func(string, fyne.Shortcut, func()) *fyne.MenuItem) *fyne.MenuItem {
	return item(lang.X("menu.progress", "Progress…"), nil, v.show)
}

// show opens the Progress view over the window and reads the project's progress for it, off
// the UI goroutine.
func (v *progressView) show() {
	w := v.w
	d := dashboard.New()
	d.OnSave = v.save
	d.OnRefresh = func() { v.read(d) }
	size := w.win.Canvas().Size()
	dlg := w.dialogs.newDialog(lang.X("progress.title", "Progress"), d.Object(), w.dialogs.closeButton())
	dlg.Resize(fyne.NewSize(max(size.Width-40, 600), max(size.Height-40, 400)))
	v.last = d
	w.dialogs.show(dlg)
	v.read(d)
}

// read reads the project's progress in the queue and shows it in d.
func (v *progressView) read(d *dashboard.Dashboard) {
	w := v.w
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

// save asks where to save figure f as a PNG file, and writes it there.
func (v *progressView) save(f charts.Figure) {
	w := v.w
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
		w.status.Say("%s", lang.X("progress.saved", "Saved the chart in {{.File}}", msg.M{"File": msg.Name(out.URI().Path())}))
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
