package stancepanel

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/palette"
	"github.com/tawsim/tawsim/labels"
)

// Keys are the keys of the stance labels of a schema: the keys that choose a label as the
// document's stance toward the current target (each label's hotkey, and the same key on an
// Arabic keyboard), and the keys that mark the selected words as evidence with it (Shift and
// the hotkey, for a letter).
type Keys struct {
	schema           labels.Schema
	choose, evidence map[rune]labels.Label
}

// NewKeys maps the keys of the stance labels of sc. The keys in taken (the window's own, the
// entity labels') are left out: a stance label whose hotkey is one of them has no key.
func NewKeys(sc labels.Schema, taken map[rune]bool) Keys {
	k := Keys{schema: sc, choose: map[rune]labels.Label{}, evidence: map[rune]labels.Label{}}
	for _, l := range sc.StanceLabels {
		r, n := utf8.DecodeRuneInString(l.Hotkey)
		if n == 0 || n != len(l.Hotkey) || taken[r] {
			continue
		}
		k.choose[r] = l
		if ar, ok := palette.ArabicKey(r); ok && !taken[ar] {
			k.choose[ar] = l
		}
		if up := unicode.ToUpper(r); up != r && !taken[up] {
			k.evidence[up] = l
		}
	}
	return k
}

// Choose returns the stance label that key r chooses.
func (k Keys) Choose(r rune) (labels.Label, bool) {
	l, ok := k.choose[r]
	return l, ok
}

// Evidence returns the stance label that key r marks evidence with.
func (k Keys) Evidence(r rune) (labels.Label, bool) {
	l, ok := k.evidence[r]
	return l, ok
}

// Has reports whether stance label l has a key that chooses it.
func (k Keys) Has(l labels.Label) bool {
	r, n := utf8.DecodeRuneInString(l.Hotkey)
	got, ok := k.choose[r]
	return n > 0 && ok && got.Name == l.Name
}

// List names the keys that choose a stance, joined by sep: "f a n x".
func (k Keys) List(sep string) string {
	var ks []string
	for _, l := range k.schema.StanceLabels {
		if k.Has(l) {
			ks = append(ks, l.Hotkey)
		}
	}
	if len(ks) == 0 {
		return lang.X("palette.no_keys", "a label's button")
	}
	return strings.Join(ks, sep)
}

// EvidenceKey names the key that marks evidence labeled l: "Shift+F", or "e" when l has none.
func (k Keys) EvidenceKey(l labels.Label) string {
	r, _ := utf8.DecodeRuneInString(l.Hotkey)
	if got, ok := k.evidence[unicode.ToUpper(r)]; ok && got.Name == l.Name {
		return "Shift+" + string(unicode.ToUpper(r))
	}
	return "e"
}

// EvidenceList names the keys that mark evidence with a label: "Shift+F A N X", or "e" when
// there are none.
func (k Keys) EvidenceList() string {
	var ks []string
	for _, l := range k.schema.StanceLabels {
		if key := k.EvidenceKey(l); key != "e" {
			ks = append(ks, strings.TrimPrefix(key, "Shift+"))
		}
	}
	if len(ks) == 0 {
		return "e"
	}
	return "Shift+" + strings.Join(ks, " ")
}

// Mark names the keys that mark the selected words as evidence: "e or Shift+F A N X".
func (k Keys) Mark() string {
	if list := k.EvidenceList(); list != "e" {
		return lang.X("stance.mark_keys", "e or {{.Keys}}", map[string]any{"Keys": list})
	}
	return "e"
}
