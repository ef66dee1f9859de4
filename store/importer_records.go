package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/tawsim/tawsim/labels"
)

// Add stores one record: its document, its spans, stances and status. When the project holds
// its text already the document is not added again, and the record's annotations go to the
// stored document (attach): a record per (text, target), as stance corpora come, keeps every
// stance, and a text imported plain first keeps the spans a later file brings. Labels and
// targets are matched to the schema's without regard to case (labels.Schema.StanceFold,
// FindTarget) and stored as the schema spells them, whether the text is new or not.
// Everything is checked before anything is written, so a refused record (a *RecordError)
// leaves nothing behind. Labels the schema lacks are collected for Commit. Add takes the
// record's spans as they are stored: it sorts them and fills in their annotator, origin,
// times, ids and labels as the schema spells them, in rec.Spans itself.
func (imp *Importer) Add(rec labels.Annotated) (err error) {
	if err := imp.ctx.Err(); err != nil {
		return err
	}
	if err := imp.nextSlice(); err != nil {
		return err
	}
	saved := imp.save()
	c, err := imp.check(rec)
	if err != nil {
		imp.restore(saved)
		return err
	}
	if len(rec.Doc.Text)+len(rec.Doc.Packed)+spanSize*len(c.spans) >= bigText {
		if err := imp.cache(leanCacheKiB); err != nil {
			return err
		}
		defer func() {
			if e := imp.cache(writerCacheKiB); err == nil {
				err = e
			}
		}()
	}
	row, annotator, spans, stances := c.row, c.annotator, c.spans, c.stances
	id, fresh, err := imp.insertDocument(row)
	if err != nil {
		imp.restore(saved)
		return err
	}
	mark := imp.markOf(rec)
	if !fresh {
		imp.res.Duplicates++
		err := imp.attach(row.doc.Hash, annotator, rec.Status, mark, spans, stances)
		if errors.As(err, new(*RecordError)) {
			imp.restore(saved)
			return err
		}
		if serr := imp.attachSuggestions(row.doc.Hash, annotator, c.suggestions); serr != nil {
			return serr
		}
		return err
	}
	if err := imp.insertSpans(id, annotator, nil, spans); err != nil {
		return err
	}
	if err := imp.insertSuggestions(id, imp.last, annotator, c.suggestions); err != nil {
		return err
	}
	if err := imp.insertStances(id, annotator, stances); err != nil {
		return err
	}
	st := rec.Status
	if st == "" || st == labels.StatusTodo {
		st = mark
	}
	return imp.insertState(id, annotator, st)
}

// markOf returns the status ImportOptions.Mark gives rec: the Mark when rec names no
// annotator and brings no status past todo, "" otherwise.
func (imp *Importer) markOf(rec labels.Annotated) labels.Status {
	if rec.Annotator != "" || (rec.Status != "" && rec.Status != labels.StatusTodo) {
		return ""
	}
	return imp.opt.Mark
}

// importState is what Add changes besides the database, to be put back when a record fails.
type importState struct {
	res                       ImportResult
	last                      int64
	entities, stance, targets int
	added                     bool
	noted                     int
}

func (imp *Importer) save() importState {
	return importState{res: imp.res, last: imp.last, entities: len(imp.schema.Entities),
		stance: len(imp.schema.StanceLabels), targets: len(imp.schema.Targets), added: imp.added,
		noted: len(imp.noted)}
}

func (imp *Importer) restore(st importState) {
	imp.res, imp.last, imp.added = st.res, st.last, st.added
	for _, k := range imp.noted[st.noted:] {
		delete(imp.unknown, k)
	}
	imp.noted = imp.noted[:st.noted]
	imp.schema.Entities = imp.schema.Entities[:st.entities]
	imp.schema.StanceLabels = imp.schema.StanceLabels[:st.stance]
	imp.schema.Targets = imp.schema.Targets[:st.targets]
}

// insertDocument inserts the document and reports whether it is new.
func (imp *Importer) insertDocument(row docRow) (string, bool, error) {
	id := row.doc.ID
	if u, err := uuid.Parse(id); err != nil || u.String() != id {
		id = ""
	}
	if id == "" {
		u, err := uuid.NewV7()
		if err != nil {
			return "", false, err
		}
		id = u.String()
	}
	d := row.doc
	r, err := imp.stmts.doc.ExecContext(imp.run, imp.last+1, id, d.ExternalID, d.SourceFile, d.Title, d.Hash,
		row.runes, formatTime(imp.t), row.metadata, row.tokens, d.Text)
	if err == nil && len(d.Text) >= bigText {
		err = imp.stmts.renewDoc(imp.ctx, imp.tx)
	}
	if err != nil {
		if strings.Contains(err.Error(), "documents.id") {
			return "", false, &RecordError{fmt.Errorf("document id %s is already in the project with another text", id)}
		}
		return "", false, err
	}
	if n, err := r.RowsAffected(); err != nil || n == 0 {
		return "", false, err
	}
	imp.last++
	imp.res.Added++
	return id, true, nil
}

// insertSpans stores the checked spans, with new ids, as the annotator's set of the document
// beside the spans it has there (none on a new document).
func (imp *Importer) insertSpans(docID, annotator string, have, spans []labels.Span) error {
	if len(spans) == 0 {
		return nil
	}
	for i := range spans {
		u, err := uuid.NewV7()
		if err != nil {
			return err
		}
		spans[i].ID = u.String()
	}
	added := len(spans)
	imp.counts.Add(spans, 1)
	spans = append(spans, have...)
	sortSpans(spans)
	data := encodeSpans(imp.buf[:0], spans)
	imp.buf = nil
	if cap(data) <= keptSpanSet {
		imp.buf = data
	}
	_, err := imp.stmts.spans.ExecContext(imp.run, docID, annotator, textArg(data))
	if err == nil && len(data) >= bigText {
		err = imp.stmts.renewSpans(imp.ctx, imp.tx)
	}
	if err != nil {
		return err
	}
	if err := indexSpanLabels(imp.run, imp.tx, docID, annotator, have, spans); err != nil {
		return err
	}
	imp.res.Spans += added
	return nil
}

// keptSpanSet is the largest buffer of a span set an import keeps for the next record.
const keptSpanSet = 1 << 20

func (imp *Importer) insertStances(docID, annotator string, stances []labels.DocStance) error {
	for _, ds := range stances {
		if _, err := imp.stmts.stance.ExecContext(imp.run, docID, annotator, ds.Target, ds.Label, formatTime(imp.t)); err != nil {
			return err
		}
		imp.res.Stances++
	}
	return nil
}

func (imp *Importer) insertState(docID, annotator string, st labels.Status) error {
	if st == "" || st == labels.StatusTodo || annotator == "" {
		return nil
	}
	_, err := imp.stmts.state.ExecContext(imp.run, docID, annotator, imp.last, string(st), formatTime(imp.t))
	return err
}
