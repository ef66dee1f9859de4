package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// A project is copied whole, from a store of one kind to another (tawsimctl copy), table by
// table: what annotators and imports wrote, as it is stored, ids, times and the log
// included. What is derived from it (the counts, the search filters, the words' index) the
// destination makes again (Recount, IndexSearch).

// Table is one table a copy moves, with the columns it moves.
type Table struct {
	Name    string
	Columns []string
}

// CopyTables are the tables a copy moves, in the order they are written.
var CopyTables = []Table{
	{"meta", []string{"key", "value"}},
	{"schema", []string{"id", "json", "annotator", "updated"}},
	{"documents", []string{"ord", "id", "external_id", "source_file", "title", "hash", "runes", "created", "metadata", "tokens", "text"}},
	{"span_sets", []string{"doc_id", "annotator", "spans"}},
	{"doc_state", []string{"doc_id", "annotator", "ord", "status", "note", "seconds", "updated"}},
	{"doc_stance", []string{"doc_id", "annotator", "target", "label", "updated"}},
	{"events", []string{"seq", "time", "annotator", "doc_id", "action", "before", "after"}},
	{"undo", []string{"annotator", "seq", "undone"}},
	{"suggestion_sets", []string{"doc_id", "source", "ord", "n", "low", "updated", "items"}},
	{"suggestion_decisions", []string{"doc_id", "annotator", "source", "start", "end", "label", "decision", "span_id", "time"}},
}

// Copier is a store that a project can be copied out of and into. A row is its columns'
// values as Go values: string, []byte (packed tokens), int64 (booleans as 0 and 1), float64,
// or nil for NULL.
type Copier interface {
	// ReadTable calls fn with each row of a table, in the order of its key, from one
	// snapshot for all the tables read inside one CopyOut.
	CopyOut(ctx context.Context, fn func(t Table, row []any) error) error
	// CopyIn writes rows into the project, which must hold no document and no logged change
	// yet, in one transaction, then makes what is derived from them again.
	CopyIn(ctx context.Context, rows func(put func(t Table, row []any) error) error) error
}

var _ Copier = (*Store)(nil)

// ErrNotEmpty: a copy goes only into a project with no document and no logged change.
var ErrNotEmpty = errors.New("the project to copy into is not empty")

// quoted names a column for SQL ("end" is a keyword).
func quoted(cols []string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = `"` + c + `"`
	}
	return strings.Join(out, ", ")
}

// CopyOut reads every table of CopyTables from one snapshot.
func (s *Store) CopyOut(ctx context.Context, fn func(t Table, row []any) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("copy out: %w", err)
	}
	defer tx.Rollback()
	for _, t := range CopyTables {
		rows, err := tx.QueryContext(ctx, "SELECT "+quoted(t.Columns)+" FROM "+t.Name+" ORDER BY 1, 2")
		if err != nil {
			return fmt.Errorf("copy out %s: %w", t.Name, err)
		}
		err = eachOf(rows, func(rows *sql.Rows) error {
			row := make([]any, len(t.Columns))
			ptrs := make([]any, len(row))
			for i := range row {
				ptrs[i] = &row[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				return err
			}
			return fn(t, row)
		})
		if err != nil {
			return fmt.Errorf("copy out %s: %w", t.Name, err)
		}
	}
	return nil
}

// CopyIn writes the rows into an empty project in one transaction, then recounts.
func (s *Store) CopyIn(ctx context.Context, rows func(put func(t Table, row []any) error) error) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var docs, events int
		if err := tx.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)").Scan(&docs, &events); err != nil {
			return err
		}
		if docs > 0 || events > 0 {
			return ErrNotEmpty
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM meta; DELETE FROM schema"); err != nil {
			return err
		}
		stmts := map[string]*sql.Stmt{}
		defer func() {
			for _, st := range stmts {
				st.Close()
			}
		}()
		return rows(func(t Table, row []any) error {
			st := stmts[t.Name]
			if st == nil {
				var err error
				q := "INSERT INTO " + t.Name + " (" + quoted(t.Columns) + ") VALUES (?" + strings.Repeat(", ?", len(t.Columns)-1) + ")"
				if st, err = tx.PrepareContext(ctx, q); err != nil {
					return err
				}
				stmts[t.Name] = st
			}
			_, err := st.ExecContext(ctx, row...)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("copy in: %w", err)
	}
	return s.Recount(ctx)
}
