package postgres

import (
	"cmp"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// copyBatch holds the rows of new documents and their annotations until they go in by COPY.
type copyBatch struct {
	docs, sets, stances, states, labels, suggestions, decisions [][]any
	bytes                                                       int
}

// Batch limits: a batch is sent when it holds this many documents or bytes of text.
const (
	batchDocs  = 1000
	batchBytes = 16 << 20
)

func (b *copyBatch) full() bool { return len(b.docs) >= batchDocs || b.bytes >= batchBytes }

// add puts a new document with id and order ord, and its annotations, into the batch.
func (b *copyBatch) add(imp *importer, id string, ord int64, c store.Checked) error {
	d := c.Row.Doc
	b.docs = append(b.docs, []any{ord, id, d.ExternalID, d.SourceFile, d.Title, d.Hash, c.Row.Runes,
		store.FormatTime(imp.t), c.Row.Metadata, c.Row.Tokens, d.Text})
	b.bytes += len(d.Text)
	b.bytes += len(c.Row.Tokens)
	return b.addAnnotations(imp, id, ord, c)
}

// addAnnotations puts the annotations of a record on the new document id into the batch.
func (b *copyBatch) addAnnotations(imp *importer, id string, ord int64, c store.Checked) error {
	t := store.FormatTime(imp.t)
	if len(c.Spans) > 0 {
		spans := slices.Clone(c.Spans)
		for i := range spans {
			u, err := uuid.NewV7()
			if err != nil {
				return err
			}
			spans[i].ID, spans[i].DocID = u.String(), id
		}
		imp.counts.Add(spans, 1)
		data, err := store.EncodeSpans(spans)
		if err != nil {
			return err
		}
		b.sets = append(b.sets, []any{id, c.Annotator, string(data)})
		b.bytes += len(data)
		for _, l := range store.LabelsOf(spans) {
			b.labels = append(b.labels, []any{l, c.Annotator, ord})
		}
		imp.res.Spans += len(spans)
	}
	for _, ds := range c.Stances {
		b.stances = append(b.stances, []any{id, c.Annotator, ds.Target, ds.Label, t})
		imp.res.Stances++
	}
	st := c.Status
	if st == "" || st == labels.StatusTodo {
		st = c.Mark
	}
	if st != "" && st != labels.StatusTodo && c.Annotator != "" {
		b.states = append(b.states, []any{id, c.Annotator, ord, string(st), "", int64(0), t})
		imp.states++
	}
	b.addSuggestions(imp, id, ord, c.Annotator, c.Suggestions)
	return nil
}

// addSuggestions puts the suggestion sets of a record, one per source, and the decisions
// they carry, into the batch.
func (b *copyBatch) addSuggestions(imp *importer, id string, ord int64, annotator string, sgs []labels.Suggestion) {
	for _, group := range bySource(sgs) {
		data, low := store.EncodeSuggestions(group)
		b.suggestions = append(b.suggestions, []any{id, group[0].Source, ord, len(group), low, store.FormatTime(imp.t), string(data)})
		imp.res.Suggestions += len(group)
		for _, g := range group {
			if g.Decision != "" {
				b.decisions = append(b.decisions, []any{id, annotator, g.Source, g.Start, g.End, g.Label, string(g.Decision), "",
					store.FormatTime(imp.t)})
			}
		}
	}
}

// bySource splits checked suggestions by source, each source's in stored order.
func bySource(sgs []labels.Suggestion) [][]labels.Suggestion {
	sgs = slices.Clone(sgs)
	slices.SortStableFunc(sgs, func(a, b labels.Suggestion) int {
		return cmp.Or(strings.Compare(a.Source, b.Source), labels.CompareSuggestions(a, b))
	})
	var out [][]labels.Suggestion
	for len(sgs) > 0 {
		n := 1
		for n < len(sgs) && sgs[n].Source == sgs[0].Source {
			n++
		}
		out = append(out, sgs[:n])
		sgs = sgs[n:]
	}
	return out
}

// copyTables are the tables a batch goes into, in order, with their columns.
var copyTables = []struct {
	name string
	cols []string
	rows func(b *copyBatch) [][]any
}{
	{"documents", []string{"ord", "id", "external_id", "source_file", "title", "hash", "runes", "created", "metadata", "tokens", "text"},
		func(b *copyBatch) [][]any { return b.docs }},
	{"span_sets", []string{"doc_id", "annotator", "spans"}, func(b *copyBatch) [][]any { return b.sets }},
	{"doc_stance", []string{"doc_id", "annotator", "target", "label", "updated"}, func(b *copyBatch) [][]any { return b.stances }},
	{"doc_state", []string{"doc_id", "annotator", "ord", "status", "note", "seconds", "updated"}, func(b *copyBatch) [][]any { return b.states }},
	{"search_labels", []string{"label", "annotator", "ord"}, func(b *copyBatch) [][]any { return b.labels }},
	{"suggestion_sets", []string{"doc_id", "source", "ord", "n", "low", "updated", "items"}, func(b *copyBatch) [][]any { return b.suggestions }},
	{"suggestion_decisions", []string{"doc_id", "annotator", "source", "start", "end", "label", "decision", "span_id", "time"},
		func(b *copyBatch) [][]any { return b.decisions }},
}

// send writes the batch by COPY, table by table, and empties it.
func (b *copyBatch) send(imp *importer) error {
	for _, t := range copyTables {
		rows := t.rows(b)
		if len(rows) == 0 {
			continue
		}
		if _, err := imp.tx.CopyFrom(imp.run, pgx.Identifier{t.name}, t.cols, pgx.CopyFromRows(rows)); err != nil {
			return err
		}
	}
	*b = copyBatch{}
	return nil
}

// flush sends the batch that waits.
func (imp *importer) flush() error { return imp.batch.send(imp) }

// attach brings a record's annotations to the document id already in the project, as the
// file's Importer does: what conflicts with the annotator's work there refuses the record
// (a *store.RecordError), or with KeepFirst is left out and reported (*store.ConflictError).
func (imp *importer) attach(id string, c store.Checked) error {
	var ord int64
	if err := imp.tx.QueryRow(imp.run, "SELECT ord FROM documents WHERE id = $1", id).Scan(&ord); err != nil {
		return err
	}
	var have []labels.Span
	stances := map[string]string{}
	status := labels.StatusTodo
	if c.Annotator != "" {
		if err := lockAnnotators(imp.run, imp.tx, c.Annotator); err != nil {
			return err
		}
		var err error
		if have, err = loadSpans(imp.run, imp.tx, id, c.Annotator, true); err != nil {
			return &store.RecordError{Err: err}
		}
		list, err := stancesOf(imp.run, imp.tx, id, c.Annotator, "")
		if err != nil {
			return err
		}
		for _, ds := range list {
			stances[ds.Target] = ds.Label
		}
		st, err := getState(imp.run, imp.tx, id, c.Annotator)
		if err != nil {
			return err
		}
		if st != nil {
			status = st.Status
		}
	}
	a := store.Attach(id, c, have, stances, status)
	if a.Conflict != nil && !imp.opt.KeepFirst {
		return &store.RecordError{Err: a.Conflict}
	}
	if len(a.Spans) > 0 {
		spans := slices.Clone(a.Spans)
		for i := range spans {
			u, err := uuid.NewV7()
			if err != nil {
				return err
			}
			spans[i].ID, spans[i].DocID = u.String(), id
		}
		imp.counts.Add(spans, 1)
		if err := saveSpans(imp.run, imp.tx, id, c.Annotator, have, append(slices.Clone(have), spans...)); err != nil {
			return err
		}
		imp.res.Spans += len(spans)
		imp.res.AttachedSpans += len(spans)
	}
	t := store.FormatTime(imp.t)
	for _, ds := range a.Stances {
		if _, err := imp.tx.Exec(imp.run, `INSERT INTO doc_stance (doc_id, annotator, target, label, updated)
VALUES ($1, $2, $3, $4, $5)`, id, c.Annotator, ds.Target, ds.Label, t); err != nil {
			return err
		}
		imp.res.Stances++
		imp.res.Attached++
	}
	if a.Status != "" {
		if _, err := imp.tx.Exec(imp.run, `INSERT INTO doc_state (doc_id, annotator, ord, status, updated) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (doc_id, annotator) DO UPDATE SET status = excluded.status`, id, c.Annotator, ord, string(a.Status), t); err != nil {
			return err
		}
		imp.res.Statuses++
		imp.states++
	}
	if err := imp.attachSuggestions(id, ord, c); err != nil {
		return err
	}
	if a.Conflict != nil {
		return a.Conflict
	}
	return nil
}

// attachSuggestions replaces the record's sources' suggestions of the document, and records
// the decisions they carry unless the annotator has decided already.
func (imp *importer) attachSuggestions(id string, ord int64, c store.Checked) error {
	t := store.FormatTime(imp.t)
	for _, group := range bySource(c.Suggestions) {
		if err := putSuggestions(imp.run, imp.tx, id, ord, group, t); err != nil {
			return err
		}
		imp.res.Suggestions += len(group)
		for _, g := range group {
			if g.Decision == "" {
				continue
			}
			if _, err := imp.tx.Exec(imp.run, `INSERT INTO suggestion_decisions
(doc_id, annotator, source, start, "end", label, decision, time) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT DO NOTHING`, id, c.Annotator, g.Source, g.Start, g.End, g.Label, string(g.Decision), t); err != nil {
				return err
			}
		}
	}
	return nil
}
