package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// have reads the work of every annotator on the document docID here.
func (m *merger) have(ctx context.Context, docID string) (DocumentWork, error) {
	d := DocumentWork{Doc: labels.Summary{ID: docID}}
	rows, err := m.stmts.haveSpans.QueryContext(ctx, docID)
	if err != nil {
		return d, err
	}
	err = eachOf(rows, func(rows *sql.Rows) error {
		var annotator string
		var data []byte
		if err := rows.Scan(&annotator, &data); err != nil {
			return err
		}
		spans, err := decodeSpans(data, docID, annotator)
		d.work(annotator).Spans = spans
		return err
	})
	if err != nil {
		return d, err
	}
	if rows, err = m.stmts.haveStances.QueryContext(ctx, docID); err != nil {
		return d, err
	}
	err = eachOf(rows, func(rows *sql.Rows) error {
		ds, err := scanStance(rows)
		w := d.work(ds.Annotator)
		w.Stances = append(w.Stances, ds)
		return err
	})
	if err != nil {
		return d, err
	}
	if rows, err = m.stmts.haveStates.QueryContext(ctx, docID); err != nil {
		return d, err
	}
	return d, eachOf(rows, func(rows *sql.Rows) error {
		var annotator, status, note string
		var seconds int64
		err := rows.Scan(&annotator, &status, &note, &seconds)
		w := d.work(annotator)
		w.Status, w.Note, w.Seconds = labels.Status(status), note, seconds
		return err
	})
}

// eachOf calls fn for every row of rows, and closes them.
func eachOf(rows *sql.Rows, fn func(*sql.Rows) error) error {
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// eventKeys counts the logged changes that annotators made to the document here, by key.
func (m *merger) eventKeys(ctx context.Context, docID string) (map[string]int, error) {
	keys := map[string]int{}
	rows, err := m.stmts.haveEvents.QueryContext(ctx, docID)
	if err != nil {
		return nil, err
	}
	err = eachOf(rows, func(rows *sql.Rows) error {
		var e sourceEvent
		if err := rows.Scan(&e.time, &e.annotator, &e.action, &e.before, &e.after); err != nil {
			return err
		}
		keys[e.key()]++
		return nil
	})
	return keys, err
}

// events takes in the logged changes of the document that are not here yet (logged counts
// those here by key), but for those of the annotators in kept, whose work here stayed as it
// was. The document's id in them becomes its id here. They go on no annotator's undo stack.
func (m *merger) events(ctx context.Context, d *sourceDoc, id string, logged map[string]int, kept map[string]bool) error {
	from, to := `"`+d.doc.ID+`"`, `"`+id+`"`
	for _, e := range d.events {
		if kept[e.annotator] {
			continue
		}
		if id != d.doc.ID {
			e.before.String = strings.ReplaceAll(e.before.String, from, to)
			e.after.String = strings.ReplaceAll(e.after.String, from, to)
		}
		if k := e.key(); logged[k] > 0 {
			logged[k]--
			continue
		}
		if _, err := m.stmts.event.ExecContext(ctx, e.time, e.annotator, id, e.action, e.before, e.after); err != nil {
			return err
		}
		m.res.Events++
	}
	return nil
}
