package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// exportSuggestions gives each record of recs (the records of docs, in order) the suggestions
// of its document, in the order of labels.CompareSuggestions, each with the decision of the
// record's annotator.
func exportSuggestions(ctx context.Context, q queryer, docs []labels.Document, recs []labels.Annotated) error {
	lo, hi := docs[0].Order, docs[len(docs)-1].Order
	byDoc := map[string][]labels.Suggestion{}
	i := 0 // docs[i] is the document of the current row: rows come in document order
	err := eachRow(ctx, q, `SELECT d.ord, d.id, s.source, s.items FROM documents d JOIN suggestion_sets s ON s.doc_id = d.id
WHERE d.ord BETWEEN ? AND ? ORDER BY d.ord, s.source`, []any{lo, hi}, func(rows *sql.Rows) error {
		var ord int64
		var docID, source string
		var data sql.RawBytes
		if err := rows.Scan(&ord, &docID, &source, &data); err != nil {
			return err
		}
		for i < len(docs) && docs[i].Order < ord {
			i++
		}
		if i == len(docs) || docs[i].ID != docID {
			return fmt.Errorf("suggestions of document number %d outside the batch", ord)
		}
		sgs, err := decodeSuggestions(data, docID, source, labels.NewTextIndex(docs[i].Text))
		byDoc[docID] = append(byDoc[docID], sgs...)
		return err
	})
	if err != nil || len(byDoc) == 0 {
		return err
	}
	for _, sgs := range byDoc {
		slices.SortFunc(sgs, labels.CompareSuggestions)
	}
	type who struct {
		doc, annotator string
		key            decisionKey
	}
	decided := map[who]labels.Decision{}
	err = eachRow(ctx, q, `SELECT d.id, x.annotator, x.source, x.start, x."end", x.label, x.decision
FROM documents d JOIN suggestion_decisions x ON x.doc_id = d.id WHERE d.ord BETWEEN ? AND ?`, []any{lo, hi},
		func(rows *sql.Rows) error {
			var w who
			var d string
			err := rows.Scan(&w.doc, &w.annotator, &w.key.source, &w.key.start, &w.key.end, &w.key.label, &d)
			decided[w] = labels.Decision(d)
			return err
		})
	if err != nil {
		return err
	}
	for i := range recs {
		r := &recs[i]
		sgs := byDoc[r.Doc.ID]
		if len(sgs) == 0 {
			continue
		}
		r.Suggestions = make([]labels.Suggestion, len(sgs))
		for j, g := range sgs {
			g.Decision = decided[who{r.Doc.ID, r.Annotator, keyOfSuggestion(g)}]
			r.Suggestions[j] = g
		}
	}
	return nil
}

// exportDeciders gives a record to each annotator who decided on suggestions of a document
// of the batch, where they did nothing else: the decisions travel in the records.
func exportDeciders(ctx context.Context, q queryer, lo, hi int64, get func(doc, annotator string) *labels.Annotated) error {
	return eachRow(ctx, q, `SELECT DISTINCT x.doc_id, x.annotator FROM documents d
JOIN suggestion_decisions x ON x.doc_id = d.id WHERE d.ord BETWEEN ? AND ?`, []any{lo, hi}, func(rows *sql.Rows) error {
		var doc, annotator string
		err := rows.Scan(&doc, &annotator)
		get(doc, annotator)
		return err
	})
}
