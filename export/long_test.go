package export

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/internal/synth"
	"github.com/tawsim/tawsim/labels"
)

// longRecord is a record whose text is longer than a writer's buffer and has more tokens than
// maxCached, with line breaks, U+2028 and quotes all over it.
func longRecord(t *testing.T) labels.Annotated {
	a := synth.Article(7, 400_000, 3000)
	rs := []rune(a.Doc.Text)
	r := rand.New(rand.NewPCG(1, 2))
	for i, c := range rs {
		switch {
		case c == ' ' && r.IntN(20) == 0:
			rs[i] = '\u2028'
		case c == ' ' && r.IntN(40) == 0:
			rs[i] = '\n'
		case c == '.':
			rs[i] = '"'
		}
	}
	a.Doc.Text, a.Annotator = string(rs), "amal"
	for i := range a.Spans {
		a.Spans[i].Text = string(rs[a.Spans[i].Start:a.Spans[i].End])
	}
	a.Stances = []labels.DocStance{{Target: "lna", Label: "FAVOR"}}
	if n := len(arabic.Tokenize(a.Doc.Text)); n <= maxCached || len(a.Doc.Text) <= 2*bufSize {
		t.Fatalf("the long record has %d tokens and %d bytes", n, len(a.Doc.Text))
	}
	return a
}

// TestLongRecords: a record of a long text, written a piece at a time and its tokens found
// again to be written, gives the bytes a short one would: the same as with every token kept,
// valid JSON lines holding the text as it is.
func TestLongRecords(t *testing.T) {
	rec := longRecord(t)
	opt := Options{Schema: testSchema, SplitClitics: true}
	few := maxCached
	t.Cleanup(func() { maxCached = few })
	for _, format := range Formats() {
		maxCached = few
		got := write(t, format, opt, rec, sampleRecord())
		maxCached = 1 << 30
		kept := write(t, format, opt, rec, sampleRecord())
		if got != kept {
			t.Errorf("%s: the long record written from its tokens found again differs from the one written from them kept", format)
		}
		if format == "conll" {
			continue
		}
		line, _, _ := strings.Cut(got, "\n")
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		for _, key := range []string{"text", "article"} {
			if s, ok := v[key].(string); ok && s != rec.Doc.Text {
				t.Errorf("%s: the %s read back differs from the record's", format, key)
			}
		}
	}
}

// TestAppendTextAgreesWithAppendString: a text written a piece at a time is escaped as it is
// whole, wherever its escapes fall against the pieces' edges.
func TestAppendTextAgreesWithAppendString(t *testing.T) {
	for shift := range 4 {
		s := strings.Repeat("ب", shift) + strings.Repeat("قال \"x\"\u2028\\\n\x01 👍🏽 ", 3*bufSize/20)
		var out bytes.Buffer
		b := newBase(&out)
		if err := b.commit(b.appendText(nil, s)); err != nil {
			t.Fatal(err)
		}
		b.Flush()
		if want := string(appendString(nil, s)); out.String() != want {
			t.Fatalf("shift %d: appendText differs from appendString", shift)
		}
	}
}

// TestMemoryDoesNotGrowWithText: writing a record allocates about as much for a text four
// times longer with as many spans: nothing is held per code point, token or output byte.
func TestMemoryDoesNotGrowWithText(t *testing.T) {
	allocated := func(w Writer, rec labels.Annotated) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	short, long := synth.Article(1, 400_000, 500), synth.Article(2, 1_600_000, 500)
	short.Stances = []labels.DocStance{{Target: "lna", Label: "FAVOR"}}
	long.Stances = short.Stances
	for _, format := range []string{"jsonl", "doccano", "spacy", "hf", "conll", "stance"} {
		w, err := NewWriter(io.Discard, format, Options{Schema: testSchema, SplitClitics: true})
		if err != nil {
			t.Fatal(err)
		}
		allocated(w, short) // the writer's buffers grow to their size
		a, b := allocated(w, short), allocated(w, long)
		if b > a+1<<20 {
			t.Errorf("%s: a record of %d bytes took %d bytes more than one of %d bytes",
				format, len(long.Doc.Text), b-a, len(short.Doc.Text))
		}
	}
}
