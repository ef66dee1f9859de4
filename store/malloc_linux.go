//go:build linux && cgo

package store

/*
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static void tawsim_fixed_mmap_threshold(void) {
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}
*/
import "C"

// glibc's malloc serves a block of 128 KB or more with memory of its own (mmap) and gives it
// back when it is freed, but after each such free it raises that threshold to the block's
// size, up to 32 MB: once SQLite had freed its copy of one large text, its copies of the next
// ones came from the heap and stayed in the process when freed. Three documents of 19 MB
// took 197 MB to import and up to 180 MB to export; with the threshold fixed at 1 MB, 134 MB
// and 130-143 MB.
func init() { C.tawsim_fixed_mmap_threshold() }
