package score

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/shingle"
)

// Unit is one text analysed once for scoring: compact sorted id sets, no
// per-token strings. A Unit is immutable and safe for concurrent use.
//
// Term ids are 32-bit folds of shingle.Hash64 over the stemmed term with the
// seed termSeed: two different terms share an id with probability about
// 2^-32 per pair, which changes a score by one term's weight at most.
//
// Everything lives in one backing array, in sections: the sorted unique
// content-term ids; the sorted unique stop-word term ids; the vocabulary
// ids (see vocab) of the content words, first one per term in term order,
// then any other spelling of a term (whose n-grams count too); the
// number ids; the name ids; the indexes of the tokens that open a sentence
// (after the first); and the token sequence as indexes into
// terms++stops, packed in 1, 2 or 4 bytes an entry. What is per word and not
// per unit (n-grams, stem prefix, lexicon entry) stays in the Scorer's
// vocabulary; counts, word bigrams and the decoded sequence are derived
// at Score time. On prose that is about 1.5 bytes per byte of text.
type Unit struct {
	text string
	voc  *vocab // the vocabulary the norm ids index
	data []uint32

	nt      uint32 // terms are data[:nt]; stop-word term ids data[nt:stopEnd]
	stopEnd uint32 // vocabulary ids of the content words data[stopEnd:normEnd]
	normEnd uint32 // sorted unique number ids data[normEnd:numEnd]
	numEnd  uint32 // sorted unique term ids of capitalised words inside a sentence data[numEnd:nameEnd]
	nameEnd uint32 // token indexes that open a sentence, ascending, data[nameEnd:sentEnd]
	sentEnd uint32 // the packed token sequence data[sentEnd:]

	tokens  uint32 // all word tokens, stop words included
	words   uint32 // distinct content terms that are not numbers in digits (ContentWords)
	negs    uint32 // negation words
	seqHash uint64 // hash of the whole token sequence (normalised): equal for identical wording
	tmpHash uint64 // seqHash with every number in digits one and the same token
	frmHash uint64 // the content terms with each run of numbers and names one slot (Frame)
	frmLen  uint32 // content tokens outside the slots
	lead    uint32 // the first word the frame reads as a name and names() does not (FactsDiffer), or 0
	swaps   uint8  // the swaps of its words, or-ed: what swapped need look for
}

const (
	termSeed  = 0x6e656172647570 // "neardup"
	prefixLen = 5                // bytes of a stem compared by the prefix match
	gramLen   = 4                // character n-gram length
)

// size returns the bytes the unit holds, its text not counted.
func (u *Unit) size() int { return int(unsafe.Sizeof(*u)) + 4*cap(u.data) }

// terms returns the sorted unique content-term ids.
func (u *Unit) terms() []uint32 { return u.data[:u.nt:u.nt] }

// norms returns the vocabulary ids of the content words: norms()[i] for
// i < nt spells terms()[i], the rest are other spellings.
func (u *Unit) norms() []uint32 { return u.data[u.stopEnd:u.normEnd:u.normEnd] }

// vocabulary returns terms++stops: what the packed sequence indexes.
func (u *Unit) vocabulary() []uint32 { return u.data[:u.stopEnd:u.stopEnd] }

func (u *Unit) numbers() []uint32 { return u.data[u.normEnd:u.numEnd:u.numEnd] }

func (u *Unit) names() []uint32 { return u.data[u.numEnd:u.nameEnd:u.nameEnd] }

// starts returns the indexes of the tokens that open a sentence, the
// first token not counted.
func (u *Unit) starts() []uint32 { return u.data[u.nameEnd:u.sentEnd:u.sentEnd] }

// seqWidth is the bytes of a packed sequence entry for a vocabulary of n.
func seqWidth(n int) int {
	switch {
	case n <= 1<<8:
		return 1
	case n <= 1<<16:
		return 2
	}
	return 4
}

// appendSeq appends the term id of every token, in order, to dst.
func (u *Unit) appendSeq(dst []uint32) []uint32 {
	n0 := len(dst)
	dst = u.appendIndexes(dst)
	v := u.vocabulary()
	for i, x := range dst[n0:] {
		dst[n0+i] = v[x]
	}
	return dst
}

// appendIndexes appends the index in terms++stops of every token, in
// order, to dst: an index below nt is a content term's.
func (u *Unit) appendIndexes(dst []uint32) []uint32 {
	p := u.data[u.sentEnd:]
	n := int(u.tokens)
	switch seqWidth(int(u.stopEnd)) {
	case 1:
		for i := range n {
			dst = append(dst, uint32(uint8(p[i>>2]>>(8*(i&3)))))
		}
	case 2:
		for i := range n {
			dst = append(dst, uint32(uint16(p[i>>1]>>(16*(i&1)))))
		}
	default:
		dst = append(dst, p[:n]...)
	}
	return dst
}

// appendCounts appends, for every content term, its occurrences (at most
// 0xffff) to dst.
func (u *Unit) appendCounts(dst []uint16) []uint16 {
	n0 := len(dst)
	for range u.nt {
		dst = append(dst, 0)
	}
	countInto(u, dst[n0:])
	return dst
}

// countInto adds to tf[i] the occurrences of term i, saturating at 0xffff
// (tf holds u.nt zeros).
func countInto[T uint16 | float32](u *Unit, tf []T) {
	nt := u.nt
	p := u.data[u.sentEnd:]
	tf = tf[:nt]
	switch seqWidth(int(u.stopEnd)) {
	case 1:
		for i := range int(u.tokens) {
			if x := uint32(uint8(p[i>>2] >> (8 * (i & 3)))); x < nt && tf[x] < 0xffff {
				tf[x]++
			}
		}
	case 2:
		for i := range int(u.tokens) {
			if x := uint32(uint16(p[i>>1] >> (16 * (i & 1)))); x < nt && tf[x] < 0xffff {
				tf[x]++
			}
		}
	default:
		for _, x := range p[:u.tokens] {
			if x < nt && tf[x] < 0xffff {
				tf[x]++
			}
		}
	}
}

// Text returns the text the unit was analysed from.
func (u *Unit) Text() string { return u.text }

// Terms returns the unit's content terms as sorted unique ids: what a
// corpus counts for document frequency and what candidate vectors are made
// of. The slice is shared: do not modify it.
func (u *Unit) Terms() []uint32 { return u.terms() }

// Shingles returns the unit's word bigrams (over all tokens, stop words
// included) as sorted unique 64-bit ids: two term ids packed, or a lone
// token's id. The unit derives them from its token sequence: the slice is
// new at every call (AppendShingles reuses storage).
func (u *Unit) Shingles() []uint64 {
	if u.tokens == 0 {
		return nil
	}
	return u.AppendShingles(make([]uint64, 0, max(u.tokens-1, 1)), nil)
}

// AppendShingles appends the word bigrams of Shingles to dst and returns
// the extended slice; seq is scratch for the token sequence (may be nil).
func (u *Unit) AppendShingles(dst []uint64, seq []uint32) []uint64 {
	seq = u.appendSeq(seq[:0])
	return appendBigrams(dst, seq)
}

// appendBigrams appends the sorted unique word bigrams of the term
// sequence to dst.
func appendBigrams(dst []uint64, seq []uint32) []uint64 {
	n0 := len(dst)
	for i := 0; i+1 < len(seq); i++ {
		dst = append(dst, uint64(seq[i])<<32|uint64(seq[i+1]))
	}
	if len(seq) == 1 {
		dst = append(dst, uint64(seq[0]))
	}
	slices.Sort(dst[n0:])
	return dst[:n0+len(slices.Compact(dst[n0:]))]
}

// Words returns the number of content words (tokens that are not stop
// words) in the unit.
func (u *Unit) Words() int {
	n := 0
	for _, c := range u.appendCounts(make([]uint16, 0, 64)) {
		n += int(c)
	}
	return n
}

// scratch is per-call working memory for Analyze, pooled in the Scorer.
type scratch struct {
	toks   []shingle.Token
	norm   []uint32 // vocabulary id per token
	keys   []uint64 // stop<<63 | term<<31 | token index, sorted
	seq    []uint32 // index into terms++stops per token
	vocab  []uint32 // terms, then stops
	norms  []uint32 // vocabulary id of each term's first word
	extra  []uint32 // vocabulary ids of other spellings
	nums   []uint32
	names  []uint32
	numTs  []uint32 // term ids of digit tokens (number words are words)
	wordTs []uint32 // term ids of number words ("three": a word, term 3)
	starts []uint32 // tokens that open a sentence
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
	sc.toks = s.tokens(text, sc.toks[:0])
	if m := enumeration(text); m > 0 && len(sc.toks) > 1 && sc.toks[0].End <= m {
		// "3. " numbers a list item; it says nothing of its content.
		sc.toks = sc.toks[:copy(sc.toks, sc.toks[1:])]
	}
	sc.norm, sc.keys, sc.nums, sc.names, sc.numTs, sc.wordTs, sc.starts = sc.norm[:0], sc.keys[:0], sc.nums[:0], sc.names[:0], sc.numTs[:0], sc.wordTs[:0], sc.starts[:0]

	u := &Unit{text: text, voc: s.voc, tokens: uint32(len(sc.toks))}
	seq, tmp := uint64(termSeed), uint64(termSeed)
	frm := framer{hash: termSeed}
	prevEnd := 0
	for i := range sc.toks {
		t := &sc.toks[i]
		id, w := s.voc.lookup(t, s.lex)
		sc.norm = append(sc.norm, id)
		u.swaps |= w.swaps
		seq = (seq ^ uint64(w.term)) * 0x100000001b3
		if w.num && w.number {
			tmp = (tmp ^ 1<<32) * 0x100000001b3 // not a term id: those are 32-bit
		} else {
			tmp = (tmp ^ uint64(w.term)) * 0x100000001b3
		}
		if i > 0 && opensSentence(text, &sc.toks[i-1], t) {
			sc.starts = append(sc.starts, uint32(i))
		}
		switch {
		case w.num:
			sc.nums = append(sc.nums, w.term)
			if w.number {
				// Digits are not words (MinWords); "three weeks" has two.
				sc.numTs = append(sc.numTs, w.term)
			} else {
				sc.wordTs = append(sc.wordTs, w.term)
			}
		case w.neg:
			u.negs++
		}
		if w.stop {
			sc.keys = append(sc.keys, 1<<63|uint64(w.term)<<31|uint64(i))
			prevEnd = t.End
			continue
		}
		sc.keys = append(sc.keys, uint64(w.term)<<31|uint64(i))
		capital := !w.num && isCapitalised(text[t.Start:t.End])
		name := capital && i > 0 && !sentenceStart(text, prevEnd, t.Start)
		if name {
			sc.names = append(sc.names, w.term)
		}
		// The frame also reads as a name a capitalised word after an
		// abbreviation's period ("Mr. Smith"), which names() leaves out
		// as a sentence opener (the model was fitted so).
		frameName := name || capital && i > 0 && !opensSentence(text, &sc.toks[i-1], t) && !strings.ContainsAny(text[prevEnd:t.Start], ":;•–—")
		frm.add(i, w.term, w.num, frameName, frameName && !name, capital && !frameName)
		prevEnd = t.End
	}
	frm.flush()
	u.seqHash, u.tmpHash, u.frmHash, u.frmLen, u.lead = seq, tmp, frm.hash, frm.words, frm.lead
	s.group(u, sc)
	u.words = u.nt
	for _, t := range u.terms() {
		if slices.Contains(sc.numTs, t) && !slices.Contains(sc.wordTs, t) {
			u.words--
		}
	}
	return u
}

// framer builds a unit's Frame from its content tokens in order.
type framer struct {
	hash   uint64
	words  uint32
	inSlot bool // the last content token was a number or a name
	// A capitalised word opening a sentence is held until the next token
	// tells whether it starts a name ("Harbor Mills said": a slot) or is
	// a word ("Shares of Harbor Mills rose").
	held    uint32
	heldAt  int
	holding bool
	lead    uint32 // the first word read as a name that names() leaves out
}

// add adds content token i: a number or a name (a slot; unnamed: a name
// the scorer's names leave out), a capitalised word opening a sentence
// (opener), or another word.
func (f *framer) add(i int, term uint32, number, name, unnamed, opener bool) {
	if name && unnamed && f.lead == 0 {
		f.lead = term // before a held opener it goes on: "Smith" of "Mr. Smith"
	}
	if f.holding {
		f.holding = false
		if !name || i != f.heldAt+1 {
			f.word(f.held)
		} else if f.lead == 0 {
			f.lead = f.held // it opens the name that token i goes on
		}
	}
	switch {
	case number || name:
		if !f.inSlot {
			f.hash = (f.hash ^ 1<<32) * 0x100000001b3 // not a term id: those are 32-bit
		}
		f.inSlot = true
	case opener:
		f.held, f.heldAt, f.holding = term, i, true
	default:
		f.word(term)
	}
}

func (f *framer) word(term uint32) {
	f.hash = (f.hash ^ uint64(term)) * 0x100000001b3
	f.words++
	f.inSlot = false
}

// flush adds a held word that nothing followed.
func (f *framer) flush() {
	if f.holding {
		f.holding = false
		f.word(f.held)
	}
}

// group sorts the tokens by (stop word, term), numbers the distinct terms
// and stop words, and lays the unit's sections out in one allocation.
func (s *Scorer) group(u *Unit, sc *scratch) {
	slices.Sort(sc.keys)
	sc.seq = slices.Grow(sc.seq[:0], len(sc.keys))[:len(sc.keys)]
	sc.vocab, sc.norms, sc.extra = sc.vocab[:0], sc.norms[:0], sc.extra[:0]
	nt := 0
	first := 0 // index in sc.extra of the current term's other spellings
	for i, k := range sc.keys {
		pos := int(k & (1<<31 - 1))
		if i == 0 || k>>31 != sc.keys[i-1]>>31 {
			sc.vocab = append(sc.vocab, uint32(k>>31))
			if k>>63 == 0 {
				nt++
				sc.norms = append(sc.norms, sc.norm[pos])
				first = len(sc.extra)
			}
		} else if k>>63 == 0 {
			if id := sc.norm[pos]; id != sc.norms[len(sc.norms)-1] && !slices.Contains(sc.extra[first:], id) {
				sc.extra = append(sc.extra, id)
			}
		}
		sc.seq[pos] = uint32(len(sc.vocab) - 1)
	}
	nums, names := sortUnique(sc.nums), sortUnique(sc.names)
	w := seqWidth(len(sc.vocab))
	packed := (len(sc.seq)*w + 3) / 4
	n := len(sc.vocab) + len(sc.norms) + len(sc.extra) + len(nums) + len(names) + len(sc.starts) + packed
	data := make([]uint32, 0, n)
	data = append(data, sc.vocab...)
	u.nt, u.stopEnd = uint32(nt), uint32(len(data))
	data = append(data, sc.norms...)
	data = append(data, sc.extra...)
	u.normEnd = uint32(len(data))
	data = append(data, nums...)
	u.numEnd = uint32(len(data))
	data = append(data, names...)
	u.nameEnd = uint32(len(data))
	data = append(data, sc.starts...)
	u.sentEnd = uint32(len(data))
	data = data[:n]
	p := data[u.sentEnd:]
	switch w {
	case 1:
		for i, x := range sc.seq {
			p[i>>2] |= x << (8 * (i & 3))
		}
	case 2:
		for i, x := range sc.seq {
			p[i>>1] |= x << (16 * (i & 1))
		}
	default:
		copy(p, sc.seq)
	}
	u.data = data
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

// opensSentence reports whether token t opens a sentence, prev being the
// token before it: a line break, '!' or '?' between them, or a '.' that
// does not close an abbreviation ("Mr.", "W.", "Inc." before "Goh"),
// followed by a capitalised word or a number.
func opensSentence(text string, prev, t *shingle.Token) bool {
	between := text[prev.End:t.Start]
	if strings.ContainsAny(between, "\n!?") {
		return true
	}
	if strings.IndexByte(between, '.') < 0 || !t.Number && !isCapitalised(text[t.Start:t.End]) {
		return false
	}
	return !corpus.Abbreviation(text[prev.Start:prev.End], text[t.Start:t.End])
}

// sortUnique sorts s and drops repeats, in place.
func sortUnique(s []uint32) []uint32 {
	slices.Sort(s)
	return slices.Compact(s)
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

// enumeration returns the end of the item number that opens text ("3. ",
// "12) " after white space: one to three digits, '.' or ')', white space,
// then more text), or 0.
func enumeration(text string) int {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	d := i
	for i < len(text) && i-d < 4 && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	if n := i - d; n == 0 || n > 3 || i+1 >= len(text) || text[i] != '.' && text[i] != ')' || text[i+1] != ' ' && text[i+1] != '\t' {
		return 0
	}
	if strings.TrimSpace(text[i+1:]) == "" {
		return 0
	}
	return i + 1
}
