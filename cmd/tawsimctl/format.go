package main

import (
	"fmt"
	"strconv"
	"time"
)

// count writes n with thousands separators: 1204 → "1,204".
func count(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// plural writes "1 file", "3 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return count(n) + " " + noun + "s"
}

// progress shows counts and a rate on stderr when stderr is a terminal, and nothing otherwise.
type progress struct {
	e           *env
	what        string
	total, n    int
	start, last time.Time
}

func newProgress(e *env, what string, total int) *progress {
	return &progress{e: e, what: what, total: total, start: time.Now()}
}

// set records that n items are done.
func (p *progress) set(n int) {
	p.n = n
	if !p.e.stderrIsTerm || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.print()
}

func (p *progress) print() {
	rate := float64(p.n) / time.Since(p.start).Seconds()
	if p.total > 0 {
		const width = 30
		filled := width * p.n / p.total
		bar := make([]byte, width)
		for i := range bar {
			bar[i] = '.'
			if i < filled {
				bar[i] = '#'
			}
		}
		fmt.Fprintf(p.e.stderr, "\r[%s] %s / %s %s  %.0f/s ", bar, count(p.n), count(p.total), p.what, rate)
		return
	}
	fmt.Fprintf(p.e.stderr, "\r%s %s  %.0f/s ", count(p.n), p.what, rate)
}

func (p *progress) done() {
	if p.e.stderrIsTerm {
		p.print()
		fmt.Fprintln(p.e.stderr)
	}
}
