package jobs

import (
	"context"
	"fmt"

	"github.com/tawsim/tawsim/corpus"
	"github.com/tawsim/tawsim/store"
)

// A plain-text file is one record, checked whole before any of it is written: a bad file adds
// nothing whatever else shares its transaction. So the files of a txt import go in batches,
// one transaction each, which spares a commit (and its waits for the disk) per article. A
// kill loses the open batch whole; the next run adds it, as it adds any file not yet in.
var (
	textBatchFiles       = 1000     // files in one transaction at most (a variable for tests)
	textBatchBytes int64 = 64 << 20 // bytes read in one transaction, at most about
)

// importTexts imports plain-text files in batches. Cancelling ctx stops it between two
// files, after committing the files read: each file is in whole or not at all.
func importTexts(ctx context.Context, st store.Project, files []string, o ImportOptions, t *ImportTally) error {
	run := context.WithoutCancel(ctx) // a batch is never cut by ctx: it ends between files
	var b textBatch
	defer b.rollback()
	for _, name := range files {
		if ctx.Err() != nil {
			if err := b.commit(t); err != nil {
				return err
			}
			return ctx.Err()
		}
		if b.imp == nil {
			if err := b.begin(run, st, name, o, t.read.Load()); err != nil {
				return err
			}
		}
		if err := b.importFile(run, name, o, t); err != nil {
			return err
		}
		if b.files >= textBatchFiles || t.read.Load()-b.from >= textBatchBytes {
			if err := b.commit(t); err != nil {
				return err
			}
		}
		t.progress(o)
	}
	return b.commit(t)
}

// textBatch is the open transaction of a txt import and what it holds.
type textBatch struct {
	imp         store.Import
	first, last string // the batch's first and last files, for the project's log
	files       int
	from        int64 // bytes read before the batch began
}

func (b *textBatch) begin(ctx context.Context, st store.Project, name string, o ImportOptions, from int64) error {
	imp, err := st.BeginImport(ctx, o.store(st, name, 0)) // a batch is 64 MB at most: through WAL
	if err != nil {
		return err
	}
	*b = textBatch{imp: imp, first: name, from: from}
	return nil
}

// importFile reads one file into the batch. A bad file is noted in t and adds nothing.
func (b *textBatch) importFile(ctx context.Context, name string, o ImportOptions, t *ImportTally) error {
	r, name, closeInput := openInput(name, o, t)
	if r == nil {
		return nil
	}
	defer closeInput()
	f, err := feed(ctx, corpus.NewTextReader(name, r), b.imp, name, o, t)
	if err != nil {
		return err
	}
	t.fileRead(name, f, o.Lenient)
	b.files++
	b.last = name
	return nil
}

// commit ends the batch, when one is open, and counts what it added.
func (b *textBatch) commit(t *ImportTally) error {
	if b.imp == nil {
		return nil
	}
	imp := b.imp
	b.imp = nil
	if b.files > 1 {
		imp.SetSource(fmt.Sprintf("%s … %s (%d files)", b.first, b.last, b.files))
	}
	res, err := imp.Commit()
	if err != nil {
		return fmt.Errorf("%s … %s: %w", b.first, b.last, err)
	}
	t.add(res)
	return nil
}

// rollback abandons the open batch, if any.
func (b *textBatch) rollback() {
	if b.imp != nil {
		b.imp.Rollback()
		b.imp = nil
	}
}
