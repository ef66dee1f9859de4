package article

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/labels"
)

// reviewText is a sentence with a name, a body and a place after two proclitics.
const reviewText = "وقال قائد الجيش الوطني الليبي خليفة حفتر في طرابلس وبالعراق إن القوات تتقدم\nوأضاف المتحدث أن الهدنة انتهت"

// reviewLanes are three annotators' spans of reviewText: they agree on خليفة حفتر, the first
// and the third see an ORG of three words where the second sees two, the third calls طرابلس
// an ORG, and only the first labels العراق (after the proclitics of وبالعراق).
func reviewLanes(t testing.TB, a *Article) [][]labels.Span {
	pers := spanOver(t, a, "p", "PERS", "خليفة حفتر", 0)
	org3 := spanOver(t, a, "o3", "ORG", "الجيش الوطني الليبي", 0)
	org2 := spanOver(t, a, "o2", "ORG", "الجيش الوطني", 0)
	loc := spanOver(t, a, "l", "LOC", "طرابلس", 0)
	orgTripoli := loc
	orgTripoli.Label = "ORG"
	iraq := spanOver(t, a, "i", "LOC", "العراق", 0)
	return [][]labels.Span{{org3, pers, loc, iraq}, {org2, pers, loc}, {org3, pers, orgTripoli}}
}

// TestLanesMakeRoomAndMarkTheGold: lanes move every line down by the same room; each span is
// a bar under its words at its lane's height, faint where the gold holds it, full with strokes
// at its ends where it does not.
func TestLanesMakeRoomAndMarkTheGold(t *testing.T) {
	a, _ := show(t, reviewText, 700)
	if a.LineCount() < 2 {
		t.Fatalf("the text takes %d lines", a.LineCount())
	}
	y1 := a.lay.lines[1].y
	lanes := reviewLanes(t, a)
	gold := []labels.Span{lanes[0][1]} // خليفة حفتر, which all three made
	a.SetSpans(gold, schema)
	a.SetLanes(lanes, schema)
	room := a.laneRoom()
	if room <= 0 || a.LaneCount() != 3 {
		t.Fatalf("three lanes take %v below a line (%d lanes)", room, a.LaneCount())
	}
	if got := a.lay.lines[1].y; !near(got, y1+room, 0.01) {
		t.Errorf("the second line is at %v, want %v + %v", got, y1, room)
	}
	b := a.bands()
	h, step := a.laneH()
	persFaint := color.NRGBA{R: 0xe4, G: 0x57, B: 0x2e, A: laneSettled}
	faint := rects(a, persFaint)
	if len(faint) != 3 {
		t.Fatalf("the settled PERS is %d faint bars, want one in each lane: %s", len(faint), boxes(faint))
	}
	for k, r := range faint {
		want := a.lay.lines[0].y + a.laneTop(b, 0, k)
		if !near(r.Position().Y, want, 0.01) || r.Size().Height != h {
			t.Errorf("lane %d: the bar is at %v, %v high; want %v, %v", k+1, r.Position().Y, r.Size().Height, want, h)
		}
	}
	if !near(a.laneTop(b, 0, 1)-a.laneTop(b, 0, 0), step, 0.01) {
		t.Errorf("lanes are %v apart, want %v", a.laneTop(b, 0, 1)-a.laneTop(b, 0, 0), step)
	}
	org := color.NRGBA{R: 0x29, G: 0xa3, B: 0xd6, A: 0xff}
	// ORG: two bars of three words, one of two, one over طرابلس; each with its two strokes
	if full := rects(a, org); len(full) != 4*3 {
		t.Errorf("the ORG spans to review are %d rectangles, want 4 bars and 8 strokes: %s", len(full), boxes(full))
	}
	// the gold takes the second's ORG: it turns faint in that lane alone
	a.SetSpans(append(gold, lanes[1][0]), schema)
	if n := len(rects(a, color.NRGBA{R: 0x29, G: 0xa3, B: 0xd6, A: laneSettled})); n != 1 {
		t.Errorf("%d faint ORG bars once the gold holds الجيش الوطني, want 1", n)
	}
	a.SetLanes(nil, schema)
	if got := a.lay.lines[1].y; !near(got, y1, 0.01) || len(rects(a, persFaint)) != 0 {
		t.Errorf("without lanes the second line is at %v (want %v), %d bars left", got, y1, len(rects(a, persFaint)))
	}
}

// TestTapALane: a click on a lane's bar selects the words of its span, after the proclitics
// where it starts inside a word, and says whose span it is.
func TestTapALane(t *testing.T) {
	a, _ := show(t, reviewText, 700)
	lanes := reviewLanes(t, a)
	a.SetLanes(lanes, schema)
	type tapped struct {
		lane int
		sp   labels.Span
	}
	var got []tapped
	a.OnLaneTapped = func(k int, sp labels.Span) { got = append(got, tapped{k, sp}) }
	b := a.bands()
	h, _ := a.laneH()
	for _, c := range []struct {
		lane int
		sp   labels.Span
	}{{1, lanes[1][0]}, {0, lanes[0][3]}, {2, lanes[2][2]}} {
		pos, size := a.RangeRect(c.sp.Start, c.sp.End)
		li := a.lay.lineAt(pos.Y)
		at := fyne.NewPos(pos.X+size.Width/2, a.lay.lines[li].y+a.laneTop(b, a.lineRows(li), c.lane)+h/2)
		test.TapAt(a, at)
		if len(got) == 0 || got[len(got)-1] != (tapped{c.lane, c.sp}) {
			t.Fatalf("a click on lane %d under %q: %v", c.lane+1, c.sp.Text, got)
		}
		if sel := selected(t, a); sel != (Selection{c.sp.Start, c.sp.End}) {
			t.Errorf("the click on %q selected %v, want [%d,%d)", c.sp.Text, sel, c.sp.Start, c.sp.End)
		}
	}
	// between the lanes of two words, nothing
	n := len(got)
	p, s := a.TokenRect(a.tokenOf(lanes[0][1].End-1) + 1) // في, which nobody labeled
	test.TapAt(a, fyne.NewPos(p.X+s.Width/2, a.lay.lines[0].y+a.laneTop(b, 0, 0)+h/2))
	if len(got) != n {
		t.Errorf("a click under an unlabeled word told %v", got[n:])
	}
}

// TestLanesImage: the gold as spans, three lanes under the lines. Look at a new image before
// keeping it: testdata/failed/ holds what a failing test drew.
func TestLanesImage(t *testing.T) {
	a, w := show(t, reviewText, 700)
	lanes := reviewLanes(t, a)
	a.SetSpans([]labels.Span{lanes[0][1], lanes[0][0]}, schema)
	a.SetLanes(lanes, schema)
	w.Resize(fyne.NewSize(700, a.MinSize().Height))
	test.AssertImageMatches(t, "lanes-review.png", w.Canvas().Capture())
}
