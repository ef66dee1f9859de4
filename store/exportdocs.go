package store

import (
	"bytes"
	"database/sql"
	stdjson "encoding/json"
	"fmt"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/labels"
)

// exportColumns are documentColumns with the tokens read as a blob without a copy, which
// scanExportDocument copies packed: a document of millions of tokens holds megabytes of them.
const exportColumns = "ord, id, external_id, source_file, title, hash, runes, metadata, " + tokensColumns + ", text"

// scanExportDocument reads exportColumns from rows, with the document's own tokens in
// Doc.Packed: the token formats walk them, and no slice of Offsets is made.
func scanExportDocument(rows *sql.Rows) (labels.Document, error) {
	var d labels.Document
	var metadata sql.NullString
	var runes int
	var tokens sql.RawBytes // copied before the next row
	var blob sql.NullBool
	if err := rows.Scan(&d.Order, &d.ID, &d.ExternalID, &d.SourceFile, &d.Title, &d.Hash, &runes, &metadata, &tokens, &blob, &d.Text); err != nil {
		return d, err
	}
	if metadata.Valid {
		d.Metadata = json.RawMessage(metadata.String)
	}
	p, err := storedTokens(tokens, blob.Bool, runes)
	if err != nil {
		return d, fmt.Errorf("%s: %w", describeDocID(d.ID, d.ExternalID), err)
	}
	if p != nil {
		d.Packed = bytes.Clone(p)
	}
	return d, nil
}

// bigSpanSet is the size over which a span set is decoded in place by encoding/json, where
// goccy/go-json, faster, first copies the bytes it decodes.
var bigSpanSet = 4 << 20 // a variable for tests

// decodeJSON decodes a stored span set into list, without a copy of a large one.
func decodeJSON(data []byte, list *[]decodedSpan) error {
	if len(data) > bigSpanSet {
		return stdjson.Unmarshal(data, list)
	}
	return json.Unmarshal(data, list)
}
