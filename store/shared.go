package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// What a store of another kind (store/postgres) shares with the SQLite store, so that both
// keep one format for what they store and one set of rules for what they accept: the times,
// the span sets and suggestion sets as JSON, the checks of documents, schemas and import
// records, and the sums of the counts.

// FormatTime renders t as stored: UTC, fixed width, so that text order is time order.
func FormatTime(t time.Time) string { return formatTime(t) }

// ParseTime reads a stored time.
func ParseTime(s string) (time.Time, error) { return parseTime(s) }

// UnitSep joins the parts of a key of the counts (kind, target, label).
const UnitSep = unitSep

// EncodeSpans renders one annotator's spans of one document as the JSON array a span set is
// stored as (migrations/0003_span_sets.sql), sorting them into stored order first.
func EncodeSpans(spans []labels.Span) ([]byte, error) {
	sortSpans(spans)
	return encodeSpans(nil, spans), nil
}

// DecodeSpans reads a stored span set of docID by annotator; a set that does not hold what
// the format says is a *DamagedError.
func DecodeSpans(data []byte, docID, annotator string) ([]labels.Span, error) {
	return decodeSpans(data, docID, annotator)
}

// SortSpans puts spans in stored order: by start, end and id.
func SortSpans(spans []labels.Span) { sortSpans(spans) }

// SpanCountKey is the key under which the counts count a span: kind, target and label.
func SpanCountKey(sp labels.Span) string {
	return string(sp.Kind) + unitSep + sp.Target + unitSep + sp.Label
}

// SpanName returns id when it is a UUID, else a new one (version 7).
func SpanName(id string) (string, error) { return spanName(id) }

// Undoable tells the changes an annotator can undo: their own annotations of a document.
func Undoable(a labels.Action) bool { return undoable(a) }

// DocRow is a document checked for storing: the text hash set, its length in code points,
// and its metadata and own tokens as stored (nil for none; the tokens packed, as
// labels.PackedTokens).
type DocRow struct {
	Doc      labels.Document
	Runes    int
	Metadata *string
	Tokens   []byte
}

// NewDocRow checks d as AddDocuments does (ErrBadDocument) and computes what is stored with it.
func NewDocRow(d labels.Document) (DocRow, error) {
	r, err := newDocRow(d)
	if err != nil {
		return DocRow{}, err
	}
	return exportRow(r), nil
}

// exportRow gives a docRow the exported form.
func exportRow(r docRow) DocRow {
	out := DocRow{Doc: r.doc, Runes: r.runes}
	if m, ok := r.metadata.(string); ok {
		out.Metadata = &m
	}
	if t, ok := r.tokens.([]byte); ok {
		out.Tokens = t
	}
	return out
}

// StoredTokens checks a document's stored own tokens (packed, nil for none) against its text
// of n code points: tokens that do not read so are an error wrapping ErrDamaged.
func StoredTokens(data []byte, n int) (labels.PackedTokens, error) {
	return storedTokens(data, true, n)
}

// DescribeDocID names a document in a message: its id, and its external id when it has one.
func DescribeDocID(id, externalID string) string { return describeDocID(id, externalID) }

// CountRow is one row of a project's counts (migrations/0004_counts.sql).
type CountRow struct {
	Annotator, What, Key string
	N                    int
}

// StatsOf sums up a project from its number of documents, its counts and its schema, for one
// annotator or all (""), as Stats does.
func StatsOf(documents int, annotator string, rows []CountRow, sc labels.Schema) Stats {
	st := Stats{Documents: documents, Status: map[labels.Status]int{}, EntityLabels: map[string]int{},
		StanceLabels: map[string]int{}, DocStances: map[string]map[string]int{}, StanceSpans: map[string]map[string]int{},
		TargetNames: map[string]string{}, Suggestions: map[string]*SourceStats{}}
	for _, s := range labels.Statuses {
		st.Status[s] = 0
	}
	moved := 0
	for _, r := range rows {
		if r.N == 0 {
			continue
		}
		if r.Annotator != "" {
			st.Annotators = append(st.Annotators, r.Annotator)
		}
		if annotator != "" && r.Annotator != annotator && r.What != "suggestions" {
			continue
		}
		st.add(r.What, r.Key, r.N, &moved)
	}
	slices.Sort(st.Annotators)
	st.Annotators = slices.Compact(st.Annotators)
	pairs := st.Documents
	if annotator == "" {
		pairs *= max(1, len(st.Annotators))
	}
	st.Status[labels.StatusTodo] = pairs - moved
	st.precision()
	for _, t := range sc.Targets {
		st.TargetNames[t.ID] = t.Name
	}
	return st
}

// DecodeSchema reads a stored schema (an empty nesting is flat).
func DecodeSchema(data []byte) (labels.Schema, error) {
	var sc labels.Schema
	if err := json.Unmarshal(data, &sc); err != nil {
		return labels.Schema{}, fmt.Errorf("stored schema: %w", err)
	}
	if sc.Nesting == "" {
		sc.Nesting = labels.NestingFlat
	}
	return sc, nil
}

// SchemaChange tells what a new schema asks of the annotations stored under the old one:
// whether it drops a label or target (then each use must be looked for), and whether it
// makes the nesting stricter (then each span set must be checked with BreaksNesting).
func SchemaChange(old, sc labels.Schema) (drops, stricter bool) {
	return !keepsAll(old, sc), nestingRank[sc.Nesting] < nestingRank[old.Nesting] || old.SameRange && !sc.SameRange
}

// LabelKept refuses sc when it drops label, of kind ("entity", "stance"), that n annotations
// use (wrapping labels.ErrUnknownLabel); nil when sc keeps it.
func LabelKept(sc labels.Schema, kind, label string, n int) error {
	ok := true
	switch labels.Kind(kind) {
	case labels.KindEntity:
		_, ok = sc.Entity(label)
	case labels.KindStance:
		_, ok = sc.Stance(label)
	}
	if !ok {
		return &inUseError{what: kind + " label", name: label, n: n, is: []error{labels.ErrUnknownLabel}}
	}
	return nil
}

// TargetKept refuses sc when it drops the stance target that n annotations use (wrapping
// labels.ErrUnknownTarget and labels.ErrUnknownLabel); nil when sc keeps it.
func TargetKept(sc labels.Schema, target string, n int) error {
	if _, ok := sc.Target(target); !ok {
		return &inUseError{what: "stance target", name: target, n: n,
			is: []error{labels.ErrUnknownTarget, labels.ErrUnknownLabel}}
	}
	return nil
}

// NestingBroken returns the refusal of sc's nesting rule when the stored set spans of docID by
// annotator breaks it, nil when it does not.
func NestingBroken(sc labels.Schema, docID, annotator string, spans []labels.Span) error {
	if sc.Nesting == labels.NestingOverlap {
		return nil
	}
	if a, b, ok := breaksNesting(spans, sc); ok {
		return fmt.Errorf("%w: nesting %q is broken in document %s by annotator %q: [%d,%d) %s and [%d,%d) %s",
			labels.ErrOverlap, sc.Nesting, docID, annotator, a.Start, a.End, a.Label, b.Start, b.End, b.Label)
	}
	return nil
}

// SchemaEqual reports whether two schemas are the same.
func SchemaEqual(a, b labels.Schema) bool { return schemaEqual(a, b) }

// CloneSchema copies sc so that changing the copy's lists leaves sc alone.
func CloneSchema(sc labels.Schema) labels.Schema { return cloneSchema(sc) }

// AddTargetTo adds stance target t (trimmed) to sc as AddTarget does (ErrExists, ErrBadSchema).
func AddTargetTo(sc *labels.Schema, t labels.Target) error {
	t = labels.Target{ID: strings.TrimSpace(t.ID), Name: strings.TrimSpace(t.Name), NameAr: strings.TrimSpace(t.NameAr)}
	if t.ID == "" || strings.ContainsFunc(t.ID, isSpace) {
		return fmt.Errorf("%w: a target id must be one word, not %q", labels.ErrBadSchema, t.ID)
	}
	if _, ok := sc.Target(t.ID); ok {
		return fmt.Errorf("target %q: %w", t.ID, ErrExists)
	}
	if err := namesFree(*sc, t, ""); err != nil {
		return err
	}
	sc.Targets = append(sc.Targets, t)
	return nil
}

// RenameTargetIn renames the target of sc with the given id as RenameTarget does.
func RenameTargetIn(sc *labels.Schema, id, name, nameAr string) error {
	i := targetIndex(*sc, id)
	if i < 0 {
		return fmt.Errorf("target %q: %w (%w)", id, ErrNotFound, labels.ErrUnknownTarget)
	}
	t := labels.Target{ID: id, Name: strings.TrimSpace(name), NameAr: strings.TrimSpace(nameAr)}
	if err := namesFree(*sc, t, id); err != nil {
		return err
	}
	sc.Targets[i] = t
	return nil
}

// AddEntityLabelsTo adds the entity labels that sc lacks (in any case), each with a colour of
// its own, as AddEntityLabels does.
func AddEntityLabelsTo(sc *labels.Schema, names []string) {
	for _, name := range names {
		if _, ok := sc.EntityFold(name); ok {
			continue
		}
		n := len(sc.Entities) + len(sc.StanceLabels)
		sc.Entities = append(sc.Entities, labels.Label{Name: name, Color: defaultColors[n%len(defaultColors)]})
	}
}

// EncodeSuggestions renders one source's suggestions of a document, in stored order
// (SortSuggestions), as the array a suggestion set is stored as, and returns their lowest score.
func EncodeSuggestions(sgs []labels.Suggestion) ([]byte, float64) { return encodeSuggestions(nil, sgs) }

// DecodeSuggestions reads a stored suggestion set of source in document docID, whose text x
// indexes.
func DecodeSuggestions(data []byte, docID, source string, x *labels.TextIndex) ([]labels.Suggestion, error) {
	return decodeSuggestions(data, docID, source, x)
}
