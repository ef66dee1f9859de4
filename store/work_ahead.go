package store

import "context"

// eachWorkAhead is eachWork with the reading of each batch of documents done while fn works
// on the batch before (on the caller's goroutine), so that the project's reads and what fn
// does share the time on two processors: agreement over 100,000 documents reads and counts
// at once. q must be a read transaction used by nothing else meanwhile.
func eachWorkAhead(ctx context.Context, q queryer, f WorkFilter, fn func(DocumentWork) error) error {
	type batch struct {
		docs []*DocumentWork
		sets []rawSet
		err  error
	}
	ahead := make(chan batch, 1)
	stop := make(chan struct{})
	go func() {
		defer close(ahead)
		var after int64
		n := names{} // this goroutine's; the decoding below has its own
		for {
			docs, sets, err := readBatch(ctx, q, after, n, f.Bare)
			select {
			case ahead <- batch{docs, sets, err}:
			case <-stop:
				return
			}
			if err != nil || len(docs) == 0 {
				return
			}
			after = docs[len(docs)-1].Doc.Order
		}
	}()
	defer func() {
		close(stop)
		for range ahead {
		} // the reader is done with q before the caller ends the transaction
	}()
	n := names{}
	for b := range ahead {
		if b.err != nil || len(b.docs) == 0 {
			return b.err
		}
		if err := deliver(b.docs, b.sets, n, f, fn); err != nil {
			return err
		}
	}
	return nil
}
