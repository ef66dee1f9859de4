package store

import (
	"bytes"
	"database/sql"
	stdjson "encoding/json"
	"fmt"

	"github.com/goccy/go-json"

	"github.com/tawsim/tawsim/labels"
)

// exportColumns are documentColumns with the tokens read as a blob, which decodeTokens reads
// without a copy: a document of millions of tokens holds hundreds of megabytes of them.
const exportColumns = "ord, id, external_id, source_file, title, hash, metadata, CAST(tokens AS BLOB), text"

// scanExportDocument reads exportColumns from rows.
func scanExportDocument(rows *sql.Rows) (labels.Document, error) {
	var d labels.Document
	var metadata sql.NullString
	var tokens sql.RawBytes // decoded before the next row
	if err := rows.Scan(&d.Order, &d.ID, &d.ExternalID, &d.SourceFile, &d.Title, &d.Hash, &metadata, &tokens, &d.Text); err != nil {
		return d, err
	}
	if metadata.Valid {
		d.Metadata = json.RawMessage(metadata.String)
	}
	if tokens != nil {
		var err error
		if d.Tokens, err = decodeTokens(tokens); err != nil {
			return d, fmt.Errorf("stored tokens of document %s: %w", d.ID, err)
		}
	}
	return d, nil
}

// decodeTokens reads a document's stored tokens, [{"start":0,"end":3},...] as tokensValue
// writes them, into a slice made at their number. Anything else goes to the JSON decoder,
// which reads it or says what is wrong with it.
func decodeTokens(data []byte) ([]labels.Offsets, error) {
	if string(data) == "[]" {
		return []labels.Offsets{}, nil
	}
	toks := make([]labels.Offsets, 0, bytes.Count(data, []byte("{")))
	rest, ok := bytes.CutPrefix(data, []byte("["))
	for ok {
		var t labels.Offsets
		if rest, ok = bytes.CutPrefix(rest, []byte(`{"start":`)); ok {
			t.Start, rest, ok = leadingInt(rest)
		}
		if ok {
			rest, ok = bytes.CutPrefix(rest, []byte(`,"end":`))
		}
		if ok {
			t.End, rest, ok = leadingInt(rest)
		}
		if ok {
			rest, ok = bytes.CutPrefix(rest, []byte("}"))
		}
		if !ok {
			break
		}
		toks = append(toks, t)
		if rest, ok = bytes.CutPrefix(rest, []byte(",")); !ok {
			ok = string(rest) == "]"
			break
		}
	}
	if ok {
		return toks, nil
	}
	toks = nil
	if err := json.Unmarshal(data, &toks); err != nil {
		return nil, err
	}
	return toks, nil
}

// leadingInt reads the decimal digits that b begins with (at most 18, without leading
// zeros but for 0 itself) and returns their value and the rest.
func leadingInt(b []byte) (int, []byte, bool) {
	n, i := 0, 0
	for ; i < len(b) && i < 18 && '0' <= b[i] && b[i] <= '9'; i++ {
		n = n*10 + int(b[i]-'0')
	}
	if i == 0 || i == 18 || b[0] == '0' && i > 1 {
		return 0, b, false
	}
	return n, b[i:], true
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
