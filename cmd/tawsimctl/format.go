package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tawsim/tawsim/jobs"
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

// progress shows, on stderr when it is a terminal and nowhere otherwise, a bar of how far a
// job has gone (when its size is known), its count of records, their rate and the time left.
type progress struct {
	e           *env
	what        string
	p           jobs.Progress
	start, last time.Time
}

func newProgress(e *env, what string) *progress {
	return &progress{e: e, what: what, start: time.Now()}
}

// set takes the job's progress and redraws the line, ten times a second at most.
func (p *progress) set(now jobs.Progress) {
	p.p = now
	if !p.e.stderrIsTerm || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprint(p.e.stderr, "\r"+p.line(time.Since(p.start))+"\x1b[K")
}

// line writes the progress after elapsed: "[#####.....]  50%  1,024 records  2,048/s  about 1 s left".
func (p *progress) line(elapsed time.Duration) string {
	rate := ""
	if s := elapsed.Seconds(); s > 0 {
		rate = fmt.Sprintf("  %s/s", count(int(float64(p.p.Records)/s)))
	}
	f := p.p.Fraction()
	if f < 0 {
		return fmt.Sprintf("%s %s%s", count(p.p.Records), p.what, rate)
	}
	const width = 30
	filled := int(width * f)
	bar := strings.Repeat("#", filled) + strings.Repeat(".", width-filled)
	left := ""
	if f > 0 && f < 1 {
		if d := time.Duration(float64(elapsed) * (1 - f) / f).Round(time.Second); d > 0 {
			left = fmt.Sprintf("  about %s left", d)
		}
	}
	return fmt.Sprintf("[%s] %3d%%  %s %s%s%s", bar, int(100*f), count(p.p.Records), p.what, rate, left)
}

// done draws the last state of the line and ends it.
func (p *progress) done() {
	if p.e.stderrIsTerm {
		fmt.Fprintln(p.e.stderr, "\r"+p.line(time.Since(p.start))+"\x1b[K")
	}
}
