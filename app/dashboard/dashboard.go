// Package dashboard is the window's Progress view: the project's progress as four charts
// (package charts) in a grid, documents finished per day per annotator, entity labels,
// document stances per target and time spent per document, each with its title, a line that
// sums it up, its key and a button that saves it as a PNG file. The pictures are drawn by
// gonum/plot at the size and scale they are shown at, again when they are resized, in the
// theme's colours; titles and keys are drawn beside them with the article's labels, which
// shape Arabic names and set them right to left. It owns its widgets; the window reads the
// progress (store.Progress) and saves the files.
package dashboard

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/charts"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Dashboard is the Progress view.
type Dashboard struct {
	// OnSave is called by a chart's Save button: the window asks where, and writes its PNG.
	OnSave func(f charts.Figure)
	// OnRefresh is called by the Refresh button: the window reads the progress again.
	OnRefresh func()

	figures []charts.Figure
	cards   []*Card
	grid    *fyne.Container
	scroll  *container.Scroll
	summary mirror.Texter
	object  fyne.CanvasObject
}

// New returns an empty dashboard; Show fills it.
func New() *Dashboard {
	d := &Dashboard{grid: container.NewGridWithColumns(2), summary: mirror.Label(lang.X("progress.reading", "Reading the project…"))}
	refresh := widget.NewButtonWithIcon(lang.X("progress.refresh", "Refresh"), theme.ViewRefreshIcon(), func() {
		if d.OnRefresh != nil {
			d.OnRefresh()
		}
	})
	d.scroll = container.NewVScroll(d.grid)
	d.object = container.NewBorder(mirror.Border(nil, nil, nil, refresh, d.summary), nil, nil, nil, d.scroll)
	return d
}

// Object returns what the window shows.
func (d *Dashboard) Object() fyne.CanvasObject { return d.object }

// Show draws the progress p of a project with schema sc.
func (d *Dashboard) Show(p store.Progress, sc labels.Schema) {
	d.figures = charts.FiguresIn(p, sc, Words())
	d.cards = d.cards[:0]
	objs := make([]fyne.CanvasObject, 0, len(d.figures))
	for _, f := range d.figures {
		c := newCard(f, func() {
			if d.OnSave != nil {
				d.OnSave(f)
			}
		})
		d.cards = append(d.cards, c)
		objs = append(objs, c.object)
	}
	d.grid.Objects = mirror.Grid(2, objs...).Objects // the first chart at the start edge
	d.scroll.Refresh()                               // the charts' height, which the scroll gives the grid
	done := p.Status[labels.StatusDone] + p.Status[labels.StatusCurated]
	d.summary.SetText(msg.Count("status.documents", "{{.N}} documents", p.Documents) + " · " +
		msg.Count("progress.annotators", "{{.N}} annotators", len(p.Annotators)) + " · " +
		msg.Count("progress.finished", "{{.N}} finished (done or curated)", done))
}

// Failed says that the progress could not be read.
func (d *Dashboard) Failed(err error) {
	d.summary.SetText(lang.X("progress.failed", "The progress could not be read: {{.Error}}", msg.M{"Error": err.Error()}))
}

// Cards returns the charts shown, in order.
func (d *Dashboard) Cards() []*Card { return d.cards }

// Card is one chart with its title, note, key and Save button.
type Card struct {
	Figure  charts.Figure
	Picture *Picture // nil for a figure with nothing to draw
	Save    *widget.Button
	object  fyne.CanvasObject
}

// newCard makes the card of figure f, whose Save button calls save.
func newCard(f charts.Figure, save func()) *Card {
	c := &Card{Figure: f}
	title := mirror.Title(f.Title)
	note := mirror.Label(f.Note)
	mirror.Faint(note)
	var body fyne.CanvasObject
	if f.Empty != "" {
		body = container.NewCenter(mirror.Label(f.Empty))
		note.Hide()
	} else {
		c.Picture = NewPicture(f)
		body = c.Picture
		if !f.Inside {
			// the axes' names, which the picture cannot draw in the window's language
			axes := mirror.Label(lang.X("progress.axes", "Across: {{.X}} · up: {{.Y}}", msg.M{"X": f.XLabel, "Y": f.YLabel}))
			mirror.Faint(axes)
			body = container.NewBorder(nil, axes, nil, nil, body)
		}
	}
	c.Save = widget.NewButtonWithIcon(lang.X("progress.save", "Save PNG…"), theme.DocumentSaveIcon(), save)
	if f.Empty != "" {
		c.Save.Disable()
	}
	top := container.NewVBox(mirror.Border(nil, nil, nil, c.Save, title), note)
	c.object = container.NewPadded(container.NewBorder(top, keyOf(f), nil, nil, body))
	return c
}

// keyOf lays out the key of f: a swatch of each colour, the code an axis shows and the full
// name (cut with an ellipsis where the column is too narrow), two to a row.
func keyOf(f charts.Figure) fyne.CanvasObject {
	if len(f.Key) == 0 {
		return nil
	}
	items := make([]fyne.CanvasObject, 0, len(f.Key))
	for _, k := range f.Key {
		var parts []fyne.CanvasObject
		if k.Color.A != 0 {
			sw := canvas.NewRectangle(k.Color)
			sw.CornerRadius = 2
			sw.SetMinSize(fyne.NewSize(12, 12))
			parts = append(parts, container.NewCenter(sw))
		}
		if k.Code != "" && k.Code != k.Name {
			code := widget.NewLabel(k.Code)
			code.TextStyle.Monospace = true
			parts = append(parts, code)
		}
		name := article.NewLabel(k.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		items = append(items, mirror.Border(nil, nil, mirror.Row(parts...), nil, name))
	}
	return mirror.Grid(2, items...)
}

// Picture draws a figure at the size it is given, again when it is resized or the theme
// changes.
type Picture struct {
	widget.BaseWidget
	fig    charts.Figure
	raster *canvas.Raster
	drawn  image.Image
	w, h   int
	style  charts.Style
}

// minPicture is the smallest a picture is drawn.
var minPicture = fyne.NewSize(320, 200)

// NewPicture returns the picture of f.
func NewPicture(f charts.Figure) *Picture {
	p := &Picture{fig: f}
	p.raster = canvas.NewRaster(p.draw)
	p.raster.ScaleMode = canvas.ImageScaleFastest
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer lays the picture out. It is called by Fyne.
func (p *Picture) CreateRenderer() fyne.WidgetRenderer {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(minPicture)
	return widget.NewSimpleRenderer(container.NewStack(r, p.raster))
}

// Image returns the picture as last drawn, nil before.
func (p *Picture) Image() image.Image { return p.drawn }

// draw renders the figure at w×h pixels, at the scale the canvas draws the widget with, in
// the theme's colours; the same size and colours give the same image without drawing again.
func (p *Picture) draw(w, h int) image.Image {
	th, v := p.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	s := charts.Style{
		Background: th.Color(theme.ColorNameBackground, v),
		Foreground: th.Color(theme.ColorNameForeground, v),
		Grid:       th.Color(theme.ColorNameSeparator, v),
	}
	if p.drawn != nil && w == p.w && h == p.h && s == p.style {
		return p.drawn
	}
	scale := float32(1)
	if size := p.raster.Size(); size.Width > 0 {
		scale = float32(w) / size.Width
	}
	p.drawn, p.w, p.h, p.style = p.fig.Image(w, h, 96*float64(scale), s), w, h, s
	return p.drawn
}
