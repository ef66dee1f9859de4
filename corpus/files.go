package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Extensions maps a format to the file name endings that hold it, for walking folders.
// CoNLL corpora come as .txt as often as not (AQMAR does), so .txt is one of conll's.
var Extensions = map[string][]string{
	"txt":         {".txt"},
	"jsonl":       {".jsonl", ".ndjson"},
	"doccano":     {".jsonl"},
	"spacy":       {".jsonl"},
	"csv":         {".csv"},
	"conll":       {".conll", ".bio", ".iob", ".iob2", ".txt"},
	"labelstudio": {".json", ".jsonl"},
}

// Files expands paths: a file is kept as given, a folder becomes the files below it whose
// names end in one of exts (all files when exts is empty), sorted, hidden files left out.
// "-" (standard input) is kept as it is. A path that cannot be found is an error; what cannot
// be read below a folder (a folder without permission, an entry gone while it was walked) is
// returned in unread, as *Error values about whole files, and the walk goes on.
func Files(paths []string, exts []string) (files []string, unread []error, err error) {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, err
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil && path != p {
				unread = append(unread, &Error{File: path, Err: fmt.Errorf("%w: %w", ErrRead, PathCause(err))})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if err != nil {
				return err
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") && path != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && hasExt(name, exts) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		if len(found) == 0 && len(unread) == 0 {
			return nil, nil, fmt.Errorf("%s: no %s files in this folder", p, strings.Join(exts, " or "))
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, unread, nil
}

// PathCause returns err without the operation and path of an *fs.PathError: the message
// that gives it names the path already.
func PathCause(err error) error {
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func hasExt(name string, exts []string) bool {
	if len(exts) == 0 {
		return true
	}
	lower := strings.ToLower(name)
	for _, e := range exts {
		if strings.HasSuffix(lower, e) {
			return true
		}
	}
	return false
}
