package article

import (
	"image/color"
	"sort"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"github.com/tawsim/tawsim/arabic/bidi"
	"github.com/tawsim/tawsim/labels"
)

// bidiLine is a line of mixed text and what it shows, left to right: its characters without
// white space and format characters, each mirrored where its level is odd, as GNU FriBidi
// orders them (`fribidi --rtl --nobreak --vtol --levels`, FriBidi 1.0).
type bidiLine struct{ text, visual string }

var bidiLines = []bidiLine{
	// brackets after a Latin word take its direction (rule N0)
	{"نشرت مجلة Nature (vol. 5) دراسة جديدة.", ".ةديدجةساردNature(vol.5)ةلجمترشن"},
	{"ارتفع سهم شركة Apple Inc. (NASDAQ: AAPL) أمس.", ".سمأAppleInc.(NASDAQ:AAPL)ةكرشمهسعفترا"},
	{"وجدت دراسة Smith et al. (2020) أن النتائج متسقة.", ".ةقستمجئاتنلانأSmithetal.(2020)ةساردتدجو"},
	{"نقلت قناة BBC News [London] الخبر.", ".ربخلاBBCNews[London]ةانقتلقن"},
	// brackets after an Arabic word take the paragraph's direction; numbers after Arabic
	// letters are Arabic numbers, whose separators and signs stay right to left
	{"قال الرئيس (Joe Biden) إن 3.5% من الناخبين في ولاية Ohio صوتوا يوم 2024-11-05.",
		".05-11-2024موياوتوصOhioةيالويفنيبخانلانم%3.5نإ(JoeBiden)سيئرلالاق"},
	// an isolate (RLI ... PDI): the Arabic word inside does not make 5 an Arabic number, and
	// Bob ⁧...⁩ 5 reads left to right as one block; without it the order would be
	// ".تارم5ابحرمBobمدختسملابتك"
	{"كتب المستخدم Bob \u2067مرحبا\u2069 5 مرات.", ".تارمBobابحرم5مدختسملابتك"},
	// an embedding (LRE ... PDF): an Arabic word at level 3 inside a Latin phrase at level 2
	// inside an Arabic sentence at level 1; flattened to two levels, the Latin phrase would
	// break around the Arabic word
	{"قال \u202aThe title is «السلام» in 2024\u202c أمس.", ".سمأThetitleis«مالسلا»in2024لاق"},
	// overrides (RLO ... PDF, LRO ... PDF): Latin letters and numbers drawn right to left,
	// Arabic letters left to right
	{"رمز \u202eabc-12\u202c و\u202dسلام (1)\u202c هنا", "انهسلام(1)و21-cbaزمر"},
	// punctuation glued to Arabic words, a hashtag, emoji side by side (an emoji with its skin
	// tone is one cluster, which is never taken apart: FriBidi reverses its two code points)
	{"قال: (مرحبا) «عربي» مرحبا(عربي) هل؟! #كورونا 🦠👍🏽", "👍🏽🦠انوروك#!؟له(يبرع)ابحرم«يبرع»(ابحرم):لاق"},
}

// fyneDraws returns the characters of a canvas.Text in the order Fyne's text renderer draws
// them, left to right, mirrored where the shaper mirrors them: its walkString shapes the runs
// that go-text's segmenter finds (a bidi paragraph of their own, in the direction of the first
// strong character) one after the other from the left, and HarfBuzz lays a right-to-left run
// out reversed with mirrored glyphs.
func fyneDraws(t *canvas.Text) string {
	k := fontLatin
	for f := range textFonts {
		if f.source() == t.FontSource {
			k = f
		}
	}
	runes := []rune(t.Text)
	in := shaping.Input{Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR, Face: face(k), Size: fixed.I(16)}
	var seg shaping.Segmenter
	var hb shaping.HarfbuzzShaper
	var out []rune
	for _, run := range seg.Split(in, oneFace{face(k)}) {
		rtl := run.Direction.Progression() == di.TowardTopLeft
		glyphs := hb.Shape(run).Glyphs
		for g := 0; g < len(glyphs); g++ {
			// the code points of the glyph's cluster: from its index to the next cluster's
			start, end := glyphs[g].ClusterIndex, run.RunEnd
			for _, o := range glyphs {
				if o.ClusterIndex > start && o.ClusterIndex < end {
					end = o.ClusterIndex
				}
			}
			for g+1 < len(glyphs) && glyphs[g+1].ClusterIndex == start {
				g++
			}
			cluster := append([]rune(nil), runes[start:end]...)
			if rtl {
				for i, j := 0, len(cluster)-1; i < j; i, j = i+1, j-1 {
					cluster[i], cluster[j] = cluster[j], cluster[i]
				}
				for i, r := range cluster {
					cluster[i], _ = bidi.Mirror(r)
				}
			}
			out = append(out, cluster...)
		}
	}
	return string(out)
}

// visibleOnly drops white space and format characters.
func visibleOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// drawnLeftToRight returns what objs draw, left to right.
func drawnLeftToRight(objs []fyne.CanvasObject) string {
	var ts []*canvas.Text
	for _, o := range objs {
		if t, ok := o.(*canvas.Text); ok {
			ts = append(ts, t)
		}
	}
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Position().X < ts[j].Position().X })
	var sb strings.Builder
	for _, t := range ts {
		sb.WriteString(fyneDraws(t))
	}
	return visibleOnly(sb.String())
}

// whiteSpaceTokens returns the runs of text between white space: tokens such as "(vol." and
// "5)" that hold characters of several bidi levels, as a corpus's own tokens may be.
func whiteSpaceTokens(text string) []labels.Offsets {
	var out []labels.Offsets
	start := -1
	for i, r := range []rune(text + " ") {
		switch {
		case unicode.IsSpace(r) && start >= 0:
			out = append(out, labels.Offsets{Start: start, End: i})
			start = -1
		case !unicode.IsSpace(r) && start < 0:
			start = i
		}
	}
	return out
}

func TestBidiLinesDrawnAsFriBidiOrdersThem(t *testing.T) {
	for _, own := range []bool{false, true} {
		for _, bl := range bidiLines {
			a, _ := show(t, bl.text, 2000)
			if own {
				a.SetDocument(labels.Document{Text: bl.text, Tokens: whiteSpaceTokens(bl.text)})
			}
			if n := a.LineCount(); n != 1 {
				t.Fatalf("%q: %d lines", bl.text, n)
			}
			if got := drawnLeftToRight(test.WidgetRenderer(a).Objects()); got != bl.visual {
				t.Errorf("%q (white space tokens: %v) is drawn, left to right,\n%q\nwant\n%q", bl.text, own, got, bl.visual)
			}
		}
	}
}

func TestArticleKeepsEveryLevel(t *testing.T) {
	a, _ := show(t, "قال \u202aThe title is «السلام» in 2024\u202c أمس.", 2000)
	levels := map[string]uint8{}
	for _, p := range a.an.pieces {
		levels[string(a.an.text[p.start:p.end])] = p.level
	}
	for s, want := range map[string]uint8{"قال": 1, "The": 2, "«": 2, "السلام": 3, "2024": 2, "أمس": 1} {
		if got := levels[s]; got != want {
			t.Errorf("%s at level %d, want %d", s, got, want)
		}
	}
}

// A label takes the direction of its first strong character, as FriBidi does by default.
func TestLabelDirectionOfFirstStrongCharacter(t *testing.T) {
	test.NewTempApp(t)
	for text, want := range map[string]string{
		"Apple Inc. (NASDAQ: AAPL)":        "AppleInc.(NASDAQ:AAPL)",
		"Apple Inc. تطلق هاتفا جديدا":      "AppleInc.اديدجافتاهقلطت",
		"نشرت مجلة Nature (vol. 5) دراسة.": ".ةساردNature(vol.5)ةلجمترشن",
		"2024 (سوريا)":                     "(ايروس)2024",
	} {
		l := NewLabel(text)
		l.Resize(fyne.NewSize(1000, l.MinSize().Height))
		if got := drawnLeftToRight(test.WidgetRenderer(l).Objects()); got != want {
			t.Errorf("label %q is drawn, left to right,\n%q\nwant\n%q", text, got, want)
		}
	}
}

func TestBidiLinesImage(t *testing.T) {
	var sb strings.Builder
	for _, bl := range bidiLines {
		sb.WriteString(bl.text + "\n")
	}
	_, w := show(t, sb.String(), 700)
	test.AssertImageMatches(t, "bidi-lines.png", w.Canvas().Capture())
}

// A span whose edges cut tokens of several levels ("(Joe" and "Biden)", "(vol." and "5)", as
// a corpus's own tokens may be) is drawn under its own characters: its background covers the
// parts inside it and leaves the brackets outside it bare, whichever way they face.
func TestSpanInsideMultiLevelTokens(t *testing.T) {
	text := bidiLines[4].text + "\n" + bidiLines[0].text
	a, w := show(t, text, 760)
	a.SetDocument(labels.Document{Text: text, Tokens: whiteSpaceTokens(text)})
	w.Resize(fyne.NewSize(760, a.MinSize().Height))
	a.SetSpans([]labels.Span{
		spanOver(t, a, "biden", "PERS", "Joe Biden", 0),
		spanOver(t, a, "vol", "ORG", "vol. 5", 0),
	}, schema)
	for _, tc := range []struct {
		bg      color.Color
		in, out []string // texts as drawn: the brackets of level 1 are mirrored
	}{
		{persColor, []string{"Joe", "Biden"}, []string{")", "("}},
		{orgColor, []string{"vol.", "5"}, []string{"(", ")"}},
	} {
		bg := rects(a, tc.bg)
		if len(bg) != 1 {
			t.Fatalf("%d backgrounds of %v, want 1: %s", len(bg), tc.in, boxes(bg))
		}
		l, r := bg[0].Position().X, bg[0].Position().X+bg[0].Size().Width
		y0, y1 := bg[0].Position().Y, bg[0].Position().Y+bg[0].Size().Height
		onLine := func(tx *canvas.Text) bool {
			mid := tx.Position().Y + tx.Size().Height/2
			return mid >= y0 && mid < y1
		}
		for _, s := range tc.in {
			for _, tx := range drawnTexts(a, s) {
				if onLine(tx) && (tx.Position().X < l-spanInset-0.5 || tx.Position().X+tx.Size().Width > r+spanInset+0.5) {
					t.Errorf("%q at [%.1f, %.1f] sticks out of its span's background [%.1f, %.1f]", s, tx.Position().X, tx.Position().X+tx.Size().Width, l, r)
				}
			}
		}
		for _, s := range tc.out {
			for _, tx := range drawnTexts(a, s) {
				if onLine(tx) && min(r, tx.Position().X+tx.Size().Width)-max(l, tx.Position().X) > 0.5 {
					t.Errorf("%q at [%.1f, %.1f] is under the background [%.1f, %.1f] of %v", s, tx.Position().X, tx.Position().X+tx.Size().Width, l, r, tc.in)
				}
			}
		}
	}
	test.AssertImageMatches(t, "bidi-spans.png", w.Canvas().Capture())
}

// drawnTexts returns every canvas.Text the article draws with text s.
func drawnTexts(a *Article, s string) []*canvas.Text {
	var out []*canvas.Text
	for _, o := range test.WidgetRenderer(a).Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Text == s {
			out = append(out, t)
		}
	}
	return out
}
