package corpus

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/goccy/go-json"
	"github.com/tawsim/tawsim/internal/jsonkind"
	"github.com/tawsim/tawsim/labels"
)

// NewLabelStudioReader returns a reader of Label Studio tasks with a model's predictions:
// a JSON list of tasks (Label Studio's JSON export), one task a line, or tasks one after
// another (indented). A task is {"id", "data": {"text": ...}, "predictions": [{"model_version",
// "score", "result": [{"value": {"start", "end", "text", "labels": [...], "score"}, "score"}]}]}.
//
// The text is data's "text" (opt.TextColumn names another key), kept verbatim; data's other
// keys become the metadata, and the task's "id" the external id. Each label of each result
// with "labels" in its value is a suggestion: of the source model_version (the file's name
// when the prediction has none), scored by the value's "score", else the result's, else the
// prediction's, else 1. Offsets are code points, as Python counts them: text[start:end] must
// equal "text" when it is given (offsets that fit only when counted in UTF-16 code units, as
// JavaScript counts, are named so in the error). Results of other kinds (choices, text areas)
// are not read, nor are the tasks' annotations. Records carry no spans: predictions are
// never annotations.
func NewLabelStudioReader(name string, r io.Reader, opt Options) Reader {
	key := opt.TextColumn
	if key == "" {
		key = "text"
	}
	return &labelStudio{name: name, values: newJSONValues(r), textKey: key, source: filepath.Base(name)}
}

type labelStudio struct {
	name    string
	values  *jsonValues
	textKey string
	source  string // of predictions without a model_version
	seen    bool
}

type lsTask struct {
	ID          stdjson.RawMessage `json:"id"`
	Data        stdjson.RawMessage `json:"data"`
	Predictions []lsPrediction     `json:"predictions"`
}

type lsPrediction struct {
	ModelVersion stdjson.RawMessage `json:"model_version"`
	Score        *float64           `json:"score"`
	Result       []lsResult         `json:"result"`
}

type lsResult struct {
	Score *float64 `json:"score"`
	Value struct {
		Start  offset   `json:"start"`
		End    offset   `json:"end"`
		Text   *string  `json:"text"`
		Labels []string `json:"labels"`
		Score  *float64 `json:"score"`
	} `json:"value"`
}

// Read returns the next task as a record.
func (l *labelStudio) Read() (Record, error) {
	value, line, err := l.values.next()
	if errors.Is(err, io.EOF) {
		if !l.seen {
			l.seen = true
			return Record{}, &Error{File: l.name, Err: ErrEmpty}
		}
		return Record{}, io.EOF
	}
	l.seen = true
	if err != nil {
		return Record{}, &Error{File: l.name, Line: line, Err: err}
	}
	rec, err := l.parse(value)
	if err != nil {
		return Record{}, &Error{File: l.name, Line: line, Err: err}
	}
	rec.Line = line
	return rec, nil
}

// parse reads one task.
func (l *labelStudio) parse(value []byte) (Record, error) {
	var task lsTask
	if err := decodeLine(value, &task, true); err != nil {
		return Record{}, err
	}
	text, meta, err := taskData(task.Data, l.textKey)
	if err != nil {
		return Record{}, err
	}
	var rec Record
	rec.Doc = labels.Document{Text: text, ExternalID: jsonScalar(task.ID), SourceFile: l.name, Title: Title(text), Metadata: meta}
	rec.Status = labels.StatusTodo
	x := labels.NewTextIndex(text)
	for i, p := range task.Predictions {
		if err := l.prediction(x, text, &rec, p); err != nil {
			return Record{}, fmt.Errorf("predictions[%d]: %w", i, err)
		}
	}
	return rec, nil
}

// prediction adds the suggestions of one prediction to rec.
func (l *labelStudio) prediction(x *labels.TextIndex, text string, rec *Record, p lsPrediction) error {
	source, err := predictionSource(jsonScalar(p.ModelVersion), l.source)
	if err != nil {
		return err
	}
	for j, r := range p.Result {
		if len(r.Value.Labels) == 0 {
			continue // choices, a text area...: no span
		}
		g := labels.Suggestion{Source: source, Score: firstScore(r.Value.Score, r.Score, p.Score),
			Start: r.Value.Start.n, End: r.Value.End.n}
		var err error
		if !r.Value.Start.set || !r.Value.End.set {
			err = errors.New("value: start and end are required, in code points")
		}
		if err == nil {
			err = fillSuggestion(x, text, &g, r.Value.Text)
		}
		if err == nil {
			err = checkScore(g.Score)
		}
		if err != nil {
			return fmt.Errorf("result[%d]: %w", j, err)
		}
		for _, label := range r.Value.Labels {
			g.Label = label
			rec.Suggestions = append(rec.Suggestions, g)
		}
	}
	return nil
}

// taskData returns the text under key of a task's data, and its other keys as an object
// (nil when there are none).
func taskData(data []byte, key string) (string, []byte, error) {
	if isNull(data) {
		return "", nil, fmt.Errorf("%w: the task has no \"data\"", ErrNoText)
	}
	dec := stdjson.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != stdjson.Delim('{') {
		return "", nil, fmt.Errorf("data: got %s, want an object", jsonkind.Of(data))
	}
	var text *string
	meta := []byte{'{'}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return "", nil, fmt.Errorf("data: %w", err)
		}
		k, _ := t.(string)
		var v stdjson.RawMessage
		if err := dec.Decode(&v); err != nil {
			return "", nil, fmt.Errorf("data: %w", err)
		}
		if k == key {
			if err := json.Unmarshal(v, &text); err != nil || text == nil {
				return "", nil, fmt.Errorf("data.%s: got %s, want a string", key, jsonkind.Of(v))
			}
			continue
		}
		if len(meta) > 1 {
			meta = append(meta, ',')
		}
		meta = append(appendJSONString(meta, k), ':')
		meta = append(meta, v...)
	}
	if text == nil || *text == "" {
		return "", nil, fmt.Errorf("%w: data.%s is missing or empty (name the key of the text with the text column option)", ErrNoText, key)
	}
	if len(meta) == 1 {
		return *text, nil, nil
	}
	return *text, append(meta, '}'), nil
}

// jsonScalar returns a JSON string's value, or a number's digits ("" for null or nothing).
func jsonScalar(raw []byte) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	if k := jsonkind.Of(raw); k == "a number" {
		return string(bytes.TrimSpace(raw))
	}
	return ""
}
