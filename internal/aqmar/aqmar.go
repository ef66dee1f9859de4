// Package aqmar reads the articles of the AQMAR Arabic Wikipedia NER corpus (TOKEN TAG lines,
// a blank line between sentences) as Tawsim imports CoNLL: the tokens joined by spaces, the
// sentences by line breaks, the gold entities as spans. The tests of suggestions use it to
// score them against the gold.
package aqmar

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/tawsim/tawsim/labels"
)

// Doc is one article.
type Doc struct {
	Name      string        // the file's name
	Text      string        // the tokens joined by spaces, the sentences by line breaks
	Sentences [][2]int      // the code point range of each sentence
	Gold      []labels.Span // the gold entities, in text order
}

// Tag repairs the noise of the AQMAR tags and merges the article-specific MIS0..MIS3 into
// MIS: `B-MISS1`, `B-MIS-2`, `I-MIS` and "B-MIS1`" are MIS, `OO` and `IO` (before a comma,
// after O tokens) are O. It returns the prefix (B, I or O) and the label.
func Tag(tag string) (prefix byte, label string) {
	tag = strings.TrimRightFunc(tag, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(tag) < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I') {
		return 'O', ""
	}
	label = tag[2:]
	if strings.HasPrefix(label, "MIS") {
		label = "MIS"
	}
	return tag[0], label
}

// Read reads the article at path.
func Read(path string) (Doc, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Doc{}, err
	}
	d := Doc{Name: filepath.Base(path)}
	var b strings.Builder
	cp := 0
	var open *labels.Span
	closeSpan := func() {
		if open != nil {
			open.Text, _ = labels.Slice(b.String(), open.Start, open.End)
			d.Gold = append(d.Gold, *open)
			open = nil
		}
	}
	for _, sent := range strings.Split(strings.TrimSpace(string(data)), "\n\n") {
		if b.Len() > 0 {
			b.WriteString("\n")
			cp++
		}
		sentStart := cp
		for i, line := range strings.Split(sent, "\n") {
			tok, tag, _ := strings.Cut(line, " ")
			if i > 0 {
				b.WriteString(" ")
				cp++
			}
			start := cp
			b.WriteString(tok)
			cp += labels.RuneLen(tok)
			switch prefix, label := Tag(tag); {
			case prefix == 'I' && open != nil && open.Label == label:
				open.End = cp
			case prefix == 'O':
				closeSpan()
			default: // B, or I that starts an entity
				closeSpan()
				open = &labels.Span{Start: start, End: cp, Label: label, Kind: labels.KindEntity}
			}
		}
		closeSpan()
		d.Sentences = append(d.Sentences, [2]int{sentStart, cp})
	}
	d.Text = b.String()
	for _, sp := range d.Gold {
		if err := labels.CheckText(d.Text, sp); err != nil {
			return Doc{}, fmt.Errorf("%s: %w", d.Name, err)
		}
	}
	return d, nil
}
