package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/tawsim/tawsim/labels"
)

// documentSuggestions reads the suggestions of every source for a document, in the order of
// labels.CompareSuggestions.
func documentSuggestions(ctx context.Context, q queryer, docID string) ([]labels.Suggestion, error) {
	text, err := documentText(ctx, q, docID)
	if err != nil {
		return nil, err
	}
	x := labels.NewTextIndex(text)
	var all []labels.Suggestion
	err = eachRow(ctx, q, "SELECT source, items FROM suggestion_sets WHERE doc_id = ?", []any{docID}, func(rows *sql.Rows) error {
		var source string
		var data []byte
		if err := rows.Scan(&source, &data); err != nil {
			return err
		}
		sgs, err := decodeSuggestions(data, docID, source, x)
		all = append(all, sgs...)
		return err
	})
	slices.SortFunc(all, labels.CompareSuggestions)
	return all, err
}

// decisionKey names a suggestion of a source by its place and label, as decisions do.
type decisionKey struct {
	source     string
	start, end int
	label      string
}

func keyOfSuggestion(g labels.Suggestion) decisionKey {
	return decisionKey{g.Source, g.Start, g.End, g.Label}
}

// decisionsOf reads what annotator decided about the suggestions of a document.
func decisionsOf(ctx context.Context, q queryer, docID, annotator string) (map[decisionKey]labels.Decision, error) {
	got := map[decisionKey]labels.Decision{}
	err := eachRow(ctx, q, `SELECT source, start, "end", label, decision FROM suggestion_decisions
WHERE doc_id = ? AND annotator = ?`, []any{docID, annotator}, func(rows *sql.Rows) error {
		var k decisionKey
		var d string
		err := rows.Scan(&k.source, &k.start, &k.end, &k.label, &d)
		got[k] = labels.Decision(d)
		return err
	})
	return got, err
}

// Suggestions returns the suggestions of every source for a document, by start, end, label
// and source, each with the Decision of annotator (none when annotator is "").
func (s *Store) Suggestions(ctx context.Context, docID, annotator string) ([]labels.Suggestion, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("suggestions: %w", err)
	}
	defer tx.Rollback()
	sgs, err := decidedSuggestions(ctx, tx, docID, annotator)
	if err != nil {
		return nil, fmt.Errorf("suggestions: %w", err)
	}
	return sgs, nil
}

// decidedSuggestions reads the suggestions of a document with the decisions of annotator.
func decidedSuggestions(ctx context.Context, q queryer, docID, annotator string) ([]labels.Suggestion, error) {
	sgs, err := documentSuggestions(ctx, q, docID)
	if err != nil || annotator == "" || len(sgs) == 0 {
		return sgs, err
	}
	decided, err := decisionsOf(ctx, q, docID, annotator)
	for i := range sgs {
		sgs[i].Decision = decided[keyOfSuggestion(sgs[i])]
	}
	return sgs, err
}

// PendingSuggestions returns the suggestions of a document that annotator has yet to decide
// on, as the window shows them: those the annotator has neither accepted nor rejected, that
// lie on no span of theirs, and that accepting would add (a label of the schema, and no
// overlap that the schema's nesting forbids with their entity spans). Several sources may
// suggest one label on one span: each comes, in the order of labels.CompareSuggestions.
func (s *Store) PendingSuggestions(ctx context.Context, docID, annotator string) ([]labels.Suggestion, error) {
	if err := labels.CheckAnnotator(annotator); err != nil {
		return nil, fmt.Errorf("pending suggestions: %w", err)
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("pending suggestions: %w", err)
	}
	defer tx.Rollback()
	sc, err := loadSchema(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("pending suggestions: %w", err)
	}
	sgs, err := pendingSuggestions(ctx, tx, sc, docID, annotator)
	if err != nil {
		return nil, fmt.Errorf("pending suggestions of %s: %w", docID, err)
	}
	return sgs, nil
}

// pendingSuggestions is PendingSuggestions inside a transaction.
func pendingSuggestions(ctx context.Context, q queryer, sc labels.Schema, docID, annotator string) ([]labels.Suggestion, error) {
	sgs, err := decidedSuggestions(ctx, q, docID, annotator)
	if err != nil || len(sgs) == 0 {
		return nil, err
	}
	spans, err := loadSpans(ctx, q, docID, annotator)
	if err != nil {
		return nil, err
	}
	text, err := documentText(ctx, q, docID)
	if err != nil {
		return nil, err
	}
	return Pending(sc, text, annotator, sgs, spans), nil
}

// Pending keeps of sgs, the suggestions of a document whose text is given with annotator's
// decisions, those that PendingSuggestions gives: not decided on, and fitting beside spans,
// the annotator's spans of the document. It reuses sgs.
func Pending(sc labels.Schema, text, annotator string, sgs []labels.Suggestion, spans []labels.Span) []labels.Suggestion {
	x := labels.NewTextIndex(text)
	out := sgs[:0]
	for _, g := range sgs {
		if g.Decision == "" && fits(sc, x, g, annotator, spans) == nil {
			out = append(out, g)
		}
	}
	return out
}

// fits tells whether accepting g would add a span to spans, the annotator's spans of the
// document: nil when it would, else why not (labels.Schema.SuggestionFits).
func fits(sc labels.Schema, x *labels.TextIndex, g labels.Suggestion, annotator string, spans []labels.Span) error {
	return sc.SuggestionFits(x, g, annotator, spans)
}
