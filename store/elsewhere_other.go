//go:build !unix

package store

// otherProcess reports whether another process has the project open; where the system's
// locks cannot be asked, it reports true, so that a shared import is sliced.
func otherProcess(string) bool { return true }

// fileKeyOf names files by path where the system gives no inode.
func fileKeyOf(path string) (fileKey, bool) { return fileKey{}, false }
