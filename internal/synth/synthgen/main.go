// Command synthgen writes N synthetic Arabic news articles with entity spans, as native JSONL
// (for tawsimctl import) and as CSV (id, text, entities as JSON) for comparing with other
// tools on the same rows: go run ./internal/synth/synthgen -n 100000 -jsonl a.jsonl -csv a.csv
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/internal/synth"
)

func main() {
	n := flag.Int("n", 100000, "how many articles")
	size := flag.Int("size", 2500, "code points per article")
	spans := flag.Int("spans", 10, "entity spans per article")
	jsonlPath := flag.String("jsonl", "", "write native JSONL here")
	csvPath := flag.String("csv", "", "write CSV here too (optional)")
	first := flag.Int("first", 0, "the number of the first article")
	annotator := flag.String("annotator", "", "write the articles as this annotator's work (synth.Work): status done,\n"+
		"spans changed one in -every, a stance toward lna, gna and turkey")
	every := flag.Int("every", 10, "with -annotator: change about one span in this many (0: none)")
	flag.Parse()
	if *annotator != "" {
		if err := runWork(*first, *n, *size, *spans, *annotator, *every, *jsonlPath); err != nil {
			fmt.Fprintln(os.Stderr, "synthgen:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*n, *size, *spans, *jsonlPath, *csvPath); err != nil {
		fmt.Fprintln(os.Stderr, "synthgen:", err)
		os.Exit(1)
	}
}

type entity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
}

func run(n, size, spans int, jsonlPath, csvPath string) error {
	jf, err := os.Create(jsonlPath)
	if err != nil {
		return err
	}
	defer jf.Close()
	var cw0 io.Writer = io.Discard
	if csvPath != "" {
		cf, err := os.Create(csvPath)
		if err != nil {
			return err
		}
		defer cf.Close()
		cw0 = cf
	}
	jb, cb := bufio.NewWriterSize(jf, 1<<20), bufio.NewWriterSize(cw0, 1<<20)
	jw, cw := export.NewJSONL(jb), csv.NewWriter(cb)
	if err := cw.Write([]string{"id", "text", "entities"}); err != nil {
		return err
	}
	for i := range n {
		a := synth.Article(uint64(i), size, spans)
		a.Annotator = "synth"
		if err := jw.Write(a); err != nil {
			return err
		}
		ents := make([]entity, len(a.Spans))
		for j, sp := range a.Spans {
			ents[j] = entity{sp.Start, sp.End, sp.Label}
		}
		data, err := json.Marshal(ents)
		if err != nil {
			return err
		}
		if err := cw.Write([]string{a.Doc.ExternalID, a.Doc.Text, string(data)}); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := jw.Flush(); err != nil {
		return err
	}
	if err := cw.Error(); err != nil {
		return err
	}
	if err := jb.Flush(); err != nil {
		return err
	}
	return cb.Flush()
}

// runWork writes articles first..first+n-1 as the annotator's work, native JSONL.
func runWork(first, n, size, spans int, annotator string, every int, jsonlPath string) error {
	jf, err := os.Create(jsonlPath)
	if err != nil {
		return err
	}
	defer jf.Close()
	jb := bufio.NewWriterSize(jf, 1<<20)
	jw := export.NewJSONL(jb)
	targets, stances := []string{"lna", "gna", "turkey"}, []string{"FAVOR", "AGAINST", "NEUTRAL", "NONE"}
	for i := first; i < first+n; i++ {
		if err := jw.Write(synth.Work(uint64(i), size, spans, annotator, every, targets, stances)); err != nil {
			return err
		}
	}
	if err := jw.Flush(); err != nil {
		return err
	}
	if err := jb.Flush(); err != nil {
		return err
	}
	return jf.Close()
}
