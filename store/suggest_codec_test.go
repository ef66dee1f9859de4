package store

import (
	"errors"
	"reflect"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestSuggestionCodec(t *testing.T) {
	text := "🙂 دخل \"الجيش\" طرابلس"
	x := labels.NewTextIndex(text)
	sgs := []labels.Suggestion{
		{DocID: "d", Start: 2, End: 5, Text: "دخل", Label: `A"B\`, Source: "s", Score: 1e-7},
		{DocID: "d", Start: 14, End: 20, Text: "طرابلس", Label: "مكان", Source: "s", Score: 2.0 / 3},
	}
	data, low := encodeSuggestions(nil, sgs)
	if string(data) != `[[2,5,"A\"B\\",1e-07],[14,20,"مكان",0.6666666666666666]]` || low != 1e-7 {
		t.Errorf("encoded %s, lowest %v", data, low)
	}
	got, err := decodeSuggestions(data, "d", "s", x)
	if err != nil || !reflect.DeepEqual(got, sgs) {
		t.Errorf("decoded %+v, %v", got, err)
	}
	if got, err := decodeSuggestions([]byte("[]"), "d", "s", x); err != nil || len(got) != 0 {
		t.Errorf("empty: %+v, %v", got, err)
	}
	for _, bad := range []string{``, `[`, `[[1,2,"X",1]`, `[[1,2,"X",1],]`, `[[2,1,"X",1]]`, `[[1,99,"X",1]]`,
		`[[1,2,X,1]]`, `[[1,2,"X",NaN]]`, `[[1,2,"X"]]`, `[{"s":1}]`, `[[1,2,"X",1]]x`} {
		if _, err := decodeSuggestions([]byte(bad), "d", "s", x); err == nil {
			t.Errorf("%s decoded", bad)
		} else if !errors.Is(err, errStoredSuggestions) && !errors.Is(err, labels.ErrOutOfRange) {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

// FuzzSuggestionCodec decodes any bytes without panicking, and what decodes encodes to bytes
// that decode the same.
func FuzzSuggestionCodec(f *testing.F) {
	f.Add([]byte(`[[2,5,"A\"B\\",1e-07],[14,20,"مكان",0.6666666666666666]]`))
	f.Add([]byte(`[[0,1,"\u0041",-0],[3,4,"x",1E400]]`))
	text := "🙂 دخل \"الجيش\" طرابلس"
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := decodeSuggestions(data, "d", "s", labels.NewTextIndex(text))
		if err != nil {
			return
		}
		again, _ := encodeSuggestions(nil, got)
		back, err := decodeSuggestions(again, "d", "s", labels.NewTextIndex(text))
		if err != nil || !reflect.DeepEqual(back, got) {
			t.Fatalf("%s → %s: %+v, %v", data, again, back, err)
		}
	})
}
