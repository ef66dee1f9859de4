package export

import (
	"fmt"

	"github.com/tawsim/tawsim/internal/fastutf8"
	"github.com/tawsim/tawsim/labels"
)

// runes is a text with the byte offset of each of its code points, so that a code point range
// is sliced in constant time. Code points are counted as labels.Slice counts them (a Go
// `for range` loop: an invalid byte is one code point). The offsets are found the first time
// they are needed: checking a record's spans alone walks the text once, up to the last span
// (labels.TextIndex), which costs half as much as indexing all of it.
type runes struct {
	s     string
	off   []int // off[i] is the byte offset of code point i; off[len] == len(s); nil until index
	valid bool  // s is valid UTF-8
	walk  labels.TextIndex
}

// reset starts indexing s, reusing the index's memory.
func (r *runes) reset(s string) {
	r.s = s
	r.off = r.off[:0]
	r.walk = *labels.NewTextIndex(s)
	r.valid = r.walk.Valid()
}

// index finds the offset of every code point, once.
func (r *runes) index() []int {
	if len(r.off) > 0 {
		return r.off
	}
	off := r.off[:0]
	for b := range r.s {
		off = append(off, b)
	}
	r.off = append(off, len(r.s))
	return r.off
}

// len returns the number of code points of the text.
func (r *runes) len() int { return len(r.index()) - 1 }

// slice returns the text of the code point range [start, end), which must lie in the text.
func (r *runes) slice(start, end int) string {
	off := r.index()
	return r.s[off[start]:off[end]]
}

// inRange reports whether [start, end) is a non-empty range inside the text.
func (r *runes) inRange(start, end int) bool { return 0 <= start && start < end && end <= r.len() }

// checkSpan verifies sp against the text, as labels.CheckText does (and with its errors).
func (r *runes) checkSpan(sp *labels.Span) error {
	if len(r.off) > 0 && r.inRange(sp.Start, sp.End) && r.slice(sp.Start, sp.End) == sp.Text {
		return nil
	}
	return labels.CheckTextIn(&r.walk, *sp)
}

// check verifies a record before anything of it is written: the text and every string is
// valid UTF-8, every span is of a known kind and matches the text at its offsets, every
// document stance has a target and a label, and the document's own tokens are non-empty,
// in order, apart, and inside the text. It indexes the text in b.text.
func (b *base) check(rec *labels.Annotated) error {
	b.text.reset(rec.Doc.Text)
	if !b.text.valid {
		return fmt.Errorf("text: %w", ErrBadUTF8)
	}
	d := &rec.Doc
	if err := validStrings("document", d.ID, d.ExternalID, d.SourceFile, d.Title, rec.Annotator, string(rec.Status)); err != nil {
		return err
	}
	for i := range rec.Spans {
		if err := b.checkSpan(&rec.Spans[i]); err != nil {
			return err
		}
	}
	for _, st := range rec.Stances {
		if st.Target == "" || st.Label == "" {
			return fmt.Errorf("%w: target %q, label %q", ErrBadStance, st.Target, st.Label)
		}
		if err := validStrings("document stance", st.Target, st.Label); err != nil {
			return err
		}
	}
	return b.checkTokens(d.Tokens)
}

// checkSpan verifies one span of the current record.
func (b *base) checkSpan(sp *labels.Span) error {
	switch sp.Kind {
	case labels.KindEntity, labels.KindStance:
	default:
		return fmt.Errorf("span [%d,%d): %w: %q", sp.Start, sp.End, labels.ErrBadKind, sp.Kind)
	}
	if err := b.text.checkSpan(sp); err != nil {
		return fmt.Errorf("%s span %s: %w", sp.Kind, sp.Label, err)
	}
	if sp.Label == "" {
		return fmt.Errorf("%s span [%d,%d): %w: the label is empty", sp.Kind, sp.Start, sp.End, labels.ErrUnknownLabel)
	}
	if sp.Kind == labels.KindStance && sp.Target == "" {
		return fmt.Errorf("stance span [%d,%d): %w: the target is empty", sp.Start, sp.End, labels.ErrUnknownTarget)
	}
	return validStrings("span", sp.Label, sp.Target)
}

// checkTokens verifies a document's own tokens against the current text.
func (b *base) checkTokens(toks []labels.Offsets) error {
	prev := 0
	for i, t := range toks {
		if !b.text.inRange(t.Start, t.End) || t.Start < prev {
			return fmt.Errorf("%w: token %d [%d,%d) is empty, out of order or outside a text of %d code points",
				ErrBadToken, i, t.Start, t.End, b.text.len())
		}
		prev = t.End
	}
	return nil
}

// validStrings returns an error naming what when one of ss is not valid UTF-8.
func validStrings(what string, ss ...string) error {
	for _, s := range ss {
		if !fastutf8.ValidString(s) {
			return fmt.Errorf("%s %q: %w", what, s, ErrBadUTF8)
		}
	}
	return nil
}
