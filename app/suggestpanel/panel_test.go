package suggestpanel

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/labels"
)

func TestPanelShowsAndCounts(t *testing.T) {
	test.NewTempApp(t)
	p := New()
	if p.Available() || !p.Shown() {
		t.Fatalf("new: available %v, shown %v", p.Available(), p.Shown())
	}
	p.SetAvailable(true)
	p.SetPending(3)
	if !p.Available() || p.Accept.Disabled() || !strings.HasPrefix(p.Count.Text, "3 suggestions") {
		t.Errorf("3 pending: %q, accept disabled %v", p.Count.Text, p.Accept.Disabled())
	}
	var told []bool
	p.OnShow = func(on bool) { told = append(told, on) }
	accepted := 0
	p.OnAcceptAll = func() { accepted++ }
	test.Tap(p.Accept)
	test.Tap(p.Show)
	if p.Shown() || len(told) != 1 || told[0] || !p.Accept.Disabled() || !strings.Contains(p.Count.Text, "hidden") {
		t.Errorf("hidden: shown %v, told %v, %q", p.Shown(), told, p.Count.Text)
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
	got := Describe(s, true)
	for _, want := range []string{"LOC", "طرابلس", "places.tsv 1.00, ner-v2 0.62", "1 more", "Enter accepts"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	if strings.Contains(Describe(s, false), "Enter") {
		t.Errorf("the words of a hover name the keys: %q", Describe(s, false))
	}
}
