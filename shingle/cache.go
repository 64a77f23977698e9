package shingle

import (
	"math/bits"
	"sync/atomic"
)

// entry is the analysis of one word: its normal form, its term (stem) and
// whether it is a stop word. Entries are immutable once published.
type entry struct {
	hash uint64
	norm string
	term string
	stop bool
}

// cacheWays is the associativity of the word cache: a word may live in any of
// the cacheWays slots of the set its hash selects.
const cacheWays = 8

// maxCachedWord is the longest word, in bytes, the cache keeps. Longer
// "words" (base64 blobs, run-together URLs) are analysed every time rather
// than evicting real words.
const maxCachedWord = 64

// wordCache remembers the analysis of recent words, because snowball stemming
// costs about a microsecond and allocates, while looking a word up here costs
// a hash and a few loads.
//
// It is a fixed-size, set-associative table of atomic pointers to immutable
// entries: lookups only load (no locks, no shared writes, so readers on many
// cores do not contend); an insert takes the first empty slot of the word's
// set by compare-and-swap, or replaces a member of a full set chosen round
// robin. The table never grows past its slots. Because an entry is a pure
// function of its word, which words happen to be cached never changes a
// result, only its cost.
type wordCache struct {
	slots  []atomic.Pointer[entry]
	mask   uint64 // selects a set: len(slots)/cacheWays - 1
	victim atomic.Uint32
}

// newWordCache returns a cache of at least size slots (rounded up to a power
// of two, at least one set).
func newWordCache(size int) *wordCache {
	n := max(size, cacheWays)
	n = 1 << bits.Len(uint(n-1))
	return &wordCache{slots: make([]atomic.Pointer[entry], n), mask: uint64(n/cacheWays - 1)}
}

// get returns the cached entry of word w with hash h, or nil.
func (c *wordCache) get(w []byte, h uint64) *entry {
	set := c.slots[(h&c.mask)*cacheWays:][:cacheWays]
	for i := range set {
		e := set[i].Load()
		if e == nil {
			return nil // sets fill from the front and never empty
		}
		if e.hash == h && e.norm == string(w) {
			return e
		}
	}
	return nil
}

// put inserts e.
func (c *wordCache) put(e *entry) {
	set := c.slots[(e.hash&c.mask)*cacheWays:][:cacheWays]
	for i := range set {
		if set[i].CompareAndSwap(nil, e) {
			return
		}
	}
	set[c.victim.Add(1)%cacheWays].Store(e)
}
