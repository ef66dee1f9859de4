package seeds

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestWojoodSchema(t *testing.T) {
	sc := Wojood()
	var names []string
	for _, l := range sc.Entities {
		names = append(names, l.Name)
		if l.DescriptionAr == "" || l.DescriptionEn == "" {
			t.Errorf("%s has no description", l.Name)
		}
	}
	want := "PERS NORP OCC ORG GPE LOC FAC EVENT DATE TIME CARDINAL ORDINAL PERCENT MONEY QUANTITY UNIT LAW PRODUCT CURR WEBSITE LANGUAGE"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("entities %s\nwant %s", got, want)
	}
	if sc.Nesting != labels.NestingNested || sc.SameRange || len(sc.Targets) != 0 {
		t.Errorf("nesting %q, same range %v, targets %d", sc.Nesting, sc.SameRange, len(sc.Targets))
	}
	if got, ok := SchemaNamed("wojood"); !ok || len(got.Entities) != 21 {
		t.Errorf("SchemaNamed(wojood) = %d entities, %v", len(got.Entities), ok)
	}
	if _, ok := SchemaNamed("conll"); ok {
		t.Error("SchemaNamed knows conll")
	}
}

// windowKeys are the keys the window takes for itself (README's key table) and the cycling
// key of the article widget: an entity hotkey must be none of them.
const windowKeys = "cdsjktTeFANX!?"

// TestHotkeysFree: every entity label of the built-in schemas has a hotkey of one key, which
// neither the window nor a stance label of the schema takes.
func TestHotkeysFree(t *testing.T) {
	for _, name := range SchemaNames() {
		sc, _ := SchemaNamed(name)
		taken := map[string]string{}
		for _, r := range windowKeys {
			taken[string(r)] = "the window"
		}
		for _, l := range sc.StanceLabels {
			taken[l.Hotkey] = "stance label " + l.Name
		}
		for _, l := range sc.Entities {
			if len([]rune(l.Hotkey)) != 1 {
				t.Errorf("%s: %s has hotkey %q", name, l.Name, l.Hotkey)
			}
			if by, ok := taken[l.Hotkey]; ok {
				t.Errorf("%s: %s's hotkey %q is taken by %s", name, l.Name, l.Hotkey, by)
			}
			taken[l.Hotkey] = l.Name
		}
	}
}

// minDeltaE is the least CIELAB distance (ΔE*ab, CIE 1976) between two entity colours of
// Wojood's schema: about three times what tells two colours apart side by side.
const minDeltaE = 30

// TestWojoodColors: the 21 colours stay apart, the article's dark text reads on a span's
// background (the colour at 40% over white, as the widget draws it) at 7:1 or better (WCAG's
// AAA), and a label's name, drawn in its colour on white, at 3:1 or better (WCAG's least for
// large text and graphics), so does a nesting band.
func TestWojoodColors(t *testing.T) {
	ents := Wojood().Entities
	for i, a := range ents {
		ca := mustColor(t, a.Color)
		if c := contrast(tintOverWhite(ca, 0x66), [3]float64{0, 0, 0}); c < 7 {
			t.Errorf("%s %s: dark text on its background %.2f:1, want 7:1", a.Name, a.Color, c)
		}
		if c := contrast(ca, [3]float64{1, 1, 1}); c < 3 {
			t.Errorf("%s %s: on white %.2f:1, want 3:1", a.Name, a.Color, c)
		}
		for _, b := range ents[i+1:] {
			if d := deltaE(ca, mustColor(t, b.Color)); d < minDeltaE {
				t.Errorf("%s %s and %s %s are %.1f apart, want %d", a.Name, a.Color, b.Name, b.Color, d, minDeltaE)
			}
		}
	}
}

func mustColor(t *testing.T, s string) [3]float64 {
	t.Helper()
	var r, g, b int
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil || len(s) != 7 {
		t.Fatalf("colour %q: %v", s, err)
	}
	return [3]float64{float64(r) / 255, float64(g) / 255, float64(b) / 255}
}

// tintOverWhite returns c drawn at alpha (of 255) over white.
func tintOverWhite(c [3]float64, alpha float64) [3]float64 {
	a := alpha / 255
	for i := range c {
		c[i] = a*c[i] + (1 - a)
	}
	return c
}

// linear undoes sRGB's transfer function.
func linear(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// luminance is WCAG's relative luminance.
func luminance(c [3]float64) float64 {
	return 0.2126*linear(c[0]) + 0.7152*linear(c[1]) + 0.0722*linear(c[2])
}

// contrast is WCAG's contrast ratio.
func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// lab converts an sRGB colour to CIELAB (D65).
func lab(c [3]float64) [3]float64 {
	r, g, b := linear(c[0]), linear(c[1]), linear(c[2])
	x := (0.4124*r + 0.3576*g + 0.1805*b) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*b
	z := (0.0193*r + 0.1192*g + 0.9505*b) / 1.08883
	f := func(v float64) float64 {
		if v > 216.0/24389 {
			return math.Cbrt(v)
		}
		return (24389.0/27*v + 16) / 116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// deltaE is the CIE 1976 colour difference.
func deltaE(a, b [3]float64) float64 {
	la, lb := lab(a), lab(b)
	return math.Sqrt((la[0]-lb[0])*(la[0]-lb[0]) + (la[1]-lb[1])*(la[1]-lb[1]) + (la[2]-lb[2])*(la[2]-lb[2]))
}
