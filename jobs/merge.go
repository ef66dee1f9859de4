package jobs

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

// ErrMergeInput is wrapped by the refusal of the inputs of a merge before anything is
// written: one is missing, is the project merged into, or has a schema that clashes.
var ErrMergeInput = errors.New("cannot merge")

// MergeOptions say how to merge projects into one.
type MergeOptions struct {
	// Lenient takes in a project whose annotators' work differs from theirs already in the
	// team project, keeping what is there and listing each conflict; without it such a
	// project is refused whole.
	Lenient bool
	// Progress, when set, is called now and then with the documents read of all the
	// inputs, on the goroutine that called Merge.
	Progress func(Progress)
	// Exclusive takes the team project for the merge of each project larger than
	// ExclusiveFrom when nobody else has it open, as an Exclusive import does: for commands,
	// not for the window.
	Exclusive bool
}

// MergedInput is what became of one project given to Merge.
type MergedInput struct {
	Path   string
	Result store.MergeResult
	Err    error // why nothing of it was taken in; nil when it was merged
}

// CheckMerge checks, before anything is written or created, that the projects at inputs
// can be merged into the one at out (which may not exist yet): each exists, none is out
// (or its -wal, -shm or -journal file) under any name, and their schemas unite with out's
// and each other's (labels.Schema.Unite), every clash named with its file. The error wraps
// ErrMergeInput.
func CheckMerge(ctx context.Context, out string, inputs []string) error {
	var sc labels.Schema
	if _, err := os.Stat(out); err == nil || open.IsServer(out) {
		st, err := open.ForReading(out)
		if err != nil {
			return err
		}
		sc, err = st.Schema(ctx)
		st.Close()
		if err != nil {
			return err
		}
	}
	_, err := planMerge(ctx, out, sc, inputs)
	return err
}

// planMerge checks the inputs as CheckMerge says, against the schema sc of out, and returns
// the number of documents of each.
func planMerge(ctx context.Context, out string, sc labels.Schema, inputs []string) ([]int, error) {
	project := projectFiles(out)
	var problems []string
	for _, in := range inputs {
		if _, err := os.Stat(in); errors.Is(err, fs.ErrNotExist) && !open.IsServer(in) {
			problems = append(problems, fmt.Sprintf("%s: no such project", in))
			continue
		}
		for _, p := range project {
			if sameFile(in, p) {
				problems = append(problems, fmt.Sprintf("%s is the project merged into, %s (or one of its files)", in, out))
				break
			}
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%w: %s; nothing was merged", ErrMergeInput, strings.Join(problems, "; "))
	}
	sizes := make([]int, len(inputs))
	for i, in := range inputs {
		other, n, err := inputSchema(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, err)
		}
		sizes[i] = n
		united, _, err := sc.Unite(other)
		var clash *labels.ClashError
		if errors.As(err, &clash) {
			for _, c := range clash.Clashes {
				problems = append(problems, in+": "+c)
			}
			continue
		}
		sc = united
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%w: the label schemas clash: %s; nothing was merged (rename in one project what means another thing there)",
			ErrMergeInput, strings.Join(problems, "; "))
	}
	return sizes, nil
}

// inputSchema reads the schema and the number of documents of the project at path.
func inputSchema(ctx context.Context, path string) (labels.Schema, int, error) {
	st, err := open.ForReading(path)
	if err != nil {
		return labels.Schema{}, 0, err
	}
	defer st.Close()
	sc, err := st.Schema(ctx)
	if err != nil {
		return sc, 0, err
	}
	n, err := st.CountDocuments(ctx)
	return sc, n, err
}

// Merge takes the projects at inputs into dst, one after the other, each in one
// transaction (store.Store.Merge): a project is taken in whole or not at all. It checks
// them first as CheckMerge does and merges none when that fails. A project refused for
// what it holds (conflicting work without Lenient, a damaged row) is reported in its
// MergedInput and the others go on; the error is for a merge that could not go on.
func Merge(ctx context.Context, dst store.Project, inputs []string, o MergeOptions) ([]MergedInput, error) {
	sc, err := dst.Schema(ctx)
	if err != nil {
		return nil, err
	}
	sizes, err := planMerge(ctx, dst.Path(), sc, inputs)
	if err != nil {
		return nil, err
	}
	var p Progress
	for _, n := range sizes {
		p.Total += int64(n)
	}
	out := make([]MergedInput, 0, len(inputs))
	for i, in := range inputs {
		before := p.Done
		m := MergedInput{Path: in}
		m.Result, m.Err = mergeOne(ctx, dst, in, o, func(read, _ int) {
			p.Done, p.Records = before+int64(read), int(before)+read
			if o.Progress != nil {
				o.Progress(p)
			}
		})
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		p.Done = before + int64(sizes[i])
		out = append(out, m)
	}
	return out, nil
}

// mergeOne merges the project at path into dst.
func mergeOne(ctx context.Context, dst store.Project, path string, o MergeOptions, progress func(read, total int)) (store.MergeResult, error) {
	src, err := open.ForReading(path)
	if err != nil {
		return store.MergeResult{}, err
	}
	defer src.Close()
	big := false
	if fi, err := os.Stat(path); err == nil {
		big = fi.Size() > ExclusiveFrom
	}
	return dst.Merge(ctx, src, store.MergeOptions{Source: path, KeepFirst: o.Lenient, Progress: progress, Exclusive: o.Exclusive && big})
}
