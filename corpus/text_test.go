package corpus

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func readOne(t *testing.T, name, data string) (Record, error) {
	t.Helper()
	rd, err := NewReader("txt", name, strings.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := rd.Read()
	if err == nil {
		if _, err2 := rd.Read(); !errors.Is(err2, io.EOF) {
			t.Fatalf("second Read = %v, want io.EOF", err2)
		}
	}
	return rec, err
}

func TestTextReaderRepairs(t *testing.T) {
	cases := []struct{ name, in, want, title string }{
		{"plain", "عنوان\nنص المقال", "عنوان\nنص المقال", "عنوان"},
		{"bom", "\uFEFFعنوان\nنص", "عنوان\nنص", "عنوان"},
		{"crlf", "عنوان\r\nسطر\r\nسطر", "عنوان\nسطر\nسطر", "عنوان"},
		{"lone cr and mixed", "أ\rب\r\nج\n", "أ\nب\nج\n", "أ"},
		{"leading blank lines", "\n\n  طرابلس - خبر  \nنص", "\n\n  طرابلس - خبر  \nنص", "طرابلس - خبر"},
		{"no final newline kept as is", "نص", "نص", "نص"},
		{"harakat and rlm kept", "مُحَمَّد\u200f، ISIS", "مُحَمَّد\u200f، ISIS", "مُحَمَّد\u200f، ISIS"},
	}
	for _, c := range cases {
		rec, err := readOne(t, "dir/"+c.name+".txt", c.in)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if rec.Doc.Text != c.want || rec.Doc.Title != c.title {
			t.Errorf("%s: text %q title %q; want %q, %q", c.name, rec.Doc.Text, rec.Doc.Title, c.want, c.title)
		}
		if rec.Doc.ExternalID != c.name || rec.Doc.SourceFile != "dir/"+c.name+".txt" {
			t.Errorf("%s: external id %q, source %q", c.name, rec.Doc.ExternalID, rec.Doc.SourceFile)
		}
	}
}

func TestTextReaderInvalidUTF8(t *testing.T) {
	_, err := readOne(t, "bad.txt", "سطر أول\nسطر ثان\nab\xffcd\n")
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrInvalidUTF8) {
		t.Fatalf("got %v, want an *Error wrapping ErrInvalidUTF8", err)
	}
	if e.File != "bad.txt" || e.Line != 3 {
		t.Errorf("file %q line %d, want bad.txt line 3", e.File, e.Line)
	}
	if want := "bad.txt:3: invalid UTF-8 at byte 3 of the line (0xff)"; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
}

func TestTextReaderEmpty(t *testing.T) {
	for _, in := range []string{"", "\uFEFF", " \r\n\t\n"} {
		if _, err := readOne(t, "empty.txt", in); !errors.Is(err, ErrEmpty) {
			t.Errorf("%q: got %v, want ErrEmpty", in, err)
		}
	}
}

func TestTitleIsCut(t *testing.T) {
	long := strings.Repeat("كلمة ", 60)
	got := Title(long)
	if n := utf8.RuneCountInString(got); n != maxTitle+1 || !strings.HasSuffix(got, "…") {
		t.Errorf("title of %d code points: %q", n, got)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := NewReader("docx", "a.docx", strings.NewReader(""), Options{}); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("got %v, want ErrUnknownFormat", err)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.TXT", "notes.md", ".hidden.txt", "sub/c.txt", ".git/x.txt"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, _, err := Files([]string{dir, "-"}, extensions("txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.TXT"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub/c.txt"), "-"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Files = %v, want %v", got, want)
	}
	if _, _, err := Files([]string{filepath.Join(dir, "missing.txt")}, nil); err == nil {
		t.Error("a missing file gave no error")
	}
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	if _, _, err := Files([]string{empty}, extensions("txt")); err == nil {
		t.Error("a folder with no .txt files gave no error")
	}
}

func FuzzTextReader(f *testing.F) {
	for _, s := range []string{"", "\uFEFFعنوان\r\nنص", "a\xffb", "\r\r\n", "مُحَمَّد\u200f، ISIS 2019."} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rec, err := NewTextReader("f.txt", strings.NewReader(string(b))).Read()
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != "f.txt" {
				t.Fatalf("error %v does not name the file", err)
			}
			return
		}
		if !utf8.ValidString(rec.Doc.Text) || strings.ContainsRune(rec.Doc.Text, '\r') || strings.HasPrefix(rec.Doc.Text, "\uFEFF") {
			t.Fatalf("text not clean: %q", rec.Doc.Text)
		}
		if CleanText(rec.Doc.Text) != rec.Doc.Text {
			t.Fatalf("CleanText is not idempotent on %q", rec.Doc.Text)
		}
	})
}
