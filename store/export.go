package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// ExportFilter chooses what Export yields. The zero value yields everything.
type ExportFilter struct {
	Statuses  []labels.Status // only records with one of these statuses; none means all
	Annotator string          // only this annotator's work; "" means everyone's
	Kinds     []labels.Kind   // only spans of these kinds; none means all
	// Suggestions gives each record its document's suggestions, each with the Decision of
	// the record's annotator.
	Suggestions bool
}

// exportBatch is how many documents Export reads at a time, and exportBatchBytes about how
// many bytes of text and tokens at most: a batch ends after the document that reaches it,
// so that a project of large documents is not read whole.
const exportBatch = 512

var exportBatchBytes = 16 << 20 // a variable for tests

// Export calls fn for each (document, annotator) pair in import order, then by annotator
// name, with the annotator's spans, stances and status. A document nobody has worked on
// (or, with a filter, that the annotator has not) comes once, with no annotator and status
// todo. All of it is read from one snapshot of the project, a batch of documents at a time
// (up to 512 of them, and about 16 MB of text), so memory stays flat however large the
// project is.
func (s *Store) Export(ctx context.Context, f ExportFilter, fn func(labels.Annotated) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer tx.Rollback()
	sc, err := loadSchema(ctx, tx)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	known := newSchemaNames(sc)
	var after int64
	for {
		docs, err := exportDocs(ctx, tx, after)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if len(docs) == 0 {
			return nil
		}
		after = docs[len(docs)-1].Order
		recs, err := exportRecords(ctx, tx, docs, f, known)
		if err == nil && f.Suggestions {
			err = exportSuggestions(ctx, tx, docs, recs)
		}
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		for i := range recs {
			if err := fn(recs[i]); err != nil {
				return err
			}
			recs[i] = labels.Annotated{} // fn has it: the batch does not keep a large document alive
		}
	}
}

// exportDocs reads the next batch of documents after the given order.
func exportDocs(ctx context.Context, q queryer, after int64) ([]labels.Document, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+exportColumns+" FROM documents WHERE ord > ? ORDER BY ord LIMIT ?", after, exportBatch)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var docs []labels.Document
	size := 0
	for size < exportBatchBytes && rows.Next() {
		d, err := scanExportDocument(rows)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
		size += len(d.Text) + len(d.Packed)
	}
	return docs, rows.Err()
}

// exportRecords gathers the annotations of docs and makes the filtered records.
func exportRecords(ctx context.Context, q queryer, docs []labels.Document, f ExportFilter, known schemaNames) ([]labels.Annotated, error) {
	lo, hi := docs[0].Order, docs[len(docs)-1].Order
	work := NewRecords()
	get := work.Of
	if err := exportSpans(ctx, q, docs, f, known, get); err != nil {
		return nil, err
	}
	if err := exportStances(ctx, q, lo, hi, get); err != nil {
		return nil, err
	}
	if err := exportStates(ctx, q, lo, hi, get); err != nil {
		return nil, err
	}
	if f.Suggestions {
		if err := exportDeciders(ctx, q, lo, hi, get); err != nil {
			return nil, err
		}
	}
	return work.Filter(docs, f), nil
}

// exportSpans reads the spans of docs, in stored order, with only what an export writes: no
// ids or times. Each (document, annotator) pair's spans are one JSON array in the file, read
// as a blob: the driver's copy is the only one before the decoder's.
func exportSpans(ctx context.Context, q queryer, docs []labels.Document, f ExportFilter, known schemaNames,
	get func(doc, annotator string) *labels.Annotated) error {
	lo, hi := docs[0].Order, docs[len(docs)-1].Order
	rows, err := q.QueryContext(ctx, `SELECT d.ord, s.annotator, CAST(s.spans AS BLOB)
FROM documents d JOIN span_sets s ON s.doc_id = d.id
WHERE d.ord BETWEEN ? AND ? ORDER BY d.ord, s.annotator`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	i := 0 // docs[i] is the document of the current row: rows come in document order
	var list []decodedSpan
	for rows.Next() {
		var ord int64
		var annotator string
		var data sql.RawBytes // decoded before the next row
		if err := rows.Scan(&ord, &annotator, &data); err != nil {
			return err
		}
		for i < len(docs) && docs[i].Order < ord {
			i++
		}
		if i == len(docs) || docs[i].Order != ord {
			return fmt.Errorf("spans of document number %d outside the batch", ord)
		}
		// Each span begins `{"i":`, which a JSON string cannot hold unescaped: room for all of
		// them at once, rather than a slice grown a quarter at a time.
		list = slices.Grow(list[:0], bytes.Count(data, []byte(`{"i":`)))
		if list, err = decodeStored(data, list); err != nil {
			return &DamagedError{DocID: docs[i].ID, ExternalID: docs[i].ExternalID, Annotator: annotator, Err: err}
		}
		for j := range list {
			if err := known.check(&list[j]); err != nil {
				return &DamagedError{DocID: docs[i].ID, ExternalID: docs[i].ExternalID, Annotator: annotator,
					Err: fmt.Errorf("span %d: %w", j+1, err)}
			}
		}
		a := get(docs[i].ID, annotator)
		a.Spans = slices.Grow(a.Spans, len(list))
		for _, e := range list {
			if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, labels.Kind(e.Kind)) {
				continue
			}
			a.Spans = append(a.Spans, labels.Span{DocID: docs[i].ID, Annotator: annotator, Start: e.Start.n, End: e.End.n,
				Text: e.Text, Label: e.Label, Kind: labels.Kind(e.Kind), Target: e.Target, Origin: labels.Origin(e.Origin)})
		}
	}
	return rows.Err()
}

func exportStances(ctx context.Context, q queryer, lo, hi int64, get func(doc, annotator string) *labels.Annotated) error {
	rows, err := q.QueryContext(ctx, `SELECT t.doc_id, t.annotator, t.target, t.label, t.updated FROM documents d
JOIN doc_stance t ON t.doc_id = d.id WHERE d.ord BETWEEN ? AND ? ORDER BY d.ord, t.annotator, t.target`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		ds, err := scanStance(rows)
		if err != nil {
			return err
		}
		a := get(ds.DocID, ds.Annotator)
		a.Stances = append(a.Stances, ds)
	}
	return rows.Err()
}

func exportStates(ctx context.Context, q queryer, lo, hi int64, get func(doc, annotator string) *labels.Annotated) error {
	rows, err := q.QueryContext(ctx, `SELECT doc_id, annotator, status FROM doc_state
WHERE ord BETWEEN ? AND ?`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var doc, annotator, status string
		if err := rows.Scan(&doc, &annotator, &status); err != nil {
			return err
		}
		get(doc, annotator).Status = labels.Status(status)
	}
	return rows.Err()
}

// DocumentIDs returns the ids of all documents in import order: what a split needs up front.
func (s *Store) DocumentIDs(ctx context.Context) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT id FROM documents ORDER BY ord")
	if err != nil {
		return nil, fmt.Errorf("document ids: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("document ids: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
