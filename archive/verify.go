package archive

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// Verify reads the whole archive and checks that it is consistent: every
// record decodes, each document's units exist and name it, every posting
// names a live unit, postings are in order, each term's document
// frequency equals its postings' length, and the counters equal what is
// there. terms, when not nil, gives each unit's terms (as for RemoveDoc)
// and Verify then also checks that the postings are exactly the units'
// terms. It returns an error wrapping ErrCorrupt that names the first
// problem found.
func (a *Archive) Verify(terms func(text string) []uint32) error {
	return a.VerifyContext(context.Background(), terms)
}

// VerifyContext is Verify that stops with ctx's error once ctx is done
// (looked at every document and every verifyEvery postings lists).
func (a *Archive) VerifyContext(ctx context.Context, terms func(text string) []uint32) error {
	return a.View(func(tx Tx) error {
		v := verifier{ctx: ctx}
		switch t := tx.(type) {
		case *boltTx:
			return v.bolt(t, terms)
		case *memTx:
			return v.mem(t, terms)
		}
		return errors.New("archive: unknown transaction")
	})
}

type verifier struct {
	ctx   context.Context
	c     counters
	units map[uint32]int // unit id -> number of terms, when terms is given
	lists int            // postings lists checked, for the context checks
}

// verifyEvery is how many postings lists Verify checks between looks at
// its context.
const verifyEvery = 4096

func (v *verifier) bolt(t *boltTx, terms func(string) []uint32) error {
	defer t.release()
	v.c = counters{nextUnit: t.c.nextUnit}
	v.units = make(map[uint32]int)
	// Documents and their units: keys in order, ranges not overlapping.
	end := uint32(1)
	err := t.docs.ForEach(func(k, val []byte) error {
		if len(k) != 4 {
			return fmt.Errorf("%w: document key %x", ErrCorrupt, k)
		}
		first := uint32(k[0])<<24 | uint32(k[1])<<16 | uint32(k[2])<<8 | uint32(k[3])
		d, err := decodeDoc(first, val)
		if err != nil {
			return err
		}
		if err := d.decodeUnits(t.codec()); err != nil {
			return err
		}
		if first < end || uint64(first)+uint64(max(d.n, 1)) > uint64(t.c.nextUnit) {
			return fmt.Errorf("%w: document %q has units [%d,%d), overlapping others or beyond the next id %d", ErrCorrupt, d.ID, first, first+uint32(d.n), t.c.nextUnit)
		}
		end = first + uint32(max(d.n, 1))
		if got, ok, err := t.lookup(d.ID); err != nil || !ok || got.first != first {
			return fmt.Errorf("%w: id entry of document %q (unit %d) missing or wrong", ErrCorrupt, d.ID, first)
		}
		if err := v.ctx.Err(); err != nil {
			return err
		}
		v.c.docs++
		for i, u := range d.units {
			id := first + uint32(i)
			v.c.units++
			v.c.textBytes += uint64(len(u.Text))
			v.units[id] = -1
			if terms != nil {
				v.units[id] = len(terms(u.Text))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n := t.ids.Stats().KeyN; n != int(v.c.docs) {
		return fmt.Errorf("%w: %d id entries for %d documents", ErrCorrupt, n, v.c.docs)
	}
	// Pending records: keys in order, at or above the last merge, ids
	// beyond the previous record's.
	pending := make(map[uint32][]uint32)
	if t.pendB != nil {
		err := t.pendB.ForEach(func(k, val []byte) error {
			if len(k) != 4 {
				return fmt.Errorf("%w: pending record key %x", ErrCorrupt, k)
			}
			first := uint32(k[0])<<24 | uint32(k[1])<<16 | uint32(k[2])<<8 | uint32(k[3])
			if first < t.c.merged {
				return fmt.Errorf("%w: pending record %d older than the last merge (%d)", ErrCorrupt, first, t.c.merged)
			}
			return decodePending(first, t.c.nextUnit, val, func(term uint32, ids []uint32) error {
				p := pending[term]
				if len(p) > 0 && p[len(p)-1] >= ids[0] {
					return fmt.Errorf("%w: pending postings of term %#x out of order", ErrCorrupt, term)
				}
				pending[term] = append(p, ids...)
				v.c.pending += uint64(len(ids))
				return nil
			})
		})
		if err != nil {
			return err
		}
	}
	v.c.merged, v.c.epoch = t.c.merged, t.c.epoch
	// Postings: a header for every term, then its other segments, then
	// its pending ids.
	c := t.post.Cursor()
	seen := make(map[uint32]int, len(v.units))
	var ids []uint32
	for k, val := c.First(); k != nil; {
		term, id, ok := splitPostKey(k)
		if !ok || id != 0 {
			return fmt.Errorf("%w: posting key %x without a frequency header", ErrCorrupt, k)
		}
		df, head, err := splitHeader(val)
		if err != nil {
			return fmt.Errorf("term %#x: %w", term, err)
		}
		if ids, err = decodeSegment(ids[:0], 0, head); err != nil {
			return err
		}
		for k, val = c.Next(); k != nil; k, val = c.Next() {
			kt, kid, ok := splitPostKey(k)
			if !ok || kt != term {
				break
			}
			n := len(ids)
			if ids, err = decodeSegment(ids, kid, val); err != nil {
				return err
			}
			if len(ids) == n || n > 0 && ids[n] <= ids[n-1] {
				return fmt.Errorf("%w: segment %d of term %#x empty or out of order", ErrCorrupt, kid, term)
			}
		}
		p := pending[term]
		delete(pending, term)
		if len(p) > 0 && len(ids) > 0 && p[0] <= ids[len(ids)-1] {
			return fmt.Errorf("%w: pending postings of term %#x overlap its segments", ErrCorrupt, term)
		}
		if err := v.postings(term, df+len(p), append(ids, p...), seen); err != nil {
			return err
		}
	}
	for term, p := range pending {
		if err := v.postings(term, len(p), p, seen); err != nil {
			return err
		}
	}
	return v.finish(t.c, seen, terms != nil)
}

func (v *verifier) mem(t *memTx, terms func(string) []uint32) error {
	m := t.m
	v.c = counters{nextUnit: m.c.nextUnit}
	v.units = make(map[uint32]int)
	for _, d := range m.docs {
		if err := v.ctx.Err(); err != nil {
			return err
		}
		v.c.docs++
		for i := 0; i < d.n; i++ {
			id := d.first + uint32(i)
			u := m.units[id]
			v.c.units++
			v.c.textBytes += uint64(len(u.Text))
			v.units[id] = -1
			if terms != nil {
				v.units[id] = len(terms(u.Text))
			}
		}
	}
	seen := make(map[uint32]int, len(v.units))
	for term, p := range m.post {
		if err := v.postings(term, len(p), p, seen); err != nil {
			return err
		}
	}
	return v.finish(m.c, seen, terms != nil)
}

// postings checks one term's postings.
func (v *verifier) postings(term uint32, df int, ids []uint32, seen map[uint32]int) error {
	if v.lists++; v.lists%verifyEvery == 0 {
		if err := v.ctx.Err(); err != nil {
			return err
		}
	}
	if df != len(ids) || df == 0 {
		return fmt.Errorf("%w: term %#x has frequency %d and %d postings", ErrCorrupt, term, df, len(ids))
	}
	if !slices.IsSorted(ids) || len(slices.Compact(slices.Clone(ids))) != len(ids) {
		return fmt.Errorf("%w: postings of term %#x out of order", ErrCorrupt, term)
	}
	for _, id := range ids {
		if _, ok := v.units[id]; !ok {
			return fmt.Errorf("%w: term %#x lists unit %d, which is not in the index", ErrCorrupt, term, id)
		}
		seen[id]++
	}
	v.c.terms++
	v.c.postings += uint64(df)
	return nil
}

// finish compares the counters with what was counted.
func (v *verifier) finish(stored counters, seen map[uint32]int, exact bool) error {
	if exact {
		for id, n := range v.units {
			if seen[id] != n {
				return fmt.Errorf("%w: unit %d has %d terms but %d postings", ErrCorrupt, id, n, seen[id])
			}
		}
	}
	if v.c != stored {
		return fmt.Errorf("%w: counters %+v, counted %+v", ErrCorrupt, stored, v.c)
	}
	return nil
}
