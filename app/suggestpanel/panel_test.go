package suggestpanel

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/labels"
)

// shown returns what the bar's count says.
func shown(p *Panel) string { return p.Count.(*widget.Label).Text }

func TestPanelShowsAndCounts(t *testing.T) {
	test.NewTempApp(t)
	p := New()
	if p.Available() || !p.Shown() {
		t.Fatalf("new: available %v, shown %v", p.Available(), p.Shown())
	}
	p.SetAvailable(true)
	p.SetPending(3)
	if !p.Available() || p.Accept.Disabled() || !strings.HasPrefix(shown(p), "3 suggestions") {
		t.Errorf("3 pending: %q, accept disabled %v", shown(p), p.Accept.Disabled())
	}
	var told []bool
	p.OnShow = func(on bool) { told = append(told, on) }
	accepted := 0
	p.OnAcceptAll = func() { accepted++ }
	test.Tap(p.Accept)
	test.Tap(p.Show)
	if p.Shown() || len(told) != 1 || told[0] || !p.Accept.Disabled() || !strings.Contains(shown(p), "hidden") {
		t.Errorf("hidden: shown %v, told %v, %q", p.Shown(), told, shown(p))
	}
	p.SetShown(true)
	p.SetShown(true)
	if len(told) != 2 || !told[1] || accepted != 1 {
		t.Errorf("shown again: told %v, accepted %d", told, accepted)
	}
	p.SetPending(0)
	if !p.Accept.Disabled() {
		t.Errorf("nothing pending, and Accept all is enabled")
	}
}

func TestDescribe(t *testing.T) {
	s := article.Suggested{Label: "LOC", Text: "طرابلس", Others: 1, Sources: []labels.Suggestion{
		{Source: "places.tsv", Score: 1}, {Source: "ner-v2", Score: 0.625}}}
	got := Describe(s, "LOC", true)
	for _, want := range []string{"LOC", "طرابلس", "places.tsv 1.00, ner-v2 0.62", "1 more", "Enter accepts"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	if strings.Contains(Describe(s, "LOC", false), "Enter") {
		t.Errorf("the words of a hover name the keys: %q", Describe(s, "LOC", false))
	}
}
