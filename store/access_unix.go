//go:build unix

package store

import "syscall"

// wOK is access(2)'s W_OK.
const wOK = 0x2

// canWrite reports whether this process may write path (a file, or a folder's entries), as
// the system decides: permissions, ownership, a read-only mount. It is false for root only on
// a read-only mount.
func canWrite(path string) bool { return syscall.Access(path, wOK) == nil }
