package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// exportBatch is how many documents Export reads at a time.
const exportBatch = 512

// Export calls fn for each (document, annotator) pair in import order, then by annotator, as
// the file's store does, from one snapshot read a batch of documents at a time.
func (s *Store) Export(ctx context.Context, f store.ExportFilter, fn func(labels.Annotated) error) error {
	err := s.read(ctx, func(tx pgx.Tx) error {
		var after int64
		for {
			docs, err := exportDocs(ctx, tx, after)
			if err != nil || len(docs) == 0 {
				return err
			}
			after = docs[len(docs)-1].Order
			recs, err := exportRecords(ctx, tx, docs, f)
			if err != nil {
				return err
			}
			for i := range recs {
				if err := fn(recs[i]); err != nil {
					return callerError{err}
				}
				recs[i] = labels.Annotated{}
			}
		}
	})
	if ce := (callerError{}); errors.As(err, &ce) {
		return ce.err
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// callerError carries an error of the caller's function out of a read unchanged.
type callerError struct{ err error }

func (e callerError) Error() string { return e.err.Error() }
func (e callerError) Unwrap() error { return e.err }

func exportDocs(ctx context.Context, q db, after int64) ([]labels.Document, error) {
	var docs []labels.Document
	err := eachRow(ctx, q, "SELECT "+documentColumns+" FROM documents WHERE ord > $1 ORDER BY ord LIMIT $2",
		[]any{after, exportBatch}, func(rows pgx.Rows) error {
			d, _, err := scanDocument(rows)
			docs = append(docs, d)
			return err
		})
	return docs, err
}

// exportRecords gathers the annotations of docs and makes the filtered records.
func exportRecords(ctx context.Context, q db, docs []labels.Document, f store.ExportFilter) ([]labels.Annotated, error) {
	lo, hi := docs[0].Order, docs[len(docs)-1].Order
	work := store.NewRecords()
	get := work.Of
	err := eachRow(ctx, q, `SELECT s.doc_id, s.annotator, s.spans FROM documents d JOIN span_sets s ON s.doc_id = d.id
WHERE d.ord BETWEEN $1 AND $2`, []any{lo, hi}, func(rows pgx.Rows) error {
		var doc, who, data string
		if err := rows.Scan(&doc, &who, &data); err != nil {
			return err
		}
		spans, err := store.DecodeSpans([]byte(data), doc, who)
		if err != nil {
			return err
		}
		a := get(doc, who)
		for _, sp := range spans {
			if len(f.Kinds) == 0 || slices.Contains(f.Kinds, sp.Kind) {
				sp.ID, sp.Created, sp.Updated = "", labels.Span{}.Created, labels.Span{}.Updated
				a.Spans = append(a.Spans, sp)
			}
		}
		return nil
	})
	if err == nil {
		err = eachRow(ctx, q, `SELECT t.doc_id, t.annotator, t.target, t.label, t.updated FROM documents d
JOIN doc_stance t ON t.doc_id = d.id WHERE d.ord BETWEEN $1 AND $2 ORDER BY d.ord, t.annotator, t.target`, []any{lo, hi},
			func(rows pgx.Rows) error {
				ds, err := scanStance(rows)
				a := get(ds.DocID, ds.Annotator)
				a.Stances = append(a.Stances, ds)
				return err
			})
	}
	if err == nil {
		err = eachRow(ctx, q, "SELECT doc_id, annotator, status FROM doc_state WHERE ord BETWEEN $1 AND $2", []any{lo, hi},
			func(rows pgx.Rows) error {
				var doc, who, status string
				err := rows.Scan(&doc, &who, &status)
				get(doc, who).Status = labels.Status(status)
				return err
			})
	}
	if err == nil && f.Suggestions {
		err = eachRow(ctx, q, `SELECT DISTINCT x.doc_id, x.annotator FROM documents d
JOIN suggestion_decisions x ON x.doc_id = d.id WHERE d.ord BETWEEN $1 AND $2`, []any{lo, hi}, func(rows pgx.Rows) error {
			var doc, who string
			err := rows.Scan(&doc, &who)
			get(doc, who)
			return err
		})
	}
	if err != nil {
		return nil, err
	}
	recs := work.Filter(docs, f)
	if f.Suggestions {
		err = exportSuggestions(ctx, q, docs, recs)
	}
	return recs, err
}

// exportSuggestions gives each record its document's suggestions with its annotator's decisions.
func exportSuggestions(ctx context.Context, q db, docs []labels.Document, recs []labels.Annotated) error {
	for i := range recs {
		r := &recs[i]
		if i > 0 && recs[i-1].Doc.ID == r.Doc.ID && recs[i-1].Suggestions == nil {
			continue // the document has none
		}
		sgs, err := decidedSuggestions(ctx, q, r.Doc.ID, r.Annotator)
		if err != nil {
			return err
		}
		if r.Annotator == "" {
			for j := range sgs {
				sgs[j].Decision = ""
			}
		}
		if len(sgs) > 0 {
			r.Suggestions = sgs
		}
	}
	return nil
}

// DocumentIDs, Export and the readers below read a batch of documents at a time: workBatch
// is EachWork's (no texts are read).
const workBatch = 2048

// EachWork calls fn, in import order, for every document someone worked on, with the work
// the filter keeps, from one snapshot.
func (s *Store) EachWork(ctx context.Context, f store.WorkFilter, fn func(store.DocumentWork) error) error {
	err := s.read(ctx, func(tx pgx.Tx) error { return eachWork(ctx, tx, f, fn) })
	if ce := (callerError{}); errors.As(err, &ce) {
		return ce.err
	}
	if err != nil {
		return fmt.Errorf("work: %w", err)
	}
	return nil
}

// eachWork is EachWork inside a transaction (a write's, for Adjudicate).
func eachWork(ctx context.Context, tx pgx.Tx, f store.WorkFilter, fn func(store.DocumentWork) error) error {
	var after int64
	for {
		var docs []*store.DocumentWork
		err := eachRow(ctx, tx, "SELECT ord, id, external_id, title, runes FROM documents WHERE ord > $1 ORDER BY ord LIMIT $2",
			[]any{after, workBatch}, func(rows pgx.Rows) error {
				d := &store.DocumentWork{}
				err := rows.Scan(&d.Doc.Order, &d.Doc.ID, &d.Doc.ExternalID, &d.Doc.Title, &d.Doc.Runes)
				docs = append(docs, d)
				return err
			})
		if err != nil || len(docs) == 0 {
			return err
		}
		after = docs[len(docs)-1].Doc.Order
		if err := readWork(ctx, tx, docs, false); err != nil {
			return err
		}
		for _, d := range docs {
			d.Work = slices.DeleteFunc(d.Work, func(w store.Work) bool {
				return !w.Worked() || !f.Keeps(&w)
			})
			if len(d.Work) == 0 {
				continue
			}
			if err := fn(*d); err != nil {
				return callerError{err}
			}
		}
	}
}

// workOf returns the work of annotator on d, added (todo) when missing, by annotator name.
func workOf(d *store.DocumentWork, annotator string) *store.Work {
	i, found := slices.BinarySearchFunc(d.Work, annotator, func(w store.Work, name string) int { return strings.Compare(w.Annotator, name) })
	if !found {
		d.Work = slices.Insert(d.Work, i, store.Work{Annotator: annotator, Status: labels.StatusTodo})
	}
	return &d.Work[i]
}

// readWork reads the spans, stances and states of docs, a range of documents in import
// order; withTimes keeps the spans' times (DocumentWork).
func readWork(ctx context.Context, q db, docs []*store.DocumentWork, withTimes bool) error {
	lo, hi := docs[0].Doc.Order, docs[len(docs)-1].Doc.Order
	at := func(ord int64) *store.DocumentWork { return docs[ord-lo] }
	err := eachRow(ctx, q, `SELECT d.ord, s.annotator, s.spans FROM documents d JOIN span_sets s ON s.doc_id = d.id
WHERE d.ord BETWEEN $1 AND $2 ORDER BY d.ord, s.annotator`, []any{lo, hi}, func(rows pgx.Rows) error {
		var ord int64
		var who, data string
		if err := rows.Scan(&ord, &who, &data); err != nil {
			return err
		}
		d := at(ord)
		spans, err := store.DecodeSpans([]byte(data), d.Doc.ID, who)
		if err != nil {
			return err
		}
		if !withTimes {
			for i := range spans {
				spans[i].Created, spans[i].Updated = labels.Span{}.Created, labels.Span{}.Updated
			}
		}
		workOf(d, who).Spans = spans
		return nil
	})
	if err != nil {
		return err
	}
	err = eachRow(ctx, q, `SELECT d.ord, t.annotator, t.target, t.label, t.updated FROM documents d
JOIN doc_stance t ON t.doc_id = d.id WHERE d.ord BETWEEN $1 AND $2 ORDER BY d.ord, t.annotator, t.target`, []any{lo, hi},
		func(rows pgx.Rows) error {
			var ord int64
			var ds labels.DocStance
			var updated string
			if err := rows.Scan(&ord, &ds.Annotator, &ds.Target, &ds.Label, &updated); err != nil {
				return err
			}
			d := at(ord)
			ds.DocID = d.Doc.ID
			var err error
			ds.Updated, err = store.ParseTime(updated)
			w := workOf(d, ds.Annotator)
			w.Stances = append(w.Stances, ds)
			return err
		})
	if err != nil {
		return err
	}
	return eachRow(ctx, q, `SELECT ord, annotator, status, note, seconds FROM doc_state WHERE ord BETWEEN $1 AND $2`,
		[]any{lo, hi}, func(rows pgx.Rows) error {
			var ord, seconds int64
			var who, status, note string
			if err := rows.Scan(&ord, &who, &status, &note, &seconds); err != nil {
				return err
			}
			w := workOf(at(ord), who)
			w.Status, w.Note, w.Seconds = labels.Status(status), note, seconds
			return nil
		})
}

// DocumentWork returns a document (without its text) and every annotator's work on it.
func (s *Store) DocumentWork(ctx context.Context, docID string) (store.DocumentWork, error) {
	var d store.DocumentWork
	err := s.read(ctx, func(tx pgx.Tx) error {
		var err error
		d, err = documentWork(ctx, tx, docID)
		return err
	})
	if err != nil {
		return store.DocumentWork{}, fmt.Errorf("work on %s: %w", docID, err)
	}
	d.Work = slices.DeleteFunc(d.Work, func(w store.Work) bool { return !w.Worked() })
	return d, nil
}

func documentWork(ctx context.Context, q db, docID string) (store.DocumentWork, error) {
	var d store.DocumentWork
	err := q.QueryRow(ctx, "SELECT ord, id, external_id, title, runes FROM documents WHERE id = $1", docID).
		Scan(&d.Doc.Order, &d.Doc.ID, &d.Doc.ExternalID, &d.Doc.Title, &d.Doc.Runes)
	if err == pgx.ErrNoRows {
		return d, store.ErrNotFound
	}
	if err != nil {
		return d, err
	}
	return d, readWork(ctx, q, []*store.DocumentWork{&d}, true)
}

// EachDocumentWork calls fn for every document in import order with the records Export
// gives of it (entity spans only).
func (s *Store) EachDocumentWork(ctx context.Context, fn func(doc labels.Document, work []labels.Annotated) error) error {
	var after int64
	for {
		var docs []labels.Document
		var recs []labels.Annotated
		err := s.read(ctx, func(tx pgx.Tx) error {
			var err error
			if docs, err = exportDocs(ctx, tx, after); err != nil || len(docs) == 0 {
				return err
			}
			recs, err = exportRecords(ctx, tx, docs, store.ExportFilter{Kinds: []labels.Kind{labels.KindEntity}})
			return err
		})
		if err != nil {
			return fmt.Errorf("documents: %w", err)
		}
		if len(docs) == 0 {
			return nil
		}
		after = docs[len(docs)-1].Order
		if err := store.EachDocumentRecords(docs, recs, fn); err != nil {
			return err
		}
	}
}

// EachSpanSet calls fn with the spans of each (document, annotator) set, from one snapshot.
func (s *Store) EachSpanSet(ctx context.Context, fn func(spans []labels.Span) error) error {
	err := s.read(ctx, func(tx pgx.Tx) error {
		return eachSet(ctx, tx, "", func(_, _ string, spans []labels.Span) error {
			if err := fn(spans); err != nil {
				return callerError{err}
			}
			return nil
		})
	})
	if ce := (callerError{}); errors.As(err, &ce) {
		return ce.err
	}
	if err != nil {
		return fmt.Errorf("spans: %w", err)
	}
	return nil
}
