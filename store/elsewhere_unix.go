//go:build unix

package store

import (
	"os"
	"syscall"
)

// shmDeadMan is the byte of the -shm file that every connection to a WAL database holds a
// shared lock on for as long as it has the database open (UNIX_SHM_DMS in SQLite's unix VFS:
// (22+8)*4 + 8).
const shmDeadMan = 128

// otherProcess reports whether another process has the project at path open: it asks the
// system whether a process holds the lock that SQLite keeps on the -shm file while a
// connection is open. This process's own locks are not seen (POSIX locks belong to the
// process). When it cannot tell, it reports true.
func otherProcess(path string) bool {
	f, err := os.Open(path + "-shm")
	if os.IsNotExist(err) {
		return false // no WAL index: nobody has the project open in WAL mode
	}
	if err != nil {
		return true
	}
	defer f.Close()
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Start: shmDeadMan, Len: 1}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lk); err != nil {
		return true
	}
	return lk.Type != syscall.F_UNLCK
}

// fileKeyOf returns the device and inode of the file at path.
func fileKeyOf(path string) (fileKey, bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return fileKey{}, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true
}
