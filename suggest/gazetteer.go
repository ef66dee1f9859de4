package suggest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// ReadGazetteer reads a gazetteer in INCEpTION's shape: one entry a line, its text, a tab and
// its label (`الأمم المتحدة<TAB>ORG`). Lines that are blank or whose first character other
// than white space is `#` are skipped; spaces around the text and the label are dropped; a
// BOM, CRLF and CR line ends are read. A third column, when there is one, is a count (what
// INCEpTION's string matcher exports: text, label, count), 1 without it; Tally scores the
// labels of a text by their counts. A line without a tab, with an empty text or label, with
// a label that labels.CheckName refuses, with a text of no letter or digit, or with a
// fourth column is an *Error naming the file (name) and the line.
//
// It returns the counts of the good lines and, when lines are bad, an error listing them
// (the first MaxErrors, then how many more); a read that fails ends the list.
func ReadGazetteer(r io.Reader, name string) ([]Count, error) {
	var out []Count
	err := readLines(r, name, func(line []byte) error {
		if trimmed := bytes.TrimSpace(line); len(trimmed) == 0 || trimmed[0] == '#' {
			return nil
		}
		c, err := gazetteerLine(line)
		if err == nil {
			out = append(out, c)
		}
		return err
	})
	return out, err
}

// gazetteerLine reads one line of a gazetteer that is neither blank nor a comment.
func gazetteerLine(line []byte) (Count, error) {
	if err := checkUTF8(line); err != nil {
		return Count{}, err
	}
	fields := strings.Split(string(line), "\t")
	for len(fields) > 2 && strings.TrimSpace(fields[len(fields)-1]) == "" {
		fields = fields[:len(fields)-1] // trailing tabs, as in INCEpTION's own example
	}
	if len(fields) < 2 {
		return Count{}, errors.New("no tab: a gazetteer line is the text, a tab and the label")
	}
	if len(fields) > 3 {
		return Count{}, fmt.Errorf("%d columns: a gazetteer line is the text, a tab and the label (and a count)", len(fields))
	}
	c := Count{Text: strings.TrimSpace(fields[0]), Label: strings.TrimSpace(fields[1]), N: 1}
	switch {
	case c.Text == "":
		return Count{}, errors.New("the text before the tab is empty")
	case c.Label == "":
		return Count{}, fmt.Errorf("%q has no label after the tab", c.Text)
	}
	if err := labels.CheckName(c.Label); err != nil {
		return Count{}, fmt.Errorf("label: %w", err)
	}
	if _, ok := searchForm(c.Text, chars()); !ok {
		return Count{}, fmt.Errorf("%q: %w", c.Text, ErrNothingToMatch)
	}
	if len(fields) == 3 {
		n, err := strconv.Atoi(strings.TrimSpace(fields[2]))
		if err != nil || n < 1 {
			return Count{}, fmt.Errorf("the third column %q is no count (a whole number, 1 or more)", fields[2])
		}
		c.N = n
	}
	return c, nil
}
