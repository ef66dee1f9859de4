package jobs

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// tempMark is in the name of every file an export writes before it moves it into place:
// .NAME.tawsim-tmp-PID-RAND, beside NAME, with the exporting process's id.
const tempMark = ".tawsim-tmp-"

// staleAge is how long a temporary file must lie untouched to be stale even when a process
// of its id is alive (the id may have been given to another process since). An export
// writes its files all along, so a live one is never that old.
const staleAge = 6 * time.Hour

// TempFile is a file an export left behind when it was killed before it finished.
type TempFile struct {
	Path string
	Size int64
}

// createTemp creates the file the content of out is written to before it is moved to
// out.target: new, hidden, beside the target, named after it and this process. It is made
// as os.Create makes files (0666 less the umask), or with the permission bits of the file
// it replaces.
func createTemp(out *output) (*os.File, error) {
	dir, base := filepath.Split(out.target)
	perm := fs.FileMode(0o666)
	if out.replace {
		perm = 0o600 // until the file replaced's bits are set: the umask may take some away
	}
	for range 100 {
		tmp := filepath.Join(dir, fmt.Sprintf(".%s%s%d-%08x", base, tempMark, os.Getpid(), rand.Uint32()))
		f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if out.replace {
			if err := f.Chmod(out.perm); err != nil {
				f.Close()
				os.Remove(tmp)
				return nil, err
			}
		}
		return f, nil
	}
	return nil, fmt.Errorf("create a file beside %s: every name tried exists", out.target)
}

// StaleTemps lists the files in dir that exports left when they were killed: named as an
// export names the file it writes, of a process that is gone or untouched for hours.
func StaleTemps(dir string) ([]TempFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var stale []TempFile
	now := time.Now()
	for _, e := range entries {
		pid, ok := tempPID(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		if now.Sub(fi.ModTime()) > staleAge || pid != os.Getpid() && !processAlive(pid) {
			stale = append(stale, TempFile{Path: filepath.Join(dir, e.Name()), Size: fi.Size()})
		}
	}
	return stale, nil
}

// tempPID returns the process id in the name of an export's temporary file, and whether
// name is one.
func tempPID(name string) (int, bool) {
	i := strings.LastIndex(name, tempMark)
	if !strings.HasPrefix(name, ".") || i < 1 {
		return 0, false
	}
	id, random, ok := strings.Cut(name[i+len(tempMark):], "-")
	if _, err := strconv.ParseUint(random, 16, 32); !ok || err != nil {
		return 0, false
	}
	pid, err := strconv.Atoi(id)
	if err != nil || pid <= 0 {
		return 0, false
	}
	return pid, true
}

// removeStale removes the stale temporary files in the folders of outs, and tells removed
// of each (when set).
func removeStale(outs []*output, removed func(TempFile)) {
	seen := map[string]bool{}
	for _, out := range outs {
		dir := filepath.Dir(out.target)
		if seen[dir] {
			continue
		}
		seen[dir] = true
		stale, _ := StaleTemps(dir) // a folder that cannot be read fails the export later, saying why
		for _, tf := range stale {
			err := os.Remove(tf.Path)
			for _, suffix := range []string{"-wal", "-shm", "-journal"} {
				os.Remove(tf.Path + suffix) // a killed copy's project file has these beside it
			}
			if err == nil && removed != nil {
				removed(tf)
			}
		}
	}
}

// ByteSize writes a size for people: "812 bytes", "64 kB", "2.8 GB" (powers of 1000).
func ByteSize(n int64) string {
	if n < 1000 {
		return fmt.Sprintf("%d bytes", n)
	}
	f, unit := float64(n)/1000, "kB"
	for _, u := range []string{"MB", "GB", "TB"} {
		if f < 999.95 {
			break
		}
		f, unit = f/1000, u
	}
	if f < 9.95 {
		return fmt.Sprintf("%.1f %s", f, unit)
	}
	return fmt.Sprintf("%.0f %s", f, unit)
}
