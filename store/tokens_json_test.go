package store

import (
	"encoding/json"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// TestTokensJSONIsMarshal: the tokens column written by hand is what encoding/json writes.
func TestTokensJSONIsMarshal(t *testing.T) {
	off := func(s, e int) labels.Offsets { return labels.Offsets{Start: s, End: e} }
	for _, toks := range [][]labels.Offsets{{}, {off(0, 1)}, {off(0, 9), off(10, 100), off(101, 123456789)}} {
		want, _ := json.Marshal(toks)
		if got := tokensJSON(toks); got != string(want) {
			t.Errorf("%s, want %s", got, want)
		}
	}
}
