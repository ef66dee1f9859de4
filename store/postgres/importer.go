package postgres

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// importer adds the records of one file in one transaction, as the file's Importer does: all
// of them or none, checked by store.RecordCheck. Records of new texts wait in batches that go
// in by COPY (documents, span sets, stances, states, label index, suggestions: a few round
// trips for hundreds of articles); a record whose text may be in the project already (the
// hashes of the project's texts are known, as prefixes, from the start) first sends the
// batch, then is looked up and attached to the document there. The import holds the
// documents lock to its end, so that orders run without gaps; the annotators' rows it locks
// are those its records write.
type importer struct {
	s      *Store
	ctx    context.Context
	run    context.Context
	tx     pgx.Tx
	opt    store.ImportOptions
	check  *store.RecordCheck
	t      time.Time
	last   int64
	res    store.ImportResult
	states int  // statuses written (Merge counts them)
	unite  bool // the schema the records are checked against is to be written (Merge)
	counts store.SpanCounts
	known  map[uint64]bool // prefixes of the hashes of the texts in the project or the batch
	ids    map[string]bool // the ids of the project's documents, read when a record first brings one
	used   map[[2]string]bool
	batch  copyBatch
}

// BeginImport starts an import. Close it with Commit or Rollback.
func (s *Store) BeginImport(ctx context.Context, opt store.ImportOptions) (store.Import, error) {
	imp := &importer{s: s, ctx: ctx, run: context.WithoutCancel(ctx), opt: opt, t: s.now(), counts: store.SpanCounts{},
		known: map[uint64]bool{}, used: map[[2]string]bool{}}
	if err := imp.begin(); err != nil {
		imp.Rollback()
		return nil, fmt.Errorf("begin import: %w", classify(err))
	}
	return imp, nil
}

func (imp *importer) begin() error {
	var err error
	if imp.tx, err = imp.s.pool.Begin(imp.run); err != nil {
		return err
	}
	if err := takeLocks(imp.run, imp.tx, locks{documents: true}); err != nil {
		return err
	}
	sc, err := loadSchema(imp.run, imp.tx)
	if err != nil {
		return err
	}
	imp.check = store.NewRecordCheck(sc, imp.opt, imp.t)
	if imp.last, err = lastOrder(imp.run, imp.tx); err != nil {
		return err
	}
	return eachRow(imp.run, imp.tx, "SELECT hash FROM documents", nil, func(rows pgx.Rows) error {
		var h string
		err := rows.Scan(&h)
		imp.known[prefix(h)] = true
		return err
	})
}

// prefix is the first 8 bytes of a text hash (hex SHA-256).
func prefix(hash string) uint64 {
	b, err := hex.DecodeString(hash[:min(16, len(hash))])
	if err != nil || len(b) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// Add checks and stores one record, as the file's Importer does.
func (imp *importer) Add(rec labels.Annotated) error {
	if err := imp.ctx.Err(); err != nil {
		return err
	}
	c, err := imp.check.Check(rec)
	if err != nil {
		return err
	}
	imp.note(c)
	h := prefix(c.Row.Doc.Hash)
	id := c.Row.Doc.ID
	if u, perr := uuid.Parse(id); perr != nil || u.String() != id {
		id = ""
	}
	taken := false
	if id != "" {
		if taken, err = imp.idTaken(id); err != nil {
			return err
		}
	}
	if imp.known[h] || taken {
		if err := imp.flush(); err != nil {
			return classify(err)
		}
		res, states, last := imp.res, imp.states, imp.last
		err := imp.addExisting(c, id)
		if errors.As(err, new(*store.RecordError)) {
			imp.check.Undo()
			imp.res, imp.states, imp.last = res, states, last
		}
		return classify(err)
	}
	imp.known[h] = true
	if id == "" {
		u, err := uuid.NewV7()
		if err != nil {
			return err
		}
		id = u.String()
	}
	if imp.ids != nil {
		imp.ids[id] = true
	}
	imp.last++
	imp.res.Added++
	if err := imp.batch.add(imp, id, imp.last, c); err != nil {
		return err
	}
	if imp.batch.full() {
		return classify(imp.flush())
	}
	return nil
}

// note records the labels and targets a record uses, which must still be in the schema
// when the import commits.
func (imp *importer) note(c store.Checked) {
	for _, sp := range c.Spans {
		imp.used[[2]string{string(sp.Kind), sp.Label}] = true
		if sp.Kind == labels.KindStance {
			imp.used[[2]string{"target", sp.Target}] = true
		}
	}
	for _, ds := range c.Stances {
		imp.used[[2]string{string(labels.KindStance), ds.Label}] = true
		imp.used[[2]string{"target", ds.Target}] = true
	}
}

// idTaken reports whether a document of the project has the id.
func (imp *importer) idTaken(id string) (bool, error) {
	if imp.ids == nil {
		imp.ids = map[string]bool{}
		err := eachRow(imp.run, imp.tx, "SELECT id FROM documents", nil, func(rows pgx.Rows) error {
			var id string
			err := rows.Scan(&id)
			imp.ids[id] = true
			return err
		})
		if err != nil {
			return false, classify(err)
		}
	}
	return imp.ids[id], nil
}

// addExisting writes a record whose text or id may be in the project already: a new document
// when it is not, else the record's annotations attached to the document there.
func (imp *importer) addExisting(c store.Checked, id string) error {
	row := c.Row
	id, fresh, err := insertDocument(imp.run, imp.tx, row, id, imp.last+1, store.FormatTime(imp.t))
	if err != nil {
		return err
	}
	if imp.ids != nil {
		imp.ids[id] = true
	}
	if fresh {
		imp.last++
		imp.res.Added++
		var b copyBatch
		if err := b.addAnnotations(imp, id, imp.last, c); err != nil {
			return err
		}
		return b.send(imp)
	}
	imp.res.Duplicates++
	return imp.attach(id, c)
}

// Check checks a record as Add does and writes nothing.
func (imp *importer) Check(rec labels.Annotated) error { return imp.check.Only(rec) }

// SetSource names what the import read, for the log.
func (imp *importer) SetSource(source string) { imp.opt.Source = source }

// Unknown returns the refusal of the labels and targets the schema lacks, or nil.
func (imp *importer) Unknown() error { return imp.check.Unknown() }

// Commit ends the import: it writes what waits, the schema grown, the counts and the event.
func (imp *importer) Commit() (store.ImportResult, error) {
	if imp.tx == nil {
		return store.ImportResult{}, fmt.Errorf("import: the import has ended")
	}
	if err := imp.Unknown(); err != nil {
		imp.Rollback()
		return store.ImportResult{}, err
	}
	if err := imp.finish(); err != nil {
		imp.Rollback()
		return store.ImportResult{}, fmt.Errorf("import: %w", classify(err))
	}
	err := imp.tx.Commit(imp.run)
	imp.tx = nil
	if err != nil {
		return store.ImportResult{}, fmt.Errorf("import: %w", classify(err))
	}
	imp.res.NewLabels = imp.check.NewLabels()
	return imp.res, nil
}

func (imp *importer) finish() error {
	if err := imp.flush(); err != nil {
		return err
	}
	if err := imp.schema(); err != nil {
		return err
	}
	if err := writeCounts(imp.run, imp.tx, imp.counts); err != nil {
		return err
	}
	r := imp.res
	if r.Added > 0 || r.Stances > 0 || r.Spans > 0 || r.Statuses > 0 || r.Suggestions > 0 {
		err := imp.s.appendEvent(imp.run, imp.tx, imp.opt.Annotator, "", labels.ActionDocumentsAdd, nil, map[string]any{
			"count": r.Added, "duplicates": r.Duplicates, "spans": r.Spans, "stances": r.Stances, "attached": r.Attached,
			"attached_spans": r.AttachedSpans, "statuses": r.Statuses, "suggestions": r.Suggestions, "source": imp.opt.Source,
			"first": imp.last - int64(r.Added) + 1, "last": imp.last})
		if err != nil {
			return err
		}
	}
	_, err := imp.tx.Exec(imp.run, "SELECT pg_notify($1, '')", notifyChannel)
	return err
}

// schema writes the labels and targets the import added, beside what the schema gained
// meanwhile, and refuses the import when the schema lost a label or target its records use.
func (imp *importer) schema() error {
	mine, added := imp.check.Schema()
	added = added || imp.unite
	mode := 1
	if added {
		mode = 2
	}
	if err := takeLocks(imp.run, imp.tx, locks{schema: mode}); err != nil {
		return err
	}
	now, err := loadSchema(imp.run, imp.tx)
	if err != nil {
		return err
	}
	sc := now
	if added {
		if sc, _, err = now.Unite(mine); err != nil {
			return err
		}
	}
	for k := range imp.used {
		ok := true
		switch k[0] {
		case string(labels.KindEntity):
			_, ok = sc.Entity(k[1])
		case string(labels.KindStance):
			_, ok = sc.Stance(k[1])
		case "target":
			_, ok = sc.Target(k[1])
		}
		if !ok {
			return fmt.Errorf("%w: %s %q was taken out of the schema while the file was imported", labels.ErrUnknownLabel, k[0], k[1])
		}
	}
	if !added || store.SchemaEqual(now, sc) {
		return nil
	}
	return imp.s.writeSchema(imp.run, imp.tx, imp.opt.Annotator, now, sc)
}

// Rollback abandons the import and returns what it committed: nothing.
func (imp *importer) Rollback() store.ImportResult {
	if imp.tx != nil {
		imp.tx.Rollback(imp.run)
		imp.tx = nil
	}
	return store.ImportResult{}
}
