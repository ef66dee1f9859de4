package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// AddDocuments stores a batch of documents in one transaction, all or none, as the file's
// store does: texts already in the project are skipped, orders follow the last.
func (s *Store) AddDocuments(ctx context.Context, docs []labels.Document) (store.AddResult, error) {
	if len(docs) == 0 {
		return store.AddResult{IDs: []string{}}, nil
	}
	rows := make([]store.DocRow, len(docs))
	for i, d := range docs {
		r, err := store.NewDocRow(d)
		if err != nil {
			return store.AddResult{}, fmt.Errorf("add documents: document %d: %w", i+1, err)
		}
		rows[i] = r
	}
	var res store.AddResult
	err := s.write(ctx, locks{documents: true}, "", func(tx pgx.Tx) error {
		res = store.AddResult{IDs: make([]string, len(rows))}
		last, err := lastOrder(ctx, tx)
		if err != nil {
			return err
		}
		first := last + 1
		created := store.FormatTime(s.now())
		for i := range rows {
			id, fresh, err := insertDocument(ctx, tx, rows[i], "", last+1, created)
			if err != nil {
				return err
			}
			res.IDs[i] = id
			if fresh {
				last++
				res.Added++
			} else {
				res.Duplicates++
			}
		}
		if res.Added == 0 {
			return nil
		}
		return s.appendEvent(ctx, tx, "", "", labels.ActionDocumentsAdd, nil, map[string]any{
			"count": res.Added, "duplicates": res.Duplicates, "first": first, "last": last})
	})
	if err != nil {
		return store.AddResult{}, fmt.Errorf("add documents: %w", err)
	}
	return res, nil
}

// lastOrder returns the order of the last document: their number.
func lastOrder(ctx context.Context, q db) (int64, error) {
	var last int64
	err := q.QueryRow(ctx, "SELECT coalesce(max(ord), 0) FROM documents").Scan(&last)
	return last, err
}

// insertDocument inserts row at order ord with id (a new one when id is not a UUID), unless
// its text is in the project: then it returns the id there and false. An id that another
// text has is a *store.RecordError.
func insertDocument(ctx context.Context, tx pgx.Tx, row store.DocRow, id string, ord int64, created string) (string, bool, error) {
	if u, err := uuid.Parse(id); err != nil || u.String() != id {
		u, err := uuid.NewV7()
		if err != nil {
			return "", false, err
		}
		id = u.String()
	}
	d := row.Doc
	var got string
	err := tx.QueryRow(ctx, `INSERT INTO documents (ord, id, external_id, source_file, title, hash, runes, created, metadata, tokens, text)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (hash) DO NOTHING RETURNING id`,
		ord, id, d.ExternalID, d.SourceFile, d.Title, d.Hash, row.Runes, created, row.Metadata, row.Tokens, d.Text).Scan(&got)
	if err == nil {
		return got, true, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		if strings.Contains(err.Error(), "documents_id_key") {
			return "", false, &store.RecordError{Err: fmt.Errorf("document id %s is already in the project with another text", id)}
		}
		return "", false, err
	}
	err = tx.QueryRow(ctx, "SELECT id FROM documents WHERE hash = $1", d.Hash).Scan(&got)
	return got, false, err
}

// documentColumns are the columns scanDocument reads.
const documentColumns = "ord, id, external_id, source_file, title, hash, runes, metadata, tokens, text"

// scanDocument reads documentColumns from row, with the document's own tokens packed
// (Document.Packed) as the file's export reads them; Unpacked makes them Offsets.
func scanDocument(row pgx.Row) (labels.Document, int, error) {
	var d labels.Document
	var metadata *string
	var runes int
	var tokens []byte
	err := row.Scan(&d.Order, &d.ID, &d.ExternalID, &d.SourceFile, &d.Title, &d.Hash, &runes, &metadata, &tokens, &d.Text)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, 0, store.ErrNotFound
	}
	if err != nil {
		return d, 0, err
	}
	if metadata != nil {
		d.Metadata = json.RawMessage(*metadata)
	}
	if d.Packed, err = store.StoredTokens(tokens, runes); err != nil {
		return d, 0, fmt.Errorf("%s: %w", store.DescribeDocID(d.ID, d.ExternalID), err)
	}
	return d, runes, nil
}

// scanUnpacked reads documentColumns from row, with the document's own tokens as Offsets
// (Document.Tokens), as the file's Document gives them.
func scanUnpacked(row pgx.Row) (labels.Document, error) {
	d, runes, err := scanDocument(row)
	if err != nil || d.Packed == nil {
		return d, err
	}
	d.Tokens, err = d.Packed.Unpack(runes)
	d.Packed = nil
	return d, err
}

// Document returns the document with the given id (store.ErrNotFound when there is none).
func (s *Store) Document(ctx context.Context, id string) (labels.Document, error) {
	d, err := scanUnpacked(s.pool.QueryRow(ctx, "SELECT "+documentColumns+" FROM documents WHERE id = $1", id))
	if err != nil {
		return labels.Document{}, fmt.Errorf("document %s: %w", id, classify(err))
	}
	return d, nil
}

// DocumentByOrder returns the document imported in the given place, 1-based.
func (s *Store) DocumentByOrder(ctx context.Context, order int64) (labels.Document, error) {
	d, err := scanUnpacked(s.pool.QueryRow(ctx, "SELECT "+documentColumns+" FROM documents WHERE ord = $1", order))
	if err != nil {
		return labels.Document{}, fmt.Errorf("document number %d: %w", order, classify(err))
	}
	return d, nil
}

// DocumentIDs returns the ids of all documents in import order.
func (s *Store) DocumentIDs(ctx context.Context) ([]string, error) {
	var ids []string
	err := eachRow(ctx, s.pool, "SELECT id FROM documents ORDER BY ord", nil, func(rows pgx.Rows) error {
		var id string
		err := rows.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("document ids: %w", classify(err))
	}
	return ids, nil
}

// CountDocuments returns the number of documents (their orders run 1..N).
func (s *Store) CountDocuments(ctx context.Context) (int, error) {
	n, err := lastOrder(ctx, s.pool)
	if err != nil {
		return 0, fmt.Errorf("count documents: %w", classify(err))
	}
	return int(n), nil
}

// documentText returns a document's text (store.ErrNotFound when there is none).
func documentText(ctx context.Context, q db, docID string) (string, error) {
	var text string
	err := q.QueryRow(ctx, "SELECT text FROM documents WHERE id = $1", docID).Scan(&text)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("document %s: %w", docID, store.ErrNotFound)
	}
	return text, err
}

// args collects the arguments of a statement, naming each $n.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return fmt.Sprintf("$%d", len(*a))
}

// Documents returns a page of the document list (store.Page), as the file's store does.
func (s *Store) Documents(ctx context.Context, p store.Page) ([]labels.Summary, error) {
	if p.Status != "" {
		if _, err := labels.ParseStatus(string(p.Status)); err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
	}
	var a args
	var from, key string
	var where []string
	switch {
	case p.Annotator != "" && p.Status != "" && p.Status != labels.StatusTodo:
		from, key = "st.status FROM doc_state st JOIN documents d ON d.ord = st.ord", "st.ord"
		where = append(where, "st.annotator = "+a.add(p.Annotator), "st.status = "+a.add(string(p.Status)))
	case p.Annotator != "":
		from, key = "coalesce(st.status, 'todo') FROM documents d LEFT JOIN doc_state st ON st.doc_id = d.id AND st.annotator = "+
			a.add(p.Annotator), "d.ord"
		if p.Status == labels.StatusTodo {
			where = append(where, "coalesce(st.status, 'todo') = 'todo'")
		}
	default:
		shown := p.Status
		if shown == "" {
			shown = labels.StatusTodo
		}
		from, key = a.add(string(shown))+"::text FROM documents d", "d.ord"
		switch p.Status {
		case "":
		case labels.StatusTodo:
			where = append(where, "NOT EXISTS (SELECT 1 FROM doc_state x WHERE x.doc_id = d.id AND x.status <> 'todo')")
		default:
			where = append(where, "EXISTS (SELECT 1 FROM doc_state x WHERE x.doc_id = d.id AND x.status = "+a.add(string(p.Status))+")")
		}
	}
	order := " ORDER BY " + key
	if p.After > 0 {
		where = append(where, key+" > "+a.add(p.After))
	}
	if p.Before > 0 {
		where = append(where, key+" < "+a.add(p.Before))
		if p.After <= 0 {
			order += " DESC"
		}
	}
	limit := p.Limit
	if limit <= 0 {
		limit = store.DefaultPageSize
	}
	q := "SELECT d.ord, d.id, d.external_id, d.title, d.runes, " + from
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += order + " LIMIT " + a.add(limit)
	list, err := summaries(ctx, s.pool, q, a)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", classify(err))
	}
	if p.Before > 0 && p.After <= 0 {
		slices.Reverse(list)
	}
	return list, nil
}

// summaries reads the list entries a query gives (order, id, external id, title, runes, status).
func summaries(ctx context.Context, q db, query string, a []any) ([]labels.Summary, error) {
	var list []labels.Summary
	err := eachRow(ctx, q, query, a, func(rows pgx.Rows) error {
		var sm labels.Summary
		var status string
		err := rows.Scan(&sm.Order, &sm.ID, &sm.ExternalID, &sm.Title, &sm.Runes, &status)
		sm.Status = labels.Status(status)
		list = append(list, sm)
		return err
	})
	return list, err
}
