package index

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// DefaultMaxBucket is the bucket size above which LSH stops pairing every
// member with every other (LSH.MaxBucket zero).
const DefaultMaxBucket = 256

// emptyBand is the MinHash value of an empty set in every row; a band that
// is all emptyBand puts its unit in no bucket.
const emptyBand = math.MaxUint64

// ErrSignatures is returned when the signature slice does not hold n
// signatures of Bands·Rows values.
var ErrSignatures = errors.New("index: signatures do not match n·Bands·Rows")

// LSH finds candidate pairs among MinHash signatures by banding (Indyk &
// Motwani 1998; Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets",
// ch. 3.4): a signature of Bands·Rows values is cut into Bands bands of
// Rows consecutive values, each band is hashed to a bucket, and units that
// share a bucket in at least one band are candidates. Two units whose sets
// have Jaccard similarity s agree on one MinHash value with probability s,
// so they become candidates with probability
//
//	P(s) = 1 - (1 - s^Rows)^Bands,
//
// an S-curve whose steepest point is near s = (1/Bands)^(1/Rows). With 20
// bands of 5 rows, P(0.8) = 0.9996, P(0.5) = 0.47, P(0.3) = 0.05.
//
// Buckets larger than MaxBucket, made by very common shingles or by many
// copies of the same text, would give quadratically many pairs. Their
// members, sorted by id, are instead paired only with the next
// MaxBucket-1 members (a sliding window, the sorted-neighbourhood method of
// Hernández & Stolfo 1995): every member stays linked to the others through
// a chain of candidates, and the bucket costs O(size·MaxBucket). The
// oversized buckets and the pairs left out are counted in LSHStats.
//
// A band whose values are all math.MaxUint64 (the MinHash of an empty set)
// puts its unit in no bucket. Band hashes are 64-bit with fixed seeds, so
// the output is deterministic and does not depend on Workers.
type LSH struct {
	Bands, Rows int // required, both > 0; signatures have Bands·Rows values
	MaxBucket   int // largest bucket paired in full (default DefaultMaxBucket)
	Workers     int // goroutines, one band at a time each (default GOMAXPROCS)
}

// LSHStats counts the work of LSH.Pairs.
type LSHStats struct {
	Buckets   int64 // buckets with two or more members, over all bands
	Oversized int64 // buckets with more than MaxBucket members
	Dropped   int64 // pairs of oversized buckets left out by the window
	Emitted   int64 // pairs emitted over all bands, before removing repeats
}

type bandEntry struct {
	key uint64
	id  int32
}

// Pairs returns the distinct pairs of units that share a bucket in at
// least one band, sorted by (A, B), with Cosine unset. sigs holds the n
// signatures one after another, unit i's at sigs[i·L:(i+1)·L] with
// L = Bands·Rows.
func (l LSH) Pairs(sigs []uint64, n int) ([]Pair, LSHStats, error) {
	if l.Bands <= 0 || l.Rows <= 0 {
		return nil, LSHStats{}, fmt.Errorf("index: LSH needs Bands and Rows > 0, got %d and %d", l.Bands, l.Rows)
	}
	if l.MaxBucket < 0 || l.Workers < 0 {
		return nil, LSHStats{}, fmt.Errorf("index: LSH MaxBucket %d or Workers %d negative", l.MaxBucket, l.Workers)
	}
	if n < 0 || n > math.MaxInt32 || len(sigs)/(l.Bands*l.Rows) != n || len(sigs)%(l.Bands*l.Rows) != 0 {
		return nil, LSHStats{}, fmt.Errorf("%w: %d values for n=%d, %d bands of %d rows", ErrSignatures, len(sigs), n, l.Bands, l.Rows)
	}
	maxBucket := l.MaxBucket
	if maxBucket == 0 {
		maxBucket = DefaultMaxBucket
	}
	workers := l.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, l.Bands))

	type worker struct {
		ent, tmp []bandEntry
		out      []uint64
		st       LSHStats
	}
	ws := make([]*worker, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for i := range ws {
		w := &worker{ent: make([]bandEntry, 0, n), tmp: make([]bandEntry, n)}
		ws[i] = w
		wg.Go(func() {
			for {
				b := int(next.Add(1)) - 1
				if b >= l.Bands {
					return
				}
				w.ent = l.band(sigs, n, b, w.ent[:0])
				sorted := sortEntries(w.ent, w.tmp[:len(w.ent)])
				w.out = emitBuckets(sorted, maxBucket, w.out, &w.st)
			}
		})
	}
	wg.Wait()

	var st LSHStats
	total := 0
	for _, w := range ws {
		total += len(w.out)
		st.Buckets += w.st.Buckets
		st.Oversized += w.st.Oversized
		st.Dropped += w.st.Dropped
		st.Emitted += w.st.Emitted
	}
	keys := make([]uint64, 0, total)
	for _, w := range ws {
		keys = append(keys, w.out...)
	}
	keys = radixSortUint64(keys, make([]uint64, len(keys)))
	var pairs []Pair
	for i, k := range keys {
		if i > 0 && k == keys[i-1] {
			continue
		}
		pairs = append(pairs, Pair{A: int32(k >> 32), B: int32(uint32(k))})
	}
	return pairs, st, nil
}

// band appends the bucket key of band b of every unit to ent, in unit order.
func (l LSH) band(sigs []uint64, n, b int, ent []bandEntry) []bandEntry {
	stride := l.Bands * l.Rows
	seed := mix64(uint64(b) + 0x9e3779b97f4a7c15)
	for i := range n {
		row := sigs[i*stride+b*l.Rows : i*stride+(b+1)*l.Rows]
		h, empty := seed, true
		for _, v := range row {
			h = mix64(h ^ v)
			empty = empty && v == emptyBand
		}
		if !empty {
			ent = append(ent, bandEntry{key: h, id: int32(i)})
		}
	}
	return ent
}

// emitBuckets appends the pairs of each run of equal keys in sorted
// (sorted by key, then id) to out as A<<32|B.
func emitBuckets(sorted []bandEntry, maxBucket int, out []uint64, st *LSHStats) []uint64 {
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j].key == sorted[i].key {
			j++
		}
		run := sorted[i:j]
		i = j
		if len(run) < 2 {
			continue
		}
		st.Buckets++
		window := len(run)
		if window > maxBucket {
			st.Oversized++
			window = maxBucket
		}
		var emitted int64
		for a := range run {
			for b := a + 1; b < len(run) && b < a+window; b++ {
				out = append(out, uint64(run[a].id)<<32|uint64(run[b].id))
				emitted++
			}
		}
		k := int64(len(run))
		st.Dropped += k*(k-1)/2 - emitted
		st.Emitted += emitted
	}
	return out
}

// mix64 is the splitmix64 finaliser (Steele, Lea & Flood 2014): a
// bijection of uint64 whose output bits all depend on every input bit.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// sortEntries sorts a by key, keeping the order of equal keys, using tmp
// (same length) as scratch, and returns whichever of the two slices holds
// the result. Keys are uniform hashes, so a radix sort on their high 32
// bits leaves runs of equal high halves that are nearly always runs of
// equal keys; the rare run that mixes keys is then sorted by the whole key.
// That is half the passes of a radix sort on 64 bits.
func sortEntries(a, tmp []bandEntry) []bandEntry {
	a = radixSortEntries(a, tmp, 32)
	for i := 0; i < len(a); {
		j := i + 1
		mixed := false
		for j < len(a) && a[j].key>>32 == a[i].key>>32 {
			mixed = mixed || a[j].key != a[i].key
			j++
		}
		if mixed {
			slices.SortStableFunc(a[i:j], func(x, y bandEntry) int { return cmp.Compare(x.key, y.key) })
		}
		i = j
	}
	return a
}

// radixSortEntries sorts a by key>>from, keeping the order of equal keys
// (LSD radix sort, 8 bits a pass, passes where every key has the same
// digit skipped), using tmp (same length) as scratch. It returns whichever
// of the two slices holds the result.
func radixSortEntries(a, tmp []bandEntry, from int) []bandEntry {
	for shift := from; shift < 64 && len(a) > 1; shift += 8 {
		var count [256]int
		for _, e := range a {
			count[byte(e.key>>shift)]++
		}
		if count[byte(a[0].key>>shift)] == len(a) {
			continue
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, e := range a {
			d := byte(e.key >> shift)
			tmp[count[d]] = e
			count[d]++
		}
		a, tmp = tmp, a
	}
	return a
}

// radixSortUint64 is radixSortEntries for plain keys.
func radixSortUint64(a, tmp []uint64) []uint64 {
	for shift := 0; shift < 64 && len(a) > 1; shift += 8 {
		var count [256]int
		for _, k := range a {
			count[byte(k>>shift)]++
		}
		if count[byte(a[0]>>shift)] == len(a) {
			continue
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, k := range a {
			d := byte(k >> shift)
			tmp[count[d]] = k
			count[d]++
		}
		a, tmp = tmp, a
	}
	return a
}
