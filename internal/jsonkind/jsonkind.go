// Package jsonkind names the kind of a JSON value for the errors of the readers: "got a list,
// want an object".
package jsonkind

import "bytes"

// Of names the kind of the JSON value raw holds, from its first byte: "a string", "an
// object", "a list", "a boolean", "null", "a number", "nothing" when raw is empty or white
// space, and "something that is not JSON" for any other first byte.
func Of(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "a number"
	}
	return "something that is not JSON"
}
