package agreement

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Report is the agreement of a project: what `tawsimctl agreement --json` prints.
type Report struct {
	Spans  SpanReport `json:"spans"`
	Stance Targets    `json:"stance"`
}

// SpanReport is the entity span agreement of every pair of annotators.
type SpanReport struct {
	Pairs []SpanPair `json:"pairs"` // a before b by name, pairs in that order
}

// SpanPair is the span agreement of annotators A and B over the documents both annotated.
type SpanPair struct {
	A               string                  `json:"a"`
	B               string                  `json:"b"`
	Documents       int                     `json:"documents"`
	ASpans          int                     `json:"a_spans"`
	BSpans          int                     `json:"b_spans"`
	Matches         int                     `json:"matches"`
	F1              *Score                  `json:"f1"`
	BoundaryMatches int                     `json:"boundary_matches"`
	BoundariesF1    *Score                  `json:"boundaries_f1"`
	PartialMatches  int                     `json:"partial_matches"`
	PartialF1       *Score                  `json:"partial_f1"`
	ByLabel         map[string]LabelFigures `json:"by_label"` // the labels either gave
}

// LabelFigures is the agreement of a pair of annotators on one entity label.
type LabelFigures struct {
	F1             Score `json:"f1"`
	PartialF1      Score `json:"partial_f1"`
	Matches        int   `json:"matches"`
	PartialMatches int   `json:"partial_matches"`
	ASpans         int   `json:"a_spans"`
	BSpans         int   `json:"b_spans"`
}

// Targets is the stance agreement of each target: the targets of Options.Targets in their
// order, then the others met, by id. JSON writes it as an object keyed by target id, in that
// order.
type Targets []TargetAgreement

// TargetAgreement is the agreement of all annotators on the document stance toward one target.
type TargetAgreement struct {
	ID               string       `json:"-"`
	Target           string       `json:"target"`     // the target's name (its id when unnamed)
	Items            int          `json:"items"`      // documents rated by two annotators or more
	Annotators       int          `json:"annotators"` // annotators who rated a document
	Alpha            *Score       `json:"alpha"`
	FleissKappa      *Score       `json:"fleiss_kappa"`
	FleissItems      int          `json:"fleiss_items"` // documents rated by every annotator
	GwetAC1          *Score       `json:"gwet_ac1"`
	PercentAgreement *Score       `json:"percent_agreement"`
	Pairs            []StancePair `json:"pairs"` // a before b by name, pairs in that order
}

// StancePair is the agreement of two annotators on one target over the documents both rated.
type StancePair struct {
	A                string `json:"a"`
	B                string `json:"b"`
	Items            int    `json:"items"`
	Kappa            *Score `json:"kappa"`
	PercentAgreement *Score `json:"percent_agreement"`
}

// MarshalJSON writes ts as one object keyed by target id, in the order of ts.
func (ts Targets) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(t.ID)
		if err != nil {
			return nil, err
		}
		val, err := json.Marshal(t)
		if err != nil {
			return nil, fmt.Errorf("target %s: %w", t.ID, err)
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads the object MarshalJSON writes, keeping the order of its keys.
func (ts *Targets) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("stance: want an object keyed by target id")
	}
	*ts = (*ts)[:0]
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("stance: %w", err)
		}
		var t TargetAgreement
		if err := dec.Decode(&t); err != nil {
			return fmt.Errorf("stance %v: %w", tok, err)
		}
		t.ID = tok.(string)
		*ts = append(*ts, t)
	}
	_, err := dec.Token()
	return err
}
