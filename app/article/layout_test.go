package article

import (
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/labels"
)

// mixed is a sentence that mixes Arabic with brackets, Latin, numbers and a final full stop.
const mixed = "قال المتحدث (باسم الجيش) إن 25 شخصا قتلوا في هجوم لتنظيم ISIS يوم 3 أبريل 2019."

// mixedRightToLeft is how mixed reads on screen from the right edge leftwards: under the bidi
// algorithm every token is at level 1 except 25, ISIS, 3 and 2019 (level 2), which are single
// tokens, so the visual order from the right is the logical order; the brackets, at level 1,
// are mirrored; the full stop, between the number 2019 and the paragraph's end, resolves to
// right to left and ends up at the far left.
var mixedRightToLeft = []string{
	"قال", "المتحدث", ")", "باسم", "الجيش", "(", "إن", "25", "شخصا", "قتلوا", "في", "هجوم",
	"لتنظيم", "ISIS", "يوم", "3", "أبريل", "2019", ".",
}

// testMetrics are round numbers, so that positions can be checked exactly.
var testMetrics = metrics{space: 5, lineHeight: 20, lineGap: 2, paraGap: 10, pad: 4}

// laidOut is a text analysed and laid out with every code point 10 units wide.
type laidOut struct {
	an     *analysis
	widths []float32
	lay    layout
}

func layText(text string, width float32) *laidOut {
	var offs []labels.Offsets
	for _, t := range arabic.Tokenize(text) {
		offs = append(offs, labels.Offsets{Start: t.Start, End: t.End})
	}
	return layTokens(text, offs, width)
}

func layTokens(text string, toks []labels.Offsets, width float32) *laidOut {
	l := &laidOut{an: analyze([]rune(text), toks, direction)}
	for _, p := range l.an.pieces {
		l.widths = append(l.widths, float32(10*(p.end-p.start)))
	}
	layOut(l.an, l.widths, testMetrics, width, &l.lay)
	return l
}

// shown returns what line i shows, piece by piece, from the right edge leftwards.
func (l *laidOut) shown(i int) []string {
	ln := l.lay.lines[i]
	idx := make([]int32, 0, ln.last-ln.first)
	for j := ln.first; j < ln.last; j++ {
		idx = append(idx, j)
	}
	sort.Slice(idx, func(a, b int) bool { return l.lay.x[idx[a]] > l.lay.x[idx[b]] })
	var out []string
	for _, j := range idx {
		p := l.an.pieces[j]
		out = append(out, drawnText(l.an.text[p.start:p.end], p.level, l.an.clusters, int(p.start)))
	}
	return out
}

// piece returns the index of the first piece whose text is s.
func (l *laidOut) piece(t *testing.T, s string) int32 {
	t.Helper()
	for i, p := range l.an.pieces {
		if string(l.an.text[p.start:p.end]) == s {
			return int32(i)
		}
	}
	t.Fatalf("no piece %q", s)
	return -1
}

func (l *laidOut) right(i int32) float32 { return l.lay.x[i] + l.widths[i] }

func TestMixedSentenceBidiOrder(t *testing.T) {
	l := layText(mixed, 2000)
	if len(l.lay.lines) != 1 {
		t.Fatalf("got %d lines, want 1", len(l.lay.lines))
	}
	if got := l.shown(0); !slices.Equal(got, mixedRightToLeft) {
		t.Errorf("right to left:\n got %q\nwant %q", got, mixedRightToLeft)
	}
	stop, year, april, three := l.piece(t, "."), l.piece(t, "2019"), l.piece(t, "أبريل"), l.piece(t, "3")
	if l.lay.x[stop] != testMetrics.pad+2000-2*testMetrics.pad-lineWidth(l, 0) {
		t.Errorf("the full stop is at x=%v, not at the left end of the line", l.lay.x[stop])
	}
	if !(l.right(year) <= l.lay.x[april] && l.right(april) <= l.lay.x[three]) {
		t.Errorf("want 2019 left of أبريل left of 3: x = %v, %v, %v", l.lay.x[year], l.lay.x[april], l.lay.x[three])
	}
	for _, p := range []string{"25", "ISIS", "3", "2019"} {
		if lv := l.an.pieces[l.piece(t, p)].level; lv != 2 {
			t.Errorf("%s at level %d, want 2", p, lv)
		}
	}
}

// lineWidth is the width of line i's pieces and gaps.
func lineWidth(l *laidOut, i int) float32 {
	ln := l.lay.lines[i]
	return advance(l.an.pieces, l.widths, testMetrics.space, ln.first, ln.last)
}

func TestSpacesOnlyWhereTheTextHasThem(t *testing.T) {
	l := layText(mixed, 2000)
	open, name := l.piece(t, "("), l.piece(t, "باسم")
	if l.right(name) != l.lay.x[open] {
		t.Errorf("( and باسم touch in the text but not on screen: باسم ends at %v, ( starts at %v", l.right(name), l.lay.x[open])
	}
	year, stop := l.piece(t, "2019"), l.piece(t, ".")
	if l.right(stop) != l.lay.x[year] {
		t.Errorf("2019 and . touch in the text but not on screen")
	}
	said, speaker := l.piece(t, "قال"), l.piece(t, "المتحدث")
	if l.right(speaker)+testMetrics.space != l.lay.x[said] {
		t.Errorf("want one space between قال and المتحدث: %v + %v != %v", l.right(speaker), testMetrics.space, l.lay.x[said])
	}
}

func TestFirstTokenAtRightEdge(t *testing.T) {
	l := layText("طرابلس - يحقق الجيش الوطني الليبي", 500)
	if got, want := l.right(0), float32(500)-testMetrics.pad; got != want {
		t.Errorf("first token ends at x=%v, want the right edge %v", got, want)
	}
}

func TestLatinRunReadsLeftToRight(t *testing.T) {
	l := layText("وقال في حوار مع صحيفة Corriere della Sera الايطالية الاثنين", 2000)
	want := []string{"وقال", "في", "حوار", "مع", "صحيفة", "Sera", "della", "Corriere", "الايطالية", "الاثنين"}
	if got := l.shown(0); !slices.Equal(got, want) {
		t.Errorf("right to left:\n got %q\nwant %q", got, want)
	}
	c, d, s := l.piece(t, "Corriere"), l.piece(t, "della"), l.piece(t, "Sera")
	if l.right(c)+testMetrics.space != l.lay.x[d] || l.right(d)+testMetrics.space != l.lay.x[s] {
		t.Errorf("Corriere della Sera is not one left-to-right block with single spaces")
	}
}

func TestBracketedLatinAndNumbers(t *testing.T) {
	l := layText("انتشر فيروس (COVID-19) في 34.3 بالمئة و٣٤٫٣ منها", 2000)
	got := l.shown(0)
	// COVID-19 is one left-to-right block: on screen, from the right, 19 - COVID.
	want := []string{"انتشر", "فيروس", ")", "19", "-", "COVID", "(", "في", "34.3", "بالمئة", "و", "٣٤٫٣", "منها"}
	if !slices.Equal(got, want) {
		t.Errorf("right to left:\n got %q\nwant %q", got, want)
	}
}

func TestWrapKeepsReadingOrder(t *testing.T) {
	text := "يحقق الجيش الوطني الليبي مزيدا من التقدم في عدة محاور في العاصمة طرابلس وسط تقهقر الميليشيات التابعة لحكومة الوفاق."
	l := layText(text, 300)
	if len(l.lay.lines) < 3 {
		t.Fatalf("got %d lines at width 300, want several", len(l.lay.lines))
	}
	var all []string
	for i := range l.lay.lines {
		ln := l.lay.lines[i]
		if w := lineWidth(l, i); w > 300-2*testMetrics.pad {
			t.Errorf("line %d is %v wide, more than fits", i, w)
		}
		got := l.shown(i)
		// the line starts at the right with the token after the last one of the line above
		if first := string(l.an.text[l.an.pieces[ln.first].start:l.an.pieces[ln.first].end]); got[0] != first {
			t.Errorf("line %d starts at the right with %q, want %q", i, got[0], first)
		}
		all = append(all, got...)
	}
	var want []string
	for _, tok := range arabic.Tokenize(text) {
		want = append(want, tok.Text)
	}
	if !slices.Equal(all, want) {
		t.Errorf("lines read right to left, top to bottom:\n got %q\nwant %q", all, want)
	}
}

func TestWrapDoesNotSplitTouchingTokens(t *testing.T) {
	// "قال (باسم" is 85 units; on a line of 80 it breaks before "(", not between "(" and "باسم".
	l := layText("قال (باسم الجيش)", 8+80)
	if got := l.shown(0); !slices.Equal(got, []string{"قال"}) {
		t.Errorf("line 0 shows %q, want قال alone", got)
	}
	if got := l.shown(1); !slices.Equal(got, []string{")", "باسم"}) {
		t.Errorf("line 1 shows %q, want ) باسم", got)
	}
}

func TestOverlongToken(t *testing.T) {
	l := layText("من الميليشياتالميليشيات في", 8+60)
	if len(l.lay.lines) != 3 {
		t.Fatalf("got %d lines, want 3 (the long token alone)", len(l.lay.lines))
	}
	if got := l.shown(1); len(got) != 1 {
		t.Errorf("line 1 shows %q, want the long token alone", got)
	}
	// a run of touching tokens wider than the line breaks between them
	l = layText("((((((((((", 8+40)
	if len(l.lay.lines) != 3 {
		t.Errorf("ten touching brackets 100 wide in 40: got %d lines, want 3", len(l.lay.lines))
	}
}

func TestParagraphs(t *testing.T) {
	l := layText("أولا\nثانيا\r\nثالثا\n\nرابعا\n", 500)
	if n := len(l.an.paras); n != 5 {
		t.Fatalf("got %d paragraphs, want 5 (one of them empty)", n)
	}
	want := [][]string{{"أولا"}, {"ثانيا"}, {"ثالثا"}, nil, {"رابعا"}}
	for i, w := range want {
		if got := l.shown(i); !slices.Equal(got, w) {
			t.Errorf("line %d shows %q, want %q", i, got, w)
		}
	}
	m := testMetrics
	if got, want := l.lay.lines[1].y, m.pad+m.lineHeight+m.lineGap+m.paraGap; got != want {
		t.Errorf("second paragraph at y=%v, want %v", got, want)
	}
	if got, want := l.lay.height, m.pad+5*m.lineHeight+4*(m.lineGap+m.paraGap)+m.pad; got != want {
		t.Errorf("height %v, want %v", got, want)
	}
}

// Odd input (unpaired embedding controls and isolates, nothing but controls, brackets nested
// deeper than the algorithm tracks) lays out without a panic, every piece once on its line.
func TestLevelsSurviveOddInput(t *testing.T) {
	for _, s := range []string{
		"", "(", ")))(((", "\u202a\u202b\u202c\u202c\u202c", "\u2066\u2069\u2069(", "a\u2067b)c\u2069",
		"\u200f\u200e", "١٢٣.٤٥ abc", strings.Repeat("([", 200) + "ع", strings.Repeat("\u202b\u202a", 70) + "ab ج",
	} {
		l := layTokens(s, []labels.Offsets{{Start: 0, End: len([]rune(s))}}, 100)
		checkEveryPiecePlaced(t, s, l)
	}
}

// checkEveryPiecePlaced checks that the visual order of each line holds each of its pieces
// once.
func checkEveryPiecePlaced(t *testing.T, text string, l *laidOut) {
	t.Helper()
	var s scratch
	for _, ln := range l.lay.lines {
		s = lineOrder(l.an, ln, l.widths, testMetrics.space, s)
		var got []int32
		for _, it := range s.items {
			if it.piece >= 0 {
				got = append(got, it.piece)
			}
		}
		slices.Sort(got)
		var want []int32
		for i := ln.first; i < ln.last; i++ {
			want = append(want, i)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: a line of pieces %v places %v", text, want, got)
		}
		// a paragraph all at one level takes a short cut, which must give the full order
		if pr := &l.an.paras[ln.para]; pr.oneLevel {
			short := slices.Clone(s.items)
			pr.oneLevel = false
			s = lineOrder(l.an, ln, l.widths, testMetrics.space, s)
			pr.oneLevel = true
			if !slices.Equal(short, s.items) {
				t.Errorf("%q: a line at one level is ordered %v, by the bidi algorithm %v", text, short, s.items)
			}
		}
	}
}

func TestOwnTokensAndUncoveredText(t *testing.T) {
	// tokens that leave "-" out, one that overlaps, one past the end
	text := "سرت-طرابلس"
	toks := []labels.Offsets{{Start: 0, End: 3}, {Start: 2, End: 5}, {Start: 4, End: 10}, {Start: 9, End: 20}}
	l := layTokens(text, toks, 500)
	if got, want := l.an.tokens, []labels.Offsets{{Start: 0, End: 3}, {Start: 4, End: 10}}; !slices.Equal(got, want) {
		t.Errorf("tokens shown %v, want %v", got, want)
	}
	if got, want := l.shown(0), []string{"سرت", "-", "طرابلس"}; !slices.Equal(got, want) {
		t.Errorf("shows %q, want %q: text no token covers must still show", got, want)
	}
	if p := l.an.pieces[1]; p.tok != -1 {
		t.Errorf("the dash belongs to token %d, want none", p.tok)
	}
}

func TestLTRParagraphIsRightAligned(t *testing.T) {
	l := layText("Corriere della Sera", 500)
	if got := l.shown(0); !slices.Equal(got, []string{"Sera", "della", "Corriere"}) {
		t.Errorf("shows %q from the right", got)
	}
	if got, want := l.right(l.piece(t, "Sera")), float32(500)-testMetrics.pad; got != want {
		t.Errorf("Sera ends at %v, want %v", got, want)
	}
}

// Inside a left-to-right run in a right-to-left line the spaces stay between the words they
// separate, and brackets touch what they enclose: "Nature (vol. 5)" reads left to right as
// one block with its two spaces, between the Arabic words around it.
func TestGapsInsideALeftToRightRun(t *testing.T) {
	l := layText(bidiLines[0].text, 2000)
	want := []string{"نشرت", "مجلة", ")", "5", ".", "vol", "(", "Nature", "دراسة", "جديدة", "."}
	if got := l.shown(0); !slices.Equal(got, want) {
		t.Fatalf("right to left:\n got %q\nwant %q", got, want)
	}
	nature, open, vol, five, close := l.piece(t, "Nature"), l.piece(t, "("), l.piece(t, "vol"), l.piece(t, "5"), l.piece(t, ")")
	sp := testMetrics.space
	if l.right(nature)+sp != l.lay.x[open] || l.right(open) != l.lay.x[vol] {
		t.Errorf("want Nature, a space, ( and vol touching: Nature ends at %v, ( is at %v, vol at %v", l.right(nature), l.lay.x[open], l.lay.x[vol])
	}
	if stop := vol + 1; l.right(stop)+sp != l.lay.x[five] || l.right(five) != l.lay.x[close] {
		t.Errorf("want vol., a space, 5 and ) touching")
	}
	magazine, study := l.piece(t, "مجلة"), l.piece(t, "دراسة")
	if l.right(close)+sp != l.lay.x[magazine] || l.right(study)+sp != l.lay.x[nature] {
		t.Errorf("the Latin block is not one space from مجلة on its right and دراسة on its left")
	}
}

// FuzzLineOrder lays out any text, as one token and as the tokenizer's tokens, at a narrow
// width: no panic, and every line's visual order holds each of its pieces once.
func FuzzLineOrder(f *testing.F) {
	for _, bl := range bidiLines {
		f.Add(bl.text)
	}
	for _, s := range []string{"", "\u202b\u202a\u202c", "a\u2067b)c\u2069 d", "\u200d\u200d x", "١٢٣-٤٥٦ (a) b", "\u202eabc ١٢٣ مرحبا\u202c", "\u202dمرحبا abc\u202c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		checkEveryPiecePlaced(t, s, layTokens(s, []labels.Offsets{{Start: 0, End: len([]rune(s))}}, 60))
		checkEveryPiecePlaced(t, s, layText(s, 60))
	})
}
