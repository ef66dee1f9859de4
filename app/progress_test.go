package app

import (
	"image"
	"math"
	"testing"

	"github.com/tawsim/tawsim/charts"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// TestProgressView: View → Progress… shows four charts of the project; those with something
// to draw are drawn at the size they are shown, and again larger when the window grows.
func TestProgressView(t *testing.T) {
	w, shown := openWindow(t, searchDocs...)
	start(t, w, shown)
	press(w, "d") // the sample done
	next(t, shown)
	selectPhrase(t, w, "اجتماع")
	press(w, "4") // a MISC
	menuItem(t, w, "Progress…").Action()
	w.q.Wait()
	d := w.progress.last
	if d == nil || len(d.Cards()) != 4 {
		t.Fatalf("the Progress view has %v", d)
	}
	drawn := map[string]bool{}
	for _, c := range d.Cards() {
		drawn[c.Figure.ID] = c.Picture != nil
	}
	if !drawn["finished"] || !drawn["labels"] || drawn["stances"] {
		t.Errorf("figures with a picture: %v", drawn)
	}
	w.win.Canvas().Capture() // paints the pictures
	pic := d.Cards()[0].Picture
	first := pic.Image()
	if first == nil || !coloured(first) {
		t.Fatalf("the chart of documents finished was not drawn")
	}
	if b := first.Bounds(); math.Abs(float64(b.Dx())-float64(pic.Size().Width)) > 1 ||
		math.Abs(float64(b.Dy())-float64(pic.Size().Height)) > 1 || b.Dy() < 200 {
		t.Errorf("drawn at %v for a picture of %v", b, pic.Size())
	}
	pic.Resize(pic.Size().AddWidthHeight(100, 50))
	w.win.Canvas().Capture()
	if b := pic.Image().Bounds(); b.Dx() != first.Bounds().Dx()+100 || b.Dy() != first.Bounds().Dy()+50 {
		t.Errorf("drawn at %v once 100×50 larger than %v", b, first.Bounds())
	}
}

// coloured reports whether img has a pixel of a colour (not grey): a line or a bar.
func coloured(img image.Image) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if max(r, g, bl)-min(r, g, bl) > 0x4000 {
				return true
			}
		}
	}
	return false
}

// TestChartFileName: a chart is saved under the project's name and the chart's.
func TestChartFileName(t *testing.T) {
	f := charts.Figures(store.Progress{}, labels.Schema{})[0]
	if got := chartFileName("/home/amal/news.tawsim", f); got != "news-finished.png" {
		t.Errorf("file name %q", got)
	}
}
