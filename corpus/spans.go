package corpus

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// reasonError is an error with a message of its own that still matches a sentinel of labels
// (or of this package) with errors.Is.
type reasonError struct {
	msg string
	err error
}

func (e *reasonError) Error() string { return e.msg }
func (e *reasonError) Unwrap() error { return e.err }

// reason returns an error saying format, which errors.Is matches with sentinel.
func reason(sentinel error, format string, args ...any) error {
	return &reasonError{msg: fmt.Sprintf(format, args...), err: sentinel}
}

// fillSpan checks sp's offsets against the text and sets sp.Text to the text they cover.
// given is the span's text as the source wrote it, or nil when it wrote only offsets; a given
// text that differs from the text at the offsets is an error.
func fillSpan(x *labels.TextIndex, sp *labels.Span, given *string) error {
	switch {
	case sp.Start == sp.End:
		return reason(labels.ErrEmptySpan, "span [%d,%d) is empty", sp.Start, sp.End)
	case sp.Start < 0 || sp.End < sp.Start:
		return reason(labels.ErrOutOfRange, "span [%d,%d) is not a range of the text", sp.Start, sp.End)
	}
	got, ok := x.Slice(sp.Start, sp.End)
	if !ok {
		return reason(labels.ErrOutOfRange, "span [%d,%d) falls outside the text (%d code points)", sp.Start, sp.End, x.Len())
	}
	if given != nil && *given != got {
		return reason(labels.ErrTextMismatch, "span [%d,%d) says %q but the text there is %q", sp.Start, sp.End, *given, got)
	}
	sp.Text = got
	return nil
}

// checkToken checks that token i, [start, end), is a non-empty range of the text that begins
// at or after prevEnd, and, when the source gave its text, that the text matches.
func checkToken(x *labels.TextIndex, i, start, end, prevEnd int, given *string) error {
	if start < prevEnd {
		return fmt.Errorf("token %d [%d,%d) begins before the token before it ends (%d)", i, start, end, prevEnd)
	}
	if end <= start {
		return fmt.Errorf("token %d [%d,%d) is empty", i, start, end)
	}
	got, ok := x.Slice(start, end)
	if !ok {
		return reason(labels.ErrOutOfRange, "token %d [%d,%d) falls outside the text (%d code points)", i, start, end, x.Len())
	}
	if given != nil && *given != got {
		return reason(labels.ErrTextMismatch, "token %d [%d,%d) says %q but the text there is %q", i, start, end, *given, got)
	}
	return nil
}

// sortSpans orders spans by start, then end, keeping the order of equal ones.
func sortSpans(spans []labels.Span) {
	slices.SortStableFunc(spans, func(a, b labels.Span) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.End, b.End)
	})
}

// cut returns s, or its first n code points and "…" when it is longer.
func cut(s string, n int) string {
	i := 0
	for b := range s {
		if i == n {
			return s[:b] + "…"
		}
		i++
	}
	return s
}
