package corpus

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/goccy/go-json"
	"github.com/tawsim/tawsim/labels"
)

// NewJSONLReader returns a reader of Tawsim's native JSONL (docs/FORMATS.md), one record per
// line, each a (document, annotator) pair.
//
// The text is kept verbatim (the offsets index it). "id" becomes Doc.ID when it is a UUID; any
// other id becomes the ExternalID of a record without "external_id", and is an error beside
// one. "source_file" is kept when given (else the name of the file read), "title" is kept as
// written (derived from the text only when the key is absent), "metadata" is kept verbatim
// and must be an object (null or absent: none), "tokens" must be [[start,end],...] in order.
// "status" is read by labels.ParseStatus, empty meaning todo. Entities and stance_spans must
// fall inside the text; their "text", when given, must equal the text at their offsets, and
// is filled from the offsets when absent. Unknown keys are ignored (newer files stay readable);
// a known key holding the wrong type of value is an error.
func NewJSONLReader(name string, r io.Reader) Reader {
	return &jsonLines{name: name, lines: newLineReader(r), parse: parseNative}
}

type nativeRecord struct {
	ID          string          `json:"id"`
	ExternalID  string          `json:"external_id"`
	SourceFile  string          `json:"source_file"`
	Title       *string         `json:"title"`
	Text        *jsonText       `json:"text"`
	Annotator   string          `json:"annotator"`
	Status      string          `json:"status"`
	Entities    []nativeSpan    `json:"entities"`
	Stance      []nativeStance  `json:"stance"`
	StanceSpans []nativeSpan    `json:"stance_spans"`
	Tokens      nativeTokenList `json:"tokens"`
	Metadata    json.RawMessage `json:"metadata"`
	// Suggestions are the document's suggestions, with the record's annotator's decisions.
	Suggestions []nativeSuggestion `json:"suggestions"`
	// ModelVersion names the source of the entities of a record read as predictions.
	ModelVersion string `json:"model_version"`
}

type nativeSpan struct {
	Start  *int     `json:"start"`
	End    *int     `json:"end"`
	Label  string   `json:"label"`
	Target string   `json:"target"`
	Text   *string  `json:"text"`
	Score  *float64 `json:"score"` // of predictions
}

type nativeStance struct {
	Target string `json:"target"`
	Label  string `json:"label"`
}

func parseNative(line []byte, eol bool, done func()) (Record, bool, error) {
	rec, err := parseNativeRecord(line, eol, "", done)
	return rec, false, err
}

// parseNativeRecord reads one native record; with predictions (the source of entities without
// model_version) its entities become suggestions (NewPredictionsJSONLReader). done is called
// once the line has been decoded, when the reader may let it go.
func parseNativeRecord(line []byte, eol bool, predictions string, done func()) (Record, error) {
	var nr nativeRecord
	if err := decodeLine(line, &nr, eol); err != nil {
		return Record{}, err
	}
	done() // the values are copies: the line can go before the spans are made
	if len(line) >= bigLine {
		debug.FreeOSMemory()
	}
	if nr.Text == nil || *nr.Text == "" {
		return Record{}, fmt.Errorf("%w: \"text\" is missing or empty", ErrNoText)
	}
	var rec Record
	d := &rec.Doc
	d.Text, d.ExternalID, d.SourceFile = string(*nr.Text), nr.ExternalID, nr.SourceFile
	switch {
	case isUUID(nr.ID):
		d.ID = nr.ID
	case nr.ID == "":
	case nr.ExternalID == "" || nr.ExternalID == nr.ID:
		d.ExternalID = nr.ID
	default:
		return Record{}, fmt.Errorf("id %q is not a UUID (the corpus's own id belongs in external_id, which is %q)", nr.ID, nr.ExternalID)
	}
	if nr.Title != nil {
		d.Title = *nr.Title
	} else {
		d.Title = Title(d.Text)
	}
	var err error
	if d.Metadata, err = objectCopy("metadata", nr.Metadata); err != nil {
		return Record{}, err
	}
	rec.Annotator = nr.Annotator
	rec.Status = labels.StatusTodo
	if nr.Status != "" {
		if rec.Status, err = labels.ParseStatus(nr.Status); err != nil {
			return Record{}, err
		}
	}
	x := labels.NewTextIndex(d.Text)
	if n := len(nr.Entities) + len(nr.StanceSpans); n > 0 {
		rec.Spans = make([]labels.Span, 0, n)
	}
	if d.Packed, err = nativeTokens(x, nr.Tokens); err != nil {
		return Record{}, err
	}
	if rec.Suggestions, err = nativeSuggestions(x, d.Text, nr.Suggestions); err != nil {
		return Record{}, err
	}
	if predictions != "" {
		sgs, err := predictedSpans(x, d.Text, &nr, predictions)
		if err != nil {
			return Record{}, err
		}
		for _, g := range rec.Suggestions {
			if g.Decision != "" {
				return Record{}, errors.New("predictions hold no decisions: a suggestion of the record has one")
			}
		}
		rec.Suggestions, rec.Annotator, rec.Status = append(rec.Suggestions, sgs...), "", labels.StatusTodo
		return rec, nil
	}
	if err := nativeSpans(x, &rec, "entities", labels.KindEntity, nr.Entities); err != nil {
		return Record{}, err
	}
	if err := nativeSpans(x, &rec, "stance_spans", labels.KindStance, nr.StanceSpans); err != nil {
		return Record{}, err
	}
	sortSpans(rec.Spans)
	for i, st := range nr.Stance {
		if st.Label == "" {
			return Record{}, fmt.Errorf("stance[%d]: no label", i)
		}
		rec.Stances = append(rec.Stances, labels.DocStance{Target: st.Target, Label: st.Label})
	}
	return rec, nil
}

// nativeTokens checks the [[start,end],...] tokens of a record and returns them packed.
func nativeTokens(x *labels.TextIndex, l nativeTokenList) (labels.PackedTokens, error) {
	switch {
	case !l.present:
		return nil, nil
	case l.slow == nil:
		return l.packed, checkPacked(x, func(fn func(int, labels.Offsets, []byte) error) error {
			i := 0
			for t := range l.packed.All() {
				if err := fn(i, t, nil); err != nil {
					return err
				}
				i++
			}
			return nil
		})
	}
	toks := l.slow
	out := make([]labels.Offsets, len(toks))
	prev := 0
	for i, t := range toks {
		if len(t) != 2 {
			return nil, fmt.Errorf("tokens[%d]: %d numbers, want [start, end]", i, len(t))
		}
		if t[0] == nil || t[1] == nil {
			return nil, fmt.Errorf("tokens[%d]: got null, want [start, end]", i)
		}
		if err := checkToken(x, i, *t[0], *t[1], prev, nil); err != nil {
			return nil, fmt.Errorf("tokens: %w", err)
		}
		out[i], prev = labels.Offsets{Start: *t[0], End: *t[1]}, *t[1]
	}
	return labels.PackTokens(out) // checked
}

// checkPacked checks tokens read straight (in order and non-empty: packed) against the text,
// each with its given text when it has one (nil for none): each gives them in order.
func checkPacked(x *labels.TextIndex, each func(func(i int, t labels.Offsets, text []byte) error) error) error {
	prev := 0
	return each(func(i int, t labels.Offsets, text []byte) error {
		var given *string
		if got, _ := x.Slice(t.Start, t.End); text != nil && string(text) != got {
			s := string(text)
			given = &s // for the message
		}
		if err := checkToken(x, i, t.Start, t.End, prev, given); err != nil {
			return fmt.Errorf("tokens: %w", err)
		}
		prev = t.End
		return nil
	})
}

// nativeSpans checks the spans under key and adds them to rec.
func nativeSpans(x *labels.TextIndex, rec *Record, key string, kind labels.Kind, spans []nativeSpan) error {
	for i, s := range spans {
		if s.Start == nil || s.End == nil {
			return fmt.Errorf("%s[%d]: start and end are required integers", key, i)
		}
		if s.Label == "" {
			return fmt.Errorf("%s[%d]: no label", key, i)
		}
		sp := labels.Span{Kind: kind, Label: s.Label, Start: *s.Start, End: *s.End, Origin: labels.OriginImport}
		if kind == labels.KindStance {
			sp.Target = s.Target
		}
		if err := fillSpan(x, &sp, s.Text); err != nil {
			return fmt.Errorf("%s[%d]: %w", key, i, err)
		}
		rec.Spans = append(rec.Spans, sp)
	}
	return nil
}
