package article

import (
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/labels"
)

// hitsText holds طرابلس three times: alone with a span on it, after a proclitic, and under a
// stance underline.
const hitsText = "دخلت القوات طرابلس أمس، وقال المتحدث إن المعارك في وطرابلس توقفت وإن طرابلس هادئة"

// findHits returns the hits of the query in the article's text, as the window finds them.
func findHits(a *Article, query string) []labels.Offsets {
	var out []labels.Offsets
	for _, m := range arabic.NewPhrase(query, false).Find(a.Document().Text) {
		out = append(out, labels.Offsets{Start: m.Start, End: m.End})
	}
	return out
}

// TestHitsImage: three hits of طرابلس, the second current (after the proclitic و, which is
// left outside it), the first on a LOC span and the third under a stance underline: the
// outlines run around the spans, which are drawn over them.
func TestHitsImage(t *testing.T) {
	a, w := show(t, hitsText, 560)
	a.SetSpans([]labels.Span{
		spanOver(t, a, "loc", "LOC", "طرابلس", 0),
		stance(spanOver(t, a, "st", "FAVOR", "طرابلس هادئة", 0)),
	}, schema)
	hits := findHits(a, "طرابلس")
	if len(hits) != 3 {
		t.Fatalf("hits %v, want 3", hits)
	}
	a.SetHits(hits, 1)
	w.Resize(w.Canvas().Size().AddWidthHeight(0, 1)) // lay out again at the new height
	test.AssertImageMatches(t, "hits.png", w.Canvas().Capture())
}

// TestHitsBelowSpans: a hit's outline is drawn before (below) the spans' backgrounds and the
// text, and the current hit after a proclitic is narrower than its word.
func TestHitsBelowSpans(t *testing.T) {
	a, _ := show(t, hitsText, 560)
	a.SetSpans([]labels.Span{spanOver(t, a, "loc", "LOC", "طرابلس", 0)}, schema)
	a.SetHits(findHits(a, "طرابلس"), 1)
	objs := test.WidgetRenderer(a).Objects()
	firstText, outlines := -1, 0
	var current *canvas.Rectangle
	for i, o := range objs {
		switch o := o.(type) {
		case *canvas.Text:
			if firstText < 0 {
				firstText = i
			}
		case *canvas.Rectangle:
			if o.StrokeWidth == hitStroke || o.StrokeWidth == hitCurrent {
				if firstText >= 0 {
					t.Errorf("hit outline %d drawn after the text (first text at %d)", i, firstText)
				}
				if i != outlines {
					t.Errorf("hit outline at %d, after another decoration", i)
				}
				outlines++
				if o.StrokeWidth == hitCurrent {
					current = o
				}
			}
		}
	}
	if outlines != 3 || current == nil {
		t.Fatalf("%d hit outlines, current %v; want 3 and one current", outlines, current)
	}
	word := tokenNamed(t, a, "وطرابلس", 0)
	_, ws := a.TokenRect(word)
	if got := current.Size().Width - 2*hitMargin; got >= ws.Width-1 {
		t.Errorf("the current hit is %.1f wide, its word وطرابلس %.1f: the proclitic is in it", got, ws.Width)
	}
}

// TestSetHitsDropsOutside: hits outside the text are left out, the current one following its
// hit; a new document clears them.
func TestSetHitsDropsOutside(t *testing.T) {
	a, _ := show(t, hitsText, 560)
	n := len([]rune(hitsText))
	a.SetHits([]labels.Offsets{{Start: -1, End: 2}, {Start: 0, End: 4}, {Start: n, End: n + 3}, {Start: 5, End: 11}}, 3)
	hits, cur := a.Hits()
	if len(hits) != 2 || hits[1] != (labels.Offsets{Start: 5, End: 11}) || cur != 1 {
		t.Errorf("hits %v current %d, want [{0 4} {5 11}] and 1", hits, cur)
	}
	a.SetHits(hits, 7)
	if _, cur := a.Hits(); cur != -1 {
		t.Errorf("current %d for an index past the hits, want -1", cur)
	}
	a.SetDocument(labels.Document{Text: "نص آخر"})
	if hits, cur := a.Hits(); len(hits) != 0 || cur != -1 {
		t.Errorf("a new document keeps hits %v, current %d", hits, cur)
	}
}
