package corpus

import (
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/tawsim/tawsim/internal/named"
	"github.com/tawsim/tawsim/labels"
)

// predictionFormats are the formats that NewReader reads with Options.Predictions, sorted by
// name.
var predictionFormats = []Format{
	{Name: "jsonl", About: "Tawsim's own JSONL records with a score per span",
		Extensions: []string{".jsonl", ".ndjson"},
		open:       func(name string, r io.Reader, _ Options) Reader { return NewPredictionsJSONLReader(name, r) }},
	{Name: "labelstudio", About: "Label Studio tasks with their predictions (a JSON list, or one task a line)",
		Extensions: []string{".json", ".jsonl"}, open: NewLabelStudioReader},
}

// predictionList looks the formats of predictions up by name.
var predictionList = named.NewList(predictionFormats, func(f Format) string { return f.Name }, ErrUnknownFormat)

// PredictionFormats lists the formats of a model's predictions (Options.Predictions), sorted.
func PredictionFormats() []string { return predictionList.Names() }

// PredictionFormatList returns the descriptions of the formats of predictions.
func PredictionFormatList() []Format { return predictionList.All() }

// nativeSuggestion is an element of a native record's "suggestions".
type nativeSuggestion struct {
	Start    *int     `json:"start"`
	End      *int     `json:"end"`
	Label    string   `json:"label"`
	Text     *string  `json:"text"`
	Source   string   `json:"source"`
	Score    *float64 `json:"score"`
	Decision string   `json:"decision"`
}

// nativeSuggestions checks the "suggestions" of a native record.
func nativeSuggestions(x *labels.TextIndex, text string, in []nativeSuggestion) ([]labels.Suggestion, error) {
	var out []labels.Suggestion
	for i, s := range in {
		if s.Start == nil || s.End == nil || s.Score == nil {
			return nil, fmt.Errorf("suggestions[%d]: start, end and score are required numbers", i)
		}
		if s.Label == "" || s.Source == "" {
			return nil, fmt.Errorf("suggestions[%d]: a suggestion needs a label and a source", i)
		}
		d, err := labels.ParseDecision(s.Decision)
		if err != nil {
			return nil, fmt.Errorf("suggestions[%d]: %w", i, err)
		}
		g := labels.Suggestion{Start: *s.Start, End: *s.End, Label: s.Label, Source: s.Source, Score: *s.Score, Decision: d}
		if err := fillSuggestion(x, text, &g, s.Text); err != nil {
			return nil, fmt.Errorf("suggestions[%d]: %w", i, err)
		}
		out = append(out, g)
	}
	return out, nil
}

// NewPredictionsJSONLReader returns a reader of a model's predictions in Tawsim's native
// JSONL: the entities of each record, each with a "score" (1 when it has none), are
// suggestions of the record's "model_version", or of the file's name when it has none; the
// records' "suggestions" are read as well. A record brings no annotation: its annotator and
// status are not read, and stance or evidence spans are an error.
func NewPredictionsJSONLReader(name string, r io.Reader) Reader {
	source := filepath.Base(name)
	parse := func(line []byte, eol bool, done func()) (Record, bool, error) {
		rec, err := parseNativeRecord(line, eol, source, done)
		return rec, false, err
	}
	return &jsonLines{name: name, lines: newLineReader(r), parse: parse}
}

// predictedSpans turns the entities of a native record read as predictions into
// suggestions of source (the record's model_version, else the file's).
func predictedSpans(x *labels.TextIndex, text string, nr *nativeRecord, source string) ([]labels.Suggestion, error) {
	if len(nr.Stance) > 0 || len(nr.StanceSpans) > 0 {
		return nil, errors.New("predictions are entity spans: the record has stance or evidence spans")
	}
	source, err := predictionSource(nr.ModelVersion, source)
	if err != nil {
		return nil, err
	}
	var out []labels.Suggestion
	for i, s := range nr.Entities {
		if s.Start == nil || s.End == nil {
			return nil, fmt.Errorf("entities[%d]: start and end are required integers", i)
		}
		if s.Label == "" {
			return nil, fmt.Errorf("entities[%d]: no label", i)
		}
		g := labels.Suggestion{Start: *s.Start, End: *s.End, Label: s.Label, Source: source, Score: firstScore(s.Score)}
		if err := checkScore(g.Score); err != nil {
			return nil, fmt.Errorf("entities[%d]: %w", i, err)
		}
		if err := fillSuggestion(x, text, &g, s.Text); err != nil {
			return nil, fmt.Errorf("entities[%d]: %w", i, err)
		}
		out = append(out, g)
	}
	return out, nil
}

// predictionSource returns the source of a model's predictions: the model's version, trimmed,
// else fallback (the file's name); either must be a valid name.
func predictionSource(version, fallback string) (string, error) {
	source := strings.TrimSpace(version)
	if source == "" {
		source = fallback
	}
	if err := labels.CheckName(source); err != nil {
		return "", fmt.Errorf("model_version: %w", err)
	}
	return source, nil
}

// firstScore returns the first score given, or 1.
func firstScore(scores ...*float64) float64 {
	for _, s := range scores {
		if s != nil {
			return *s
		}
	}
	return 1
}

// checkScore refuses a score that is not a finite number.
func checkScore(score float64) error {
	if math.IsNaN(score) || math.IsInf(score, 0) {
		return fmt.Errorf("the score is %v", score)
	}
	return nil
}

// fillSuggestion checks g's offsets against the text and sets g.Text to the text they cover;
// given, when the source wrote one, must be that text. When it is not, but would be with the
// offsets counted in UTF-16 code units, the error says so.
func fillSuggestion(x *labels.TextIndex, text string, g *labels.Suggestion, given *string) error {
	sp := labels.Span{Start: g.Start, End: g.End}
	err := fillSpan(x, &sp, given)
	if err != nil && given != nil && fitsUTF16(text, g.Start, g.End, *given) {
		return reason(labels.ErrTextMismatch, "%v: these offsets count UTF-16 code units (as JavaScript does); "+
			"Tawsim's count code points (as Python does)", err)
	}
	g.Text = sp.Text
	return err
}

// fitsUTF16 reports whether [start, end), counted in UTF-16 code units, holds want in text.
func fitsUTF16(text string, start, end int, want string) bool {
	units, from := 0, -1
	for i, r := range text {
		if units == start {
			from = i
		}
		if units == end {
			return from >= 0 && text[from:i] == want
		}
		units++
		if r >= 0x10000 {
			units++
		}
	}
	return units == end && from >= 0 && text[from:] == want && utf8.ValidString(want)
}
