package index

import (
	"sync"
)

// documentFrequencies counts, for every term, the units it occurs in, in
// parallel: each worker counts a share of the units, then the counts are
// added up.
func documentFrequencies(s *Sentences, workers int) *termCounts {
	n := len(s.Units)
	workers = max(1, min(workers, n/4096))
	parts := make([]*termCounts, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			c := newTermCounts(1 << 12)
			c.last = make([]int32, len(c.keys))
			for u := w * n / workers; u < (w+1)*n/workers; u++ {
				lo, hi := s.unit(u)
				for k := lo; k < hi; k++ {
					for _, t := range s.sentence(k) {
						c.addOnce(t, int32(u))
					}
				}
			}
			c.last = nil
			parts[w] = c
		})
	}
	wg.Wait()
	all := parts[0]
	for _, c := range parts[1:] {
		for i, v := range c.vals {
			if v > 0 {
				all.add(c.keys[i], v)
			}
		}
	}
	return all
}

// termCounts is an open-addressing hash table (linear probing, load at
// most 1/2) from term ids to positive counts; a count of 0 marks an empty
// slot. While document frequencies are counted, last holds the last unit
// counted for each slot's term (addOnce).
type termCounts struct {
	keys  []uint32
	vals  []uint32
	last  []int32
	n     int
	shift uint
}

func newTermCounts(size int) *termCounts {
	c := &termCounts{}
	c.alloc(size)
	return c
}

func (c *termCounts) alloc(size int) {
	bits := uint(1)
	for 1<<bits < size {
		bits++
	}
	c.keys = make([]uint32, 1<<bits)
	c.vals = make([]uint32, 1<<bits)
	c.shift = 64 - bits
}

// slot returns the slot of term t: its own or the empty one where it goes.
func (c *termCounts) slot(t uint32) int {
	mask := len(c.keys) - 1
	i := int((uint64(t) * 0x9e3779b97f4a7c15) >> c.shift)
	for c.vals[i] != 0 && c.keys[i] != t {
		i = (i + 1) & mask
	}
	return i
}

// add adds v to the count of t.
func (c *termCounts) add(t, v uint32) {
	c.vals[c.insert(t)] += v
}

// addOnce adds 1 to the count of t unless unit u was counted for t last.
func (c *termCounts) addOnce(t uint32, u int32) {
	i := c.insert(t)
	if c.vals[i] == 0 || c.last[i] != u {
		c.vals[i]++
		c.last[i] = u
	}
}

// insert returns the slot of t, claiming one (count 0) when t is new.
func (c *termCounts) insert(t uint32) int {
	i := c.slot(t)
	if c.vals[i] != 0 {
		return i
	}
	if 2*(c.n+1) > len(c.keys) {
		keys, vals, last := c.keys, c.vals, c.last
		c.alloc(2 * len(keys))
		if last != nil {
			c.last = make([]int32, len(c.keys))
		}
		for j, x := range vals {
			if x != 0 {
				k := c.slot(keys[j])
				c.keys[k], c.vals[k] = keys[j], x
				if last != nil {
					c.last[k] = last[j]
				}
			}
		}
		i = c.slot(t)
	}
	c.keys[i] = t
	c.n++
	return i
}

// get returns the count of t (0 if absent).
func (c *termCounts) get(t uint32) uint32 { return c.vals[c.slot(t)] }
