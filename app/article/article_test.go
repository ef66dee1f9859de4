package article

import (
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/tawsim/tawsim/app/assets"
	"github.com/tawsim/tawsim/labels"
)

// seedText returns the built-in sample article (read from the seeds package's file, so that this
// package's tests need no store).
func seedText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../../seeds/seed-article-tripoli.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// show puts an article holding text in an unpadded test window of the given width, as tall as
// the text.
func show(t testing.TB, text string, width float32) (*Article, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	a := New()
	a.SetDocument(labels.Document{Text: text})
	w := test.NewWindow(a)
	t.Cleanup(w.Close)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(width, 100))
	w.Resize(fyne.NewSize(width, a.MinSize().Height))
	return a, w
}

// tokenText returns the text of token i.
func tokenText(a *Article, i int) string {
	o := a.Tokens()[i]
	s, _ := labels.Slice(a.Document().Text, o.Start, o.End)
	return s
}

// drawn returns the canvas.Text objects of line y (those whose top is within the line's band)
// from the right edge leftwards.
func drawn(a *Article, y float32) []*canvas.Text {
	var out []*canvas.Text
	for _, o := range test.WidgetRenderer(a).Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Position().Y >= y && t.Position().Y < y+a.m.lineHeight {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Position().X > out[j].Position().X })
	return out
}

func TestArticleFirstTokenAtRightEdge(t *testing.T) {
	a, _ := show(t, seedText(t), 600)
	if got := tokenText(a, 0); got != "تقهقر" {
		t.Fatalf("token 0 is %q", got)
	}
	pos, size := a.TokenRect(0)
	pad := theme.InnerPadding()
	if right := pos.X + size.Width; right != 600-pad {
		t.Errorf("the first token ends at x=%v, want the right edge %v", right, 600-pad)
	}
	if pos.Y != pad {
		t.Errorf("the first token is at y=%v, want %v", pos.Y, pad)
	}
	if line := a.VisualLine(0); line[0] != 0 {
		t.Errorf("line 0 starts at the right with token %d", line[0])
	}
}

func TestArticleMixedSentence(t *testing.T) {
	a, _ := show(t, mixed, 900)
	if n := a.LineCount(); n != 1 {
		t.Fatalf("%d lines, want 1", n)
	}
	want := make([]int, len(a.Tokens()))
	for i := range want {
		want[i] = i
	}
	if got := a.VisualLine(0); !slices.Equal(got, want) {
		t.Errorf("tokens from the right: %v, want %v", got, want)
	}
	var shown []string
	for _, tx := range drawn(a, 0) {
		shown = append(shown, tx.Text)
	}
	if !slices.Equal(shown, mixedRightToLeft) {
		t.Errorf("drawn from the right:\n got %q\nwant %q", shown, mixedRightToLeft)
	}
	at := func(s string) (float32, float32) {
		for i := range a.Tokens() {
			if tokenText(a, i) == s {
				p, sz := a.TokenRect(i)
				return p.X, p.X + sz.Width
			}
		}
		t.Fatalf("no token %q", s)
		return 0, 0
	}
	stopL, stopR := at(".")
	yearL, yearR := at("2019")
	aprilL, aprilR := at("أبريل")
	threeL, _ := at("3")
	for i := range a.Tokens() {
		if p, _ := a.TokenRect(i); p.X < stopL {
			t.Errorf("token %q is left of the full stop", tokenText(a, i))
		}
	}
	if stopR != yearL {
		t.Errorf("the full stop does not touch 2019 on its left: %v, %v", stopR, yearL)
	}
	if !(yearR < aprilL && aprilR < threeL) {
		t.Errorf("want 2019 left of أبريل left of 3")
	}
}

func TestArticleLatinRun(t *testing.T) {
	a, _ := show(t, "وقال في حوار مع صحيفة Corriere della Sera الايطالية", 900)
	var shown []string
	for _, tx := range drawn(a, 0) {
		shown = append(shown, tx.Text)
	}
	want := []string{"وقال", "في", "حوار", "مع", "صحيفة", "Sera", "della", "Corriere", "الايطالية"}
	if !slices.Equal(shown, want) {
		t.Errorf("drawn from the right:\n got %q\nwant %q", shown, want)
	}
}

func TestArticleWrapKeepsReadingOrder(t *testing.T) {
	a, _ := show(t, seedText(t), 260)
	pad := theme.InnerPadding()
	next := 0
	for li := range a.LineCount() {
		line := a.VisualLine(li)
		if len(line) == 0 {
			continue
		}
		if line[0] != next {
			t.Fatalf("line %d starts at the right with token %d %q, want %d %q",
				li, line[0], tokenText(a, line[0]), next, tokenText(a, next))
		}
		for _, tok := range line {
			if p, s := a.TokenRect(tok); p.X < pad-0.01 || p.X+s.Width > 260-pad+0.01 {
				t.Errorf("token %q spills out of the line: %v + %v", tokenText(a, tok), p.X, s.Width)
			}
		}
		next = slices.Max(line) + 1
	}
	if next != len(a.Tokens()) {
		t.Errorf("the lines hold tokens up to %d of %d", next, len(a.Tokens()))
	}
}

func TestArticleResizeRewraps(t *testing.T) {
	a, w := show(t, seedText(t), 800)
	lines, height := a.LineCount(), a.MinSize().Height
	w.Resize(fyne.NewSize(400, height))
	if a.LineCount() <= lines || a.MinSize().Height <= height {
		t.Errorf("at half the width: %d lines (was %d), height %v (was %v)", a.LineCount(), lines, a.MinSize().Height, height)
	}
	if a.MinSize().Width > 100 {
		t.Errorf("min width %v: the article should wrap, not ask for room", a.MinSize().Width)
	}
}

func TestArticleTokenAt(t *testing.T) {
	a, _ := show(t, seedText(t), 600)
	for i := range a.Tokens() {
		p, s := a.TokenRect(i)
		got, ok := a.TokenAt(fyne.NewPos(p.X+s.Width/2, p.Y+s.Height/2))
		if !ok || got != i {
			t.Fatalf("TokenAt(centre of token %d %q) = %d, %v", i, tokenText(a, i), got, ok)
		}
	}
	p0, _ := a.TokenRect(0)
	p1, s1 := a.TokenRect(1)
	if _, ok := a.TokenAt(fyne.NewPos((p1.X+s1.Width+p0.X)/2, p0.Y+2)); ok {
		t.Errorf("the space between tokens 0 and 1 is a token")
	}
	if _, ok := a.TokenAt(fyne.NewPos(300, 1)); ok {
		t.Errorf("the padding above the text is a token")
	}
}

func TestArticleFonts(t *testing.T) {
	a, _ := show(t, mixed, 900)
	for _, tx := range drawn(a, 0) {
		var want fyne.Resource = theme.DefaultTextFont()
		if strings.ContainsAny(tx.Text, "قالمتحدثباسمجيشإنخصوفيهلتنظيمأبر") {
			want = assets.ArabicRegular
		}
		if tx.FontSource != want {
			t.Errorf("%q is drawn with %v", tx.Text, tx.FontSource)
		}
	}
}

func TestArticleOwnTokens(t *testing.T) {
	test.NewTempApp(t)
	a := New()
	a.SetDocument(labels.Document{Text: "في طرابلس.", Tokens: []labels.Offsets{{Start: 0, End: 2}, {Start: 3, End: 10}}})
	if got := len(a.Tokens()); got != 2 {
		t.Fatalf("%d tokens, want the document's 2", got)
	}
	if got := tokenText(a, 1); got != "طرابلس." {
		t.Errorf("token 1 is %q", got)
	}
}

// longText returns an article of at least n tokens: the seed article again and again.
func longText(t testing.TB, n int) string {
	seed := seedText(t)
	var b strings.Builder
	for tokens := 0; tokens < n; tokens += len(strings.Fields(seed)) + strings.Count(seed, ".") {
		b.WriteString(seed)
		b.WriteString("\n")
	}
	return b.String()
}

func TestArticleDrawsOnlyNearTheView(t *testing.T) {
	test.NewTempApp(t)
	a := New()
	a.SetDocument(labels.Document{Text: longText(t, 6000)})
	w := test.NewWindow(a)
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	a.Resize(fyne.NewSize(800, a.MinSize().Height))
	n := len(a.an.pieces)
	objs := len(test.WidgetRenderer(a).Objects())
	if n < 6000 || objs == 0 || objs > n/3 {
		t.Fatalf("%d objects drawn for %d pieces", objs, n)
	}
	// scrolled to the middle, as a container.Scroll does it
	mid := a.LineCount() / 2
	y := a.lay.lines[mid].y
	a.Move(fyne.NewPos(0, -y))
	found := false
	for _, o := range test.WidgetRenderer(a).Objects() {
		if o.Position().Y >= y && o.Position().Y < y+a.m.lineHeight {
			found = true
		}
	}
	if !found {
		t.Errorf("after scrolling to line %d, nothing of it is drawn", mid)
	}
}

func TestArticleSeedImage(t *testing.T) {
	_, w := show(t, seedText(t), 640)
	test.AssertImageMatches(t, "seed.png", w.Canvas().Capture())
}

func TestArticleMixedImage(t *testing.T) {
	text := mixed + "\nوقال في حوار مع صحيفة Corriere della Sera الايطالية إن نسبة «المؤيدين» بلغت 34.3 بالمئة (نوفمبر/تشرين الثاني)."
	_, w := show(t, text, 760)
	test.AssertImageMatches(t, "mixed.png", w.Canvas().Capture())
}

func benchmarkSetDocument(b *testing.B, text string) {
	test.NewTempApp(b)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(900, 700))
	tokens := 0
	b.ResetTimer()
	for b.Loop() {
		a := New()
		w.SetContent(a)
		a.SetDocument(labels.Document{Text: text})
		a.Resize(fyne.NewSize(900, a.MinSize().Height))
		tokens = len(a.Tokens())
	}
	b.ReportMetric(float64(tokens), "tokens")
}

// BenchmarkSetDocument6000 opens an article of about 6,000 tokens (the seed article repeated) in
// a fresh widget: tokenizing, bidi, measuring, wrapping and placing the first screens.
func BenchmarkSetDocument6000(b *testing.B) {
	benchmarkSetDocument(b, longText(b, 6000))
}

// BenchmarkSetDocument6000Unique is the same with 6,000 different words that no widget has
// measured before: the cost of shaping the words of the lines shown (and of estimating the
// others).
func BenchmarkSetDocument6000Unique(b *testing.B) {
	test.NewTempApp(b)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(900, 700))
	round := 0
	for b.Loop() {
		b.StopTimer()
		text := uniqueWords(round*6000, 6000)
		round++
		b.StartTimer()
		a := New()
		w.SetContent(a)
		a.SetDocument(labels.Document{Text: text})
		a.Resize(fyne.NewSize(900, a.MinSize().Height))
	}
}

// uniqueWords returns n different five-letter Arabic words, numbered from first, fifteen to a
// sentence and a line.
func uniqueWords(first, n int) string {
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	var sb strings.Builder
	for i := range n {
		k := first + i
		for range 5 {
			sb.WriteRune(letters[k%len(letters)])
			k /= len(letters)
		}
		if i%15 == 14 {
			sb.WriteString(".\n")
		} else {
			sb.WriteString(" ")
		}
	}
	return sb.String()
}

// Opening a long article shapes the words of the lines shown, not all of them; scrolling
// shapes more, and every line then sits where it would had all been shaped at once.
func TestLongArticleMeasuredAsShown(t *testing.T) {
	text := uniqueWords(0, 6000)
	a, w := show(t, "", 900)
	w.Resize(fyne.NewSize(900, 700))
	a.SetDocument(labels.Document{Text: text})
	a.Resize(fyne.NewSize(900, a.MinSize().Height))
	if n := len(a.an.pieces); a.d.exact == 0 || a.d.exact > n/2 {
		t.Fatalf("%d of %d pieces shaped on opening", a.d.exact, n)
	}
	// a second article, all of it shaped
	b, _ := show(t, text, 900)
	lines := b.LineCount()
	mid := b.lay.lines[lines/2]
	type placed struct {
		text string
		at   fyne.Position
	}
	want := map[placed]bool{}
	for _, o := range test.WidgetRenderer(b).Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			want[placed{tx.Text, tx.Position()}] = true
		}
	}
	a.Move(fyne.NewPos(0, -mid.y))
	shown := 0
	for _, o := range test.WidgetRenderer(a).Objects() {
		tx, ok := o.(*canvas.Text)
		if !ok || tx.Position().Y < mid.y || tx.Position().Y >= mid.y+b.m.lineHeight {
			continue
		}
		shown++
		if !want[placed{tx.Text, tx.Position()}] {
			t.Errorf("%q is drawn at %v after scrolling, not where the article shaped at once has it", tx.Text, tx.Position())
		}
	}
	if shown == 0 || a.LineCount() != lines || a.MinSize().Height != b.MinSize().Height {
		t.Errorf("%d texts shown; %d lines, height %v; shaped at once: %d lines, height %v",
			shown, a.LineCount(), a.MinSize().Height, lines, b.MinSize().Height)
	}
}
