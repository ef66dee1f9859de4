package main

import (
	"bytes"
	"io"
	"sync"
)

// fyneLog passes the standard logger's lines to w, but for Fyne's report of reading its
// preferences file while its own save at exit had emptied it ("Fyne error:  Preferences load
// error:", "  Cause: EOF", "  At: ..."): Fyne rewrites that file in place at every exit and
// its watcher of the folder rereads it at the moment it is empty. It misled annotators into
// fearing for their name, which is not kept there (see app/namefile.go): the file holds only
// the file dialogs' last folder, and Fyne's save goes on to write it whole. Any other line,
// and that report with another cause, is passed on.
type fyneLog struct {
	mu   sync.Mutex
	w    io.Writer
	held [][]byte // the lines of a report being recognized
}

// Write takes one line of the logger (log writes a line at a time).
func (f *fyneLog) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	line := append([]byte(nil), p...)
	switch {
	case len(f.held) == 0 && bytes.Contains(line, []byte("Fyne error:  Preferences load error:")):
		f.held = append(f.held, line)
		return len(p), nil
	case len(f.held) == 1 && bytes.HasSuffix(bytes.TrimSpace(line), []byte("Cause: EOF")):
		f.held = append(f.held, line)
		return len(p), nil
	case len(f.held) == 2 && bytes.Contains(line, []byte("  At: ")):
		f.held = nil // the whole report: dropped
		return len(p), nil
	}
	if err := f.flush(); err != nil {
		return 0, err
	}
	return f.w.Write(p)
}

// flush writes the lines held, which turned out to be another report.
func (f *fyneLog) flush() error {
	for _, l := range f.held {
		if _, err := f.w.Write(l); err != nil {
			return err
		}
	}
	f.held = nil
	return nil
}
