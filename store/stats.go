package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tawsim/tawsim/labels"
)

// Stats sums up a project, for one annotator or for all.
type Stats struct {
	Documents  int      `json:"documents"`
	Annotators []string `json:"annotators"` // everyone who has a span, state or stance, sorted
	// Status counts documents per status for the annotator (every status is present, todo
	// including the documents without state). For all annotators it counts (document,
	// annotator) pairs over Annotators, or the documents when there are no annotators yet.
	Status       map[labels.Status]int     `json:"status"`
	EntityLabels map[string]int            `json:"entity_labels"` // entity spans per label
	StanceLabels map[string]int            `json:"stance_labels"` // stance spans per label
	Spans        int                       `json:"spans"`
	DocStances   map[string]map[string]int `json:"document_stance"` // target id → label → documents
	StanceSpans  map[string]map[string]int `json:"stance_spans"`    // target id → label → evidence spans
	// TargetNames maps the id of every target of the schema to its name, for the keys above.
	TargetNames map[string]string `json:"target_names"`
	// Damaged lists the rows of spans that cannot be read, left out of the counts above
	// (Check says more about each).
	Damaged []DamagedRow `json:"damaged,omitempty"`
}

// DamagedRow names one annotator's spans of one document that cannot be read, and why.
type DamagedRow struct {
	DocID      string `json:"doc_id"`
	ExternalID string `json:"external_id,omitempty"`
	Annotator  string `json:"annotator"`
	Reason     string `json:"reason"`
}

// Stats counts the project's documents, statuses, spans and stances, for one annotator or,
// when annotator is "", for all; all from one snapshot.
func (s *Store) Stats(ctx context.Context, annotator string) (Stats, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	defer tx.Rollback()
	st := Stats{
		Status:       map[labels.Status]int{},
		EntityLabels: map[string]int{},
		StanceLabels: map[string]int{},
		DocStances:   map[string]map[string]int{},
		StanceSpans:  map[string]map[string]int{},
		TargetNames:  map[string]string{},
	}
	for _, step := range []func(context.Context, *sql.Tx, string, *Stats) error{
		countDocuments, listAnnotators, countStatus, countSpans, countDocStances, nameTargets,
	} {
		if err := step(ctx, tx, annotator, &st); err != nil {
			return Stats{}, fmt.Errorf("stats: %w", err)
		}
	}
	return st, nil
}

// countDocuments fills Documents.
func countDocuments(ctx context.Context, tx *sql.Tx, _ string, st *Stats) error {
	return tx.QueryRowContext(ctx, "SELECT count(*) FROM documents").Scan(&st.Documents)
}

// listAnnotators fills Annotators.
func listAnnotators(ctx context.Context, tx *sql.Tx, _ string, st *Stats) error {
	return eachRow(ctx, tx, `SELECT annotator FROM span_sets UNION SELECT annotator FROM doc_state
UNION SELECT annotator FROM doc_stance ORDER BY 1`, nil, func(rows *sql.Rows) error {
		var a string
		if err := rows.Scan(&a); err != nil {
			return err
		}
		st.Annotators = append(st.Annotators, a)
		return nil
	})
}

// countStatus fills Status; it needs Documents and Annotators.
func countStatus(ctx context.Context, tx *sql.Tx, annotator string, st *Stats) error {
	for _, s := range labels.Statuses {
		st.Status[s] = 0
	}
	pairs := st.Documents
	if annotator == "" {
		pairs *= max(1, len(st.Annotators))
	}
	moved := 0
	err := eachRow(ctx, tx, "SELECT status, count(*) FROM doc_state WHERE (? = '' OR annotator = ?) AND status <> 'todo' GROUP BY status",
		[]any{annotator, annotator}, func(rows *sql.Rows) error {
			var s string
			var n int
			if err := rows.Scan(&s, &n); err != nil {
				return err
			}
			st.Status[labels.Status(s)] += n
			moved += n
			return nil
		})
	st.Status[labels.StatusTodo] = pairs - moved
	return err
}

// countSpans fills Spans, EntityLabels, StanceLabels and StanceSpans from every row of spans
// that reads as the format says; the others are listed in Damaged and left out.
func countSpans(ctx context.Context, tx *sql.Tx, annotator string, st *Stats) error {
	var list []decodedSpan
	return eachRow(ctx, tx, `SELECT s.doc_id, coalesce(d.external_id, ''), s.annotator, s.spans
FROM span_sets s LEFT JOIN documents d ON d.id = s.doc_id
WHERE (? = '' OR s.annotator = ?) ORDER BY s.doc_id, s.annotator`,
		[]any{annotator, annotator}, func(rows *sql.Rows) error {
			var row DamagedRow
			var data sql.RawBytes // decoded before the next row: no copy
			if err := rows.Scan(&row.DocID, &row.ExternalID, &row.Annotator, &data); err != nil {
				return err
			}
			var err error
			if list, err = decodeStored(data, list); err != nil {
				row.Reason = err.Error()
				st.Damaged = append(st.Damaged, row)
				return nil
			}
			for i := range list {
				st.countSpan(&list[i])
			}
			return nil
		})
}

// countSpan adds one span to the counts.
func (st *Stats) countSpan(e *decodedSpan) {
	st.Spans++
	switch labels.Kind(e.Kind) {
	case labels.KindEntity:
		st.EntityLabels[e.Label]++
	case labels.KindStance:
		st.StanceLabels[e.Label]++
		if st.StanceSpans[e.Target] == nil {
			st.StanceSpans[e.Target] = map[string]int{}
		}
		st.StanceSpans[e.Target][e.Label]++
	}
}

// countDocStances fills DocStances.
func countDocStances(ctx context.Context, tx *sql.Tx, annotator string, st *Stats) error {
	return eachRow(ctx, tx, "SELECT target, label, count(*) FROM doc_stance WHERE (? = '' OR annotator = ?) GROUP BY target, label",
		[]any{annotator, annotator}, func(rows *sql.Rows) error {
			var target, label string
			var n int
			if err := rows.Scan(&target, &label, &n); err != nil {
				return err
			}
			if st.DocStances[target] == nil {
				st.DocStances[target] = map[string]int{}
			}
			st.DocStances[target][label] = n
			return nil
		})
}

// nameTargets fills TargetNames from the schema.
func nameTargets(ctx context.Context, tx *sql.Tx, _ string, st *Stats) error {
	sc, err := loadSchema(ctx, tx)
	if err != nil {
		return err
	}
	for _, t := range sc.Targets {
		st.TargetNames[t.ID] = t.Name
	}
	return nil
}

// eachRow runs query and calls fn for every row.
func eachRow(ctx context.Context, q queryer, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
