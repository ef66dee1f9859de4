package labels

import (
	"encoding/json"
	"time"
)

// Action names a change recorded in the event log.
type Action string

// The changes the event log records. Each carries the value before and after the change,
// as JSON, so that it can be undone, audited and replayed.
const (
	ActionSpanAdd      Action = "span.add"      // After: the span
	ActionSpanUpdate   Action = "span.update"   // Before, After: the span
	ActionSpanDelete   Action = "span.delete"   // Before: the span
	ActionStateSet     Action = "state.set"     // Before (may be null), After: the DocState
	ActionStanceSet    Action = "stance.set"    // Before (may be null), After: the DocStance
	ActionStanceClear  Action = "stance.clear"  // Before: the DocStance
	ActionSchemaSet    Action = "schema.set"    // Before, After: the Schema
	ActionDocumentsAdd Action = "documents.add" // After: {"count": n, "source": file}
	ActionMerge        Action = "project.merge" // After: what a merge of another project added
	// ActionSuggestionsPut: a run of sources wrote suggestions. After: {"sources", "documents", "suggestions"}
	ActionSuggestionsPut Action = "suggestions.put"
	// ActionSuggestionAccept, ActionSuggestionReject: an annotator's decision. After (Before when
	// undone): {"decision", "suggestions": every source's suggestion decided, "spans": those accepting made}
	ActionSuggestionAccept Action = "suggestion.accept"
	ActionSuggestionReject Action = "suggestion.reject"
)

// Event is one entry of a project's append-only log of changes.
type Event struct {
	Seq       int64 // position in the log, assigned by the store, increasing
	Time      time.Time
	Annotator string
	DocID     string // empty for project-wide changes
	Action    Action
	Before    json.RawMessage // null when there was nothing before
	After     json.RawMessage // null when there is nothing after
}
