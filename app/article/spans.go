package article

import (
	"image/color"
	"sort"
	"strconv"

	"github.com/tawsim/tawsim/labels"
)

// maxTracks is the number of stance underlines that can be told apart under one word; more
// overlapping stance spans share the last one.
const maxTracks = 3

// shownSpan is a span as the widget draws it.
type shownSpan struct {
	labels.Span
	color  color.NRGBA // the label's colour from the schema
	stance bool        // drawn as an underline, not a background
	track  uint8       // stance spans: which underline, from the top, when several overlap
	height int         // entity spans: 0 when it holds no other, else drawn as a band (see nest)
}

// SetSpans sets the spans to draw: entity spans as a background in their label's colour
// (schema's Color, "#rrggbb"), running across the gaps between their tokens, with the label's
// name in small letters above their start; an entity span that holds others (nested entities)
// as a band below the line instead, lower the further out it is (see nest.go); stance spans
// (Kind labels.KindStance) as an underline in their stance label's colour, so that both show
// on the same words. Spans that fall outside the text are left out; a label the schema lacks
// is drawn in grey.
//
// Only the decorations are redone: the text is neither tokenized, measured nor wrapped again,
// though lines move down to make room for new bands. A span edge inside a token (a span that
// starts after a proclitic) cuts the token there.
func (a *Article) SetSpans(spans []labels.Span, schema labels.Schema) {
	n := len(a.an.text)
	shown := make([]shownSpan, 0, len(spans))
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > n || sp.Start >= sp.End {
			continue
		}
		s := shownSpan{Span: sp, stance: sp.Kind == labels.KindStance}
		var l labels.Label
		var ok bool
		if s.stance {
			l, ok = schema.Stance(sp.Label)
		} else {
			l, ok = schema.Entity(sp.Label)
		}
		s.color = unknownColor
		if c, good := parseColor(l.Color); ok && good {
			s.color = c
		}
		shown = append(shown, s)
	}
	sort.SliceStable(shown, func(i, j int) bool {
		if shown[i].Start != shown[j].Start {
			return shown[i].Start < shown[j].Start
		}
		return shown[i].End > shown[j].End
	})
	assignTracks(shown)
	a.spans = shown
	a.setNest(nest(shown, nil))
	a.changed(true)
}

// assignTracks gives each stance span the highest underline that no stance span before it
// still holds where it starts.
func assignTracks(spans []shownSpan) {
	var ends [maxTracks]int
	for i := range spans {
		s := &spans[i]
		if !s.stance {
			continue
		}
		t := maxTracks - 1
		for k := range ends {
			if ends[k] <= s.Start {
				t = k
				break
			}
		}
		s.track = uint8(t)
		ends[t] = max(ends[t], s.End)
	}
}

// Spans returns the spans drawn, in text order. The slice is new; the spans are copies.
func (a *Article) Spans() []labels.Span {
	out := make([]labels.Span, len(a.spans))
	for i, s := range a.spans {
		out[i] = s.Span
	}
	return out
}

// SelectSpan selects the span with the given id, which is then drawn outlined, and clears the
// token selection; "" clears the selected span. It does not call OnSpanTapped. An id that no
// span drawn has yet stays selected, and is outlined once SetSpans gives it.
func (a *Article) SelectSpan(id string) {
	if id == a.selSpan && (id == "" || !a.sel.on) {
		return
	}
	a.selSpan = id
	cuts := false
	if id != "" && a.sel.on {
		cuts = a.sel.after != 0
		a.sel.on, a.sel.after = false, 0
	}
	a.changed(cuts)
}

// SelectedSpan returns the selected span, as SetSpans last gave it, and false when no span is
// selected (or the selected one is not drawn).
func (a *Article) SelectedSpan() (labels.Span, bool) {
	if i := a.spanIndex(a.selSpan); i >= 0 {
		return a.spans[i].Span, true
	}
	return labels.Span{}, false
}

// spanIndex returns the index in a.spans of the span with the given id, or -1.
func (a *Article) spanIndex(id string) int {
	if id == "" {
		return -1
	}
	for i := range a.spans {
		if a.spans[i].ID == id {
			return i
		}
	}
	return -1
}

// unknownColor draws spans whose label the schema does not have.
var unknownColor = color.NRGBA{R: 0x90, G: 0x90, B: 0x90, A: 0xff}

// parseColor reads a "#rrggbb" (or "#rgb") colour.
func parseColor(s string) (color.NRGBA, bool) {
	if len(s) == 4 && s[0] == '#' {
		s = string([]byte{'#', s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	if len(s) != 7 || s[0] != '#' {
		return color.NRGBA{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, true
}
