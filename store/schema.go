package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tawsim/tawsim/labels"
)

// Schema returns the project's label schema. A fresh project has an empty flat schema.
func (s *Store) Schema(ctx context.Context) (labels.Schema, error) {
	sc, err := loadSchema(ctx, s.r)
	if err != nil {
		return labels.Schema{}, fmt.Errorf("schema: %w", err)
	}
	return sc, nil
}

// SetSchema validates sc and makes it the project's schema. It refuses a schema that drops
// an entity or stance label still used by a span or document stance (the error wraps
// labels.ErrUnknownLabel), a stance target still used (it wraps labels.ErrUnknownTarget and
// labels.ErrUnknownLabel), or a nesting rule that stored entity spans break
// (labels.ErrOverlap). An empty Nesting means flat.
func (s *Store) SetSchema(ctx context.Context, annotator string, sc labels.Schema) error {
	sc, err := CheckNewSchema(annotator, sc)
	if err != nil {
		return fmt.Errorf("set schema: %w", err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := checkSchemaFits(ctx, tx, sc); err != nil {
			return err
		}
		return s.writeSchema(ctx, tx, annotator, sc)
	})
	if err != nil {
		return fmt.Errorf("set schema: %w", err)
	}
	return nil
}

// CheckNewSchema checks a schema that annotator gives as SetSchema does (an annotator's name,
// labels.Schema.Validate) and returns it, an empty Nesting made flat.
func CheckNewSchema(annotator string, sc labels.Schema) (labels.Schema, error) {
	if err := labels.CheckAnnotator(annotator); err != nil {
		return labels.Schema{}, err
	}
	if sc.Nesting == "" {
		sc.Nesting = labels.NestingFlat
	}
	if err := sc.Validate(); err != nil {
		return labels.Schema{}, err
	}
	return sc, nil
}

// writeSchema stores sc inside tx and logs it.
func (s *Store) writeSchema(ctx context.Context, tx *sql.Tx, annotator string, sc labels.Schema) error {
	if err := sc.Validate(); err != nil {
		return err
	}
	old, err := loadSchema(ctx, tx)
	if err != nil {
		return err
	}
	data, err := json.Marshal(sc)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx,
		"INSERT INTO schema (id, json, annotator, updated) VALUES (1, ?, ?, ?) "+
			"ON CONFLICT (id) DO UPDATE SET json = excluded.json, annotator = excluded.annotator, updated = excluded.updated",
		string(data), annotator, formatTime(s.now()))
	if err != nil {
		return err
	}
	return s.appendEvent(ctx, tx, annotator, "", labels.ActionSchemaSet, old, sc)
}

// loadSchema reads the schema row through q.
func loadSchema(ctx context.Context, q queryer) (labels.Schema, error) {
	var data string
	err := q.QueryRowContext(ctx, "SELECT json FROM schema WHERE id = 1").Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return labels.Schema{Nesting: labels.NestingFlat}, nil
	}
	if err != nil {
		return labels.Schema{}, err
	}
	var sc labels.Schema
	if err := json.Unmarshal([]byte(data), &sc); err != nil {
		return labels.Schema{}, fmt.Errorf("stored schema: %w", err)
	}
	if sc.Nesting == "" {
		sc.Nesting = labels.NestingFlat
	}
	return sc, nil
}

// inUseError says that a new schema drops a label or target that annotations still use.
type inUseError struct {
	what, name string
	n          int
	is         []error
}

func (e *inUseError) Error() string {
	return fmt.Sprintf("%s %q is used by %d annotation(s), and the new schema drops it", e.what, e.name, e.n)
}

func (e *inUseError) Unwrap() []error { return e.is }

// checkSchemaFits refuses sc when stored spans or document stances use what it drops, or
// when stored entity spans break its nesting rule.
// Each check reads every annotation, so it runs only when sc drops something of the stored
// schema or makes its nesting stricter: what the stored schema allowed is all there is.
func checkSchemaFits(ctx context.Context, tx *sql.Tx, sc labels.Schema) error {
	old, err := loadSchema(ctx, tx)
	if err != nil {
		return err
	}
	if !keepsAll(old, sc) {
		if err := checkLabelsKept(ctx, tx, sc); err != nil {
			return err
		}
		if err := checkTargetsKept(ctx, tx, sc); err != nil {
			return err
		}
	}
	if nestingRank[sc.Nesting] < nestingRank[old.Nesting] || old.SameRange && !sc.SameRange {
		return checkNesting(ctx, tx, sc)
	}
	return nil
}

// nestingRank orders the nesting rules from the strictest.
var nestingRank = map[labels.Nesting]int{labels.NestingFlat: 0, labels.NestingNested: 1, labels.NestingOverlap: 2}

// keepsAll reports whether sc has every entity label, stance label and target of old.
func keepsAll(old, sc labels.Schema) bool {
	for _, l := range old.Entities {
		if _, ok := sc.Entity(l.Name); !ok {
			return false
		}
	}
	for _, l := range old.StanceLabels {
		if _, ok := sc.Stance(l.Name); !ok {
			return false
		}
	}
	for _, t := range old.Targets {
		if _, ok := sc.Target(t.ID); !ok {
			return false
		}
	}
	return true
}

// usedLabels counts the annotations per (kind, label) in use.
const usedLabels = `SELECT kind, label, count(*) FROM spans GROUP BY kind, label
UNION ALL SELECT 'stance', label, count(*) FROM doc_stance GROUP BY label`

// checkLabelsKept refuses sc when it drops a label that is in use.
func checkLabelsKept(ctx context.Context, tx *sql.Tx, sc labels.Schema) error {
	rows, err := tx.QueryContext(ctx, usedLabels)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var kind, label string
		var n int
		if err := rows.Scan(&kind, &label, &n); err != nil {
			return err
		}
		if err := LabelKept(sc, kind, label, n); err != nil {
			return err
		}
	}
	return rows.Err()
}

// usedTargets counts the annotations per stance target in use.
const usedTargets = `SELECT target, count(*) FROM (
    SELECT target FROM spans WHERE kind = 'stance' UNION ALL SELECT target FROM doc_stance)
GROUP BY target`

// checkTargetsKept refuses sc when it drops a stance target that is in use.
func checkTargetsKept(ctx context.Context, tx *sql.Tx, sc labels.Schema) error {
	rows, err := tx.QueryContext(ctx, usedTargets)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var target string
		var n int
		if err := rows.Scan(&target, &n); err != nil {
			return err
		}
		if err := TargetKept(sc, target, n); err != nil {
			return err
		}
	}
	return rows.Err()
}

// checkNesting refuses a nesting rule (sc's Nesting and SameRange) that stored entity spans
// break: it validates each (document, annotator) set of spans under the rule, as Check does.
func checkNesting(ctx context.Context, tx *sql.Tx, sc labels.Schema) error {
	if sc.Nesting == labels.NestingOverlap {
		return nil
	}
	return eachSpanSet(ctx, tx, func(docID, annotator string, spans []labels.Span) error {
		return NestingBroken(sc, docID, annotator, spans)
	})
}

// breaksNesting finds two entity spans of a set, in stored order, that sc's rule forbids
// (labels.Schema.Conflict): any overlap when flat; when nested, a crossing, or the same range
// twice without SameRange.
func breaksNesting(spans []labels.Span, sc labels.Schema) (labels.Span, labels.Span, bool) {
	for i, a := range spans {
		if a.Kind != labels.KindEntity {
			continue
		}
		for _, b := range spans[i+1:] {
			if b.Start >= a.End {
				break
			}
			if b.Kind != labels.KindEntity {
				continue
			}
			if sc.Conflict(a, b) != nil {
				return a, b, true
			}
		}
	}
	return labels.Span{}, labels.Span{}, false
}
