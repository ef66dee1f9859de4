package article

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/labels"
)

// longArticle shows an article of about 6,000 tokens in a 900×700 window, scrolled to its
// middle, with 600 spans.
func longArticle(b *testing.B) (*Article, []labels.Span) {
	test.NewTempApp(b)
	a := New()
	a.SetDocument(labels.Document{Text: longText(b, 6000)})
	w := test.NewWindow(a)
	b.Cleanup(w.Close)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(900, 700))
	a.Resize(fyne.NewSize(900, a.MinSize().Height))
	a.Move(fyne.NewPos(0, -a.lay.lines[a.LineCount()/2].y))
	spans := manySpans(a, 600)
	a.SetSpans(spans, schema)
	return a, spans
}

// BenchmarkSetSpans600 is a label action on a long article: one span more (it starts after a
// proclitic, so a token is cut) on an article of 6,000 tokens with 600 spans, then one less,
// each redrawn: the work between the key and the frame that shows the span.
func BenchmarkSetSpans600(b *testing.B) {
	a, spans := longArticle(b)
	mid := a.LineCount() / 2
	tok := a.VisualLine(mid)[1]
	o := a.Tokens()[tok]
	extra := labels.Span{ID: "extra", Start: o.Start + 1, End: o.End, Label: "LOC", Kind: labels.KindEntity}
	more := append(append([]labels.Span(nil), spans...), extra)
	gen := a.gen
	b.ReportMetric(float64(len(a.Tokens())), "tokens")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			a.SetSpans(more, schema)
		} else {
			a.SetSpans(spans, schema)
		}
	}
	b.StopTimer()
	if a.gen != gen {
		b.Fatal("SetSpans laid the text out again")
	}
}

// BenchmarkTapSelect is a click that selects a token on a long article with 600 spans.
func BenchmarkTapSelect(b *testing.B) {
	a, _ := longArticle(b)
	line := a.VisualLine(a.LineCount() / 2)
	var at []fyne.Position // two tokens without a span
	for _, tok := range line {
		if p := centre(a, tok); a.spanAt(p) < 0 && len(at) < 2 {
			at = append(at, p)
		}
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		test.TapAt(a, at[i%2])
	}
	b.StopTimer()
	if _, ok := a.Selection(); !ok {
		b.Fatal("nothing selected")
	}
}
