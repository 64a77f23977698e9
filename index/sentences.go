package index

// Shared sentences
// ================
//
// SentencePairs proposes the pairs of multi-sentence units (paragraphs)
// that say at least two of their sentences alike, without meeting the
// pairs that share only one.
//
// Why. A paraphrase of a paragraph keeps most of its sentences, reworded
// and perhaps reordered, one perhaps dropped or added; a paragraph that
// merely quotes one sentence of another, or shares a stock phrase with it,
// is related but is not a rewording of it. On a large corpus the second
// kind outnumbers the first by far: in the generated benchmark corpus
// (paragraphs of 3-5 sentences drawn from a pool of 90k), every paragraph
// shares a sentence with about 4 others at 10^5 paragraphs and 40 at 10^6,
// 85 million pairs in all, each with a TF-IDF cosine up to 0.7. Any index
// whose key is one term, one set of terms or one sentence (inverted
// postings, All-Pairs, MinHash LSH over a paragraph's or a sentence's
// words) meets those pairs and has to verify them, and that work grows
// with the square of the corpus. A key made of two sentences is not met by
// them at all.
//
// Signatures of a sentence. The distinct terms of a sentence are ranked by
// document frequency over the units (rarest first, ties by id) and its Rare
// rarest (ρ, default 3) give the sentence its signatures: one for each pair
// of them, C(ρ,2) = 3 values. Sentences of fewer than three distinct terms
// get none. Two wordings of a sentence share a signature
// when two of the rarest words of each survive in the other (synonym swaps
// touch some words, not most). Two unrelated sentences rarely share two
// rare words.
//
// Keys of a unit. For every two different sentences i ≠ j of a unit and
// every signature a of i and b of j (a ≠ b), the unit gets the key
// k(a, b) = k(b, a), a 64-bit hash of the unordered pair: C(m,2)·9 keys for
// m sentences. Two units share a key only if two sentences of one match two
// different sentences of the other, in any order. Units with more than
// MaxSentences keyed sentences keep those whose rarest term is rarest, so
// a long unit costs O(MaxSentences²). A unit with a single keyed sentence
// (a sentence unit, a one-sentence paragraph) gets instead one key per
// signature, in a separate key space: single-sentence units meet each
// other when they share two of their rarest words, and never meet a
// multi-sentence unit through these keys. Units then share a key as LSH
// bands do (see LSH), buckets above MaxBucket being paired by a sliding
// window.
//
// What it costs. Keys are generated and bucketed in partitions of the key
// space, each by one worker (radix sort, then the runs of equal keys), so
// memory holds one partition's keys per worker, not all of them. The work
// is linear in the keys, about 58 a paragraph, plus the pairs emitted.
// Measured on the generated corpus (BenchmarkSentencePairs, 2 shared
// cores, its own tokeniser without stemming):
//
//	n      keys    emitted  pairs    time
//	10^4   0.58 M  58 k     1,712    0.06 s
//	10^5   5.8 M   0.70 M   28,347   0.33 s
//	10^6   58 M    17.7 M   1.38 M   2.4 s
//
// Planted pairs grow with the corpus; the rest of the pairs (most of them
// at 10^6) are paragraphs that share a pool item of two sentences, or two
// sentences' rare words, by chance, and grow with its square: the scan
// drops them with its partial-overlap rule at about a microsecond a pair.
//
// What it misses. A pair whose only matching sentences lost two of their
// three rarest words each (heavy rewording), and paraphrases with a single
// sentence in common (a paragraph cut down to one sentence). On the
// generated corpus the pairs hold 100% of the planted exact copies, 98% of
// the paraphrases and 97-98% of the near copies (which LSH over word
// shingles, run by the scan too, finds better), at every size above.

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Defaults of SentenceOptions.
const (
	DefaultRare         = 3
	DefaultMaxSentences = 8
)

// minSentenceTerms is the number of distinct terms a sentence needs to be
// keyed: two would give it a single signature, one pair of words, which
// short unrelated sentences share by chance (on the generated 10^6 corpus
// keying them adds 40% more pairs that the scan then drops).
const minSentenceTerms = 3

// partitionKeys is the number of keys a partition should hold at most: the
// entries of one partition take 16 bytes each, twice (radix sort scratch),
// 64 MB a worker.
const partitionKeys = 1 << 21

// Seeds of the two key spaces.
const (
	crossSeed  = 0x63726f7373 // "cross"
	singleSeed = 0x73696e676c // "singl"
)

// ErrSentences is returned when the flat slices of a Sentences value do not
// describe units of sentences.
var ErrSentences = errors.New("index: malformed sentences")

// Sentences is a corpus of units as the term ids of their sentences, in
// flat slices: sentence k holds Terms[Ends[k-1]:Ends[k]] (from 0 for
// k = 0), and unit u the sentences Units[u][0] to Units[u][1]-1. Terms may
// repeat and need not be sorted; units may share sentences or leave some
// out; a unit without sentences matches nothing.
type Sentences struct {
	Terms []uint32
	Ends  []int32    // end of each sentence in Terms, non-decreasing
	Units [][2]int32 // each unit's range of sentences
}

// unit returns the sentence range of unit u.
func (s *Sentences) unit(u int) (lo, hi int) {
	return int(s.Units[u][0]), int(s.Units[u][1])
}

// sentence returns the terms of sentence k.
func (s *Sentences) sentence(k int) []uint32 {
	lo := 0
	if k > 0 {
		lo = int(s.Ends[k-1])
	}
	return s.Terms[lo:s.Ends[k]]
}

func (s *Sentences) check() error {
	if len(s.Units) > math.MaxInt32 || len(s.Ends) > math.MaxInt32 || len(s.Terms) > math.MaxInt32 {
		return fmt.Errorf("%w: more than %d units, sentences or terms", ErrSentences, math.MaxInt32)
	}
	prev := int32(0)
	for k, e := range s.Ends {
		if e < prev || int(e) > len(s.Terms) {
			return fmt.Errorf("%w: sentence %d ends at %d (previous %d, %d terms)", ErrSentences, k, e, prev, len(s.Terms))
		}
		prev = e
	}
	for u, r := range s.Units {
		if r[0] < 0 || r[0] > r[1] || int(r[1]) > len(s.Ends) {
			return fmt.Errorf("%w: unit %d has sentences %d to %d of %d", ErrSentences, u, r[0], r[1], len(s.Ends))
		}
	}
	return nil
}

// SentenceOptions controls SentencePairs. The zero value is valid.
type SentenceOptions struct {
	// Rare is the number of rarest distinct terms of a sentence whose
	// pairs are its signatures (default DefaultRare; at least 2).
	Rare int
	// MaxSentences is the number of sentences of a unit that get keys
	// (default DefaultMaxSentences; at least 2): those whose rarest term
	// is rarest.
	MaxSentences int
	// MaxBucket is the largest bucket paired in full (default
	// DefaultMaxBucket); larger ones are paired by a sliding window as in
	// LSH.
	MaxBucket int
	// Partitions is the number of parts the key space is bucketed in, one
	// at a time by each worker (default: at least Workers, and enough
	// that a part holds about 2 million keys, 64 MB of working memory).
	// The result does not depend on it.
	Partitions int
	// Workers is the number of goroutines (default GOMAXPROCS). The result
	// does not depend on it.
	Workers int
}

// SentenceStats counts the work of SentencePairs.
type SentenceStats struct {
	Units      int   // units with at least one keyed sentence
	Sentences  int64 // keyed sentences
	Keys       int64 // keys over all units
	Partitions int   // partitions of the key space
	Buckets    int64 // buckets with two or more units
	Oversized  int64 // buckets with more than MaxBucket units
	Dropped    int64 // pairs of oversized buckets left out by the window
	Emitted    int64 // pairs emitted, before removing repeats
	Pairs      int64 // distinct pairs returned
}

// SentencePairs returns the distinct pairs of units that share a key (see
// the comment at the top of this file), sorted by (A, B), with Cosine
// unset.
func SentencePairs(s Sentences, opt SentenceOptions) ([]Pair, SentenceStats, error) {
	if err := s.check(); err != nil {
		return nil, SentenceStats{}, err
	}
	if opt.Rare == 0 {
		opt.Rare = DefaultRare
	}
	if opt.MaxSentences == 0 {
		opt.MaxSentences = DefaultMaxSentences
	}
	if opt.MaxBucket == 0 {
		opt.MaxBucket = DefaultMaxBucket
	}
	if opt.Workers == 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Rare < 2 || opt.Rare > 16 || opt.MaxSentences < 2 || opt.MaxSentences > 64 || opt.MaxBucket < 2 || opt.Workers < 0 || opt.Partitions < 0 || opt.Partitions > 1<<16 {
		return nil, SentenceStats{}, fmt.Errorf("index: SentenceOptions %+v out of range", opt)
	}
	n := len(s.Units)
	df := documentFrequencies(&s, opt.Workers)
	sigs := signAll(&s, df, opt)

	var st SentenceStats
	for u := range n {
		if g := sigs.unit(u); len(g.size) > 0 {
			st.Units++
			st.Sentences += int64(len(g.size))
			st.Keys += int64(g.keys())
		}
	}
	parts := opt.Partitions
	if parts == 0 {
		parts = max(opt.Workers, int((st.Keys+partitionKeys-1)/partitionKeys))
	}
	st.Partitions = parts
	sigs.assignParts(parts, opt.Workers)
	out := make([][]uint64, parts)
	stats := make([]LSHStats, parts)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(opt.Workers, parts) {
		wg.Go(func() {
			var ent, tmp []bandEntry
			var keys []uint64
			for {
				p := int(next.Add(1)) - 1
				if p >= parts {
					return
				}
				ent = ent[:0]
				for u := range n {
					g := sigs.unit(u)
					keys = g.appendKeys(keys[:0], p)
					for _, k := range keys {
						ent = append(ent, bandEntry{key: k, id: int32(u)})
					}
				}
				if cap(tmp) < len(ent) {
					tmp = make([]bandEntry, len(ent))
				}
				// The sort is stable and a unit's entries are consecutive,
				// so a key repeated by one unit (two of its sentence pairs
				// give it) is adjacent: drop the repeats.
				sorted := slices.Compact(sortEntries(ent, tmp[:len(ent)]))
				pairs := emitBuckets(sorted, opt.MaxBucket, nil, &stats[p])
				pairs = radixSortUint64(pairs, make([]uint64, len(pairs)))
				out[p] = slices.Clip(slices.Compact(pairs))
			}
		})
	}
	wg.Wait()
	total := 0
	for p := range parts {
		total += len(out[p])
		st.Buckets += stats[p].Buckets
		st.Oversized += stats[p].Oversized
		st.Dropped += stats[p].Dropped
		st.Emitted += stats[p].Emitted
	}
	all := make([]uint64, 0, total)
	for _, o := range out {
		all = append(all, o...)
	}
	all = radixSortUint64(all, make([]uint64, len(all)))
	all = slices.Compact(all)
	pairs := make([]Pair, len(all))
	for i, k := range all {
		pairs[i] = Pair{A: int32(k >> 32), B: int32(uint32(k))}
	}
	st.Pairs = int64(len(pairs))
	return pairs, st, nil
}
