package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tawsim/tawsim/labels"
)

// What a curator's review of one document calls: DocumentWork shows each annotator's spans
// and stances, Propose weighs them, AdjudicateDocument takes what the rule takes at once,
// AcceptSpan takes one more span into the gold, DeleteSpan rejects one, SetDocStance and
// ClearDocStance set the gold stance and SetState marks the document curated; each is one
// change of the curator, logged and undone by Undo.

// AcceptSpan copies sp, a span of any annotator, into the curator's annotations of its
// document with a new id and origin manual, validated as a label made in the window: one
// span.add change of the curator, on the curator's undo stack. The curator's status stays.
func (s *Store) AcceptSpan(ctx context.Context, curator string, sp labels.Span) (labels.Span, error) {
	sp.ID, sp.Annotator, sp.Origin = "", curator, labels.OriginManual
	out, err := s.AddSpan(ctx, sp)
	if err != nil {
		return labels.Span{}, fmt.Errorf("accept span: %w", err)
	}
	return out, nil
}

// AdjudicateDocument weighs the work of the panel on one document under rule r (Propose)
// and, when the curator has no annotations there yet and two annotators of the panel or
// more worked on it, writes what the rule takes as the curator's, with status curated when
// the rule settled the document and in_progress when it left differences: each span, stance
// and the status a change of the curator on their undo stack, all in one transaction. It
// returns the proposal and whether it wrote it.
func (s *Store) AdjudicateDocument(ctx context.Context, docID string, p Panel, r Rule) (Proposal, bool, error) {
	if err := labels.CheckAnnotator(p.Curator); err != nil {
		return Proposal{}, false, fmt.Errorf("adjudicate %s: curator: %w", docID, err)
	}
	var prop Proposal
	wrote := false
	err := s.write(ctx, func(tx *sql.Tx) error {
		d, err := documentWork(ctx, tx, docID)
		if err != nil {
			return err
		}
		prop = Propose(d, p, r)
		if !prop.Writable(d) {
			return nil
		}
		sc, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		_, err = s.writeProposal(ctx, tx, sc, prop, prop.Status())
		wrote = err == nil
		return err
	})
	if err != nil {
		return Proposal{}, false, fmt.Errorf("adjudicate %s: %w", docID, err)
	}
	return prop, wrote, nil
}
