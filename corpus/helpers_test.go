package corpus

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tawsim/tawsim/labels"
)

// sample is a sentence with an emoji, harakat and shadda, Latin, Arabic-Indic digits and ASCII
// digits; its offsets below are code points, as Python counts them.
const sample = "🙂 قالَ محمّد إنّ ISIS خسرت ٣٤٫٣٪ في 2019."

// readAll reads every record and error of data in format.
func readAll(t testing.TB, format, name, data string, opt Options) ([]Record, []error) {
	t.Helper()
	rd, err := NewReader(format, name, strings.NewReader(data), opt)
	if err != nil {
		t.Fatal(err)
	}
	return drain(t, rd, name)
}

// drain reads rd to its end, checking that every error is an *Error naming the file.
func drain(t testing.TB, rd Reader, name string) ([]Record, []error) {
	t.Helper()
	var recs []Record
	var errs []error
	for i := 0; ; i++ {
		if i > 1e6 {
			t.Fatal("the reader never ends")
		}
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			if _, again := rd.Read(); !errors.Is(again, io.EOF) {
				t.Fatalf("Read after io.EOF = %v", again)
			}
			return recs, errs
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != name {
				t.Fatalf("error %v is not an *Error naming %s", err, name)
			}
			errs = append(errs, err)
			continue
		}
		recs = append(recs, rec)
	}
}

// checkRecord verifies what every record must keep: valid UTF-8, spans true to the text,
// tokens in order inside the text, import origin and no ids.
func checkRecord(t testing.TB, rec Record) {
	t.Helper()
	text := rec.Doc.Text
	if !utf8.ValidString(text) {
		t.Fatalf("line %d: text is not UTF-8: %q", rec.Line, text)
	}
	if rec.Line < 1 {
		t.Fatalf("record line %d", rec.Line)
	}
	for _, sp := range rec.Spans {
		if err := labels.CheckText(text, sp); err != nil {
			t.Fatalf("line %d: span %+v: %v", rec.Line, sp, err)
		}
		if sp.Origin != labels.OriginImport || sp.ID != "" || sp.Annotator != "" || sp.Label == "" {
			t.Fatalf("line %d: span %+v", rec.Line, sp)
		}
		if sp.Kind != labels.KindEntity && sp.Kind != labels.KindStance {
			t.Fatalf("line %d: span kind %q", rec.Line, sp.Kind)
		}
	}
	prev, n := 0, labels.RuneLen(text)
	for tok := range rec.Doc.OwnTokens() {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > n {
			t.Fatalf("line %d: token %v after %d in a text of %d", rec.Line, tok, prev, n)
		}
		prev = tok.End
	}
}

// errLines returns the lines of errs, which are *Errors.
func errLines(errs []error) []int {
	var out []int
	for _, err := range errs {
		var e *Error
		errors.As(err, &e)
		out = append(out, e.Line)
	}
	return out
}

// wantOneError checks that errs is one error on line whose message contains each of parts.
func wantOneError(t *testing.T, what string, errs []error, line int, parts ...string) {
	t.Helper()
	if len(errs) != 1 {
		t.Errorf("%s: %d errors %v, want 1", what, len(errs), errs)
		return
	}
	var e *Error
	errors.As(errs[0], &e)
	if e.Line != line {
		t.Errorf("%s: error on line %d (%v), want line %d", what, e.Line, errs[0], line)
	}
	for _, p := range parts {
		if !strings.Contains(errs[0].Error(), p) {
			t.Errorf("%s: error %q does not say %q", what, errs[0], p)
		}
	}
}

// offs builds offsets from start, end pairs.
func offs(pairs ...int) []labels.Offsets {
	var out []labels.Offsets
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, labels.Offsets{Start: pairs[i], End: pairs[i+1]})
	}
	return out
}
