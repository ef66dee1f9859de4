package suggest

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestReadGazetteer(t *testing.T) {
	in := "\uFEFF# places and people\r\n" +
		"طرابلس\tLOC\r\n" +
		"\n" +
		"   # an indented comment\n" +
		"  الأمم المتحدة  \t ORG \n" +
		"Illinois State Senate\tORG\t\n" + // INCEpTION's own example ends a line with a tab
		"الأردن\tLOC\t3\r" +
		"الأردن\tPERS\t1"
	got, err := ReadGazetteer(strings.NewReader(in), "g.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Count{{"طرابلس", "LOC", 1}, {"الأمم المتحدة", "ORG", 1}, {"Illinois State Senate", "ORG", 1},
		{"الأردن", "LOC", 3}, {"الأردن", "PERS", 1}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestReadGazetteerErrors(t *testing.T) {
	in := strings.Join([]string{
		"طرابلس LOC",        // 1: a space, no tab
		"\tLOC",             // 2
		"طرابلس\t",          // 3
		"طرابلس\t \t",       // 4
		"طرابلس\tL\u200fOC", // 5
		"،\tLOC",            // 6
		"طرابلس\tLOC\tmany", // 7
		"طرابلس\tLOC\t0",    // 8
		"طرابلس\tLOC\t2\tx", // 9
		"طرا\xffبلس\tLOC",   // 10
		"بنغازي\tLOC",       // 11: good
	}, "\n")
	got, err := ReadGazetteer(strings.NewReader(in), "g.tsv")
	if want := []Count{{"بنغازي", "LOC", 1}}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	wantErrs := []string{
		"g.tsv:1: no tab: a gazetteer line is the text, a tab and the label",
		"g.tsv:2: the text before the tab is empty",
		`g.tsv:3: "طرابلس" has no label after the tab`,
		`g.tsv:4: "طرابلس" has no label after the tab`,
		`g.tsv:5: label: invalid name: "L\u200fOC" holds U+200F, a bidi control, which reorders the text shown around it`,
		`g.tsv:6: "،": it holds no letter or digit to match`,
		`g.tsv:7: the third column "many" is no count (a whole number, 1 or more)`,
		`g.tsv:8: the third column "0" is no count (a whole number, 1 or more)`,
		"g.tsv:9: 4 columns: a gazetteer line is the text, a tab and the label (and a count)",
		"g.tsv:10: invalid UTF-8 at byte 7 of the line (0xff)",
	}
	if got := strings.Split(fmt.Sprint(err), "\n"); !slices.Equal(got, wantErrs) {
		t.Errorf("errors:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantErrs, "\n"))
	}
	var e *Error
	if !errors.As(err, &e) || e.File != "g.tsv" || e.Line != 1 {
		t.Errorf("errors.As gives %+v", e)
	}
}

func TestReadGazetteerManyErrors(t *testing.T) {
	in := strings.Repeat("no tab here\n", MaxErrors+5)
	_, err := ReadGazetteer(strings.NewReader(in), "g.tsv")
	lines := strings.Split(fmt.Sprint(err), "\n")
	if len(lines) != MaxErrors+1 || lines[MaxErrors] != "g.tsv: 5 more bad lines" {
		t.Errorf("%d lines, the last %q", len(lines), lines[len(lines)-1])
	}
}

func TestReadGazetteerLongLineAndFailedRead(t *testing.T) {
	in := "طرابلس\tLOC\n" + strings.Repeat("x", MaxLine+1) + "\tLOC\nبنغازي\tLOC\n"
	got, err := ReadGazetteer(strings.NewReader(in), "g.tsv")
	if len(got) != 1 || fmt.Sprint(err) != fmt.Sprintf("g.tsv:2: the line is longer than %d bytes", MaxLine) {
		t.Errorf("got %v, %v", got, err)
	}
	got, err = ReadGazetteer(io.MultiReader(strings.NewReader("طرابلس\tLOC\n"), failing{}), "g.tsv")
	if len(got) != 1 || fmt.Sprint(err) != "g.tsv: after line 1: disk on fire" {
		t.Errorf("got %v, %v", got, err)
	}
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestGazetteerLineEnds(t *testing.T) {
	for _, in := range []string{"a\tX\nb\tY", "a\tX\r\nb\tY\r\n", "a\tX\rb\tY\r", "a\tX\r\n\r\nb\tY"} {
		got, err := ReadGazetteer(strings.NewReader(in), "g")
		if want := []Count{{"a", "X", 1}, {"b", "Y", 1}}; err != nil || !slices.Equal(got, want) {
			t.Errorf("%q: got %v, %v", in, got, err)
		}
	}
}
