package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Merge takes the documents and work of src, a project of any store, into this one in one
// transaction: the schemas united first (a clash refuses it before anything is written),
// then each record of src goes in as an import's would, documents matched by their text and
// new ones keeping their ids, each annotator's work taken where they have none of its kind
// here and compared where they have (a conflict refuses the whole merge, or with KeepFirst
// leaves their work here as it is). Unlike a merge of two files, spans get new ids and the
// changes src logged stay in src's log.
func (s *Store) Merge(ctx context.Context, src store.Project, opt store.MergeOptions) (store.MergeResult, error) {
	fail := func(err error) (store.MergeResult, error) {
		return store.MergeResult{}, fmt.Errorf("merge %s: %w", opt.Source, err)
	}
	other, err := src.Schema(ctx)
	if err != nil {
		return fail(err)
	}
	mine, err := s.Schema(ctx)
	if err != nil {
		return fail(err)
	}
	united, gained, err := mine.Unite(other)
	if err != nil {
		return fail(err)
	}
	total, err := src.CountDocuments(ctx)
	if err != nil {
		return fail(err)
	}
	imp, err := s.BeginImport(ctx, store.ImportOptions{Source: opt.Source, KeepFirst: opt.KeepFirst, AddLabels: true})
	if err != nil {
		return fail(err)
	}
	defer imp.Rollback()
	in := imp.(*importer)
	in.check, in.unite = store.NewRecordCheck(united, in.opt, in.t), true
	res := store.MergeResult{Schema: gained}
	who := map[string]bool{}
	lastDoc := ""
	err = src.Export(ctx, store.ExportFilter{Suggestions: true}, func(rec labels.Annotated) error {
		if rec.Doc.ID != lastDoc {
			lastDoc = rec.Doc.ID
			res.Documents++
			if opt.Progress != nil && res.Documents%512 == 0 {
				opt.Progress(res.Documents, total)
			}
		}
		if rec.Annotator != "" {
			who[rec.Annotator] = true
		}
		err := imp.Add(rec)
		var ce *store.ConflictError
		if errors.As(err, &ce) {
			res.Conflicts = append(res.Conflicts, store.MergeConflict{DocID: ce.DocID, ExternalID: rec.Doc.ExternalID,
				Annotator: ce.Annotator, Parts: ce.Parts})
			if !opt.KeepFirst {
				return nil
			}
			err = nil
		}
		return err
	})
	if err != nil {
		return fail(err)
	}
	if len(res.Conflicts) > 0 && !opt.KeepFirst {
		return fail(&store.MergeConflictError{Conflicts: res.Conflicts})
	}
	if !opt.KeepFirst {
		res.Conflicts = nil
	}
	got, err := imp.Commit()
	if err != nil {
		return fail(err)
	}
	if opt.Progress != nil {
		opt.Progress(res.Documents, total)
	}
	res.Added, res.Spans, res.Stances, res.States = got.Added, got.Spans, got.Stances, in.states
	for name := range who {
		res.Annotators = append(res.Annotators, name)
	}
	slices.Sort(res.Annotators)
	return res, nil
}

// AcceptSpan copies sp, a span of any annotator, into the curator's annotations with a new id.
func (s *Store) AcceptSpan(ctx context.Context, curator string, sp labels.Span) (labels.Span, error) {
	sp.ID, sp.Annotator, sp.Origin = "", curator, labels.OriginManual
	out, err := s.AddSpan(ctx, sp)
	if err != nil {
		return labels.Span{}, fmt.Errorf("accept span: %w", err)
	}
	return out, nil
}

// Adjudicate settles the work of the panel into the curator's gold under rule r, as the
// file's store does, in one transaction.
func (s *Store) Adjudicate(ctx context.Context, p store.Panel, r store.Rule) (store.AdjudicateResult, error) {
	if err := labels.CheckAnnotator(p.Curator); err != nil {
		return store.AdjudicateResult{}, fmt.Errorf("adjudicate: curator: %w", err)
	}
	var res store.AdjudicateResult
	err := s.write(ctx, share(p.Curator), "", func(tx pgx.Tx) error {
		res = store.AdjudicateResult{}
		sc, err := loadSchema(ctx, tx)
		if err != nil {
			return err
		}
		var docs []store.DocumentWork
		if err := eachWork(ctx, tx, store.WorkFilter{}, func(d store.DocumentWork) error {
			docs = append(docs, d)
			return nil
		}); err != nil {
			return err
		}
		for _, d := range docs {
			prop := store.Propose(d, p, r)
			status, ok := res.Weigh(d, prop)
			if !ok {
				continue
			}
			n, err := s.writeProposal(ctx, tx, sc, prop, status)
			if err != nil {
				return fmt.Errorf("%s: %w", store.DescribeDocID(d.Doc.ID, d.Doc.ExternalID), err)
			}
			res.Wrote(prop, n)
		}
		return nil
	})
	if err != nil {
		return store.AdjudicateResult{}, fmt.Errorf("adjudicate: %w", err)
	}
	return res, nil
}

// writeProposal writes what prop takes as the curator's, each a logged change on their stack.
func (s *Store) writeProposal(ctx context.Context, tx pgx.Tx, sc labels.Schema, prop store.Proposal, status labels.Status) (int, error) {
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

// AdjudicateDocument weighs the panel's work on one document and, when the curator has none
// there and two annotators of the panel or more worked on it, writes what the rule takes.
func (s *Store) AdjudicateDocument(ctx context.Context, docID string, p store.Panel, r store.Rule) (store.Proposal, bool, error) {
	if err := labels.CheckAnnotator(p.Curator); err != nil {
		return store.Proposal{}, false, fmt.Errorf("adjudicate %s: curator: %w", docID, err)
	}
	var prop store.Proposal
	wrote := false
	err := s.write(ctx, share(p.Curator), docID, func(tx pgx.Tx) error {
		d, err := documentWork(ctx, tx, docID)
		if err != nil {
			return err
		}
		prop = store.Propose(d, p, r)
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
		return store.Proposal{}, false, fmt.Errorf("adjudicate %s: %w", docID, err)
	}
	return prop, wrote, nil
}
