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
		if err := s.Conflict(sp, o); err != nil {
			return err
		}
	}
	return nil
}

// Conflict returns an error wrapping ErrOverlap when the schema's nesting rule forbids two
// entity spans of one annotator, sp and o, side by side, and nil when it allows them:
//
//   - the same range with the same label: never (a span is not labeled twice);
//   - flat: no shared code point;
//   - nested: one inside the other, never crossing; the same range with another label only
//     with SameRange;
//   - overlap: anything else.
func (s Schema) Conflict(sp, o Span) error {
	if !sp.Overlaps(o) {
		return nil
	}
	same := o.Start == sp.Start && o.End == sp.End
	switch {
	case same && o.Label == sp.Label:
		return fmt.Errorf("%w: [%d,%d) is already labeled %s", ErrOverlap, sp.Start, sp.End, o.Label)
	case s.Nesting == NestingOverlap:
		return nil
	case s.Nesting == NestingNested && same && !s.SameRange:
		return fmt.Errorf("%w: [%d,%d) is already labeled %s, and the schema gives a range one entity label",
			ErrOverlap, sp.Start, sp.End, o.Label)
	case s.Nesting == NestingNested && (sp.Contains(o) || o.Contains(sp)):
		return nil
	case s.Nesting == NestingFlat:
		return fmt.Errorf("%w: [%d,%d) %s overlaps [%d,%d) %s %q, and the schema's entities are flat", ErrOverlap,
			sp.Start, sp.End, sp.Label, o.Start, o.End, o.Label, o.Text)
	}
	return fmt.Errorf("%w: [%d,%d) %s crosses [%d,%d) %s %q", ErrOverlap,
		sp.Start, sp.End, sp.Label, o.Start, o.End, o.Label, o.Text)
}
