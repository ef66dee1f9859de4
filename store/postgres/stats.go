package postgres

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Stats counts the project's documents, statuses, spans and stances from the counts every
// write keeps, for one annotator or all (""), from one snapshot.
func (s *Store) Stats(ctx context.Context, annotator string) (store.Stats, error) {
	var st store.Stats
	err := s.readCounts(ctx, func(documents int, rows []store.CountRow, sc labels.Schema) error {
		st = store.StatsOf(documents, annotator, rows, sc)
		return nil
	})
	if err != nil {
		return store.Stats{}, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

// Progress reads the project's progress from the counts every write keeps, from one
// snapshot; finished documents are counted by the day, in loc, of their state's last change.
func (s *Store) Progress(ctx context.Context, loc *time.Location) (store.Progress, error) {
	var p store.Progress
	err := s.readCounts(ctx, func(documents int, rows []store.CountRow, sc labels.Schema) (err error) {
		p, err = store.ProgressOf(documents, rows, sc, loc)
		return err
	})
	if err != nil {
		return store.Progress{}, fmt.Errorf("progress: %w", err)
	}
	return p, nil
}

// readCounts reads, from one snapshot, the number of documents, the counts and the schema,
// and gives them to sum, which StatsOf and ProgressOf do.
func (s *Store) readCounts(ctx context.Context, sum func(documents int, rows []store.CountRow, sc labels.Schema) error) error {
	return s.read(ctx, func(tx pgx.Tx) error {
		last, err := lastOrder(ctx, tx)
		if err != nil {
			return err
		}
		sc, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		rows, err := storedCounts(ctx, tx)
		if err != nil {
			return err
		}
		return sum(int(last), rows, sc)
	})
}

// storedCounts reads the counts (rows at 0 left out).
func storedCounts(ctx context.Context, q db) ([]store.CountRow, error) {
	var out []store.CountRow
	err := eachRow(ctx, q, "SELECT annotator, what, key, n FROM counts WHERE n <> 0", nil, func(rows pgx.Rows) error {
		var r store.CountRow
		err := rows.Scan(&r.Annotator, &r.What, &r.Key, &r.N)
		out = append(out, r)
		return err
	})
	return out, err
}

// countRows counts what the counts count, from the rows themselves.
func countRows(ctx context.Context, q db) (map[[3]string]int, error) {
	got := map[[3]string]int{}
	for _, query := range append([]string{
		"SELECT annotator, 'status', status, count(*) FROM doc_state GROUP BY annotator, status",
		"SELECT annotator, 'stance', target || chr(31) || label, count(*) FROM doc_stance GROUP BY 1, 3",
		"SELECT '', 'suggestions', source, sum(n)::bigint FROM suggestion_sets GROUP BY source",
		"SELECT annotator, 'decision', source || chr(31) || decision, count(*) FROM suggestion_decisions GROUP BY 1, 3",
	}, store.ProgressCountQueries()...) {
		err := eachRow(ctx, q, query, nil, func(rows pgx.Rows) error {
			var k [3]string
			var n int
			err := rows.Scan(&k[0], &k[1], &k[2], &n)
			got[k] += n
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	err := eachSet(ctx, q, "", func(_, annotator string, spans []labels.Span) error {
		for _, sp := range spans {
			got[[3]string{annotator, "span", store.SpanCountKey(sp)}]++
		}
		return nil
	})
	return got, err
}

// Recount writes the counts and the label index again from the rows they count.
func (s *Store) Recount(ctx context.Context) error {
	err := s.write(ctx, locks{documents: true, schema: 2}, "", func(tx pgx.Tx) error {
		got, err := countRows(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM counts"); err != nil {
			return err
		}
		for k, n := range got {
			if _, err := tx.Exec(ctx, "INSERT INTO counts (annotator, what, key, n) VALUES ($1, $2, $3, $4)", k[0], k[1], k[2], n); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, "DELETE FROM search_labels"); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO search_labels (label, annotator, ord)
SELECT DISTINCT e->>'l', s.annotator, d.ord FROM span_sets s JOIN documents d ON d.id = s.doc_id,
     jsonb_array_elements(s.spans::jsonb) e ON CONFLICT DO NOTHING`)
		return err
	})
	if err != nil {
		return fmt.Errorf("recount: %w", err)
	}
	return nil
}

// Check examines the project from one snapshot: every document's text against its hash and
// length, every span set against its text and the schema, the states and stances against
// the schema, every suggestion set against its text, and the counts against the rows.
func (s *Store) Check(ctx context.Context) ([]store.Problem, error) {
	problems := []store.Problem{}
	err := s.read(ctx, func(tx pgx.Tx) error {
		sc, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		if err := sc.Validate(); err != nil {
			problems = append(problems, store.Problem{What: fmt.Sprintf("the schema: %v", err)})
		}
		c := checker{tx: tx, sc: sc, add: func(p store.Problem) { problems = append(problems, p) }}
		for _, step := range []func(context.Context) error{c.documents, c.spans, c.states, c.suggestions, c.counts} {
			if err := step(ctx); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	return problems, nil
}

type checker struct {
	tx  pgx.Tx
	sc  labels.Schema
	add func(store.Problem)
}

func (c checker) documents(ctx context.Context) error {
	return eachRow(ctx, c.tx, "SELECT id, external_id, hash, runes, tokens, text FROM documents ORDER BY ord", nil, func(rows pgx.Rows) error {
		var id, ext, hash, text string
		var runes int
		var tokens []byte
		if err := rows.Scan(&id, &ext, &hash, &runes, &tokens, &text); err != nil {
			return err
		}
		if labels.TextHash(text) != hash || labels.RuneLen(text) != runes {
			c.add(store.Problem{DocID: id, ExternalID: ext, What: "the text does not match its stored hash or length"})
		}
		if _, err := store.StoredTokens(tokens, labels.RuneLen(text)); err != nil {
			c.add(store.Problem{DocID: id, ExternalID: ext, What: err.Error()})
		}
		return nil
	})
}

func (c checker) spans(ctx context.Context) error {
	texts := map[string]string{}
	return eachRow(ctx, c.tx, `SELECT s.doc_id, d.external_id, d.text, s.annotator, s.spans FROM span_sets s
JOIN documents d ON d.id = s.doc_id ORDER BY d.ord, s.annotator`, nil, func(rows pgx.Rows) error {
		var docID, ext, text, who, data string
		if err := rows.Scan(&docID, &ext, &text, &who, &data); err != nil {
			return err
		}
		clear(texts)
		spans, err := store.DecodeSpans([]byte(data), docID, who)
		if err != nil {
			c.add(store.Problem{DocID: docID, ExternalID: ext, Annotator: who, What: err.Error()})
			return nil
		}
		for i, sp := range spans {
			var others []labels.Span
			for _, o := range spans[:i] {
				if o.Kind == labels.KindEntity && sp.Kind == labels.KindEntity && o.Overlaps(sp) {
					others = append(others, o)
				}
			}
			if err := c.sc.ValidateSpan(text, sp, others); err != nil {
				c.add(store.Problem{DocID: docID, ExternalID: ext, Annotator: who, SpanID: sp.ID, What: err.Error()})
			}
		}
		return nil
	})
}

func (c checker) states(ctx context.Context) error {
	err := eachRow(ctx, c.tx, "SELECT doc_id, annotator, status FROM doc_state ORDER BY ord, annotator", nil, func(rows pgx.Rows) error {
		var docID, who, status string
		if err := rows.Scan(&docID, &who, &status); err != nil {
			return err
		}
		if !slices.Contains(labels.Statuses, labels.Status(status)) {
			c.add(store.Problem{DocID: docID, Annotator: who, What: fmt.Sprintf("unknown status %q", status)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	return eachRow(ctx, c.tx, "SELECT doc_id, annotator, target, label FROM doc_stance ORDER BY doc_id, annotator, target", nil,
		func(rows pgx.Rows) error {
			var docID, who, target, label string
			if err := rows.Scan(&docID, &who, &target, &label); err != nil {
				return err
			}
			_, okT := c.sc.Target(target)
			_, okL := c.sc.Stance(label)
			if !okT || !okL {
				c.add(store.Problem{DocID: docID, Annotator: who, What: fmt.Sprintf("stance %s toward %q is not in the schema", label, target)})
			}
			return nil
		})
}

func (c checker) suggestions(ctx context.Context) error {
	return eachRow(ctx, c.tx, `SELECT s.doc_id, d.text, s.source, s.items FROM suggestion_sets s JOIN documents d ON d.id = s.doc_id
ORDER BY d.ord, s.source`, nil, func(rows pgx.Rows) error {
		var docID, text, source, data string
		if err := rows.Scan(&docID, &text, &source, &data); err != nil {
			return err
		}
		x := labels.NewTextIndex(text)
		sgs, err := store.DecodeSuggestions([]byte(data), docID, source, x)
		if err == nil {
			for _, g := range sgs {
				if err = g.Check(x); err != nil {
					break
				}
			}
		}
		if err != nil {
			c.add(store.Problem{DocID: docID, What: fmt.Sprintf("suggestions of %q: %v", source, err)})
		}
		return nil
	})
}

func (c checker) counts(ctx context.Context) error {
	got, err := countRows(ctx, c.tx)
	if err != nil {
		return err
	}
	rows, err := storedCounts(ctx, c.tx)
	if err != nil {
		return err
	}
	kept := map[[3]string]int{}
	for _, r := range rows {
		kept[[3]string{r.Annotator, r.What, r.Key}] = r.N
	}
	keys := slices.Collect(maps.Keys(got))
	for k := range kept {
		if _, ok := got[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b [3]string) int { return slices.Compare(a[:], b[:]) })
	for _, k := range keys {
		if got[k] != kept[k] {
			c.add(store.Problem{Annotator: k[0], What: fmt.Sprintf("the count of %s %q is %d, the rows hold %d (check --recount)", k[1], k[2], kept[k], got[k])})
		}
	}
	return nil
}
