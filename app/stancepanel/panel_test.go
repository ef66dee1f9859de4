package stancepanel

import (
	"maps"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/internal/uitest"
	"github.com/tawsim/tawsim/labels"
)

var schema = labels.Schema{
	StanceLabels: []labels.Label{{Name: "FAVOR", Hotkey: "f"}, {Name: "AGAINST", Hotkey: "a"}, {Name: "NONE", Hotkey: "d"}},
	Targets: []labels.Target{{ID: "lna", Name: "Libyan National Army", NameAr: "الجيش الوطني الليبي"},
		{ID: "gna", Name: "Government of National Accord"}, {ID: "turkey", Name: "Turkey's intervention"}},
}

func TestPanelShowsTheStances(t *testing.T) {
	test.NewTempApp(t)
	p := New()
	w := test.NewWindow(p.Object())
	defer w.Close()
	var chose []string
	var selected, removed []string
	p.OnChoose = func(i int, l labels.Label) { chose = append(chose, p.Cards()[i].Target().ID+":"+l.Name) }
	p.OnSelectEvidence = func(sp labels.Span) { selected = append(selected, sp.ID) }
	p.OnRemoveEvidence = func(sp labels.Span) { removed = append(removed, sp.ID) }
	p.SetSchema(schema, map[rune]bool{'d': true})
	if len(p.Cards()) != 3 || !p.Cards()[0].Outlined() || p.Cards()[1].Outlined() {
		t.Fatalf("%d cards, the first outlined %v", len(p.Cards()), p.Cards()[0].Outlined())
	}
	if b := p.Cards()[0].Buttons(); len(b) != 3 || b[2].Label().Hotkey != "" || b[0].Label().Hotkey != "f" {
		t.Errorf("the NONE button shows the key d, which the window takes")
	}
	spans := []labels.Span{{ID: "e1", Kind: labels.KindStance, Target: "gna", Label: "AGAINST", Text: "انتقد"},
		{ID: "x", Kind: labels.KindEntity, Label: "ORG", Text: "الجيش"}}
	p.Show(true, map[string]string{"gna": "AGAINST"}, spans)
	if got := p.Chosen(); !maps.Equal(got, map[string]string{"gna": "AGAINST"}) {
		t.Errorf("the panel shows %v", got)
	}
	rows := p.Cards()[1].Evidence()
	if len(rows) != 1 || rows[0].Span().ID != "e1" || len(p.Cards()[0].Evidence()) != 0 {
		t.Fatalf("the evidence rows: %d under the GNA", len(rows))
	}
	test.Tap(rows[0])
	test.Tap(p.Cards()[2].Buttons()[0])
	if len(selected) != 1 || len(chose) != 1 || chose[0] != "turkey:FAVOR" {
		t.Errorf("clicks: selected %v, chose %v", selected, chose)
	}
	for _, o := range uitest.Objects(rows[0]) {
		if b, ok := o.(*widget.Button); ok {
			test.Tap(b)
		}
	}
	if len(removed) != 1 || removed[0] != "e1" {
		t.Errorf("the remove button removed %v", removed)
	}

	if tg, ok := p.Move(-1); !ok || tg.ID != "turkey" || p.Index() != 2 || !p.Cards()[2].Outlined() {
		t.Errorf("Move(-1) from the first target went to %q", tg.ID)
	}
	p.SetTarget("gna")
	if cur, _ := p.Current(); cur.ID != "gna" {
		t.Errorf("SetTarget(gna) made %q current", cur.ID)
	}
	// a new schema keeps the current target where it still is
	sc := schema
	sc.Targets = append([]labels.Target{{ID: "egypt", Name: "Egypt"}}, schema.Targets...)
	p.SetSchema(sc, nil)
	if cur, _ := p.Current(); cur.ID != "gna" || p.Index() != 2 {
		t.Errorf("after a new target the current one is %q at %d", cur.ID, p.Index())
	}
	if got := p.Chosen(); got["gna"] != "AGAINST" {
		t.Errorf("the new cards show %v", got)
	}
	p.SetSchema(labels.Schema{}, nil)
	if _, ok := p.Move(1); ok {
		t.Error("Move found a target in a schema without any")
	}
}

func TestKeys(t *testing.T) {
	sc := labels.Schema{StanceLabels: []labels.Label{
		{Name: "PRO", Hotkey: "p"}, {Name: "CON", Hotkey: "d"}, {Name: "MIX", Hotkey: "q"}, {Name: "OFF", Hotkey: "2"},
	}}
	k := NewKeys(sc, map[rune]bool{'d': true, 'q': true})
	if l, _ := k.Choose('ح'); l.Name != "PRO" {
		t.Errorf("ح (p on an Arabic keyboard) chooses %q", l.Name)
	}
	if _, ok := k.Choose('d'); ok {
		t.Error("d, taken, chooses a stance")
	}
	if got := k.List(", "); got != "p, 2" {
		t.Errorf("List = %q", got)
	}
	if got := k.EvidenceList(); got != "Shift+P" || k.Mark() != "e or Shift+P" || k.EvidenceKey(sc.StanceLabels[3]) != "e" {
		t.Errorf("EvidenceList = %q, Mark = %q", got, k.Mark())
	}
	none := NewKeys(labels.Schema{}, nil)
	if none.List(" ") != "a label's button" || none.Mark() != "e" {
		t.Errorf("no stance labels: %q, %q", none.List(" "), none.Mark())
	}
}
