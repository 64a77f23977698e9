package score

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/neardup/neardup/shingle"
)

// Unit is one text analysed once for scoring: compact sorted id sets, no
// per-token strings. A Unit is immutable and safe for concurrent use.
//
// Term ids are 32-bit folds of shingle.Hash64 over the stemmed term with the
// seed termSeed: two different terms share an id with probability about
// 2^-32 per pair, which changes a score by one term's weight at most.
type Unit struct {
	text string

	terms  []uint32 // sorted unique content-term ids (stop words and punctuation left out)
	tf     []uint16 // occurrences of terms[i]
	bg     []uint32 // background document frequency of terms[i] (0: unseen)
	pre    []uint32 // id of the first prefixLen bytes of terms[i]'s stem; 0 for short stems
	synOff []uint32 // synonym groups of terms[i] are syn[synOff[i]:synOff[i+1]]
	syn    []uint32
	emb    []uint32 // 1 + row of terms[i]'s word vector in the lexicon; 0: none

	seq      []uint32 // term id of every token, in order (stop words included)
	shingles []uint64 // sorted unique word bigrams over all tokens, two term ids packed
	grams    []uint32 // sorted unique character n-gram hashes of the tokens
	numbers  []uint32 // sorted unique ids of number tokens
	names    []uint32 // sorted unique term ids of capitalised words inside a sentence

	tokens  int    // all word tokens, stop words included
	negs    int    // negation words
	seqHash uint64 // hash of the whole token sequence (normalised): equal for identical wording
}

const (
	termSeed  = 0x6e656172647570 // "neardup"
	prefixLen = 5                // bytes of a stem compared by the prefix match
	gramLen   = 4                // character n-gram length
)

// size returns the bytes the unit holds, its text not counted.
func (u *Unit) size() int {
	return 128 + 4*(cap(u.terms)+cap(u.bg)+cap(u.pre)+cap(u.emb)+cap(u.synOff)+cap(u.syn)+
		cap(u.grams)+cap(u.numbers)+cap(u.names)+cap(u.seq)) + 2*cap(u.tf) + 8*cap(u.shingles)
}

// Text returns the text the unit was analysed from.
func (u *Unit) Text() string { return u.text }

// Terms returns the unit's content terms as sorted unique ids: what a
// corpus counts for document frequency and what candidate vectors are made
// of. The slice is shared: do not modify it.
func (u *Unit) Terms() []uint32 { return u.terms }

// Shingles returns the unit's word bigrams (over all tokens, stop words
// included) as sorted unique 64-bit ids. The slice is shared.
func (u *Unit) Shingles() []uint64 { return u.shingles }

// Words returns the number of content words (tokens that are not stop
// words) in the unit.
func (u *Unit) Words() int {
	n := 0
	for _, c := range u.tf {
		n += int(c)
	}
	return n
}

// scratch is per-call working memory for Analyze, pooled in the Scorer.
type scratch struct {
	toks  []shingle.Token
	ids   []uint32 // term id per token
	terms []termOcc
	grams []uint32
	shing []uint64
	nums  []uint32
	names []uint32
	keys  []uint64 // term id << 32 | index into terms, sorted
}

type termOcc struct {
	id  uint32
	bg  uint32
	pre uint32
	ss  uint32 // synonym range in the lexicon
	se  uint32
	emb uint32
}

// termID folds a 64-bit hash of s to 32 bits.
func termID(s string) uint32 {
	h := shingle.Hash64(s, termSeed)
	id := uint32(h) ^ uint32(h>>32)
	if id == 0 {
		id = 1
	}
	return id
}

// Analyze analyses text once for scoring. It is safe for concurrent use.
func (s *Scorer) Analyze(text string) *Unit {
	sc, _ := s.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer s.pool.Put(sc)
	sc.toks = s.an.Tokens(text, sc.toks[:0])
	sc.ids, sc.terms, sc.grams = sc.ids[:0], sc.terms[:0], sc.grams[:0]
	sc.shing, sc.nums, sc.names = sc.shing[:0], sc.nums[:0], sc.names[:0]

	u := &Unit{text: text, tokens: len(sc.toks)}
	seq := uint64(termSeed)
	prevEnd := 0
	for i := range sc.toks {
		t := &sc.toks[i]
		id := termID(t.Term)
		sc.ids = append(sc.ids, id)
		seq = (seq ^ uint64(id)) * 0x100000001b3
		switch {
		case t.Number:
			sc.nums = append(sc.nums, termID(t.Norm))
		case isNegation(t.Norm):
			u.negs++
		}
		if t.Stop {
			prevEnd = t.End
			continue
		}
		sc.grams = appendGrams(sc.grams, t.Norm)
		o := termOcc{id: id}
		if e, ok := s.lex.lookup(id); ok {
			o.bg, o.ss, o.se, o.emb = e.df, e.synStart, e.synEnd, e.emb
		}
		if len(t.Term) >= prefixLen+1 {
			o.pre = termID(t.Term[:prefixLen])
		}
		sc.terms = append(sc.terms, o)
		if !t.Number && i > 0 && isCapitalised(text[t.Start:t.End]) && !sentenceStart(text, prevEnd, t.Start) {
			sc.names = append(sc.names, id)
		}
		prevEnd = t.End
	}
	u.seqHash = seq
	for i := 0; i+1 < len(sc.ids); i++ {
		sc.shing = append(sc.shing, uint64(sc.ids[i])<<32|uint64(sc.ids[i+1]))
	}
	if len(sc.ids) == 1 {
		sc.shing = append(sc.shing, uint64(sc.ids[0]))
	}
	u.shingles = sortedUnique64(sc.shing)
	grams, nums, names := sortUnique(sc.grams), sortUnique(sc.nums), sortUnique(sc.names)
	rest := s.collectTerms(u, sc, len(grams)+len(nums)+len(names)+len(sc.ids))
	u.grams, rest = rest[:len(grams):len(grams)], rest[len(grams):]
	copy(u.grams, grams)
	u.numbers, rest = rest[:len(nums):len(nums)], rest[len(nums):]
	copy(u.numbers, nums)
	u.names, rest = rest[:len(names):len(names)], rest[len(names):]
	copy(u.names, names)
	u.seq = rest[:len(sc.ids):len(sc.ids)]
	copy(u.seq, sc.ids)
	return u
}

// collectTerms groups the content-term occurrences into the unit's sorted
// parallel slices. All of the unit's uint32 slices share one allocation:
// extra is the room left at its end for the n-grams, numbers, names and
// token sequence, which it returns for Analyze to fill.
func (s *Scorer) collectTerms(u *Unit, sc *scratch, extra int) []uint32 {
	sc.keys = sc.keys[:0]
	for i, o := range sc.terms {
		sc.keys = append(sc.keys, uint64(o.id)<<32|uint64(i))
	}
	slices.Sort(sc.keys)
	n := 0
	nsyn := 0
	for i, k := range sc.keys {
		if i == 0 || k>>32 != sc.keys[i-1]>>32 {
			n++
			o := &sc.terms[uint32(k)]
			nsyn += int(o.se - o.ss)
		}
	}
	arena := make([]uint32, 5*n+1+nsyn+extra)
	carve := func(k int) []uint32 {
		p := arena[:0:k]
		arena = arena[k:]
		return p
	}
	u.terms, u.bg, u.pre, u.emb, u.synOff, u.syn = carve(n), carve(n), carve(n), carve(n), carve(n+1), carve(nsyn)
	u.tf = make([]uint16, 0, n)
	for i, k := range sc.keys {
		o := &sc.terms[uint32(k)]
		if i > 0 && k>>32 == sc.keys[i-1]>>32 {
			if c := &u.tf[len(u.tf)-1]; *c < 0xffff {
				*c++
			}
			continue
		}
		u.terms = append(u.terms, o.id)
		u.tf = append(u.tf, 1)
		u.bg = append(u.bg, o.bg)
		u.pre = append(u.pre, o.pre)
		u.emb = append(u.emb, o.emb)
		u.synOff = append(u.synOff, uint32(len(u.syn)))
		u.syn = append(u.syn, s.lex.groups[o.ss:o.se]...)
	}
	u.synOff = append(u.synOff, uint32(len(u.syn)))
	if len(u.syn) == 0 {
		u.syn = nil
	}
	return arena
}

// negations are the words that turn a statement around; contractions
// ending in "n't" count too.
var negations = [...]string{"not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "nowhere", "cannot", "without"}

func isNegation(norm string) bool {
	for _, n := range negations {
		if norm == n {
			return true
		}
	}
	return strings.HasSuffix(norm, "n't")
}

func isCapitalised(raw string) bool {
	r, _ := utf8.DecodeRuneInString(raw)
	return unicode.IsUpper(r)
}

// sentenceStart reports whether the token starting at start begins a
// sentence: only spaces, quotes, brackets, dashes or bullets lie between it
// and the end of the previous token (or the text's start), and the last
// punctuation mark among them (if the previous token exists) ends a
// sentence.
func sentenceStart(text string, prevEnd, start int) bool {
	if prevEnd == 0 {
		for _, r := range text[:start] {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return false
			}
		}
		return true
	}
	for _, r := range text[prevEnd:start] {
		switch r {
		case '.', '!', '?', ':', ';', '\n', '•', '–', '—':
			return true
		}
	}
	return false
}

// sortUnique sorts s and drops repeats, in place.
func sortUnique(s []uint32) []uint32 {
	slices.Sort(s)
	return slices.Compact(s)
}

func sortedUnique64(s []uint64) []uint64 {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	return slices.Clone(slices.Compact(s))
}

// appendGrams appends the hashes (32-bit FNV-1a) of the character n-grams
// of the word padded with boundary marks ("^word$"); a word shorter than
// the n-gram gives one gram, itself padded.
func appendGrams(dst []uint32, w string) []uint32 {
	const (
		offset = 2166136261
		prime  = 16777619
	)
	if len(w)+2 <= gramLen {
		h := uint32(offset)
		for i := -1; i <= len(w); i++ {
			h = (h ^ uint32(padded(w, i))) * prime
		}
		return append(dst, h)
	}
	for i := -1; i+gramLen-1 <= len(w); i++ {
		h := uint32(offset)
		for j := i; j < i+gramLen; j++ {
			h = (h ^ uint32(padded(w, j))) * prime
		}
		dst = append(dst, h)
	}
	return dst
}

func padded(w string, i int) byte {
	switch {
	case i < 0:
		return '^'
	case i >= len(w):
		return '$'
	}
	return w[i]
}
