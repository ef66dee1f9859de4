package jobs

import (
	"cmp"
	"context"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// ExportOptions say what to export and where.
type ExportOptions struct {
	Format   string
	Out      string    // a file, or "-" for Stdout
	Stdout   io.Writer // written for Out "-"
	Filter   store.ExportFilter
	Split    []export.Part // one file per part, by document; nil for one file
	Seed     uint64
	Stratify bool           // split by stance: each part keeps each stance key's share (store.StanceKeys)
	Writer   export.Options // Schema is filled in from the project
	// Force replaces output files that exist, keeping their permission bits; an output that
	// is a symbolic link stays one, and the file it leads to gets the new content. Without
	// it an export to a file that exists fails with an *ExistsError and writes nothing.
	Force bool
	// Progress, when set, is called now and then with how far the export has gone, from a
	// goroutine of the export's own.
	Progress func(Progress)
	// Removed, when set, is told of each file that exports killed before they finished had
	// left in the folders written to, which the export removed (see StaleTemps).
	Removed func(TempFile)
	// AcceptSuggestions writes, in the formats other than jsonl (which keeps suggestions
	// apart, under "suggestions"), the suggestions of each record that its annotator has not
	// decided on and that overlap none of its entity spans nor each other (taken by score,
	// labels.TakeSuggestions) as entity spans. Nothing is written to the project.
	AcceptSuggestions bool
}

// ErrAcceptJSONL is the error of an export to jsonl asked to accept suggestions.
var ErrAcceptJSONL = errors.New("jsonl keeps suggestions apart, under \"suggestions\": accepting them is for the other formats")

// Export writes the project's records to their files, each written whole or not at all,
// and returns how many records it wrote. Before it reads anything it checks its outputs as
// CheckOutputs does, and removes the stale files that killed exports left beside them.
func Export(ctx context.Context, st store.Project, o ExportOptions) (int, error) {
	o.Format = strings.ToLower(strings.TrimSpace(o.Format))
	if o.AcceptSuggestions && o.Format == "jsonl" {
		return 0, ErrAcceptJSONL
	}
	o.Filter.Suggestions = o.Format == "jsonl" || o.AcceptSuggestions
	plan, err := planOutputs(o, st.Path())
	if err != nil {
		return 0, err
	}
	sc, err := st.Schema(ctx)
	if err != nil {
		return 0, err
	}
	o.Writer.Schema = sc
	removeStale(plan, o.Removed)
	outs, err := openOutputs(o, plan)
	if err != nil {
		return 0, err
	}
	defer outs.abort()
	var splitter *export.Splitter
	if o.Split != nil {
		ids, err := st.DocumentIDs(ctx)
		if err != nil {
			return 0, err
		}
		key := func(string) string { return "" }
		if o.Stratify {
			keys, err := st.StanceKeys(ctx, o.Filter.Annotator)
			if err != nil {
				return 0, err
			}
			key = func(id string) string { return keys[id] }
		}
		if splitter, err = export.NewStratifiedSplitter(o.Split, o.Seed, ids, key); err != nil {
			return 0, err
		}
	}
	var total int64
	if o.Progress != nil {
		count, err := st.CountDocuments(ctx)
		if err != nil {
			return 0, err
		}
		total = int64(count)
	}
	read := func(fn func(labels.Annotated) error) error { return st.Export(ctx, o.Filter, fn) }
	n, err := writeBehind(ctx, read, total, o.Progress, func(rec labels.Annotated) error {
		part := ""
		if splitter != nil {
			part = splitter.Part(rec.Doc.ID)
		}
		if o.AcceptSuggestions {
			acceptSuggestions(&rec)
		}
		return outs.writers[part].Write(rec)
	})
	if err != nil {
		return 0, err
	}
	return n, outs.commit(o.Writer.Schema)
}

// acceptSuggestions adds to the spans of rec the suggestions an export with accepted
// suggestions writes (ExportOptions.AcceptSuggestions), in text order, and drops the others.
func acceptSuggestions(rec *labels.Annotated) {
	taken := labels.TakeSuggestions(rec.Suggestions, rec.Spans, rec.Annotator)
	rec.Suggestions = nil
	if len(taken) == 0 {
		return
	}
	rec.Spans = append(slices.Clip(rec.Spans), taken...)
	slices.SortStableFunc(rec.Spans, func(a, b labels.Span) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
}
