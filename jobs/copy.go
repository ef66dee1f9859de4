package jobs

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"hash"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// CopyResult tells what a copy moved and how it was verified.
type CopyResult struct {
	Rows  map[string]int // rows copied, by table
	Bytes int64          // the size of the jsonl export that both projects give
}

// Copy moves the project from into to, which must be empty, whole: the documents with their
// ids, every annotator's spans, statuses and stances, the log and the undo stacks, the
// schema and the settings, the suggestions and the decisions on them (store.CopyTables).
// Both stores must be able to copy (store.Copier: a project file and a server project are).
// It then exports both as jsonl and compares the bytes: a copy that differs is an error.
func Copy(ctx context.Context, from, to store.Project) (CopyResult, error) {
	src, ok1 := from.(store.Copier)
	dst, ok2 := to.(store.Copier)
	if !ok1 || !ok2 {
		return CopyResult{}, fmt.Errorf("copy: %w", store.ErrOtherStore)
	}
	res := CopyResult{Rows: map[string]int{}}
	rows := make(chan copied, 256)
	read := make(chan error, 1)
	go func() {
		defer close(rows)
		read <- src.CopyOut(ctx, func(t store.Table, row []any) error {
			select {
			case rows <- copied{t, row}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	err := dst.CopyIn(ctx, func(put func(t store.Table, row []any) error) error {
		for r := range rows {
			if err := put(r.t, r.row); err != nil {
				return err
			}
			res.Rows[r.t.Name]++
		}
		return <-read
	})
	for range rows {
	}
	if err != nil {
		return res, err
	}
	a, n, err := exportHash(ctx, from)
	if err != nil {
		return res, fmt.Errorf("verify the copy: %w", err)
	}
	b, _, err := exportHash(ctx, to)
	if err != nil {
		return res, fmt.Errorf("verify the copy: %w", err)
	}
	if !bytes.Equal(a, b) {
		return res, fmt.Errorf("verify the copy: the two projects export different jsonl")
	}
	res.Bytes = n
	return res, nil
}

type copied struct {
	t   store.Table
	row []any
}

// exportHash exports a project as jsonl into a hash, and returns the hash and the size.
func exportHash(ctx context.Context, st store.Project) ([]byte, int64, error) {
	h := &counted{h: sha256.New()}
	sc, err := st.Schema(ctx)
	if err != nil {
		return nil, 0, err
	}
	w, err := export.NewWriter(h, "jsonl", export.Options{Schema: sc})
	if err != nil {
		return nil, 0, err
	}
	err = st.Export(ctx, store.ExportFilter{Suggestions: true}, func(rec labels.Annotated) error { return w.Write(rec) })
	if err == nil {
		err = w.Flush()
	}
	return h.h.Sum(nil), h.n, err
}

type counted struct {
	h hash.Hash
	n int64
}

func (c *counted) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return c.h.Write(p)
}
