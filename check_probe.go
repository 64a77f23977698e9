package neardup

import (
	"cmp"
	"context"
	"math"
	"math/bits"
	"slices"

	"github.com/neardup/neardup/archive"
	"github.com/neardup/neardup/score"
)

// candidate is an archive unit proposed for a draft unit.
type candidate struct {
	draft int // flat index of the draft unit
	id    uint32
	w     float64 // shared squared weight
}

// propose reads the candidates of every checked draft unit from the
// archive, and the records of those not in the unit cache, in one read
// transaction. It stops with ctx.Err() once ctx is done (it looks before
// each probe, which reads at most probeBudget postings, and every ctxEvery
// records).
func (c *checker) propose(ctx context.Context) ([]candidate, map[uint32]*cachedUnit, map[uint32]archive.Record, error) {
	var cands []candidate
	cached := make(map[uint32]*cachedUnit)
	recs := make(map[uint32]archive.Record)
	err := c.ix.ar.View(func(tx archive.Tx) error {
		st := tx.Stats()
		c.n, c.snap = int(st.Units), st.NextUnit
		acc := c.ix.accumulator()
		defer c.ix.accs.Put(acc)
		var err error
		c.each(func(k int, _ *draft, a *analysed) {
			if err == nil {
				err = ctx.Err()
			}
			if err == nil {
				cands, err = c.probe(tx, acc, k, a, cands)
			}
		})
		if err != nil {
			return err
		}
		var look looker
		for _, cd := range cands {
			if err := look.at(ctx, 1); err != nil {
				return err
			}
			if _, ok := cached[cd.id]; ok {
				continue
			}
			if _, ok := recs[cd.id]; ok {
				continue
			}
			if u := c.ix.cache.lookup(cd.id); u != nil {
				cached[cd.id] = u
				continue
			}
			r, ok, err := tx.Unit(cd.id)
			if err != nil {
				return err
			}
			if ok {
				recs[cd.id] = r
			}
		}
		return nil
	})
	return cands, cached, recs, err
}

// probe proposes the candidates of draft unit k (see Check).
func (c *checker) probe(tx archive.Tx, acc *accumulator, k int, a *analysed, out []candidate) ([]candidate, error) {
	type term struct {
		id uint32
		df int
		w  float64
	}
	terms := make([]term, 0, len(a.su.Terms()))
	var total float64
	for _, t := range a.su.Terms() {
		df, err := c.docFreq(tx, t)
		if err != nil {
			return out, err
		}
		w := math.Log(float64(c.n+1)/float64(df+1)) + 1
		total += w * w
		if df > 0 {
			terms = append(terms, term{t, df, w})
		}
	}
	slices.SortFunc(terms, func(x, y term) int {
		return cmp.Or(cmp.Compare(x.df, y.df), cmp.Compare(x.id, y.id))
	})
	rem, read := total, 0
	budget, minTerms := c.ix.budget, 1
	if c.dupOnly() {
		// A duplicate holds all the rarest terms: a few of them rank it
		// first among the units that share them.
		budget, minTerms = c.ix.budget/dupBudgetShare, dupMinTerms
	}
	var ids []uint32
	var err error
	// A full check stops once the terms left could not make a candidate
	// reach the floor on their own; a duplicates-only check reads on while
	// the budget lasts, so that the shared weight is known nearly exactly
	// and units sharing only a few rare terms are not proposed: reading a
	// posting costs nanoseconds, analysing a candidate microseconds.
	dup := c.dupOnly()
	for i, t := range terms {
		if !dup && rem < c.floor*total || i >= minTerms && read+t.df > budget {
			break
		}
		if ids, err = tx.Postings(t.id, ids[:0]); err != nil {
			return out, err
		}
		read += len(ids)
		c.read += len(ids)
		for _, id := range ids {
			acc.add(id, t.w*t.w)
		}
		rem -= t.w * t.w
	}
	// Keep the units whose shared weight, with all the weight not probed,
	// could still reach the floor; the best MaxCandidates of them, chosen
	// with a bounded heap (the touched units can be many thousands).
	limit := c.ix.opt.MaxCandidates
	if c.dupOnly() {
		limit = min(limit, dupCandidates)
	}
	// A duplicate also holds most of the terms probed, whichever they were:
	// when the budget stopped the probe early, the weight not probed says
	// little, and a unit sharing a rare term or two is not worth analysing.
	need := c.floor*total - rem
	if c.dupOnly() {
		need = max(need, dupProbed*(total-rem))
	}
	best := topK{k: limit, c: c.heap[:0]}
	acc.drain(func(id uint32, w float64) {
		if w >= need {
			best.offer(candidate{draft: k, id: id, w: w})
		}
	})
	c.heap = best.c
	mine := best.c
	slices.SortFunc(mine, func(x, y candidate) int {
		return cmp.Or(cmp.Compare(y.w, x.w), cmp.Compare(x.id, y.id))
	})
	return append(out, mine...), nil
}

// topK keeps the k best candidates offered (higher weight, then lower id)
// in a heap whose root is the worst kept.
type topK struct {
	k int
	c []candidate
}

// worse reports whether x ranks below y.
func worse(x, y candidate) bool { return x.w < y.w || x.w == y.w && x.id > y.id }

func (h *topK) offer(x candidate) {
	if len(h.c) < h.k {
		h.c = append(h.c, x)
		for i := len(h.c) - 1; i > 0; {
			p := (i - 1) / 2
			if !worse(h.c[i], h.c[p]) {
				break
			}
			h.c[i], h.c[p] = h.c[p], h.c[i]
			i = p
		}
		return
	}
	if h.k == 0 || !worse(h.c[0], x) {
		return
	}
	h.c[0] = x
	for i := 0; ; {
		m, l, r := i, 2*i+1, 2*i+2
		if l < len(h.c) && worse(h.c[l], h.c[m]) {
			m = l
		}
		if r < len(h.c) && worse(h.c[r], h.c[m]) {
			m = r
		}
		if m == i {
			return
		}
		h.c[i], h.c[m] = h.c[m], h.c[i]
		i = m
	}
}

// docFreq returns a term's archive document frequency, remembered for the
// scoring corpus.
func (c *checker) docFreq(tx archive.Tx, t uint32) (int, error) {
	if df, ok := c.df[t]; ok {
		return int(df), nil
	}
	df, err := tx.DocFreq(t)
	if err != nil {
		return 0, err
	}
	c.df[t] = uint32(df)
	return df, nil
}

// lookupDF fills in the document frequencies of the units' terms that the
// probe did not look up, until ctx is done.
func (c *checker) lookupDF(ctx context.Context, units []*score.Unit) error {
	var missing bool
	for _, u := range units {
		for _, t := range u.Terms() {
			if _, ok := c.df[t]; !ok {
				missing = true
				break
			}
		}
	}
	if !missing {
		return nil
	}
	return c.ix.ar.View(func(tx archive.Tx) error {
		var look looker
		for _, u := range units {
			if err := look.at(ctx, len(u.Terms())); err != nil {
				return err
			}
			for _, t := range u.Terms() {
				if _, err := c.docFreq(tx, t); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// accumulator sums weights by unit id in an open-addressing hash table
// sized to the ids touched, not to the archive: a probe touches a few
// thousand of up to millions of units, and a table that stays in the
// processor's cache costs less than a dense array over every id (at 10^6
// units, 4 MB of float32 read at random).
type accumulator struct {
	keys    []uint32 // id+1; 0: empty slot
	w       []float32
	touched []uint32 // slots in the order their ids were first added
	shift   uint     // 32 - log2(len(keys))
}

// accInitial is the initial number of slots of an accumulator.
const accInitial = 1 << 13

// accumulator returns an empty accumulator from the Index's pool; put it
// back in ix.accs when done.
func (ix *Index) accumulator() *accumulator {
	a, _ := ix.accs.Get().(*accumulator)
	if a == nil {
		a = &accumulator{}
		a.resize(accInitial)
	}
	return a
}

func (a *accumulator) resize(size int) {
	a.keys, a.w = make([]uint32, size), make([]float32, size)
	a.shift = uint(32 - bits.TrailingZeros(uint(size)))
}

func (a *accumulator) add(id uint32, w float64) {
	mask := uint32(len(a.keys) - 1)
	i := (id * 0x9E3779B1) >> a.shift
	for {
		switch a.keys[i] {
		case id + 1:
			a.w[i] += float32(w)
			return
		case 0:
			a.keys[i], a.w[i] = id+1, float32(w)
			a.touched = append(a.touched, i)
			if 2*len(a.touched) > len(a.keys) {
				a.grow()
			}
			return
		}
		i = (i + 1) & mask
	}
}

// grow doubles the table, keeping the ids in the order first added.
func (a *accumulator) grow() {
	keys, w, touched := a.keys, a.w, slices.Clone(a.touched)
	a.resize(2 * len(keys))
	a.touched = a.touched[:0]
	for _, s := range touched {
		a.add(keys[s]-1, float64(w[s]))
	}
}

// drain calls fn for every touched id, in the order first added, and
// resets the accumulator.
func (a *accumulator) drain(fn func(id uint32, w float64)) {
	for _, s := range a.touched {
		fn(a.keys[s]-1, float64(a.w[s]))
		a.keys[s] = 0
	}
	a.touched = a.touched[:0]
}

// withinProbe proposes, for each checked unit of one draft in turn, the
// earlier units of the draft to score it with: the archive probe's rule
// (see Check) over an inverted index of the draft's units so far, with the
// weights of the scoring corpus (the archive's document frequencies with
// the drafts' units counted: a draft's own subject words are common in it,
// whatever the archive holds). A draft compared pair by pair with itself
// costs the square of its units (a 2,000-paragraph draft took 15.7 s, and
// 10^4 copies of one paragraph exhausted memory); the probe reads at most
// the archive probe's budget of postings a unit.
//
// The index holds each analysed text once, at its first unit: a text
// repeated (copies) takes one place among a unit's MaxCandidates, not one
// a copy, and a long run of copies costs no longer postings. Every unit is
// probed; each text proposed comes with its earlier copies, copyLimit of
// them at most. A term no earlier unit holds (the unit's own words) is
// passed over, not counted as read.
type withinProbe struct {
	checker *checker // its corpus gives the terms' weights

	post    map[uint32][]int32 // term -> the first units of the texts so far that hold it
	acc     []float64          // shared squared weight, by draft unit
	touched []int32
	best    topK
	read    int // postings read by the last probe

	first  map[string]int32  // analysed text -> its first unit
	copies map[int32][]int32 // first unit -> the later units of its text so far
}

// reset readies the probe for a draft of n units.
func (w *withinProbe) reset(n int) {
	w.post = make(map[uint32][]int32)
	w.acc = make([]float64, n)
	w.touched = w.touched[:0]
	w.first = make(map[string]int32)
	w.copies = make(map[int32][]int32)
}

// limit is the number of texts a probe keeps.
func (w *withinProbe) limit() int {
	if w.checker.dupOnly() {
		return min(w.checker.ix.opt.MaxCandidates, dupCandidates)
	}
	return w.checker.ix.opt.MaxCandidates
}

// copyLimit is the number of a text's copies proposed with it: a text and
// its copies score alike with any unit and tie by location, so no more
// than MaxMatches of them can be among the unit's findings (the first
// ones; all of them when MaxMatches is 0).
func (w *withinProbe) copyLimit() int {
	if m := w.checker.ix.opt.MaxMatches; m >= 1 {
		return m
	}
	return math.MaxInt
}

// propose returns the earlier units of the draft proposed for its unit y,
// in unit order, and then adds y to the index.
func (w *withinProbe) propose(y int, su *score.Unit) []int32 {
	w.read = 0
	texts := w.probe(su.Terms())
	var out []int32
	for _, x := range texts {
		cs := w.copies[x]
		out = append(out, x)
		out = append(out, cs[:min(len(cs), w.copyLimit())]...)
	}
	slices.Sort(out)
	if o, ok := w.first[su.Text()]; ok {
		w.copies[o] = append(w.copies[o], int32(y))
	} else {
		w.first[su.Text()] = int32(y)
		for _, t := range su.Terms() {
			w.post[t] = append(w.post[t], int32(y))
		}
	}
	return out
}

// probe returns the first units of the texts proposed for a unit with the
// given terms, in unit order.
func (w *withinProbe) probe(ts []uint32) []int32 {
	c := w.checker
	type term struct {
		id uint32
		df uint32
		w  float64
	}
	terms := make([]term, 0, len(ts))
	var total float64
	n := c.corpus.Docs()
	for _, t := range ts {
		df := uint32(c.corpus.DocFreq(t))
		wt := math.Log(float64(n+1)/float64(df+1)) + 1
		total += wt * wt
		terms = append(terms, term{t, df, wt})
	}
	slices.SortFunc(terms, func(x, y term) int {
		return cmp.Or(cmp.Compare(x.df, y.df), cmp.Compare(x.id, y.id))
	})
	dup := c.dupOnly()
	budget, minTerms := c.ix.budget, 1
	if dup {
		budget, minTerms = c.ix.budget/dupBudgetShare, dupMinTerms
	}
	rem := total
	probed := 0 // terms read that some earlier unit holds
	for _, t := range terms {
		if !dup && rem < c.floor*total {
			break
		}
		ids := w.post[t.id]
		if len(ids) == 0 {
			rem -= t.w * t.w // no earlier unit holds it: nothing to read
			continue
		}
		if w.read+len(ids) > budget {
			if probed >= minTerms {
				break
			}
			ids = ids[:max(0, budget-w.read)] // the earliest units
		}
		probed++
		w.read += len(ids)
		for _, x := range ids {
			if w.acc[x] == 0 {
				w.touched = append(w.touched, x)
			}
			w.acc[x] += t.w * t.w
		}
		rem -= t.w * t.w
	}
	need := c.floor*total - rem
	if dup {
		need = max(need, dupProbed*(total-rem))
	}
	w.best = topK{k: w.limit(), c: w.best.c[:0]}
	for _, x := range w.touched {
		if w.acc[x] >= need {
			w.best.offer(candidate{id: uint32(x), w: w.acc[x]})
		}
		w.acc[x] = 0
	}
	w.touched = w.touched[:0]
	out := make([]int32, len(w.best.c))
	for i, cd := range w.best.c {
		out[i] = int32(cd.id)
	}
	return out
}
