package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/internal/safetext"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

const searchSynopsis = `search --db PROJECT [--label L] [--annotator A] [--status S] [--target T] [--stance S]
                 [--exact] [--json] [--limit N] [--after ORDER] [WORDS...]

Prints the documents that hold WORDS (a word, or a phrase of words in a row) and pass the filters,
in import order: its order, external id (or id), title, and the words in their context, between
[ and ]. Words match Arabic-normalized (harakat, tatweel, hamza forms of alef, ى/ي, ة/ه and
Arabic-Indic digits do not matter, nor the case of Latin letters), whole; the first word also
after proclitics (و ف ب ك ل and the article: طرابلس finds وطرابلس, بطرابلس) unless --exact.
A project that can be written first gets the documents its search index lacks indexed.`

func runSearch(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "search", searchSynopsis)
	db := flags.String("db", "", "the project file")
	var q store.Query
	flags.StringVar(&q.Label, "label", "", "documents with a span of this label")
	flags.StringVar(&q.Annotator, "annotator", "", "the label, status and stance filters are this annotator's; alone: the documents they worked on")
	status := flags.String("status", "", "documents of this status (todo, in_progress, done, skipped, flagged, curated)")
	flags.StringVar(&q.Target, "target", "", "documents with a stance toward this target (id or name)")
	flags.StringVar(&q.Stance, "stance", "", "documents with this stance label (toward --target when given)")
	flags.BoolVar(&q.Exact, "exact", false, "match the words as written (normalized), without proclitics")
	asJSON := flags.Bool("json", false, "print one JSON object a line, with the offsets of the matches in code points")
	limit := flags.Int("limit", 0, "print at most N documents (default: all)")
	after := flags.Int64("after", 0, "start after the document of this order (the last one printed)")
	words, err := parse(flags, args)
	if err != nil {
		return err
	}
	if err := needDB(*db); err != nil {
		return err
	}
	if *limit < 0 || *after < 0 {
		return usagef("--limit and --after take a number of 0 or more")
	}
	if *status != "" {
		st, err := labels.ParseStatus(*status)
		if err != nil {
			return usagef("--status: %v", err)
		}
		q.Status = st
	}
	q.Text = strings.Join(words, " ")
	if _, err := q.Check(); err != nil { // before the project is opened, and said once
		return err
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := catchUp(ctx, e, st); err != nil {
		return err
	}
	return printHits(ctx, e.stdout, st, q, *after, *limit, *asJSON)
}

// catchUp indexes the documents the search index lacks, with a bar on a terminal. A project
// that cannot be written, or that another program holds (an import), is searched as it is: a
// search reads the texts of the documents the index lacks.
func catchUp(ctx context.Context, e *env, st store.Project) error {
	behind, err := st.SearchBehind(ctx)
	if err != nil || behind == 0 {
		return err
	}
	prog := newProgress(e, "documents indexed for search")
	err = st.IndexSearch(ctx, func(done, total int) {
		prog.set(jobs.Progress{Records: done, Done: int64(done), Total: int64(total)})
	})
	prog.done()
	switch {
	case errors.Is(err, store.ErrReadOnly):
		return nil
	case store.IsBusy(err):
		fmt.Fprintf(e.stderr, "tawsimctl search: another program is writing the project: the texts of the %s not indexed yet are searched instead\n",
			plural(behind, "document"))
		return nil
	}
	return err
}

// searchPage is how many hits printHits asks for at a time.
const searchPage = 500

// printHits prints the hits of q after after, at most limit (0: all), a page at a time.
func printHits(ctx context.Context, w io.Writer, st store.Project, q store.Query, after int64, limit int, asJSON bool) error {
	out := bufio.NewWriter(w)
	printed := 0
	for limit == 0 || printed < limit {
		q.Limit = searchPage
		if limit > 0 {
			q.Limit = min(searchPage, limit-printed)
		}
		hits, err := st.Search(ctx, q, after)
		if err != nil {
			return unnamed(err)
		}
		for _, h := range hits {
			doc, err := st.DocumentByOrder(ctx, h.Order)
			if err != nil {
				return err
			}
			if asJSON {
				err = writeHitJSON(out, h, doc.Text)
			} else {
				err = writeHit(out, h, doc.Text)
			}
			if err != nil {
				return err
			}
			after = h.Order
		}
		printed += len(hits)
		if len(hits) < q.Limit {
			break
		}
	}
	return out.Flush()
}

// hitJSON is a line of `search --json`.
type hitJSON struct {
	Order      int64       `json:"order"`
	ID         string      `json:"id"`
	ExternalID string      `json:"external_id"`
	Title      string      `json:"title"`
	Status     string      `json:"status"`
	Matches    []matchJSON `json:"matches"`
}

type matchJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

func writeHitJSON(w io.Writer, h store.Hit, text string) error {
	runes := []rune(text)
	rec := hitJSON{Order: h.Order, ID: h.ID, ExternalID: h.ExternalID, Title: h.Title, Status: string(h.Status),
		Matches: make([]matchJSON, len(h.Matches))}
	for i, m := range h.Matches {
		rec.Matches[i] = matchJSON{Start: m.Start, End: m.End, Text: string(runes[m.Start:m.End])}
	}
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	_, err = w.Write(append(safetext.JSON(data), '\n'))
	return err
}

// snippetContext is about how many code points of text a snippet shows on each side of a
// match: the context ends at white space, so that no word is cut.
const snippetContext = 40

// writeHit writes "ORDER<TAB>ID<TAB>TITLE<TAB>…context [match] context…", with the number of
// other matches after it, every piece of text escaped for a terminal.
func writeHit(w io.Writer, h store.Hit, text string) error {
	id := h.ExternalID
	if id == "" {
		id = h.ID
	}
	snippet := ""
	if len(h.Matches) > 0 {
		snippet = "\t" + snippetOf([]rune(text), h.Matches[0])
		if more := len(h.Matches) - 1; more > 0 {
			snippet += fmt.Sprintf(" (+%d)", more)
		}
	}
	_, err := fmt.Fprintf(w, "%d\t%s\t%s%s\n", h.Order, esc(id), esc(oneLine(h.Title)), snippet)
	return err
}

// snippetOf shows a match in its context: "…before [match] after…".
func snippetOf(runes []rune, m labels.Offsets) string {
	from, to := max(0, m.Start-snippetContext), min(len(runes), m.End+snippetContext)
	if from > 0 {
		if i := slices.IndexFunc(runes[from:m.Start], unicode.IsSpace); i >= 0 {
			from += i + 1
		}
	}
	if to < len(runes) {
		for i := to - 1; i > m.End; i-- {
			if unicode.IsSpace(runes[i]) {
				to = i
				break
			}
		}
	}
	s := esc(oneLine(string(runes[from:m.Start]))) + "[" + esc(oneLine(string(runes[m.Start:m.End]))) + "]" +
		esc(oneLine(string(runes[m.End:to])))
	if from > 0 {
		s = "…" + s
	}
	if to < len(runes) {
		s += "…"
	}
	return s
}

// oneLine puts a piece of text on one line: its line breaks and tabs become spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// unnamed returns a store's search error without its "search: ", which the command's own
// name already says.
func unnamed(err error) error {
	if inner := errors.Unwrap(err); inner != nil && strings.HasPrefix(err.Error(), "search: ") {
		return inner
	}
	return err
}
