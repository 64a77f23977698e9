package score

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/neardup/neardup/shingle"
)

// word is what the scorer derives from one distinct token (its normal
// form, and whether it is a number): everything Analyze used to compute
// per token, computed once per distinct word and shared by every unit of a
// Scorer. It never changes once published.
type word struct {
	norm string
	hash uint64 // vocabHash of norm
	// term is the termID of the token's term (scoreTerm); for a number,
	// of the canonical number: "12,000" and "12000" alike, "two" and "2".
	term   uint32
	pre    uint32 // termID of the term's first prefixLen bytes; 0 for short stems
	lex    lexEntry
	ants   []uint32 // antonym pair ends (lexicon.ants), shared with the lexicon
	grams  []uint32 // sorted unique character n-gram hashes of norm (content words only)
	stop   bool
	number bool  // the token is a number (the table's key, with norm)
	num    bool  // a number or a number word (scoreTerm): counted as a number
	neg    bool  // a negation word (isNegation)
	swaps  uint8 // swapDir, swapOrd: a word of movement, an ordinal (direction.go)
}

// vocab interns the words of the units a Scorer analyses, giving each a
// dense id: a Unit keeps the ids of its distinct content words instead of
// their n-grams, prefixes and lexicon entries, which Score reads back from
// here. Which id a word gets depends on the order words are first seen
// (and so on scheduling), but ids only name words: no result depends on
// their order.
//
// Lookups are lock-free: an open-addressing table (linear probing, load
// at most 1/2) of atomic slots holding a 32-bit hash fingerprint, the id
// and the record, which lives in chunks that never move (chunk k holds
// 2^(k+vocabMinShift) records). Inserts take a mutex and publish the record
// before the slot that names it; a table that grows is rebuilt and swapped
// in whole, so a reader holding the old one at worst misses and retries
// under the mutex.
//
// Memory grows with the distinct words seen (Heaps' law: about the square
// root of the text for prose), about 80 bytes and the n-grams per word.
type vocab struct {
	mu     sync.Mutex
	table  atomic.Pointer[[]vslot]
	chunks [64]atomic.Pointer[[]word]
	n      int      // words, under mu
	arena  []uint32 // room for n-grams, under mu
}

// vslot is one slot of the vocabulary's hash table: the record, stored
// before the key that names it (fingerprint<<32 | id+1; 0: empty).
type vslot struct {
	key atomic.Uint64
	w   atomic.Pointer[word]
}

const (
	vocabMinShift = 8
	vocabSeed     = 0x766f636162 // "vocab"
)

func newVocab() *vocab {
	v := &vocab{}
	t := make([]vslot, 1<<10)
	v.table.Store(&t)
	return v
}

// vocabHash is the table hash of a token: numbers and words of the same
// spelling are different entries.
func vocabHash(norm string, number bool) uint64 {
	seed := uint64(vocabSeed)
	if number {
		seed = ^seed
	}
	return shingle.Hash64(norm, seed)
}

// at returns the record of id. The id must have come from lookup.
func (v *vocab) at(id uint32) *word {
	j := uint64(id) + 1<<vocabMinShift
	k := bits.Len64(j) - 1 - vocabMinShift
	return &(*v.chunks[k].Load())[j-1<<(k+vocabMinShift)]
}

// lookup returns the id and record of the token, adding it when new.
func (v *vocab) lookup(t *shingle.Token, lx *lexicon) (uint32, *word) {
	norm, number := t.Norm, t.Number
	h := vocabHash(norm, number)
	if id, w := v.find(*v.table.Load(), norm, number, h); w != nil {
		return id, w
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	tab := *v.table.Load()
	if id, w := v.find(tab, norm, number, h); w != nil {
		return id, w
	}
	id := uint32(v.n)
	j := uint64(id) + 1<<vocabMinShift
	k := bits.Len64(j) - 1 - vocabMinShift
	if v.chunks[k].Load() == nil {
		c := make([]word, 1<<(k+vocabMinShift))
		v.chunks[k].Store(&c)
	}
	w := &(*v.chunks[k].Load())[j-1<<(k+vocabMinShift)]
	w.fill(t, h, lx)
	if len(w.grams) > 0 {
		if cap(v.arena)-len(v.arena) < len(w.grams) {
			v.arena = make([]uint32, 0, max(4096, len(w.grams)))
		}
		off := len(v.arena)
		v.arena = append(v.arena, w.grams...)
		w.grams = v.arena[off:len(v.arena):len(v.arena)]
	}
	v.n++
	if 2*v.n > len(tab) {
		tab = v.grow(tab)
	}
	insertSlot(tab, h, id, w)
	return id, w
}

// find probes table t for the token.
func (v *vocab) find(t []vslot, norm string, number bool, h uint64) (uint32, *word) {
	mask := uint64(len(t) - 1)
	fp := uint32(h>>32) | 1
	for i := h & mask; ; i = (i + 1) & mask {
		x := t[i].key.Load()
		if x == 0 {
			return 0, nil
		}
		if uint32(x>>32) == fp {
			if w := t[i].w.Load(); w.number == number && w.norm == norm {
				return uint32(x) - 1, w
			}
		}
	}
}

func insertSlot(t []vslot, h uint64, id uint32, w *word) {
	mask := uint64(len(t) - 1)
	i := h & mask
	for t[i].key.Load() != 0 {
		i = (i + 1) & mask
	}
	t[i].w.Store(w)
	t[i].key.Store(uint64(uint32(h>>32)|1)<<32 | uint64(id+1))
}

// grow replaces the table with one twice as large and returns it. It runs
// under the mutex.
func (v *vocab) grow(old []vslot) []vslot {
	t := make([]vslot, 2*len(old))
	for i := range old {
		if x := old[i].key.Load(); x != 0 {
			w := old[i].w.Load()
			insertSlot(t, w.hash, uint32(x)-1, w)
		}
	}
	v.table.Store(&t)
	return t
}

// fill computes a new record from the token's analysis. A number's normal
// form is copied: it may be a substring of the unit's text, which the
// record would otherwise keep alive.
func (w *word) fill(t *shingle.Token, h uint64, lx *lexicon) {
	w.norm, w.hash, w.number = t.Norm, h, t.Number
	if t.Number {
		w.norm = strings.Clone(t.Norm)
	}
	term, num := scoreTerm(t)
	w.term, w.num = termID(term), num
	w.stop = t.Stop
	w.neg = !num && isNegation(t.Norm)
	if lx.dirs.of(w.term) != 0 {
		w.swaps |= swapDir
	}
	if lx.ords.of(w.term) != 0 {
		w.swaps |= swapOrd
	}
	if t.Stop {
		return
	}
	if e, ok := lx.lookup(w.term); ok {
		w.lex = e
	}
	w.ants = lx.ants[w.term]
	if len(term) >= prefixLen+1 && !num {
		// Numbers match only as wholes: 25000 is not 25000000.
		w.pre = termID(term[:prefixLen])
	}
	w.grams = slices.Compact(sortUnique(appendGrams(nil, t.Norm)))
}
