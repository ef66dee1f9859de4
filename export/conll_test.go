package export

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tawsim/tawsim/labels"
)

// anercorpLines is CoNLL as ANERcorp writes it, with tokens that arabic.Tokenize would split
// ("U.S.", "al-Sarraj", "(باسم") to show that a document's own tokens are kept.
const anercorpLines = `وقال O
الناطق O
(باسم O
الجيش B-ORG
الوطني I-ORG
الليبي I-ORG
اللواء O
أحمد B-PERS
المسماري I-PERS
. O

وفي O
27 O
نوفمبر O
2019 O
وقعت O
U.S. B-LOC
و O
al-Sarraj B-PERS
👍🏽 O
اتفاقا O
. O

`

// conllRecord builds a record from CoNLL lines as the CoNLL importer does: tokens joined by
// single spaces, sentences (blank-line separated) joined by "\n", the tokens kept as the
// document's own, and a span for each B- tag and the I- tags that follow it.
func conllRecord(t testing.TB, lines string) labels.Annotated {
	t.Helper()
	var (
		text  strings.Builder
		toks  []labels.Offsets
		spans []labels.Span
		pos   int
		open  = -1 // index in spans of the span being continued
	)
	for _, sentence := range strings.Split(strings.Trim(lines, "\n"), "\n\n") {
		if text.Len() > 0 {
			text.WriteString("\n")
			pos++
		}
		open = -1
		for i, line := range strings.Split(sentence, "\n") {
			word, tag, ok := strings.Cut(line, " ")
			if !ok {
				t.Fatalf("bad line %q", line)
			}
			if i > 0 {
				text.WriteString(" ")
				pos++
			}
			n := utf8.RuneCountInString(word)
			toks = append(toks, labels.Offsets{Start: pos, End: pos + n})
			text.WriteString(word)
			switch {
			case strings.HasPrefix(tag, "B-"):
				spans = append(spans, labels.Span{Start: pos, End: pos + n, Label: tag[2:], Kind: labels.KindEntity})
				open = len(spans) - 1
			case strings.HasPrefix(tag, "I-") && open >= 0:
				spans[open].End = pos + n
			default:
				open = -1
			}
			pos += n
		}
	}
	s := text.String()
	for i := range spans {
		spans[i].Text, _ = labels.Slice(s, spans[i].Start, spans[i].End)
	}
	return labels.Annotated{Doc: labels.Document{ID: "conll-1", Text: s, Tokens: toks}, Spans: spans}
}

func TestCoNLLRoundTrip(t *testing.T) {
	rec := conllRecord(t, anercorpLines)
	if got := write(t, "conll", Options{}, rec); got != anercorpLines {
		t.Errorf("got\n%s\nwant\n%s", got, anercorpLines)
	}
	two := write(t, "conll", Options{}, rec, rec)
	if two != anercorpLines+anercorpLines {
		t.Errorf("two documents:\n%s", two)
	}
	withStart := write(t, "conll", Options{DocStart: true}, rec)
	if withStart != "-DOCSTART- O\n\n"+anercorpLines {
		t.Errorf("DocStart:\n%s", withStart)
	}
}

func TestCoNLLSample(t *testing.T) {
	got := write(t, "conll", Options{}, sampleRecord())
	checkLines(t, got,
		"قالَ O",
		"مُحَمَّد B-PERS",
		"👍🏽 O",
		"إن O",
		"Reuters B-ORG",
		"نشرت O",
		"34.3 B-MISC",
		"٪ I-MISC",
		"من O",
		"الأخبار O",
		"بالعراق O",
		". O",
		"",
		"وزار O",
		"طرابلس B-LOC",
		"عام O",
		"٢٠١٩ O",
		". O",
		"",
	)
}

// cliticRecord has a LOC span over العراق inside the token بالعراق.
func cliticRecord() labels.Annotated {
	text := "وصل الوفد بالعراق اليوم"
	return labels.Annotated{
		Doc:   labels.Document{ID: "clitic", Text: text},
		Spans: []labels.Span{ent(text, 11, 17, "LOC")},
	}
}

func TestCoNLLSplitClitics(t *testing.T) {
	rec := cliticRecord()
	got := write(t, "conll", Options{SplitClitics: true}, rec)
	checkLines(t, got, "وصل O", "الوفد O", "ب O", "العراق B-LOC", "اليوم O", "")

	var out bytes.Buffer
	w := NewCoNLL(&out, Options{})
	err := w.Write(rec)
	if !errors.Is(err, ErrTokenEdge) {
		t.Fatalf("without SplitClitics: Write = %v, want ErrTokenEdge", err)
	}
	want := `document clitic: span [11,17) LOC "العراق" does not fall on token edges (it cuts the token "بالعراق" [10,17)): use --split-clitics`
	if err.Error() != want {
		t.Errorf("error\n got %s\nwant %s", err, want)
	}
	w.Flush()
	if out.Len() != 0 {
		t.Errorf("wrote %q", out.String())
	}
}

// TestCoNLLSpans covers span edges in white space, a span inside
// a token at both edges, an entity across a line break and a span covering no token.
func TestCoNLLSpans(t *testing.T) {
	text := "في  الجيش الوطني\nالليبي  و\u200f"
	rec := labels.Annotated{Doc: labels.Document{ID: "d", Text: text}, Spans: []labels.Span{
		ent(text, 2, 16, "ORG"), // starts in the white space before الجيش
	}}
	checkLines(t, write(t, "conll", Options{}, rec), "في O", "الجيش B-ORG", "الوطني I-ORG", "", "الليبي O", "و O", "")

	// An entity across a line break keeps its sentence whole.
	rec.Spans = []labels.Span{ent(text, 10, 23, "ORG")}
	checkLines(t, write(t, "conll", Options{}, rec), "في O", "الجيش O", "الوطني B-ORG", "الليبي I-ORG", "و O", "")

	// Both edges inside one token.
	rec.Spans = []labels.Span{ent(text, 5, 7, "LOC")}
	checkLines(t, write(t, "conll", Options{SplitClitics: true}, rec), "في O", "ا O", "لج B-LOC", "يش O", "الوطني O", "", "الليبي O", "و O", "")

	// A span over white space only, or a format character only.
	rec.Spans = []labels.Span{ent(text, 23, 25, "LOC"), ent(text, 26, 27, "LOC")}
	var out bytes.Buffer
	if err := NewCoNLL(&out, Options{}).Write(rec); !errors.Is(err, ErrNoToken) {
		t.Errorf("span over no token: Write = %v, want ErrNoToken", err)
	}
	rec.Spans = rec.Spans[1:]
	if err := NewCoNLL(&out, Options{}).Write(rec); !errors.Is(err, ErrNoToken) {
		t.Errorf("span over a format character: Write = %v, want ErrNoToken", err)
	}
}

func TestCoNLLRefusesWhiteSpaceToken(t *testing.T) {
	text := "New York"
	rec := labels.Annotated{Doc: labels.Document{ID: "d", Text: text, Tokens: []labels.Offsets{off(0, 8)}}}
	var out bytes.Buffer
	if err := NewCoNLL(&out, Options{}).Write(rec); !errors.Is(err, ErrBadToken) {
		t.Errorf("Write = %v, want ErrBadToken", err)
	}
	// Tokens of white space only (spaCy keeps them) are left out.
	text = "أ\n\nب"
	rec = labels.Annotated{Doc: labels.Document{ID: "d", Text: text, Tokens: []labels.Offsets{off(0, 1), off(1, 3), off(3, 4)}}}
	checkLines(t, write(t, "conll", Options{}, rec), "أ O", "", "ب O", "")
}

func TestCoNLLEmptyDocument(t *testing.T) {
	rec := labels.Annotated{Doc: labels.Document{ID: "d", Text: " \n"}}
	if got := write(t, "conll", Options{}, rec); got != "" {
		t.Errorf("got %q", got)
	}
	if got := write(t, "conll", Options{DocStart: true}, rec); got != "-DOCSTART- O\n\n" {
		t.Errorf("DocStart: got %q", got)
	}
}

// FuzzCoNLLWriter builds CoNLL lines from arbitrary text and tags, imports them as the CoNLL
// importer does and checks that the writer gives the same lines back.
func FuzzCoNLLWriter(f *testing.F) {
	f.Add("وقال الناطق\nباسم الجيش 👍🏽 U.S.", uint64(1))
	f.Add("a\u2028b\u00a0c\u200fd", uint64(7))
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		lines := conllLines(s, seed)
		if lines == "" {
			t.Skip()
		}
		rec := conllRecord(t, lines)
		if got := write(t, "conll", Options{}, rec); got != lines {
			t.Errorf("got\n%q\nwant\n%q", got, lines)
		}
	})
}

// conllLines turns s into CoNLL lines: its lines are sentences, their fields tokens, with
// valid IOB2 tags drawn from seed.
func conllLines(s string, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		words := strings.Fields(line)
		if len(words) == 0 {
			continue
		}
		prev := "O"
		for _, w := range words {
			tag := "O"
			switch rng.IntN(3) {
			case 1:
				tag = "B-" + []string{"PERS", "LOC"}[rng.IntN(2)]
			case 2:
				if prev != "O" {
					tag = "I-" + prev[2:]
				}
			}
			b.WriteString(w + " " + tag + "\n")
			prev = tag
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestTokenFormatsNested: conll writes a tag column per level of nesting (crossing spans
// too), conll with Flat and hf one level, the outer or the inner, and say how many spans they
// left out; spacy and jsonl write every span.
func TestTokenFormatsNested(t *testing.T) {
	text := "في الجيش الوطني الليبي اليوم"
	rec := labels.Annotated{Doc: labels.Document{ID: "d1", ExternalID: "a7", Text: text}, Annotator: "amal",
		Spans: []labels.Span{
			ent(text, 3, 22, "ORG"),  // the outer span
			ent(text, 9, 22, "LOC"),  // inside it
			ent(text, 16, 28, "PER"), // crossing both
		}}
	schema := labels.Schema{Entities: []labels.Label{{Name: "ORG"}, {Name: "LOC"}, {Name: "PER"}}}
	checkLines(t, write(t, "conll", Options{}, rec),
		"في O", "الجيش B-ORG", "الوطني I-ORG B-LOC", "الليبي I-ORG I-LOC B-PER", "اليوم O O I-PER", "")
	const tokens = `"tokens":["في","الجيش","الوطني","الليبي","اليوم"]`
	cases := []struct {
		format string
		level  Level
		want   string
	}{
		{"conll", LevelOuter, "في O\nالجيش B-ORG\nالوطني I-ORG\nالليبي I-ORG\nاليوم O\n\n"},
		{"conll", LevelInner, "في O\nالجيش O\nالوطني B-LOC\nالليبي I-LOC\nاليوم O\n\n"},
		{"hf", LevelOuter, `{"id":"a7-0",` + tokens + `,"ner_tags":["O","B-ORG","I-ORG","I-ORG","O"]}` + "\n"},
		{"hf", LevelInner, `{"id":"a7-0",` + tokens + `,"ner_tags":["O","O","B-LOC","I-LOC","O"]}` + "\n"},
	}
	for _, c := range cases {
		var left []int
		opt := Options{Schema: schema, Flat: true, Level: c.level, LeftOut: func(n int) { left = append(left, n) }}
		if got := write(t, c.format, opt, rec, rec); got != c.want+c.want {
			t.Errorf("%s %s:\n%s\nwant\n%s", c.format, c.level, got, c.want+c.want)
		}
		if !slices.Equal(left, []int{2, 2}) {
			t.Errorf("%s %s: left out %v, want [2 2]", c.format, c.level, left)
		}
	}
	for _, format := range []string{"spacy", "jsonl"} {
		if got := write(t, format, Options{}, rec); strings.Count(got, `"label":`) != 3 {
			t.Errorf("%s: not every span written: %s", format, got)
		}
	}
}

// TestLevels: the outer level keeps the spans inside no other, the inner the spans holding
// no other; of two on the same range, one.
func TestLevels(t *testing.T) {
	sp := func(s, e int) *labels.Span { return &labels.Span{Start: s, End: e} }
	// [0,10) holds [0,3) and [5,8), which holds [6,7); [12,14) stands alone; [20,25) twice
	spans := []*labels.Span{sp(0, 10), sp(0, 3), sp(5, 8), sp(6, 7), sp(12, 14), sp(20, 25), sp(20, 25)}
	if got := level(spans, LevelOuter, nil); !slices.Equal(got, []int{0, 4, 5}) {
		t.Errorf("outer %v", got)
	}
	if got := level(spans, LevelInner, nil); !slices.Equal(got, []int{1, 3, 4, 5}) {
		t.Errorf("inner %v", got)
	}
	if l, n := layers(spans, nil); !slices.Equal(l, []int{0, 1, 1, 2, 0, 0, 1}) || n != 3 {
		t.Errorf("layers %v, %d", l, n)
	}
}
