package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tawsim/tawsim/arabic"
)

// The search index (search_text, migrations/0007_search.sql) holds the documents 1..upto. It
// is not written by imports: indexing a news article costs about as much again as importing
// it (its words normalized, then FTS4's own work), which would have made an import twice as
// slow. IndexSearch catches up instead, when a search is about to run or in the background; a
// search meanwhile reads the documents after upto from their texts.

// indexBatch is how many documents, or code points of text, IndexSearch reads at once.
const (
	indexBatchDocs  = 256
	indexBatchRunes = 16 << 20
)

// SearchBehind returns how many documents the search index lacks: those IndexSearch would
// add, which a search meanwhile reads from their texts.
func (s *Store) SearchBehind(ctx context.Context) (int, error) {
	upto, last, err := searchRange(ctx, s.r)
	if err != nil {
		return 0, fmt.Errorf("search index: %w", err)
	}
	return int(last - upto), nil
}

// searchRange returns the last document the search index holds and the last document.
func searchRange(ctx context.Context, q queryer) (upto, last int64, err error) {
	if err = q.QueryRowContext(ctx, "SELECT upto FROM search_state WHERE id = 1").Scan(&upto); err != nil {
		return 0, 0, err
	}
	err = q.QueryRowContext(ctx, lastOrder).Scan(&last)
	return upto, last, err
}

// IndexSearch adds to the search index the documents it lacks, in import order, committing
// every sliceTime of work as a shared import does, so that other writes, the window's own
// among them, wait a slice at most (committing every 2 s instead made no measurable
// difference to its speed), and calls progress, when not nil, with the documents added and
// the number there were to add after each commit. Cancelling ctx stops it after the last
// commit; what it committed stays.
func (s *Store) IndexSearch(ctx context.Context, progress func(done, total int)) error {
	if s.readOnly != "" {
		return fmt.Errorf("search index: %w", readOnlyError(s.readOnly))
	}
	done, total := 0, -1
	for {
		n, left, err := s.indexSlice(ctx)
		if err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		if total < 0 {
			total = n + left
		}
		done += n
		if progress != nil && (n > 0 || left == 0) {
			progress(done, max(total, done))
		}
		if left == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if s.OpenElsewhere() {
			time.Sleep(sliceGap)
		}
	}
}

// indexSlice adds documents to the index in one transaction for a slice of time, and returns
// how many it added and how many are left.
func (s *Store) indexSlice(ctx context.Context) (added, left int, err error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return 0, 0, err
	}
	defer tx.Rollback()
	upto, last, err := searchRange(ctx, tx)
	if err != nil {
		return 0, 0, err
	}
	began := time.Now()
	ins, err := tx.PrepareContext(ctx, "INSERT INTO search_text (docid, terms) VALUES (?, ?)")
	if err != nil {
		return 0, 0, err
	}
	defer ins.Close()
	var terms []byte
	for upto < last && time.Since(began) < sliceTime && ctx.Err() == nil {
		docs, err := indexBatch(ctx, tx, upto)
		if err != nil {
			return 0, 0, err
		}
		for _, d := range docs {
			terms = arabic.AppendSearchTerms(terms[:0], d.text)
			if _, err := ins.ExecContext(ctx, d.ord, terms); err != nil {
				return 0, 0, err
			}
			upto = d.ord
			added++
		}
		if len(terms) > 1<<20 {
			terms = nil // let a large document's terms go
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE search_state SET upto = ? WHERE id = 1", upto); err != nil {
		return 0, 0, err
	}
	return added, int(last - upto), tx.Commit()
}

// indexed is a document to index.
type indexed struct {
	ord  int64
	text string
}

// indexBatch reads the texts of the documents after upto, up to indexBatchDocs of them or
// indexBatchRunes of text (one at least), reading their lengths first from the list's index.
func indexBatch(ctx context.Context, tx *sql.Tx, upto int64) ([]indexed, error) {
	rows, err := tx.QueryContext(ctx, "SELECT ord, runes FROM documents INDEXED BY documents_list WHERE ord > ? ORDER BY ord LIMIT ?",
		upto, indexBatchDocs)
	if err != nil {
		return nil, err
	}
	end, runes := upto, 0
	for rows.Next() {
		var ord int64
		var n int
		if err := rows.Scan(&ord, &n); err != nil {
			rows.Close()
			return nil, err
		}
		if end > upto && runes+n > indexBatchRunes {
			break
		}
		end, runes = ord, runes+n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var docs []indexed
	err = eachRow(ctx, tx, "SELECT ord, text FROM documents WHERE ord > ? AND ord <= ? ORDER BY ord", []any{upto, end},
		func(rows *sql.Rows) error {
			var d indexed
			if err := rows.Scan(&d.ord, &d.text); err != nil {
				return err
			}
			docs = append(docs, d)
			return nil
		})
	return docs, err
}
