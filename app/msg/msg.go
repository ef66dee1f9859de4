// Package msg makes the words of the window's messages: numbers with their thousands
// separated, in the digits the annotator chose, counts of things in the plural form the
// language needs, and words of the corpus quoted between isolate marks, which the status bar
// draws with the article's bidi layout.
package msg

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
	"github.com/go-text/typesetting/segmenter"

	"github.com/tawsim/tawsim/app/locale"
)

// M is the data of a message's template: lang.X("key", "{{.Name}} …", msg.M{"Name": name}).
type M = map[string]any

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

// Name puts a name that is not the window's words (a file, a size, an annotator) between
// isolate marks in a right-to-left window, where the bidi-aware widgets draw the message and
// keep the name whole in its place; in a left-to-right window, which Fyne's own labels draw,
// it leaves it as it is.
func Name(text string) string {
	if locale.RTL() {
		return Isolate(text)
	}
	return text
}

// Marks that set text apart from what is around it, in the bidi algorithm.
const (
	isolateLTR = "\u2066" // LEFT-TO-RIGHT ISOLATE
	isolateRTL = "\u2067" // RIGHT-TO-LEFT ISOLATE
)

// IsolateLatin puts each run of Latin words, digits and the ASCII signs among them (a key:
// "Ctrl+=", "Shift+F A N X"; "LANG=ar_EG") between left-to-right isolate marks, outside the
// isolates text holds already, for a right-to-left paragraph: there a sign at a run's end,
// between it and Arabic, would go with the Arabic ("Ctrl+=" would read "=+Ctrl"). Words of a
// run may be apart by spaces; sentence punctuation at its end (. , ; : ! ?) and a closing
// bracket it did not open stay outside.
func IsolateLatin(text string) string {
	r := []rune(text)
	var b strings.Builder
	depth := 0
	for i := 0; i < len(r); {
		switch c := string(r[i]); c {
		case IsolateStart, isolateLTR, isolateRTL:
			depth++
		case IsolateEnd:
			depth = max(depth-1, 0)
		}
		if depth > 0 || !latinStart(r[i]) {
			b.WriteRune(r[i])
			i++
			continue
		}
		end := latinRun(r, i)
		b.WriteString(isolateLTR + string(r[i:end]) + IsolateEnd)
		i = end
	}
	return b.String()
}

// latinStart reports whether c starts a run that IsolateLatin sets apart.
func latinStart(c rune) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// latinRun returns the end of the run that starts at i: ASCII signs, letters and digits, and
// spaces followed by more of them; without trailing punctuation or an unopened bracket.
func latinRun(r []rune, i int) int {
	end := i
	for j := i; j < len(r); {
		switch {
		case r[j] > ' ' && r[j] < 0x7f:
			j++
			end = j
		case r[j] == ' ':
			k := j
			for k < len(r) && r[k] == ' ' {
				k++
			}
			if k == len(r) || !latinStart(r[k]) {
				return trimRun(r, i, end)
			}
			j = k
		default:
			return trimRun(r, i, end)
		}
	}
	return trimRun(r, i, end)
}

// trimRun leaves sentence punctuation and unopened closing brackets out of the end of the
// run r[i:end].
func trimRun(r []rune, i, end int) int {
	for end > i+1 {
		c := r[end-1]
		open := map[rune]rune{')': '(', ']': '[', '}': '{'}[c]
		switch {
		case strings.ContainsRune(".,;:!?", c):
			end--
			continue
		case open != 0 && !slices.Contains(r[i:end-1], open):
			end--
			continue
		}
		break
	}
	return end
}

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

// Thousands writes n with its groups of three digits separated, in the digits the annotator
// chose (locale.SetDigits): 1,204, or ١٬٢٠٤ in Arabic-Indic digits.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	arabic := locale.CurrentDigits() == locale.ArabicIndic
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			if arabic {
				b.WriteRune('٬') // ARABIC THOUSANDS SEPARATOR
			} else {
				b.WriteByte(',')
			}
		}
		if arabic {
			r += '٠' - '0'
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Digits writes the ASCII digits of s in the digits the annotator chose, leaving every other
// character as it is: a time, "14:02:31".
func Digits(s string) string {
	if locale.CurrentDigits() != locale.ArabicIndic {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r + '٠' - '0'
		}
		return r
	}, s)
}

// Decimal writes f with prec digits after the point, in the digits the annotator chose
// (with Arabic-Indic digits, the Arabic decimal separator): 0.62, or ٠٫٦٢. A negative f keeps
// its ASCII minus sign.
func Decimal(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if locale.CurrentDigits() == locale.ArabicIndic {
		s = strings.ReplaceAll(s, ".", "٫") // ARABIC DECIMAL SEPARATOR
	}
	return Digits(s)
}

// Count returns the message of key for n things, in the plural form the language gives n
// (Arabic has six), with n written by Thousands as {{.N}} in it: Count("doc.count",
// "{{.N}} documents", 3). fallback is the English text, used when no translation has key.
func Count(key, fallback string, n int) string {
	return CountWith(key, fallback, n, nil)
}

// CountWith is Count with more data for the template; its N is set to n, written by Thousands.
func CountWith(key, fallback string, n int, data M) string {
	d := M{}
	for k, v := range data {
		d[k] = v
	}
	d["N"] = Thousands(n)
	return lang.XN(key, fallback, n, d)
}
