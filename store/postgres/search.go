package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Search returns a page of the documents that match q, in import order, after the order
// after, with the file's semantics: every candidate's text is searched again
// (arabic.Phrase.Find), which decides a match and gives its offsets; the words' index
// (search_text, PostgreSQL's own text search over the search forms of the words, GIN-indexed)
// only narrows the candidates among the documents it holds, and the documents after those are
// read from their texts.
func (s *Store) Search(ctx context.Context, q store.Query, after int64) ([]store.Hit, error) {
	phrase, err := q.Check()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = store.DefaultPageSize
	}
	var hits []store.Hit
	err = s.read(ctx, func(tx pgx.Tx) error {
		sc, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		var a args
		filters, err := searchFilters(sc, q, &a)
		if err != nil {
			return err
		}
		var upto int64
		if err := tx.QueryRow(ctx, "SELECT upto FROM search_state WHERE id = 1").Scan(&upto); err != nil {
			return err
		}
		who, shown := q.Shown()
		text := "''"
		if len(phrase.Words) > 0 {
			text = "d.text"
		}
		head := "SELECT d.ord, d.id, d.external_id, d.title, d.runes, coalesce(st.status, " + a.add(string(shown)) + "), " + text
		join := " LEFT JOIN doc_state st ON st.doc_id = d.id AND st.annotator = " + a.add(who)
		where := ""
		for _, f := range filters {
			where += " AND " + f
		}
		// The documents the index holds, then those after it: each part with its arguments.
		type part struct {
			sql  string
			args args
		}
		var parts []part
		if len(phrase.Words) > 0 && upto > 0 {
			a1 := slices.Clone(a)
			tsq, top := a1.add(tsQuery(phrase)), a1.add(upto)
			parts = append(parts, part{head + " FROM search_text x JOIN documents d ON d.ord = x.ord" + join +
				" WHERE (x.terms @@ " + tsq + "::tsquery OR NOT x.whole) AND x.ord > $AFTER AND x.ord <= " + top + where +
				" ORDER BY x.ord LIMIT $LIMIT", a1})
			a2 := slices.Clone(a)
			parts = append(parts, part{head + " FROM documents d" + join + " WHERE d.ord > greatest($AFTER::bigint, " +
				a2.add(upto) + "::bigint)" + where + " ORDER BY d.ord LIMIT $LIMIT", a2})
		} else {
			parts = append(parts, part{head + " FROM documents d" + join + " WHERE d.ord > $AFTER" + where + " ORDER BY d.ord LIMIT $LIMIT", a})
		}
		for _, pt := range parts {
			query, a := pt.sql, pt.args
			from := after
			for len(hits) < limit {
				batch := limit - len(hits)
				if len(phrase.Words) > 0 {
					batch = max(batch, 64)
				}
				qa := append(slices.Clone(a), from, batch)
				sql := strings.ReplaceAll(strings.ReplaceAll(query, "$AFTER", fmt.Sprintf("$%d", len(a)+1)), "$LIMIT", fmt.Sprintf("$%d", len(a)+2))
				n := 0
				err := eachRow(ctx, tx, sql, qa, func(rows pgx.Rows) error {
					var h store.Hit
					var status, body string
					if err := rows.Scan(&h.Order, &h.ID, &h.ExternalID, &h.Title, &h.Runes, &status, &body); err != nil {
						return err
					}
					n++
					from = h.Order
					h.Status = labels.Status(status)
					if !h.Match(phrase, body) {
						return nil
					}
					hits = append(hits, h)
					return nil
				})
				if err != nil {
					return err
				}
				if n < batch {
					break
				}
			}
			after = max(after, from)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return hits[:min(len(hits), limit)], nil
}

// tsQuery is the text search query of candidates for phrase p: one of the forms of its first
// word, and each of its other words, as lexemes taken as they are.
func tsQuery(p arabic.Phrase) string {
	quote := func(w string) string {
		return "'" + strings.ReplaceAll(strings.ReplaceAll(w, `\`, `\\`), "'", "''") + "'"
	}
	var first []string
	for _, f := range p.FirstForms() {
		first = append(first, quote(f))
	}
	parts := []string{"(" + strings.Join(first, " | ") + ")"}
	for _, w := range p.Words[1:] {
		parts = append(parts, quote(w))
	}
	return strings.Join(parts, " & ")
}

// searchFilters returns the conditions on d (documents) of q's filters, their values in a.
func searchFilters(sc labels.Schema, q store.Query, a *args) ([]string, error) {
	by := func(col string) string {
		if q.Annotator == "" {
			return ""
		}
		return " AND " + col + " = " + a.add(q.Annotator)
	}
	var out []string
	if q.Label != "" {
		l, ok := sc.EntityFold(q.Label)
		if !ok {
			if l, ok = sc.StanceFold(q.Label); !ok {
				return nil, fmt.Errorf("%w: %q", labels.ErrUnknownLabel, q.Label)
			}
		}
		out = append(out, "EXISTS (SELECT 1 FROM search_labels x WHERE x.ord = d.ord AND x.label = "+a.add(l.Name)+by("x.annotator")+")")
	}
	switch q.Status {
	case "":
	case labels.StatusTodo:
		out = append(out, "NOT EXISTS (SELECT 1 FROM doc_state x WHERE x.ord = d.ord AND x.status <> 'todo'"+by("x.annotator")+")")
	default:
		out = append(out, "EXISTS (SELECT 1 FROM doc_state x WHERE x.ord = d.ord AND x.status = "+a.add(string(q.Status))+by("x.annotator")+")")
	}
	if q.Target != "" || q.Stance != "" {
		cond := ""
		if q.Target != "" {
			t, ok := sc.FindTarget(q.Target)
			if !ok {
				return nil, fmt.Errorf("%w: %q", labels.ErrUnknownTarget, q.Target)
			}
			cond += " AND x.target = " + a.add(t.ID)
		}
		if q.Stance != "" {
			l, ok := sc.StanceFold(q.Stance)
			if !ok {
				return nil, fmt.Errorf("%w: stance %q", labels.ErrUnknownLabel, q.Stance)
			}
			cond += " AND x.label = " + a.add(l.Name)
		}
		out = append(out, "EXISTS (SELECT 1 FROM doc_stance x WHERE x.doc_id = d.id"+cond+by("x.annotator")+")")
	}
	if len(out) == 0 && q.Annotator != "" {
		out = append(out, "(EXISTS (SELECT 1 FROM doc_state x WHERE x.ord = d.ord AND x.status <> 'todo'"+by("x.annotator")+
			") OR EXISTS (SELECT 1 FROM search_labels x WHERE x.ord = d.ord"+by("x.annotator")+
			") OR EXISTS (SELECT 1 FROM doc_stance x WHERE x.doc_id = d.id"+by("x.annotator")+"))")
	}
	return out, nil
}

// SearchBehind returns how many documents the words' index does not hold yet.
func (s *Store) SearchBehind(ctx context.Context) (int, error) {
	var n int64
	err := s.pool.QueryRow(ctx, "SELECT (SELECT coalesce(max(ord), 0) FROM documents) - upto FROM search_state WHERE id = 1").Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("search index: %w", classify(err))
	}
	return int(n), nil
}

// Index limits: a slice of IndexSearch, and the most distinct words a document's row holds
// (a tsvector holds at most 1 MB; a longer document is searched in its text).
const (
	indexSlice    = 150 * time.Millisecond
	indexBatch    = 200
	maxIndexBytes = 512 << 10
	maxLexeme     = 2046
)

// IndexSearch adds the documents the words' index lacks, in import order, committing every
// slice of work, so that the window's writes never wait long.
func (s *Store) IndexSearch(ctx context.Context, progress func(done, total int)) error {
	total, err := s.SearchBehind(ctx)
	if err != nil || total == 0 {
		return err
	}
	done := 0
	for done < total {
		n, err := s.indexSlice(ctx)
		if err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		if n == 0 {
			break
		}
		done += n
		if progress != nil {
			progress(min(done, total), total)
		}
	}
	return nil
}

// indexSlice indexes documents for about indexSlice, in one transaction, and returns how many.
func (s *Store) indexSlice(ctx context.Context) (int, error) {
	added := 0
	err := s.write(ctx, locks{}, "", func(tx pgx.Tx) error {
		added = 0
		var upto int64
		if err := tx.QueryRow(ctx, "SELECT upto FROM search_state WHERE id = 1 FOR UPDATE").Scan(&upto); err != nil {
			return err
		}
		began := time.Now()
		for time.Since(began) < indexSlice {
			var ords []int64
			var terms [][]string
			var whole []bool
			err := eachRow(ctx, tx, "SELECT ord, text FROM documents WHERE ord > $1 ORDER BY ord LIMIT $2", []any{upto, indexBatch},
				func(rows pgx.Rows) error {
					var ord int64
					var text string
					if err := rows.Scan(&ord, &text); err != nil {
						return err
					}
					t, ok := wordsOf(text)
					ords, terms, whole = append(ords, ord), append(terms, t), append(whole, ok)
					return nil
				})
			if err != nil {
				return err
			}
			if len(ords) == 0 {
				break
			}
			for i := range ords {
				if _, err := tx.Exec(ctx, "INSERT INTO search_text (ord, terms, whole) VALUES ($1, array_to_tsvector($2::text[]), $3)",
					ords[i], terms[i], whole[i]); err != nil {
					return err
				}
			}
			upto = ords[len(ords)-1]
			added += len(ords)
		}
		_, err := tx.Exec(ctx, "UPDATE search_state SET upto = $1 WHERE id = 1", upto)
		return err
	})
	if errors.Is(err, context.Canceled) {
		return 0, err
	}
	return added, err
}

// wordsOf returns the distinct search forms of the words of text, and false (and none) when
// they would not fit a row of the index.
func wordsOf(text string) ([]string, bool) {
	seen := map[string]bool{}
	var out []string
	size := 0
	for _, w := range strings.Fields(string(arabic.AppendSearchTerms(nil, text))) {
		if seen[w] {
			continue
		}
		if len(w) > maxLexeme {
			return []string{}, false
		}
		seen[w] = true
		out = append(out, w)
		size += len(w) + 8
		if size > maxIndexBytes {
			return []string{}, false
		}
	}
	if out == nil {
		out = []string{}
	}
	return out, true
}
