package cluster

import "math"

// smallLinks is the number of neighbouring groups an adjacency keeps in a
// slice searched linearly before it moves them to a hash map. Nearly all
// groups are that small, and a short slice costs one or two cache lines
// where a map costs several dependent loads; beyond it a lookup stays O(1)
// either way. (BenchmarkBuild at 1M nodes: with a map for every group the
// merge loop took about twice as long.)
const smallLinks = 32

// link is the summed edge weight from a group to the neighbouring group
// whose root is to. Eight bytes, so a typical adjacency of a dozen links
// fits in two cache lines.
type link struct {
	to int32
	w  uint32
}

// adjacency is a group's links to its neighbouring groups: in small while
// there are at most smallLinks of them and every sum fits in 32 bits (256
// edges of weight 1), in big after.
type adjacency struct {
	small []link
	big   map[int32]uint64
}

// get returns the weight to root h (0 when not adjacent).
func (a *adjacency) get(h int32) uint64 {
	if a.big != nil {
		return a.big[h]
	}
	for _, l := range a.small {
		if l.to == h {
			return uint64(l.w)
		}
	}
	return 0
}

// add adds w to the weight to root h.
func (a *adjacency) add(h int32, w uint64) {
	if a.big != nil {
		a.big[h] += w
		return
	}
	for i := range a.small {
		if a.small[i].to == h {
			if sum := uint64(a.small[i].w) + w; sum <= math.MaxUint32 {
				a.small[i].w = uint32(sum)
				return
			}
			a.grow()
			a.big[h] += w
			return
		}
	}
	if len(a.small) < smallLinks && w <= math.MaxUint32 {
		a.small = append(a.small, link{h, uint32(w)})
		return
	}
	a.grow()
	a.big[h] += w
}

// grow moves the links from small to big.
func (a *adjacency) grow() {
	a.big = make(map[int32]uint64, 2*smallLinks)
	for _, l := range a.small {
		a.big[l.to] = uint64(l.w)
	}
	a.small = nil
}

// take removes root h and returns its weight (0 when not adjacent).
func (a *adjacency) take(h int32) uint64 {
	if a.big != nil {
		w := a.big[h]
		delete(a.big, h)
		return w
	}
	for i, l := range a.small {
		if l.to == h {
			last := len(a.small) - 1
			a.small[i] = a.small[last]
			a.small = a.small[:last]
			return uint64(l.w)
		}
	}
	return 0
}
