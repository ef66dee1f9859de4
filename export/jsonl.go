package export

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/tawsim/tawsim/labels"
)

// jsonlWriter writes the native, lossless record of docs/FORMATS.md.
type jsonlWriter struct {
	base
	meta bytes.Buffer // scratch for compacting metadata
}

// NewJSONL returns a writer of the native JSONL format (docs/FORMATS.md), one line per
// (document, annotator), keys in this order:
//
//	{"id","external_id","source_file","title","text","annotator","status",
//	 "entities":[{"start","end","label","text"}],"stance":[{"target","label"}],
//	 "stance_spans":[{"start","end","target","label","text"}],"tokens":null|[[s,e],...],"metadata":{},
//	 "suggestions":[{"start","end","label","text","source","score","decision"}]}
//
// "suggestions" is written only for a record that has some (store.ExportFilter.Suggestions),
// "decision" only for a suggestion the record's annotator decided on.
// Spans keep the order they are given in; entities, stance and stance_spans are [] when empty;
// tokens is null when the document has no tokens of its own; metadata is written compacted,
// {} when there is none, and must be a JSON object. An empty Status is written "todo"; any
// other status must be one of labels.Statuses.
func NewJSONL(w io.Writer) Writer { return &jsonlWriter{base: newBase(w)} }

// Write writes one record.
func (j *jsonlWriter) Write(rec labels.Annotated) error {
	if err := j.check(&rec); err != nil {
		return recordError(&rec, err)
	}
	status, err := statusOf(rec.Status)
	if err != nil {
		return recordError(&rec, err)
	}
	if err := j.checkSuggestions(rec.Suggestions); err != nil {
		return recordError(&rec, err)
	}
	if err := compactMetadata(&j.meta, rec.Doc.Metadata); err != nil {
		return recordError(&rec, fmt.Errorf("metadata: %w", err))
	}
	return j.commit(j.write(&rec, status))
}

// write makes the record's line, writing it out as it goes, and returns what remains of it.
func (j *jsonlWriter) write(rec *labels.Annotated, status labels.Status) []byte {
	d := &rec.Doc
	b := append(j.buf[:0], '{')
	b = appendStringField(b, "id", d.ID, true)
	b = appendStringField(b, "external_id", d.ExternalID, false)
	b = appendStringField(b, "source_file", d.SourceFile, false)
	b = j.appendTextField(b, "title", d.Title, false) // a text of one line is its own title
	b = j.appendTextField(b, "text", d.Text, false)
	b = appendStringField(b, "annotator", rec.Annotator, false)
	b = appendStringField(b, "status", string(status), false)
	b = j.appendSpans(appendKey(b, "entities", false), rec.Spans, labels.KindEntity)
	b = appendStances(appendKey(b, "stance", false), rec.Stances)
	b = j.appendSpans(appendKey(b, "stance_spans", false), rec.Spans, labels.KindStance)
	b = j.appendOffsets(appendKey(b, "tokens", false), d)
	b = append(appendKey(b, "metadata", false), j.meta.Bytes()...)
	if len(rec.Suggestions) > 0 {
		b = j.appendSuggestions(appendKey(b, "suggestions", false), rec.Suggestions)
	}
	return append(b, '}', '\n')
}

// statusOf returns s, StatusTodo for the empty status, or an error for an unknown one.
func statusOf(s labels.Status) (labels.Status, error) {
	if s == "" {
		return labels.StatusTodo, nil
	}
	for _, known := range labels.Statuses {
		if s == known {
			return s, nil
		}
	}
	return "", fmt.Errorf("%w: %q", labels.ErrBadStatus, s)
}

// appendSpans appends the spans of kind as a JSON array: {start,end,label,text} for entity
// spans, {start,end,target,label,text} for stance spans.
func (j *jsonlWriter) appendSpans(b []byte, spans []labels.Span, kind labels.Kind) []byte {
	b = append(b, '[')
	first := true
	for i := range spans {
		sp := &spans[i]
		if sp.Kind != kind {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendIntField(append(b, '{'), "start", sp.Start, true)
		b = appendIntField(b, "end", sp.End, false)
		if kind == labels.KindStance {
			b = appendStringField(b, "target", sp.Target, false)
		}
		b = appendStringField(b, "label", sp.Label, false)
		b = j.appendTextField(b, "text", sp.Text, false)
		b = j.spill(append(b, '}'))
	}
	return append(b, ']')
}

// appendStances appends the document stances as [{target,label},...].
func appendStances(b []byte, stances []labels.DocStance) []byte {
	b = append(b, '[')
	for i, st := range stances {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendStringField(append(b, '{'), "target", st.Target, true)
		b = appendStringField(b, "label", st.Label, false)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendOffsets appends the own tokens of d as [[start,end],...], or null when it has none.
func (j *jsonlWriter) appendOffsets(b []byte, d *labels.Document) []byte {
	if !d.HasOwnTokens() {
		return append(b, "null"...)
	}
	b = append(b, '[')
	first := true
	for t := range d.OwnTokens() {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(t.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(t.End), 10)
		b = j.spill(append(b, ']'))
	}
	return append(b, ']')
}
