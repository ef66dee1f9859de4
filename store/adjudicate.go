package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// AdjudicateResult tells what an adjudication wrote.
type AdjudicateResult struct {
	Documents int // documents that two annotators of the panel or more worked on
	Curated   int // of them, settled by the rule: the curator's status is curated
	Open      int // of them, with differences the rule leaves to a review: status in_progress
	Spans     int // the curator's spans written
	Stances   int // the curator's document stances written
	Already   int // documents where the curator had what the rule gives: nothing written
	Single    int // documents that one annotator of the panel worked on: left alone
	// Conflicts are documents where the curator has other annotations than the rule gives:
	// the curator's are kept, nothing is written there.
	Conflicts []AdjudicationConflict
}

// AdjudicationConflict is a document where the curator's own annotations differ from what
// the rule gives.
type AdjudicationConflict struct {
	DocID, ExternalID string
	Parts             []string // what differs, one line each
}

func (c AdjudicationConflict) String() string {
	return fmt.Sprintf("%s: %s", describeDocID(c.DocID, c.ExternalID), strings.Join(c.Parts, "; "))
}

// Adjudicate settles, on every document that two annotators of the panel or more worked on,
// their work into the curator's gold under rule r: the spans and document stances the rule
// takes (Propose) become the curator's, with status curated when the rule settled the
// document and in_progress when it left differences to review. Each is an ordinary change
// of the curator, logged and on the curator's undo stack. A document where the curator has
// annotations already is never changed: it counts as already done when they are what the
// rule gives, else as a conflict. All of it in one transaction, from one snapshot.
func (s *Store) Adjudicate(ctx context.Context, p Panel, r Rule) (AdjudicateResult, error) {
	if err := labels.CheckAnnotator(p.Curator); err != nil {
		return AdjudicateResult{}, fmt.Errorf("adjudicate: curator: %w", err)
	}
	var res AdjudicateResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		sc, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		return eachWork(ctx, tx, WorkFilter{}, func(d DocumentWork) error {
			prop := Propose(d, p, r)
			status, ok := res.Weigh(d, prop)
			if !ok {
				return nil
			}
			n, err := s.writeProposal(ctx, tx, sc, prop, status)
			if err != nil {
				return fmt.Errorf("%s: %w", describeDocID(d.Doc.ID, d.Doc.ExternalID), err)
			}
			res.Wrote(prop, n)
			return nil
		})
	})
	if err != nil {
		return AdjudicateResult{}, fmt.Errorf("adjudicate: %w", err)
	}
	return res, nil
}

// Weigh counts prop, the proposal on document d, in res and tells whether Adjudicate writes
// it, and with which status: not when fewer than two annotators of the panel worked on d, nor
// when the curator has work there already (then it is the same as what the rule gives, or a
// conflict).
func (res *AdjudicateResult) Weigh(d DocumentWork, prop Proposal) (labels.Status, bool) {
	if len(prop.Annotators) < 2 {
		if len(prop.Annotators) == 1 {
			res.Single++
		}
		return "", false
	}
	res.Documents++
	status := prop.Status()
	if mine, ok := d.Of(prop.Curator); ok {
		if parts := differs(mine, prop, status); len(parts) > 0 {
			res.Conflicts = append(res.Conflicts, AdjudicationConflict{DocID: d.Doc.ID, ExternalID: d.Doc.ExternalID, Parts: parts})
		} else {
			res.Already++
		}
		return "", false
	}
	return status, true
}

// Wrote counts prop written as the curator's, n spans of it.
func (res *AdjudicateResult) Wrote(prop Proposal, n int) {
	res.Spans += n
	res.Stances += len(prop.Gold)
	if prop.Settled {
		res.Curated++
	} else {
		res.Open++
	}
}

// Status is the curator's status that writing p gives: curated when the rule settled the
// document, else in_progress (differences left to review).
func (p Proposal) Status() labels.Status {
	if p.Settled {
		return labels.StatusCurated
	}
	return labels.StatusInProgress
}

// Writable tells whether AdjudicateDocument writes p on document d: when two annotators of
// the panel or more worked on it and the curator has no work there yet.
func (p Proposal) Writable(d DocumentWork) bool {
	mine, _ := d.Of(p.Curator)
	return len(p.Annotators) >= 2 && !mine.Worked()
}

// CuratorState is the curator's state of the document that writing p gives, with status, at t.
func (p Proposal) CuratorState(status labels.Status, t time.Time) labels.DocState {
	return labels.DocState{DocID: p.DocID, Annotator: p.Curator, Status: status, Updated: t,
		Note: fmt.Sprintf("%s of %s", p.Rule, strings.Join(p.Annotators, ", "))}
}

// differs says how the curator's work mine differs from what prop gives with status, one
// line each; nothing when it does not.
func differs(mine Work, prop Proposal, status labels.Status) []string {
	var parts []string
	if part := differ("the", [2]string{"the curator's", "the rule's"}, mine.Spans, prop.Accepted); part != "" {
		parts = append(parts, part)
	}
	for _, g := range prop.Gold {
		i := slices.IndexFunc(mine.Stances, func(ds labels.DocStance) bool { return ds.Target == g.Target })
		if i < 0 || mine.Stances[i].Label != g.Label {
			parts = append(parts, fmt.Sprintf("the rule gives the stance %s toward %q, the curator %s", g.Label, g.Target, stanceOr(mine.Stances, i)))
		}
	}
	for _, ds := range mine.Stances {
		if !slices.ContainsFunc(prop.Gold, func(g labels.DocStance) bool { return g.Target == ds.Target }) {
			parts = append(parts, fmt.Sprintf("the curator gives the stance %s toward %q, the rule none", ds.Label, ds.Target))
		}
	}
	if mine.Status != status {
		parts = append(parts, fmt.Sprintf("the curator's status is %s, the rule's %s", mine.Status, status))
	}
	return parts
}

// stanceOr names the label of stances[i], or none when i < 0.
func stanceOr(stances []labels.DocStance, i int) string {
	if i < 0 {
		return "none"
	}
	return stances[i].Label
}

// writeProposal writes the spans and stances prop takes as the curator's, and the
// curator's status, each as a logged change on the curator's undo stack. It returns the
// number of spans written.
func (s *Store) writeProposal(ctx context.Context, tx *sql.Tx, sc labels.Schema, prop Proposal, status labels.Status) (int, error) {
	w := writerOf(tx, sc)
	t := s.now()
	for _, sp := range prop.Accepted {
		sp.DocID, sp.Created, sp.Updated = prop.DocID, t, t
		if _, err := s.addSpan(ctx, w, sp); err != nil {
			return 0, fmt.Errorf("span [%d,%d) %s: %w", sp.Start, sp.End, sp.Label, err)
		}
	}
	if err := w.flush(ctx); err != nil {
		return 0, err
	}
	for _, ds := range prop.Gold {
		ds.Updated = t
		if err := upsertStance(ctx, tx, ds); err != nil {
			return 0, err
		}
		if err := s.appendEvent(ctx, tx, prop.Curator, prop.DocID, labels.ActionStanceSet, nil, ds); err != nil {
			return 0, err
		}
	}
	st := prop.CuratorState(status, t)
	before, err := getState(ctx, tx, prop.DocID, prop.Curator)
	if err != nil {
		return 0, err
	}
	if err := upsertState(ctx, tx, st); err != nil {
		return 0, err
	}
	return len(prop.Accepted), s.appendEvent(ctx, tx, prop.Curator, prop.DocID, labels.ActionStateSet, before, st)
}
