package labels

import "errors"

// Errors a caller can test with errors.Is. The errors returned wrap them with the details.
var (
	ErrOutOfRange    = errors.New("span offsets fall outside the text")
	ErrEmptySpan     = errors.New("span is empty")
	ErrTextMismatch  = errors.New("span text does not match the document text at its offsets")
	ErrUnknownLabel  = errors.New("label is not in the schema")
	ErrUnknownTarget = errors.New("stance target is not in the schema")
	ErrOverlap       = errors.New("span overlaps another entity span")
	ErrBadKind       = errors.New("unknown span kind")
	ErrBadOrigin     = errors.New("unknown span origin")
	ErrBadStatus     = errors.New("unknown document status")
	ErrNoAnnotator   = errors.New("annotator name is empty")
	ErrBadSchema     = errors.New("invalid label schema")
	ErrBadName       = errors.New("invalid name")
)
