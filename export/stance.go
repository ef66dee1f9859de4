package export

import (
	"io"

	"github.com/tawsim/tawsim/labels"
)

// perStance writes one line per (document, target) that has a document stance, in the order
// of the record's stances; line appends the fields of one line between its braces.
type perStance struct {
	base
	schema labels.Schema
	line   func(w *base, b []byte, rec *labels.Annotated, st labels.DocStance, target string) []byte
	names  []string // the target names of the current record's stances
}

// Write writes the record's lines, or nothing when one of them cannot be written.
func (s *perStance) Write(rec labels.Annotated) error {
	if err := s.check(&rec); err != nil {
		return recordError(&rec, err)
	}
	s.names = s.names[:0]
	for _, st := range rec.Stances {
		name, err := targetName(s.schema, st.Target)
		if err != nil {
			return recordError(&rec, err)
		}
		s.names = append(s.names, name)
	}
	b := s.buf[:0]
	for i, st := range rec.Stances {
		b = append(s.line(&s.base, append(b, '{'), &rec, st, s.names[i]), '}', '\n')
	}
	return s.commit(b)
}

// NewStance returns a writer of stance records (Mawqif's shape, with evidence): one line per
// (document, target) that has a document stance, in the order of the record's stances:
//
//	{"id":"ID","text":"...","target":"Target name","label":"FAVOR",
//	 "evidence":[{"start":s,"end":e,"label":"FAVOR","text":"..."}]}
//
// The target is written by its name in opt.Schema, or by its id when the schema lacks it.
// The evidence is the record's stance spans toward that target, in the order given ([] when
// there are none); stance spans toward a target without a document stance are not written.
func NewStance(w io.Writer, opt Options) Writer {
	return &perStance{base: newBase(w), schema: opt.Schema, line: stanceLine}
}

func stanceLine(w *base, b []byte, rec *labels.Annotated, st labels.DocStance, target string) []byte {
	b = appendStringField(b, "id", exportID(&rec.Doc), true)
	b = w.appendTextField(b, "text", rec.Doc.Text, false)
	b = appendStringField(b, "target", target, false)
	b = appendStringField(b, "label", st.Label, false)
	return w.appendEvidence(appendKey(b, "evidence", false), rec.Spans, st.Target)
}

// appendEvidence appends the stance spans toward target as [{start,end,label,text},...].
func (w *base) appendEvidence(b []byte, spans []labels.Span, target string) []byte {
	b = append(b, '[')
	first := true
	for i := range spans {
		sp := &spans[i]
		if sp.Kind != labels.KindStance || sp.Target != target {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendIntField(append(b, '{'), "start", sp.Start, true)
		b = appendIntField(b, "end", sp.End, false)
		b = appendStringField(b, "label", sp.Label, false)
		b = w.appendTextField(b, "text", sp.Text, false)
		b = w.spill(append(b, '}'))
	}
	return append(b, ']')
}

// NewStanceClaims returns a writer of claim-article stance pairs (the shape of AraStance and
// of Baly et al.'s Arabic fact-checking data), one line per (document, target) that has a
// document stance, in the order of the record's stances:
//
//	{"id":"ID","claim":"Target name","article":"...","label":"AGREE"}
//
// The claim is the target's name in opt.Schema (its id when the schema lacks it); the article
// is the document's text. Evidence spans are not written (see the stance format).
func NewStanceClaims(w io.Writer, opt Options) Writer {
	return &perStance{base: newBase(w), schema: opt.Schema, line: claimLine}
}

func claimLine(w *base, b []byte, rec *labels.Annotated, st labels.DocStance, target string) []byte {
	b = appendStringField(b, "id", exportID(&rec.Doc), true)
	b = appendStringField(b, "claim", target, false)
	b = w.appendTextField(b, "article", rec.Doc.Text, false)
	return appendStringField(b, "label", st.Label, false)
}
