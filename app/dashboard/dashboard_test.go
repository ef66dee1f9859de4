package dashboard

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/charts"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// TestMain runs the tests in English, with its plural forms loaded.
func TestMain(m *testing.M) {
	locale.Set(locale.English)
	os.Exit(m.Run())
}

// TestDashboardShows: four cards; one with nothing to draw has no picture and no Save; Save
// hands the window its figure; the summary counts the work.
func TestDashboardShows(t *testing.T) {
	test.NewTempApp(t)
	d := New()
	w := test.NewWindow(d.Object())
	defer w.Close()
	w.Resize(fyne.NewSize(900, 700))
	var saved []string
	d.OnSave = func(f charts.Figure) { saved = append(saved, f.ID) }
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.Local)
	d.Show(store.Progress{
		Documents: 10, Annotators: []string{"amal"},
		Status:       map[labels.Status]int{labels.StatusDone: 3},
		Finished:     map[string][]store.DayCount{"amal": {{Day: day, N: 3}}},
		EntityLabels: map[string]int{"LOC": 4},
	}, labels.Schema{Entities: []labels.Label{{Name: "LOC", Color: "#76b041"}}})
	cards := d.Cards()
	if len(cards) != 4 {
		t.Fatalf("%d cards", len(cards))
	}
	for _, c := range cards {
		empty := c.Figure.Empty != ""
		if (c.Picture == nil) != empty || c.Save.Disabled() != empty {
			t.Errorf("%s: picture %v, save disabled %v, empty %q", c.Figure.ID, c.Picture != nil, c.Save.Disabled(), c.Figure.Empty)
		}
	}
	test.Tap(cards[1].Save)
	if len(saved) != 1 || saved[0] != "labels" {
		t.Errorf("saved %v", saved)
	}
	if got := d.summary.(*widget.Label).Text; got != "10 documents · 1 annotator · 3 finished (done or curated)" {
		t.Errorf("summary %q", got)
	}
}

// TestPictureRedraws: a picture is drawn once per size and colours, again when either changes.
func TestPictureRedraws(t *testing.T) {
	test.NewTempApp(t)
	f := charts.Figures(store.Progress{EntityLabels: map[string]int{"LOC": 4}},
		labels.Schema{Entities: []labels.Label{{Name: "LOC"}}})[1]
	p := NewPicture(f)
	w := test.NewWindow(p)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 260))
	first := p.draw(400, 260)
	if p.draw(400, 260) != first {
		t.Error("drawn again at the same size")
	}
	second := p.draw(500, 260)
	if second == first || second.Bounds().Dx() != 500 || second.Bounds().Dy() != 260 {
		t.Errorf("at 500×260: %v", second.Bounds())
	}
	old := p.style
	test.ApplyTheme(t, test.NewTheme())
	if third := p.draw(500, 260); third == second || p.style == old {
		t.Errorf("not drawn again in the new theme's colours: %v, then %v", old, p.style)
	}
}
