package shingle

import (
	"math/bits"
	"sync/atomic"
)

// entry is the analysis of one word: its normal form, its term (stem) and
// whether it is a stop word. Entries are immutable once published.
type entry struct {
	hash uint64
	used atomic.Bool // CLOCK reference bit: hit since the last eviction sweep
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
// It is a fixed-size, set-associative table of slots, each the hash of a
// word and an atomic pointer to its immutable entry (but for a reference
// bit). A lookup scans the hashes of the word's set (two cache lines) and
// dereferences only the entry whose hash matches, then checks the word
// itself. Lookups take no lock and write nothing but a word's reference bit,
// and that only on its first hit after a sweep, so readers on many cores do
// not contend. An insert claims the first empty slot of the set by
// compare-and-swap; in a full set it evicts by CLOCK (second chance):
// starting at a rotating position, referenced entries lose their bit and are
// passed over, and the first unreferenced one is replaced. New entries start
// unreferenced, so words seen once leave first and frequent words stay. The
// table never grows past its slots. A slot's hash is written after its
// pointer and only ever filters: the entry is always checked, so a reader
// racing a writer sees a miss at worst. Because an entry is a pure function
// of its word, which words happen to be cached never changes a result, only
// its cost.
type wordCache struct {
	slots  []slot
	mask   uint64 // selects a set: len(slots)/cacheWays - 1
	victim atomic.Uint32
}

// slot is one place in the cache. hash 0 marks an empty slot (a word whose
// hash is 0 is never cached).
type slot struct {
	hash  atomic.Uint64
	entry atomic.Pointer[entry]
}

// newWordCache returns a cache of at least size slots (rounded up to a power
// of two, at least one set).
func newWordCache(size int) *wordCache {
	n := max(size, cacheWays)
	n = 1 << bits.Len(uint(n-1))
	return &wordCache{slots: make([]slot, n), mask: uint64(n/cacheWays - 1)}
}

// get returns the cached entry of word w with hash h, or nil.
func (c *wordCache) get(w []byte, h uint64) *entry {
	set := c.slots[(h&c.mask)*cacheWays:][:cacheWays]
	for i := range set {
		switch set[i].hash.Load() {
		case 0:
			return nil // sets fill from the front and never empty
		case h:
			if e := set[i].entry.Load(); e != nil && e.hash == h && e.norm == string(w) {
				if !e.used.Load() {
					e.used.Store(true)
				}
				return e
			}
		}
	}
	return nil
}

// put inserts e, unless its hash is 0.
func (c *wordCache) put(e *entry) {
	if e.hash == 0 {
		return
	}
	set := c.slots[(e.hash&c.mask)*cacheWays:][:cacheWays]
	for i := range set {
		if set[i].entry.CompareAndSwap(nil, e) {
			set[i].hash.Store(e.hash)
			return
		}
	}
	start := c.victim.Add(1)
	victim := &set[start%cacheWays]
	for i := range uint32(2 * cacheWays) {
		s := &set[(start+i)%cacheWays]
		if old := s.entry.Load(); old.used.Load() {
			old.used.Store(false)
			continue
		}
		victim = s
		break
	}
	victim.entry.Store(e)
	victim.hash.Store(e.hash)
}
