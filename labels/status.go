package labels

import (
	"fmt"
	"strings"
	"time"
)

// Status is where an annotator stands with a document.
type Status string

// The statuses a document can have, per annotator.
const (
	StatusTodo       Status = "todo"
	StatusInProgress Status = "in_progress"
	StatusDone       Status = "done"
	StatusSkipped    Status = "skipped"
	StatusFlagged    Status = "flagged"
	// StatusCurated marks the gold of a document: a curator's annotations settled from the
	// work of several annotators (tawsimctl adjudicate, the window's review).
	StatusCurated Status = "curated"
)

// Statuses lists every status in the order a user meets them.
var Statuses = []Status{StatusTodo, StatusInProgress, StatusDone, StatusSkipped, StatusFlagged, StatusCurated}

// StatusNames lists the names of Statuses joined by ", ", for messages and help texts.
func StatusNames() string {
	names := make([]string, len(Statuses))
	for i, s := range Statuses {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// ParseStatus reads a status name, refusing unknown ones with ErrBadStatus.
func ParseStatus(s string) (Status, error) {
	st := Status(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Statuses {
		if st == known {
			return st, nil
		}
	}
	return "", fmt.Errorf("%w: %q (want one of %s)", ErrBadStatus, s, StatusNames())
}

// DocState is one annotator's progress on one document.
type DocState struct {
	DocID     string    `json:"doc_id"`
	Annotator string    `json:"annotator"`
	Status    Status    `json:"status"`
	Note      string    `json:"note,omitempty"`
	Seconds   int64     `json:"seconds"` // time spent on the document
	Updated   time.Time `json:"updated"`
}

// DocStance is one annotator's stance label for one document toward one target.
type DocStance struct {
	DocID     string    `json:"doc_id"`
	Annotator string    `json:"annotator"`
	Target    string    `json:"target"` // the target's ID in the schema
	Label     string    `json:"label"`
	Updated   time.Time `json:"updated"`
}
