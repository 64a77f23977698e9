package neardup

import (
	"cmp"
	"slices"
)

// DocumentPair is two documents that share most of the text of one of
// them: at least minSharedUnits of its compared units, and at least half,
// pair with units of the other. It is what an archivist asks first of a
// wire story re-run by several sites ("reuters-16 is reuters-4, 24 of its
// 25 paragraphs"), which the clusters say one paragraph at a time.
type DocumentPair struct {
	A, B string // document ids, in the order the documents were given
	// UnitsA and UnitsB are the documents' compared units (enough content
	// words, not boilerplate, not a reference list); SharedA and SharedB
	// those of them in a pair with a unit of the other document.
	UnitsA, SharedA int
	UnitsB, SharedB int
	// Duplicates and Paraphrases count the pairs between the two by kind.
	Duplicates, Paraphrases int
}

// Share is the larger of the two documents' shares of compared units
// shared with the other.
func (d DocumentPair) Share() float64 {
	return max(float64(d.SharedA)/float64(max(d.UnitsA, 1)), float64(d.SharedB)/float64(max(d.UnitsB, 1)))
}

// maxCopyPairs bounds the unit pairs one kept pair stands for through the
// copies of its two units (a text copied into 64 documents, paired with
// another copied as often).
const maxCopyPairs = 4096

// minSharedUnits is the number of units, at least, that a document must
// share with another for the two to be a DocumentPair: one shared unit
// is a pair of units, not of documents.
const minSharedUnits = 2

// documentPairs returns the pairs of documents that share most of one's
// text, most shared first, then by document order. They are read from the
// kept pairs with every exact copy standing for its text: a unit that
// copies another byte for byte is reported in one pair, with the first
// copy, but a story copied whole shares each paragraph with every copy,
// whatever document held the first (a digest before the story).
func (s *scanner) documentPairs(pairs []Pair) []DocumentPair {
	type key struct{ a, b int32 }
	type tally struct {
		dup, para int
		ua, ub    map[int32]bool
	}
	byDocs := map[key]*tally{}
	seen := map[[2]int32]bool{} // unit pairs counted
	add := func(a, b int32, kind Kind) {
		da, db := s.udoc[a], s.udoc[b]
		if da == db {
			return
		}
		if da > db {
			a, b, da, db = b, a, db, da
		}
		if seen[[2]int32{a, b}] {
			return
		}
		seen[[2]int32{a, b}] = true
		t := byDocs[key{da, db}]
		if t == nil {
			t = &tally{ua: map[int32]bool{}, ub: map[int32]bool{}}
			byDocs[key{da, db}] = t
		}
		t.ua[a], t.ub[b] = true, true
		if kind == Duplicate {
			t.dup++
		} else {
			t.para++
		}
	}
	for _, p := range pairs {
		ga, gb := s.copies.all(int(s.copies.of[p.A])), s.copies.all(int(s.copies.of[p.B]))
		if len(ga)*len(gb) > maxCopyPairs {
			add(int32(p.A), int32(p.B), p.Kind)
			continue
		}
		for _, x := range ga {
			for _, y := range gb {
				if x != y {
					add(x, y, p.Kind)
				}
			}
		}
	}
	if len(byDocs) == 0 {
		return nil
	}
	compared := make([]int, len(s.docs))
	for u, c := range s.content {
		if c {
			compared[s.udoc[u]]++
		}
	}
	type found struct {
		d    DocumentPair
		a, b int32
	}
	var out []found
	for k, t := range byDocs {
		d := DocumentPair{
			A: s.docs[k.a].ID, B: s.docs[k.b].ID,
			UnitsA: compared[k.a], SharedA: len(t.ua),
			UnitsB: compared[k.b], SharedB: len(t.ub),
			Duplicates: t.dup, Paraphrases: t.para,
		}
		if (d.SharedA >= minSharedUnits && 2*d.SharedA >= d.UnitsA) || (d.SharedB >= minSharedUnits && 2*d.SharedB >= d.UnitsB) {
			out = append(out, found{d, k.a, k.b})
		}
	}
	slices.SortFunc(out, func(x, y found) int {
		return cmp.Or(
			cmp.Compare(y.d.Share(), x.d.Share()),
			cmp.Compare(y.d.SharedA+y.d.SharedB, x.d.SharedA+x.d.SharedB),
			cmp.Compare(x.a, y.a),
			cmp.Compare(x.b, y.b))
	})
	docs := make([]DocumentPair, len(out))
	for i, f := range out {
		docs[i] = f.d
	}
	return docs
}
