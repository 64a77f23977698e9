package archive

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sync"
)

// DefaultPendingLimit is the number of pending postings at which a commit
// merges them into the terms' segments (Options.PendingLimit zero): about
// 2,600 news paragraphs, under a megabyte on disk and 1.5 in memory.
// Archives of more than pendingShare times as many postings merge at a
// pendingShare'th of their postings instead: a merge writes a page for
// each distinct term pending, and as the archive grows so do its terms
// and the pages a merge touches, so the pending list grows with it (as the
// levels of a log-structured merge tree do). At 10^6 paragraphs of the
// benchmark archive (38 million postings) that is 600,000 pending
// postings, a merge every 16,000 paragraphs or so.
const DefaultPendingLimit = 1 << 17

// pendingShare is the share of an archive's postings, as a divisor, that
// may be pending (see DefaultPendingLimit).
const pendingShare = 64

// A commit that adds documents does not rewrite each of their terms'
// posting segments, which costs a page write per distinct term (some
// hundreds for a handful of paragraphs). It writes their postings as one
// pending record, keyed by the first unit id it holds, and adds the
// counts to counters.pending; once that passes the pending limit, the
// commit merges every pending record into the segments and deletes them,
// so that the cost of touching a term's page is shared by all the units
// added since the last merge. This is the pending list of PostgreSQL's
// GIN indexes ("fastupdate"), kept in the same transactional file.
//
// Readers see pending postings through a pendCache: the records of one
// merge generation decoded into postings by term, grown as later
// snapshots bring more records. Unit ids are sequence numbers, so a
// snapshot sees exactly the cached ids below its NextUnit; and a snapshot's
// records all have ids at or above its counters.merged (the NextUnit of
// the last merge), which names the generation.

// pendCache holds the decoded pending postings of one generation.
type pendCache struct {
	mu   sync.RWMutex
	gen  uint32              // counters.merged of the snapshots served
	upto uint32              // records with ids below upto are decoded
	post map[uint32][]uint32 // term -> ascending ids
}

// pendingView returns the cache holding the pending postings of the
// transaction's snapshot (nil when it has none).
func (t *boltTx) pendingView() (*pendCache, error) {
	if t.merged || t.snap.pending == 0 || t.pendB == nil {
		return nil, nil
	}
	if t.pc != nil {
		return t.pc, nil
	}
	a := t.a
	a.pmu.Lock()
	pc := a.pc
	switch {
	case pc != nil && pc.gen == t.snap.merged:
	case pc != nil && pc.gen > t.snap.merged:
		// A snapshot from before the last merge: a cache of its own.
		pc = &pendCache{gen: t.snap.merged, upto: t.snap.merged, post: make(map[uint32][]uint32)}
	default:
		pc = &pendCache{gen: t.snap.merged, upto: t.snap.merged, post: make(map[uint32][]uint32)}
		a.pc = pc
	}
	a.pmu.Unlock()
	pc.mu.RLock()
	fresh := pc.upto >= t.snap.nextUnit
	pc.mu.RUnlock()
	if !fresh {
		if err := t.extend(pc); err != nil {
			return nil, err
		}
	}
	t.pc = pc
	return pc, nil
}

// extend decodes into pc the pending records of the snapshot it lacks.
func (t *boltTx) extend(pc *pendCache) error {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.upto < t.snap.nextUnit {
		c := t.pendB.Cursor()
		for k, v := c.Seek(u32Key(pc.upto)); k != nil; k, v = c.Next() {
			if len(k) != 4 {
				return fmt.Errorf("%w: pending record key %x", ErrCorrupt, k)
			}
			first := binary.BigEndian.Uint32(k)
			if first >= t.snap.nextUnit {
				break
			}
			err := decodePending(first, t.snap.nextUnit, v, func(term uint32, ids []uint32) error {
				p := pc.post[term]
				if len(p) > 0 && p[len(p)-1] >= ids[0] {
					return fmt.Errorf("%w: pending postings of term %#x out of order", ErrCorrupt, term)
				}
				pc.post[term] = append(p, ids...)
				return nil
			})
			if err != nil {
				return err
			}
		}
		pc.upto = t.snap.nextUnit
	}
	return nil
}

// pendingIDs appends the term's pending ids in the snapshot to dst.
func (t *boltTx) pendingIDs(term uint32, dst []uint32) ([]uint32, error) {
	pc, err := t.pendingView()
	if pc == nil || err != nil {
		return dst, err
	}
	pc.mu.RLock()
	defer pc.mu.RUnlock()
	p := pc.post[term]
	n, _ := slices.BinarySearch(p, t.snap.nextUnit)
	return append(dst, p[:n]...), nil
}

// pendingCount returns the number of the term's pending ids in the
// snapshot.
func (t *boltTx) pendingCount(term uint32) (int, error) {
	pc, err := t.pendingView()
	if pc == nil || err != nil {
		return 0, err
	}
	pc.mu.RLock()
	defer pc.mu.RUnlock()
	p := pc.post[term]
	if pc.upto <= t.snap.nextUnit {
		return len(p), nil // the newest snapshot holds every cached id
	}
	n, _ := slices.BinarySearch(p, t.snap.nextUnit)
	return n, nil
}

// count adds the postings added in this transaction (t.pend) to the
// counters, as pending.
func (t *boltTx) count() error {
	for term, ids := range t.pend {
		df, err := t.segmentsDF(term)
		if err != nil {
			return err
		}
		if df == 0 {
			n, err := t.pendingCount(term)
			if err != nil {
				return err
			}
			if n == 0 {
				t.c.terms++
			}
		}
		t.c.postings += uint64(len(ids))
		t.c.pending += uint64(len(ids))
	}
	return nil
}

// putPending writes t.pend as one pending record.
func (t *boltTx) putPending() error {
	if t.pendB == nil {
		b, err := t.tx.CreateBucketIfNotExists(bucketPending)
		if err != nil {
			return err
		}
		t.pendB = b
	}
	first := uint32(0)
	for _, ids := range t.pend {
		if first == 0 || ids[0] < first {
			first = ids[0]
		}
	}
	t.buf = encodePending(t.buf[:0], first, t.pend)
	t.pendB.FillPercent = 1 // keys only grow
	return t.pendB.Put(u32Key(first), t.keep(t.buf))
}

// merge moves every pending posting, of earlier commits and of this
// transaction, into the terms' segments and deletes the pending records.
func (t *boltTx) merge() error {
	all := t.pend
	if !t.merged && t.pendB != nil {
		all = make(map[uint32][]uint32, len(t.pend))
		c := t.pendB.Cursor()
		var keys [][]byte
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if len(k) != 4 {
				return fmt.Errorf("%w: pending record key %x", ErrCorrupt, k)
			}
			err := decodePending(binary.BigEndian.Uint32(k), t.snap.nextUnit, v, func(term uint32, ids []uint32) error {
				all[term] = append(all[term], ids...)
				return nil
			})
			if err != nil {
				return err
			}
			keys = append(keys, k)
		}
		for _, k := range keys {
			if err := t.pendB.Delete(k); err != nil {
				return err
			}
		}
		for term, ids := range t.pend {
			all[term] = append(all[term], ids...)
		}
	}
	terms := make([]uint32, 0, len(all))
	for term := range all {
		terms = append(terms, term)
	}
	slices.Sort(terms)
	for _, term := range terms {
		if err := t.post1(term, all[term]); err != nil {
			return err
		}
	}
	clear(t.pend)
	t.merged = true
	t.edited = true
	t.c.pending = 0
	t.c.merged = t.c.nextUnit
	t.dirty = true
	return nil
}

// encodePending encodes a pending record of the postings by term, keyed
// by first (the smallest id in them): uvarint number of terms, then for
// each term in increasing order the uvarint gap from the previous term
// (from 0 for the first), the uvarint number of ids, and the ids as
// uvarint gaps, the first from first.
func encodePending(dst []byte, first uint32, post map[uint32][]uint32) []byte {
	terms := make([]uint32, 0, len(post))
	for term := range post {
		terms = append(terms, term)
	}
	slices.Sort(terms)
	dst = binary.AppendUvarint(dst, uint64(len(terms)))
	prev := uint32(0)
	for _, term := range terms {
		ids := post[term]
		dst = binary.AppendUvarint(dst, uint64(term-prev))
		prev = term
		dst = binary.AppendUvarint(dst, uint64(len(ids)))
		last := first
		for _, id := range ids {
			dst = binary.AppendUvarint(dst, uint64(id-last))
			last = id
		}
	}
	return dst
}

// decodePending calls fn with each term of a pending record keyed by
// first and its ids, which must lie in [first, next). The ids slice is
// reused between calls.
func decodePending(first, next uint32, b []byte, fn func(term uint32, ids []uint32) error) error {
	r := reader{b: b}
	n := r.uvarint()
	if r.err != nil || n == 0 || n > uint64(len(r.b))/3 || first == 0 {
		return fmt.Errorf("%w: pending record %d", ErrCorrupt, first)
	}
	var ids []uint32
	term := uint64(0)
	for i := uint64(0); i < n; i++ {
		gap := r.uvarint()
		term += gap
		m := r.uvarint()
		if r.err != nil || i > 0 && gap == 0 || term >= 1<<32 || m == 0 || m > uint64(len(r.b)) {
			return fmt.Errorf("%w: pending record %d", ErrCorrupt, first)
		}
		ids = ids[:0]
		id := uint64(first)
		for j := uint64(0); j < m; j++ {
			g := r.uvarint()
			id += g
			if r.err != nil || j > 0 && g == 0 || id >= uint64(next) {
				return fmt.Errorf("%w: pending record %d: ids out of order or beyond the next id", ErrCorrupt, first)
			}
			ids = append(ids, uint32(id))
		}
		if err := fn(uint32(term), ids); err != nil {
			return err
		}
	}
	if len(r.b) != 0 {
		return fmt.Errorf("%w: trailing bytes in pending record %d", ErrCorrupt, first)
	}
	return nil
}
