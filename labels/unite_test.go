package labels

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func uniteBase() Schema {
	return Schema{
		Entities:     []Label{{Name: "PERS", Hotkey: "1"}, {Name: "LOC", Hotkey: "2"}},
		StanceLabels: []Label{{Name: "FAVOR", Hotkey: "f"}, {Name: "AGAINST", Hotkey: "a"}},
		Targets:      []Target{{ID: "lna", Name: "Libyan National Army"}},
		Nesting:      NestingFlat,
	}
}

func TestUniteAddsWhatTheOtherHas(t *testing.T) {
	other := uniteBase()
	other.Entities = append(other.Entities, Label{Name: "MIS1", Hotkey: "2"}, Label{Name: "ORG", Hotkey: "3"})
	other.StanceLabels = append(other.StanceLabels, Label{Name: "NONE"})
	other.Targets = []Target{{ID: "lna", Name: "libyan national army ", NameAr: "الجيش الوطني الليبي"}, {ID: "egypt", Name: "Egypt"}}
	other.Nesting = NestingNested
	u, notes, err := uniteBase().Unite(other)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.Validate(); err != nil {
		t.Fatalf("united schema: %v", err)
	}
	names := func(ls []Label) (out []string) {
		for _, l := range ls {
			out = append(out, l.Name+":"+l.Hotkey)
		}
		return out
	}
	if got := names(u.Entities); !slices.Equal(got, []string{"PERS:1", "LOC:2", "MIS1:", "ORG:3"}) {
		t.Errorf("entities %v", got)
	}
	if got := names(u.StanceLabels); !slices.Equal(got, []string{"FAVOR:f", "AGAINST:a", "NONE:"}) {
		t.Errorf("stance labels %v", got)
	}
	if len(u.Targets) != 2 || u.Targets[0].Name != "Libyan National Army" || u.Targets[0].NameAr != "الجيش الوطني الليبي" ||
		u.Targets[1].ID != "egypt" || u.Nesting != NestingNested {
		t.Errorf("targets %+v, nesting %s", u.Targets, u.Nesting)
	}
	want := []string{`entity label MIS1 without its hotkey "2", which another label has`, "entity label ORG", "stance label NONE",
		`the Arabic name "الجيش الوطني الليبي" of target lna`, "target egypt (Egypt)", "nesting nested"}
	if !slices.Equal(notes, want) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
	if again, notes, err := u.Unite(uniteBase()); err != nil || len(notes) != 0 || len(again.Entities) != 4 {
		t.Errorf("uniting a part again: %v, notes %v", err, notes)
	}
}

func TestUniteRefusesClashesByName(t *testing.T) {
	other := uniteBase()
	other.Entities = []Label{{Name: "Pers"}, {Name: "FAVOR"}}
	other.StanceLabels = []Label{{Name: "LOC"}}
	other.Targets = []Target{
		{ID: "lna", Name: "LNA forces"},
		{ID: "army", Name: "Libyan National Army"},
	}
	base := uniteBase()
	u, notes, err := base.Unite(other)
	var clash *ClashError
	if !errors.As(err, &clash) || !errors.Is(err, ErrSchemaClash) {
		t.Fatalf("err %v, want a *ClashError", err)
	}
	want := []string{
		"entity label Pers is spelled PERS",
		"label FAVOR is an entity label in one schema and a stance label in the other",
		"label LOC is a stance label in one schema and an entity label in the other",
		`target lna is named "Libyan National Army" in one schema and "LNA forces" in the other`,
		`target army (Libyan National Army): "Libyan National Army" already names target lna (Libyan National Army)`,
	}
	if !slices.Equal(clash.Clashes, want) {
		t.Errorf("clashes:\n%s\nwant:\n%s", strings.Join(clash.Clashes, "\n"), strings.Join(want, "\n"))
	}
	if notes != nil || len(u.Entities) != len(base.Entities) {
		t.Errorf("a refused union returned %v, notes %v", u, notes)
	}
	// Another Arabic name of the same target clashes too.
	other = uniteBase()
	base.Targets[0].NameAr = "الجيش"
	other.Targets[0].NameAr = "القوات"
	if _, _, err := base.Unite(other); !errors.Is(err, ErrSchemaClash) {
		t.Errorf("another Arabic name: %v", err)
	}
}

// TestUniteKeepsSameRange: a project whose spans may share a range keeps them so in the team
// project, whichever side it is on.
func TestUniteKeepsSameRange(t *testing.T) {
	s := Schema{Nesting: NestingNested}
	o := Schema{Nesting: NestingNested, SameRange: true}
	for _, pair := range [][2]Schema{{s, o}, {o, s}} {
		u, _, err := pair[0].Unite(pair[1])
		if err != nil || !u.SameRange {
			t.Errorf("united: same_range %v, %v", u.SameRange, err)
		}
	}
	if u, _, err := s.Unite(s); err != nil || u.SameRange {
		t.Errorf("neither allows the same range: united %v, %v", u.SameRange, err)
	}
}
