package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

const conllTwoDocs = "\uFEFF-DOCSTART- O\r\n\r\n" +
	"قالَ O\nمحمّد B-PER\nبن I-PER\nسلمان I-PER\n🙂 O\nفي O\n2019 B-MIS1\n.\tO\n\n\n" +
	"ISIS B-ORG\n٣٤٫٣٪ O\nوإسرائيل I-LOC\nطرابلس B-LOC\nليبيا I-ORG\n" +
	"-DOCSTART- -X- -X- O\n\n" +
	"مرحبا O\r\n" +
	"  عالم\t\tO  \r\n"

func TestCoNLLDocuments(t *testing.T) {
	recs, errs := readAll(t, "conll", "dir/news.conll", conllTwoDocs, Options{})
	if len(errs) > 0 || len(recs) != 2 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	for _, r := range recs {
		checkRecord(t, r)
	}
	r := recs[0]
	text := "قالَ محمّد بن سلمان 🙂 في 2019 .\nISIS ٣٤٫٣٪ وإسرائيل طرابلس ليبيا"
	if r.Doc.Text != text || r.Line != 3 || r.Doc.ExternalID != "news#1" || r.Doc.SourceFile != "dir/news.conll" || r.Doc.Title != "قالَ محمّد بن سلمان 🙂 في 2019 ." {
		t.Errorf("doc 1: %+v", r.Doc)
	}
	wantTokens := offs(0, 4, 5, 10, 11, 13, 14, 19, 20, 21, 22, 24, 25, 29, 30, 31, 32, 36, 37, 42, 43, 51, 52, 58, 59, 64)
	if got := slices.Collect(r.Doc.OwnTokens()); !reflect.DeepEqual(got, wantTokens) {
		t.Errorf("tokens %v", got)
	}
	ent := func(s, e int, text, label string) labels.Span {
		return labels.Span{Start: s, End: e, Text: text, Label: label, Kind: labels.KindEntity, Origin: labels.OriginImport}
	}
	wantSpans := []labels.Span{ent(5, 19, "محمّد بن سلمان", "PER"), ent(25, 29, "2019", "MIS1"), ent(32, 36, "ISIS", "ORG"),
		ent(43, 51, "وإسرائيل", "LOC"), ent(52, 58, "طرابلس", "LOC"), ent(59, 64, "ليبيا", "ORG")}
	if !reflect.DeepEqual(r.Spans, wantSpans) {
		t.Errorf("spans\n got %+v\nwant %+v", r.Spans, wantSpans)
	}
	r = recs[1]
	if r.Doc.Text != "مرحبا عالم" || r.Line != 20 || r.Doc.ExternalID != "news#2" || len(r.Spans) != 0 || r.Doc.Packed.Len() != 2 {
		t.Errorf("doc 2: %+v", r)
	}
}

func TestCoNLLSentencesPerDoc(t *testing.T) {
	data := "أ O\n\nب O\nج B-LOC\n\nد O\n\n\nه O\n"
	for _, c := range []struct {
		per   int
		texts []string
		ids   []string
	}{
		{0, []string{"أ\nب ج\nد\nه"}, []string{"anercorp"}},
		{1, []string{"أ", "ب ج", "د", "ه"}, []string{"anercorp#1", "anercorp#2", "anercorp#3", "anercorp#4"}},
		{3, []string{"أ\nب ج\nد", "ه"}, []string{"anercorp#1", "anercorp#2"}},
		{4, []string{"أ\nب ج\nد\nه"}, []string{"anercorp"}},
	} {
		recs, errs := readAll(t, "conll", "anercorp", data, Options{SentencesPerDoc: c.per})
		var texts, ids []string
		for _, r := range recs {
			checkRecord(t, r)
			texts, ids = append(texts, r.Doc.Text), append(ids, r.Doc.ExternalID)
		}
		if len(errs) > 0 || !slices.Equal(texts, c.texts) || !slices.Equal(ids, c.ids) {
			t.Errorf("%d sentences a document: texts %q ids %q errors %v", c.per, texts, ids, errs)
		}
	}
	_, errs := readAll(t, "conll", "x.conll", data, Options{SentencesPerDoc: -2})
	wantOneError(t, "negative count", errs, 0, "x.conll: conll: sentences per document is -2")
}

func TestCoNLLNoise(t *testing.T) {
	cases := []struct {
		name, line string
		is         error
		part       string
	}{
		{"OO", "صفر OO", ErrBadTag, `f.txt:4: unknown tag "OO"`},
		{"IO", "صفر IO", ErrBadTag, `f.txt:4: unknown tag "IO"`},
		{"hyphen in label", "صفر B-MIS-2", ErrBadTag, `f.txt:4: unknown tag "B-MIS-2"`},
		{"backtick", "صفر B-MIS1`", ErrBadTag, "f.txt:4: unknown tag \"B-MIS1`\""},
		{"double hyphen", "صفر I--ORG", ErrBadTag, `f.txt:4: unknown tag "I--ORG"`},
		{"lower case", "صفر b-LOC", ErrBadTag, `unknown tag "b-LOC"`},
		{"digit first", "صفر B-1X", ErrBadTag, `unknown tag "B-1X"`},
		{"bare B", "صفر B-", ErrBadTag, `unknown tag "B-"`},
		{"empty token", " O", nil, `f.txt:4: 1 field, want TOKEN TAG [TAG ...]: " O"`},
		{"a part-of-speech column", "صفر NN O", ErrBadTag, `f.txt:4: unknown tag "NN"`},
		{"merged lines", "صفر O واحد B-LOC", ErrBadTag, `f.txt:4: unknown tag "واحد"`},
		{"a bad second tag", "صفر B-ORG B-", ErrBadTag, `f.txt:4: unknown tag "B-"`},
		{"invalid UTF-8", "\xd8 O", ErrInvalidUTF8, "f.txt:4: invalid UTF-8 at byte 1 of the line (0xd8)"},
	}
	for _, c := range cases {
		data := "أول O\nسطر B-LOC\n\n" + c.line + "\nبعد O\n\nآخر I-PER\nسطر I-PER\n"
		recs, errs := readAll(t, "conll", "dir/f.txt", data, Options{})
		wantOneError(t, c.name, errs, 4, "dir/f.txt:4: ", c.part)
		if c.is != nil && len(errs) == 1 && !errors.Is(errs[0], c.is) {
			t.Errorf("%s: %v is not %v", c.name, errs[0], c.is)
		}
		if len(recs) != 1 {
			t.Fatalf("%s: %d records", c.name, len(recs))
		}
		r := recs[0]
		checkRecord(t, r)
		if r.Doc.Text != "أول سطر\nآخر سطر" || r.Doc.Packed.Len() != 4 || len(r.Spans) != 2 || r.Spans[1].Text != "آخر سطر" || r.Spans[1].Label != "PER" {
			t.Errorf("%s: the bad sentence is not left out: %q %+v", c.name, r.Doc.Text, r.Spans)
		}
	}
}

// TestCoNLLBadLineInsideSentence: a bad line after good ones takes its whole sentence out,
// the tokens and spans read before it too, whether the sentence is the document's first or not.
func TestCoNLLBadLineInsideSentence(t *testing.T) {
	data := "قبل B-ORG\nخطأ OO\nبعد O\n\n" + // left out: the title comes from the next sentence
		"أول O\nسطر B-LOC\n\n" +
		"ثم B-PER\nكلام I-PER\nخطأ B-\nبعد O\n\n" +
		"آخر I-PER\nسطر I-PER\n"
	recs, errs := readAll(t, "conll", "f.txt", data, Options{})
	if len(errs) != 2 || len(recs) != 1 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	r := recs[0]
	checkRecord(t, r)
	checkCoNLLTokens(t, r)
	var spans []string
	for _, sp := range r.Spans {
		spans = append(spans, sp.Label+"="+sp.Text)
	}
	if r.Doc.Text != "أول سطر\nآخر سطر" || r.Doc.Title != "أول سطر" || r.Line != 5 || r.Doc.Packed.Len() != 4 ||
		!slices.Equal(spans, []string{"LOC=سطر", "PER=آخر سطر"}) {
		t.Errorf("the bad sentences are not left out whole: %q (title %q, line %d), %d tokens, spans %q",
			r.Doc.Text, r.Doc.Title, r.Line, r.Doc.Packed.Len(), spans)
	}
}

func TestCoNLLLabelsNotJudged(t *testing.T) {
	recs, errs := readAll(t, "conll", "f.txt", "كرة B-MISS1\nالقدم I-MIS1\nو O\nفي I-MIS\n", Options{})
	if len(errs) > 0 || len(recs) != 1 {
		t.Fatalf("%d records, %v", len(recs), errs)
	}
	got := labeled(recs[0].Spans)
	if want := []string{"MISS1=كرة", "MIS1=القدم", "MIS=في"}; !slices.Equal(got, want) {
		t.Errorf("spans %q, want %q", got, want)
	}
}

func TestCoNLLTitle(t *testing.T) {
	var b strings.Builder
	for range 40 {
		b.WriteString("كلمة O\n")
	}
	recs, _ := readAll(t, "conll", "f.txt", b.String(), Options{})
	title := recs[0].Doc.Title
	if n := labels.RuneLen(title); n > maxCoNLLTitle+2 || n < maxCoNLLTitle-6 || !strings.HasSuffix(title, " …") || !strings.HasPrefix(title, "كلمة كلمة") {
		t.Errorf("title of %d code points: %q", labels.RuneLen(title), title)
	}
	recs, _ = readAll(t, "conll", "f.txt", strings.Repeat("ب", 100)+" O\n", Options{})
	if n := labels.RuneLen(recs[0].Doc.Title); n != maxCoNLLTitle+1 {
		t.Errorf("title of one long token: %d code points", n)
	}
}

func TestCoNLLDocumentTooLong(t *testing.T) {
	data := strings.Repeat("كلمة O\n", 50) + "\n" + strings.Repeat("جملة O\n", 3) + "-DOCSTART-\nبعد B-LOC\n"
	rd := NewCoNLLReader("big.txt", strings.NewReader(data), Options{})
	rd.max = 100
	recs, errs := drain(t, rd, "big.txt")
	wantOneError(t, "too long", errs, 12, "big.txt:12: record too long: the document passes 100 bytes here")
	if len(recs) != 1 || recs[0].Doc.Text != "بعد" || recs[0].Doc.ExternalID != "big#2" {
		t.Errorf("after a dropped document: %+v", recs)
	}
}

// aqmarNoise is every line of the 14 AQMAR dev files the reader reports (data/README.md).
var aqmarNoise = map[string][]int{
	"Crusades.txt":            {2145},
	"Football.txt":            {1855},
	"Internet.txt":            {708},
	"Summer_Olympics2004.txt": {1110},
}

func TestCoNLLAQMAR(t *testing.T) {
	files, _ := filepath.Glob("testdata/aqmar/*.txt")
	if len(files) != 4 {
		t.Fatalf("testdata/aqmar holds %d files", len(files))
	}
	for _, f := range files {
		checkAQMAR(t, f)
	}
	recs, _ := readAll(t, "conll", "Football.txt", mustRead(t, "testdata/aqmar/Football.txt"), Options{})
	if sp := recs[0].Spans[0]; sp.Label != "MISS1" || sp.Start != 0 {
		t.Errorf("Football.txt line 1 gives %+v, want the label MISS1 for the importer to refuse", sp)
	}
}

func TestCoNLLAQMARShared(t *testing.T) {
	files, _ := filepath.Glob("../../shared/data/aqmar-dev/*.txt")
	if len(files) == 0 {
		t.Skip("../../shared/data/aqmar-dev is absent")
	}
	for _, f := range files {
		checkAQMAR(t, f)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkAQMAR reads one AQMAR file and checks it against its lines: one document named after
// the file, errors exactly on the known noise lines, the tokens and tags of every other
// sentence given back in order.
func checkAQMAR(t *testing.T, path string) {
	t.Helper()
	base := filepath.Base(path)
	data := mustRead(t, path)
	recs, errs := readAll(t, "conll", base, data, Options{})
	if got, want := errLines(errs), aqmarNoise[base]; !slices.Equal(got, want) {
		t.Errorf("%s: errors on lines %v, want %v: %v", base, got, want, errs)
	}
	if len(recs) != 1 {
		t.Fatalf("%s: %d documents", base, len(recs))
	}
	r := recs[0]
	checkRecord(t, r)
	if r.Doc.ExternalID != strings.TrimSuffix(base, ".txt") || r.Line != 1 {
		t.Errorf("%s: external id %q line %d", base, r.Doc.ExternalID, r.Line)
	}
	// The expected tokens and IOB2 tags: every non-blank line but those of bad sentences.
	var toks, tags []string
	nonBlank := 0
	for _, sent := range strings.Split(strings.TrimSpace(data), "\n\n") {
		lines := strings.Split(sent, "\n")
		nonBlank += len(lines)
		first := strings.Count(data[:strings.Index(data, sent)], "\n") + 1
		if slices.ContainsFunc(aqmarNoise[base], func(l int) bool { return l >= first && l < first+len(lines) }) {
			continue
		}
		prev := "O"
		for _, l := range lines {
			tok, tag, _ := strings.Cut(l, " ")
			if strings.HasPrefix(tag, "I-") && (prev == "O" || prev[2:] != tag[2:]) {
				tag = "B-" + tag[2:]
			}
			toks, tags, prev = append(toks, tok), append(tags, tag), tag
		}
	}
	if aqmarNoise[base] == nil && r.Doc.Packed.Len() != nonBlank {
		t.Errorf("%s: %d tokens, %d non-blank lines", base, r.Doc.Packed.Len(), nonBlank)
	}
	gotToks, gotTags := tokensAndTags(r)
	if !slices.Equal(gotToks, toks) || !slices.Equal(gotTags, tags) {
		t.Errorf("%s: %d tokens and tags read, %d expected", base, len(gotToks), len(toks))
	}
}

// tokensAndTags turns a record back into tokens and IOB2 tags, as a CoNLL export would.
func tokensAndTags(r Record) (toks, tags []string) {
	x := labels.NewTextIndex(r.Doc.Text)
	for tok := range r.Doc.OwnTokens() {
		s, _ := x.Slice(tok.Start, tok.End)
		tag := "O"
		for _, sp := range r.Spans {
			if sp.Start == tok.Start {
				tag = "B-" + sp.Label
			} else if sp.Start < tok.Start && tok.End <= sp.End {
				tag = "I-" + sp.Label
			}
		}
		toks, tags = append(toks, s), append(tags, tag)
	}
	return toks, tags
}

// wojoodLines is CoNLL in Wojood's nested shape (tags outer first, as many as the token has
// levels), written for these tests: three levels in the first sentence, two spans side by
// side inside one in the second, a flat third.
const wojoodLines = `أعلنت O
نقابة B-ORG
موظفي I-ORG
بلدية I-ORG B-ORG
نابلس I-ORG I-ORG B-GPE
الإضراب O
يوم B-DATE
الأحد I-DATE
. O

وصل O
وفد B-ORG
وزارة I-ORG B-ORG
الصحة I-ORG I-ORG
الأردنية I-ORG I-ORG B-NORP
إلى O
جامعة B-ORG
بيرزيت I-ORG B-GPE

قال O
أحمد B-PERS
. O
`

func TestCoNLLNested(t *testing.T) {
	recs, errs := readAll(t, "conll", "wojood.txt", wojoodLines, Options{})
	if len(errs) > 0 || len(recs) != 1 {
		t.Fatalf("%d records, %v", len(recs), errs)
	}
	checkRecord(t, recs[0])
	got := labeled(recs[0].Spans)
	want := []string{
		"ORG=نقابة موظفي بلدية نابلس", "ORG=بلدية نابلس", "GPE=نابلس", "DATE=يوم الأحد",
		"ORG=وفد وزارة الصحة الأردنية", "ORG=وزارة الصحة الأردنية", "NORP=الأردنية",
		"ORG=جامعة بيرزيت", "GPE=بيرزيت", "PERS=أحمد",
	}
	if !slices.Equal(got, want) {
		t.Errorf("spans\n%q\nwant\n%q", got, want)
	}
}

// TestCoNLLColumnsApart: each tag column continues its own spans; a column a line lacks
// ends the span open in it, and an I- tag after it begins a new one.
func TestCoNLLColumnsApart(t *testing.T) {
	recs, errs := readAll(t, "conll", "f.txt", "أ B-X B-Y\nب I-X\nج I-X I-Y\nد B-X O B-Z\n", Options{})
	if len(errs) > 0 || len(recs) != 1 {
		t.Fatalf("%d records, %v", len(recs), errs)
	}
	got := labeled(recs[0].Spans)
	if want := []string{"X=أ ب ج", "Y=أ", "Y=ج", "X=د", "Z=د"}; !slices.Equal(got, want) {
		t.Errorf("spans %q, want %q", got, want)
	}
}

// labeled returns each span as LABEL=text.
func labeled(spans []labels.Span) []string {
	var out []string
	for _, sp := range spans {
		out = append(out, sp.Label+"="+sp.Text)
	}
	return out
}
