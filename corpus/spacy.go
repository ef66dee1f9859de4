package corpus

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/goccy/go-json"
	"github.com/google/uuid"

	"github.com/tawsim/tawsim/labels"
)

// NewSpacyReader returns a reader of spaCy and Prodigy JSONL:
//
//	{"text": "...", "tokens": [{"text","start","end","id","ws"}],
//	 "spans": [{"start","end","token_start","token_end","label"}], "meta": {...}, "answer": "accept"}
//
// Offsets are Python str indices, which are code points, as Tawsim's are; the text is kept
// verbatim. The tokens become Doc.Tokens: each must be a non-empty range after the one before
// it, its "text" (when given) must be the text at its offsets, and its "id" (when given) its
// index. A span's token_start and token_end (inclusive, as Prodigy writes it), when given,
// must name the tokens its start and end fall on; its "text", when given, must match. spaCy's
// Doc.to_json "ents" are read as spans too. "meta" becomes Metadata (an object). Records that
// Prodigy marks "answer": "reject" or "ignore" are skipped without an error; any other answer
// but "accept" is an error. Other keys ("_input_hash", "_task_hash", "_view_id"...) are ignored.
func NewSpacyReader(name string, r io.Reader) Reader {
	return &jsonLines{name: name, lines: newLineReader(r), parse: parseSpacy}
}

type spacyRecord struct {
	Text   *jsonText       `json:"text"`
	Tokens spacyTokenList  `json:"tokens"`
	Spans  []spacySpan     `json:"spans"`
	Ents   []spacySpan     `json:"ents"`
	Meta   json.RawMessage `json:"meta"`
	Answer string          `json:"answer"`
}

type spacyToken struct {
	Text  *string `json:"text"`
	Start *int    `json:"start"`
	End   *int    `json:"end"`
	ID    offset  `json:"id"`
}

type spacySpan struct {
	Start      *int    `json:"start"`
	End        *int    `json:"end"`
	TokenStart offset  `json:"token_start"`
	TokenEnd   offset  `json:"token_end"`
	Label      string  `json:"label"`
	Text       *string `json:"text"`
}

func parseSpacy(line []byte, eol bool, done func()) (Record, bool, error) {
	var sr spacyRecord
	if err := decodeLine(line, &sr, eol); err != nil {
		return Record{}, false, err
	}
	done() // the values are copies: the line can go before the spans are made
	if len(line) >= bigLine {
		debug.FreeOSMemory()
	}
	switch sr.Answer {
	case "", "accept":
	case "reject", "ignore":
		return Record{}, true, nil
	default:
		return Record{}, false, fmt.Errorf("answer %q, want accept, reject or ignore", sr.Answer)
	}
	if sr.Text == nil || *sr.Text == "" {
		return Record{}, false, fmt.Errorf("%w: \"text\" is missing or empty", ErrNoText)
	}
	var rec Record
	d := &rec.Doc
	d.Text = string(*sr.Text)
	d.Title = Title(d.Text)
	var err error
	if d.Metadata, err = objectCopy("meta", sr.Meta); err != nil {
		return Record{}, false, err
	}
	spacyIdentity(&rec, sr.Meta)
	x := labels.NewTextIndex(d.Text)
	if n := len(sr.Spans) + len(sr.Ents); n > 0 {
		rec.Spans = make([]labels.Span, 0, n)
	}
	if d.Packed, err = spacyTokens(x, sr.Tokens); err != nil {
		return Record{}, false, err
	}
	at := tokensNamed(d.Packed, sr.Spans, sr.Ents)
	if err := spacySpans(x, &rec, "spans", sr.Spans, sr.Tokens.n, at); err != nil {
		return Record{}, false, err
	}
	if err := spacySpans(x, &rec, "ents", sr.Ents, sr.Tokens.n, at); err != nil {
		return Record{}, false, err
	}
	sortSpans(rec.Spans)
	return rec, false, nil
}

// spacyIdentity takes back from "meta" what Tawsim's spacy export writes there: the
// document's id (when it is a UUID), its external id and the annotator. The whole "meta"
// stays the document's metadata.
func spacyIdentity(rec *Record, meta json.RawMessage) {
	if len(meta) == 0 {
		return
	}
	var m struct {
		ID         any    `json:"id"`
		ExternalID string `json:"external_id"`
		Annotator  string `json:"annotator"`
	}
	if json.Unmarshal(meta, &m) != nil {
		return
	}
	if id, ok := m.ID.(string); ok {
		if u, err := uuid.Parse(id); err == nil && u.String() == id {
			rec.Doc.ID = id
		}
	}
	rec.Doc.ExternalID, rec.Annotator = m.ExternalID, m.Annotator
}

// spacyTokens checks the tokens of a record and returns them packed (nil for none).
func spacyTokens(x *labels.TextIndex, l spacyTokenList) (labels.PackedTokens, error) {
	switch {
	case l.n == 0:
		return nil, nil
	case l.slow == nil:
		return l.packed, checkPacked(x, l.each)
	}
	toks := l.slow
	out := make([]labels.Offsets, len(toks))
	prev := 0
	for i, t := range toks {
		if t.Start == nil || t.End == nil {
			return nil, fmt.Errorf("tokens[%d]: start and end are required integers", i)
		}
		if t.ID.set && t.ID.n != i {
			return nil, fmt.Errorf("tokens[%d]: id %d, want %d (its index)", i, t.ID.n, i)
		}
		if err := checkToken(x, i, *t.Start, *t.End, prev, t.Text); err != nil {
			return nil, fmt.Errorf("tokens: %w", err)
		}
		out[i], prev = labels.Offsets{Start: *t.Start, End: *t.End}, *t.End
	}
	return labels.PackTokens(out) // checked
}

// tokensNamed returns the tokens that the spans name by index (token_start, token_end), by
// index: a record's tokens are packed, and the spans name few of them.
func tokensNamed(toks labels.PackedTokens, spans ...[]spacySpan) map[int]labels.Offsets {
	named := map[int]labels.Offsets{}
	for _, list := range spans {
		for _, s := range list {
			for _, o := range []offset{s.TokenStart, s.TokenEnd} {
				if o.set {
					named[o.n] = labels.Offsets{}
				}
			}
		}
	}
	if len(named) == 0 {
		return named
	}
	i := 0
	for t := range toks.All() {
		if _, ok := named[i]; ok {
			named[i] = t
		}
		i++
	}
	return named
}

// spacySpans checks the spans under key and adds them to rec; the record has n tokens, at
// holds those the spans name.
func spacySpans(x *labels.TextIndex, rec *Record, key string, spans []spacySpan, n int, at map[int]labels.Offsets) error {
	for i, s := range spans {
		if s.Start == nil || s.End == nil {
			return fmt.Errorf("%s[%d]: start and end are required integers", key, i)
		}
		if s.Label == "" {
			return fmt.Errorf("%s[%d]: no label", key, i)
		}
		sp := labels.Span{Kind: labels.KindEntity, Label: s.Label, Start: *s.Start, End: *s.End, Origin: labels.OriginImport}
		if err := fillSpan(x, &sp, s.Text); err != nil {
			return fmt.Errorf("%s[%d]: %w", key, i, err)
		}
		if err := spanTokens(n, at, sp, s.TokenStart, s.TokenEnd); err != nil {
			return fmt.Errorf("%s[%d]: %w", key, i, err)
		}
		rec.Spans = append(rec.Spans, sp)
	}
	return nil
}

// spanTokens checks that the tokens a span names (token_end inclusive) begin and end where it
// does; the record has n tokens, at holds those named.
func spanTokens(n int, at map[int]labels.Offsets, sp labels.Span, first, last offset) error {
	for _, c := range []struct {
		key, verb string
		idx       offset
		at        int
		of        func(labels.Offsets) int
	}{
		{"token_start", "begins", first, sp.Start, func(o labels.Offsets) int { return o.Start }},
		{"token_end", "ends", last, sp.End, func(o labels.Offsets) int { return o.End }},
	} {
		if !c.idx.set {
			continue
		}
		i := c.idx.n
		if i < 0 || i >= n {
			return fmt.Errorf("%s %d: the record has %d tokens", c.key, i, n)
		}
		if got := c.of(at[i]); got != c.at {
			return fmt.Errorf("%s %d %s at %d but the span [%d,%d) at %d", c.key, i, c.verb, got, sp.Start, sp.End, c.at)
		}
	}
	return nil
}
