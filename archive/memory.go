package archive

import (
	"fmt"
	"slices"
	"sync"
)

// memStore is an archive in memory: the same records and counts as the
// file, in maps and slices. A term's postings are a sorted slice whose
// length is its document frequency.
type memStore struct {
	mu    sync.RWMutex
	c     counters
	post  map[uint32][]uint32
	units []memUnit             // by unit id; id 0 unused; doc 0: removed or none
	docs  map[uint32]*docRecord // by first unit id
	ids   map[string]uint32     // document id -> first unit id
}

type memUnit struct {
	doc uint32 // first unit id of the document
	Unit
}

func newMemStore() *memStore {
	return &memStore{
		c:     counters{nextUnit: 1},
		post:  make(map[uint32][]uint32),
		units: make([]memUnit, 1),
		docs:  make(map[uint32]*docRecord),
		ids:   make(map[string]uint32),
	}
}

func (m *memStore) view(fn func(Tx) error) error {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return fn(&memTx{m: m})
}

// update runs fn holding the write lock; if fn fails, the changes it made
// are undone in reverse order.
func (m *memStore) update(fn func(Tx) error) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	t := &memTx{m: m, write: true}
	if err := fn(t); err != nil {
		for i := len(t.undo) - 1; i >= 0; i-- {
			t.undo[i]()
		}
		return err
	}
	return nil
}

// memTx is a Tx over a memStore. Writes apply at once and record their
// inverse for a rollback.
type memTx struct {
	m     *memStore
	write bool
	undo  []func()
}

func (t *memTx) Stats() Stats { return t.m.c.stats() }

func (t *memTx) DocFreq(term uint32) (int, error) { return len(t.m.post[term]), nil }

func (t *memTx) Postings(term uint32, dst []uint32) ([]uint32, error) {
	return append(dst, t.m.post[term]...), nil
}

func (t *memTx) Unit(id uint32) (Record, bool, error) {
	if id == 0 || int(id) >= len(t.m.units) || t.m.units[id].doc == 0 {
		return Record{}, false, nil
	}
	u := &t.m.units[id]
	return Record{ID: id, Doc: t.m.docs[u.doc].Doc, Unit: u.Unit}, true, nil
}

func (t *memTx) Doc(id string) (Doc, []Record, bool, error) {
	dn, ok := t.m.ids[id]
	if !ok {
		return Doc{}, nil, false, nil
	}
	d := t.m.docs[dn]
	recs := make([]Record, d.n)
	for i := range recs {
		uid := d.first + uint32(i)
		recs[i] = Record{ID: uid, Doc: d.Doc, Unit: t.m.units[uid].Unit}
	}
	return d.Doc, recs, true, nil
}

func (t *memTx) AddDoc(d Doc, units []Unit, terms [][]uint32) (uint32, error) {
	if !t.write {
		return 0, ErrReadOnly
	}
	m := t.m
	if err := validAdd(&d, units, terms, m.c.nextUnit); err != nil {
		return 0, err
	}
	if _, ok := m.ids[d.ID]; ok {
		return 0, fmt.Errorf("%w: %q", ErrExists, d.ID)
	}
	saved := m.c
	first := m.c.nextUnit
	dn := first
	m.docs[dn] = &docRecord{first: first, n: len(units), Doc: d}
	m.ids[d.ID] = dn
	if len(units) == 0 {
		m.units = append(m.units, memUnit{}) // the id a document without units takes
	}
	for i := range units {
		m.units = append(m.units, memUnit{doc: dn, Unit: units[i]})
		for _, term := range terms[i] {
			p := m.post[term]
			if len(p) == 0 {
				m.c.terms++
			}
			m.post[term] = append(p, first+uint32(i))
		}
		m.c.postings += uint64(len(terms[i]))
		m.c.textBytes += uint64(len(units[i].Text))
	}
	m.c.nextUnit += uint32(max(len(units), 1))
	m.c.docs++
	m.c.units += uint64(len(units))
	t.undo = append(t.undo, func() {
		for i := len(terms) - 1; i >= 0; i-- {
			for _, term := range terms[i] {
				p := m.post[term]
				if p = p[:len(p)-1]; len(p) == 0 {
					delete(m.post, term)
				} else {
					m.post[term] = p
				}
			}
		}
		m.units = m.units[:first]
		delete(m.ids, d.ID)
		delete(m.docs, dn)
		m.c = saved
	})
	return first, nil
}

func (t *memTx) RemoveDoc(id string, terms func(string) []uint32) (bool, error) {
	if !t.write {
		return false, ErrReadOnly
	}
	m := t.m
	dn, ok := m.ids[id]
	if !ok {
		return false, nil
	}
	saved := m.c
	d := m.docs[dn]
	type removed struct {
		term uint32
		id   uint32
	}
	var gone []removed
	var units []memUnit
	for i := 0; i < d.n; i++ {
		uid := d.first + uint32(i)
		u := m.units[uid]
		units = append(units, u)
		for _, term := range terms(u.Text) {
			p := m.post[term]
			j, found := slices.BinarySearch(p, uid)
			if !found {
				continue
			}
			if len(p) == 1 {
				delete(m.post, term)
				m.c.terms--
			} else {
				m.post[term] = slices.Delete(p, j, j+1)
			}
			m.c.postings--
			gone = append(gone, removed{term, uid})
		}
		m.units[uid] = memUnit{}
		m.c.units--
		m.c.textBytes -= uint64(len(u.Text))
	}
	delete(m.docs, dn)
	delete(m.ids, id)
	m.c.docs--
	t.undo = append(t.undo, func() {
		for _, g := range gone {
			p := m.post[g.term]
			j, _ := slices.BinarySearch(p, g.id)
			m.post[g.term] = slices.Insert(p, j, g.id)
		}
		for i, u := range units {
			m.units[d.first+uint32(i)] = u
		}
		m.docs[dn] = d
		m.ids[id] = dn
		m.c = saved
	})
	return true, nil
}
