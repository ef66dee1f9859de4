package labels

import "fmt"

// ValidateSpan checks sp against the document text and the schema, and, for entity spans,
// against the annotator's other spans of the same document (others; sp itself, matched by
// ID, is ignored there so that a relabel can be validated too).
func (s Schema) ValidateSpan(text string, sp Span, others []Span) error {
	return s.ValidateSpanIn(NewTextIndex(text), sp, others)
}

// ValidateSpanIn is ValidateSpan with the text given by its index: the spans of a document
// checked in text order through one index cost one walk over the text.
func (s Schema) ValidateSpanIn(x *TextIndex, sp Span, others []Span) error {
	if err := CheckAnnotator(sp.Annotator); err != nil {
		return err
	}
	switch sp.Origin {
	case OriginManual, OriginImport, OriginSuggestion:
	default:
		return fmt.Errorf("%w: %q", ErrBadOrigin, sp.Origin)
	}
	switch sp.Kind {
	case KindEntity:
		if _, ok := s.Entity(sp.Label); !ok {
			return fmt.Errorf("%w: entity label %q", ErrUnknownLabel, sp.Label)
		}
	case KindStance:
		if _, ok := s.Stance(sp.Label); !ok {
			return fmt.Errorf("%w: stance label %q", ErrUnknownLabel, sp.Label)
		}
		if _, ok := s.Target(sp.Target); !ok {
			return fmt.Errorf("%w: %q", ErrUnknownTarget, sp.Target)
		}
	default:
		return fmt.Errorf("%w: %q", ErrBadKind, sp.Kind)
	}
	if err := CheckTextIn(x, sp); err != nil {
		return err
	}
	if sp.Kind == KindEntity {
		return s.checkOverlap(sp, others)
	}
	return nil
}

// checkOverlap applies the schema's nesting rule to sp among the annotator's entity spans.
func (s Schema) checkOverlap(sp Span, others []Span) error {
	for _, o := range others {
		if o.Kind != KindEntity || (sp.ID != "" && o.ID == sp.ID) || o.Annotator != sp.Annotator {
			continue
		}
		if !sp.Overlaps(o) {
			continue
		}
		if o.Start == sp.Start && o.End == sp.End && o.Label == sp.Label {
			return fmt.Errorf("%w: [%d,%d) is already labeled %s", ErrOverlap, sp.Start, sp.End, o.Label)
		}
		switch s.Nesting {
		case NestingOverlap:
			continue
		case NestingNested:
			if sp.Contains(o) || o.Contains(sp) {
				continue
			}
		}
		return fmt.Errorf("%w: [%d,%d) %s crosses [%d,%d) %s %q", ErrOverlap,
			sp.Start, sp.End, sp.Label, o.Start, o.End, o.Label, o.Text)
	}
	return nil
}
