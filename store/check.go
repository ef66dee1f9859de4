package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/tawsim/tawsim/labels"
)

// Problem is one thing wrong in a project file.
type Problem struct {
	DocID  string // the document concerned, if any
	SpanID string // the span concerned, if any
	What   string
}

// String renders a problem on one line.
func (p Problem) String() string {
	switch {
	case p.SpanID != "":
		return fmt.Sprintf("span %s of document %s: %s", p.SpanID, p.DocID, p.What)
	case p.DocID != "":
		return fmt.Sprintf("document %s: %s", p.DocID, p.What)
	}
	return p.What
}

// Check examines the whole file from one snapshot: SQLite's integrity and foreign key
// checks, every document's text against its hash, length and own tokens, every span against
// its document's text and the schema (labels, targets, nesting), and the states and stances
// against the schema. An empty list means the file is sound; the error is for a check that
// could not run.
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	defer tx.Rollback()
	c := &checker{tx: tx, problems: []Problem{}}
	for _, step := range []func(context.Context) error{
		c.integrity, c.foreignKeys, c.schema, c.documents, c.spans, c.states, c.stances,
	} {
		if err := step(ctx); err != nil {
			return nil, fmt.Errorf("check: %w", err)
		}
	}
	return c.problems, nil
}

// checker gathers problems through one read transaction.
type checker struct {
	tx       *sql.Tx
	sc       labels.Schema
	scOK     bool
	problems []Problem
}

func (c *checker) report(docID, spanID, format string, args ...any) {
	c.problems = append(c.problems, Problem{DocID: docID, SpanID: spanID, What: fmt.Sprintf(format, args...)})
}

// integrity runs PRAGMA integrity_check.
func (c *checker) integrity(ctx context.Context) error {
	return eachRow(ctx, c.tx, "PRAGMA integrity_check", nil, func(rows *sql.Rows) error {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return err
		}
		if msg != "ok" {
			c.report("", "", "integrity: %s", msg)
		}
		return nil
	})
}

// foreignKeys runs PRAGMA foreign_key_check.
func (c *checker) foreignKeys(ctx context.Context) error {
	return eachRow(ctx, c.tx, "PRAGMA foreign_key_check", nil, func(rows *sql.Rows) error {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return err
		}
		c.report("", "", "foreign key: row %d of %s refers to a missing row of %s", rowid.Int64, table, parent)
		return nil
	})
}

// schema reads the stored schema; a broken one is a problem, and the later checks then
// check texts only.
func (c *checker) schema(ctx context.Context) error {
	sc, err := loadSchema(ctx, c.tx)
	if err == nil {
		err = sc.Validate()
	}
	if err != nil {
		c.report("", "", "schema: %v", err)
		return nil
	}
	c.sc, c.scOK = sc, true
	return nil
}

// documents checks each text against its hash, length and own tokens.
func (c *checker) documents(ctx context.Context) error {
	return eachRow(ctx, c.tx, "SELECT id, hash, runes, tokens, text FROM documents ORDER BY ord", nil,
		func(rows *sql.Rows) error {
			var id, hash, text string
			var runes int
			var tokens sql.NullString
			if err := rows.Scan(&id, &hash, &runes, &tokens, &text); err != nil {
				return err
			}
			c.document(id, hash, runes, tokens, text)
			return nil
		})
}

// document checks one document row.
func (c *checker) document(id, hash string, runes int, tokens sql.NullString, text string) {
	if at := invalidUTF8At(text); at >= 0 {
		c.report(id, "", "invalid UTF-8 at byte %d of the text", at)
	}
	if got := labels.TextHash(text); got != hash {
		c.report(id, "", "the text's hash is %s, the stored one %s", got, hash)
	}
	n := utf8.RuneCountInString(text)
	if n != runes {
		c.report(id, "", "the text has %d code points, the stored count is %d", n, runes)
	}
	if !tokens.Valid {
		return
	}
	var toks []labels.Offsets
	if err := json.Unmarshal([]byte(tokens.String), &toks); err != nil {
		c.report(id, "", "own tokens: %v", err)
		return
	}
	if err := checkTokens(toks, n); err != nil {
		c.report(id, "", "own tokens: %v", err)
	}
}

// spans checks each (document, annotator) array of spans: that it reads, is in stored order,
// holds each ID once, and that each span validates as a write would, against the spans of
// its annotator before it in the text (so that an overlap is reported once). Span IDs are
// also checked to be unique across the file.
func (c *checker) spans(ctx context.Context) error {
	err := eachRow(ctx, c.tx, "SELECT doc_id, annotator, spans FROM span_sets ORDER BY doc_id, annotator", nil,
		func(rows *sql.Rows) error {
			var docID, annotator string
			var data []byte
			if err := rows.Scan(&docID, &annotator, &data); err != nil {
				return err
			}
			group, err := decodeSpans(data, docID, annotator)
			if err != nil {
				c.report(docID, "", "%v", err)
				return nil
			}
			if len(group) == 0 {
				c.report(docID, "", "an empty list of spans by %q", annotator)
			}
			return c.spanGroup(ctx, group)
		})
	if err != nil {
		return err
	}
	return eachRow(ctx, c.tx, `SELECT json_extract(j.value, '$.i'), min(s.doc_id), count(*)
FROM span_sets s, json_each(s.spans) j WHERE json_valid(s.spans)
GROUP BY 1 HAVING count(*) > 1`, nil,
		func(rows *sql.Rows) error {
			var id, docID string
			var n int
			if err := rows.Scan(&id, &docID, &n); err != nil {
				return err
			}
			c.report(docID, id, "the span ID is used %d times", n)
			return nil
		})
}

// spanGroup checks the spans of one annotator in one document.
func (c *checker) spanGroup(ctx context.Context, group []labels.Span) error {
	docID := group[0].DocID
	text, err := documentText(ctx, c.tx, docID)
	if err != nil {
		for _, sp := range group {
			c.report(docID, sp.ID, "%v", err)
		}
		return nil
	}
	if !slices.IsSortedFunc(group, compareSpans) {
		c.report(docID, "", "the spans by %q are out of order", group[0].Annotator)
	}
	for i, sp := range group {
		if c.scOK {
			err = c.sc.ValidateSpan(text, sp, group[:i])
		} else {
			err = labels.CheckText(text, sp)
		}
		if err != nil {
			c.report(docID, sp.ID, "%v", err)
		}
	}
	return nil
}

// states checks each state's status, and the document order it repeats.
func (c *checker) states(ctx context.Context) error {
	return eachRow(ctx, c.tx, `SELECT st.doc_id, st.annotator, st.status, st.ord, coalesce(d.ord, 0)
FROM doc_state st LEFT JOIN documents d ON d.id = st.doc_id`, nil, func(rows *sql.Rows) error {
		var docID, annotator, status string
		var ord, docOrd int64
		if err := rows.Scan(&docID, &annotator, &status, &ord, &docOrd); err != nil {
			return err
		}
		if !slices.Contains(labels.Statuses, labels.Status(status)) {
			c.report(docID, "", "state of %q: %v: %q", annotator, labels.ErrBadStatus, status)
		}
		if ord != docOrd {
			c.report(docID, "", "state of %q: stored order %d, the document's is %d", annotator, ord, docOrd)
		}
		return nil
	})
}

// stances checks each document stance against the schema.
func (c *checker) stances(ctx context.Context) error {
	if !c.scOK {
		return nil
	}
	return eachRow(ctx, c.tx, "SELECT doc_id, annotator, target, label FROM doc_stance", nil, func(rows *sql.Rows) error {
		var docID, annotator, target, label string
		if err := rows.Scan(&docID, &annotator, &target, &label); err != nil {
			return err
		}
		if _, ok := c.sc.Stance(label); !ok {
			c.report(docID, "", "stance of %q toward %q: %v: %q", annotator, target, labels.ErrUnknownLabel, label)
		}
		if _, ok := c.sc.Target(target); !ok {
			c.report(docID, "", "stance of %q: %v: %q", annotator, labels.ErrUnknownTarget, target)
		}
		return nil
	})
}
