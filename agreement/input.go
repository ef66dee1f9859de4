package agreement

import "github.com/tawsim/tawsim/labels"

// Span is an entity span as agreement compares it: half-open code point offsets and a label.
type Span struct {
	Start, End int
	Label      string
}

// Stance is an annotator's document stance toward one target.
type Stance struct {
	Target string // the target's id in the schema
	Label  string // "" is no stance
}

// Annotation is one annotator's work on one document: the spans and stances to compare.
// A caller that filters by status leaves out the annotations it does not want.
type Annotation struct {
	Annotator string
	Entities  []Span   // in any order
	Stances   []Stance // at most one with a label per target
}

// DocumentAnnotations is one document with the work of every annotator on it.
type DocumentAnnotations struct {
	DocID string
	Work  []Annotation // at most one per annotator; an unnamed one (nobody's work) is skipped
}

// FromAnnotated returns the Annotation of a (document, annotator) record as the store and
// the readers give it: its entity spans (stance evidence spans are not compared) and its
// document stances.
func FromAnnotated(a labels.Annotated) Annotation {
	out := Annotation{Annotator: a.Annotator}
	for _, sp := range a.Spans {
		if sp.Kind == labels.KindEntity {
			out.Entities = append(out.Entities, Span{Start: sp.Start, End: sp.End, Label: sp.Label})
		}
	}
	for _, st := range a.Stances {
		out.Stances = append(out.Stances, Stance{Target: st.Target, Label: st.Label})
	}
	return out
}
