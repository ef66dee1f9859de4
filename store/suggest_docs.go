package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tawsim/tawsim/labels"
)

// EachDocumentWork calls fn for every document in import order with every annotator's work on it:
// the records Export gives (status, stances, entity spans only; a document nobody has worked
// on comes with one record without annotator). It reads a batch of documents at a time
// (Export's), each in a read transaction of its own, so that a long run over the project
// (suggestions written as it reads) holds no snapshot while it writes.
func (s *Store) EachDocumentWork(ctx context.Context, fn func(doc labels.Document, work []labels.Annotated) error) error {
	var after int64
	for {
		docs, recs, err := s.documentWorkBatch(ctx, after)
		if err != nil {
			return fmt.Errorf("documents: %w", err)
		}
		if len(docs) == 0 {
			return nil
		}
		after = docs[len(docs)-1].Order
		if err := EachDocumentRecords(docs, recs, fn); err != nil {
			return err
		}
	}
}

// documentWorkBatch reads the documents after the order given, and their records.
func (s *Store) documentWorkBatch(ctx context.Context, after int64) ([]labels.Document, []labels.Annotated, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	sc, err := loadSchema(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	docs, err := exportDocs(ctx, tx, after)
	if err != nil || len(docs) == 0 {
		return nil, nil, err
	}
	recs, err := exportRecords(ctx, tx, docs, ExportFilter{Kinds: []labels.Kind{labels.KindEntity}}, newSchemaNames(sc))
	return docs, recs, err
}

// EachSpanSet calls fn with the spans of each (document, annotator) set of the project, from
// one snapshot, without reading any text: what propagation counts.
func (s *Store) EachSpanSet(ctx context.Context, fn func(spans []labels.Span) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("spans: %w", err)
	}
	defer tx.Rollback()
	err = eachSpanSet(ctx, tx, func(_, _ string, spans []labels.Span) error { return fn(spans) })
	if err != nil {
		return fmt.Errorf("spans: %w", withExternalID(ctx, tx, err))
	}
	return nil
}

// eachSpanSet calls fn with each (document, annotator) set of spans, by document and
// annotator. A set that does not decode stops it with a *DamagedError.
func eachSpanSet(ctx context.Context, q queryer, fn func(docID, annotator string, spans []labels.Span) error) error {
	return eachRow(ctx, q, "SELECT doc_id, annotator, spans FROM span_sets ORDER BY doc_id, annotator", nil,
		func(rows *sql.Rows) error {
			var docID, annotator string
			var data []byte
			if err := rows.Scan(&docID, &annotator, &data); err != nil {
				return err
			}
			spans, err := decodeSpans(data, docID, annotator)
			if err != nil {
				return err
			}
			return fn(docID, annotator, spans)
		})
}
