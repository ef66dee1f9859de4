package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// ErrExists is wrapped by the refusal of something that the project already has (a stance
// target with that id or name).
var ErrExists = errors.New("already exists")

// AddTarget adds a stance target to the schema, in one transaction logged as a schema.set
// event. ID, Name and NameAr are trimmed; the ID must be non-empty and without white space,
// the Name non-empty. A target whose ID is another's, or whose Name or NameAr equals another
// target's ID, Name or NameAr ignoring case (so that an import naming it could not tell them
// apart), is refused with ErrExists.
func (s *Store) AddTarget(ctx context.Context, annotator string, t labels.Target) error {
	err := s.changeSchema(ctx, annotator, func(sc *labels.Schema) error { return AddTargetTo(sc, t) })
	if err != nil {
		return fmt.Errorf("add target: %w", err)
	}
	return nil
}

// RenameTarget gives the target with the given id a new Name and NameAr (both trimmed; the
// name must be non-empty, an empty nameAr clears it), in one transaction logged as a
// schema.set event. Annotations refer to a target by its id, which a rename keeps: every
// document stance and evidence span stays with the target, and exports write the new name.
// An unknown id is ErrNotFound (and labels.ErrUnknownTarget); a name that another target
// already uses is ErrExists.
func (s *Store) RenameTarget(ctx context.Context, annotator, id, name, nameAr string) error {
	err := s.changeSchema(ctx, annotator, func(sc *labels.Schema) error { return RenameTargetIn(sc, id, name, nameAr) })
	if err != nil {
		return fmt.Errorf("rename target: %w", err)
	}
	return nil
}

// changeSchema applies change to the stored schema and stores the result, validated, in one
// transaction, logged as a schema.set event (when change changed something).
func (s *Store) changeSchema(ctx context.Context, annotator string, change func(*labels.Schema) error) error {
	if err := labels.CheckAnnotator(annotator); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		sc := cloneSchema(old)
		if err := change(&sc); err != nil {
			return err
		}
		if err := sc.Validate(); err != nil {
			return err
		}
		if schemaEqual(old, sc) {
			return nil
		}
		return s.writeSchema(ctx, tx, annotator, sc)
	})
}

// targetIndex returns the index of the target with the given id, or -1.
func targetIndex(sc labels.Schema, id string) int {
	for i, t := range sc.Targets {
		if t.ID == id {
			return i
		}
	}
	return -1
}

// namesFree refuses t when its Name is empty, or when its Name or NameAr would also name
// another target than the one with id self.
func namesFree(sc labels.Schema, t labels.Target, self string) error {
	if t.Name == "" {
		return fmt.Errorf("%w: target %q needs a name", labels.ErrBadSchema, t.ID)
	}
	for _, o := range sc.Targets {
		if o.ID == self {
			continue
		}
		for i, mine := range []string{t.ID, t.Name, t.NameAr} {
			if mine == "" || (i == 0 && self != "") {
				continue // a rename keeps the id
			}
			for _, theirs := range []string{o.ID, o.Name, o.NameAr} {
				if strings.EqualFold(strings.TrimSpace(theirs), mine) {
					return fmt.Errorf("%q already names target %q (%s): %w", mine, o.ID, o.Name, ErrExists)
				}
			}
		}
	}
	return nil
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' }

// cloneSchema copies sc so that changing the copy's lists leaves sc alone.
func cloneSchema(sc labels.Schema) labels.Schema {
	sc.Entities = append([]labels.Label(nil), sc.Entities...)
	sc.StanceLabels = append([]labels.Label(nil), sc.StanceLabels...)
	sc.Targets = append([]labels.Target(nil), sc.Targets...)
	return sc
}

// schemaEqual reports whether a and b are the same schema.
func schemaEqual(a, b labels.Schema) bool {
	eq := func(x, y []labels.Label) bool {
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return true
	}
	if a.Nesting != b.Nesting || !eq(a.Entities, b.Entities) || !eq(a.StanceLabels, b.StanceLabels) || len(a.Targets) != len(b.Targets) {
		return false
	}
	for i := range a.Targets {
		if a.Targets[i] != b.Targets[i] {
			return false
		}
	}
	return true
}

// TargetUse counts the annotations that refer to one stance target.
type TargetUse struct {
	DocStances int `json:"document_stances"` // document stances toward it, all annotators
	Spans      int `json:"evidence_spans"`   // stance evidence spans toward it, all annotators
}

// TargetUses counts, for every target id that annotations use, the document stances and the
// evidence spans toward it (by every annotator). Targets nothing uses are absent, and so are
// the spans of rows that are not arrays of objects (Check reports those).
func (s *Store) TargetUses(ctx context.Context) (map[string]TargetUse, error) {
	uses := map[string]TargetUse{}
	err := eachRow(ctx, s.r, `SELECT target, sum(stance), sum(span) FROM (
    SELECT target, 1 AS stance, 0 AS span FROM doc_stance
    UNION ALL SELECT json_extract(j.value, '$.g'), 0, 1
    FROM span_sets s, json_each(CASE WHEN json_valid(s.spans) THEN s.spans ELSE '[]' END) j
    WHERE CASE WHEN j.type = 'object' THEN json_extract(j.value, '$.k') = 'stance' AND json_type(j.value, '$.g') = 'text' END)
GROUP BY target`, nil, func(rows *sql.Rows) error {
		var id string
		var u TargetUse
		if err := rows.Scan(&id, &u.DocStances, &u.Spans); err != nil {
			return err
		}
		uses[id] = u
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("target uses: %w", err)
	}
	return uses, nil
}
