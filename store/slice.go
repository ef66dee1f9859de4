package store

import (
	"fmt"
	"time"
)

// A shared import commits a slice every sliceTime of work and then leaves the project free for
// sliceGap, long enough for a write that waits (asking every waitStep, see begin) to take it:
// a label made in the window while an import runs is written within about sliceTime. The
// gaps cost a shared import about 3 % of its time.
const (
	sliceTime = 150 * time.Millisecond
	sliceGap  = 5 * time.Millisecond
)

// importSlice is where a sliced import is.
type importSlice struct {
	began time.Time    // when the open transaction began
	kept  ImportResult // what the slices committed so far
}

// nextSlice commits the open slice and begins the next one when the import is sliced and the
// slice has run for sliceTime. A slice that holds labels the schema lacks is not committed
// unless the import may add them: Commit refuses the whole import then.
func (imp *Importer) nextSlice() error {
	if !imp.opt.Slice || imp.held || time.Since(imp.slice.began) < sliceTime {
		return nil
	}
	if len(imp.unknown) > 0 && !imp.opt.AddLabels {
		return nil
	}
	if err := imp.finish(); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	err := imp.tx.Commit()
	imp.tx = nil
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	imp.slice.kept = imp.res
	time.Sleep(sliceGap)
	tx, err := imp.s.begin(imp.run)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	imp.tx = tx
	imp.slice.began = time.Now()
	if err := imp.prepare(); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return nil
}

// minus returns what r counts beyond o (o an earlier count of the same import).
func (r ImportResult) minus(o ImportResult) ImportResult {
	return ImportResult{Added: r.Added - o.Added, Duplicates: r.Duplicates - o.Duplicates, Spans: r.Spans - o.Spans,
		Stances: r.Stances - o.Stances, Attached: r.Attached - o.Attached, AttachedSpans: r.AttachedSpans - o.AttachedSpans,
		Statuses: r.Statuses - o.Statuses, Suggestions: r.Suggestions - o.Suggestions}
}
