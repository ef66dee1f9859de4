package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// SetState records an annotator's status, note and time spent on a document.
func (s *Store) SetState(ctx context.Context, st labels.DocState) error {
	if err := store.CheckState(st); err != nil {
		return fmt.Errorf("set state: %w", err)
	}
	st.Updated = s.now()
	err := s.write(ctx, locks{annotators: []string{st.Annotator}}, st.DocID, func(tx pgx.Tx) error {
		before, err := getState(ctx, tx, st.DocID, st.Annotator)
		if err != nil {
			return err
		}
		if err := upsertState(ctx, tx, st); err != nil {
			return err
		}
		if err := finishAssigned(ctx, tx, st); err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, st.Annotator, st.DocID, labels.ActionStateSet, before, st)
	})
	if err != nil {
		return fmt.Errorf("set state: %w", err)
	}
	return nil
}

// upsertState writes a doc_state row (store.ErrNotFound when the document does not exist).
func upsertState(ctx context.Context, tx pgx.Tx, st labels.DocState) error {
	tag, err := tx.Exec(ctx, `INSERT INTO doc_state (doc_id, annotator, ord, status, note, seconds, updated)
SELECT id, $1, ord, $2, $3, $4, $5 FROM documents WHERE id = $6
ON CONFLICT (doc_id, annotator) DO UPDATE SET status = excluded.status, note = excluded.note,
    seconds = excluded.seconds, updated = excluded.updated`,
		st.Annotator, string(st.Status), st.Note, st.Seconds, store.FormatTime(st.Updated), st.DocID)
	if err == nil && tag.RowsAffected() == 0 {
		err = fmt.Errorf("document %s: %w", st.DocID, store.ErrNotFound)
	}
	return err
}

// State returns an annotator's state of a document (todo when there is none).
func (s *Store) State(ctx context.Context, docID, annotator string) (labels.DocState, error) {
	var exists bool
	if err := s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM documents WHERE id = $1)", docID).Scan(&exists); err != nil {
		return labels.DocState{}, fmt.Errorf("state: %w", classify(err))
	}
	if !exists {
		return labels.DocState{}, fmt.Errorf("state: document %s: %w", docID, store.ErrNotFound)
	}
	st, err := getState(ctx, s.pool, docID, annotator)
	if err != nil {
		return labels.DocState{}, fmt.Errorf("state: %w", classify(err))
	}
	if st == nil {
		return labels.DocState{DocID: docID, Annotator: annotator, Status: labels.StatusTodo}, nil
	}
	return *st, nil
}

func getState(ctx context.Context, q db, docID, annotator string) (*labels.DocState, error) {
	st := labels.DocState{DocID: docID, Annotator: annotator}
	var status, updated string
	err := q.QueryRow(ctx, "SELECT status, note, seconds, updated FROM doc_state WHERE doc_id = $1 AND annotator = $2",
		docID, annotator).Scan(&status, &st.Note, &st.Seconds, &updated)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	st.Status = labels.Status(status)
	if st.Updated, err = store.ParseTime(updated); err != nil {
		return nil, err
	}
	return &st, nil
}

// SetDocStance records an annotator's stance toward a target of the schema.
func (s *Store) SetDocStance(ctx context.Context, ds labels.DocStance) error {
	if err := labels.CheckAnnotator(ds.Annotator); err != nil {
		return fmt.Errorf("set stance: %w", err)
	}
	ds.Updated = s.now()
	err := s.write(ctx, share(ds.Annotator), ds.DocID, func(tx pgx.Tx) error {
		sc, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		if err := store.CheckDocStance(sc, ds); err != nil {
			return err
		}
		before, err := getStance(ctx, tx, ds.DocID, ds.Annotator, ds.Target)
		if err != nil {
			return err
		}
		if err := upsertStance(ctx, tx, ds); err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, ds.Annotator, ds.DocID, labels.ActionStanceSet, before, ds)
	})
	if err != nil {
		return fmt.Errorf("set stance: %w", err)
	}
	return nil
}

func upsertStance(ctx context.Context, tx pgx.Tx, ds labels.DocStance) error {
	tag, err := tx.Exec(ctx, `INSERT INTO doc_stance (doc_id, annotator, target, label, updated)
SELECT id, $1, $2, $3, $4 FROM documents WHERE id = $5
ON CONFLICT (doc_id, annotator, target) DO UPDATE SET label = excluded.label, updated = excluded.updated`,
		ds.Annotator, ds.Target, ds.Label, store.FormatTime(ds.Updated), ds.DocID)
	if err == nil && tag.RowsAffected() == 0 {
		err = fmt.Errorf("document %s: %w", ds.DocID, store.ErrNotFound)
	}
	return err
}

// ClearDocStance removes an annotator's stance toward a target (store.ErrNotFound when none).
func (s *Store) ClearDocStance(ctx context.Context, docID, annotator, target string) error {
	err := s.write(ctx, share(annotator), docID, func(tx pgx.Tx) error {
		before, err := getStance(ctx, tx, docID, annotator, target)
		if err != nil {
			return err
		}
		if before == nil {
			return fmt.Errorf("stance of %q on %s toward %q: %w", annotator, docID, target, store.ErrNotFound)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM doc_stance WHERE doc_id = $1 AND annotator = $2 AND target = $3",
			docID, annotator, target); err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, annotator, docID, labels.ActionStanceClear, before, nil)
	})
	if err != nil {
		return fmt.Errorf("clear stance: %w", err)
	}
	return nil
}

// DocStances returns the stances of a document by one annotator or all, by annotator and target.
func (s *Store) DocStances(ctx context.Context, docID, annotator string) ([]labels.DocStance, error) {
	list, err := stancesOf(ctx, s.pool, docID, annotator, "")
	if err != nil {
		return nil, fmt.Errorf("stances of %s: %w", docID, classify(err))
	}
	return list, nil
}

func getStance(ctx context.Context, q db, docID, annotator, target string) (*labels.DocStance, error) {
	list, err := stancesOf(ctx, q, docID, annotator, target)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return &list[0], nil
}

// stancesOf reads the stances of a document (of one annotator, toward one target, unless "").
func stancesOf(ctx context.Context, q db, docID, annotator, target string) ([]labels.DocStance, error) {
	var list []labels.DocStance
	err := eachRow(ctx, q, `SELECT doc_id, annotator, target, label, updated FROM doc_stance
WHERE doc_id = $1 AND ($2 = '' OR annotator = $2) AND ($3 = '' OR target = $3) ORDER BY annotator, target`,
		[]any{docID, annotator, target}, func(rows pgx.Rows) error {
			ds, err := scanStance(rows)
			list = append(list, ds)
			return err
		})
	return list, err
}

func scanStance(rows pgx.Rows) (labels.DocStance, error) {
	var ds labels.DocStance
	var updated string
	if err := rows.Scan(&ds.DocID, &ds.Annotator, &ds.Target, &ds.Label, &updated); err != nil {
		return ds, err
	}
	var err error
	ds.Updated, err = store.ParseTime(updated)
	return ds, err
}

// StanceKeys returns, for every document with a document stance, its sorted, distinct
// "target=label" pairs joined by ",": what a stratified split groups it by.
func (s *Store) StanceKeys(ctx context.Context, annotator string) (map[string]string, error) {
	keys := map[string]string{}
	err := eachRow(ctx, s.pool, `SELECT doc_id, string_agg(DISTINCT target || '=' || label, ',' ORDER BY target || '=' || label)
FROM doc_stance WHERE $1 = '' OR annotator = $1 GROUP BY doc_id`, []any{annotator}, func(rows pgx.Rows) error {
		var doc, key string
		err := rows.Scan(&doc, &key)
		keys[doc] = key
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("stance keys: %w", classify(err))
	}
	return keys, nil
}
