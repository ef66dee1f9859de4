package jobs

import (
	"context"
	"slices"

	"github.com/tawsim/tawsim/agreement"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// AgreementOptions say whose work agreement compares.
type AgreementOptions struct {
	Annotators []string        // only these annotators, each reported even without work; none means all
	Statuses   []labels.Status // only work with these statuses (the annotator's own); none means any
	// Documents keeps each document's figures, for a list of the documents that disagree
	// most (some hundred bytes a document).
	Documents bool
	// Progress, when set, is called now and then with the documents read out of the
	// project's, on the goroutine that called Agreement.
	Progress func(Progress)
}

// DocumentFigures is the agreement on one document, with what a list shows of it.
type DocumentFigures struct {
	Doc labels.Summary // its Status is unset
	agreement.DocumentAgreement
}

// AgreementResult is the agreement of a project's annotators.
type AgreementResult struct {
	Report agreement.Report
	// Documents holds, with AgreementOptions.Documents, the figures of every document that
	// two annotators or more worked on, the most disagreement first
	// (agreement.SortByDisagreement).
	Documents []DocumentFigures
}

// Agreement reads the work of the project one document at a time, from one snapshot, and
// measures how far its annotators agree: entity spans for each pair, document stance for
// each target of the schema (package agreement says how). A document counts for the
// annotators whose work on it the options keep.
func Agreement(ctx context.Context, st store.Project, o AgreementOptions) (AgreementResult, error) {
	sc, err := st.Schema(ctx)
	if err != nil {
		return AgreementResult{}, err
	}
	opts := agreement.Options{Annotators: o.Annotators, Targets: sc.Targets, KeepDocuments: o.Documents}
	for _, l := range sc.StanceLabels {
		opts.StanceLabels = append(opts.StanceLabels, l.Name)
	}
	var p Progress
	if o.Progress != nil {
		n, err := st.CountDocuments(ctx)
		if err != nil {
			return AgreementResult{}, err
		}
		p.Total = int64(n)
	}
	c := agreement.NewCounter(opts)
	var summaries []labels.Summary // of the documents the counter keeps, in its order
	var doc agreement.DocumentAnnotations
	f := store.WorkFilter{Annotators: o.Annotators, Statuses: o.Statuses, Bare: true}
	err = st.EachWork(ctx, f, func(d store.DocumentWork) error {
		doc = annotations(d, doc)
		if err := c.AddDocument(doc); err != nil {
			return err
		}
		if o.Documents {
			summaries = append(summaries, d.Doc)
		}
		if p.Records++; o.Progress != nil && p.Records%1024 == 0 {
			p.Done = d.Doc.Order
			o.Progress(p)
		}
		return nil
	})
	if err != nil {
		return AgreementResult{}, err
	}
	p.Done = p.Total
	if o.Progress != nil {
		o.Progress(p)
	}
	res := AgreementResult{Report: c.Result()}
	if o.Documents {
		res.Documents = documentFigures(c.Documents(), summaries)
	}
	return res, nil
}

// annotations turns a document's work into what a Counter takes, reusing buf's slices.
func annotations(d store.DocumentWork, buf agreement.DocumentAnnotations) agreement.DocumentAnnotations {
	buf.DocID = d.Doc.ID
	buf.Work = slices.Grow(buf.Work[:0], len(d.Work))[:len(d.Work)]
	for i, w := range d.Work {
		a := &buf.Work[i]
		a.Annotator = w.Annotator
		a.Entities, a.Stances = a.Entities[:0], a.Stances[:0]
		for _, sp := range w.Spans {
			if sp.Kind == labels.KindEntity {
				a.Entities = append(a.Entities, agreement.Span{Start: sp.Start, End: sp.End, Label: sp.Label})
			}
		}
		for _, ds := range w.Stances {
			a.Stances = append(a.Stances, agreement.Stance{Target: ds.Target, Label: ds.Label})
		}
	}
	return buf
}

// documentFigures pairs the figures of each document worked on by two annotators or more
// with its summary (summaries[i] is the document of docs[i]) and sorts them, the most
// disagreement first.
func documentFigures(docs []agreement.DocumentAgreement, summaries []labels.Summary) []DocumentFigures {
	out := make([]DocumentFigures, 0, len(docs))
	for i, d := range docs {
		if d.Annotators >= 2 {
			out = append(out, DocumentFigures{Doc: summaries[i], DocumentAgreement: d})
		}
	}
	order := make([]agreement.DocumentAgreement, len(out))
	byID := make(map[string]int, len(out))
	for i, f := range out {
		order[i] = f.DocumentAgreement
		byID[f.DocID] = i
	}
	agreement.SortByDisagreement(order)
	sorted := make([]DocumentFigures, len(order))
	for i, d := range order {
		sorted[i] = out[byID[d.DocID]]
	}
	return sorted
}
