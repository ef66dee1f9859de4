package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

var _ store.Assigner = (*Store)(nil)

// metaLease is the meta key of the queue's lease, in seconds.
const metaLease = "assign.lease"

// Assign puts every document of the project into the assignment queue perDocument times
// (the slots a document lacks; slots are never taken away) and sets how long a slot is held
// for an annotator who took it and has not finished the document. It returns the slots added.
func (s *Store) Assign(ctx context.Context, perDocument int, lease time.Duration) (int, error) {
	if perDocument < 1 {
		return 0, fmt.Errorf("assign: %d annotators per document: at least 1", perDocument)
	}
	if lease < time.Second {
		return 0, fmt.Errorf("assign: a lease of %s is too short", lease)
	}
	var added int64
	err := s.write(ctx, locks{documents: true}, "", func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO assignments (doc_id, slot, ord)
SELECT d.id, n, d.ord FROM documents d, generate_series(1, $1::int) n ON CONFLICT DO NOTHING`, perDocument)
		if err != nil {
			return err
		}
		added = tag.RowsAffected()
		_, err = tx.Exec(ctx, `INSERT INTO meta (key, value) VALUES ($1, $2)
ON CONFLICT (key) DO UPDATE SET value = excluded.value`, metaLease, strconv.Itoa(int(lease/time.Second)))
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("assign: %w", err)
	}
	return int(added), nil
}

// NextAssigned hands annotator the next document of the assignment queue: the one they hold
// and have not finished, else the first free slot (or one whose lease ran out) of a
// document they hold no slot of and have not finished, taken with FOR UPDATE SKIP LOCKED so
// that two annotators asking at once get two slots. It returns "" when the project has no
// queue or nothing is left for them.
func (s *Store) NextAssigned(ctx context.Context, annotator string) (string, error) {
	if err := labels.CheckAnnotator(annotator); err != nil {
		return "", fmt.Errorf("next assigned: %w", err)
	}
	var docID string
	err := s.write(ctx, locks{annotators: []string{annotator}}, "", func(tx pgx.Tx) error {
		docID = ""
		var lease string
		err := tx.QueryRow(ctx, "SELECT value FROM meta WHERE key = $1", metaLease).Scan(&lease)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil // no queue
		}
		if err != nil {
			return err
		}
		secs, _ := strconv.Atoi(lease)
		err = tx.QueryRow(ctx, `UPDATE assignments SET lease_until = now() + make_interval(secs => $2)
WHERE (doc_id, slot) = (SELECT doc_id, slot FROM assignments WHERE annotator = $1 AND NOT done ORDER BY ord LIMIT 1)
RETURNING doc_id`, annotator, secs).Scan(&docID)
		if !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		err = tx.QueryRow(ctx, `WITH free AS (
    SELECT a.doc_id, a.slot FROM assignments a
    WHERE NOT a.done AND (a.annotator = '' OR a.lease_until < now())
      AND NOT EXISTS (SELECT 1 FROM assignments b WHERE b.doc_id = a.doc_id AND b.annotator = $1)
      AND NOT EXISTS (SELECT 1 FROM doc_state st WHERE st.doc_id = a.doc_id AND st.annotator = $1
                      AND st.status NOT IN ('todo', 'in_progress'))
    ORDER BY a.ord, a.slot LIMIT 1 FOR UPDATE SKIP LOCKED)
UPDATE assignments x SET annotator = $1, lease_until = now() + make_interval(secs => $2)
FROM free WHERE x.doc_id = free.doc_id AND x.slot = free.slot RETURNING x.doc_id`, annotator, secs).Scan(&docID)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("next assigned: %w", err)
	}
	return docID, nil
}

// finishAssigned marks the annotator's slot of a document done when their status there says
// they finished it (anything past todo and in progress).
func finishAssigned(ctx context.Context, tx pgx.Tx, st labels.DocState) error {
	done := st.Status != labels.StatusTodo && st.Status != labels.StatusInProgress
	_, err := tx.Exec(ctx, "UPDATE assignments SET done = $3 WHERE doc_id = $1 AND annotator = $2 AND done <> $3",
		st.DocID, st.Annotator, done)
	return err
}
