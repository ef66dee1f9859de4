package store

import (
	"bytes"
	"database/sql"
	"fmt"

	"github.com/goccy/go-json"
	"github.com/mattn/go-sqlite3"

	"github.com/tawsim/tawsim/labels"
)

// A document's own tokens are stored in the tokens column as labels.PackedTokens, a BLOB of
// two varints a token (migration 0005), or NULL when it has none. Before 0005 they were the
// JSON [{"start":..,"end":..},...], three times the size of the text and more than twice the
// memory of the text to write and read: SQLite and the driver copy a value whole.

// writerDriver is the driver of the writer connection: SQLite with the functions that
// migrations call (tawsim_pack_tokens, for 0005).
const writerDriver = "sqlite3-tawsim"

func init() {
	sql.Register(writerDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		return c.RegisterFunc("tawsim_pack_tokens", packStoredJSON, true)
	}})
}

// packStoredJSON is the SQL function tawsim_pack_tokens(tokens, runes) of migration 0005: the
// JSON tokens of a document of runes code points, packed, or NULL when they are not a list of
// tokens in order inside the text (the row stays as it was, for check to report). An empty
// list is NULL too: the migration tells it apart.
func packStoredJSON(data []byte, runes int64) any {
	p, err := packJSONTokens(data, int(runes))
	if err != nil || len(p) == 0 {
		return nil
	}
	return []byte(p)
}

// packJSONTokens packs tokens stored as JSON, [{"start":0,"end":3},...] as Tawsim wrote them
// before migration 0005, checking them against a text of n code points. Tawsim's own
// spelling is read a token at a time into the packer; anything else goes to the JSON decoder,
// which reads it or says what is wrong with it.
func packJSONTokens(data []byte, n int) (labels.PackedTokens, error) {
	var tp labels.TokenPacker
	rest, ok := bytes.CutPrefix(data, []byte("["))
	if ok && string(rest) == "]" {
		return labels.PackedTokens{}, nil
	}
	for ok {
		var start, end int
		if rest, ok = bytes.CutPrefix(rest, []byte(`{"start":`)); ok {
			start, rest, ok = leadingInt(rest)
		}
		if ok {
			rest, ok = bytes.CutPrefix(rest, []byte(`,"end":`))
		}
		if ok {
			end, rest, ok = leadingInt(rest)
		}
		if ok {
			rest, ok = bytes.CutPrefix(rest, []byte("}"))
		}
		if !ok {
			break
		}
		tp.Add(start, end)
		if rest, ok = bytes.CutPrefix(rest, []byte(",")); !ok {
			ok = string(rest) == "]"
			break
		}
	}
	var p labels.PackedTokens
	var err error
	if ok {
		p, err = tp.Packed()
	} else {
		var toks []labels.Offsets
		if err := json.Unmarshal(data, &toks); err != nil {
			return nil, err
		}
		if toks == nil {
			return nil, fmt.Errorf("the tokens are null")
		}
		p, err = labels.PackTokens(toks)
	}
	if err == nil {
		err = p.Check(n)
	}
	return p, err
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

// tokensValue checks a document's own tokens (Tokens or Packed: non-empty, in order, apart,
// inside its text of n code points) and returns them as the tokens column holds them: packed,
// or nil for none.
func tokensValue(d *labels.Document, n int) (any, error) {
	if !d.HasOwnTokens() {
		return nil, nil
	}
	p := d.Packed
	if d.Tokens != nil {
		if err := checkTokens(d.Tokens, n); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadDocument, err)
		}
		p, _ = labels.PackTokens(d.Tokens) // checked
	} else if err := p.Check(n); err != nil {
		return nil, fmt.Errorf("%w: own tokens: %w", ErrBadDocument, err)
	}
	return []byte(p), nil
}

// checkTokens verifies that toks are non-empty ranges, in order, inside [0, n).
func checkTokens(toks []labels.Offsets, n int) error {
	prev := 0
	for i, t := range toks {
		if t.Start < prev || t.End <= t.Start || t.End > n {
			return fmt.Errorf("token %d [%d,%d) is out of order, empty or outside the text of %d code points",
				i+1, t.Start, t.End, n)
		}
		prev = t.End
	}
	return nil
}

// tokensColumns reads the tokens column as storedTokens takes it: its value as a blob, and
// whether it is a blob.
const tokensColumns = "CAST(tokens AS BLOB), typeof(tokens) = 'blob'"

// storedTokens checks a tokens column read through tokensColumns (data, and whether it was
// a blob) against a text of n code points, and returns the packed tokens it holds, in data:
// nil for none. A value that is not packed tokens is an error wrapping ErrDamaged.
func storedTokens(data []byte, blob bool, n int) (labels.PackedTokens, error) {
	if data == nil {
		return nil, nil
	}
	if !blob {
		return nil, fmt.Errorf("own tokens: %w: a value of text where packed tokens belong", ErrDamaged)
	}
	p := labels.PackedTokens(data)
	if err := p.Check(n); err != nil {
		return nil, fmt.Errorf("own tokens: %w: %w", ErrDamaged, err)
	}
	return p, nil
}
