//go:build !unix

package store

import "os"

// canWrite reports whether path looks writable: its owner's write permission, the most this
// system's file modes tell.
func canWrite(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().Perm()&0o200 != 0
}
