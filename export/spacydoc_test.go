package export

import (
	"strings"
	"testing"
	"unicode"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/labels"
)

// docJSON is what NewSpacyDoc writes, as Doc.from_json reads it.
type docJSON struct {
	Text string `json:"text"`
	Ents []struct {
		Start, End int
		Label      string
	} `json:"ents"`
	Spans  map[string][]map[string]any `json:"spans"`
	Tokens []struct {
		ID, Start, End int
	} `json:"tokens"`
	Under map[string]string `json:"_"`
}

func TestSpacyDocNested(t *testing.T) {
	text := "في الجيش الوطني الليبي اليوم"
	rec := labels.Annotated{Doc: labels.Document{ID: "d1", ExternalID: "a7", Text: text}, Annotator: "amal",
		Spans: []labels.Span{ent(text, 3, 22, "ORG"), ent(text, 16, 22, "GPE"), ent(text, 23, 28, "DATE")}}
	got := write(t, "spacy-doc", Options{}, rec)
	want := `{"text":"في الجيش الوطني الليبي اليوم",` +
		`"ents":[{"start":3,"end":22,"label":"ORG"},{"start":23,"end":28,"label":"DATE"}],` +
		`"spans":{"sc":[{"start":3,"end":22,"label":"ORG","kb_id":""},{"start":16,"end":22,"label":"GPE","kb_id":""},{"start":23,"end":28,"label":"DATE","kb_id":""}]},` +
		`"tokens":[{"id":0,"start":0,"end":2},{"id":1,"start":3,"end":8},{"id":2,"start":9,"end":15},{"id":3,"start":16,"end":22},{"id":4,"start":23,"end":28}],` +
		`"_":{"id":"d1","external_id":"a7","annotator":"amal"}}` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	inner := write(t, "spacy-doc", Options{Level: LevelInner}, rec)
	if !strings.Contains(inner, `"ents":[{"start":16,"end":22,"label":"GPE"},{"start":23,"end":28,"label":"DATE"}]`) {
		t.Errorf("inner level: %s", inner)
	}
}

// TestSpacyDocWords: Doc.from_json rebuilds a Doc's words from the text with spaCy's
// util.get_words_and_spaces and asserts they are the words of "tokens"; white space between
// tokens other than one space must therefore be a token. wordsAndSpaces mirrors it.
func TestSpacyDocWords(t *testing.T) {
	texts := []string{
		"قال المسماري إن الجيش",
		"  سطر أول\nسطر  ثان\n\n",
		"وصل \u200f الوفد\t بالعراق .",
		" ",
		"",
		"ISIS\u2028و\u00a0داعش",
	}
	for _, text := range texts {
		var rec labels.Annotated
		rec.Doc = labels.Document{ID: "x", Text: text}
		line := write(t, "spacy-doc", Options{}, rec)
		var d docJSON
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		x := labels.NewTextIndex(text)
		var words []string
		for i, tk := range d.Tokens {
			w, ok := x.Slice(tk.Start, tk.End)
			if !ok || tk.ID != i || w == "" {
				t.Fatalf("%q: token %d %+v", text, i, tk)
			}
			words = append(words, w)
		}
		if got := wordsAndSpaces(words, text); strings.Join(got, "|") != strings.Join(words, "|") {
			t.Errorf("%q: words %q, spaCy rebuilds %q", text, words, got)
		}
	}
}

// wordsAndSpaces returns the words spaCy's util.get_words_and_spaces makes of words and text
// (spaCy 3): the words that are not all white space, found in the text in turn; one space
// after a word is its trailing space, and any other text before a word, or after the last,
// is a word of its own.
func wordsAndSpaces(words []string, text string) []string {
	isSpace := func(s string) bool { return s != "" && strings.TrimFunc(s, unicode.IsSpace) == "" }
	var out []string
	pos := 0
	for _, w := range words {
		if isSpace(w) {
			continue
		}
		i := strings.Index(text[pos:], w)
		if i < 0 {
			return append(out, "<not found: "+w+">")
		}
		if i > 0 {
			out = append(out, text[pos:pos+i])
			pos += i
		}
		out = append(out, w)
		pos += len(w)
		if pos < len(text) && text[pos] == ' ' {
			pos++
		}
	}
	if pos < len(text) {
		out = append(out, text[pos:])
	}
	return out
}
