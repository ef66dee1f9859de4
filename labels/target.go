package labels

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug is the longest target id TargetID makes from a Latin name before it shortens it.
const maxSlug = 48

// TargetID returns the id a new target named name gets (an importer adding a target it met
// by name, such as a claim): a slug of lower-case ASCII letters, digits and hyphens.
//
//   - A Latin name is folded to ASCII (accents dropped: "Café" → "cafe"; Arabic-Indic digits
//     become ASCII digits), lower-cased, and every run of other characters becomes one hyphen,
//     with none at either end: "Women empowerment" → "women-empowerment".
//   - A name with letters of another script (Arabic...), or one that leaves no letter or digit,
//     becomes "t-" and the first 8 hex digits of the SHA-256 of the trimmed name:
//     "تمكين المرأة" → "t-" + 8 hex digits.
//   - A slug longer than 48 characters (a claim written as a sentence) is cut at 48, and the
//     8 hex digits of the name's hash are appended, so that long names sharing a beginning
//     still get ids of their own.
//
// The result depends only on the name. Schema.NewTargetID adds a number when it is taken.
func TargetID(name string) string {
	name = strings.TrimSpace(name)
	if !latin(name) {
		return "t-" + hash8(name)
	}
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r >= '٠' && r <= '٩':
			r = '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			r = '0' + r - '۰'
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
			continue
		}
		hyphen = true
	}
	slug := b.String()
	if slug == "" {
		return "t-" + hash8(name)
	}
	if len(slug) > maxSlug {
		slug = strings.TrimRight(slug[:maxSlug], "-") + "-" + hash8(name)
	}
	return slug
}

// latin reports whether every letter of s is of the Latin script.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// hash8 is the first 8 hex digits of the SHA-256 of s.
func hash8(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

// NewTargetID returns TargetID(name), or, when a target of s already has that id, the first
// of id-2, id-3... that none has.
func (s Schema) NewTargetID(name string) string {
	id := TargetID(name)
	if _, taken := s.Target(id); !taken {
		return id
	}
	for n := 2; ; n++ {
		c := id + "-" + strconv.Itoa(n)
		if _, taken := s.Target(c); !taken {
			return c
		}
	}
}

// FindTarget returns the target that ref names: the one whose ID is ref, or else the first
// whose ID, Name or NameAr equals ref ignoring case and surrounding white space (in that
// order of preference: ids, then names, then Arabic names). An empty ref names none.
func (s Schema) FindTarget(ref string) (Target, bool) {
	if t, ok := s.Target(ref); ok {
		return t, true
	}
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return Target{}, false
	}
	for _, field := range []func(Target) string{
		func(t Target) string { return t.ID },
		func(t Target) string { return t.Name },
		func(t Target) string { return t.NameAr },
	} {
		for _, t := range s.Targets {
			if v := strings.TrimSpace(field(t)); v != "" && strings.EqualFold(v, ref) {
				return t, true
			}
		}
	}
	return Target{}, false
}

// EntityFold returns the entity label named name: the one spelled so, or else the first
// equal to it ignoring case and surrounding white space ("loc " finds LOC).
func (s Schema) EntityFold(name string) (Label, bool) { return findFold(s.Entities, name) }

// StanceFold returns the stance label named name, as EntityFold does ("Favor" finds FAVOR).
func (s Schema) StanceFold(name string) (Label, bool) { return findFold(s.StanceLabels, name) }

func findFold(ls []Label, name string) (Label, bool) {
	if l, ok := find(ls, name); ok {
		return l, true
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return Label{}, false
	}
	for _, l := range ls {
		if strings.EqualFold(l.Name, name) {
			return l, true
		}
	}
	return Label{}, false
}
