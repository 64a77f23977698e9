package archive

import (
	"errors"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// seedFile returns the bytes of a small valid archive file.
func seedFile(f *testing.F) []byte {
	path := filepath.Join(f.TempDir(), "seed.ndx")
	// The first document merged into the segments, the others pending.
	a, err := Open(path, Options{Params: testParams, NoSync: true, PendingLimit: -1})
	if err != nil {
		f.Fatal(err)
	}
	addAll(f, a, corpusDocs(f)[:1])
	a.Close()
	if a, err = Open(path, Options{NoSync: true}); err != nil {
		f.Fatal(err)
	}
	addAll(f, a, corpusDocs(f)[1:3])
	a.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// FuzzOpen opens damaged archive files and reads everything in them: the
// result is an archive or an error, never a panic, and a file that opens
// either verifies or gives an error wrapping ErrCorrupt.
func FuzzOpen(f *testing.F) {
	good := seedFile(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	for _, off := range []int{4096 * 2, 4096*3 + 17, 4096*4 + 100, len(good) - 5} {
		if off < len(good) {
			b := append([]byte(nil), good...)
			b[off] ^= 0xff
			f.Add(b)
		}
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.ndx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			return
		}
		defer a.Close()
		err = a.Verify(terms)
		if err != nil && !errors.Is(err, ErrCorrupt) {
			t.Errorf("Verify of a damaged file = %v, want nil or ErrCorrupt", err)
		}
		// Every read path, whatever Verify found.
		a.View(func(tx Tx) error {
			for _, term := range terms("China Cambodia the alliance 2024") {
				ids, _ := tx.Postings(term, nil)
				tx.DocFreq(term)
				for _, id := range ids {
					tx.Unit(id)
				}
			}
			for _, id := range []string{"doca", "docb", "docc"} {
				tx.Doc(id)
			}
			return nil
		})
	})
}

// FuzzDecode decodes arbitrary record values: an error, or values whose
// spans are in bounds and that encode to bytes decoding to the same.
func FuzzDecode(f *testing.F) {
	units := []Unit{
		{Kind: 2, Quoted: true, Line: 7, Start: 10, End: 42, Text: "text of the unit"},
		{Kind: 0, Line: 9, Start: 50, End: 60, Text: strings.Repeat("another unit, long enough to be compressed. ", 5)},
	}
	f.Add(encodeDoc(nil, &Doc{ID: "a", Path: "a.txt", URL: "u", Title: "t"}, units, nil))
	f.Add(encodeDoc(nil, &Doc{ID: "a", Path: "a.txt", URL: "u", Title: "t"}, units, &codec{}))
	f.Add(encodeDoc(nil, &Doc{ID: "r2", Path: "a.jsonl", Record: 2}, units, nil))
	f.Add(encodeDoc(nil, &Doc{ID: "r2", Path: "a.jsonl", Record: 300}, units, &codec{}))
	f.Add(appendSegment(nil, 10, []uint32{10, 12, 400, 70000}))
	f.Add(appendSegment(binaryUvarint(3), 0, []uint32{1, 12, 400}))
	f.Add(encodePending(nil, 5, map[uint32][]uint32{3: {5, 9}, 70000: {6}}))
	z := &codec{}
	f.Fuzz(func(t *testing.T, b []byte) {
		if d, err := decodeDoc(5, b); err == nil && d.decodeUnits(z) == nil {
			for _, u := range d.units {
				if u.Start >= u.End || u.Line < 1 || u.Text == "" {
					t.Errorf("decodeDoc(%x): unit span [%d,%d) line %d", b, u.Start, u.End, u.Line)
				}
			}
			d2, err := decodeDoc(5, encodeDoc(nil, &d.Doc, d.units, z))
			if err != nil || d2.decodeUnits(z) != nil || d2.Doc != d.Doc || !slices.Equal(d2.units, d.units) {
				t.Errorf("decodeDoc(%x) = %+v; round trip gives %+v, %v", b, d, d2, err)
			}
		}
		if ids, err := decodeSegment(nil, 1, b); err == nil {
			for i := 1; i < len(ids); i++ {
				if ids[i] <= ids[i-1] {
					t.Errorf("decodeSegment(%x) = %v, not increasing", b, ids)
				}
			}
		}
		post := map[uint32][]uint32{}
		err := decodePending(5, 1<<20, b, func(term uint32, ids []uint32) error {
			if _, dup := post[term]; dup || len(ids) == 0 || ids[0] < 5 || !slices.IsSorted(ids) {
				t.Errorf("decodePending(%x): term %#x ids %v", b, term, ids)
			}
			post[term] = slices.Clone(ids)
			return nil
		})
		if err == nil {
			// Varints may be written longer than needed, so compare the
			// postings decoded from the re-encoding, not the bytes.
			again := map[uint32][]uint32{}
			err := decodePending(5, 1<<20, encodePending(nil, 5, post), func(term uint32, ids []uint32) error {
				again[term] = slices.Clone(ids)
				return nil
			})
			if err != nil || !maps.EqualFunc(again, post, slices.Equal) {
				t.Errorf("decodePending(%x) = %v; its re-encoding decodes to %v, %v", b, post, again, err)
			}
		}
		if df, seg, err := splitHeader(b); err == nil && (df < 1 || len(seg) >= len(b)) {
			t.Errorf("splitHeader(%x) = %d, %x", b, df, seg)
		}
	})
}

// TestDamagedFiles overwrites a few random bytes of a valid archive file,
// many times over (seeded, so the same every run): opening and reading it
// gives an error or a consistent archive, never a panic.
func TestDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "good.ndx")
	a, err := Open(src, Options{Params: testParams, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	addAll(t, a, corpusDocs(t)[:3])
	a.Close()
	good, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	opened, corrupt := 0, 0
	for i := 0; i < 300; i++ {
		b := append([]byte(nil), good...)
		for range 1 + rng.IntN(4) {
			b[rng.IntN(len(b))] = byte(rng.IntN(256))
		}
		path := filepath.Join(dir, "damaged.ndx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			continue
		}
		opened++
		if err := a.Verify(terms); err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("damaged file %d: Verify = %v, want nil or ErrCorrupt", i, err)
			}
			corrupt++
		}
		a.Close()
	}
	t.Logf("%d of 300 damaged files opened, %d of those found corrupt by Verify", opened, corrupt)
}
