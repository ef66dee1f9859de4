package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// suggestions checks each (document, source) array of suggestions: that it reads, its
// offsets inside its document's text, holds what its row says (length, lowest score, the
// document's order), and is in stored order without repeats, with valid names.
func (c *checker) suggestions(ctx context.Context) error {
	return eachRow(ctx, c.tx, `SELECT s.doc_id, coalesce(d.external_id, ''), coalesce(d.ord, 0), s.source, s.ord, s.n, s.low, s.items
FROM suggestion_sets s LEFT JOIN documents d ON d.id = s.doc_id ORDER BY s.doc_id, s.source`, nil,
		func(rows *sql.Rows) error {
			var at Problem
			var source string
			var docOrd, ord int64
			var n int
			var low float64
			var data []byte
			if err := rows.Scan(&at.DocID, &at.ExternalID, &docOrd, &source, &ord, &n, &low, &data); err != nil {
				return err
			}
			text, err := documentText(ctx, c.tx, at.DocID)
			if err != nil {
				if !errors.Is(err, ErrNotFound) {
					return err
				}
				c.add(at, "suggestions of %q: %v", source, err)
				return nil
			}
			sgs, err := decodeSuggestions(data, at.DocID, source, labels.NewTextIndex(text))
			switch {
			case err != nil:
				c.add(at, "%v", err)
				return nil
			case len(sgs) != n || len(sgs) == 0:
				c.add(at, "suggestions of %q: %d stored, the row says %d", source, len(sgs), n)
				return nil
			case ord != docOrd:
				c.add(at, "suggestions of %q: stored order %d, the document's is %d", source, ord, docOrd)
			}
			if got := slices.MinFunc(sgs, func(a, b labels.Suggestion) int { return cmp.Compare(a.Score, b.Score) }).Score; got != low {
				c.add(at, "suggestions of %q: the lowest score is %v, the row says %v", source, got, low)
			}
			c.suggestionSet(at, source, sgs)
			return nil
		})
}

// suggestionSet checks the suggestions of one source in one document: in stored order,
// without repeats, with names a write would take.
func (c *checker) suggestionSet(at Problem, source string, sgs []labels.Suggestion) {
	for i := 1; i < len(sgs); i++ {
		if labels.CompareSuggestions(sgs[i-1], sgs[i]) >= 0 || keyOfSuggestion(sgs[i-1]) == keyOfSuggestion(sgs[i]) {
			c.add(at, "suggestions of %q: out of order or repeated at [%d,%d) %s", source, sgs[i].Start, sgs[i].End, sgs[i].Label)
			break
		}
	}
	for _, g := range sgs {
		if err := g.Check(labels.NewTextIndex(g.Text)); err != nil && !errors.Is(err, labels.ErrOutOfRange) {
			c.add(at, "suggestion of %q on [%d,%d) %s: %v", source, g.Start, g.End, g.Label, err)
		}
	}
}
