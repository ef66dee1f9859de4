// Command bigdoc writes one synthetic Arabic article of about MB megabytes in each format that
// tawsimctl imports, to measure what importing the largest document costs:
//
//	go run ./internal/synth/bigdoc -mb 50 -dir D
//
// writes D/big.txt, D/big.jsonl (native), D/big.doccano.jsonl, D/big.spacy.jsonl, D/big.csv
// and D/big.conll, each holding the same text (the CoNLL one as tokens) with a span every
// few hundred code points.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/internal/synth"
	"github.com/tawsim/tawsim/labels"
)

func main() {
	mb := flag.Int("mb", 50, "megabytes of text")
	dir := flag.String("dir", ".", "where to write the files")
	flag.Parse()
	if err := run(*mb, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "bigdoc:", err)
		os.Exit(1)
	}
}

func run(mb int, dir string) error {
	// Arabic letters take two bytes, spaces and digits one: 1.8 bytes a code point on the
	// whole; and a span every 500 code points.
	size := mb << 20 * 10 / 18
	a := synth.Article(1, size, size/500)
	text := a.Doc.Text
	type span struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Label string `json:"label"`
	}
	spans := make([]span, len(a.Spans))
	triples := make([][3]any, len(a.Spans))
	for i, sp := range a.Spans {
		spans[i] = span{sp.Start, sp.End, sp.Label}
		triples[i] = [3]any{sp.Start, sp.End, sp.Label}
	}
	files := []struct {
		name string
		v    any
	}{
		{"big.jsonl", map[string]any{"text": text, "entities": spans, "annotator": "synth"}},
		{"big.doccano.jsonl", map[string]any{"id": 1, "text": text, "label": triples}},
		{"big.spacy.jsonl", map[string]any{"text": text, "spans": spans}},
	}
	for _, f := range files {
		b, err := json.Marshal(f.v)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "big.txt"), []byte(text), 0o644); err != nil {
		return err
	}
	csvText := `"` + strings.ReplaceAll(text, `"`, `""`) + `"`
	if err := os.WriteFile(filepath.Join(dir, "big.csv"), []byte("id,text\n1,"+csvText+"\n"), 0o644); err != nil {
		return err
	}
	return writeCoNLL(filepath.Join(dir, "big.conll"), text, a.Spans)
}

// writeCoNLL writes the text's white-space tokens, a sentence per line of the text or every
// 40 tokens, tagged by the spans that begin and go on over them.
func writeCoNLL(path, text string, spans []labels.Span) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	at, next, inside, n := 0, 0, "", 0 // code point of the token, next span, its label
	for _, line := range strings.Split(text, "\n") {
		for _, tok := range strings.Fields(line) {
			tag := "O"
			for next < len(spans) && spans[next].End <= at {
				next++
			}
			switch {
			case next < len(spans) && spans[next].Start <= at && inside == spans[next].Label:
				tag = "I-" + inside
			case next < len(spans) && spans[next].Start <= at:
				inside, tag = spans[next].Label, "B-"+spans[next].Label
			default:
				inside = ""
			}
			fmt.Fprintf(w, "%s %s\n", tok, tag)
			at += len([]rune(tok)) + 1
			if n++; n%40 == 0 {
				w.WriteString("\n")
				inside = ""
			}
		}
		w.WriteString("\n")
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
