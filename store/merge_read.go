package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// sourceDoc is a document of a project being merged, with everything its annotators did.
type sourceDoc struct {
	doc    labels.Document
	works  []sourceWork  // by annotator name
	events []sourceEvent // the annotators' changes of the document, in the order of its log
}

// sourceWork is one annotator's work on a document of a project being merged.
type sourceWork struct {
	annotator string
	spans     []labels.Span // in stored order
	state     *labels.DocState
	stances   []labels.DocStance // by target id
}

// work returns the sourceWork of annotator on d, added when it is not there yet.
func (d *sourceDoc) work(annotator string) *sourceWork {
	i, found := slices.BinarySearchFunc(d.works, annotator, func(w sourceWork, name string) int { return strings.Compare(w.annotator, name) })
	if !found {
		d.works = slices.Insert(d.works, i, sourceWork{annotator: annotator})
	}
	return &d.works[i]
}

// readSource reads the next batch of documents after the order after from q (a read
// transaction of the project being merged), with their work and history: up to exportBatch
// documents, or about exportBatchBytes of text, as an export reads them.
func readSource(ctx context.Context, q queryer, after int64) ([]*sourceDoc, error) {
	docs, err := exportDocs(ctx, q, after)
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	out := make([]*sourceDoc, len(docs))
	for i, d := range docs {
		out[i] = &sourceDoc{doc: d}
	}
	lo, hi := docs[0].Order, docs[len(docs)-1].Order
	at := func(ord int64) *sourceDoc { return out[ord-lo] } // orders run without gaps
	for _, read := range []func(context.Context, queryer, int64, int64, func(int64) *sourceDoc) error{
		readSourceSpans, readSourceStates, readSourceStances, readSourceEvents,
	} {
		if err := read(ctx, q, lo, hi, at); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readSourceSpans reads the span sets of the documents between lo and hi, checked as any
// reader checks them (a *DamagedError for a row that fails).
func readSourceSpans(ctx context.Context, q queryer, lo, hi int64, at func(int64) *sourceDoc) error {
	return eachRow(ctx, q, `SELECT d.ord, s.annotator, CAST(s.spans AS BLOB) FROM documents d
JOIN span_sets s ON s.doc_id = d.id WHERE d.ord BETWEEN ? AND ?`, []any{lo, hi}, func(rows *sql.Rows) error {
		var ord int64
		var annotator string
		var data sql.RawBytes
		if err := rows.Scan(&ord, &annotator, &data); err != nil {
			return err
		}
		d := at(ord)
		spans, err := decodeSpans(data, d.doc.ID, annotator)
		if err != nil {
			err.(*DamagedError).ExternalID = d.doc.ExternalID
			return err
		}
		d.work(annotator).spans = spans
		return nil
	})
}

// readSourceStates reads the document states of the documents between lo and hi.
func readSourceStates(ctx context.Context, q queryer, lo, hi int64, at func(int64) *sourceDoc) error {
	return eachRow(ctx, q, `SELECT d.ord, t.annotator, t.status, t.note, t.seconds, t.updated FROM documents d
JOIN doc_state t ON t.doc_id = d.id WHERE d.ord BETWEEN ? AND ?`, []any{lo, hi}, func(rows *sql.Rows) error {
		var ord int64
		var st labels.DocState
		var status, updated string
		if err := rows.Scan(&ord, &st.Annotator, &status, &st.Note, &st.Seconds, &updated); err != nil {
			return err
		}
		d := at(ord)
		st.DocID, st.Status = d.doc.ID, labels.Status(status)
		var err error
		if st.Updated, err = parseTime(updated); err != nil {
			return fmt.Errorf("%s: state of %q: %w", describeDocID(d.doc.ID, d.doc.ExternalID), st.Annotator, err)
		}
		d.work(st.Annotator).state = &st
		return nil
	})
}

// readSourceStances reads the document stances of the documents between lo and hi.
func readSourceStances(ctx context.Context, q queryer, lo, hi int64, at func(int64) *sourceDoc) error {
	return eachRow(ctx, q, `SELECT d.ord, t.annotator, t.target, t.label, t.updated FROM documents d
JOIN doc_stance t ON t.doc_id = d.id WHERE d.ord BETWEEN ? AND ? ORDER BY d.ord, t.annotator, t.target`, []any{lo, hi},
		func(rows *sql.Rows) error {
			var ord int64
			var ds labels.DocStance
			var updated string
			if err := rows.Scan(&ord, &ds.Annotator, &ds.Target, &ds.Label, &updated); err != nil {
				return err
			}
			d := at(ord)
			ds.DocID = d.doc.ID
			var err error
			if ds.Updated, err = parseTime(updated); err != nil {
				return fmt.Errorf("%s: stance of %q: %w", describeDocID(d.doc.ID, d.doc.ExternalID), ds.Annotator, err)
			}
			w := d.work(ds.Annotator)
			w.stances = append(w.stances, ds)
			return nil
		})
}

// sourceEvent is a logged change of a document, as stored: its time as written.
type sourceEvent struct {
	time, annotator, action string
	before, after           sql.NullString
}

// key is what makes two logged changes of one document the same change.
func (e sourceEvent) key() string {
	return strings.Join([]string{e.time, e.annotator, e.action, nullText(e.before), nullText(e.after)}, "\x00")
}

// nullText renders a nullable text for a key: NULL apart from every string.
func nullText(s sql.NullString) string {
	if !s.Valid {
		return "\x01"
	}
	return s.String
}

// readSourceEvents reads the logged changes that annotators made to the documents between
// lo and hi, in the order of the log.
func readSourceEvents(ctx context.Context, q queryer, lo, hi int64, at func(int64) *sourceDoc) error {
	return eachRow(ctx, q, `SELECT d.ord, e.time, e.annotator, e.action, e.before, e.after FROM documents d
JOIN events e ON e.doc_id = d.id WHERE d.ord BETWEEN ? AND ? AND e.annotator <> '' ORDER BY d.ord, e.seq`, []any{lo, hi},
		func(rows *sql.Rows) error {
			var ord int64
			var ev sourceEvent
			if err := rows.Scan(&ord, &ev.time, &ev.annotator, &ev.action, &ev.before, &ev.after); err != nil {
				return err
			}
			d := at(ord)
			d.events = append(d.events, ev)
			return nil
		})
}
