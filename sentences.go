package neardup

import (
	"slices"
	"strings"

	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/shingle"
)

// sentenceProfile holds the content terms of every compared unit by
// sentence, from one tokenisation of each unit: what the shared-sentence
// candidate keys (index.SentencePairs) and the partial-overlap rule
// (partialOverlap) read. Terms are 32-bit folds of shingle.Hash64 over the
// stemmed term, stop words left out, numbers kept, sorted within each
// sentence (repeats kept). Sentences are cut by sentenceBreak in paragraph
// mode; a sentence unit is one sentence. Units too short to be compared
// have no sentences.
type sentenceProfile struct {
	terms []uint32
	ends  []int32 // end of each sentence in terms
	first []int32 // unit u has the sentences first[u] to first[u+1]-1
}

// profileChunk is the number of units a worker profiles at a time.
const profileChunk = 2048

// chunkProfile is the profile of a run of units, in local offsets.
type chunkProfile struct {
	terms []uint32
	ends  []int32
	count []int32 // sentences of each unit of the chunk
}

// profiler is a worker's scratch for profiling units.
type profiler struct {
	toks  []shingle.Token
	hash  []uint32 // termHash of every token's term
	grams []uint64 // word bigrams in order
	sig   []uint64 // MinHash values of the two halves
	chunk chunkProfile
}

// profileUnit tokenises compared unit i once, appends its sentences to
// p.chunk and sets its near-copy band keys (nearKeys). It reports whether
// the unit has more than one sentence (paragraph mode).
func (s *scanner) profileUnit(p *profiler, i int) (multi bool) {
	text := s.units[i].Text
	p.toks = s.analyzer.Tokens(text, p.toks[:0])
	c := &p.chunk
	n := 0
	add := func(from int) {
		slices.Sort(c.terms[from:])
		c.ends = append(c.ends, int32(len(c.terms)))
		n++
	}
	from := len(c.terms)
	p.hash = p.hash[:0]
	for k := range p.toks {
		t := &p.toks[k]
		if k > 0 && s.opt.Unit == corpus.Paragraph && sentenceBreak(text, &p.toks[k-1], t) {
			add(from)
			from = len(c.terms)
		}
		h := termHash(t.Term)
		p.hash = append(p.hash, h)
		if !t.Stop {
			c.terms = append(c.terms, h)
		}
	}
	add(from)
	multi = n > 1
	c.count = append(c.count, int32(n))
	s.nearKeys(p, s.near[i*nearBands:(i+1)*nearBands])
	return multi
}

// sentenceBreak reports whether the text of a unit between two of its
// tokens, prev and next, ends a sentence: it holds a full stop, question or
// exclamation mark, and is not the one dot of an abbreviation ("Mr.
// Bonflon", "Jan. 5", "Dr. Spurzheim"; corpus.Abbreviation, the sentence
// splitter's rule, which a lower-case "mr." passes as "Mr." does). Unlike
// the splitter, a single lower-case letter is no initial here ("use code
// x. Then"): the profile decides whether two paragraphs say the same
// sentences, and a sentence merged with the next one in one of them only
// would hide a reordered rewording. The
// tokens keep the dots of dotted abbreviations ("U.S.", "e.g.") and numbers
// ("2.5"), so these are not breaks; unlike corpus.SplitText, the next word
// need not be capitalised, so that text whose case was lost or changed
// ("the end. and then") is cut the same way as the original.
func sentenceBreak(text string, prev, next *shingle.Token) bool {
	gap := text[prev.End:next.Start]
	stop := false
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '.', '!', '?':
			stop = true
		}
	}
	if !stop || !strings.HasPrefix(gap, ". ") || strings.ContainsAny(gap[1:], ".!?") {
		return stop
	}
	word, after := text[prev.Start:prev.End], text[next.Start:next.End]
	if len(word) == 1 && word[0] >= 'a' && word[0] <= 'z' {
		return true // "use code x. Then": an initial is a capital
	}
	if corpus.Abbreviation(word, after) {
		return false
	}
	if len(word) <= 8 && word[0] >= 'a' && word[0] <= 'z' {
		var buf [8]byte
		n := copy(buf[:], word)
		buf[0] -= 'a' - 'A'
		return !corpus.Abbreviation(string(buf[:n]), after)
	}
	return true
}

// termHash is the 32-bit id of a stemmed term in sentence profiles.
func termHash(term string) uint32 {
	h := shingle.Hash64(term, 0)
	return uint32(h) ^ uint32(h>>32)
}

// stitch joins the chunks' profiles, in unit order, into one.
func stitchProfiles(chunks []chunkProfile, n int) sentenceProfile {
	var nt, ns int
	for i := range chunks {
		nt += len(chunks[i].terms)
		ns += len(chunks[i].ends)
	}
	p := sentenceProfile{terms: make([]uint32, 0, nt), ends: make([]int32, 0, ns), first: make([]int32, 0, n+1)}
	p.first = append(p.first, 0)
	for i := range chunks {
		c := &chunks[i]
		base := int32(len(p.terms))
		p.terms = append(p.terms, c.terms...)
		for _, e := range c.ends {
			p.ends = append(p.ends, base+e)
		}
		for _, k := range c.count {
			p.first = append(p.first, p.first[len(p.first)-1]+k)
		}
	}
	return p
}

// sentences returns the sentence range [lo, hi) of unit u.
func (p *sentenceProfile) sentences(u int) (lo, hi int) {
	return int(p.first[u]), int(p.first[u+1])
}

// sentence returns the terms of sentence k.
func (p *sentenceProfile) sentence(k int) []uint32 {
	lo := 0
	if k > 0 {
		lo = int(p.ends[k-1])
	}
	return p.terms[lo:p.ends[k]]
}

// unitTerms returns all the terms of unit u, sentence after sentence.
func (p *sentenceProfile) unitTerms(u int) []uint32 {
	lo, hi := p.sentences(u)
	if lo == hi {
		return nil
	}
	start := 0
	if lo > 0 {
		start = int(p.ends[lo-1])
	}
	return p.terms[start:p.ends[hi-1]]
}

// indexInput returns the sentences of the units in ids, as
// index.SentencePairs reads them: every unit has its range, the units not
// in ids an empty one. The slices are shared with the profile.
func (p *sentenceProfile) indexInput(n int, ids []int32) index.Sentences {
	in := index.Sentences{Terms: p.terms, Ends: p.ends, Units: make([][2]int32, n)}
	for _, u := range ids {
		in.Units[u] = [2]int32{p.first[u], p.first[u+1]}
	}
	return in
}
