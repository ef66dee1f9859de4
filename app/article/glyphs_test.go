package article

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/app/assets"
	"github.com/tawsim/tawsim/labels"
)

// tweet holds emoji of every kind (one code point, with a variation selector, a skin tone, a
// ZWJ sequence with both, a keycap, a flag, a family), a Katakana mark that no embedded font
// has, and an emoji that none has either (Unicode 16).
const tweet = "تغريدة: #COVIDー19 ينتشر 🦠 في المدن ❗️ والناس 🤷🏻‍♀️ لا يعرفون 👍🏽 1️⃣ 🇸🇦 👨‍👩‍👧 \U0001FAE9"

// emojiClusters are the emoji of tweet that the emoji font draws.
var emojiClusters = []string{"🦠", "❗️", "🤷🏻‍♀️", "👍🏽", "1️⃣", "🇸🇦", "👨‍👩‍👧"}

// frames returns the boxes drawn for characters no font has: their frames and their digits.
func frames(a fyne.Widget) (map[string]*canvas.Rectangle, []string) {
	objs := test.WidgetRenderer(a).Objects()
	out := map[string]*canvas.Rectangle{}
	var labels []string
	for i, o := range objs {
		r, ok := o.(*canvas.Rectangle)
		if !ok || r.StrokeWidth != 1 || i+1 >= len(objs) {
			continue
		}
		if t, ok := objs[i+1].(*canvas.Text); ok && t.FontSource == fontLatin.source() && r.Size().Width > t.Size().Width {
			out[t.Text] = r
			labels = append(labels, t.Text)
		}
	}
	return out, labels
}

func TestEmojiClustersAreOneGlyph(t *testing.T) {
	a, _ := show(t, tweet, 1000)
	for _, e := range emojiClusters {
		got := texts(a, e)
		if len(got) != 1 {
			t.Errorf("%q (%d code points) is not drawn as one text", e, len([]rune(e)))
			continue
		}
		if got[0].FontSource != assets.Emoji {
			t.Errorf("%q is drawn with %v, want the emoji font", e, got[0].FontSource)
		}
		if w, want := got[0].Size().Width, driverSize(e, fontEmoji, a.TextSize()).w; abs(w-want) > 0.01 {
			t.Errorf("%q is %v wide, the emoji font draws it %v wide", e, w, want)
		}
	}
	for _, o := range test.WidgetRenderer(a).Objects() {
		if tx, ok := o.(*canvas.Text); ok && (tx.Text == "♀️" || tx.Text == "\u200d" || tx.Text == "🤷🏻") {
			t.Errorf("a part of an emoji sequence is drawn alone: %q", tx.Text)
		}
	}
}

func TestEmojiSelectedWhole(t *testing.T) {
	a, _ := show(t, tweet, 1000)
	shrug := tokenNamed(t, a, "🤷🏻‍♀️", 0)
	test.TapAt(a, centre(a, shrug))
	sel := selected(t, a)
	if got := string([]rune(tweet)[sel.Start:sel.End]); got != "🤷🏻‍♀️" {
		t.Errorf("a click on 🤷🏻‍♀️ selects %q", got)
	}
	if len(a.MissingGlyphs(sel.Start, sel.End)) != 0 {
		t.Errorf("the emoji font has 🤷🏻‍♀️, yet it is reported missing")
	}
}

func TestMissingGlyphsAreBoxes(t *testing.T) {
	a, w := show(t, tweet, 1000)
	boxes, digits := frames(a)
	if want := []string{"30FC", "1FAE9"}; !slices.Equal(digits, want) {
		t.Fatalf("boxes drawn with %q, want %q", digits, want)
	}
	// the box sits where the character is, between COVID and 19
	covid := tokenNamed(t, a, "COVIDー", 0)
	p, s := a.TokenRect(covid)
	box := boxes["30FC"]
	if bx := box.Position().X; bx < p.X || bx+box.Size().Width > p.X+s.Width {
		t.Errorf("the box of ー at %v+%v is not on its token %v+%v", bx, box.Size().Width, p.X, s.Width)
	}
	if txt := texts(a, "COVID"); len(txt) != 1 || txt[0].Position().X+txt[0].Size().Width > box.Position().X {
		t.Errorf("COVID is not drawn left of the box")
	}
	// the window names what the boxes stand for
	o := a.Tokens()[covid]
	got := a.MissingGlyphs(o.Start, o.End)
	if len(got) != 1 || got[0].String() != "U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK" {
		t.Errorf("MissingGlyphs of COVIDー = %v", got)
	}
	all := a.MissingGlyphs(0, len([]rune(tweet)))
	note := MissingNote(all)
	if len(all) != 2 || !strings.Contains(note, "U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK") || !strings.Contains(note, "U+1FAE9") {
		t.Errorf("MissingGlyphs of the whole text = %v; note %q", all, note)
	}
	if MissingNote(nil) != "" {
		t.Errorf("a note for no missing character")
	}
	test.AssertImageMatches(t, "glyphs.png", w.Canvas().Capture())
}

func TestLabelDrawsBoxesAndEmoji(t *testing.T) {
	test.NewTempApp(t)
	l := NewLabel("#COVIDー19 🤷🏻‍♀️")
	w := test.NewWindow(l)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 40))
	if _, digits := frames(l); !slices.Equal(digits, []string{"30FC"}) {
		t.Errorf("the label draws boxes %q, want one for U+30FC", digits)
	}
	if !slices.Contains(labelTexts(l), "🤷🏻‍♀️") {
		t.Errorf("the label draws %q, not the emoji whole", labelTexts(l))
	}
}

// A document's own tokens, or a span, that cut a cluster do not cut it on screen.
func TestClustersNeverCut(t *testing.T) {
	test.NewTempApp(t)
	text := "قال 🤷🏻‍♀️ مرحبا"
	a := New()
	// tokens that split the ZWJ sequence after its skin tone, and a mark from its letter
	a.SetDocument(labels.Document{Text: text, Tokens: []labels.Offsets{
		{Start: 0, End: 3}, {Start: 4, End: 6}, {Start: 6, End: 9}, {Start: 10, End: 15},
	}})
	w := test.NewWindow(a)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 100))
	want := []labels.Offsets{{Start: 0, End: 3}, {Start: 4, End: 9}, {Start: 10, End: 15}}
	if got := a.Tokens(); !slices.Equal(got, want) {
		t.Errorf("tokens shown %v, want %v (the sequence whole)", got, want)
	}
	// a span from inside the sequence: the sequence is not drawn in parts
	a.SetSpans([]labels.Span{{ID: "x", Start: 6, End: 15, Label: "LOC", Kind: labels.KindEntity}}, schema)
	if len(texts(a, "🤷🏻‍♀️")) != 1 {
		t.Errorf("a span edge inside 🤷🏻‍♀️ cuts it")
	}
}
