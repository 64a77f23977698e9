package index

import (
	"slices"
	"sync"
	"sync/atomic"
)

// signatures holds the signatures of every unit's keyed sentences, in flat
// slices: unit u has sig[sigEnd[u-1]:sigEnd[u]], sentence after sentence,
// size[sizeEnd[u-1]:sizeEnd[u]] values each (from 0 for u = 0); part[k] is
// the partition of the keys whose smaller signature is sig[k] (keyPart).
type signatures struct {
	sig     []uint64
	part    []uint16
	size    []uint8
	sigEnd  []int32
	sizeEnd []int32
}

// unitSigs is one unit's view of the signatures.
type unitSigs struct {
	sig  []uint64
	part []uint16
	size []uint8
}

// unit returns the view of unit u.
func (g *signatures) unit(u int) unitSigs {
	a, b := 0, 0
	if u > 0 {
		a, b = int(g.sigEnd[u-1]), int(g.sizeEnd[u-1])
	}
	v := unitSigs{sig: g.sig[a:g.sigEnd[u]], size: g.size[b:g.sizeEnd[u]]}
	if g.part != nil {
		v.part = g.part[a:g.sigEnd[u]]
	}
	return v
}

// keys returns the number of keys of the unit.
func (g *unitSigs) keys() int {
	if len(g.size) == 1 {
		return int(g.size[0])
	}
	n, before := 0, 0
	for _, z := range g.size {
		n += before * int(z)
		before += int(z)
	}
	return n
}

// appendKeys appends the unit's keys that fall in partition p. A key of
// two signatures a < b is in the partition of a, so only a's partition is
// looked at: a pass costs a byte compare per signature plus the keys it
// keeps, not every key of the unit.
func (g *unitSigs) appendKeys(dst []uint64, p int) []uint64 {
	if len(g.size) == 1 {
		for k, a := range g.sig {
			if int(g.part[k]) == p {
				dst = append(dst, mix64(a^singleSeed))
			}
		}
		return dst
	}
	lo := 0
	for _, z := range g.size {
		hi := lo + int(z)
		for k := lo; k < hi; k++ {
			if int(g.part[k]) != p {
				continue
			}
			a := g.sig[k]
			for _, others := range [2][]uint64{g.sig[:lo], g.sig[hi:]} {
				for _, b := range others {
					if b > a {
						dst = append(dst, mix64(a^mix64(b^crossSeed)))
					}
				}
			}
		}
		lo = hi
	}
	return dst
}

// keyPart returns the partition, of parts, of the keys whose smaller
// signature is a. Signatures are uniform 64-bit values and the smaller of
// two has the distribution 1-(1-u)², so a is mapped through it first to
// give the partitions equal shares of the keys.
func keyPart(a uint64, single bool, parts int) int {
	u := float64(a>>11) * 0x1p-53
	if !single {
		u = 1 - (1-u)*(1-u)
	}
	return min(int(u*float64(parts)), parts-1)
}

// assignParts sets the partition of every signature, in parallel.
func (g *signatures) assignParts(parts, workers int) {
	g.part = make([]uint16, len(g.sig))
	n := len(g.sigEnd)
	const chunk = 4096
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, n/chunk)) {
		wg.Go(func() {
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				for u := lo; u < min(lo+chunk, n); u++ {
					v := g.unit(u)
					for k, a := range v.sig {
						v.part[k] = uint16(keyPart(a, len(v.size) == 1, parts))
					}
				}
			}
		})
	}
	wg.Wait()
}

// signAll computes the signatures of every unit, in parallel: chunks of
// units are signed into the workers' scratch, then copied in unit order.
func signAll(s *Sentences, df *termCounts, opt SentenceOptions) *signatures {
	n := len(s.Units)
	const chunk = 4096
	type part struct {
		sig  []uint64
		size []uint8
	}
	parts := make([]part, (n+chunk-1)/chunk)
	g := &signatures{sigEnd: make([]int32, n), sizeEnd: make([]int32, n)}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(opt.Workers, len(parts))) {
		wg.Go(func() {
			var sc signScratch
			for {
				c := int(next.Add(1)) - 1
				if c >= len(parts) {
					return
				}
				sc.sig, sc.size = sc.sig[:0], sc.size[:0]
				for u := c * chunk; u < min((c+1)*chunk, n); u++ {
					sc.sign(s, u, df, opt)
					// Ends local to the chunk for now.
					g.sigEnd[u], g.sizeEnd[u] = int32(len(sc.sig)), int32(len(sc.size))
				}
				parts[c] = part{sig: slices.Clone(sc.sig), size: slices.Clone(sc.size)}
			}
		})
	}
	wg.Wait()
	var ns, nz int
	for _, p := range parts {
		ns += len(p.sig)
		nz += len(p.size)
	}
	g.sig, g.size = make([]uint64, 0, ns), make([]uint8, 0, nz)
	for c, p := range parts {
		bs, bz := int32(len(g.sig)), int32(len(g.size))
		for u := c * chunk; u < min((c+1)*chunk, n); u++ {
			g.sigEnd[u] += bs
			g.sizeEnd[u] += bz
		}
		g.sig = append(g.sig, p.sig...)
		g.size = append(g.size, p.size...)
		parts[c] = part{}
	}
	return g
}

// signScratch is a worker's working memory for signing units.
type signScratch struct {
	sig  []uint64 // the chunk's signatures so far
	size []uint8  // and sentence sizes
	rank []uint64 // df<<32 | term of a sentence's terms
	sent []sentRank
	tmp  []uint64
}

// sentRank is a keyed sentence of the unit being signed: its rarest
// term's rank key and its signatures in scratch.
type sentRank struct {
	rare   uint64
	lo, hi int
}

// sign appends the signatures of unit u to sc.sig and their sentence sizes
// to sc.size.
func (sc *signScratch) sign(s *Sentences, u int, df *termCounts, opt SentenceOptions) {
	lo, hi := s.unit(u)
	sc.sent = sc.sent[:0]
	sc.tmp = sc.tmp[:0]
	for k := lo; k < hi; k++ {
		sc.rank = sc.rank[:0]
		for _, t := range s.sentence(k) {
			sc.rank = append(sc.rank, uint64(df.get(t))<<32|uint64(t))
		}
		slices.Sort(sc.rank)
		r := slices.Compact(sc.rank)
		if len(r) < minSentenceTerms {
			continue
		}
		r = r[:min(len(r), opt.Rare)]
		a := len(sc.tmp)
		for i := range r {
			for j := i + 1; j < len(r); j++ {
				x, y := uint32(r[i]), uint32(r[j])
				sc.tmp = append(sc.tmp, mix64(uint64(min(x, y))<<32|uint64(max(x, y))))
			}
		}
		sc.sent = append(sc.sent, sentRank{rare: r[0], lo: a, hi: len(sc.tmp)})
	}
	if len(sc.sent) > opt.MaxSentences {
		// Keep the sentences whose rarest term is rarest, in their order.
		keep := slices.Clone(sc.sent)
		slices.SortStableFunc(keep, func(x, y sentRank) int {
			switch {
			case x.rare < y.rare:
				return -1
			case x.rare > y.rare:
				return 1
			}
			return 0
		})
		keep = keep[:opt.MaxSentences]
		slices.SortFunc(keep, func(x, y sentRank) int { return x.lo - y.lo })
		sc.sent = keep
	}
	for _, r := range sc.sent {
		sc.sig = append(sc.sig, sc.tmp[r.lo:r.hi]...)
		sc.size = append(sc.size, uint8(r.hi-r.lo))
	}
}
