package export

import (
	"fmt"

	"github.com/tawsim/tawsim/internal/fastutf8"
	"github.com/tawsim/tawsim/labels"
)

// runes is the current record's text with an index that turns code point offsets into byte
// offsets (labels.TextIndex): checking a record's spans walks the text once, up to the last
// span, and holds nothing per code point.
type runes struct {
	s     string
	valid bool // s is valid UTF-8
	walk  labels.TextIndex
}

// reset starts indexing s.
func (r *runes) reset(s string) {
	r.s = s
	r.walk = *labels.NewTextIndex(s)
	r.valid = r.walk.Valid()
}

// len returns the number of code points of the text.
func (r *runes) len() int { return r.walk.Len() }

// inRange reports whether [start, end) is a non-empty range inside the text.
func (r *runes) inRange(start, end int) bool { return 0 <= start && start < end && end <= r.len() }

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
	return b.checkTokens(d)
}

// checkSpan verifies one span of the current record.
func (b *base) checkSpan(sp *labels.Span) error {
	switch sp.Kind {
	case labels.KindEntity, labels.KindStance:
	default:
		return fmt.Errorf("span [%d,%d): %w: %q", sp.Start, sp.End, labels.ErrBadKind, sp.Kind)
	}
	if err := labels.CheckTextIn(&b.text.walk, *sp); err != nil {
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
func (b *base) checkTokens(d *labels.Document) error {
	if d.Tokens == nil && d.Packed != nil {
		if err := d.Packed.Check(b.text.len()); err != nil {
			return fmt.Errorf("%w: %w", ErrBadToken, err)
		}
	}
	prev, i := 0, 0
	for t := range d.OwnTokens() {
		if !b.text.inRange(t.Start, t.End) || t.Start < prev {
			return fmt.Errorf("%w: token %d [%d,%d) is empty, out of order or outside a text of %d code points",
				ErrBadToken, i, t.Start, t.End, b.text.len())
		}
		prev, i = t.End, i+1
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
