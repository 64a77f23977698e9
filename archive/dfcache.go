package archive

import "sync"

// dfCacheMax bounds the terms a dfCache holds (16 bytes or so each).
const dfCacheMax = 1 << 20

// dfCache remembers the document frequencies stored in terms' segment
// headers, for the snapshots of one epoch: the headers change only in
// commits that merge pending postings or remove units, and each such
// commit raises counters.epoch. A check looks up the frequency of every
// term of a draft to order them by rarity; the cache turns most of those
// B+tree searches into a map lookup.
type dfCache struct {
	mu    sync.RWMutex
	epoch uint64
	df    map[uint32]int
}

// segmentsDF returns the frequency in the term's segment header (0 when
// it has none), from the archive's dfCache when the transaction reads the
// epoch it holds (a write transaction, until it changes a segment).
func (t *boltTx) segmentsDF(term uint32) (int, error) {
	if t.edited {
		// A write transaction that changed segments reads its own.
		df, _, err := t.header(term)
		return df, err
	}
	a := t.a
	a.dmu.Lock()
	dc := a.dc
	if dc == nil || dc.epoch < t.snap.epoch {
		dc = &dfCache{epoch: t.snap.epoch, df: make(map[uint32]int)}
		a.dc = dc
	}
	a.dmu.Unlock()
	if dc.epoch != t.snap.epoch {
		df, _, err := t.header(term) // a snapshot older than the cache
		return df, err
	}
	dc.mu.RLock()
	df, ok := dc.df[term]
	dc.mu.RUnlock()
	if ok {
		return df, nil
	}
	df, _, err := t.header(term)
	if err != nil {
		return 0, err
	}
	dc.mu.Lock()
	if len(dc.df) < dfCacheMax {
		dc.df[term] = df
	}
	dc.mu.Unlock()
	return df, nil
}
