package labels

import (
	"regexp"
	"strings"
	"testing"
)

func TestTargetID(t *testing.T) {
	cases := map[string]string{
		"Women empowerment":        "women-empowerment",
		"  Covid Vaccine ":         "covid-vaccine",
		"Digital_Transformation!!": "digital-transformation",
		"Café Müller":              "cafe-muller",
		"Covid ١٩":                 "covid-19",
		"lna":                      "lna",
		"GNA (Tripoli)":            "gna-tripoli",
	}
	for name, want := range cases {
		if got := TargetID(name); got != want {
			t.Errorf("TargetID(%q) = %q, want %q", name, got, want)
		}
	}
	slug := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	ar := TargetID("تمكين المرأة")
	if !regexp.MustCompile(`^t-[0-9a-f]{8}$`).MatchString(ar) || ar != TargetID(" تمكين المرأة\n") {
		t.Errorf("TargetID(Arabic) = %q", ar)
	}
	if TargetID("تمكين المرأة") == TargetID("التحول الرقمي") {
		t.Error("two Arabic names share an id")
	}
	if got := TargetID("Trump said Mexico will pay for the wall"); !slug.MatchString(got) {
		t.Errorf("claim id %q", got)
	}
	long := "The government announced that the new budget will cut spending on schools by ten percent"
	a, b := TargetID(long), TargetID(long+" next year")
	if a == b || len(a) > maxSlug+9 || !slug.MatchString(a) || !strings.HasPrefix(a, "the-government-announced") {
		t.Errorf("long names: %q and %q", a, b)
	}
	if got := TargetID("!!!"); !strings.HasPrefix(got, "t-") {
		t.Errorf("TargetID(!!!) = %q", got)
	}
}

func TestNewTargetIDAndFind(t *testing.T) {
	s := Schema{Targets: []Target{
		{ID: "lna", Name: "Libyan National Army", NameAr: "الجيش الوطني الليبي"},
		{ID: "covid-vaccine", Name: "Vaccines"},
	}}
	if got := s.NewTargetID("Covid Vaccine"); got != "covid-vaccine-2" {
		t.Errorf("NewTargetID = %q", got)
	}
	for ref, want := range map[string]string{
		"lna": "lna", "LNA": "lna", " libyan national army ": "lna", "الجيش الوطني الليبي": "lna",
		"vaccines": "covid-vaccine", "Covid-Vaccine": "covid-vaccine",
	} {
		if got, ok := s.FindTarget(ref); !ok || got.ID != want {
			t.Errorf("FindTarget(%q) = %v, %v; want %s", ref, got, ok, want)
		}
	}
	for _, ref := range []string{"", " ", "gna", "Libyan"} {
		if got, ok := s.FindTarget(ref); ok {
			t.Errorf("FindTarget(%q) = %v", ref, got)
		}
	}
}

func TestLabelFold(t *testing.T) {
	s := Schema{Entities: []Label{{Name: "LOC"}, {Name: "Loc"}}, StanceLabels: []Label{{Name: "FAVOR"}}}
	if l, ok := s.StanceFold(" Favor"); !ok || l.Name != "FAVOR" {
		t.Errorf("StanceFold(Favor) = %v, %v", l, ok)
	}
	if l, ok := s.EntityFold("Loc"); !ok || l.Name != "Loc" {
		t.Errorf("EntityFold(Loc) = %v: an exact match comes first", l)
	}
	if l, ok := s.EntityFold("loc"); !ok || l.Name != "LOC" {
		t.Errorf("EntityFold(loc) = %v", l)
	}
	if _, ok := s.StanceFold("FAVOUR"); ok {
		t.Error("StanceFold(FAVOUR) matched")
	}
}
