package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

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
	// Suggestions counts, per source, the suggestions stored and the annotator's (everyone's)
	// decisions on them.
	Suggestions map[string]*SourceStats `json:"suggestions"`
}

// Stats counts the project's documents, statuses, spans and stances, for one annotator or,
// when annotator is "", for all; all from one snapshot. It reads the counts that every write
// keeps (migrations/0004_counts.sql), so it takes the same time on any size of project.
func (s *Store) Stats(ctx context.Context, annotator string) (Stats, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	defer tx.Rollback()
	documents, rows, sc, err := readCountRows(ctx, tx)
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return StatsOf(documents, annotator, rows, sc), nil
}

// readCountRows reads, in tx, the number of documents, the counts (rows at 0 left out) and
// the schema: what StatsOf and ProgressOf sum up.
func readCountRows(ctx context.Context, tx *sql.Tx) (int, []CountRow, labels.Schema, error) {
	var documents int
	if err := tx.QueryRowContext(ctx, lastOrder).Scan(&documents); err != nil {
		return 0, nil, labels.Schema{}, err
	}
	var rows []CountRow
	err := eachRow(ctx, tx, "SELECT annotator, what, key, n FROM counts WHERE n <> 0", nil, func(r *sql.Rows) error {
		var c CountRow
		err := r.Scan(&c.Annotator, &c.What, &c.Key, &c.N)
		rows = append(rows, c)
		return err
	})
	if err != nil {
		return 0, nil, labels.Schema{}, err
	}
	sc, err := loadSchema(ctx, tx)
	if err != nil {
		return 0, nil, labels.Schema{}, err
	}
	return documents, rows, sc, nil
}

// lastOrder reads the number of documents: their orders run 1..N without gaps (documents are
// never deleted), and the last one is read from the end of the table's B-tree, where a
// count(*) reads every row of an index (seconds on a million documents, cold).
const lastOrder = "SELECT coalesce(max(ord), 0) FROM documents"

// unitSep joins the parts of a count's key (see migrations/0004_counts.sql).
const unitSep = "\x1f"

// add counts n of one key of the counts table; moved sums the statuses past todo.
func (st *Stats) add(what, key string, n int, moved *int) {
	switch what {
	case "status":
		if labels.Status(key) != labels.StatusTodo {
			st.Status[labels.Status(key)] += n
			*moved += n
		}
	case "span":
		parts := strings.SplitN(key, unitSep, 3)
		if len(parts) != 3 {
			return
		}
		kind, target, label := labels.Kind(parts[0]), parts[1], parts[2]
		st.Spans += n
		switch kind {
		case labels.KindEntity:
			st.EntityLabels[label] += n
		case labels.KindStance:
			st.StanceLabels[label] += n
			addTo(st.StanceSpans, target, label, n)
		}
	case "stance":
		target, label, ok := strings.Cut(key, unitSep)
		if ok {
			addTo(st.DocStances, target, label, n)
		}
	case "suggestions", "decision":
		st.addSuggestions(what, key, n)
	}
}

// addTo adds n to m[target][label].
func addTo(m map[string]map[string]int, target, label string, n int) {
	if m[target] == nil {
		m[target] = map[string]int{}
	}
	m[target][label] += n
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

// column runs query, whose rows have one column, and returns its values in order.
func column[T any](ctx context.Context, q queryer, query string, args ...any) ([]T, error) {
	var out []T
	err := eachRow(ctx, q, query, args, func(rows *sql.Rows) error {
		var v T
		if err := rows.Scan(&v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
