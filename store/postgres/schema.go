package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Schema returns the project's label schema.
func (s *Store) Schema(ctx context.Context) (labels.Schema, error) {
	sc, err := loadSchema(ctx, s.pool)
	if err != nil {
		return labels.Schema{}, fmt.Errorf("schema: %w", classify(err))
	}
	return sc, nil
}

func loadSchema(ctx context.Context, q db) (labels.Schema, error) {
	var data string
	err := q.QueryRow(ctx, "SELECT json FROM schema WHERE id = 1").Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return labels.Schema{Nesting: labels.NestingFlat}, nil
	}
	if err != nil {
		return labels.Schema{}, err
	}
	return store.DecodeSchema([]byte(data))
}

// SetSchema validates sc and makes it the project's schema, as the file's store does: a
// schema that drops a label or target in use, or a nesting rule the stored spans break, is
// refused.
func (s *Store) SetSchema(ctx context.Context, annotator string, sc labels.Schema) error {
	sc, err := store.CheckNewSchema(annotator, sc)
	if err != nil {
		return fmt.Errorf("set schema: %w", err)
	}
	err = s.write(ctx, locks{schema: 2}, "", func(tx pgx.Tx) error {
		old, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		if err := checkFits(ctx, tx, old, sc); err != nil {
			return err
		}
		return s.writeSchema(ctx, tx, annotator, old, sc)
	})
	if err != nil {
		return fmt.Errorf("set schema: %w", err)
	}
	return nil
}

// writeSchema stores sc in place of old inside tx and logs it.
func (s *Store) writeSchema(ctx context.Context, tx pgx.Tx, annotator string, old, sc labels.Schema) error {
	if err := sc.Validate(); err != nil {
		return err
	}
	data, err := json.Marshal(sc)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO schema (id, json, annotator, updated) VALUES (1, $1, $2, $3)
ON CONFLICT (id) DO UPDATE SET json = excluded.json, annotator = excluded.annotator, updated = excluded.updated`,
		string(data), annotator, store.FormatTime(s.now()))
	if err != nil {
		return err
	}
	return s.appendEvent(ctx, tx, annotator, "", labels.ActionSchemaSet, old, sc)
}

// checkFits refuses sc when the annotations stored under old use what it drops or break its
// nesting.
func checkFits(ctx context.Context, tx pgx.Tx, old, sc labels.Schema) error {
	drops, stricter := store.SchemaChange(old, sc)
	if drops {
		if err := checkLabelsKept(ctx, tx, sc); err != nil {
			return err
		}
	}
	if !stricter {
		return nil
	}
	return eachSet(ctx, tx, "", func(docID, annotator string, spans []labels.Span) error {
		return store.NestingBroken(sc, docID, annotator, spans)
	})
}

// checkLabelsKept refuses sc when it drops a label or target that annotations use.
func checkLabelsKept(ctx context.Context, tx pgx.Tx, sc labels.Schema) error {
	err := eachRow(ctx, tx, `SELECT e->>'k', e->>'l', count(*) FROM span_sets s, jsonb_array_elements(s.spans::jsonb) e
GROUP BY 1, 2 UNION ALL SELECT 'stance', label, count(*) FROM doc_stance GROUP BY label`, nil, func(rows pgx.Rows) error {
		var kind, label string
		var n int
		if err := rows.Scan(&kind, &label, &n); err != nil {
			return err
		}
		return store.LabelKept(sc, kind, label, n)
	})
	if err != nil {
		return err
	}
	return eachRow(ctx, tx, `SELECT target, count(*) FROM (
    SELECT e->>'g' AS target FROM span_sets s, jsonb_array_elements(s.spans::jsonb) e WHERE e->>'k' = 'stance'
    UNION ALL SELECT target FROM doc_stance) t GROUP BY target`, nil, func(rows pgx.Rows) error {
		var target string
		var n int
		if err := rows.Scan(&target, &n); err != nil {
			return err
		}
		return store.TargetKept(sc, target, n)
	})
}

// changeSchema applies change to the stored schema and stores the result, in one logged
// change (none when change changed nothing).
func (s *Store) changeSchema(ctx context.Context, annotator string, change func(*labels.Schema) error) error {
	if err := labels.CheckAnnotator(annotator); err != nil {
		return err
	}
	return s.write(ctx, locks{schema: 2}, "", func(tx pgx.Tx) error {
		old, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		sc := store.CloneSchema(old)
		if err := change(&sc); err != nil {
			return err
		}
		if err := sc.Validate(); err != nil {
			return err
		}
		if store.SchemaEqual(old, sc) {
			return nil
		}
		return s.writeSchema(ctx, tx, annotator, old, sc)
	})
}

// AddTarget adds a stance target to the schema (store.ErrExists for one that another names).
func (s *Store) AddTarget(ctx context.Context, annotator string, t labels.Target) error {
	if err := s.changeSchema(ctx, annotator, func(sc *labels.Schema) error { return store.AddTargetTo(sc, t) }); err != nil {
		return fmt.Errorf("add target: %w", err)
	}
	return nil
}

// RenameTarget gives a target a new name; annotations keep its id.
func (s *Store) RenameTarget(ctx context.Context, annotator, id, name, nameAr string) error {
	err := s.changeSchema(ctx, annotator, func(sc *labels.Schema) error { return store.RenameTargetIn(sc, id, name, nameAr) })
	if err != nil {
		return fmt.Errorf("rename target: %w", err)
	}
	return nil
}

// AddEntityLabels adds the entity labels the schema lacks, in one logged change.
func (s *Store) AddEntityLabels(ctx context.Context, annotator string, names []string) error {
	err := s.changeSchema(ctx, annotator, func(sc *labels.Schema) error {
		store.AddEntityLabelsTo(sc, names)
		return nil
	})
	if err != nil {
		return fmt.Errorf("add labels: %w", err)
	}
	return nil
}

// TargetUses counts the document stances and evidence spans toward each target in use.
func (s *Store) TargetUses(ctx context.Context) (map[string]store.TargetUse, error) {
	uses := map[string]store.TargetUse{}
	err := eachRow(ctx, s.pool, `SELECT target, sum(stance), sum(span) FROM (
    SELECT target, 1 AS stance, 0 AS span FROM doc_stance
    UNION ALL SELECT e->>'g', 0, 1 FROM span_sets s, jsonb_array_elements(s.spans::jsonb) e
    WHERE e->>'k' = 'stance' AND jsonb_typeof(e->'g') = 'string') t
GROUP BY target`, nil, func(rows pgx.Rows) error {
		var id string
		var u store.TargetUse
		if err := rows.Scan(&id, &u.DocStances, &u.Spans); err != nil {
			return err
		}
		uses[id] = u
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("target uses: %w", classify(err))
	}
	return uses, nil
}

// Meta returns a project setting (store.ErrNotFound when it is not set).
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.pool.QueryRow(ctx, "SELECT value FROM meta WHERE key = $1", key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("meta %q: %w", key, store.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("meta %q: %w", key, classify(err))
	}
	return v, nil
}

// SetMeta sets a project setting (not logged).
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	err := s.write(ctx, locks{}, "", func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO meta (key, value) VALUES ($1, $2)
ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
	if err != nil {
		return fmt.Errorf("set meta %q: %w", key, err)
	}
	return nil
}
