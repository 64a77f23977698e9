package score

// gramSet counts the character n-grams two units share: an open-addressing
// hash set of n-gram hashes, each slot stamped with the pair it belongs to
// so that it never needs clearing. Working memory of Features.
type gramSet struct {
	slots []uint64 // stamp<<32 | n-gram hash; a stamp below base is empty
	base  uint32   // stamp of the current pair's first side; base+1: its second
	shift uint
}

// jaccard is the Jaccard of the units' sets of character n-grams: the
// union of the n-grams of their distinct content words.
func (g *gramSet) jaccard(a, b *Unit) float64 {
	n := 0
	for _, u := range [2]*Unit{a, b} {
		for _, id := range u.norms() {
			n += len(u.voc.at(id).grams)
		}
	}
	if n == 0 {
		return 0
	}
	g.reset(n)
	sa, sb := uint64(g.base)<<32, uint64(g.base+1)<<32
	na, nb, inter := 0, 0, 0
	for _, id := range a.norms() {
		for _, h := range a.voc.at(id).grams {
			i := g.slot(h)
			for ; ; i = (i + 1) & (len(g.slots) - 1) {
				x := g.slots[i]
				if x < sa {
					g.slots[i] = sa | uint64(h)
					na++
					break
				}
				if uint32(x) == h {
					break
				}
			}
		}
	}
	for _, id := range b.norms() {
		for _, h := range b.voc.at(id).grams {
			i := g.slot(h)
			for ; ; i = (i + 1) & (len(g.slots) - 1) {
				x := g.slots[i]
				if x < sa {
					g.slots[i] = sb | uint64(h)
					nb++
					break
				}
				if uint32(x) == h {
					if x < sb {
						g.slots[i] = sb | uint64(h)
						nb++
						inter++
					}
					break
				}
			}
		}
	}
	return jaccard(inter, na, nb)
}

func (g *gramSet) slot(h uint32) int { return int((h * 0x9e3779b1) >> g.shift) }

// reset readies the set for a pair of n n-grams in all.
func (g *gramSet) reset(n int) {
	g.base += 2
	if 2*n > len(g.slots) || g.base < 2 {
		size := 64
		for size < 2*n {
			size *= 2
		}
		g.slots = make([]uint64, size)
		g.base = 2
	}
	g.shift = 32
	for s := len(g.slots); s > 1; s >>= 1 {
		g.shift--
	}
}
