package jobs

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/store/open"
)

// CopyToFile copies the project src into a new project file at path, whole or not at all: it
// is written and verified as a hidden file beside path (named as an export's temporary files,
// so that the one a killed copy leaves is removed as theirs are), and linked to path only once
// it is closed. A file at path is never replaced: the copy fails saying so.
func CopyToFile(ctx context.Context, src store.Project, path string) (CopyResult, error) {
	out := &output{target: path}
	removeStale([]*output{out}, nil)
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return CopyResult{}, fmt.Errorf("%s already exists: copy into a new file", path)
	}
	f, err := createTemp(out)
	if err != nil {
		return CopyResult{}, err
	}
	tmp := f.Name()
	f.Close()
	os.Remove(tmp) // the name stays this process's; the store makes the file
	res, err := copyInto(ctx, src, tmp)
	if err == nil {
		err = placeNew(tmp, path)
	}
	if err != nil {
		removeProjectFiles(tmp)
		return CopyResult{}, err
	}
	return res, nil
}

// copyInto copies src into a new project file at tmp and closes it.
func copyInto(ctx context.Context, src store.Project, tmp string) (CopyResult, error) {
	dst, err := open.Project(tmp)
	if err != nil {
		return CopyResult{}, err
	}
	res, err := Copy(ctx, src, dst)
	if cerr := dst.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close the copy: %w", cerr)
	}
	if err != nil {
		return CopyResult{}, err
	}
	if _, err := os.Stat(tmp + "-wal"); err == nil {
		return CopyResult{}, fmt.Errorf("close the copy: its write-ahead log was not folded into the file")
	}
	return res, nil
}

// placeNew links the closed project file tmp to path, which must not exist, and removes tmp.
func placeNew(tmp, path string) error {
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists: copy into a new file", path)
		}
		// a file system without hard links: rename, having looked once more
		if _, serr := os.Lstat(path); !errors.Is(serr, fs.ErrNotExist) {
			return fmt.Errorf("%s already exists: copy into a new file", path)
		}
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("put the copy in place: %w", err)
		}
	}
	os.Remove(tmp)
	syncDir(filepath.Dir(path))
	return nil
}

// removeProjectFiles removes the project file at path and the files SQLite keeps beside it.
func removeProjectFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}
