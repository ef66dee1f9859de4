package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/labels"
)

// Query is what Search looks for: words, filters, or both (every part given must hold).
type Query struct {
	// Text is a word, or a phrase of words in a row, matched in its search form
	// (arabic.Normalize: harakat, tatweel and the alef, yeh and taa marbuta forms do not
	// matter, nor the case of Latin letters) as whole words, punctuation between them
	// allowed. The first word also matches with proclitics written onto it (و ف, then ب ك ل,
	// and the article: "طرابلس" finds "وطرابلس", "جيش" finds "بالجيش"; see
	// arabic.ProcliticForms) unless Exact. "" looks for the filters alone.
	Text  string
	Exact bool
	// Label: a span of this label (an entity label, or the stance label of evidence).
	Label string
	// Annotator makes the label, status, target and stance filters this annotator's. Alone it
	// keeps the documents the annotator worked on: a status past todo, a span or a stance.
	Annotator string
	// Status: the annotator's status, or without an annotator anyone's; StatusTodo is the
	// documents the annotator (without one: nobody) has moved past todo.
	Status labels.Status
	// Target (its id or name): a document stance toward it; Stance: a document stance of
	// this label (toward Target when given, toward any target otherwise).
	Target, Stance string
	// For names the annotator whose status each hit shows (Annotator when ""); with neither,
	// a hit shows Status, or StatusTodo.
	For string
	// Limit is the most hits a page holds; DefaultPageSize when 0.
	Limit int
}

// Hit is a document that a search found: its summary (as in the document list) and, for a
// query with text, where the words are in its text: code point offsets, half-open, in order
// (`[]rune(text)[m.Start:m.End]` is the matched text, harakat and all; a first word's
// proclitics are left out, as a span of the word leaves them).
type Hit struct {
	labels.Summary
	Matches []labels.Offsets
}

// Match finds the words of p in body, a hit's text, as Matches: false when p has words and
// body holds none of them (the document is no hit).
func (h *Hit) Match(p arabic.Phrase, body string) bool {
	if len(p.Words) == 0 {
		return true
	}
	ms := p.Find(body)
	if len(ms) == 0 {
		return false
	}
	h.Matches = make([]labels.Offsets, len(ms))
	for i, m := range ms {
		h.Matches[i] = labels.Offsets{Start: m.Start, End: m.End}
	}
	return true
}

// Shown tells whose status the hits of q show (For, else Annotator), and with no one the
// status they show: Status, or StatusTodo.
func (q Query) Shown() (who string, status labels.Status) {
	who = q.For
	if who == "" {
		who = q.Annotator
	}
	status = labels.StatusTodo
	if who == "" && q.Status != "" {
		status = q.Status
	}
	return who, status
}

// ErrNoWords: the text of a query holds nothing to search for (punctuation, symbols).
var ErrNoWords = errors.New("the query has no words to search for")

// ErrQueryNotUTF8: the text of a query is not valid UTF-8 (no text of a project is).
var ErrQueryNotUTF8 = errors.New("the query is not valid UTF-8")

// Check returns the words of q to search for, or the refusal of a query that cannot match
// (ErrQueryNotUTF8, ErrNoWords, a status that does not exist), as every store checks it.
func (q Query) Check() (arabic.Phrase, error) {
	if !utf8.ValidString(q.Text) {
		return arabic.Phrase{}, fmt.Errorf("%s: %w", quoteQuery(q.Text), ErrQueryNotUTF8)
	}
	phrase := arabic.NewPhrase(q.Text, q.Exact)
	if strings.TrimSpace(q.Text) != "" && len(phrase.Words) == 0 {
		return arabic.Phrase{}, fmt.Errorf("%s: %w", quoteQuery(q.Text), ErrNoWords)
	}
	if q.Status != "" {
		if _, err := labels.ParseStatus(string(q.Status)); err != nil {
			return arabic.Phrase{}, err
		}
	}
	return phrase, nil
}

// maxQuoted is how many bytes of a query a refusal quotes.
const maxQuoted = 80

// quoteQuery quotes text for a refusal: whole when short, else its start and its length, so
// that a query of megabytes is not told back whole.
func quoteQuery(text string) string {
	if len(text) <= maxQuoted {
		return fmt.Sprintf("%q", text)
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return fmt.Sprintf("%q… (%d bytes)", text[:cut], len(text))
}

// Search returns a page of the documents that match q, in import order (the order of the
// document list), after the document of order after (0: from the first). A page shorter
// than the limit is the last. Filters are read from indexes in import order, and words from
// the search index for the documents it holds (IndexSearch) and from the texts of those it
// does not hold yet, so a search is always complete; every hit's words are found again in
// its text, which gives their offsets. The whole page reads one snapshot of the project.
func (s *Store) Search(ctx context.Context, q Query, after int64) ([]Hit, error) {
	hits, err := s.search(ctx, q, after)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return hits, nil
}

func (s *Store) search(ctx context.Context, q Query, after int64) ([]Hit, error) {
	phrase, err := q.Check()
	if err != nil {
		return nil, err
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	upto, last, err := searchRange(ctx, tx)
	if err != nil {
		return nil, err
	}
	streams, err := filterStreams(ctx, tx, q, last)
	if err != nil {
		return nil, err
	}
	if len(phrase.Words) > 0 {
		text, err := textStream(ctx, tx, phrase, upto, last, after, len(streams) > 0)
		if err != nil {
			return nil, err
		}
		streams = append(streams, text)
	}
	var st stream = rangeStream{1, last}
	switch len(streams) {
	case 0:
	case 1:
		st = streams[0]
	default:
		st = joinStream(streams)
	}
	return collectHits(ctx, tx, st, phrase, q, after)
}

// collectHits reads the documents of st after after until a page of hits is full, in
// batches: each batch's texts are read together and searched for the phrase.
func collectHits(ctx context.Context, tx *sql.Tx, st stream, p arabic.Phrase, q Query, after int64) ([]Hit, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	var hits []Hit
	x := after + 1
	for len(hits) < limit {
		want := limit - len(hits)
		if len(p.Words) > 0 {
			want = max(want, 64) // a document of the batch may not hold the phrase
		}
		var batch []int64
		for len(batch) < want {
			y, err := st.seek(ctx, x)
			if err != nil {
				return nil, err
			}
			if y == 0 {
				break
			}
			batch, x = append(batch, y), y+1
		}
		if len(batch) == 0 {
			break
		}
		found, err := hitsOf(ctx, tx, batch, p, q)
		if err != nil {
			return nil, err
		}
		hits = append(hits, found...)
	}
	return hits[:min(len(hits), limit)], nil
}

// hitsOf reads the summaries of the documents of orders ords and, for a phrase, their texts,
// keeping those that hold it with its matches.
func hitsOf(ctx context.Context, tx *sql.Tx, ords []int64, p arabic.Phrase, q Query) ([]Hit, error) {
	list, err := json.Marshal(ords)
	if err != nil {
		return nil, err
	}
	who, shown := q.Shown()
	text, from := "''", "documents d INDEXED BY documents_list"
	if len(p.Words) > 0 {
		text, from = "d.text", "documents d"
	}
	query := "SELECT d.ord, d.id, d.external_id, d.title, d.runes, coalesce(st.status, ?), " + text + " FROM " + from +
		` LEFT JOIN doc_state st ON st.doc_id = d.id AND st.annotator = ?
WHERE d.ord IN (SELECT value FROM json_each(?)) ORDER BY d.ord`
	var hits []Hit
	err = eachRow(ctx, tx, query, []any{string(shown), who, string(list)}, func(rows *sql.Rows) error {
		var h Hit
		var status, body string
		if err := rows.Scan(&h.Order, &h.ID, &h.ExternalID, &h.Title, &h.Runes, &status, &body); err != nil {
			return err
		}
		h.Status = labels.Status(status)
		if !h.Match(p, body) {
			return nil
		}
		hits = append(hits, h)
		return nil
	})
	return hits, err
}

// textStream is the documents that may hold the phrase: from the search index up to upto,
// then every document after it (their texts are searched, the index not holding them yet).
// A phrase that most documents hold may be looked for in every text instead (see scanText).
func textStream(ctx context.Context, q queryer, p arabic.Phrase, upto, last, after int64, filtered bool) (stream, error) {
	if upto == 0 {
		return rangeStream{1, last}, nil
	}
	match := func(words ...string) stream {
		return newSQLStream(q, ftsRange, `"`+strings.ReplaceAll(strings.Join(words, " "), `"`, "")+`"`, upto)
	}
	var fts stream
	if forms := p.FirstForms(); len(forms) == 1 {
		fts = match(p.Words...)
	} else {
		// The word as written is a stream of its own: FTS4 reads the documents of one term as
		// they are asked for, where an OR reads every document of every term first (at a million
		// documents, 175 ms against 30 ms for a page in the middle of a frequent word's). Its
		// forms with proclitics, fewer, are one OR (one query where a stream each took 24).
		// The first word's place before the others is left to the search of each text.
		var b strings.Builder
		for i, f := range forms[1:] {
			if i > 0 {
				b.WriteString(" OR ")
			}
			b.WriteString(`"` + f + `"`)
		}
		first := unionStream{match(forms[0]), newSQLStream(q, ftsRange, b.String(), upto)}
		fts = first
		if len(p.Words) > 1 {
			fts = joinStream{first, match(p.Words[1:]...)}
		}
	}
	if ok, err := scanText(ctx, fts, upto, after, filtered); ok || err != nil {
		return rangeStream{1, last}, err
	}
	return thenStream{first: fts, split: upto, then: rangeStream{upto + 1, last}}, nil
}

// FTS4 has no skip list: to find a term's documents after an order it reads all those before
// (0.3 s deep in a word that most of a million documents hold), again at each jump ahead that
// a filter makes. Reading the texts from the order on finds a page of such a word sooner.
// The estimate: reading one document of the index costs about a hundredth of searching one
// text (ftsPerText); the share of the documents that hold the phrase is that of the first
// densityProbe documents of the index that may hold it, among the documents up to the last
// of them.
const densityProbe = 256

// ftsPerText: see densityProbe (a variable, so that tests can make every dense phrase read
// the texts).
var ftsPerText = 100.0

// scanText reports whether a page of the phrase whose documents in the index st gives, after
// the order after, is found sooner by searching every text: when the phrase is in a quarter
// of the documents or more and either filters make the search jump or reading the index up to
// after costs more than the texts that a page of the phrase takes to read.
func scanText(ctx context.Context, st stream, upto, after int64, filtered bool) (bool, error) {
	n, x := int64(0), int64(1)
	for ; n < densityProbe; n++ {
		y, err := st.seek(ctx, x)
		if err != nil || y == 0 || y > upto {
			return false, err
		}
		x = y + 1
	}
	share := float64(n) / float64(x-1)
	if share < 0.25 {
		return false, nil
	}
	page := float64(DefaultPageSize)
	return filtered || float64(after)*share > ftsPerText*page*(1/share-1), nil
}

// ftsRange is a sqlStream's query of the documents of the search index that hold a phrase, up
// to an order.
const ftsRange = `SELECT docid FROM search_text WHERE search_text MATCH ? AND docid <= ? AND docid >= ?
ORDER BY docid LIMIT ?`
