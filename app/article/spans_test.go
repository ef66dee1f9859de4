package article

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/labels"
)

// texts returns the canvas.Text objects the article draws with the given texts, in that order;
// fewer when some are missing.
func texts(a *Article, want ...string) []*canvas.Text {
	var out []*canvas.Text
	for _, s := range want {
		for _, o := range test.WidgetRenderer(a).Objects() {
			if t, ok := o.(*canvas.Text); ok && t.Text == s {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// rects returns the rectangles the article draws filled with c.
func rects(a *Article, c color.Color) []*canvas.Rectangle {
	var out []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(a).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == c {
			out = append(out, r)
		}
	}
	return out
}

// outlines returns the unfilled rectangles the article draws.
func outlines(a *Article) []*canvas.Rectangle {
	var out []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(a).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == color.Transparent && r.StrokeWidth > 0 {
			out = append(out, r)
		}
	}
	return out
}

// boxes describes rectangles for a test failure.
func boxes(rs []*canvas.Rectangle) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "[%.1f,%.1f %.1f×%.1f] ", r.Position().X, r.Position().Y, r.Size().Width, r.Size().Height)
	}
	return b.String()
}

// schema is the default schema's colours.
var schema = labels.Schema{
	Entities: []labels.Label{
		{Name: "PERS", Color: "#e4572e", Hotkey: "1"}, {Name: "ORG", Color: "#29a3d6", Hotkey: "2"},
		{Name: "LOC", Color: "#76b041", Hotkey: "3"}, {Name: "MISC", Color: "#b07cc6", Hotkey: "4"},
	},
	StanceLabels: []labels.Label{
		{Name: "FAVOR", Color: "#2e9e5b", Hotkey: "f"}, {Name: "AGAINST", Color: "#d1453b", Hotkey: "a"},
	},
	Targets: []labels.Target{{ID: "lna", Name: "Libyan National Army"}},
}

var (
	persColor = tint(color.NRGBA{R: 0xe4, G: 0x57, B: 0x2e, A: 0xff})
	orgColor  = tint(color.NRGBA{R: 0x29, G: 0xa3, B: 0xd6, A: 0xff})
	locColor  = tint(color.NRGBA{R: 0x76, G: 0xb0, B: 0x41, A: 0xff})
	favor     = color.NRGBA{R: 0x2e, G: 0x9e, B: 0x5b, A: 0xff}
)

// spanOver returns a span with the given label over the n-th occurrence (from 0) of phrase in
// the article's text.
func spanOver(t testing.TB, a *Article, id, label, phrase string, n int) labels.Span {
	t.Helper()
	text := a.Document().Text
	b := -1
	for from := 0; n >= 0; n-- {
		k := strings.Index(text[from:], phrase)
		if k < 0 {
			t.Fatalf("no %q in the text", phrase)
		}
		b, from = from+k, from+k+len(phrase)
	}
	start := labels.RuneLen(text[:b])
	return labels.Span{ID: id, Start: start, End: start + labels.RuneLen(phrase), Text: phrase, Label: label, Kind: labels.KindEntity}
}

// stance makes sp a stance span toward the LNA.
func stance(sp labels.Span) labels.Span {
	sp.Kind, sp.Target = labels.KindStance, "lna"
	return sp
}

// seedSpans labels some names of the seed article.
func seedSpans(t testing.TB, a *Article) []labels.Span {
	return []labels.Span{
		spanOver(t, a, "tripoli", "LOC", "طرابلس", 0),
		spanOver(t, a, "lna", "ORG", "الجيش الوطني الليبي", 0),
		spanOver(t, a, "tripoli2", "LOC", "طرابلس", 2),
		spanOver(t, a, "gna", "ORG", "حكومة الوفاق", 0),
		spanOver(t, a, "mismari", "PERS", "احمد المسماري", 0),
		spanOver(t, a, "misrata", "LOC", "مصراتة", 0),
		spanOver(t, a, "sirte", "LOC", "سرت", 0),
	}
}

// tokensOf returns the first and last tokens of sp.
func tokensOf(a *Article, sp labels.Span) (int, int) {
	return a.tokenOf(sp.Start), a.tokenOf(sp.End - 1)
}

// near reports whether x and y are within d of each other.
func near(x, y, d float32) bool { return abs(x-y) <= d }

func TestSpansDrawnUnderTheirTokens(t *testing.T) {
	a, _ := show(t, seedText(t), 640)
	spans := seedSpans(t, a)
	a.SetSpans(spans, schema)
	for _, sp := range spans {
		first, last := tokensOf(a, sp)
		p0, s0 := a.TokenRect(first)
		p1, _ := a.TokenRect(last)
		if p0.Y != p1.Y {
			t.Fatalf("span %s wraps at this width", sp.ID)
		}
		c := map[string]color.Color{"LOC": locColor, "ORG": orgColor, "PERS": persColor}[sp.Label]
		var found *canvas.Rectangle
		for _, r := range rects(a, c) {
			if r.Position().Y > p0.Y && r.Position().Y < p0.Y+s0.Height/2 {
				found = r
			}
		}
		if found == nil {
			t.Errorf("span %s: no %s rectangle on its line (%s)", sp.ID, sp.Label, boxes(rects(a, c)))
			continue
		}
		// RTL: the first token is at the right, the last at the left
		right, left := p0.X+s0.Width, p1.X
		if sp.Start != a.Tokens()[first].Start { // لحكومة: the span starts after ل
			right = texts(a, "ل\u200d")[0].Position().X
		}
		if r := found.Position().X + found.Size().Width; !near(r, right, 1.5) || !near(found.Position().X, left, 1.5) {
			t.Errorf("span %s is drawn from %v to %v, its tokens from %v to %v", sp.ID, found.Position().X, r, left, right)
		}
		if bottom := found.Position().Y + found.Size().Height; bottom > p0.Y+s0.Height || bottom < p0.Y+s0.Height*3/4 {
			t.Errorf("span %s's background ends at y=%v, its line at %v", sp.ID, bottom, p0.Y+s0.Height)
		}
		// the label's name, in the label's colour, above the span's right end
		var name *canvas.Text
		for _, tx := range texts(a, sp.Label) {
			name = tx
		}
		ok := false
		for _, o := range test.WidgetRenderer(a).Objects() {
			if tx, is := o.(*canvas.Text); is && tx.Text == sp.Label && near(tx.Position().X+tx.Size().Width, right, 1.5) &&
				tx.Position().Y < found.Position().Y && tx.Position().Y+tx.Size().Height > found.Position().Y && tx.TextSize < a.TextSize() {
				ok = true
				name = tx
			}
		}
		if !ok {
			t.Errorf("span %s: no small %s above its right end (right end %v, background top %v)", sp.ID, sp.Label, right, found.Position().Y)
		} else if tc := name.Color.(color.NRGBA); tc.R != c.(color.NRGBA).R || tc.A != 0xff {
			t.Errorf("span %s: its name is drawn in %v", sp.ID, name.Color)
		}
	}
}

func TestSpanAcrossALineBreak(t *testing.T) {
	a, _ := show(t, seedText(t), 260)
	// a span from the second to last token of line 1 to the second token of line 2
	l1, l2 := a.VisualLine(1), a.VisualLine(2)
	from, to := l1[len(l1)-2], l2[1]
	text := a.Document().Text
	sp := labels.Span{ID: "x", Start: a.Tokens()[from].Start, End: a.Tokens()[to].End, Label: "MISC", Kind: labels.KindEntity}
	sp.Text, _ = labels.Slice(text, sp.Start, sp.End)
	a.SetSpans([]labels.Span{sp}, schema)
	rs := rects(a, tint(color.NRGBA{R: 0xb0, G: 0x7c, B: 0xc6, A: 0xff}))
	if len(rs) != 2 {
		t.Fatalf("a span over a line break is drawn as %d rectangles, want 2: %s", len(rs), boxes(rs))
	}
	pa, _ := a.TokenRect(l1[len(l1)-1])
	pb, sb := a.TokenRect(from)
	pc, sc := a.TokenRect(l2[0])
	pd, _ := a.TokenRect(to)
	if rs[0].Position().Y > rs[1].Position().Y {
		rs[0], rs[1] = rs[1], rs[0]
	}
	if r := rs[0]; !near(r.Position().X, pa.X, 1.5) || !near(r.Position().X+r.Size().Width, pb.X+sb.Width, 1.5) {
		t.Errorf("on line 1 the span runs %s, want from %v to %v", boxes(rs[:1]), pa.X, pb.X+sb.Width)
	}
	if r := rs[1]; !near(r.Position().X, pd.X, 1.5) || !near(r.Position().X+r.Size().Width, pc.X+sc.Width, 1.5) {
		t.Errorf("on line 2 the span runs %s, want from %v to %v", boxes(rs[1:]), pd.X, pc.X+sc.Width)
	}
	if n := len(texts(a, "MISC")); n != 1 {
		t.Errorf("the label name is drawn %d times, want once", n)
	}
	pos, size := a.RangeRect(sp.Start, sp.End)
	if pos.Y != pa.Y || pos.Y+size.Height != pd.Y+sc.Height || !near(pos.X, min(pa.X, pd.X), 0.01) {
		t.Errorf("RangeRect = %v %v, want from line 1's top to line 2's bottom", pos, size)
	}
}

func TestSpansInAMixedLine(t *testing.T) {
	a, _ := show(t, mixed, 900)
	isis := spanOver(t, a, "isis", "ORG", "ISIS", 0)
	army := spanOver(t, a, "army", "ORG", "الجيش", 0)
	a.SetSpans([]labels.Span{isis, army}, schema)
	for _, sp := range []labels.Span{isis, army} {
		p, s := a.TokenRect(a.tokenOf(sp.Start))
		ok := false
		for _, r := range rects(a, orgColor) {
			ok = ok || near(r.Position().X, p.X, 1.5) && near(r.Size().Width, s.Width, 3)
		}
		if !ok {
			t.Errorf("%s is not drawn under its token: %s", sp.Text, boxes(rects(a, orgColor)))
		}
	}
}

func TestAdjacentSpansStayApart(t *testing.T) {
	a, _ := show(t, "وقال قائد الجيش الوطني الليبي خليفة حفتر في طرابلس", 900)
	org := spanOver(t, a, "org", "ORG", "الجيش الوطني الليبي", 0)
	pers := spanOver(t, a, "pers", "PERS", "خليفة حفتر", 0)
	// and two spans that touch without a space: و cut off a word
	loc := spanOver(t, a, "loc", "LOC", "قال", 0)
	misc := labels.Span{ID: "misc", Start: 0, End: 1, Text: "و", Label: "MISC", Kind: labels.KindEntity}
	a.SetSpans([]labels.Span{org, pers, loc, misc}, schema)
	o, p := rects(a, orgColor), rects(a, persColor)
	if len(o) != 1 || len(p) != 1 {
		t.Fatalf("ORG drawn as %s, PERS as %s", boxes(o), boxes(p))
	}
	if gap := o[0].Position().X - (p[0].Position().X + p[0].Size().Width); gap < 2 {
		t.Errorf("ORG and PERS, one after the other, are %v apart", gap)
	}
	l := rects(a, locColor)
	m := rects(a, tint(color.NRGBA{R: 0xb0, G: 0x7c, B: 0xc6, A: 0xff}))
	if len(l) != 1 || len(m) != 1 {
		t.Fatalf("LOC drawn as %s, MISC as %s", boxes(l), boxes(m))
	}
	if gap := m[0].Position().X - (l[0].Position().X + l[0].Size().Width); gap < 1.5 {
		t.Errorf("و (MISC) and قال (LOC), touching, are %v apart", gap)
	}
	if got := texts(a, "و", "قال"); len(got) != 2 {
		t.Errorf("وقال cut after و is not drawn in two parts")
	}
}

func TestStanceUnderlineOverAnEntity(t *testing.T) {
	a, _ := show(t, "وقال قائد الجيش الوطني الليبي خليفة حفتر في طرابلس", 900)
	org := spanOver(t, a, "org", "ORG", "الجيش الوطني الليبي", 0)
	st := stance(spanOver(t, a, "st", "FAVOR", "قائد الجيش الوطني", 0))
	a.SetSpans([]labels.Span{org, st}, schema)
	u := rects(a, favor)
	if len(u) != 1 {
		t.Fatalf("the stance span is drawn as %s", boxes(u))
	}
	bg := rects(a, orgColor)[0]
	if u[0].Position().Y < bg.Position().Y+bg.Size().Height {
		t.Errorf("the underline at y=%v is not below the entity background (bottom %v)", u[0].Position().Y, bg.Position().Y+bg.Size().Height)
	}
	first, last := tokensOf(a, st)
	p0, s0 := a.TokenRect(first)
	p1, _ := a.TokenRect(last)
	if !near(u[0].Position().X, p1.X, 0.5) || !near(u[0].Position().X+u[0].Size().Width, p0.X+s0.Width, 0.5) {
		t.Errorf("the underline runs %s, its tokens from %v to %v", boxes(u), p1.X, p0.X+s0.Width)
	}
	// a click on the words selects the entity or the token; on the underline, the stance span
	var tapped []string
	a.OnSpanTapped = func(sp labels.Span) { tapped = append(tapped, sp.ID) }
	test.TapAt(a, centre(a, first))
	if sel := selected(t, a); sel != tokens(a, first, first) {
		t.Errorf("a click on قائد selects %v", sel)
	}
	test.TapAt(a, fyne.NewPos(centre(a, first).X, u[0].Position().Y+1))
	test.TapAt(a, centre(a, last))
	if want := []string{"st", "org"}; strings.Join(tapped, " ") != strings.Join(want, " ") {
		t.Errorf("taps on the underline then on الوطني gave %v, want %v", tapped, want)
	}
}

func TestTapASpan(t *testing.T) {
	a, _ := show(t, seedText(t), 640)
	spans := seedSpans(t, a)
	a.SetSpans(spans, schema)
	var got []labels.Span
	a.OnSpanTapped = func(sp labels.Span) { got = append(got, sp) }
	selects := 0
	a.OnSelect = func(Selection) { selects++ }
	test.TapAt(a, centre(a, 0))
	lna := spans[1]
	first, last := tokensOf(a, lna)
	// on a token of the span, and on the gap between two of them
	pf, _ := a.TokenRect(first + 1)
	pg, sg := a.TokenRect(first + 2)
	for _, pos := range []fyne.Position{centre(a, last), fyne.NewPos((pg.X+sg.Width+pf.X)/2, centre(a, first).Y)} {
		test.TapAt(a, pos)
		if len(got) == 0 || got[len(got)-1].ID != "lna" {
			t.Fatalf("a click at %v on الجيش الوطني الليبي: OnSpanTapped got %v", pos, got)
		}
	}
	if sp, ok := a.SelectedSpan(); !ok || sp.ID != "lna" {
		t.Errorf("SelectedSpan = %v, %v", sp.ID, ok)
	}
	if _, ok := a.Selection(); ok {
		t.Errorf("a span and tokens are selected at once")
	}
	if selects != 1 {
		t.Errorf("OnSelect called %d times, want once (the first click)", selects)
	}
	if o := outlines(a); len(o) != 1 {
		t.Errorf("the selected span is outlined by %s", boxes(o))
	}
	// a drag that starts on the span selects tokens
	drag(a, centre(a, first), centre(a, last+1))
	if sel := selected(t, a); sel != tokens(a, first, last+1) {
		t.Errorf("a drag from the span selects %v, want %v", sel, tokens(a, first, last+1))
	}
	if _, ok := a.SelectedSpan(); ok {
		t.Errorf("after a drag the span is still selected")
	}
	a.SelectSpan("mismari")
	if sp, ok := a.SelectedSpan(); !ok || sp.ID != "mismari" {
		t.Errorf("SelectSpan(mismari): SelectedSpan = %v, %v", sp.ID, ok)
	}
	a.SelectSpan("")
	if _, ok := a.SelectedSpan(); ok || len(outlines(a)) != 0 {
		t.Errorf("SelectSpan(\"\") leaves a span selected")
	}
}

// TestSetSpansLeavesTheLayout: spans are drawn over the text as it is laid out; a span nested
// in another (here حكومة, cut from لحكومة, inside حكومة الوفاق) moves the lines below down to
// make room for the band, and changes nothing else.
func TestSetSpansLeavesTheLayout(t *testing.T) {
	a, _ := show(t, seedText(t), 640)
	an, gen, widths := a.an, a.gen, &a.d.widths[0]
	spans := seedSpans(t, a)
	a.SetSpans(spans, schema)
	if a.an != an || a.gen != gen || &a.d.widths[0] != widths {
		t.Errorf("SetSpans analysed, measured or laid the text out again")
	}
	lines := slices.Clone(a.lay.lines)
	cut := spanOver(t, a, "cut", "ORG", "لحكومة", 0)
	cut.Start++
	a.SetSpans(append(spans, cut), schema)
	if a.an != an || &a.d.widths[0] != widths {
		t.Errorf("SetSpans analysed or measured the text again")
	}
	for i, ln := range a.lay.lines {
		if ln.first != lines[i].first || ln.last != lines[i].last || ln.y < lines[i].y {
			t.Fatalf("line %d was %+v, is %+v", i, lines[i], ln)
		}
	}
	if len(a.splits) != 1 {
		t.Errorf("%d pieces cut, want the one of لحكومة", len(a.splits))
	}
	if got := texts(a, "ل\u200d", "\u200dحكومة"); len(got) != 2 {
		t.Errorf("a span starting after ل does not cut لحكومة there")
	}
}

func TestSpansOutsideTheTextAreLeftOut(t *testing.T) {
	a, _ := show(t, "في طرابلس", 300)
	a.SetSpans([]labels.Span{{ID: "a", Start: 3, End: 40, Label: "LOC"}, {ID: "b", Start: -1, End: 2, Label: "LOC"}, {ID: "c", Start: 3, End: 9, Label: "NEW"}}, schema)
	if got := a.Spans(); len(got) != 1 || got[0].ID != "c" {
		t.Errorf("spans kept: %v", got)
	}
	if rs := rects(a, tint(unknownColor)); len(rs) != 1 {
		t.Errorf("a label the schema lacks is drawn as %s", boxes(rs))
	}
}

func TestDecorationsOnlyNearTheView(t *testing.T) {
	test.NewTempApp(t)
	a := New()
	a.SetDocument(labels.Document{Text: longText(t, 6000)})
	w := test.NewWindow(a)
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	a.Resize(fyne.NewSize(800, a.MinSize().Height))
	spans := manySpans(a, 600)
	a.SetSpans(spans, schema)
	n := 0
	for _, o := range test.WidgetRenderer(a).Objects() {
		if _, ok := o.(*canvas.Rectangle); ok {
			n++
		}
	}
	if n == 0 || n > len(spans)/3 {
		t.Errorf("%d rectangles drawn for %d spans", n, len(spans))
	}
}

// manySpans returns n one-token entity spans spread over the article, every tenth one
// starting after a proclitic where its token has one.
func manySpans(a *Article, n int) []labels.Span {
	toks := a.Tokens()
	names := []string{"PERS", "ORG", "LOC", "MISC"}
	out := make([]labels.Span, 0, n)
	for k := range n {
		o := toks[k*len(toks)/n]
		out = append(out, labels.Span{ID: fmt.Sprint("s", k), Start: o.Start, End: o.End, Label: names[k%4], Kind: labels.KindEntity})
	}
	return out
}
