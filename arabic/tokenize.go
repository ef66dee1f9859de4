package arabic

import (
	"iter"
	"strconv"
	"unicode/utf8"
)

// Dir is the direction class of a token.
type Dir uint8

const (
	// Neutral is the direction of punctuation, symbols, emoji and lone combining marks.
	Neutral Dir = iota
	// RTL is the direction of words of right-to-left letters (Arabic, with tatweel).
	RTL
	// LTR is the direction of Latin (and other left-to-right) words and of every number,
	// whether written in ASCII or Arabic-Indic digits: under the Unicode bidi algorithm both
	// EN and AN digits are laid out left to right inside the number.
	LTR
)

// String returns "Neutral", "RTL" or "LTR".
func (d Dir) String() string {
	switch d {
	case Neutral:
		return "Neutral"
	case RTL:
		return "RTL"
	case LTR:
		return "LTR"
	}
	return "Dir(" + strconv.Itoa(int(d)) + ")"
}

// Token is one token of a text. Start and End are Unicode code point indices (not bytes)
// into the text, half-open: text[Start:End] == Text, counted in code points.
type Token struct {
	Text  string
	Start int
	End   int
	Dir   Dir
}

// TokenizerVersion identifies the tokenizer's rules; bump it when the output of Tokenize
// changes for any input.
const TokenizerVersion = 1

// kind is the kind of the token being built.
type kind uint8

const (
	kNone   kind = iota // between tokens
	kRTL                // word of right-to-left letters
	kLTR                // word of left-to-right letters
	kNumber             // digits and their inner separators
	kSymbol             // one punctuation or symbol character
	kEmoji              // one emoji sequence
	kMarks              // combining marks with no base
)

var kindDir = [...]Dir{kNone: Neutral, kRTL: RTL, kLTR: LTR, kNumber: LTR, kSymbol: Neutral, kEmoji: Neutral, kMarks: Neutral}

// Tokenize splits text into tokens with code point offsets. It is deterministic; its rules
// are versioned by TokenizerVersion:
//
//   - White space (unicode.IsSpace: NBSP, \r, \n, \t...) separates tokens and is never in one.
//   - Format characters (Cf: RLM, LRM, ZWJ, ZWNJ, BOM, ALM, bidi embeddings and isolates,
//     U+0600..U+0605...) and control characters separate tokens and are never at a token's
//     edge. Exceptions that stay inside a token: ZWJ, ZWNJ and SOFT HYPHEN between two
//     letters of the same direction (e.g. Persian "می‌خواهم"); ZWJ inside an emoji ZWJ
//     sequence; tag characters U+E0020..U+E007F after an emoji (subdivision flags), which is
//     the one case where a token may end with a format character (U+E007F CANCEL TAG).
//   - Letters form words. A word breaks where the direction of its letters changes (Arabic
//     and Latin never share a token) and where letters meet digits ("ب34" gives "ب", "34";
//     "COVID19" gives "COVID", "19"). Tatweel U+0640 is an Arabic letter ("بـ" is one
//     token). Apostrophes and hyphens split Latin words ("don't" gives "don", "'", "t").
//   - Numbers stay whole: a run of digits (any script, plus other numbers such as ½), in
//     which '.', ',', U+066B and U+066C are kept when they stand between two decimal digits
//     (2019, 34.3, 1,000, ٣٤٫٣, 12.05.2019). Any other separator splits, '/' included
//     ("3/4" gives "3", "/", "4"); a trailing or leading '.' is its own token ("2019." gives
//     "2019", "."); signs are their own tokens ("-5" gives "-", "5").
//   - Every other character (punctuation, symbols, U+FFFD, private use, unassigned) is a
//     token of its own, one per character: "(باسم" gives "(", "باسم"; "..." gives three.
//   - Combining marks (harakat and others) stay in the token of the character they follow,
//     in whatever order they come. Marks with no base (after white space, a format character
//     or at the start) form a Neutral token of their own; a letter after them starts a new
//     token.
//   - An emoji is one Neutral token with its variation selectors, skin tone modifiers,
//     keycap mark U+20E3, tags and ZWJ-joined parts; a flag is a pair of regional
//     indicators. A digit, '#' or '*' followed by U+20E3 (or U+FE0F U+20E3) is a keycap emoji.
//   - Invalid UTF-8 bytes are one code point each (U+FFFD, as `for range` counts them) and
//     each is a Neutral symbol token whose Text holds the raw byte.
//
// Numbers have Dir LTR whatever their digits; words of Arabic (right-to-left) letters RTL;
// other words LTR; everything else Neutral.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/8+1) // Arabic news runs about 11 bytes a token
	for _, t := range Tokens(text) {
		toks = append(toks, t)
	}
	return toks
}

// Tokens yields the tokens that Tokenize returns, one at a time, each with the byte offset in
// text where it starts (its Text ends len(Text) bytes later), so that a long text is walked
// without holding all its tokens.
func Tokens(text string) iter.Seq2[int, Token] {
	return func(yield func(int, Token) bool) { tokens(text, yield) }
}

// tokens calls yield with each token of text and its byte offset, until yield returns false.
func tokens(text string, yield func(int, Token) bool) {
	var (
		k       = kNone
		startB  int   // byte offset of the current token
		startR  int   // code point offset of the current token
		last    class // class of the last code point in the current token
		lastR   rune  // last code point in the current token
		regions int   // regional indicators in the current emoji
		n       int   // code point index of r
	)
	for i := 0; i < len(text); n++ {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		c := classOf(r)

		// join reports whether r extends the current token; next is the kind of token r
		// starts otherwise (kNone: r is a separator).
		join, next := false, kNone
		switch c {
		case cSpace:
		case cFormat:
			switch {
			case (r == zwj || r == zwnj || r == shy) && (k == kRTL || k == kLTR):
				nc := classOf(peek(text, i+size))
				join = (k == kRTL && nc == cRTL) || (k == kLTR && nc == cLTR)
			case r == zwj && k == kEmoji:
				join = classOf(peek(text, i+size)) == cPicto
			}
		case cTag:
			join = k == kEmoji
		case cMark:
			join, next = k != kNone, kMarks
		case cRTL:
			join, next = k == kRTL, kRTL
		case cLTR:
			join, next = k == kLTR, kLTR
		case cDigit, cNumber:
			if r < utf8.RuneSelf && isKeycap(text, i+size) {
				next = kEmoji
				break
			}
			join, next = k == kNumber, kNumber
		case cPicto:
			join, next = k == kEmoji && lastR == zwj, kEmoji
		case cRegional:
			join, next = k == kEmoji && last == cRegional && regions == 1, kEmoji
		case cModifier:
			join, next = k == kEmoji, kEmoji
		default: // cSymbol
			switch {
			case k == kNumber && last == cDigit && isNumberSeparator(r):
				join = classOf(peek(text, i+size)) == cDigit
			case (r == '#' || r == '*') && isKeycap(text, i+size):
				next = kEmoji
			}
			if !join && next == kNone {
				next = kSymbol
			}
		}

		if !join {
			if k != kNone && !yield(startB, Token{Text: text[startB:i], Start: startR, End: n, Dir: kindDir[k]}) {
				return
			}
			k, startB, startR, regions = next, i, n, 0
		}
		if k != kNone {
			last, lastR = c, r
			if c == cRegional {
				regions++
			}
		}
		i += size
	}
	if k != kNone {
		yield(startB, Token{Text: text[startB:], Start: startR, End: n, Dir: kindDir[k]})
	}
}

// peek returns the code point at byte offset i of text, or -1 at the end.
func peek(text string, i int) rune {
	if i >= len(text) {
		return -1
	}
	if r := rune(text[i]); r < utf8.RuneSelf {
		return r
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// isKeycap reports whether the text at byte offset i continues a keycap emoji:
// U+20E3, or U+FE0F U+20E3.
func isKeycap(text string, i int) bool {
	r := peek(text, i)
	if r == '\uFE0F' {
		r = peek(text, i+3)
	}
	return r == '\u20E3'
}
