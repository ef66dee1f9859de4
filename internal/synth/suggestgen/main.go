// Command suggestgen writes the gazetteer and the articles of the suggestion benchmarks
// (synth.Gazetteer): a TSV of text<TAB>label lines and native JSONL articles for tawsimctl
// import. go run ./internal/synth/suggestgen -entries 100000 -articles 50000 -gazetteer g.tsv -jsonl a.jsonl
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/internal/synth"
)

func main() {
	entries := flag.Int("entries", 100000, "how many gazetteer entries")
	articles := flag.Int("articles", 50000, "how many articles")
	gazetteer := flag.String("gazetteer", "", "write the gazetteer here")
	jsonl := flag.String("jsonl", "", "write the articles here, as native JSONL")
	flag.Parse()
	if err := run(*entries, *articles, *gazetteer, *jsonl); err != nil {
		fmt.Fprintln(os.Stderr, "suggestgen:", err)
		os.Exit(1)
	}
}

func run(entries, articles int, gazetteer, jsonl string) error {
	es, texts := synth.Gazetteer(entries, articles)
	if err := writeLines(gazetteer, len(es), func(i int) ([]byte, error) {
		return []byte(es[i].Text + "\t" + es[i].Label), nil
	}); err != nil {
		return err
	}
	return writeLines(jsonl, len(texts), func(i int) ([]byte, error) {
		return json.Marshal(struct {
			ExternalID string `json:"external_id"`
			Text       string `json:"text"`
		}{fmt.Sprintf("a%d", i+1), texts[i]})
	})
}

// writeLines writes n lines made by line to the file path.
func writeLines(path string, n int, line func(int) ([]byte, error)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for i := range n {
		b, err := line(i)
		if err != nil {
			f.Close()
			return err
		}
		w.Write(b)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
