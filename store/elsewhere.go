package store

import "sync"

// opened counts the stores of this process that have each project file open, by file (the
// system's locks cannot tell one connection of a process from another): a window and an
// import of the same program, or a test that plays both.
var opened struct {
	sync.Mutex
	files map[fileKey]int
}

// fileKey names a file whatever path reaches it.
type fileKey struct{ dev, ino uint64 }

// register counts s among the stores open on its file; unregister, at Close, takes it away.
func (s *Store) register() {
	k, ok := fileKeyOf(s.path)
	if !ok {
		return
	}
	opened.Lock()
	defer opened.Unlock()
	if opened.files == nil {
		opened.files = map[fileKey]int{}
	}
	opened.files[k]++
	s.key, s.registered = k, true
}

func (s *Store) unregister() {
	if !s.registered {
		return
	}
	opened.Lock()
	defer opened.Unlock()
	if opened.files[s.key]--; opened.files[s.key] <= 0 {
		delete(opened.files, s.key)
	}
	s.registered = false
}

// OpenElsewhere reports whether another store of this process or another process has the
// project open (the window, another command), without writing anything. When it cannot
// tell, it reports true.
func (s *Store) OpenElsewhere() bool {
	if s.registered {
		opened.Lock()
		n := opened.files[s.key]
		opened.Unlock()
		if n > 1 {
			return true
		}
	}
	return otherProcess(s.path)
}
