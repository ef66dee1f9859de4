package corpus

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/tawsim/tawsim/labels"
)

func TestLineReader(t *testing.T) {
	long := strings.Repeat("ط", 100_000) // 200,000 bytes: several reads of the buffer
	data := "\uFEFFa\r\n" + long + "\n\n\uFEFFb\r\r\nc\xffd\nlast"
	l := newLineReader(strings.NewReader(data))
	var got []string
	var lines []int
	for {
		b, err := l.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			got = append(got, "error: "+err.Error())
		} else {
			got = append(got, string(b))
		}
		lines = append(lines, l.n)
	}
	want := []string{"a", long, "", "\uFEFFb\r", "error: invalid UTF-8 at byte 2 of the line (0xff)", "last"}
	if !slices.Equal(got, want) || !slices.Equal(lines, []int{1, 2, 3, 4, 5, 6}) {
		t.Errorf("lines %q at %v", got, lines)
	}
	if l.eol {
		t.Error("the last line has no newline, eol says it has")
	}
}

func TestLineReaderFailedRead(t *testing.T) {
	r := io.MultiReader(strings.NewReader("{\"text\":\"a\"}\n{\"te"), iotest.ErrReader(errors.New("disk gone")))
	recs, errs := drain(t, NewJSONLReader("f.jsonl", r), "f.jsonl")
	wantOneError(t, "failed read", errs, 2, "f.jsonl:2: the file could not be read to its end: disk gone")
	if len(recs) != 1 {
		t.Errorf("%d records", len(recs))
	}
	recs, errs = drain(t, NewCoNLLReader("f.txt", io.MultiReader(strings.NewReader("أ O\n\nب O\n"), iotest.ErrReader(errors.New("disk gone"))), Options{}), "f.txt")
	wantOneError(t, "failed read", errs, 4, "f.txt:4: the file could not be read to its end: disk gone")
	if len(recs) != 0 {
		t.Errorf("a document cut by a failed read was kept: %+v", recs)
	}
}

func TestRuneIndexAgreesWithSlice(t *testing.T) {
	text := sample + "\n" + sample
	n := labels.RuneLen(text)
	x := labels.NewTextIndex(text)
	// Jump about: forwards, backwards, near either end.
	for _, r := range [][2]int{{0, 1}, {7, 12}, {80, 83}, {2, 6}, {40, 45}, {82, n}, {0, n}, {n, n}, {30, 31}, {-1, 2}, {5, n + 1}, {6, 5}} {
		want, wantOK := labels.Slice(text, r[0], r[1])
		got, ok := x.Slice(r[0], r[1])
		if got != want || ok != wantOK {
			t.Errorf("[%d,%d): %q %v, labels.Slice says %q %v", r[0], r[1], got, ok, want, wantOK)
		}
	}
}

func TestFormatsRegistered(t *testing.T) {
	want := []string{"conll", "csv", "doccano", "jsonl", "spacy", "txt"}
	if got := Formats(); !slices.Equal(got, want) {
		t.Errorf("Formats() = %v, want %v", got, want)
	}
	for _, f := range want {
		if len(Extensions[f]) == 0 {
			t.Errorf("no extensions for %s", f)
		}
		if _, err := NewReader(strings.ToUpper(f), "x", strings.NewReader(""), Options{}); err != nil {
			t.Errorf("NewReader(%s): %v", f, err)
		}
	}
}

// endless yields head once, then line for ever, counting the bytes read from it.
type endless struct {
	head, line string
	read       int
}

func (e *endless) Read(p []byte) (int, error) {
	for n := range p {
		i := e.read + n
		if i < len(e.head) {
			p[n] = e.head[i]
		} else {
			p[n] = e.line[(i-len(e.head))%len(e.line)]
		}
	}
	e.read += len(p)
	return len(p), nil
}

func TestReadersStream(t *testing.T) {
	cases := []struct {
		format, head, line string
		opt                Options
	}{
		{"jsonl", "", `{"text":"` + sample + `","entities":[{"start":7,"end":12,"label":"PERS"}]}` + "\n", Options{}},
		{"doccano", "", `{"text":"` + sample + `","label":[[7,12,"PERS"]]}` + "\n", Options{}},
		{"spacy", "", `{"text":"` + sample + `","spans":[{"start":7,"end":12,"label":"PERS"}]}` + "\n", Options{}},
		{"csv", "id,text\n", "1,\"" + sample + "\"\r\n", Options{TextColumn: "text"}},
		{"conll", "", "محمّد B-PER\nقال O\n\n", Options{SentencesPerDoc: 1}},
	}
	for _, c := range cases {
		src := &endless{head: c.head, line: c.line}
		rd, err := NewReader(c.format, "endless", src, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 2000 {
			rec, err := rd.Read()
			if err != nil {
				t.Fatalf("%s: record %d: %v", c.format, i, err)
			}
			if i == 0 {
				checkRecord(t, rec)
			}
		}
		if used := 2001 * len(c.line); src.read > used+256<<10 {
			t.Errorf("%s: read %d bytes for 2000 records of %d bytes: not streaming", c.format, src.read, len(c.line))
		}
	}
}
