package agreement

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestScoreJSON(t *testing.T) {
	for f, want := range map[float64]string{
		0.87524: "0.8752", 2.0 / 3: "0.6667", 1: "1", 0: "0", -0.00001: "0", -0.25: "-0.25", 0.99996: "1",
	} {
		got, err := json.Marshal(Score(f))
		if err != nil || string(got) != want {
			t.Errorf("%v: %s %v, want %s", f, got, err, want)
		}
	}
	var nothing *Score
	if got, _ := json.Marshal(struct {
		K *Score `json:"k"`
	}{nothing}); string(got) != `{"k":null}` {
		t.Errorf("nil score: %s", got)
	}
}

// The report has the keys, order and rounding of `tawsimctl agreement --json`.
func TestReportJSON(t *testing.T) {
	docs := []DocumentAnnotations{{DocID: "d1", Work: []Annotation{
		{Annotator: "badr", Entities: []Span{{0, 4, "PERS"}, {6, 9, "LOC"}}, Stances: []Stance{{"lna", "FAVOR"}}},
		{Annotator: "amal", Entities: []Span{{0, 4, "PERS"}, {6, 8, "LOC"}, {12, 15, "ORG"}}, Stances: []Stance{{"lna", "AGAINST"}}},
	}}}
	o := Options{Targets: []labels.Target{{ID: "lna", Name: "Libyan National Army"}, {ID: "gna", Name: "GNA"}}}
	r := count(t, o, docs).Result()
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"spans":{"pairs":[{"a":"amal","b":"badr","documents":1,"a_spans":3,"b_spans":2,"matches":1,` +
		`"f1":0.4,"boundary_matches":1,"boundaries_f1":0.4,"partial_matches":2,"partial_f1":0.8,"by_label":{` +
		`"LOC":{"f1":0,"partial_f1":1,"matches":0,"partial_matches":1,"a_spans":1,"b_spans":1},` +
		`"ORG":{"f1":0,"partial_f1":0,"matches":0,"partial_matches":0,"a_spans":1,"b_spans":0},` +
		`"PERS":{"f1":1,"partial_f1":1,"matches":1,"partial_matches":1,"a_spans":1,"b_spans":1}}}]},` +
		`"stance":{"lna":{"target":"Libyan National Army","items":1,"annotators":2,"alpha":0,` +
		`"fleiss_kappa":-1,"fleiss_items":1,"gwet_ac1":-1,"percent_agreement":0,` +
		`"pairs":[{"a":"amal","b":"badr","items":1,"kappa":0,"percent_agreement":0}]},` +
		`"gna":{"target":"GNA","items":0,"annotators":0,"alpha":null,"fleiss_kappa":null,"fleiss_items":0,` +
		`"gwet_ac1":null,"percent_agreement":null,"pairs":[]}}}`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var back Report
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if again, _ := json.Marshal(back); string(again) != want {
		t.Errorf("read back and written again:\n%s", again)
	}
	if back.Stance[0].ID != "lna" || back.Stance[1].ID != "gna" {
		t.Errorf("order read back: %s, %s", back.Stance[0].ID, back.Stance[1].ID)
	}
}

func TestEmptyReportJSON(t *testing.T) {
	got, err := json.Marshal(NewCounter(Options{}).Result())
	if err != nil || string(got) != `{"spans":{"pairs":[]},"stance":{}}` {
		t.Errorf("%s %v", got, err)
	}
	var back Report
	if err := json.Unmarshal(got, &back); err != nil || !reflect.DeepEqual(back.Spans.Pairs, []SpanPair{}) || len(back.Stance) != 0 {
		t.Errorf("%+v %v", back, err)
	}
}
