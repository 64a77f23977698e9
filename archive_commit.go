package neardup

import (
	"slices"
	"sync"

	"github.com/neardup/neardup/archive"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/score"
	"github.com/neardup/neardup/similarity"
)

// pending is a document waiting to be committed.
type pending struct {
	doc   *corpus.Document
	units []analysed

	// For CheckAndAdd: the check so far, against the snapshot whose
	// NextUnit was snap; completed at commit time.
	check   bool
	checker *checker
	snap    uint32

	added bool
	err   error
	done  chan struct{}
}

// recentUnit is a unit committed by this Index, kept while a CheckAndAdd
// in progress may not have seen it.
type recentUnit struct {
	id   uint32
	unit *analysed
}

// enter registers a CheckAndAdd about to take its snapshot and returns the
// lower bound of the ids it may miss: units committed from now on stay in
// recent until leave.
func (ix *Index) enter() uint32 {
	ix.rmu.Lock()
	defer ix.rmu.Unlock()
	low := ix.next
	ix.inflight[low]++
	return low
}

func (ix *Index) leave(low uint32) {
	ix.rmu.Lock()
	defer ix.rmu.Unlock()
	if ix.inflight[low]--; ix.inflight[low] <= 0 {
		delete(ix.inflight, low)
	}
	ix.trim()
}

// trim drops the recent units that no CheckAndAdd in progress can need.
func (ix *Index) trim() {
	low := ix.next
	for l := range ix.inflight {
		low = min(low, l)
	}
	i, _ := slices.BinarySearchFunc(ix.recent, low, func(r recentUnit, id uint32) int {
		return int(int64(r.id) - int64(id))
	})
	if i > 0 {
		ix.recent = slices.Delete(ix.recent, 0, i)
	}
}

// forget drops the recent units of a removed document.
func (ix *Index) forget(doc string) {
	ix.rmu.Lock()
	defer ix.rmu.Unlock()
	ix.recent = slices.DeleteFunc(ix.recent, func(r recentUnit) bool { return r.unit.Doc == doc })
}

// commit queues the documents and waits until they are committed. The
// first caller to get the commit lock commits everything queued in one
// transaction (group commit), so that concurrent adds share the cost of a
// commit.
func (ix *Index) commit(ps ...*pending) {
	ix.qmu.Lock()
	ix.queue = append(ix.queue, ps...)
	ix.qmu.Unlock()
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	select {
	case <-ps[len(ps)-1].done: // committed by another caller's group
		return
	default:
	}
	ix.qmu.Lock()
	batch := ix.queue
	ix.queue = nil
	ix.qmu.Unlock()
	ix.commitBatch(batch)
}

// commitBatch completes the checks of the batch's CheckAndAdds, adds the
// documents that are to be added in one transaction, and signals every
// waiter. It runs under wmu.
func (ix *Index) commitBatch(batch []*pending) {
	var accepted []*pending
	for _, p := range batch {
		if p.check && ix.complete(p, accepted) {
			continue
		}
		accepted = append(accepted, p)
	}
	firsts := make([]uint32, len(accepted))
	replaced := make(map[string]bool)
	err := ix.ar.Update(func(tx archive.Tx) error {
		clear(replaced)
		for i, p := range accepted {
			removed, err := tx.RemoveDoc(p.doc.ID, ix.terms)
			if err != nil {
				return err
			}
			if removed {
				replaced[p.doc.ID] = true
			}
			units, terms := stored(p.units)
			first, err := tx.AddDoc(archive.Doc{ID: p.doc.ID, Path: p.doc.Path, URL: p.doc.URL, Title: p.doc.Title}, units, terms)
			if err != nil {
				return err
			}
			firsts[i] = first
		}
		return nil
	})
	if err == nil {
		ix.committed(accepted, firsts, replaced)
	}
	for _, p := range accepted {
		p.err = err
		p.added = err == nil
	}
	for _, p := range batch {
		close(p.done)
	}
}

// stored returns the units of a document that go into the archive (those
// with content terms) and their terms.
func stored(as []analysed) ([]archive.Unit, [][]uint32) {
	var units []archive.Unit
	var terms [][]uint32
	for i := range as {
		a := &as[i]
		if a.su == nil || len(a.su.Terms()) == 0 {
			continue
		}
		units = append(units, archive.Unit{Kind: uint8(a.Kind), Line: a.Line, Start: a.Start, End: a.End, Text: a.Text})
		terms = append(terms, a.su.Terms())
	}
	return units, terms
}

// committed records the units just committed in recent, for the
// CheckAndAdds in progress; replaced are the ids of documents that
// replaced earlier versions, whose units leave recent.
func (ix *Index) committed(ps []*pending, firsts []uint32, replaced map[string]bool) {
	ix.rmu.Lock()
	defer ix.rmu.Unlock()
	if len(replaced) > 0 {
		ix.recent = slices.DeleteFunc(ix.recent, func(r recentUnit) bool { return replaced[r.unit.Doc] })
	}
	for i, p := range ps {
		next := firsts[i]
		for j := range p.units {
			a := &p.units[j]
			if a.su == nil || len(a.su.Terms()) == 0 {
				continue
			}
			if len(ix.inflight) > 0 {
				ix.recent = append(ix.recent, recentUnit{id: next, unit: a})
			}
			next++
		}
		ix.next = max(ix.next, next)
	}
	ix.trim()
}

// complete finishes the check of a CheckAndAdd under the commit lock: its
// units are compared with the units committed since its snapshot and with
// the documents accepted before it in this batch. It reports whether the
// document was seen.
func (ix *Index) complete(p *pending, accepted []*pending) bool {
	var delta []*analysed
	ix.rmu.Lock()
	for _, r := range ix.recent {
		if r.id >= p.snap && r.unit.checked() {
			delta = append(delta, r.unit)
		}
	}
	ix.rmu.Unlock()
	for _, q := range accepted {
		for j := range q.units {
			if q.units[j].checked() {
				delta = append(delta, &q.units[j])
			}
		}
	}
	c := p.checker
	if len(delta) > 0 {
		// Terms new to the snapshot count as seen once.
		for _, u := range delta {
			for _, t := range u.su.Terms() {
				if c.df[t] == 0 {
					c.df[t] = 1
				}
			}
		}
		c.corpus = ix.scorer.CorpusOf(c.n+len(delta), c.df)
		dup := c.dupOnly()
		c.each(func(k int, _ *draft, a *analysed) {
			for _, u := range delta {
				if dup && !overlaps(a.su.Terms(), u.su.Terms()) || !dup && !shareTerm(a.su.Terms(), u.su.Terms()) {
					continue
				}
				c.cands++
				c.score(k, a, u.su, u.Unit)
			}
		})
	}
	return ix.seen(c)
}

// overlaps reports whether two sorted term sets share at least half of
// the smaller one: a necessary condition, with room to spare, for the
// scorer's duplicate rule (word-sequence similarity 0.8).
func overlaps(a, b []uint32) bool {
	n := similarity.Intersect(a, b)
	return 2*n >= min(len(a), len(b)) && n > 0
}

// seen applies the SeenKind and SeenShare rule to a finished check of one
// document.
func (ix *Index) seen(c *checker) bool {
	content, matched := 0, 0
	c.each(func(k int, _ *draft, _ *analysed) {
		content++
		for _, f := range c.findings[k] {
			if f.Kind == Duplicate || ix.opt.SeenKind == Paraphrase {
				matched++
				break
			}
		}
	})
	return content > 0 && float64(matched) >= ix.opt.SeenShare*float64(content)
}

// unitCache keeps archive units by id, their records and analyses: two
// generations of at most half the capacity each; a hit in the old one
// moves the unit to the new one, and when the new one is full the old one
// is dropped. Unit ids are never reused and a unit never changes, so an
// entry never goes stale (a removed unit is no longer proposed).
type unitCache struct {
	mu       sync.Mutex
	half     int
	young    map[uint32]*cachedUnit
	old      map[uint32]*cachedUnit
	disabled bool
}

// cachedUnit is an archive unit and its analysis.
type cachedUnit struct {
	rec archive.Record
	su  *score.Unit
}

func newUnitCache(capacity int) *unitCache {
	if capacity < 0 {
		return &unitCache{disabled: true}
	}
	h := max(1, capacity/2)
	return &unitCache{half: h, young: make(map[uint32]*cachedUnit, h)}
}

// lookup returns the cached unit id, or nil.
func (uc *unitCache) lookup(id uint32) *cachedUnit {
	if uc.disabled {
		return nil
	}
	uc.mu.Lock()
	defer uc.mu.Unlock()
	u, ok := uc.young[id]
	if !ok {
		if u, ok = uc.old[id]; ok {
			uc.put(id, u)
		}
	}
	return u
}

// add analyses a unit read from the archive and caches it.
func (uc *unitCache) add(rec archive.Record, s *score.Scorer) *cachedUnit {
	u := &cachedUnit{rec: rec, su: s.Analyze(rec.Text)}
	if !uc.disabled {
		uc.mu.Lock()
		uc.put(rec.ID, u)
		uc.mu.Unlock()
	}
	return u
}

func (uc *unitCache) put(id uint32, u *cachedUnit) {
	if len(uc.young) >= uc.half {
		uc.old, uc.young = uc.young, make(map[uint32]*cachedUnit, uc.half)
	}
	uc.young[id] = u
}
