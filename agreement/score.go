package agreement

import (
	"fmt"
	"math"
	"strconv"
)

// Score is an agreement figure. JSON writes it rounded to 4 decimals; a figure that is
// undefined is a nil *Score, written null.
type Score float64

// MarshalJSON writes s rounded to 4 decimals, without a trailing zero or a negative zero.
func (s Score) MarshalJSON() ([]byte, error) {
	f := float64(s)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, fmt.Errorf("agreement score %v has no JSON form", f)
	}
	r := math.Round(f*1e4) / 1e4
	if r == 0 {
		r = 0 // not -0
	}
	return strconv.AppendFloat(nil, r, 'f', -1, 64), nil
}

// Value returns the figure of s and true, or 0 and false when s is nil (undefined).
func (s *Score) Value() (float64, bool) {
	if s == nil {
		return 0, false
	}
	return float64(*s), true
}

// score returns a new *Score of f.
func score(f float64) *Score {
	s := Score(f)
	return &s
}

// f1 is 2·matches/total, nil when total is 0.
func f1(matches, total int) *Score {
	if total == 0 {
		return nil
	}
	return score(2 * float64(matches) / float64(total))
}

// share is part/whole, nil when whole is 0.
func share(part, whole int) *Score {
	if whole == 0 {
		return nil
	}
	return score(float64(part) / float64(whole))
}
