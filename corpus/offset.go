package corpus

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
	"reflect"
	"strconv"

	"github.com/tawsim/tawsim/internal/jsonkind"
)

// offset is an optional whole number read from JSON (a token index). A JSON decoder leaves
// an *int nil for null as for a missing key, which would take a null index for none given;
// offset refuses null, fractions, strings and anything else that is not an integer, and
// remembers whether the key was there at all.
type offset struct {
	n   int
	set bool
}

var offsetType = reflect.TypeOf(0)

// UnmarshalJSON takes a JSON integer and refuses every other value.
func (o *offset) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	n, err := strconv.Atoi(string(b))
	if err != nil {
		return &stdjson.UnmarshalTypeError{Value: jsonValue(b), Type: offsetType}
	}
	*o = offset{n: n, set: true}
	return nil
}

// jsonValue describes raw for a message: "null", "number 1.5", "string".
func jsonValue(raw []byte) string {
	switch jsonkind.Of(raw) {
	case "a number":
		return "number " + cut(string(raw), 20)
	case "a string":
		return "string"
	case "an object":
		return "object"
	case "a list":
		return "array"
	case "a boolean":
		return "bool"
	}
	return "null"
}

// intAt decodes raw, one element of a list, as an offset.
func intAt(raw []byte) (int, error) {
	var o offset
	if err := o.UnmarshalJSON(raw); err != nil {
		return 0, fmt.Errorf("got %s, want an integer", valueOf(jsonValue(raw)))
	}
	return o.n, nil
}
