package store

import (
	"io/fs"
	"testing/fstest"
)

// testFS builds a file system of named texts.
type testFS map[string]string

// FS returns the files as an fs.FS.
func (m testFS) FS() fs.FS {
	fsys := fstest.MapFS{}
	for name, body := range m {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}
