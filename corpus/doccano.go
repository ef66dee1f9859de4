package corpus

import (
	"bytes"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/goccy/go-json"
	"github.com/tawsim/tawsim/internal/jsonkind"
	"github.com/tawsim/tawsim/labels"
)

// NewDoccanoReader returns a reader of doccano's JSONL exports:
//
//	{"id": 7, "text": "...", "label": [[start, end, "LABEL"], ...]}          sequence labeling
//	{"text": "...", "labels": [[start, end, "LABEL"], ...]}                  (newer doccano)
//	{"text": "...", "entities": [{"start_offset", "end_offset", "label"}]}   with relations
//	{"text": "...", "label": ["FAVOR"]}                                      classification
//
// Offsets are code points (doccano counts Python str indices) into the text, which is kept
// verbatim. An entity object may carry the span's "text" too, as converters to this form
// write it; it must then equal the text at the offsets. A list of strings under "label" or "labels" (or a single string), and the
// categories under "cats", are document-level labels: each becomes a stance with an empty
// Target, for the importer to ask which target it is about. "id", a number or a string,
// becomes the ExternalID; every other key ("relations", "Comments", "meta"...) goes into
// Metadata, an object with its keys sorted.
func NewDoccanoReader(name string, r io.Reader) Reader {
	return &jsonLines{name: name, lines: newLineReader(r), parse: parseDoccano}
}

// doccanoKeys are the keys a doccano record's own fields come from, not metadata.
var doccanoKeys = []string{"cats", "entities", "id", "label", "labels", "text"}

type doccanoEntity struct {
	Start *int    `json:"start_offset"`
	End   *int    `json:"end_offset"`
	Label string  `json:"label"`
	Text  *string `json:"text"`
}

func parseDoccano(line []byte, eol bool, done func()) (Record, bool, error) {
	var m map[string]json.RawMessage
	if err := decodeLine(line, &m, eol); err != nil {
		return Record{}, false, err
	}
	done() // the values are copies: the line can go before the text is decoded
	if len(m["text"]) >= bigLine {
		debug.FreeOSMemory()
	}
	var rec Record
	if isNull(m["text"]) {
		return Record{}, false, fmt.Errorf("%w: \"text\" is missing", ErrNoText)
	}
	if err := decodeKey(m, "text", (*jsonText)(&rec.Doc.Text)); err != nil {
		return Record{}, false, err
	}
	delete(m, "text") // its copy goes before the spans are read
	if rec.Doc.Text == "" {
		return Record{}, false, fmt.Errorf("%w: \"text\" is empty", ErrNoText)
	}
	rec.Doc.Title = Title(rec.Doc.Text)
	var err error
	if rec.Doc.ExternalID, err = doccanoID(m["id"]); err != nil {
		return Record{}, false, err
	}
	if m["label"] != nil && m["labels"] != nil {
		return Record{}, false, fmt.Errorf("both \"label\" and \"labels\": want one of them")
	}
	x := labels.NewTextIndex(rec.Doc.Text)
	for _, key := range []string{"label", "labels", "cats"} {
		if err := doccanoLabels(x, &rec, key, m[key]); err != nil {
			return Record{}, false, err
		}
	}
	var ents []doccanoEntity
	if err := decodeKey(m, "entities", &ents); err != nil {
		return Record{}, false, err
	}
	for i, e := range ents {
		if e.Start == nil || e.End == nil {
			return Record{}, false, fmt.Errorf("entities[%d]: start_offset and end_offset are required integers", i)
		}
		if err := addDoccanoSpan(x, &rec, fmt.Sprintf("entities[%d]", i), *e.Start, *e.End, e.Label, e.Text); err != nil {
			return Record{}, false, err
		}
	}
	sortSpans(rec.Spans)
	if rec.Doc.Metadata, err = otherKeys(m, doccanoKeys); err != nil {
		return Record{}, false, err
	}
	return rec, false, nil
}

// decodeKey decodes m[key], when present and not null, into v.
func decodeKey(m map[string]json.RawMessage, key string, v any) error {
	raw := m[key]
	if isNull(raw) {
		return nil
	}
	return jsonError(unmarshal(raw, v), key)
}

// doccanoID returns the text of a doccano id, a number or a string.
func doccanoID(raw json.RawMessage) (string, error) {
	switch k := jsonkind.Of(raw); k {
	case "nothing", "null":
		return "", nil
	case "a number":
		return string(bytes.TrimSpace(raw)), nil
	case "a string":
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	default:
		return "", fmt.Errorf("id: got %s, want a number or a string", k)
	}
}

// doccanoLabels reads the value of "label", "labels" or "cats": a list of [start, end, label]
// triples (spans) and of strings (document labels), or one string.
func doccanoLabels(x *labels.TextIndex, rec *Record, key string, raw json.RawMessage) error {
	switch jsonkind.Of(raw) {
	case "nothing", "null":
		return nil
	case "a string":
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return jsonError(err, key)
		}
		return addDocLabel(rec, key, s)
	case "a list":
	default:
		return fmt.Errorf("%s: got %s, want a list", key, jsonkind.Of(raw))
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return jsonError(err, key)
	}
	spans := 0
	for _, it := range items {
		if jsonkind.Of(it) == "a list" {
			spans++
		}
	}
	if spans > 0 {
		rec.Spans = slices.Grow(rec.Spans, spans)
	}
	for i, it := range items {
		where := fmt.Sprintf("%s[%d]", key, i)
		switch jsonkind.Of(it) {
		case "a string":
			var s string
			if err := json.Unmarshal(it, &s); err != nil {
				return jsonError(err, where)
			}
			if err := addDocLabel(rec, where, s); err != nil {
				return err
			}
		case "a list":
			var t []json.RawMessage
			var label string
			if json.Unmarshal(it, &t) != nil || len(t) != 3 ||
				jsonkind.Of(t[2]) != "a string" || json.Unmarshal(t[2], &label) != nil {
				return fmt.Errorf("%s: got %s, want [start, end, \"LABEL\"]", where, cut(string(it), 60))
			}
			start, err := intAt(t[0])
			if err != nil {
				return fmt.Errorf("%s[0]: %w (the start of [start, end, \"LABEL\"])", where, err)
			}
			end, err := intAt(t[1])
			if err != nil {
				return fmt.Errorf("%s[1]: %w (the end of [start, end, \"LABEL\"])", where, err)
			}
			if err := addDoccanoSpan(x, rec, where, start, end, label, nil); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s: got %s, want [start, end, \"LABEL\"] or a label", where, jsonkind.Of(it))
		}
	}
	return nil
}

func addDocLabel(rec *Record, where, label string) error {
	if strings.TrimSpace(label) == "" {
		return fmt.Errorf("%s: empty label", where)
	}
	rec.Stances = append(rec.Stances, labels.DocStance{Label: label})
	return nil
}

func addDoccanoSpan(x *labels.TextIndex, rec *Record, where string, start, end int, label string, given *string) error {
	if strings.TrimSpace(label) == "" {
		return fmt.Errorf("%s: empty label", where)
	}
	sp := labels.Span{Kind: labels.KindEntity, Label: label, Start: start, End: end, Origin: labels.OriginImport}
	if err := fillSpan(x, &sp, given); err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	rec.Spans = append(rec.Spans, sp)
	return nil
}

// otherKeys returns the keys of m not in known as a compact JSON object, keys sorted, or nil
// when there are none.
func otherKeys(m map[string]json.RawMessage, known []string) (json.RawMessage, error) {
	var keys []string
	for k := range m {
		if !slices.Contains(known, k) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(appendJSONString(nil, k))
		buf.WriteByte(':')
		if err := json.Compact(&buf, m[k]); err != nil {
			return nil, jsonError(err, k)
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
