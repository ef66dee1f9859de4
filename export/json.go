package export

import (
	"bytes"
	"strconv"

	json "github.com/goccy/go-json"

	"github.com/tawsim/tawsim/internal/fastutf8"
	"github.com/tawsim/tawsim/internal/jsonstr"
)

// appendString appends s, valid UTF-8, as a JSON string (jsonstr.Append): byte for byte what
// goccy/go-json's Marshal writes with HTML escaping off.
func appendString(dst []byte, s string) []byte { return jsonstr.Append(dst, s) }

// appendStringBody appends s as appendString does, without the quotes.
func appendStringBody(dst []byte, s string) []byte { return jsonstr.AppendBody(dst, s) }

// appendKey appends `"key":` (key needs no escaping) after a comma unless first.
func appendKey(dst []byte, key string, first bool) []byte {
	if !first {
		dst = append(dst, ',')
	}
	dst = append(dst, '"')
	dst = append(dst, key...)
	return append(dst, '"', ':')
}

// appendStringField appends `,"key":"value"` (no comma when first).
func appendStringField(dst []byte, key, value string, first bool) []byte {
	return appendString(appendKey(dst, key, first), value)
}

// appendIntField appends `,"key":n` (no comma when first).
func appendIntField(dst []byte, key string, n int, first bool) []byte {
	return strconv.AppendInt(appendKey(dst, key, first), int64(n), 10)
}

// appendBoolField appends `,"key":true` or false (no comma when first).
func appendBoolField(dst []byte, key string, v bool, first bool) []byte {
	return strconv.AppendBool(appendKey(dst, key, first), v)
}

// compactMetadata writes into dst a document's metadata, a JSON object, compacted (its keys,
// values and strings kept as they are written), or {} when there is none.
func compactMetadata(dst *bytes.Buffer, raw []byte) error {
	dst.Reset()
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || string(trimmed) == "null" {
		dst.WriteString("{}")
		return nil
	}
	if !fastutf8.Valid(trimmed) {
		return ErrBadUTF8
	}
	if trimmed[0] != '{' {
		return ErrBadMetadata
	}
	return json.Compact(dst, trimmed)
}

// appendInt appends n in decimal.
func appendInt(dst []byte, n int) []byte { return strconv.AppendInt(dst, int64(n), 10) }
