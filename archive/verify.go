package archive

import (
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
	return a.View(func(tx Tx) error {
		var v verifier
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
	c     counters
	units map[uint32]int // unit id -> number of terms, when terms is given
}

func (v *verifier) bolt(t *boltTx, terms func(string) []uint32) error {
	v.c = counters{nextUnit: t.c.nextUnit, nextDoc: t.c.nextDoc}
	v.units = make(map[uint32]int)
	// Documents and their units.
	err := t.docs.ForEach(func(k, val []byte) error {
		if len(k) != 4 {
			return fmt.Errorf("%w: document key %x", ErrCorrupt, k)
		}
		dn := uint32(k[0])<<24 | uint32(k[1])<<16 | uint32(k[2])<<8 | uint32(k[3])
		if dn == 0 || dn >= t.c.nextDoc {
			return fmt.Errorf("%w: document number %d not below next %d", ErrCorrupt, dn, t.c.nextDoc)
		}
		d, err := decodeDoc(val)
		if err != nil {
			return fmt.Errorf("document %d: %w", dn, err)
		}
		if uint64(d.first)+uint64(d.n) > uint64(t.c.nextUnit) {
			return fmt.Errorf("%w: document %q has units beyond the next id", ErrCorrupt, d.ID)
		}
		if got, _, ok, err := t.docNum(d.ID); err != nil || !ok || got != dn {
			return fmt.Errorf("%w: id entry of document %q (number %d) missing or wrong", ErrCorrupt, d.ID, dn)
		}
		v.c.docs++
		_, recs, _, err := t.Doc(d.ID)
		if err != nil {
			return err
		}
		for _, r := range recs {
			v.c.units++
			v.c.textBytes += uint64(len(r.Text))
			v.units[r.ID] = -1
			if terms != nil {
				v.units[r.ID] = len(terms(r.Text))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n := t.units.Stats().KeyN; n != int(v.c.units) {
		return fmt.Errorf("%w: %d unit records, %d belong to documents", ErrCorrupt, n, v.c.units)
	}
	if n := t.ids.Stats().KeyN; n != int(v.c.docs) {
		return fmt.Errorf("%w: %d id entries for %d documents", ErrCorrupt, n, v.c.docs)
	}
	// Postings.
	c := t.post.Cursor()
	seen := make(map[uint32]int, len(v.units))
	var ids []uint32
	for k, val := c.First(); k != nil; {
		term, id, ok := splitPostKey(k)
		if !ok || id != 0 {
			return fmt.Errorf("%w: posting key %x without a frequency header", ErrCorrupt, k)
		}
		df, err := t.docFreq(term)
		if err != nil {
			return err
		}
		_ = val
		ids = ids[:0]
		for k, val = c.Next(); k != nil; k, val = c.Next() {
			kt, kid, ok := splitPostKey(k)
			if !ok || kt != term {
				break
			}
			n := len(ids)
			if ids, err = decodeSegment(ids, kid, val); err != nil {
				return err
			}
			if len(ids) == n {
				return fmt.Errorf("%w: empty segment of term %#x", ErrCorrupt, term)
			}
		}
		if err := v.postings(term, df, ids, seen); err != nil {
			return err
		}
	}
	return v.finish(t.c, seen, terms != nil)
}

func (v *verifier) mem(t *memTx, terms func(string) []uint32) error {
	m := t.m
	v.c = counters{nextUnit: m.c.nextUnit, nextDoc: m.c.nextDoc}
	v.units = make(map[uint32]int)
	for _, d := range m.docs {
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
