// Package labels is Tawsim's domain: documents, spans, document stance and state, the label
// schema, and the rules a span must keep before it may be stored or exported. It knows nothing
// of SQL, files or the screen.
//
// Every offset is a Unicode code point index into a document's text, half-open: [Start, End).
package labels
