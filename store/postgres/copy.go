package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/store"
)

var _ store.Copier = (*Store)(nil)

// CopyOut reads every table a copy moves from one snapshot (store.Copier).
func (s *Store) CopyOut(ctx context.Context, fn func(t store.Table, row []any) error) error {
	return s.read(ctx, func(tx pgx.Tx) error {
		for _, t := range store.CopyTables {
			err := eachRow(ctx, tx, "SELECT "+columns(t)+" FROM "+t.Name+" ORDER BY 1, 2", nil, func(rows pgx.Rows) error {
				row, err := rows.Values()
				if err != nil {
					return err
				}
				for i, v := range row {
					switch x := v.(type) {
					case int32:
						row[i] = int64(x)
					case bool:
						row[i] = int64(0)
						if x {
							row[i] = int64(1)
						}
					}
				}
				return fn(t, row)
			})
			if err != nil {
				return callerError{fmt.Errorf("copy out %s: %w", t.Name, err)}
			}
		}
		return nil
	})
}

// columns names a table's columns for SQL.
func columns(t store.Table) string {
	out := ""
	for i, c := range t.Columns {
		if i > 0 {
			out += ", "
		}
		out += pgx.Identifier{c}.Sanitize()
	}
	return out
}

// CopyIn writes the rows into an empty project by COPY, in one transaction, then recounts
// (store.Copier).
func (s *Store) CopyIn(ctx context.Context, rows func(put func(t store.Table, row []any) error) error) error {
	err := s.write(ctx, locks{documents: true, schema: 2}, "", func(tx pgx.Tx) error {
		var docs, events int
		if err := tx.QueryRow(ctx, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)").Scan(&docs, &events); err != nil {
			return err
		}
		if docs > 0 || events > 0 {
			return store.ErrNotEmpty
		}
		if _, err := tx.Exec(ctx, "DELETE FROM meta"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM schema"); err != nil {
			return err
		}
		var cur *store.Table
		var batch [][]any
		send := func() error {
			if cur == nil || len(batch) == 0 {
				return nil
			}
			_, err := tx.CopyFrom(ctx, pgx.Identifier{cur.Name}, cur.Columns, pgx.CopyFromRows(batch))
			batch = batch[:0]
			return err
		}
		err := rows(func(t store.Table, row []any) error {
			if cur == nil || cur.Name != t.Name || len(batch) >= 1000 {
				if err := send(); err != nil {
					return err
				}
				cur = &t
			}
			if t.Name == "undo" {
				row[2] = row[2] != int64(0)
			}
			batch = append(batch, row)
			return nil
		})
		if err == nil {
			err = send()
		}
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "SELECT setval(pg_get_serial_sequence('events', 'seq'), greatest(1, (SELECT coalesce(max(seq), 0) FROM events)))")
		return err
	})
	if err != nil {
		return fmt.Errorf("copy in: %w", err)
	}
	return s.Recount(ctx)
}
