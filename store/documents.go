package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/internal/fastutf8"
	"github.com/tawsim/tawsim/labels"
)

// AddResult tells what AddDocuments did with each document of a batch.
type AddResult struct {
	Added, Duplicates int
	IDs               []string // the id of each input document, in order (the existing id for a duplicate)
}

// AddDocuments stores a batch of documents in one transaction: all of them or, when one is
// invalid (ErrBadDocument: invalid UTF-8, empty text, tokens out of order or outside the
// text, metadata that is not a JSON object), none. It assigns ID, Order and Hash, and skips a
// document whose text is already in the project, also earlier in the same batch. One
// documents.add event records the batch, unless it added nothing.
func (s *Store) AddDocuments(ctx context.Context, docs []labels.Document) (AddResult, error) {
	if len(docs) == 0 {
		return AddResult{IDs: []string{}}, nil
	}
	rows := make([]docRow, len(docs))
	for i, d := range docs {
		r, err := newDocRow(d)
		if err != nil {
			return AddResult{}, fmt.Errorf("add documents: document %d%s: %w", i+1, describeDoc(d), err)
		}
		rows[i] = r
	}
	var res AddResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		res, err = s.insertDocuments(ctx, tx, rows)
		if err != nil || res.Added == 0 {
			return err
		}
		return s.appendEvent(ctx, tx, "", "", labels.ActionDocumentsAdd, nil, batchSummary(rows, res))
	})
	if err != nil {
		return AddResult{}, fmt.Errorf("add documents: %w", err)
	}
	return res, nil
}

// docRow is a document ready to be inserted.
type docRow struct {
	doc      labels.Document
	runes    int
	metadata any // string or nil
	tokens   any // []byte (labels.PackedTokens) or nil
}

// newDocRow validates d and computes what the documents table stores besides it.
func newDocRow(d labels.Document) (docRow, error) {
	runes, at := countRunes(d.Text)
	if at >= 0 {
		return docRow{}, fmt.Errorf("%w: invalid UTF-8 at byte %d of the text", ErrBadDocument, at)
	}
	for _, f := range [...]struct{ name, v string }{
		{"title", d.Title}, {"external id", d.ExternalID}, {"source file", d.SourceFile},
	} {
		if at := invalidUTF8At(f.v); at >= 0 {
			return docRow{}, fmt.Errorf("%w: invalid UTF-8 at byte %d of the %s", ErrBadDocument, at, f.name)
		}
	}
	if d.Text == "" {
		return docRow{}, fmt.Errorf("%w: the text is empty", ErrBadDocument)
	}
	r := docRow{doc: d, runes: runes}
	r.doc.Hash = labels.TextHash(d.Text)
	var err error
	if r.metadata, err = metadataValue(d.Metadata); err != nil {
		return docRow{}, err
	}
	if r.tokens, err = tokensValue(&d, r.runes); err != nil {
		return docRow{}, err
	}
	return r, nil
}

// countRunes checks that s is UTF-8 and counts its code points: it returns the count and
// -1, or 0 and the byte offset of the first invalid sequence.
func countRunes(s string) (int, int) {
	if at := invalidUTF8At(s); at >= 0 {
		return 0, at
	}
	// In valid UTF-8 every code point has one byte that is not a continuation byte
	// (10xxxxxx): counting those is several times faster than decoding.
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xc0 != 0x80 {
			n++
		}
	}
	return n, -1
}

// invalidUTF8At returns the byte offset of the first invalid UTF-8 sequence in s, or -1.
func invalidUTF8At(s string) int {
	if fastutf8.ValidString(s) {
		return -1
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// metadataValue checks that m is a JSON object and returns it verbatim (nil for none).
func metadataValue(m json.RawMessage) (any, error) {
	trimmed := bytes.TrimSpace(m)
	if len(trimmed) == 0 || string(trimmed) == "null" {
		return nil, nil
	}
	if !json.Valid(trimmed) || trimmed[0] != '{' {
		return nil, fmt.Errorf("%w: metadata must be a JSON object", ErrBadDocument)
	}
	return string(m), nil
}

// describeDoc names a document in an error: its external id and source file when known.
func describeDoc(d labels.Document) string {
	switch {
	case d.ExternalID != "" && d.SourceFile != "":
		return fmt.Sprintf(" (%s in %s)", d.ExternalID, d.SourceFile)
	case d.ExternalID != "":
		return fmt.Sprintf(" (%s)", d.ExternalID)
	case d.SourceFile != "":
		return fmt.Sprintf(" (from %s)", d.SourceFile)
	}
	return ""
}

const insertDocument = `INSERT INTO documents
    (ord, id, external_id, source_file, title, hash, runes, created, metadata, tokens, text)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (hash) DO NOTHING`

// insertDocuments inserts rows after the last document, skipping texts already stored.
func (s *Store) insertDocuments(ctx context.Context, tx *sql.Tx, rows []docRow) (AddResult, error) {
	res := AddResult{IDs: make([]string, len(rows))}
	var last int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(ord), 0) FROM documents").Scan(&last); err != nil {
		return res, err
	}
	ins, err := tx.PrepareContext(ctx, insertDocument)
	if err != nil {
		return res, err
	}
	defer ins.Close()
	created := formatTime(s.now())
	for i := range rows {
		d := &rows[i].doc
		id, err := uuid.NewV7()
		if err != nil {
			return res, err
		}
		r, err := ins.ExecContext(ctx, last+1, id.String(), d.ExternalID, d.SourceFile, d.Title, d.Hash,
			rows[i].runes, created, rows[i].metadata, rows[i].tokens, d.Text)
		if err != nil {
			return res, err
		}
		n, err := r.RowsAffected()
		if err != nil {
			return res, err
		}
		if n == 1 {
			last++
			d.ID, d.Order = id.String(), last
			res.IDs[i] = d.ID
			res.Added++
			continue
		}
		if err := tx.QueryRowContext(ctx, "SELECT id FROM documents WHERE hash = ?", d.Hash).Scan(&res.IDs[i]); err != nil {
			return res, err
		}
		res.Duplicates++
	}
	return res, nil
}

// batchAfter is the After of a documents.add event.
type batchAfter struct {
	Count      int    `json:"count"`
	Duplicates int    `json:"duplicates"`
	Source     string `json:"source,omitempty"` // the source file, when the batch has one
	First      int64  `json:"first"`            // the Order of the first document added
	Last       int64  `json:"last"`             // the Order of the last one
}

// batchSummary describes an inserted batch for the log.
func batchSummary(rows []docRow, res AddResult) batchAfter {
	b := batchAfter{Count: res.Added, Duplicates: res.Duplicates}
	sources := map[string]bool{}
	for _, r := range rows {
		if r.doc.Order == 0 {
			continue // a duplicate
		}
		if b.First == 0 {
			b.First = r.doc.Order
		}
		b.Last = r.doc.Order
		sources[r.doc.SourceFile] = true
	}
	if len(sources) == 1 {
		for src := range sources {
			b.Source = src
		}
	}
	return b
}

// documentColumns are the columns scanDocument reads, in its order.
const documentColumns = "ord, id, external_id, source_file, title, hash, runes, metadata, " + tokensColumns + ", text"

// Document returns the document with the given id (ErrNotFound when there is none).
func (s *Store) Document(ctx context.Context, id string) (labels.Document, error) {
	row := s.r.QueryRowContext(ctx, "SELECT "+documentColumns+" FROM documents WHERE id = ?", id)
	d, err := scanDocument(row)
	if err != nil {
		return labels.Document{}, fmt.Errorf("document %s: %w", id, err)
	}
	return d, nil
}

// DocumentByOrder returns the document imported in the given place, 1-based (ErrNotFound
// when there is none).
func (s *Store) DocumentByOrder(ctx context.Context, order int64) (labels.Document, error) {
	row := s.r.QueryRowContext(ctx, "SELECT "+documentColumns+" FROM documents WHERE ord = ?", order)
	d, err := scanDocument(row)
	if err != nil {
		return labels.Document{}, fmt.Errorf("document number %d: %w", order, err)
	}
	return d, nil
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// scanDocument reads documentColumns from row, with the document's own tokens as Offsets.
func scanDocument(row scanner) (labels.Document, error) {
	var d labels.Document
	var metadata sql.NullString
	var runes int
	var tokens []byte
	var blob sql.NullBool
	err := row.Scan(&d.Order, &d.ID, &d.ExternalID, &d.SourceFile, &d.Title, &d.Hash, &runes, &metadata, &tokens, &blob, &d.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return d, ErrNotFound
	}
	if err != nil {
		return d, err
	}
	if metadata.Valid {
		d.Metadata = json.RawMessage(metadata.String)
	}
	p, err := storedTokens(tokens, blob.Bool, runes)
	if err == nil {
		d.Tokens, err = p.Unpack(runes)
	}
	return d, err
}

// CountDocuments returns the number of documents in the project (see lastOrder).
func (s *Store) CountDocuments(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, lastOrder).Scan(&n); err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n, nil
}

// documentText returns the text of a document inside a write (ErrNotFound when there is none).
func documentText(ctx context.Context, q queryer, docID string) (string, error) {
	var text string
	err := q.QueryRowContext(ctx, "SELECT text FROM documents WHERE id = ?", docID).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("document %s: %w", docID, ErrNotFound)
	}
	return text, err
}

// documentWritten turns the result of an INSERT ... SELECT ... FROM documents WHERE id = ?
// into ErrNotFound when it wrote nothing because the document does not exist.
func documentWritten(r sql.Result, err error, docID string) error {
	if err != nil {
		return err
	}
	n, err := r.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("document %s: %w", docID, ErrNotFound)
	}
	return nil
}
