package neardup

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/neardup/neardup/archive"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/score"
	"github.com/neardup/neardup/similarity"
)

// Writes go through three steps. A document is decided and staged (under
// dmu, so that decisions are serialised): an Add's documents are staged as
// they are, a CheckAndAdd's only if its check, completed against every
// unit staged or committed since its snapshot, does not find it seen.
// Staged documents are committed in order, as many as are staged, in one
// transaction (under wmu: group commit), and then leave the staged list
// for the recent one in the same critical section of rmu, so that a check
// always finds a unit in its snapshot, among the recent units, or among the
// staged ones. With AsyncCommit a background goroutine commits; otherwise
// the caller waits for the commit of its documents (and commits them
// itself, with whatever else is staged, unless another caller's group
// took them).

// pending is a document staged or about to be.
type pending struct {
	doc   *corpus.Document
	units []analysed

	// For CheckAndAdd: the check so far, against the snapshot whose
	// NextUnit was snap; completed when staged.
	checker *checker
	snap    uint32

	async bool          // staged by CheckAndAdd with AsyncCommit: nobody waits
	seq   uint64        // order of staging, from 1
	err   error         // set before done is closed
	done  chan struct{} // closed when committed or failed
}

// recentUnit is a unit committed by this Index, kept while a check in
// progress may not have seen it.
type recentUnit struct {
	id   uint32
	seq  uint64 // of its pending
	unit *analysed
}

// maxStaged is the number of staged documents at which an asynchronous
// CheckAndAdd waits for a commit instead of returning at once, so that
// callers faster than the disk do not fill memory.
const maxStaged = 1 << 12

// enter registers a check about to take its snapshot and returns the
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

// trim drops the recent units that no check in progress can need. It runs
// under rmu.
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

// stageAdds stages documents to be added as they are, in one group: they
// are committed in the same transaction.
func (ix *Index) stageAdds(ps []*pending) error {
	ix.dmu.Lock()
	defer ix.dmu.Unlock()
	ix.rmu.Lock()
	defer ix.rmu.Unlock()
	if ix.closed {
		return ErrIndexClosed
	}
	for _, p := range ps {
		ix.seq++
		p.seq = ix.seq
	}
	ix.staged = append(ix.staged, ps...)
	return nil
}

// stageCheck completes the check of a CheckAndAdd and stages its document
// unless it was seen. It reports whether the document was staged.
//
// Most of the units to compare are there before the decision lock is
// taken: they are compared first, outside it, and under it only those
// staged since.
func (ix *Index) stageCheck(ctx context.Context, p *pending) (bool, error) {
	c := p.checker
	ix.rmu.Lock()
	delta, upto := ix.delta(p.snap, 0)
	ix.rmu.Unlock()
	if err := c.compare(ctx, delta); err != nil {
		return false, err
	}

	ix.dmu.Lock()
	defer ix.dmu.Unlock()
	ix.rmu.Lock()
	err := ix.failed
	if ix.closed {
		err = ErrIndexClosed
	}
	delta, _ = ix.delta(p.snap, upto)
	ix.rmu.Unlock()
	if err != nil {
		return false, err
	}
	if err := c.compare(ctx, delta); err != nil {
		return false, err
	}
	if ix.seen(c) {
		return false, nil
	}
	p.checker = nil // not kept while staged
	ix.rmu.Lock()
	// With AsyncCommit the caller does not wait, unless so much is staged
	// that it must (callers faster than the disk).
	p.async = ix.opt.AsyncCommit && len(ix.staged) < ix.maxStaged
	ix.seq++
	p.seq = ix.seq
	ix.staged = append(ix.staged, p)
	ix.rmu.Unlock()
	return true, nil
}

// delta returns the checked units a check whose snapshot had NextUnit
// snap may have missed (those committed since, and those staged) among
// those staged after the after'th, and the number staged so far. It runs
// under rmu.
func (ix *Index) delta(snap uint32, after uint64) ([]*analysed, uint64) {
	var delta []*analysed
	for _, r := range ix.recent {
		if r.id >= snap && r.seq > after && r.unit.checked() {
			delta = append(delta, r.unit)
		}
	}
	replaced := supersededIn(ix.staged)
	for i, p := range ix.staged {
		if p.seq <= after || replaced != nil && replaced[i] {
			continue
		}
		for j := range p.units {
			if p.units[j].checked() {
				delta = append(delta, &p.units[j])
			}
		}
	}
	return delta, ix.seq
}

// supersededIn marks the documents of ps (staged, in order) that a later
// one with the same id replaces: they are committed in the same
// transaction as it, or before it, and it removes them, so a check must
// not find them. It returns nil when there are none.
func supersededIn(ps []*pending) []bool {
	if len(ps) < 2 {
		return nil
	}
	var out []bool
	last := make(map[string]int, len(ps))
	for i, p := range ps {
		if j, ok := last[p.doc.ID]; ok {
			if out == nil {
				out = make([]bool, len(ps))
			}
			out[j] = true
		}
		last[p.doc.ID] = i
	}
	return out
}

// kick tells the background committer that documents are staged.
func (ix *Index) kick() {
	select {
	case ix.kicks <- struct{}{}:
	default:
	}
}

// wait returns once p is committed (or its commit failed), committing
// what is staged if no other caller's group took p.
func (ix *Index) wait(p *pending) error {
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	select {
	case <-p.done:
	default:
		ix.flush()
	}
	return p.err
}

// committer commits staged documents, as many as are staged each time,
// until Close.
func (ix *Index) committer() {
	defer close(ix.stopped)
	for {
		select {
		case <-ix.kicks:
		case <-ix.stop:
			return
		}
		ix.wmu.Lock()
		ix.flush()
		ix.wmu.Unlock()
	}
}

// flush commits every staged document in one transaction, moves their
// units to recent and signals their waiters. It runs under wmu. If the
// commit fails, the documents are dropped, each waiter gets the error,
// and if some were staged by a CheckAndAdd that did not wait, so do the
// next calls (see IndexOptions.AsyncCommit).
func (ix *Index) flush() {
	ix.rmu.Lock()
	batch := slices.Clone(ix.staged)
	ix.rmu.Unlock()
	if len(batch) == 0 {
		return
	}
	firsts := make([]uint32, len(batch))
	replaced := make(map[string]bool)
	err := ix.ar.Update(func(tx archive.Tx) error {
		clear(replaced)
		for i, p := range batch {
			removed, err := tx.RemoveDoc(p.doc.ID, ix.terms)
			if err != nil {
				return err
			}
			if removed {
				replaced[p.doc.ID] = true
			}
			units, terms := stored(p.units)
			first, err := tx.AddDoc(archive.Doc{ID: p.doc.ID, Path: p.doc.Path, URL: p.doc.URL, Title: p.doc.Title, Record: p.doc.Record}, units, terms)
			if err != nil {
				return err
			}
			firsts[i] = first
		}
		return nil
	})
	ix.rmu.Lock()
	ix.staged = slices.Delete(ix.staged, 0, len(batch))
	if err == nil {
		ix.committed(batch, firsts, replaced)
	} else if n := countAsync(batch); n > 0 && ix.failed == nil {
		ix.failed = fmt.Errorf("commit of %d documents staged by CheckAndAdd failed, they were not added: %w", n, err)
	}
	ix.rmu.Unlock()
	for _, p := range batch {
		p.err = err
		close(p.done)
	}
}

// countAsync counts the documents of batch whose CheckAndAdd returned
// without waiting for the commit.
func countAsync(batch []*pending) int {
	n := 0
	for _, p := range batch {
		if p.async {
			n++
		}
	}
	return n
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

// committed records the units just committed in recent, for the checks in
// progress; replaced are the ids of documents that replaced earlier
// versions, whose units leave recent. A document that a later one of the
// same batch replaced was removed in the same transaction: only the last
// version of an id enters recent. It runs under rmu.
func (ix *Index) committed(ps []*pending, firsts []uint32, replaced map[string]bool) {
	if len(replaced) > 0 {
		ix.recent = slices.DeleteFunc(ix.recent, func(r recentUnit) bool { return replaced[r.unit.Doc] })
	}
	superseded := supersededIn(ps)
	for i, p := range ps {
		next := firsts[i]
		for j := range p.units {
			a := &p.units[j]
			if a.su == nil || len(a.su.Terms()) == 0 {
				continue
			}
			if len(ix.inflight) > 0 && (superseded == nil || !superseded[i]) {
				ix.recent = append(ix.recent, recentUnit{id: next, seq: p.seq, unit: a})
			}
			next++
		}
		ix.next = max(ix.next, next)
	}
	ix.trim()
}

// compare scores the checked draft units against units the check's
// snapshot did not hold (see delta), until ctx is done.
func (c *checker) compare(ctx context.Context, delta []*analysed) error {
	if len(delta) == 0 {
		return nil
	}
	c.extra += len(delta)
	type pair struct {
		k    int
		a, u *analysed
	}
	var pairs []pair
	dup := c.dupOnly()
	var look looker
	var err error
	c.each(func(k int, _ *draft, a *analysed) {
		if err == nil {
			err = look.at(ctx, len(delta))
		}
		if err != nil {
			return
		}
		for _, u := range delta {
			if c.self(a, u.Doc) || dup && !overlaps(a.su.Terms(), u.su.Terms()) || !dup && !shareTerm(a.su.Terms(), u.su.Terms()) {
				continue
			}
			pairs = append(pairs, pair{k, a, u})
		}
	})
	if err != nil || len(pairs) == 0 {
		return err
	}
	// Terms new to the snapshot count as seen once.
	for _, p := range pairs {
		for _, t := range p.u.su.Terms() {
			if c.df[t] == 0 {
				c.df[t] = 1
			}
		}
	}
	c.corpus = c.newCorpus(c.n + c.extra)
	c.cands += len(pairs)
	for _, p := range pairs {
		if err := ctx.Err(); err != nil {
			return err
		}
		c.score(p.k, p.a, p.u.su, p.u.Unit, false)
	}
	return nil
}

// overlaps reports whether two sorted term sets share at least half of
// the smaller one: a necessary condition, with room to spare, for the
// scorer's duplicate rule (word-sequence similarity 0.8).
func overlaps(a, b []uint32) bool {
	return similarity.AtLeast(a, b, max(1, (min(len(a), len(b))+1)/2))
}

// seen applies the SeenKind and SeenShare rule to a finished check of one
// document.
func (ix *Index) seen(c *checker) bool {
	content, matched := 0, 0
	c.each(func(k int, _ *draft, _ *analysed) {
		content++
		for _, f := range c.unitFindings(k) {
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
