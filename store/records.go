package store

import (
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// Records gathers the work on a batch of documents that Export writes, as both stores read it:
// one record per annotator and document, which the store fills in as it reads the spans,
// stances and statuses, and Filter turns into the records the filter keeps.
type Records struct {
	work map[recordKey]*labels.Annotated
}

// recordKey names one annotator's work on one document.
type recordKey struct{ doc, annotator string }

// NewRecords holds no records yet.
func NewRecords() *Records { return &Records{work: map[recordKey]*labels.Annotated{}} }

// Of returns the record of annotator on document doc, made (status todo) when there is none.
func (r *Records) Of(doc, annotator string) *labels.Annotated {
	k := recordKey{doc, annotator}
	if r.work[k] == nil {
		r.work[k] = &labels.Annotated{Annotator: annotator, Status: labels.StatusTodo}
	}
	return r.work[k]
}

// Filter returns the records of docs that f keeps, by document (in the order of docs) and
// annotator; a document with no record gets one of no annotator, todo.
func (r *Records) Filter(docs []labels.Document, f ExportFilter) []labels.Annotated {
	byDoc := map[string][]*labels.Annotated{}
	for k, a := range r.work {
		if f.Annotator == "" || k.annotator == f.Annotator {
			byDoc[k.doc] = append(byDoc[k.doc], a)
		}
	}
	var out []labels.Annotated
	for _, d := range docs {
		recs := byDoc[d.ID]
		if len(recs) == 0 {
			recs = []*labels.Annotated{{Status: labels.StatusTodo}}
		}
		slices.SortFunc(recs, func(a, b *labels.Annotated) int { return strings.Compare(a.Annotator, b.Annotator) })
		for _, rec := range recs {
			if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, rec.Status) {
				continue
			}
			rec.Doc = d
			out = append(out, *rec)
		}
	}
	return out
}

// EachDocumentRecords calls fn for each of docs with its records of recs, which Filter gave
// in the order of docs.
func EachDocumentRecords(docs []labels.Document, recs []labels.Annotated, fn func(doc labels.Document, work []labels.Annotated) error) error {
	for _, d := range docs {
		n := 0
		for n < len(recs) && recs[n].Doc.ID == d.ID {
			n++
		}
		if err := fn(d, recs[:n:n]); err != nil {
			return err
		}
		recs = recs[n:]
	}
	return nil
}
