package corpus

import (
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
	"txt":     {".txt"},
	"jsonl":   {".jsonl", ".ndjson"},
	"doccano": {".jsonl"},
	"spacy":   {".jsonl"},
	"csv":     {".csv"},
	"conll":   {".conll", ".bio", ".iob", ".iob2", ".txt"},
}

// Files expands paths: a file is kept as given, a folder becomes the files below it whose
// names end in one of exts (all files when exts is empty), sorted, hidden files left out.
// "-" (standard input) is kept as it is.
func Files(paths []string, exts []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
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
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no %s files in this folder", p, strings.Join(exts, " or "))
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
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
