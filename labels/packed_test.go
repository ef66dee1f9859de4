package labels

import (
	"errors"
	"slices"
	"testing"
)

func offsets(pairs ...int) []Offsets {
	toks := make([]Offsets, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		toks = append(toks, Offsets{Start: pairs[i], End: pairs[i+1]})
	}
	return toks
}

// TestPackTokens: tokens pack into gaps and lengths less one, and read back as they were.
func TestPackTokens(t *testing.T) {
	for _, tc := range []struct {
		toks []Offsets
		want PackedTokens
	}{
		{nil, nil},
		{[]Offsets{}, PackedTokens{}},
		{offsets(0, 3, 4, 12), PackedTokens{0, 2, 1, 7}},
		{offsets(2, 3, 3, 4), PackedTokens{2, 0, 0, 0}},
		{offsets(0, 200, 300, 301), PackedTokens{0, 0xc7, 0x01, 0x64, 0}},
	} {
		p, err := PackTokens(tc.toks)
		if err != nil || !slices.Equal(p, tc.want) || (p == nil) != (tc.want == nil) {
			t.Errorf("PackTokens(%v) = %v, %v; want %v", tc.toks, p, err, tc.want)
			continue
		}
		if p.Len() != len(tc.toks) {
			t.Errorf("Len of %v = %d, want %d", tc.toks, p.Len(), len(tc.toks))
		}
		got, err := p.Unpack(301)
		if err != nil || !slices.Equal(got, tc.toks) || (got == nil) != (tc.toks == nil) {
			t.Errorf("Unpack of %v = %v, %v", tc.toks, got, err)
		}
		if all := slices.Collect(p.All()); !slices.Equal(all, tc.toks) {
			t.Errorf("All of %v = %v", tc.toks, all)
		}
	}
}

// TestPackTokensRefuses: a token out of order or empty is refused by its number.
func TestPackTokensRefuses(t *testing.T) {
	for _, toks := range [][]Offsets{offsets(0, 3, 2, 5), offsets(0, 3, 4, 4), offsets(-1, 2), offsets(5, 4)} {
		if p, err := PackTokens(toks); err == nil {
			t.Errorf("PackTokens(%v) = %v, want an error", toks, p)
		}
	}
	var tp TokenPacker
	tp.Add(0, 3)
	tp.Add(3, 3)
	tp.Add(5, 9)
	if _, err := tp.Packed(); err == nil || err.Error() != "token 2 [3,3) is out of order or empty" {
		t.Errorf("the packer's error: %v", err)
	}
	tp.Add(1, 2) // empty again after Packed
	if p, err := tp.Packed(); err != nil || !slices.Equal(p, PackedTokens{1, 0}) {
		t.Errorf("the packer after Packed: %v, %v", p, err)
	}
	if p, err := tp.Packed(); err != nil || p == nil || len(p) != 0 {
		t.Errorf("a packer given nothing: %#v, %v; want an empty list", p, err)
	}
}

// TestTokenPackerTruncate: the tokens added after a mark go, and the error about one of them.
func TestTokenPackerTruncate(t *testing.T) {
	var tp TokenPacker
	tp.Add(0, 3)
	m := tp.Mark()
	tp.Add(4, 300)
	tp.Add(2, 1)
	tp.Truncate(m)
	tp.Add(3, 5)
	if p, err := tp.Packed(); err != nil || !slices.Equal(p, PackedTokens{0, 2, 0, 1}) {
		t.Errorf("after Truncate: %v, %v", p, err)
	}
	tp.Add(2, 1)
	m = tp.Mark()
	tp.Add(3, 4)
	tp.Truncate(m)
	if _, err := tp.Packed(); err == nil {
		t.Errorf("Truncate dropped the error about a token before the mark")
	}
}

// TestPackedTokensCheck: a list that passes its text, is cut short or reads in more bytes
// than it needs is refused.
func TestPackedTokensCheck(t *testing.T) {
	for _, tc := range []struct {
		p PackedTokens
		n int
	}{
		{PackedTokens{0, 2}, 2},           // [0,3) in a text of 2
		{PackedTokens{3, 0}, 3},           // [3,4)
		{PackedTokens{0}, 10},             // no length
		{PackedTokens{0x80}, 10},          // a varint cut short
		{PackedTokens{0x80, 0x00, 0}, 10}, // 0 in two bytes
		{PackedTokens{0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0}, 10}, // too large
	} {
		err := tc.p.Check(tc.n)
		if !errors.Is(err, ErrBadPacked) {
			t.Errorf("Check(%v, %d) = %v, want ErrBadPacked", tc.p, tc.n, err)
		}
		if _, err := tc.p.Unpack(tc.n); !errors.Is(err, ErrBadPacked) {
			t.Errorf("Unpack(%v, %d) = %v, want ErrBadPacked", tc.p, tc.n, err)
		}
	}
	if err := (PackedTokens{0, 2, 1, 1}).Check(6); err != nil {
		t.Errorf("[0,3) [4,6) in a text of 6: %v", err)
	}
}

// TestOwnTokens: a document's own tokens read the same from Tokens and Packed.
func TestOwnTokens(t *testing.T) {
	toks := offsets(0, 3, 4, 12)
	p, _ := PackTokens(toks)
	for _, d := range []Document{{Tokens: toks}, {Packed: p}} {
		if !d.HasOwnTokens() || !slices.Equal(slices.Collect(d.OwnTokens()), toks) {
			t.Errorf("%+v: own tokens %v", d, slices.Collect(d.OwnTokens()))
		}
	}
	empty := Document{Packed: PackedTokens{}}
	if !empty.HasOwnTokens() || len(slices.Collect(empty.OwnTokens())) != 0 {
		t.Errorf("an empty packed list")
	}
	var none Document
	if none.HasOwnTokens() || len(slices.Collect(none.OwnTokens())) != 0 {
		t.Errorf("a document without tokens")
	}
}

// FuzzPackedTokens: whatever the bytes, Check and All agree, the tokens read are in order,
// apart, non-empty and inside the text, and pack back into the same bytes.
func FuzzPackedTokens(f *testing.F) {
	f.Add([]byte{0, 2, 1, 7}, 12)
	f.Add([]byte{0x80, 0x01, 0}, 300)
	f.Add([]byte{0x80, 0x00, 0}, 300)
	f.Fuzz(func(t *testing.T, data []byte, n int) {
		if n < 0 {
			n = -n
		}
		p := PackedTokens(data)
		toks, err := p.Unpack(n)
		if err != nil {
			return
		}
		end := 0
		for _, tk := range toks {
			if tk.Start < end || tk.End <= tk.Start || tk.End > n {
				t.Fatalf("%v in a text of %d: token %v", data, n, tk)
			}
			end = tk.End
		}
		if all := slices.Collect(p.All()); !slices.Equal(all, toks) {
			t.Fatalf("%v: All %v, Unpack %v", data, all, toks)
		}
		back, err := PackTokens(toks)
		if err != nil || !slices.Equal(back, p) || p.Len() != len(toks) {
			t.Fatalf("%v packs back as %v, %v (Len %d of %d)", data, back, err, p.Len(), len(toks))
		}
	})
}
