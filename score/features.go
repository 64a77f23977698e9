package score

import (
	"math"
	"slices"

	"github.com/neardup/neardup/similarity"
)

// Features are the measures the learned combination weighs. Every value is
// in [0,1] unless stated.
type Features struct {
	// Cosine is the TF-IDF cosine over content terms with sublinear TF,
	// (1 + ln tf)·idf (Salton & Buckley 1988). Here and in every feature
	// below, idf is the pair IDF of Corpus: the blended IDF with the pair
	// itself left out of the counts.
	Cosine float64 `json:"cosine"`
	// Align is the harmonic mean over the two sides of the IDF-weighted share
	// of content terms aligned with a term of the other side: an exact match
	// counts 1, a WordNet synonym synonymCredit, a shared stem prefix
	// prefixCredit (greedy one-to-one alignment, exact matches first; a
	// lexical cousin of the word-alignment features of Sultan et al. 2014).
	Align float64 `json:"align"`
	// AlignMin is the lower of the two sides' aligned shares: high only
	// when neither side adds content.
	AlignMin float64 `json:"align_min"`
	// Char is the Jaccard of the sets of character 4-grams of the words
	// (padded with boundary marks): robust to inflection and typos.
	Char float64 `json:"char"`
	// Jaccard is the Jaccard of the word-bigram sets (stop words included).
	Jaccard float64 `json:"jaccard"`
	// Containment is |A∩B| / min(|A|,|B|) over the word-bigram sets.
	Containment float64 `json:"containment"`
	// Numbers is the share of distinct numbers found on one side only:
	// |A△B| / |A∪B|, 0 when neither side has a number.
	Numbers float64 `json:"numbers"`
	// Names is ln(1+n) for n capitalised words inside a sentence (names)
	// whose term is missing from the other side.
	Names float64 `json:"names"`
	// Negation is 1 when one side is negated and the other not (the parity
	// of negation words differs).
	Negation float64 `json:"negation"`
	// LenRatio is the shorter side's token count over the longer's.
	LenRatio float64 `json:"len_ratio"`
	// Identical is 1 when the normalised token sequences are equal and not
	// empty.
	Identical float64 `json:"identical"`
	// LCS is 2·lcs/(|A|+|B|) for the longest common subsequence of the
	// token sequences (ROUGE-L's F-measure, Lin 2004): word order.
	LCS float64 `json:"lcs"`
	// Trigram is the Dice coefficient of the word-trigram multisets.
	Trigram float64 `json:"trigram"`
	// Unaligned is ln(1 + m) for the larger of the two sides' IDF mass of
	// content terms left unaligned: how much one side says that the other
	// does not.
	Unaligned float64 `json:"unaligned"`
	// UnalignedMin is the same for the smaller side.
	UnalignedMin float64 `json:"unaligned_min"`
	// LenDiff is ln(1 + |#A - #B|) over token counts.
	LenDiff float64 `json:"len_diff"`
	// Soft and SoftMin are Align and AlignMin with one more pass: terms
	// still unaligned are matched to the unaligned term of the other side
	// with the most similar word vector, credited its cosine when that is at
	// least embedMin.
	Soft    float64 `json:"soft"`
	SoftMin float64 `json:"soft_min"`
	// Gap is ln(1 + n) for the longest run of n content tokens left
	// unaligned (credit below one half) within a sentence of either side,
	// stop words between them not breaking the run: a clause one side
	// adds. Sentences less than half aligned are left out when the others
	// hold most of the side's content (see gap).
	Gap float64 `json:"gap"`
	// Unshared is the larger of the two sides' unweighted share of
	// content-term credit left unaligned, Σ(1-credit)/n.
	Unshared float64 `json:"unshared"`
	// Antonym is 1 when a content term of one side and one of the other,
	// neither found on both sides, are WordNet antonyms (man/woman,
	// rise/fall, win/lose): same wording, opposite content.
	Antonym float64 `json:"antonym"`
	// Direction is 1 when a word of a movement up ("rose", "gained", "up")
	// on one side stands where the other has a word of a movement down
	// ("fell", "lost", "down"), each lacking the other's (direction.go):
	// the same statement with the movement reversed. It is no input of the
	// model (the training pairs hold too few such reversals to weigh it);
	// the verdict reads it.
	Direction float64 `json:"direction"`
	// Ordinal is 1 when an ordinal on one side ("third", "3rd") stands
	// where the other has another ("fourth"), as Direction reads words
	// of movement: a different fact, as a number changed is. Like
	// Direction it is no input of the model; it keeps the pair from
	// being a duplicate.
	Ordinal float64 `json:"ordinal"`
	// Said is, when both sides hold two sentences or more, the smaller of
	// their shares of sentences said in the other: at least half of a
	// sentence's content tokens aligned as the same term, a compound, a
	// WordNet synonym or a shared stem prefix (word vectors, loose on their
	// own, do not count); 0 when a side is one sentence. A paragraph
	// reworded sentence by sentence says all of its sentences, both ways;
	// two paragraphs that share one sentence of four say a quarter. It is
	// no input of the model; scan reads it (partialOverlap).
	Said float64 `json:"said"`
}

// Alignment credits for matches that are not the same term.
const (
	synonymCredit = 0.8
	prefixCredit  = 0.6
)

// pairScratch is per-call working memory for Features.
type pairScratch struct {
	a, b    side
	ia, ib  []float64 // pair idf per term
	ma, mb  []float64 // alignment credit per term
	pa      []int32   // aligned partner in b of each term of a; -1: none
	how     []uint8   // how each term of a was aligned: a match* constant
	occ, vm []uint64  // lcs: b's (token, position) pairs; bit vectors
	ta, tb  []uint64  // trigrams
	grams   gramSet
	vb      []vecTerm // alignVectors' terms of b
	gb      []uint64  // alignSynonyms' (group, term) pairs of b
	cmp     []compoundMatch
	buf     []byte
}

// side is one unit of a pair unpacked for scoring: per term its count and
// what the vocabulary knows of it, and the token sequence and word bigrams.
type side struct {
	norm     []string // first spelling (normal form) of each term
	tf       []uint16
	bg       []uint32   // background document frequency (0: unseen)
	pre      []uint32   // stem-prefix id; 0 for short stems
	ss, se   []uint32   // synonym groups are lexicon.groups[ss:se]
	emb      []uint32   // 1 + word-vector row; 0: none
	ants     [][]uint32 // antonym pair ends (lexicon.ants)
	anyAnt   bool       // some term has antonyms
	syn      bool       // some term has synonym groups
	seq      []uint32   // term id of every token
	idx      []uint32   // index of every token's term in terms++stops
	starts   []uint32   // tokens that open a sentence
	shingles []uint64   // sorted unique word bigrams
}

// load unpacks u.
func (sd *side) load(u *Unit) {
	sd.tf = u.appendCounts(sd.tf[:0])
	sd.bg, sd.pre, sd.ss, sd.se, sd.emb, sd.ants = sd.bg[:0], sd.pre[:0], sd.ss[:0], sd.se[:0], sd.emb[:0], sd.ants[:0]
	sd.syn, sd.anyAnt = false, false
	sd.norm = sd.norm[:0]
	for _, id := range u.norms()[:u.nt] {
		w := u.voc.at(id)
		sd.norm = append(sd.norm, w.norm)
		sd.bg = append(sd.bg, w.lex.df)
		sd.pre = append(sd.pre, w.pre)
		sd.ss = append(sd.ss, w.lex.synStart)
		sd.se = append(sd.se, w.lex.synEnd)
		sd.emb = append(sd.emb, w.lex.emb)
		sd.syn = sd.syn || w.lex.synEnd > w.lex.synStart
		sd.ants = append(sd.ants, w.ants)
		sd.anyAnt = sd.anyAnt || len(w.ants) > 0
	}
	sd.idx = u.appendIndexes(sd.idx[:0])
	v := u.vocabulary()
	sd.seq = sd.seq[:0]
	for _, x := range sd.idx {
		sd.seq = append(sd.seq, v[x])
	}
	sd.starts = u.starts()
	sd.shingles = appendBigrams(sd.shingles[:0], sd.seq)
}

// Features computes the pair's features. It is safe for concurrent use and
// does not allocate in the steady state.
//
// The features do not depend on the order of the pair: the greedy
// alignments run with the units in a canonical order (see ordered).
func (s *Scorer) Features(c *Corpus, a, b *Unit) Features {
	sc, _ := s.fpool.Get().(*pairScratch)
	if sc == nil {
		sc = &pairScratch{}
	}
	if !ordered(a, b) {
		a, b = b, a
	}
	f := s.features(c, a, b, sc)
	s.fpool.Put(sc)
	return f
}

// ordered reports whether a comes first in the canonical order of a pair:
// by fingerprint, then token count, then text.
func ordered(a, b *Unit) bool {
	switch {
	case a.seqHash != b.seqHash:
		return a.seqHash < b.seqHash
	case a.tokens != b.tokens:
		return a.tokens < b.tokens
	}
	return a.text <= b.text
}

// features computes the features with the given scratch, leaving the
// alignment in it.
func (s *Scorer) features(c *Corpus, a, b *Unit, sc *pairScratch) Features {
	var f Features
	sa, sb := &sc.a, &sc.b
	sa.load(a)
	sb.load(b)
	at, bt := a.terms(), b.terms()
	sc.ma = zeros(sc.ma, len(at))
	sc.mb = zeros(sc.mb, len(bt))
	sc.pa = sc.pa[:0]
	sc.how = sc.how[:0]
	for range at {
		sc.pa = append(sc.pa, -1)
		sc.how = append(sc.how, matchNone)
	}

	// Exact matches, then the pair IDF (a matched term is held by both
	// units: k = 2, see pairIDF) and the cosine.
	for i, j := 0, 0; i < len(at) && j < len(bt); {
		switch {
		case at[i] < bt[j]:
			i++
		case at[i] > bt[j]:
			j++
		default:
			sc.ma[i], sc.mb[j] = 1, 1
			sc.pa[i], sc.how[i] = int32(j), matchSame
			i++
			j++
		}
	}
	sc.ia = c.pairIDFs(at, sa.bg, sc.ma, sc.ia[:0])
	sc.ib = c.pairIDFs(bt, sb.bg, sc.mb, sc.ib[:0])
	var dot, na, nb float64
	for i, w := range sc.ia {
		w *= sublinear(sa.tf[i])
		na += w * w
		if j := sc.pa[i]; j >= 0 {
			dot += w * sc.ib[j] * sublinear(sb.tf[j])
		}
	}
	for j, w := range sc.ib {
		w *= sublinear(sb.tf[j])
		nb += w * w
	}
	if na > 0 && nb > 0 {
		f.Cosine = clamp01(dot / math.Sqrt(na*nb))
	}
	f.Antonym = antonym(sc)
	f.Direction = swapped(s.lex.dirs, swapDir, a, b, sa.seq, sb.seq, s.lex.moving)
	f.Ordinal = swapped(s.lex.ords, swapOrd, a, b, sa.seq, sb.seq, ordinal)
	alignCompounds(sc)
	s.alignSynonyms(sc)
	alignPrefixes(sc)
	ra, rb := share(sc.ia, sc.ma), share(sc.ib, sc.mb)
	f.Said = min(said(sa, sc.ma), said(sb, sc.mb))
	s.alignVectors(sc)
	ea, eb := share(sc.ia, sc.ma), share(sc.ib, sc.mb)
	if ea+eb > 0 {
		f.Soft = 2 * ea * eb / (ea + eb)
	}
	f.SoftMin = min(ea, eb)
	ua, ub := unaligned(sc.ia, sc.ma), unaligned(sc.ib, sc.mb)
	f.Unaligned, f.UnalignedMin = math.Log1p(max(ua, ub)), math.Log1p(min(ua, ub))
	f.LenDiff = math.Log1p(math.Abs(float64(int(a.tokens) - int(b.tokens))))
	f.Gap = math.Log1p(float64(max(gap(sa, sc.ma), gap(sb, sc.mb))))
	f.Unshared = max(unshared(sc.ma), unshared(sc.mb))
	if n := len(sa.seq) + len(sb.seq); n > 0 {
		f.LCS = 2 * float64(lcs(sa.seq, sb.seq, sc)) / float64(n)
	}
	f.Trigram = trigramDice(sa.seq, sb.seq, sc)
	if ra+rb > 0 {
		f.Align = 2 * ra * rb / (ra + rb)
	}
	f.AlignMin = min(ra, rb)

	f.Char = sc.grams.jaccard(a, b)
	inter := similarity.Intersect(sa.shingles, sb.shingles)
	f.Jaccard = jaccard(inter, len(sa.shingles), len(sb.shingles))
	if m := min(len(sa.shingles), len(sb.shingles)); m > 0 {
		f.Containment = float64(inter) / float64(m)
	}
	an, bn := a.numbers(), b.numbers()
	if inter, union := similarity.Intersect(an, bn), len(an)+len(bn); union > 0 {
		f.Numbers = float64(union-2*inter) / float64(union-inter)
	}
	f.Names = math.Log1p(float64(missing(a.names(), bt) + missing(b.names(), at)))
	if a.negs%2 != b.negs%2 {
		f.Negation = 1
	}
	if lo, hi := min(a.tokens, b.tokens), max(a.tokens, b.tokens); hi > 0 {
		f.LenRatio = float64(lo) / float64(hi)
	}
	if a.seqHash == b.seqHash && a.tokens == b.tokens && a.tokens > 0 {
		f.Identical = 1
	}
	return f
}

// pairIDFs appends the pair IDF of each term of one unit of the pair to
// dst, bg holding the terms' background document frequencies and matched
// 1 for the terms the other unit holds too (exact matches), 0 for the
// others.
func (c *Corpus) pairIDFs(terms, bg []uint32, matched, dst []float64) []float64 {
	for i, t := range terms {
		dst = append(dst, c.pairIDF(t, bg[i], 1+int(matched[i])))
	}
	return dst
}

// dot8 is the dot product of two int8 vectors of equal length.
func dot8(a, b []int8) int32 {
	b = b[:len(a)]
	// Four running sums: independent additions the processor overlaps.
	var s0, s1, s2, s3 int32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		x, y := (*[4]int8)(a[i:i+4]), (*[4]int8)(b[i:i+4])
		s0 += int32(x[0]) * int32(y[0])
		s1 += int32(x[1]) * int32(y[1])
		s2 += int32(x[2]) * int32(y[2])
		s3 += int32(x[3]) * int32(y[3])
	}
	for ; i < len(a); i++ {
		s0 += int32(a[i]) * int32(b[i])
	}
	return s0 + s1 + s2 + s3
}

// share is Σ idf·credit / Σ idf.
func share(idf, credit []float64) float64 {
	var num, den float64
	for i, w := range idf {
		num += w * credit[i]
		den += w
	}
	if den == 0 {
		return 0
	}
	return num / den
}

func sublinear(tf uint16) float64 {
	if tf <= 1 {
		return 1
	}
	return 1 + math.Log(float64(tf))
}

func zeros(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }

func jaccard(inter, na, nb int) float64 {
	if u := na + nb - inter; u > 0 {
		return float64(inter) / float64(u)
	}
	return 0
}

// missing counts the ids of want not in have (both sorted).
func missing(want, have []uint32) int {
	return len(want) - similarity.Intersect(want, have)
}

// gap is the longest run of a side's content tokens credited less than one
// half, within one sentence; stop words neither count nor break a run. The
// sentences less than half aligned are left out when the others, at least
// half aligned, hold most of the side's content tokens: a clause added to
// a sentence changes what it says, a sentence added to a paragraph leaves
// the rest as it was, but two paragraphs sharing one sentence of several
// are not the same paragraph.
func gap(sd *side, credit []float64) int {
	nt := uint32(len(credit))
	best, all := 0, 0 // over the sentences at least half aligned; over all
	var inAligned, total float64
	sentences(sd, func(toks []uint32) {
		run, longest := 0, 0
		var got, content float64 // the sentence's credit and content tokens
		for _, x := range toks {
			if x >= nt {
				continue
			}
			content++
			got += credit[x]
			if credit[x] >= 0.5 {
				run = 0
				continue
			}
			run++
			longest = max(longest, run)
		}
		if content > 0 && got >= content/2 {
			best = max(best, longest)
			inAligned += content
		}
		total += content
		all = max(all, longest)
	})
	if total == 0 || inAligned < total/2 {
		return all
	}
	return best
}

// said is the share of a side's sentences with content tokens of which
// at least half are credited at least one half (see Features.Said); 0
// when fewer than two sentences have content tokens.
func said(sd *side, credit []float64) float64 {
	nt := uint32(len(credit))
	n, yes := 0, 0
	sentences(sd, func(toks []uint32) {
		content, got := 0, 0
		for _, x := range toks {
			if x < nt {
				content++
				if credit[x] >= 0.5 {
					got++
				}
			}
		}
		if content > 0 {
			n++
			if 2*got >= content {
				yes++
			}
		}
	})
	if n < 2 {
		return 0
	}
	return float64(yes) / float64(n)
}

// sentences calls fn with the term indexes (sd.idx) of each sentence of a
// side, in order.
func sentences(sd *side, fn func(toks []uint32)) {
	lo := 0
	for _, s := range sd.starts {
		fn(sd.idx[lo:s])
		lo = int(s)
	}
	fn(sd.idx[lo:])
}

// unshared is Σ(1-credit)/n.
func unshared(credit []float64) float64 {
	if len(credit) == 0 {
		return 0
	}
	var m float64
	for _, c := range credit {
		m += 1 - c
	}
	return m / float64(len(credit))
}

// antonym is 1 when a term of a and a term of b, neither matched exactly
// (sc.ma and sc.mb hold the exact matches only), are antonyms.
func antonym(sc *pairScratch) float64 {
	a, b := &sc.a, &sc.b
	if !a.anyAnt || !b.anyAnt {
		return 0
	}
	for i, x := range a.ants {
		if len(x) == 0 || sc.ma[i] != 0 {
			continue
		}
		for j, y := range b.ants {
			if len(y) == 0 || sc.mb[j] != 0 {
				continue
			}
			for _, p := range x {
				if slices.Contains(y, p^1) {
					return 1
				}
			}
		}
	}
	return 0
}
