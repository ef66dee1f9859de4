// Package msg makes the words of the window's messages: numbers with their thousands
// separated, plurals, and words of the corpus quoted between isolate marks, which the status
// bar draws with the article's bidi layout.
package msg

import (
	"strconv"
	"strings"

	"github.com/go-text/typesetting/segmenter"
)

// Isolate marks, as Isolate puts them around words from the text in a message. Between them
// the status bar shows the words with the article's bidi layout: Fyne's own label places the
// runs of a mixed line in logical order, so a quoted title with a number in it ("الخبر رقم
// 12") came out scrambled inside an English sentence.
const (
	IsolateStart = "\u2068" // FIRST STRONG ISOLATE
	IsolateEnd   = "\u2069" // POP DIRECTIONAL ISOLATE
)

// Ellipsis ends a text that was cut.
const Ellipsis = "…"

// Quote puts text, shortened by Clip, in straight double quotes, between isolate marks. Fyne
// draws a line of text left to right and mirrors the characters that have a mirror image
// (such as « and ») next to right-to-left text, so messages quote Arabic with " rather than
// guillemets.
func Quote(text string) string { return `"` + Isolate(Clip(text)) + `"` }

// Isolate puts text between isolate marks (FSI … PDI), so that the status bar draws it in the
// order of its own first strong character whatever the message around it.
func Isolate(text string) string { return IsolateStart + text + IsolateEnd }

// Clip shortens text to about 40 characters for the status bar, its white space runs made
// single spaces, cut between two grapheme clusters (a letter with its harakat, an emoji
// sequence) so that no character is split.
func Clip(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= 40 {
		return text
	}
	cut := 0
	for _, end := range ClusterEnds(r) {
		if end > 39 {
			break
		}
		cut = end
	}
	return string(r[:cut]) + Ellipsis
}

// ClusterEnds returns the code point offsets where the extended grapheme clusters (UAX #29)
// of text end, in order: a letter with its harakat, an emoji with its modifiers or ZWJ
// sequence is one cluster. A cut at one of them splits no character.
func ClusterEnds(text []rune) []int {
	if len(text) == 0 {
		return nil
	}
	var sg segmenter.Segmenter
	sg.Init(text)
	var ends []int
	for it := sg.GraphemeIterator(); it.Next(); {
		g := it.Grapheme()
		ends = append(ends, g.Offset+len(g.Text))
	}
	return ends
}

// Thousands writes n with a comma between groups of three digits: 1,204.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Plural says "1 file", "3 files", "1,204 documents".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Thousands(n) + " " + noun + "s"
}
