package score

import (
	"slices"

	"github.com/neardup/neardup/similarity"
)

// How a term was aligned with a term of the other side.
const (
	matchNone uint8 = iota
	matchSame
	matchSynonym
	matchPrefix
	matchVector
)

// alignSynonyms credits unaligned terms of a and b that share a WordNet
// synonym group, greedily in term order, one to one.
func (s *Scorer) alignSynonyms(sc *pairScratch) {
	ma, mb := sc.ma, sc.mb
	a, b, groups := &sc.a, &sc.b, s.lex.groups
	if !a.syn || !b.syn {
		return
	}
	for i := range a.ss {
		if ma[i] != 0 || a.ss[i] == a.se[i] {
			continue
		}
		ga := groups[a.ss[i]:a.se[i]]
		for j := range b.ss {
			if mb[j] != 0 || b.ss[j] == b.se[j] {
				continue
			}
			if similarity.Intersect(ga, groups[b.ss[j]:b.se[j]]) > 0 {
				ma[i], mb[j] = synonymCredit, synonymCredit
				sc.pa[i], sc.how[i] = int32(j), matchSynonym
				break
			}
		}
	}
}

// alignPrefixes credits unaligned terms whose stems share their first
// prefixLen bytes ("diplomaci"/"diplomat").
func alignPrefixes(sc *pairScratch) {
	ma, mb := sc.ma, sc.mb
	a, b := &sc.a, &sc.b
	for i, p := range a.pre {
		if ma[i] != 0 || p == 0 {
			continue
		}
		for j, q := range b.pre {
			if mb[j] == 0 && q == p {
				ma[i], mb[j] = prefixCredit, prefixCredit
				sc.pa[i], sc.how[i] = int32(j), matchPrefix
				break
			}
		}
	}
}

// unaligned is Σ idf·(1-credit).
func unaligned(idf, credit []float64) float64 {
	var m float64
	for i, w := range idf {
		m += w * (1 - credit[i])
	}
	return m
}

// lcs is the length of the longest common subsequence (dynamic
// programming over one row).
func lcs(a, b []uint32, sc *pairScratch) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	row := sc.row[:0]
	for range len(b) + 1 {
		row = append(row, 0)
	}
	sc.row = row
	for _, x := range a {
		diag := int32(0)
		for j, y := range b {
			up := row[j+1]
			switch {
			case x == y:
				row[j+1] = diag + 1
			case row[j] > up:
				row[j+1] = row[j]
			}
			diag = up
		}
	}
	return int(row[len(b)])
}

// trigramDice is 2·|A∩B|/(|A|+|B|) over word-trigram multisets.
func trigramDice(a, b []uint32, sc *pairScratch) float64 {
	ta := appendTrigrams(sc.ta[:0], a)
	tb := appendTrigrams(sc.tb[:0], b)
	sc.ta, sc.tb = ta, tb
	if len(ta)+len(tb) == 0 {
		return 0
	}
	slices.Sort(ta)
	slices.Sort(tb)
	return 2 * float64(similarity.Intersect(ta, tb)) / float64(len(ta)+len(tb))
}

func appendTrigrams(dst []uint64, s []uint32) []uint64 {
	for i := 0; i+2 < len(s); i++ {
		dst = append(dst, (uint64(s[i])*0x9e3779b97f4a7c15)^(uint64(s[i+1])<<21|uint64(s[i+1])>>11)*0xc2b2ae3d27d4eb4f^uint64(s[i+2]))
	}
	return dst
}

// embedMin is the least word-vector cosine that aligns two terms.
const embedMin = 0.5

// alignVectors credits each still unaligned term of a with the cosine of
// the most similar still unaligned term of b, greedily, one to one.
func (s *Scorer) alignVectors(sc *pairScratch) {
	lx := s.lex
	ma, mb := sc.ma, sc.mb
	a, b := &sc.a, &sc.b
	for i, ei := range a.emb {
		if ma[i] != 0 || ei == 0 || lx.norms[ei-1] == 0 {
			continue
		}
		va := lx.vec(ei - 1)
		best, bj := embedMin, -1
		for j, ej := range b.emb {
			if mb[j] != 0 || ej == 0 || lx.norms[ej-1] == 0 {
				continue
			}
			c := float64(dot8(va, lx.vec(ej-1))) / float64(lx.norms[ei-1]) / float64(lx.norms[ej-1])
			if c >= best {
				best, bj = c, j
			}
		}
		if bj >= 0 {
			ma[i], mb[bj] = best, best
			sc.pa[i], sc.how[i] = int32(bj), matchVector
		}
	}
}
