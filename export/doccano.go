package export

import (
	"io"

	"github.com/tawsim/tawsim/labels"
)

// doccanoWriter writes doccano's sequence labeling records.
type doccanoWriter struct{ base }

// NewDoccano returns a writer of doccano's sequence labeling JSONL, one line per record:
//
//	{"id":"ID","text":"...","label":[[start,end,"LABEL"],...]}
//
// with the entity spans in the order given (stance spans are left out; see doccano-stance).
// Offsets are code points, as doccano counts them.
func NewDoccano(w io.Writer) Writer { return &doccanoWriter{base: newBase(w)} }

// Write writes one record.
func (d *doccanoWriter) Write(rec labels.Annotated) error {
	if err := d.check(&rec); err != nil {
		return recordError(&rec, err)
	}
	b := append(d.buf[:0], '{')
	b = appendStringField(b, "id", exportID(&rec.Doc), true)
	b = d.appendTextField(b, "text", rec.Doc.Text, false)
	b = append(appendKey(b, "label", false), '[')
	first := true
	for i := range rec.Spans {
		sp := &rec.Spans[i]
		if sp.Kind != labels.KindEntity {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendInt(append(b, '['), sp.Start)
		b = appendInt(append(b, ','), sp.End)
		b = appendString(append(b, ','), sp.Label)
		b = d.spill(append(b, ']'))
	}
	return d.commit(append(b, ']', '}', '\n'))
}

// NewDoccanoStance returns a writer of doccano's text classification JSONL: one line per
// (document, target) that has a document stance, in the order of the record's stances:
//
//	{"id":"ID","text":"...","target":"Target name","label":["FAVOR"]}
//
// The target is written by its name in opt.Schema, or by its id when the schema lacks it.
// A document with no stance writes nothing.
func NewDoccanoStance(w io.Writer, opt Options) Writer {
	return &perStance{base: newBase(w), schema: opt.Schema, line: doccanoStanceLine}
}

func doccanoStanceLine(w *base, b []byte, rec *labels.Annotated, st labels.DocStance, target string) []byte {
	b = appendStringField(b, "id", exportID(&rec.Doc), true)
	b = w.appendTextField(b, "text", rec.Doc.Text, false)
	b = appendStringField(b, "target", target, false)
	b = append(appendKey(b, "label", false), '[')
	return append(appendString(b, st.Label), ']')
}

// targetName returns the name of the target with the given id in schema, or the id when the
// schema does not list it.
func targetName(schema labels.Schema, id string) (string, error) {
	t, ok := schema.Target(id)
	if !ok {
		return id, nil
	}
	return t.Name, validStrings("target name", t.Name)
}
