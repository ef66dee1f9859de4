package jobs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/store"
)

// Errors of an export's outputs, for errors.Is.
var (
	// ErrExists: an output file exists and the export was not told to replace it (Force).
	ErrExists = errors.New("exists")
	// ErrProjectFile: an output is the project file, or its -wal, -shm or -journal file,
	// under whatever name. It is refused even with Force.
	ErrProjectFile = errors.New("is the project file")
)

// ExistsError lists the outputs of an export that exist, when it was not told to replace
// them. errors.Is(err, ErrExists) holds for it.
type ExistsError struct{ Names []string }

func (e *ExistsError) Error() string {
	if len(e.Names) == 1 {
		return e.Names[0] + " exists"
	}
	return strings.Join(e.Names, ", ") + " exist"
}

// Is makes errors.Is(e, ErrExists) true.
func (e *ExistsError) Is(target error) bool { return target == ErrExists }

// output is one file of an export.
type output struct {
	name    string      // the name asked for: --out, a split part's name, the hf label list
	target  string      // the file that gets the content: name, or where name's symbolic links lead
	replace bool        // target exists and is replaced (Force)
	perm    fs.FileMode // the permission bits of the file replaced
}

// outputNames are the files an export to o.Out writes: one per split part (or o.Out), and
// the format's label list (hf's). None for standard output.
func outputNames(o ExportOptions) []string {
	if o.Out == "-" {
		return nil
	}
	names := []string{o.Out}
	if o.Split != nil {
		names = names[:0]
		for _, p := range o.Split {
			names = append(names, partName(o.Out, p.Name))
		}
	}
	if f, err := export.Lookup(o.Format); err == nil && f.LabelList != nil {
		names = append(names, LabelListName(o.Out))
	}
	return names
}

// LabelListName is the file that a format with a label list (hf) writes it to, beside out:
// data.jsonl → data.labels.json.
func LabelListName(out string) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + ".labels.json"
}

// CheckOutputs reports, without writing anything, whether an export of st with o could
// write its files: an *ExistsError naming those that exist (unless o.Force), or an error
// for an output that is the project file (ErrProjectFile), a folder, not a regular file, or
// the same file as another output. Export checks them again.
func CheckOutputs(st store.Project, o ExportOptions) error {
	o.Format = strings.ToLower(strings.TrimSpace(o.Format))
	_, err := planOutputs(o, st.Path())
	return err
}

// planOutputs resolves the outputs of o and checks them as CheckOutputs says.
func planOutputs(o ExportOptions, projectPath string) ([]*output, error) {
	project := projectFiles(projectPath)
	var outs []*output
	var exist []string
	for _, name := range outputNames(o) {
		out, exists, err := planOutput(name, project)
		if err != nil {
			return nil, err
		}
		for _, prev := range outs {
			if sameFile(prev.target, out.target) {
				return nil, fmt.Errorf("%s and %s would be the same file: choose another output name", prev.name, name)
			}
		}
		if exists && !o.Force {
			exist = append(exist, name)
		}
		out.replace = exists && o.Force
		outs = append(outs, out)
	}
	if len(exist) > 0 {
		return nil, &ExistsError{Names: exist}
	}
	return outs, nil
}

// planOutput resolves one output and checks it against the project's files. exists says
// whether something is at name (a file, or a symbolic link even when it leads nowhere).
func planOutput(name string, project []string) (out *output, exists bool, err error) {
	_, err = os.Lstat(name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, false, err
	}
	exists = err == nil
	target, fi, err := followLinks(name)
	if err != nil {
		return nil, false, err
	}
	for _, p := range project {
		if sameFile(target, p) {
			return nil, false, fmt.Errorf("%s %w %s (or its -wal, -shm or -journal file): choose another output", name, ErrProjectFile, project[0])
		}
	}
	out = &output{name: name, target: target}
	if fi == nil {
		if d, err := os.Stat(filepath.Dir(target)); err != nil || !d.IsDir() {
			return nil, false, fmt.Errorf("%s: there is no folder %s to write it in", name, filepath.Dir(target))
		}
		return out, exists, nil
	}
	switch {
	case fi.IsDir():
		return nil, false, fmt.Errorf("%s is a folder: name the file to write", name)
	case !fi.Mode().IsRegular():
		return nil, false, fmt.Errorf("%s is not a regular file (name it - for standard output)", name)
	}
	out.perm = fi.Mode().Perm()
	return out, exists, nil
}

// projectFiles returns the files of the project at path: the file, its -wal, -shm and
// -journal files, as named and where the name's symbolic links lead (SQLite puts them there).
func projectFiles(path string) []string {
	names := []string{path}
	if target, _, err := followLinks(path); err == nil && target != path {
		names = append(names, target)
	}
	var files []string
	for _, f := range names {
		files = append(files, f)
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			files = append(files, f+suffix)
		}
	}
	return files
}

// followLinks returns where the symbolic links at name lead (name itself when it is not
// one) and what is there (nil when nothing is).
func followLinks(name string) (string, fs.FileInfo, error) {
	target := name
	for range 40 {
		fi, err := os.Lstat(target)
		if errors.Is(err, fs.ErrNotExist) {
			return target, nil, nil
		}
		if err != nil {
			return "", nil, err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return target, fi, nil
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", nil, err
		}
		if !filepath.IsAbs(link) {
			// Not filepath.Join: its cleaning would take "dir/../x" lexically, where the
			// system goes up from wherever dir leads.
			link = filepath.Dir(target) + string(filepath.Separator) + link
		}
		target = link
	}
	return "", nil, fmt.Errorf("%s: too many levels of symbolic links", name)
}

// sameFile reports whether a and b are one file: the same device and inode when both
// exist, else the same name once the symbolic links of their folders are followed.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	return canonical(a) == canonical(b)
}

// canonical returns path, absolute, with its folder's symbolic links followed.
func canonical(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	dir, base := filepath.Split(abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return filepath.Join(dir, base)
}
