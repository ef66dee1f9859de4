package labels

// Annotated is a document with one annotator's work on it: what an export writes for each
// (document, annotator) and what a reader of annotated corpora yields.
type Annotated struct {
	Doc       Document
	Annotator string      // empty for a document nobody has worked on
	Status    Status      // StatusTodo when there is no state
	Spans     []Span      // entity and stance evidence spans, ordered by start, end
	Stances   []DocStance // the document's stance toward each target
	// Suggestions are the document's suggestions, each with the annotator's Decision, where
	// they were asked for (a native record, an export that writes them): never annotations.
	Suggestions []Suggestion
}
