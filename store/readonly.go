package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
)

// ErrReadOnly is wrapped by the refusal to open for writing a project that cannot be
// written: the file, its folder (SQLite writes the -wal and -journal beside the file), or a
// -wal or -shm file beside it. Nothing is changed.
var ErrReadOnly = errors.New("read-only")

// readOnlyReason says why this process cannot write the project at path, or "" when it can.
// For a missing file it is about the folder the file would be created in.
func readOnlyReason(path string) string {
	dir := filepath.Dir(path)
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		if exists(dir) && !canWrite(dir) {
			return fmt.Sprintf("its folder %s cannot be written", dir)
		}
		return "" // a missing folder is reported by the opening
	}
	if err != nil || fi.IsDir() {
		return "" // reported as it is by the opening
	}
	if !canWrite(path) {
		return fmt.Sprintf("the file cannot be written (%s)", fi.Mode().Perm())
	}
	if !canWrite(dir) {
		return fmt.Sprintf("its folder %s cannot be written, where SQLite keeps the journal of every write", dir)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		side := path + suffix
		sfi, err := os.Stat(side)
		if err != nil || canWrite(side) {
			continue
		}
		why := fmt.Sprintf("%s cannot be written (%s)", filepath.Base(side), sfi.Mode().Perm())
		if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() == 0 {
			why += fmt.Sprintf("; it was left by a read-only look at the project, and holds nothing: remove %s-wal and %s-shm when nobody has the project open",
				filepath.Base(path), filepath.Base(path))
		}
		return why
	}
	return ""
}

// checkWritable refuses, with ErrReadOnly, a project that this process cannot write.
func checkWritable(path string) error {
	why := readOnlyReason(path)
	switch {
	case why == "":
		return nil
	case !exists(path):
		return fmt.Errorf("cannot create %s: its folder %s is %w", path, filepath.Dir(path), ErrReadOnly)
	}
	return fmt.Errorf("%s is %w: %s", path, ErrReadOnly, why)
}

// exists reports whether path names something.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// OpenForReading opens an existing project for a command that only reads it. A project
// that this process can write opens as with Open. One it cannot write (the file, its folder,
// or a -wal or -shm file beside it) opens read-only, and creates and changes nothing:
//
//   - without a -wal file beside it, nobody has it open in WAL mode: it is read as an
//     immutable file (SQLite's immutable=1), without locks and without the -wal and -shm
//     files that a read-only connection would otherwise create (with the file's mode, 0444
//     for a 0444 file) and leave behind, in the way of the next writer. The one write this
//     cannot see is one that another user, who may write the project, starts during the
//     read: then the reader should be able to write it too;
//   - with a -wal file (the project is open elsewhere, or a write was cut short), the
//     committed transactions of the -wal are part of the project: it is read through SQLite's
//     read-only mode (mode=ro), which reads the -wal with the -shm file beside it.
//
// Writes to a read-only store fail with ErrReadOnly. A read-only project that an older
// Tawsim wrote cannot be brought up to date here and is refused, as is one that a cut write
// left with a -journal to roll back.
func OpenForReading(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	why := readOnlyReason(path)
	if why == "" {
		return Open(path)
	}
	s, err := openReadOnly(path, why)
	if isBusy(err) {
		err = fmt.Errorf("%w: another program has the project to itself (a command-line import does); try again when it is done", err)
	}
	return s, err
}

// openReadOnly opens the project at path, which cannot be written for the reason why, for
// reading only.
func openReadOnly(path, why string) (*Store, error) {
	if j, err := os.Stat(path + "-journal"); err == nil && j.Size() > 0 {
		return nil, fmt.Errorf("%s is %w (%s), and %s-journal beside it is a write in progress or cut short: "+
			"try again when the write is done, or make the project writable so that a cut write is rolled back",
			path, ErrReadOnly, why, filepath.Base(path))
	}
	params := readOnlyParams(exists(path + "-wal"))
	if err := probeWith(path, params); err != nil {
		return nil, err
	}
	r, err := openReaders(path, params)
	if err != nil {
		return nil, err
	}
	versions, err := schemaVersions(context.Background(), r)
	if err == nil && len(missingMigrations(versions)) > 0 {
		err = fmt.Errorf("%s is %w (%s) and was written by an older version of Tawsim (schema %d; this version reads %d): "+
			"open it once where it can be written to bring it up to date", path, ErrReadOnly, why, slices.Max(append(versions, 0)), latestVersion())
	}
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Writes go to the readers too, where SQLite refuses them; write refuses them first.
	return &Store{path: path, w: r, r: r, readOnly: fmt.Sprintf("%s is %s: %s", path, ErrReadOnly, why)}, nil
}

// readOnlyParams are the connection settings for reading a project this process cannot
// write: immutable when no -wal file is beside it, SQLite's read-only mode when one is.
func readOnlyParams(walExists bool) url.Values {
	p := url.Values{"_busy_timeout": {fmt.Sprint(busyTimeoutMS)}, "mode": {"ro"}}
	if !walExists {
		p.Set("immutable", "1")
	}
	return p
}

// readOnlyError is the refusal of a write to a store opened read-only: its message, wrapping
// ErrReadOnly.
type readOnlyError string

func (e readOnlyError) Error() string { return string(e) }
func (e readOnlyError) Unwrap() error { return ErrReadOnly }
