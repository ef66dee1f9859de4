package store

import (
	"context"
	"database/sql"
)

// stmtSQL is a statement to prepare and its SQL.
type stmtSQL struct {
	stmt **sql.Stmt
	sql  string
}

// prepareAll prepares the statements in tx, in order, and stops at the first that fails.
func prepareAll(ctx context.Context, tx *sql.Tx, list []stmtSQL) error {
	for _, p := range list {
		var err error
		if *p.stmt, err = tx.PrepareContext(ctx, p.sql); err != nil {
			return err
		}
	}
	return nil
}

// renew prepares *st again from query, letting go of the copy of a large text that the
// driver keeps bound to it for the next call (bigText).
func renew(ctx context.Context, tx *sql.Tx, st **sql.Stmt, query string) error {
	(*st).Close()
	var err error
	*st, err = tx.PrepareContext(ctx, query)
	return err
}

// closeAll closes the statements that were prepared (those not nil).
func closeAll(stmts ...*sql.Stmt) {
	for _, st := range stmts {
		if st != nil {
			st.Close()
		}
	}
}
