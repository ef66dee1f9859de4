package review

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// text is the document of the tests; its words by their code points.
const text = "قال المسماري إن الجيش الوطني الليبي دخل طرابلس"

// ent returns an entity span of text by annotator.
func ent(annotator string, start, end int, label string) labels.Span {
	t, _ := labels.Slice(text, start, end)
	return labels.Span{Annotator: annotator, Start: start, End: end, Text: t, Label: label, Kind: labels.KindEntity}
}

// team is the work of three annotators on text: all three see المسماري as PERS; amal and
// chadi see الجيش الوطني الليبي as ORG where badr sees الجيش الوطني; chadi alone calls
// طرابلس an ORG, the others LOC; toward lna, amal and badr say FAVOR, chadi AGAINST; the
// curator has PERS already.
func team() store.DocumentWork {
	st := func(who, label string) []labels.DocStance {
		return []labels.DocStance{{Annotator: who, Target: "lna", Label: label}}
	}
	return store.DocumentWork{Doc: labels.Summary{ID: "d"}, Work: []store.Work{
		{Annotator: "amal", Status: labels.StatusDone, Spans: []labels.Span{ent("amal", 4, 12, "PERS"), ent("amal", 16, 35, "ORG"), ent("amal", 40, 46, "LOC")}, Stances: st("amal", "FAVOR")},
		{Annotator: "badr", Status: labels.StatusDone, Spans: []labels.Span{ent("badr", 4, 12, "PERS"), ent("badr", 16, 28, "ORG"), ent("badr", 40, 46, "LOC")}, Stances: st("badr", "FAVOR")},
		{Annotator: "chadi", Status: labels.StatusInProgress, Spans: []labels.Span{ent("chadi", 4, 12, "PERS"), ent("chadi", 16, 35, "ORG"), ent("chadi", 40, 46, "ORG")}, Stances: st("chadi", "AGAINST")},
		{Annotator: "gold", Status: labels.StatusInProgress, Spans: []labels.Span{ent("gold", 4, 12, "PERS")}},
	}}
}

var panel = []string{"amal", "badr", "chadi"}

func TestPick(t *testing.T) {
	d := team()
	amal, _ := d.Of("amal")
	badr, _ := d.Of("badr")
	for _, c := range []struct {
		spans []labels.Span
		r     Range
		want  string // the span's text, "" for none
	}{
		{amal.Spans, Range{16, 35}, "الجيش الوطني الليبي"},
		{badr.Spans, Range{16, 35}, "الجيش الوطني"}, // the most it shares
		{badr.Spans, Range{22, 28}, "الجيش الوطني"},
		{amal.Spans, Range{36, 39}, ""}, // دخل: nobody
		{amal.Spans, Range{0, 46}, "الجيش الوطني الليبي"},
	} {
		sp, ok := Pick(c.spans, c.r)
		if got := map[bool]string{true: sp.Text}[ok]; got != c.want {
			t.Errorf("Pick(%v) = %q, %v; want %q", c.r, sp.Text, ok, c.want)
		}
	}
	// an entity span before evidence on the same words
	ev := ent("amal", 16, 35, "FAVOR")
	ev.Kind, ev.Target = labels.KindStance, "lna"
	if sp, _ := Pick([]labels.Span{ev, amal.Spans[1]}, Range{16, 35}); sp.Kind != labels.KindEntity {
		t.Errorf("Pick chose the evidence over the entity span on the same words")
	}
}

func TestMajorityAndPending(t *testing.T) {
	d := team()
	gold := []labels.Span{ent("gold", 4, 12, "PERS")}
	m := Majority(d, panel, "gold", gold, Range{16, 46})
	var got []string
	for _, sp := range m {
		got = append(got, sp.Label+" "+sp.Text)
		if sp.Annotator != "gold" || sp.ID != "" {
			t.Errorf("a majority span is %q's, id %q: want the curator's, without id", sp.Annotator, sp.ID)
		}
	}
	if want := []string{"ORG الجيش الوطني الليبي", "LOC طرابلس"}; !slices.Equal(got, want) {
		t.Errorf("Majority = %q, want %q", got, want)
	}
	if m := Majority(d, panel, "gold", gold, Range{4, 12}); len(m) != 0 {
		t.Errorf("Majority over the PERS the gold holds: %v", m)
	}
	pending := Pending(d, panel, "gold", gold)
	if len(pending) != 4 { // ORG ×2 ranges, LOC and ORG on طرابلس
		t.Errorf("Pending = %d spans: %v", len(pending), pending)
	}
	if l, ok := MajorityStance(d, panel, "gold", "lna"); !ok || l != "FAVOR" {
		t.Errorf("MajorityStance = %q, %v", l, ok)
	}
	targets := []labels.Target{{ID: "lna", Name: "LNA"}, {ID: "gna", Name: "GNA"}}
	if u := Undecided(d, panel, map[string]string{}, targets); len(u) != 1 || u[0].ID != "lna" {
		t.Errorf("Undecided = %v", u)
	}
	if u := Undecided(d, panel, map[string]string{"lna": "FAVOR"}, targets); len(u) != 0 {
		t.Errorf("Undecided with the gold's stance = %v", u)
	}
	if sp, ok := InGold([]labels.Span{ent("gold", 40, 46, "LOC")}, ent("chadi", 40, 46, "ORG")); !ok || sp.Label != "LOC" {
		t.Errorf("InGold found %v, %v", sp, ok)
	}
}

// TestPanelShows: the panel names each annotator with their number, says what each made
// under the selection, or their stance with nothing selected, and what Enter takes.
func TestPanelShows(t *testing.T) {
	locale.Set(locale.English) // the English counts' singular
	test.NewTempApp(t)
	p := New()
	s := State{Work: team(), Panel: panel, Curator: "gold", Gold: []labels.Span{ent("gold", 4, 12, "PERS")},
		Stances: map[string]string{}, Range: &Range{16, 35},
		Target: labels.Target{ID: "lna", Name: "LNA"}, Targets: []labels.Target{{ID: "lna", Name: "LNA"}}}
	p.Show(s)
	if !strings.HasPrefix(p.Summary(), "3 annotators worked on this document. 4 spans of theirs not in the gold") ||
		!strings.Contains(p.Summary(), "1 target without a gold stance") {
		t.Errorf("summary %q", p.Summary())
	}
	lines := p.Lines()
	for i, want := range []string{
		`1 amal done · 3 spans ORG ` + msg.Quote("الجيش الوطني الليبي"),
		`2 badr done · 3 spans ORG ` + msg.Quote("الجيش الوطني"),
		`3 chadi in progress · 3 spans ORG ` + msg.Quote("الجيش الوطني الليبي"),
		`Enter takes ORG ` + msg.Quote("الجيش الوطني الليبي"),
		`FAVOR 2 · AGAINST 1 · gold: — · toward ` + msg.Quote("LNA"),
	} {
		if i >= len(lines) || lines[i] != want {
			t.Errorf("line %d: %q, want %q", i+1, lines[min(i, len(lines)-1)], want)
		}
	}
	s.Range = nil
	p.Show(s)
	lines = p.Lines()
	if !strings.HasSuffix(lines[2], `AGAINST toward `+msg.Quote("LNA")) ||
		lines[3] != `Enter takes FAVOR, the majority's stance toward `+msg.Quote("LNA") {
		t.Errorf("with nothing selected: %q", lines)
	}
}
