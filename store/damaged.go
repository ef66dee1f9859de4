package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/tawsim/tawsim/labels"
)

// ErrDamaged is wrapped by the error for a row that does not hold what the project's format
// says it holds: a row written by another program, or read from a failing disk.
var ErrDamaged = errors.New("damaged")

// DamagedError names the (document, annotator) row of spans that cannot be read, and why.
type DamagedError struct {
	DocID      string
	ExternalID string // "" when the document has none or could not be read
	Annotator  string
	Err        error // what is wrong with the row
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("%s: the spans by %q are damaged: %v", describeDocID(e.DocID, e.ExternalID), e.Annotator, e.Err)
}

func (e *DamagedError) Unwrap() []error { return []error{ErrDamaged, e.Err} }

// describeDocID names a document by its id and, when it has one, its external id.
func describeDocID(id, externalID string) string {
	if externalID == "" {
		return "document " + id
	}
	return fmt.Sprintf("document %s (external id %q)", id, externalID)
}

// withExternalID fills in the external id of the document that a *DamagedError names. Other
// errors, and nil, pass through.
func withExternalID(ctx context.Context, q queryer, err error) error {
	var d *DamagedError
	if !errors.As(err, &d) || d.ExternalID != "" {
		return err
	}
	var ext string
	if q.QueryRowContext(ctx, "SELECT external_id FROM documents WHERE id = ?", d.DocID).Scan(&ext) == nil {
		d.ExternalID = ext
	}
	return err
}

// decodedSpan is one element of a span_sets array as read: the keys encodeSpans writes, with
// offsets that tell a missing key from a zero.
type decodedSpan struct {
	ID      string    `json:"i"`
	Start   storedInt `json:"s"`
	End     storedInt `json:"e"`
	Text    string    `json:"t"`
	Label   string    `json:"l"`
	Kind    string    `json:"k"`
	Target  string    `json:"g"`
	Origin  string    `json:"o"`
	Created string    `json:"c"`
	Updated string    `json:"u"`
}

// span makes the labels.Span of e, without its times.
func (e *decodedSpan) span(docID, annotator string) labels.Span {
	return labels.Span{ID: e.ID, DocID: docID, Annotator: annotator, Start: e.Start.n, End: e.End.n, Text: e.Text,
		Label: e.Label, Kind: labels.Kind(e.Kind), Target: e.Target, Origin: labels.Origin(e.Origin)}
}

// storedInt is an offset of a stored span: a JSON integer that must be present.
type storedInt struct {
	n   int
	set bool
}

// maxDigits keeps a stored offset far from overflowing an int.
const maxDigits = 15

// UnmarshalJSON reads a JSON integer; null, a fraction, an exponent or a string is an error.
func (v *storedInt) UnmarshalJSON(b []byte) error {
	digits := b
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) == 0 || len(digits) > maxDigits {
		return fmt.Errorf("an offset must be an integer, not %s", clip(b))
	}
	n := 0
	for _, c := range digits {
		if c < '0' || c > '9' {
			return fmt.Errorf("an offset must be an integer, not %s", clip(b))
		}
		n = n*10 + int(c-'0')
	}
	if len(digits) < len(b) {
		n = -n
	}
	v.n, v.set = n, true
	return nil
}

// decodeStored reads a span_sets array into list (reused) and checks what any reader of it
// relies on: a non-empty JSON array of objects, each with every key of the format (the
// target and update time may be absent), offsets that are integers with 0 <= start < end,
// and a known kind and origin. Labels, targets and texts are checked against the schema and
// the document by Check and by the exporters.
func decodeStored(data []byte, list []decodedSpan) ([]decodedSpan, error) {
	if err := isArray(data); err != nil {
		return nil, err
	}
	// The decoder fills the elements already there without zeroing them: a key missing from
	// this row must not keep the value of an earlier one.
	clear(list[:cap(list)])
	list = list[:0]
	if err := decodeJSON(data, &list); err != nil {
		return nil, fmt.Errorf("not a valid array of spans: %w", err)
	}
	if len(list) == 0 {
		return nil, errors.New("an empty array (a row is removed with its last span)")
	}
	for i := range list {
		if err := list[i].check(); err != nil {
			return nil, fmt.Errorf("span %d: %w", i+1, err)
		}
	}
	return list, nil
}

// isArray refuses data that is not a JSON array at all, naming what it is.
func isArray(data []byte) error {
	t := bytes.TrimLeft(data, " \t\r\n")
	if len(t) > 0 && t[0] == '[' {
		return nil
	}
	what := "text that is not JSON"
	switch {
	case len(t) == 0:
		what = "nothing"
	case t[0] == '{':
		what = "a JSON object"
	case t[0] == '"':
		what = "a JSON string"
	case t[0] == '-' || (t[0] >= '0' && t[0] <= '9'):
		what = "a number"
	case bytes.HasPrefix(t, []byte("null")):
		what = "null"
	case bytes.HasPrefix(t, []byte("true")), bytes.HasPrefix(t, []byte("false")):
		what = "a boolean"
	}
	return fmt.Errorf("not an array of spans but %s: %s", what, clip(data))
}

// check refuses a span that lacks a key, or whose offsets, kind or origin no reader could use.
func (e *decodedSpan) check() error {
	for _, f := range []struct{ key, v string }{
		{"i", e.ID}, {"t", e.Text}, {"l", e.Label}, {"k", e.Kind}, {"o", e.Origin}, {"c", e.Created},
	} {
		if f.v == "" {
			return fmt.Errorf("no %q (a string that may not be empty)", f.key)
		}
	}
	switch {
	case !e.Start.set:
		return errors.New(`no "s" (the start offset)`)
	case !e.End.set:
		return errors.New(`no "e" (the end offset)`)
	case e.Start.n < 0 || e.End.n <= e.Start.n:
		return fmt.Errorf("offsets [%d,%d) are not a range of the text", e.Start.n, e.End.n)
	}
	switch labels.Kind(e.Kind) {
	case labels.KindEntity, labels.KindStance:
	default:
		return fmt.Errorf("%w: %q", labels.ErrBadKind, e.Kind)
	}
	switch labels.Origin(e.Origin) {
	case labels.OriginManual, labels.OriginImport, labels.OriginSuggestion:
	default:
		return fmt.Errorf("%w: %q", labels.ErrBadOrigin, e.Origin)
	}
	return nil
}

// maxClip is how much of a damaged row an error quotes.
const maxClip = 60

// clip quotes the start of a damaged value for an error message.
func clip(b []byte) string {
	if len(b) <= maxClip {
		return fmt.Sprintf("%q", b)
	}
	cut := maxClip
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return fmt.Sprintf("%q...", b[:cut])
}

// schemaNames holds the names a stored span may use: the schema's entity labels, stance
// labels and targets.
type schemaNames struct{ entities, stances, targets map[string]bool }

func newSchemaNames(sc labels.Schema) schemaNames {
	n := schemaNames{entities: map[string]bool{}, stances: map[string]bool{}, targets: map[string]bool{}}
	for _, l := range sc.Entities {
		n.entities[l.Name] = true
	}
	for _, l := range sc.StanceLabels {
		n.stances[l.Name] = true
	}
	for _, t := range sc.Targets {
		n.targets[t.ID] = true
	}
	return n
}

// check refuses a span whose label or stance target the schema lacks (the schema cannot drop
// what a span uses: only another program can have written it).
func (n schemaNames) check(e *decodedSpan) error {
	switch {
	case labels.Kind(e.Kind) == labels.KindEntity && !n.entities[e.Label]:
		return fmt.Errorf("%w: entity label %q", labels.ErrUnknownLabel, e.Label)
	case labels.Kind(e.Kind) == labels.KindStance && !n.stances[e.Label]:
		return fmt.Errorf("%w: stance label %q", labels.ErrUnknownLabel, e.Label)
	case labels.Kind(e.Kind) == labels.KindStance && !n.targets[e.Target]:
		return fmt.Errorf("%w: %q", labels.ErrUnknownTarget, e.Target)
	}
	return nil
}
