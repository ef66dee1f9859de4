package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	json "github.com/goccy/go-json"
	"github.com/tawsim/tawsim/labels"
)

// sample is an article with harakat, an emoji of two code points, a Latin word, numbers with
// Arabic and ASCII digits, a proclitic and two lines.
const sample = "قالَ مُحَمَّد 👍🏽 إن Reuters نشرت 34.3٪ من الأخبار بالعراق.\nوزار طرابلس عام ٢٠١٩."

var testSchema = labels.Schema{
	Entities:     []labels.Label{{Name: "PERS"}, {Name: "ORG"}, {Name: "LOC"}, {Name: "MISC"}},
	StanceLabels: []labels.Label{{Name: "FAVOR"}, {Name: "AGAINST"}},
	Targets:      []labels.Target{{ID: "lna", Name: "Libyan National Army"}, {ID: "gna", Name: "GNA"}},
	Nesting:      labels.NestingFlat,
}

// ent returns an entity span of text.
func ent(text string, start, end int, label string) labels.Span {
	s, _ := labels.Slice(text, start, end)
	return labels.Span{Start: start, End: end, Text: s, Label: label, Kind: labels.KindEntity, Origin: labels.OriginManual}
}

// stanceSpan returns a stance evidence span of text.
func stanceSpan(text string, start, end int, target, label string) labels.Span {
	sp := ent(text, start, end, label)
	sp.Kind, sp.Target = labels.KindStance, target
	return sp
}

// sampleRecord is sample annotated by amal.
func sampleRecord() labels.Annotated {
	return labels.Annotated{
		Doc: labels.Document{
			ID: "0193f1c2-0000-7000-8000-000000000001", ExternalID: "ext-1", SourceFile: "a.txt",
			Title: "قالَ <محمد> & Reuters", Text: sample,
			Metadata: []byte("{\n  \"source\": \"وكالة\",\n  \"n\": [1, 2]\n}"),
		},
		Annotator: "amal",
		Status:    labels.StatusDone,
		Spans: []labels.Span{
			ent(sample, 5, 13, "PERS"),
			ent(sample, 20, 27, "ORG"),
			ent(sample, 33, 38, "MISC"),
			stanceSpan(sample, 59, 74, "lna", "FAVOR"),
			ent(sample, 64, 70, "LOC"),
		},
		Stances: []labels.DocStance{{Target: "lna", Label: "FAVOR"}, {Target: "gna", Label: "AGAINST"}},
	}
}

// write writes recs with a new writer of format and returns the output.
func write(t testing.TB, format string, opt Options, recs ...labels.Annotated) string {
	t.Helper()
	var out bytes.Buffer
	w, err := NewWriter(&out, format, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatalf("%s: Write: %v", format, err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// checkLines compares got with the lines of want, line by line.
func checkLines(t *testing.T, got string, want ...string) {
	t.Helper()
	w := strings.Join(want, "\n") + "\n"
	if got == w {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(w, "\n")
	for i := range max(len(gl), len(wl)) {
		var g, x string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			x = wl[i]
		}
		if g != x {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, g, x)
		}
	}
	t.Errorf("output differs:\n%s", got)
}

// jsonFormats are the formats that write JSON lines.
var jsonFormats = []string{"jsonl", "doccano", "doccano-stance", "spacy", "spacy-doc", "hf", "stance", "stance-claims"}

func TestFormats(t *testing.T) {
	want := []string{"conll", "doccano", "doccano-stance", "hf", "jsonl", "spacy", "spacy-doc", "stance", "stance-claims"}
	if got := Formats(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Formats() = %v, want %v", got, want)
	}
	if _, err := NewWriter(&bytes.Buffer{}, "xml", Options{}); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("NewWriter(xml) = %v, want ErrUnknownFormat", err)
	}
	if _, err := NewWriter(&bytes.Buffer{}, " JSONL ", Options{}); err != nil {
		t.Errorf("NewWriter(JSONL) = %v", err)
	}
	tokens := map[string]bool{"conll": true, "hf": true, "spacy": true, "spacy-doc": true}
	for _, f := range FormatList() {
		if f.About == "" || f.new == nil || f.Extension == "" {
			t.Errorf("format %s is not described whole: %+v", f.Name, f)
		}
		if f.WritesTokens != tokens[f.Name] {
			t.Errorf("format %s writes tokens: %v", f.Name, f.WritesTokens)
		}
		if (f.LabelList != nil) != (f.Name == "hf") {
			t.Errorf("format %s has a label list: %v", f.Name, f.LabelList != nil)
		}
		for _, name := range []string{f.Name, strings.ToUpper(f.Name), " " + f.Name + " "} {
			if got, err := Lookup(name); err != nil || got.Name != f.Name {
				t.Errorf("Lookup(%q) = %q, %v", name, got.Name, err)
			}
		}
	}
	if _, err := Lookup("xml"); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("Lookup(xml) = %v, want ErrUnknownFormat", err)
	}
}

// TestJSONLinesAreValid parses every line of every JSON format and checks that nothing is
// \u-escaped but the line separators.
func TestJSONLinesAreValid(t *testing.T) {
	rec := sampleRecord()
	rec.Doc.Text = sample + "\u2028<&>\t\"\\"
	for _, f := range jsonFormats {
		out := write(t, f, Options{Schema: testSchema}, rec)
		for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			var v map[string]any
			if err := json.Unmarshal([]byte(line), &v); err != nil {
				t.Errorf("%s line %d: %v\n%s", f, i+1, err, line)
			}
			if strings.Count(line, `\u`) != strings.Count(line, `\u2028`) {
				t.Errorf("%s line %d escapes more than U+2028: %s", f, i+1, line)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	recs := []labels.Annotated{sampleRecord(), conllRecord(t, anercorpLines), sampleRecord()}
	for _, f := range Formats() {
		opt := Options{Schema: testSchema, SplitClitics: true, DocStart: true}
		a, b := write(t, f, opt, recs...), write(t, f, opt, recs...)
		if a != b || a == "" {
			t.Errorf("%s: two writes of the same records differ (or are empty)", f)
		}
	}
}

// TestBadRecordWritesNothing checks that a record with a bad span is refused whole, with the
// error of labels, and that the writer goes on.
func TestBadRecordWritesNothing(t *testing.T) {
	good := sampleRecord()
	cases := []struct {
		name   string
		change func(*labels.Annotated)
		want   error
	}{
		{"entity text", func(r *labels.Annotated) { r.Spans[4].Text = "طرابل" }, labels.ErrTextMismatch},
		{"stance text", func(r *labels.Annotated) { r.Spans[3].Text = "x" }, labels.ErrTextMismatch},
		{"past the end", func(r *labels.Annotated) { r.Spans[4].End = 200 }, labels.ErrOutOfRange},
		{"empty", func(r *labels.Annotated) { r.Spans[4].End = r.Spans[4].Start }, labels.ErrEmptySpan},
		{"kind", func(r *labels.Annotated) { r.Spans[4].Kind = "tag" }, labels.ErrBadKind},
		{"no target", func(r *labels.Annotated) { r.Spans[3].Target = "" }, labels.ErrUnknownTarget},
		{"no label", func(r *labels.Annotated) { r.Spans[4].Label = "" }, labels.ErrUnknownLabel},
		{"invalid UTF-8", func(r *labels.Annotated) { r.Doc.Text += "\xff" }, ErrBadUTF8},
		{"invalid UTF-8 id", func(r *labels.Annotated) { r.Doc.ExternalID = "\xc3" }, ErrBadUTF8},
		{"stance", func(r *labels.Annotated) { r.Stances[1].Label = "" }, ErrBadStance},
		{"token order", func(r *labels.Annotated) { r.Doc.Tokens = []labels.Offsets{off(5, 13), off(0, 4)} }, ErrBadToken},
		{"token range", func(r *labels.Annotated) { r.Doc.Tokens = []labels.Offsets{off(75, 81)} }, ErrBadToken},
	}
	for _, f := range Formats() {
		for _, c := range cases {
			bad := sampleRecord()
			bad.Spans = append([]labels.Span(nil), bad.Spans...)
			c.change(&bad)
			var out bytes.Buffer
			w, _ := NewWriter(&out, f, Options{Schema: testSchema})
			if err := w.Write(good); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			err := w.Write(bad)
			if !errors.Is(err, c.want) {
				t.Errorf("%s, %s: Write = %v, want %v", f, c.name, err, c.want)
			}
			if err != nil && !strings.Contains(err.Error(), good.Doc.ID) {
				t.Errorf("%s, %s: the error does not name the document: %v", f, c.name, err)
			}
			if err := w.Write(good); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			w.Flush()
			once := write(t, f, Options{Schema: testSchema}, good)
			if out.String() != once+once {
				t.Errorf("%s, %s: the bad record left output:\n%s", f, c.name, out.String())
			}
		}
	}
}

func TestAppendStringAgreesWithGoccy(t *testing.T) {
	for _, s := range []string{
		"", "plain", sample, "<>&", "\u2028\u2029", "\x00\x01\x1f\x7f", "\b\f\n\r\t\"\\/",
		"é\u00e2\u20ac", "a\u2027b\u202ac", "\xe2\x80", "👍🏽🇱🇾", "مُحَمَّد\u200f",
	} {
		checkAgainstGoccy(t, s)
	}
}

func FuzzAppendString(f *testing.F) {
	f.Add(sample)
	f.Add("\u2028\x01\"")
	f.Fuzz(func(t *testing.T, s string) {
		if !isValid(s) {
			t.Skip()
		}
		checkAgainstGoccy(t, s)
	})
}

func isValid(s string) bool { return validStrings("", s) == nil }

func checkAgainstGoccy(t *testing.T, s string) {
	t.Helper()
	if !isValid(s) {
		return
	}
	want, err := json.MarshalWithOption(s, json.DisableHTMLEscape())
	if err != nil {
		t.Fatal(err)
	}
	if got := appendString(nil, s); !bytes.Equal(got, want) {
		t.Errorf("appendString(%q) = %s, goccy writes %s", s, got, want)
	}
}

// off returns a token's offsets.
func off(start, end int) labels.Offsets { return labels.Offsets{Start: start, End: end} }
