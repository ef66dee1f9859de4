package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// csvSource hands the lines of a file on to encoding/csv, dropping a leading BOM, noting where
// bytes are not UTF-8 (encoding/csv lets them through), and stopping a row larger than MaxRecord.
// A line goes on in the pieces it is read in, never put together whole: encoding/csv keeps a
// copy of it already.
type csvSource struct {
	lines *lineReader // its reader, dead and line count; not its line buffer
	max   int64       // the largest row
	rest  []byte      // what is left of the piece being handed on
	held  []byte      // the bytes of a code point cut by the end of a piece, for the next
	col   int         // bytes of the line handed on before rest
	open  bool        // the line being handed on has not ended
	noted bool        // an invalid byte of this line is noted
	sent  int64       // bytes handed on
	mark  int64       // the input offset of the end of the last row read
	bad   []Error     // the first invalid byte of lines handed on, in line order
	grow  growth      // of the row being read
}

func (s *csvSource) Read(p []byte) (int, error) {
	for len(s.rest) == 0 {
		if s.sent-s.mark > s.max {
			return 0, fmt.Errorf("%w: a row runs past %s (a quote never closed?)", ErrTooLong, sizeOf(int(s.max)))
		}
		if err := s.next(); err != nil {
			return 0, err
		}
	}
	n := copy(p, s.rest)
	s.rest = s.rest[n:]
	s.sent += int64(n)
	s.grow.grew(int(s.sent - s.mark)) // encoding/csv copies the row into buffers that double
	return n, nil
}

// next reads the next piece of a line into rest, checking that it is UTF-8.
func (s *csvSource) next() error {
	l := s.lines
	if l.dead {
		return io.EOF
	}
	chunk, err := l.br.ReadSlice('\n')
	switch {
	case err == nil || errors.Is(err, bufio.ErrBufferFull):
	case errors.Is(err, io.EOF):
		if len(chunk) == 0 && len(s.held) == 0 {
			return io.EOF
		}
	default:
		l.dead = true
		return fmt.Errorf("%w: %w", ErrRead, err)
	}
	if !s.open {
		l.n++
		s.open, s.col, s.noted = true, 0, false
		if l.n == 1 {
			chunk = bytes.TrimPrefix(chunk, bom)
		}
	}
	piece := chunk
	if len(s.held) > 0 {
		piece, s.held = append(s.held, chunk...), nil
	}
	ended := !errors.Is(err, bufio.ErrBufferFull)
	if cut := cutRune(piece); !ended && cut > 0 {
		s.held = append([]byte(nil), piece[len(piece)-cut:]...)
		piece = piece[:len(piece)-cut]
	}
	if !s.noted {
		if line, err := checkUTF8From(piece, l.n, s.col+1); err != nil {
			s.bad, s.noted = append(s.bad, Error{Line: line, Err: err}), true
		}
	}
	s.col += len(piece)
	s.rest, s.open = piece, !ended
	return nil
}

// cutRune returns how many bytes at the end of b begin a code point that b does not finish.
func cutRune(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return 0
			}
			return len(b) - i
		}
	}
	return 0
}

// badFrom forgets the invalid bytes noted before line and returns the first one left, if any.
func (s *csvSource) badFrom(line int) *Error {
	for len(s.bad) > 0 && s.bad[0].Line < line {
		s.bad = s.bad[1:]
	}
	if len(s.bad) == 0 {
		return nil
	}
	e := s.bad[0]
	return &e
}
