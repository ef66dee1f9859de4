package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// Work is one annotator's work on one document: what agreement compares and what a curator
// reviews. An annotator has worked on a document when they have a span, a document stance or
// a status past todo there.
type Work struct {
	Annotator string
	Status    labels.Status      // StatusTodo when the annotator has no state there
	Note      string             // the note of the annotator's state
	Seconds   int64              // the time the annotator spent on the document
	Spans     []labels.Span      // entity and evidence spans, in stored order (start, end, id)
	Stances   []labels.DocStance // by target id
}

// DocumentWork is one document (without its text) and the work of each annotator on it.
type DocumentWork struct {
	Doc  labels.Summary // its Status is unset
	Work []Work         // by annotator name
}

// Of returns the work of the annotator on the document, and whether there is any.
func (d DocumentWork) Of(annotator string) (Work, bool) {
	i := slices.IndexFunc(d.Work, func(w Work) bool { return w.Annotator == annotator })
	if i < 0 {
		return Work{Annotator: annotator, Status: labels.StatusTodo}, false
	}
	return d.Work[i], true
}

// WorkFilter chooses the work EachWork yields. The zero value yields everyone's.
type WorkFilter struct {
	Annotators []string        // only these annotators; none means all
	Statuses   []labels.Status // only work with one of these statuses; none means any
	// Bare reads spans with their offsets, label, kind and target only (no id, text or
	// origin): what agreement compares, read in about half the time.
	Bare bool
}

// Keeps reports whether f lets w through: its annotator and its status.
func (f WorkFilter) Keeps(w *Work) bool {
	return (len(f.Annotators) == 0 || slices.Contains(f.Annotators, w.Annotator)) &&
		(len(f.Statuses) == 0 || slices.Contains(f.Statuses, w.Status))
}

// workBatch is how many documents EachWork reads at a time: no text is read, so a batch of
// summaries, spans and stances stays small.
const workBatch = 2048

// EachWork calls fn, in import order, for every document that someone worked on with the
// work that the filter keeps (documents left with none are skipped). Spans carry their ids,
// offsets, text, label, kind, target and origin, not their times. All of it is read from one
// snapshot, a batch of documents at a time, without the texts: memory stays flat however
// large the project is. A row of spans that cannot be read stops it with a *DamagedError.
func (s *Store) EachWork(ctx context.Context, f WorkFilter, fn func(DocumentWork) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("work: %w", err)
	}
	defer tx.Rollback()
	return eachWorkAhead(ctx, tx, f, fn)
}

// eachWork is EachWork through q, one batch after the other. fn is called when no query of
// q is open: it may write through q when q is a write transaction.
func eachWork(ctx context.Context, q queryer, f WorkFilter, fn func(DocumentWork) error) error {
	var after int64
	n := names{}
	for {
		docs, sets, err := readBatch(ctx, q, after, n, f.Bare)
		if err != nil || len(docs) == 0 {
			return err
		}
		after = docs[len(docs)-1].Doc.Order
		if err := deliver(docs, sets, n, f, fn); err != nil {
			return err
		}
	}
}

// readBatch reads the next batch of documents after the order after, with their work, but
// for their span sets, which it returns as read (decodeSets decodes them).
func readBatch(ctx context.Context, q queryer, after int64, n names, bare bool) ([]*DocumentWork, []rawSet, error) {
	docs, err := workBatchOf(ctx, q, after)
	if err != nil || len(docs) == 0 {
		return nil, nil, wrapWork(err)
	}
	sets, err := readWorkSpans(ctx, q, docs, n)
	if err == nil {
		err = readStancesStates(ctx, q, docs, n, bare)
	}
	return docs, sets, wrapWork(err)
}

// wrapWork says that err came from reading the project's work.
func wrapWork(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("work: %w", err)
}

// deliver decodes the span sets of a batch of documents and calls fn for each document with
// the work that f keeps.
func deliver(docs []*DocumentWork, sets []rawSet, n names, f WorkFilter, fn func(DocumentWork) error) error {
	if err := decodeSets(sets, n, f.Bare); err != nil {
		return wrapWork(err)
	}
	for _, d := range docs {
		d.Work = slices.DeleteFunc(d.Work, func(w Work) bool { return !w.Worked() || !f.Keeps(&w) })
		if len(d.Work) == 0 {
			continue
		}
		if err := fn(*d); err != nil {
			return err
		}
	}
	return nil
}

// Worked reports whether w holds work: a span, a stance or a status past todo.
func (w *Work) Worked() bool {
	return len(w.Spans) > 0 || len(w.Stances) > 0 || w.Status != labels.StatusTodo
}

// workBatchOf reads the summaries of the next batch of documents after the given order.
func workBatchOf(ctx context.Context, q queryer, after int64) ([]*DocumentWork, error) {
	rows, err := q.QueryContext(ctx, "SELECT ord, id, external_id, title, runes FROM documents WHERE ord > ? ORDER BY ord LIMIT ?",
		after, workBatch)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var docs []*DocumentWork
	for rows.Next() {
		d := &DocumentWork{}
		if err := rows.Scan(&d.Doc.Order, &d.Doc.ID, &d.Doc.ExternalID, &d.Doc.Title, &d.Doc.Runes); err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, rows.Err()
}

// rawSet is a span set as read, for decodeSets.
type rawSet struct {
	doc       *DocumentWork
	annotator string
	data      []byte
}

// readWorkSpans reads the span sets of docs, a range of documents in import order, as they
// are stored. Names met are shared through n.
func readWorkSpans(ctx context.Context, q queryer, docs []*DocumentWork, n names) ([]rawSet, error) {
	lo, hi := docs[0].Doc.Order, docs[len(docs)-1].Doc.Order
	var sets []rawSet
	err := eachRow(ctx, q, `SELECT d.ord, s.annotator, CAST(s.spans AS BLOB) FROM documents d
JOIN span_sets s ON s.doc_id = d.id WHERE d.ord BETWEEN ? AND ?`, []any{lo, hi}, func(rows *sql.Rows) error {
		var ord int64
		var who sql.RawBytes
		var data []byte
		if err := rows.Scan(&ord, &who, &data); err != nil {
			return err
		}
		sets = append(sets, rawSet{doc: docs[ord-lo], annotator: n.of(who), data: data}) // orders run without gaps
		return nil
	})
	return sets, err
}

// decodeSets gives each document of sets the spans of its annotator, without their times,
// and when bare (WorkFilter.Bare) without their ids, texts and origins either. Names met are
// shared through n.
func decodeSets(sets []rawSet, n names, bare bool) error {
	var list []decodedSpan
	for _, set := range sets {
		d := set.doc
		w := d.work(set.annotator)
		var err error
		if bare {
			w.Spans, err = decodeBare(set.data, n)
		} else if list, err = decodeStored(set.data, list); err == nil {
			w.Spans = make([]labels.Span, len(list))
			for i := range list {
				w.Spans[i] = list[i].span(d.Doc.ID, set.annotator)
			}
		}
		if err != nil {
			return &DamagedError{DocID: d.Doc.ID, ExternalID: d.Doc.ExternalID, Annotator: set.annotator, Err: err}
		}
	}
	return nil
}

// readStancesStates reads the document stances and states of docs, a range of documents in
// import order; when bare, without the times of the stances and the notes of the states.
// Names met are shared through n.
func readStancesStates(ctx context.Context, q queryer, docs []*DocumentWork, n names, bare bool) error {
	lo, hi := docs[0].Doc.Order, docs[len(docs)-1].Doc.Order
	at := func(ord int64) *DocumentWork { return docs[ord-lo] }
	read := readStances
	if bare {
		read = readBareStances
	}
	if err := read(ctx, q, docs, n); err != nil {
		return err
	}
	note := "t.note"
	if bare {
		note = "''"
	}
	return eachRow(ctx, q, `SELECT d.ord, t.annotator, t.status, `+note+`, t.seconds FROM documents d
JOIN doc_state t ON t.doc_id = d.id WHERE d.ord BETWEEN ? AND ?`, []any{lo, hi}, func(rows *sql.Rows) error {
		var ord, seconds int64
		var who, status sql.RawBytes
		var note string
		if err := rows.Scan(&ord, &who, &status, &note, &seconds); err != nil {
			return err
		}
		w := at(ord).work(n.of(who))
		w.Status, w.Note, w.Seconds = labels.Status(n.of(status)), note, seconds
		return nil
	})
}

// readStances reads the document stances of docs, a range of documents in import order.
func readStances(ctx context.Context, q queryer, docs []*DocumentWork, n names) error {
	lo, hi := docs[0].Doc.Order, docs[len(docs)-1].Doc.Order
	return eachRow(ctx, q, `SELECT d.ord, t.annotator, t.target, t.label, t.updated FROM documents d
JOIN doc_stance t ON t.doc_id = d.id WHERE d.ord BETWEEN ? AND ? ORDER BY d.ord, t.annotator, t.target`, []any{lo, hi},
		func(rows *sql.Rows) error {
			var ord int64
			var who, target, label, updated sql.RawBytes
			if err := rows.Scan(&ord, &who, &target, &label, &updated); err != nil {
				return err
			}
			d := docs[ord-lo]
			ds := labels.DocStance{DocID: d.Doc.ID, Annotator: n.of(who), Target: n.of(target), Label: n.of(label)}
			var err error
			if ds.Updated, err = parseTime(string(updated)); err != nil {
				return err
			}
			w := d.work(ds.Annotator)
			w.Stances = append(w.Stances, ds)
			return nil
		})
}

// readBareStances reads the document stances of docs, a range of documents in import order,
// without their times: a row for each annotator of a document, its stances joined by SQLite
// (target and label by the unit separator, stances by the record separator, which no name
// holds), where a row each cost more than the stances themselves.
func readBareStances(ctx context.Context, q queryer, docs []*DocumentWork, n names) error {
	lo, hi := docs[0].Doc.Order, docs[len(docs)-1].Doc.Order
	return eachRow(ctx, q, `SELECT d.ord, t.annotator, group_concat(t.target || char(31) || t.label, char(30)) FROM documents d
JOIN doc_stance t ON t.doc_id = d.id WHERE d.ord BETWEEN ? AND ? GROUP BY d.ord, t.annotator`, []any{lo, hi},
		func(rows *sql.Rows) error {
			var ord int64
			var who, joined sql.RawBytes
			if err := rows.Scan(&ord, &who, &joined); err != nil {
				return err
			}
			d := docs[ord-lo]
			w := d.work(n.of(who))
			for stance := range bytes.SplitSeq(joined, []byte(recordSep)) {
				target, label, ok := bytes.Cut(stance, []byte(unitSep))
				if !ok || bytes.Contains(label, []byte(unitSep)) {
					return fmt.Errorf("%s: a stance of %q holds a separator: %q", describeDocID(d.Doc.ID, d.Doc.ExternalID), w.Annotator, stance)
				}
				w.Stances = append(w.Stances, labels.DocStance{DocID: d.Doc.ID, Annotator: w.Annotator, Target: n.of(target), Label: n.of(label)})
			}
			return nil
		})
}

// recordSep separates the stances that readBareStances reads joined.
const recordSep = "\x1e"

// work returns the Work of annotator on d, added (status todo) when it is not there yet; the
// list stays ordered by annotator name.
func (d *DocumentWork) work(annotator string) *Work {
	i, found := slices.BinarySearchFunc(d.Work, annotator, func(w Work, name string) int { return strings.Compare(w.Annotator, name) })
	if !found {
		d.Work = slices.Insert(d.Work, i, Work{Annotator: annotator, Status: labels.StatusTodo})
	}
	return &d.Work[i]
}

// DocumentWork returns a document (without its text) and the work of every annotator on it,
// spans with their ids and times: what a curator reviews. ErrNotFound when there is no such
// document; a row of spans that cannot be read is a *DamagedError.
func (s *Store) DocumentWork(ctx context.Context, docID string) (DocumentWork, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return DocumentWork{}, fmt.Errorf("work on %s: %w", docID, err)
	}
	defer tx.Rollback()
	d, err := documentWork(ctx, tx, docID)
	if err != nil {
		return DocumentWork{}, fmt.Errorf("work on %s: %w", docID, err)
	}
	d.Work = slices.DeleteFunc(d.Work, func(w Work) bool { return !w.Worked() })
	return d, nil
}

// documentWork reads what DocumentWork returns through q, with the states at todo of those
// who have nothing else there too.
func documentWork(ctx context.Context, q queryer, docID string) (DocumentWork, error) {
	var d DocumentWork
	err := q.QueryRowContext(ctx, "SELECT ord, id, external_id, title, runes FROM documents WHERE id = ?", docID).
		Scan(&d.Doc.Order, &d.Doc.ID, &d.Doc.ExternalID, &d.Doc.Title, &d.Doc.Runes)
	if err == sql.ErrNoRows {
		return d, ErrNotFound
	}
	if err != nil {
		return d, err
	}
	if err := readStancesStates(ctx, q, []*DocumentWork{&d}, names{}, false); err != nil {
		return d, err
	}
	spans, err := documentSpans(ctx, q, docID, "")
	if err != nil {
		return d, err
	}
	for _, sp := range spans {
		w := d.work(sp.Annotator)
		w.Spans = append(w.Spans, sp)
	}
	return d, nil
}
