package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tawsim/tawsim/labels"
)

// Progress is the work on a project as the dashboard draws it: the documents each annotator
// finished per day, the labels given, the stances toward each target and the time spent on
// documents.
type Progress struct {
	Documents  int
	Annotators []string              // everyone who has a span, state or stance, sorted
	Status     map[labels.Status]int // (document, annotator) pairs per status, as Stats counts them
	// Finished maps each annotator to the days on which they finished documents (status done,
	// or curated for a curator), in order, each with how many: a document counts on the day
	// its state was last written. Days are those of the location Progress was asked for.
	Finished     map[string][]DayCount
	EntityLabels map[string]int            // entity spans per label, everyone's
	DocStances   map[string]map[string]int // target id → stance label → documents, everyone's
	TargetNames  map[string]string         // target id → name, for every target of the schema
	// Time is how long annotators spent on documents: the (document, annotator) pairs with
	// time recorded, in the bins of TimeBins; Timed of them, Seconds in all.
	Time    []int
	Timed   int
	Seconds int64
}

// DayCount is a number of documents on one day (midnight of that day).
type DayCount struct {
	Day time.Time
	N   int
}

// TimeBin is a range of seconds spent on a document, [From, To); To is 0 for the last bin.
type TimeBin struct {
	Name     string // short and ASCII, for a chart's axis: "1-2m"
	From, To int64
}

// TimeBins are the bins of Progress.Time: under half a minute, then wider and wider ranges
// up to an hour and more (the window counts at most 30 minutes each time a document is shown).
var TimeBins = []TimeBin{
	{"<30s", 0, 30}, {"30s-1m", 30, 60}, {"1-2m", 60, 120}, {"2-5m", 120, 300},
	{"5-10m", 300, 600}, {"10-20m", 600, 1200}, {"20-30m", 1200, 1800}, {"30-60m", 1800, 3600}, {"60m+", 3600, 0},
}

// Progress reads the project's progress from one snapshot; finished documents are counted by
// the day, in loc, of the last change of their state. It reads the counts that every write
// keeps (migrations/0004_counts.sql and 0012_progress.sql), so it takes the same time on any
// size of project.
func (s *Store) Progress(ctx context.Context, loc *time.Location) (Progress, error) {
	p, err := s.progress(ctx, loc)
	if err != nil {
		return Progress{}, fmt.Errorf("progress: %w", err)
	}
	return p, nil
}

func (s *Store) progress(ctx context.Context, loc *time.Location) (Progress, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Progress{}, err
	}
	defer tx.Rollback()
	documents, rows, sc, err := readCountRows(ctx, tx)
	if err != nil {
		return Progress{}, err
	}
	return ProgressOf(documents, rows, sc, loc)
}

// ProgressOf is the progress of a project from its number of documents, its counts and its
// schema, as Progress reads it; finished documents are put into days in loc.
func ProgressOf(documents int, rows []CountRow, sc labels.Schema, loc *time.Location) (Progress, error) {
	st := StatsOf(documents, "", rows, sc)
	p := Progress{
		Documents: st.Documents, Annotators: st.Annotators, Status: st.Status,
		EntityLabels: st.EntityLabels, DocStances: st.DocStances, TargetNames: st.TargetNames,
	}
	if err := p.addRows(rows, loc); err != nil {
		return Progress{}, err
	}
	return p, nil
}

// addRows adds the counts of migrations/0012_progress.sql among rows: the documents each
// annotator finished per hour, put into days in loc (exact in every time zone a whole number
// of hours from UTC), and the time spent in TimeBins.
func (p *Progress) addRows(rows []CountRow, loc *time.Location) error {
	days := map[string]map[time.Time]int{}
	p.Time = make([]int, len(TimeBins))
	for _, r := range rows {
		who, key, n := r.Annotator, r.Key, r.N
		if n == 0 {
			continue
		}
		switch r.What {
		case "finished":
			t, err := time.ParseInLocation("2006-01-02T15", key, time.UTC)
			if err != nil {
				return fmt.Errorf("documents %s finished in the hour %q: %w", who, key, err)
			}
			t = t.In(loc)
			day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
			if days[who] == nil {
				days[who] = map[time.Time]int{}
			}
			days[who][day] += n
		case "time":
			if i, err := strconv.Atoi(key); err == nil && i >= 0 && i < len(p.Time) {
				p.Time[i] += n
				p.Timed += n
			}
		case "seconds":
			p.Seconds += int64(n)
		}
	}
	p.Finished = make(map[string][]DayCount, len(days))
	for who, m := range days {
		list := make([]DayCount, 0, len(m))
		for d, n := range m {
			list = append(list, DayCount{d, n})
		}
		slices.SortFunc(list, func(a, b DayCount) int { return a.Day.Compare(b.Day) })
		p.Finished[who] = list
	}
	return nil
}

// ProgressCountQueries count, from the states, what addRows reads (for check and recount):
// each row is (annotator, what, key, n), in SQL that SQLite and PostgreSQL both run.
func ProgressCountQueries() []string {
	var bin strings.Builder
	bin.WriteString("CASE")
	for i, b := range TimeBins {
		if b.To > 0 {
			fmt.Fprintf(&bin, " WHEN seconds < %d THEN '%d'", b.To, i)
		} else {
			fmt.Fprintf(&bin, " ELSE '%d'", i)
		}
	}
	bin.WriteString(" END")
	return []string{
		"SELECT annotator, 'finished', substr(updated, 1, 13), count(*) FROM doc_state WHERE status IN ('done', 'curated') GROUP BY 1, 3",
		"SELECT annotator, 'time', " + bin.String() + ", count(*) FROM doc_state WHERE seconds > 0 GROUP BY 1, 3",
		"SELECT annotator, 'seconds', '', CAST(sum(seconds) AS bigint) FROM doc_state WHERE seconds > 0 GROUP BY 1",
	}
}
