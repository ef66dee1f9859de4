package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tawsim/tawsim/labels"
)

// Problem is one thing wrong in a project file.
type Problem struct {
	DocID      string // the document concerned, if any
	ExternalID string // its external id, when it has one
	Annotator  string // the annotator whose work is concerned, if any
	SpanID     string // the span concerned, if any
	What       string
}

// String renders a problem on one line: where it is, then what is wrong.
func (p Problem) String() string {
	var where []string
	if p.DocID != "" {
		where = append(where, describeDocID(p.DocID, p.ExternalID))
	}
	if p.Annotator != "" {
		where = append(where, fmt.Sprintf("annotator %q", p.Annotator))
	}
	if p.SpanID != "" {
		where = append(where, "span "+p.SpanID)
	}
	if len(where) == 0 {
		return p.What
	}
	return strings.Join(where, ", ") + ": " + p.What
}

// Check examines the whole file from one snapshot: SQLite's integrity, the tables and triggers
// of its migrations (a step that would read a missing one is not run), foreign key
// checks, every document's text against its hash, length and own tokens, every span against
// its document's text and the schema (labels, targets, nesting), the states and stances
// against the schema, and every suggestion against its document's text. An empty list means the file is sound; the error is for a check that
// could not run.
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	defer tx.Rollback()
	c := &checker{tx: tx, problems: []Problem{}}
	for _, step := range []func(context.Context) error{
		c.integrity, c.objects, c.foreignKeys, c.schema, c.documents, c.spans, c.states, c.stances, c.suggestions, c.counts, c.searchIndexes,
	} {
		if err := step(ctx); err != nil {
			return nil, fmt.Errorf("check: %w", err)
		}
		if c.incomplete {
			break
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
	// incomplete: the file lacks a table or trigger that the steps after objects read
	incomplete bool
}

// report adds a problem of the file as a whole.
func (c *checker) report(format string, args ...any) {
	c.add(Problem{}, format, args...)
}

// add adds a problem at where (its What is made from format and args).
func (c *checker) add(where Problem, format string, args ...any) {
	where.What = fmt.Sprintf(format, args...)
	c.problems = append(c.problems, where)
}

// integrity runs PRAGMA integrity_check.
func (c *checker) integrity(ctx context.Context) error {
	return eachRow(ctx, c.tx, "PRAGMA integrity_check", nil, func(rows *sql.Rows) error {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return err
		}
		if msg != "ok" {
			c.report("integrity: %s", msg)
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
		c.report("foreign key: row %d of %s refers to a missing row of %s", rowid.Int64, table, parent)
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
		c.report("schema: %v", err)
		return nil
	}
	c.sc, c.scOK = sc, true
	return nil
}

// documents checks each text against its hash, length and own tokens.
func (c *checker) documents(ctx context.Context) error {
	return eachRow(ctx, c.tx, "SELECT id, external_id, hash, runes, "+tokensColumns+", text FROM documents ORDER BY ord", nil,
		func(rows *sql.Rows) error {
			var id, ext, hash, text string
			var runes int
			var tokens sql.RawBytes // checked before the next row
			var blob sql.NullBool
			if err := rows.Scan(&id, &ext, &hash, &runes, &tokens, &blob, &text); err != nil {
				return err
			}
			c.document(Problem{DocID: id, ExternalID: ext}, hash, runes, tokens, blob.Bool, text)
			return nil
		})
}

// document checks one document row: tokens and blob are its tokens column as tokensColumns
// reads it.
func (c *checker) document(at Problem, hash string, runes int, tokens []byte, blob bool, text string) {
	if i := invalidUTF8At(text); i >= 0 {
		c.add(at, "invalid UTF-8 at byte %d of the text", i)
	}
	if got := labels.TextHash(text); got != hash {
		c.add(at, "the text's hash is %s, the stored one %s", got, hash)
	}
	n := utf8.RuneCountInString(text)
	if n != runes {
		c.add(at, "the text has %d code points, the stored count is %d", n, runes)
	}
	if _, err := storedTokens(tokens, blob, n); err != nil {
		c.add(at, "%v", err)
	}
}

// spans checks each (document, annotator) array of spans: that it reads as the format says
// (a damaged row is one problem, and the check goes on), is in stored order, holds each ID
// once, and that each span validates as a write would, against the spans of its annotator
// before it in the text (so that an overlap is reported once). Span IDs are also checked to
// be unique across the file.
func (c *checker) spans(ctx context.Context) error {
	err := eachRow(ctx, c.tx, `SELECT s.doc_id, coalesce(d.external_id, ''), s.annotator, s.spans
FROM span_sets s LEFT JOIN documents d ON d.id = s.doc_id ORDER BY s.doc_id, s.annotator`, nil,
		func(rows *sql.Rows) error {
			var at Problem
			var data []byte
			if err := rows.Scan(&at.DocID, &at.ExternalID, &at.Annotator, &data); err != nil {
				return err
			}
			group, err := decodeSpans(data, at.DocID, at.Annotator)
			var d *DamagedError
			if errors.As(err, &d) {
				c.add(at, "the spans are damaged: %v", d.Err)
				return nil
			}
			if err != nil {
				return err
			}
			return c.spanGroup(ctx, at, group)
		})
	if err != nil {
		return err
	}
	return eachRow(ctx, c.tx, `SELECT json_extract(j.value, '$.i'), min(s.doc_id), count(*)
FROM span_sets s, json_each(s.spans) j
WHERE json_valid(s.spans) AND json_type(s.spans) = 'array' AND json_type(j.value, '$.i') = 'text'
GROUP BY 1 HAVING count(*) > 1`, nil,
		func(rows *sql.Rows) error {
			var id, docID string
			var n int
			if err := rows.Scan(&id, &docID, &n); err != nil {
				return err
			}
			c.add(Problem{DocID: docID, SpanID: id}, "the span ID is used %d times", n)
			return nil
		})
}

// spanGroup checks the spans of one annotator in one document (at names them), a group
// that decodeSpans read: never empty.
func (c *checker) spanGroup(ctx context.Context, at Problem, group []labels.Span) error {
	text, err := documentText(ctx, c.tx, at.DocID)
	if err != nil {
		if !errors.Is(err, ErrNotFound) {
			return err
		}
		c.add(at, "%v", err)
		return nil
	}
	if !slices.IsSortedFunc(group, compareSpans) {
		c.add(at, "the spans are out of order")
	}
	x := labels.NewTextIndex(text)
	for i, sp := range group {
		if c.scOK {
			err = c.sc.ValidateSpanIn(x, sp, group[:i])
		} else {
			err = labels.CheckTextIn(x, sp)
		}
		if err != nil {
			spanAt := at
			spanAt.SpanID = sp.ID
			c.add(spanAt, "%v", err)
		}
	}
	return nil
}

// states checks each state's status, and the document order it repeats.
func (c *checker) states(ctx context.Context) error {
	return eachRow(ctx, c.tx, `SELECT st.doc_id, coalesce(d.external_id, ''), st.annotator, st.status, st.ord, coalesce(d.ord, 0)
FROM doc_state st LEFT JOIN documents d ON d.id = st.doc_id`, nil, func(rows *sql.Rows) error {
		var at Problem
		var status string
		var ord, docOrd int64
		if err := rows.Scan(&at.DocID, &at.ExternalID, &at.Annotator, &status, &ord, &docOrd); err != nil {
			return err
		}
		if !slices.Contains(labels.Statuses, labels.Status(status)) {
			c.add(at, "state: %v: %q", labels.ErrBadStatus, status)
		}
		if ord != docOrd {
			c.add(at, "state: stored order %d, the document's is %d", ord, docOrd)
		}
		return nil
	})
}

// stances checks each document stance against the schema.
func (c *checker) stances(ctx context.Context) error {
	if !c.scOK {
		return nil
	}
	return eachRow(ctx, c.tx, `SELECT t.doc_id, coalesce(d.external_id, ''), t.annotator, t.target, t.label
FROM doc_stance t LEFT JOIN documents d ON d.id = t.doc_id`, nil, func(rows *sql.Rows) error {
		var at Problem
		var target, label string
		if err := rows.Scan(&at.DocID, &at.ExternalID, &at.Annotator, &target, &label); err != nil {
			return err
		}
		if _, ok := c.sc.Stance(label); !ok {
			c.add(at, "stance toward %q: %v: %q", target, labels.ErrUnknownLabel, label)
		}
		if _, ok := c.sc.Target(target); !ok {
			c.add(at, "stance: %v: %q", labels.ErrUnknownTarget, target)
		}
		return nil
	})
}
