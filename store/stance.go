package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// SetDocStance records an annotator's stance label for a document toward a target,
// replacing the one there was; Updated becomes now. The label must be a stance label of the
// schema (labels.ErrUnknownLabel) and the target one of its targets (labels.ErrUnknownTarget);
// a missing document is ErrNotFound.
func (s *Store) SetDocStance(ctx context.Context, ds labels.DocStance) error {
	if err := labels.CheckAnnotator(ds.Annotator); err != nil {
		return fmt.Errorf("set stance: %w", err)
	}
	ds.Updated = s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		sc, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		if err := CheckDocStance(sc, ds); err != nil {
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

// upsertStance writes a doc_stance row; it is ErrNotFound when the document does not exist.
func upsertStance(ctx context.Context, tx *sql.Tx, ds labels.DocStance) error {
	r, err := tx.ExecContext(ctx, `INSERT INTO doc_stance (doc_id, annotator, target, label, updated)
SELECT id, ?, ?, ?, ? FROM documents WHERE id = ?
ON CONFLICT (doc_id, annotator, target) DO UPDATE SET label = excluded.label, updated = excluded.updated`,
		ds.Annotator, ds.Target, ds.Label, formatTime(ds.Updated), ds.DocID)
	return documentWritten(r, err, ds.DocID)
}

// ClearDocStance removes an annotator's stance for a document toward a target (ErrNotFound
// when there is none).
func (s *Store) ClearDocStance(ctx context.Context, docID, annotator, target string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		before, err := getStance(ctx, tx, docID, annotator, target)
		if err != nil {
			return err
		}
		if before == nil {
			return fmt.Errorf("stance of %q on %s toward %q: %w", annotator, docID, target, ErrNotFound)
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM doc_stance WHERE doc_id = ? AND annotator = ? AND target = ?",
			docID, annotator, target)
		if err != nil {
			return err
		}
		return s.appendEvent(ctx, tx, annotator, docID, labels.ActionStanceClear, before, nil)
	})
	if err != nil {
		return fmt.Errorf("clear stance: %w", err)
	}
	return nil
}

// DocStances returns the stances of a document by one annotator, or by all when annotator
// is "", ordered by annotator and target.
func (s *Store) DocStances(ctx context.Context, docID, annotator string) ([]labels.DocStance, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT doc_id, annotator, target, label, updated FROM doc_stance
WHERE doc_id = ? AND (? = '' OR annotator = ?) ORDER BY annotator, target`, docID, annotator, annotator)
	if err != nil {
		return nil, fmt.Errorf("stances of %s: %w", docID, err)
	}
	defer rows.Close()
	var list []labels.DocStance
	for rows.Next() {
		ds, err := scanStance(rows)
		if err != nil {
			return nil, fmt.Errorf("stances of %s: %w", docID, err)
		}
		list = append(list, ds)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stances of %s: %w", docID, err)
	}
	return list, nil
}

// getStance reads one doc_stance row, nil when there is none.
func getStance(ctx context.Context, q queryer, docID, annotator, target string) (*labels.DocStance, error) {
	rows, err := q.QueryContext(ctx, `SELECT doc_id, annotator, target, label, updated FROM doc_stance
WHERE doc_id = ? AND annotator = ? AND target = ?`, docID, annotator, target)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	ds, err := scanStance(rows)
	if err != nil {
		return nil, err
	}
	return &ds, nil
}

// scanStance reads one doc_stance row.
func scanStance(rows *sql.Rows) (labels.DocStance, error) {
	var ds labels.DocStance
	var updated string
	if err := rows.Scan(&ds.DocID, &ds.Annotator, &ds.Target, &ds.Label, &updated); err != nil {
		return ds, err
	}
	var err error
	ds.Updated, err = parseTime(updated)
	return ds, err
}

// StanceKeys returns, for every document with a document stance (by the annotator, or by
// anyone when annotator is ""), the key a stratified split groups it by: its sorted, distinct
// "target=label" pairs (target ids) joined by ",", such as "covid-vaccine=AGAINST,lna=FAVOR".
// Documents without stance are absent (their key is ""). One pass over the stance table in
// document order; equal keys share one string, so the map costs little more than the ids.
func (s *Store) StanceKeys(ctx context.Context, annotator string) (map[string]string, error) {
	keys := map[string]string{}
	intern := map[string]string{}
	var doc string
	var pairs []string
	flush := func() {
		if doc == "" {
			return
		}
		k := strings.Join(pairs, ",")
		if v, ok := intern[k]; ok {
			k = v
		} else {
			intern[k] = k
		}
		keys[doc] = k
	}
	err := eachRow(ctx, s.r, `SELECT DISTINCT doc_id, target || '=' || label FROM doc_stance
WHERE (? = '' OR annotator = ?) ORDER BY doc_id, 2`, []any{annotator, annotator}, func(rows *sql.Rows) error {
		var d, pair string
		if err := rows.Scan(&d, &pair); err != nil {
			return err
		}
		if d != doc {
			flush()
			doc, pairs = d, pairs[:0]
		}
		pairs = append(pairs, pair)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stance keys: %w", err)
	}
	flush()
	return keys, nil
}

// CheckDocStance checks a document stance against sc as SetDocStance does: its label must be
// a stance label of sc (labels.ErrUnknownLabel) and its target one of sc's targets
// (labels.ErrUnknownTarget).
func CheckDocStance(sc labels.Schema, ds labels.DocStance) error {
	if _, ok := sc.Stance(ds.Label); !ok {
		return fmt.Errorf("%w: stance label %q", labels.ErrUnknownLabel, ds.Label)
	}
	if _, ok := sc.Target(ds.Target); !ok {
		return fmt.Errorf("%w: %q", labels.ErrUnknownTarget, ds.Target)
	}
	return nil
}
