package archive

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// boltTx is a Tx over a bbolt transaction.
type boltTx struct {
	tx                           *bolt.Tx
	meta, docs, ids, units, post *bolt.Bucket
	c                            counters
	dirty                        bool

	// pending postings of the units added in this transaction, written by
	// flush before anything reads postings or frequencies, and at commit.
	pend  map[uint32][]uint32
	docsC map[uint32]Doc // documents decoded in this transaction
	buf   []byte         // scratch for encoding
	seg   []uint32       // scratch for decoding
	slab  []byte         // storage for the values put: bbolt keeps them until commit
}

func newBoltTx(tx *bolt.Tx, write bool) (*boltTx, error) {
	t := &boltTx{
		tx:    tx,
		meta:  tx.Bucket(bucketMeta),
		docs:  tx.Bucket(bucketDocs),
		ids:   tx.Bucket(bucketIDs),
		units: tx.Bucket(bucketUnits),
		post:  tx.Bucket(bucketPost),
	}
	if t.meta == nil || t.docs == nil || t.ids == nil || t.units == nil || t.post == nil {
		return nil, fmt.Errorf("%w: missing bucket", ErrCorrupt)
	}
	if err := t.c.decode(t.meta.Get(keyCounters)); err != nil {
		return nil, err
	}
	if write {
		// Units and documents are appended in key order: full pages.
		t.units.FillPercent = 1
		t.docs.FillPercent = 1
	}
	return t, nil
}

func (t *boltTx) Stats() Stats { return t.c.stats() }

func (c *counters) stats() Stats {
	return Stats{Docs: int64(c.docs), Units: int64(c.units), Terms: int64(c.terms), Postings: int64(c.postings), TextBytes: int64(c.textBytes), NextUnit: c.nextUnit}
}

func (t *boltTx) DocFreq(term uint32) (int, error) {
	if err := t.flush(); err != nil {
		return 0, err
	}
	return t.docFreq(term)
}

func (t *boltTx) docFreq(term uint32) (int, error) {
	v := t.post.Get(postKey(term, 0))
	if v == nil {
		return 0, nil
	}
	df, n := uvarint(v)
	if n <= 0 || n != len(v) || df == 0 || df >= 1<<32 {
		return 0, fmt.Errorf("%w: document frequency of term %#x", ErrCorrupt, term)
	}
	return int(df), nil
}

func (t *boltTx) Postings(term uint32, dst []uint32) ([]uint32, error) {
	if err := t.flush(); err != nil {
		return dst, err
	}
	c := t.post.Cursor()
	prefix := postKey(term, 0)[:4]
	var err error
	last := uint32(0)
	for k, v := c.Seek(postKey(term, 1)); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		_, id, ok := splitPostKey(k)
		if !ok || id <= last && last != 0 {
			return dst, fmt.Errorf("%w: posting key of term %#x", ErrCorrupt, term)
		}
		n := len(dst)
		if dst, err = decodeSegment(dst, id, v); err != nil {
			return dst, err
		}
		if n > 0 && len(dst) > n && dst[n] <= dst[n-1] {
			return dst, fmt.Errorf("%w: postings of term %#x out of order", ErrCorrupt, term)
		}
		if len(dst) > n {
			last = dst[len(dst)-1]
		}
	}
	return dst, nil
}

func (t *boltTx) Unit(id uint32) (Record, bool, error) {
	v := t.units.Get(u32Key(id))
	if v == nil {
		return Record{}, false, nil
	}
	dn, u, err := decodeUnit(v)
	if err != nil {
		return Record{}, false, fmt.Errorf("unit %d: %w", id, err)
	}
	d, err := t.doc(dn)
	if err != nil {
		return Record{}, false, err
	}
	return Record{ID: id, Doc: d, Unit: u}, true, nil
}

// doc returns document number dn, decoded once per transaction.
func (t *boltTx) doc(dn uint32) (Doc, error) {
	if d, ok := t.docsC[dn]; ok {
		return d, nil
	}
	v := t.docs.Get(u32Key(dn))
	if v == nil {
		return Doc{}, fmt.Errorf("%w: unit of missing document %d", ErrCorrupt, dn)
	}
	r, err := decodeDoc(v)
	if err != nil {
		return Doc{}, fmt.Errorf("document %d: %w", dn, err)
	}
	if t.docsC == nil {
		t.docsC = make(map[uint32]Doc)
	}
	t.docsC[dn] = r.Doc
	return r.Doc, nil
}

// docNum looks a document id up.
func (t *boltTx) docNum(id string) (uint32, docRecord, bool, error) {
	v := t.ids.Get([]byte(id))
	if v == nil {
		return 0, docRecord{}, false, nil
	}
	if len(v) != 4 {
		return 0, docRecord{}, false, fmt.Errorf("%w: id entry of %q", ErrCorrupt, id)
	}
	dn := binary.BigEndian.Uint32(v)
	dv := t.docs.Get(v)
	if dv == nil {
		return 0, docRecord{}, false, fmt.Errorf("%w: id %q names missing document %d", ErrCorrupt, id, dn)
	}
	r, err := decodeDoc(dv)
	if err != nil {
		return 0, r, false, fmt.Errorf("document %q: %w", id, err)
	}
	return dn, r, true, nil
}

func (t *boltTx) Doc(id string) (Doc, []Record, bool, error) {
	dn, r, ok, err := t.docNum(id)
	if !ok || err != nil {
		return Doc{}, nil, ok, err
	}
	recs := make([]Record, 0, r.n)
	for i := 0; i < r.n; i++ {
		uid := r.first + uint32(i)
		v := t.units.Get(u32Key(uid))
		if v == nil {
			return Doc{}, nil, false, fmt.Errorf("%w: document %q lacks unit %d", ErrCorrupt, id, uid)
		}
		udn, u, err := decodeUnit(v)
		if err != nil {
			return Doc{}, nil, false, fmt.Errorf("unit %d: %w", uid, err)
		}
		if udn != dn {
			return Doc{}, nil, false, fmt.Errorf("%w: unit %d belongs to document %d, not %d", ErrCorrupt, uid, udn, dn)
		}
		recs = append(recs, Record{ID: uid, Doc: r.Doc, Unit: u})
	}
	return r.Doc, recs, true, nil
}

func (t *boltTx) AddDoc(d Doc, units []Unit, terms [][]uint32) (uint32, error) {
	if err := validAdd(&d, units, terms, t.c.nextUnit); err != nil {
		return 0, err
	}
	if t.ids.Get([]byte(d.ID)) != nil {
		return 0, fmt.Errorf("%w: %q", ErrExists, d.ID)
	}
	dn, first := t.c.nextDoc, t.c.nextUnit
	t.buf = encodeDoc(t.buf[:0], first, len(units), &d)
	if err := t.docs.Put(u32Key(dn), t.keep(t.buf)); err != nil {
		return 0, err
	}
	if err := t.ids.Put([]byte(d.ID), u32Key(dn)); err != nil {
		return 0, err
	}
	if t.pend == nil {
		t.pend = make(map[uint32][]uint32)
	}
	for i := range units {
		id := first + uint32(i)
		t.buf = encodeUnit(t.buf[:0], dn, &units[i])
		if err := t.units.Put(u32Key(id), t.keep(t.buf)); err != nil {
			return 0, err
		}
		for _, term := range terms[i] {
			t.pend[term] = append(t.pend[term], id)
		}
		t.c.textBytes += uint64(len(units[i].Text))
	}
	t.c.nextDoc++
	t.c.nextUnit += uint32(len(units))
	t.c.docs++
	t.c.units += uint64(len(units))
	t.dirty = true
	return first, nil
}

// validAdd checks an AddDoc's arguments.
func validAdd(d *Doc, units []Unit, terms [][]uint32, next uint32) error {
	if d.ID == "" {
		return fmt.Errorf("archive: document without an id")
	}
	if len(terms) != len(units) {
		return fmt.Errorf("archive: document %q: %d term lists for %d units", d.ID, len(terms), len(units))
	}
	if uint64(next)+uint64(len(units)) >= 1<<32-1 || len(d.ID) > 1<<15 {
		return fmt.Errorf("archive: document %q: index full or id too long", d.ID)
	}
	for i := range units {
		u := &units[i]
		if u.Text == "" || u.Start < 0 || u.End <= u.Start || u.Line < 1 || u.Kind > maxKind {
			return fmt.Errorf("archive: document %q: unit %d: bad location or empty text", d.ID, i)
		}
		if !slices.IsSorted(terms[i]) || len(slices.Compact(slices.Clone(terms[i]))) != len(terms[i]) {
			return fmt.Errorf("archive: document %q: unit %d: terms not sorted and unique", d.ID, i)
		}
	}
	return nil
}

func (t *boltTx) RemoveDoc(id string, terms func(string) []uint32) (bool, error) {
	if err := t.flush(); err != nil {
		return false, err
	}
	dn, r, ok, err := t.docNum(id)
	if !ok || err != nil {
		return false, err
	}
	for i := 0; i < r.n; i++ {
		uid := r.first + uint32(i)
		v := t.units.Get(u32Key(uid))
		if v == nil {
			continue
		}
		_, u, err := decodeUnit(v)
		if err != nil {
			return false, fmt.Errorf("unit %d: %w", uid, err)
		}
		for _, term := range terms(u.Text) {
			if err := t.unpost(term, uid); err != nil {
				return false, err
			}
		}
		if err := t.units.Delete(u32Key(uid)); err != nil {
			return false, err
		}
		t.c.units--
		t.c.textBytes -= min(t.c.textBytes, uint64(len(u.Text)))
	}
	if err := t.docs.Delete(u32Key(dn)); err != nil {
		return false, err
	}
	if err := t.ids.Delete([]byte(id)); err != nil {
		return false, err
	}
	t.c.docs--
	t.dirty = true
	return true, nil
}

// unpost removes unit id from the term's postings and decrements its
// document frequency; a unit missing from the postings is left alone.
func (t *boltTx) unpost(term, id uint32) error {
	c := t.post.Cursor()
	k, v := c.Seek(postKey(term, id))
	if k == nil {
		k, v = c.Last()
	} else if kt, kid, ok := splitPostKey(k); !ok || kt != term || kid != id {
		k, v = c.Prev()
	}
	kt, kid, ok := splitPostKey(k)
	if !ok || kt != term || kid == 0 {
		return nil
	}
	ids, err := decodeSegment(t.seg[:0], kid, v)
	if err != nil {
		return err
	}
	t.seg = ids
	i, found := slices.BinarySearch(ids, id)
	if !found {
		return nil
	}
	ids = slices.Delete(ids, i, i+1)
	key := postKey(term, kid)
	if len(ids) == 0 {
		err = t.post.Delete(key)
	} else {
		t.buf = appendSegment(t.buf[:0], kid, ids)
		err = t.post.Put(key, t.keep(t.buf))
	}
	if err != nil {
		return err
	}
	df, err := t.docFreq(term)
	if err != nil {
		return err
	}
	t.c.postings -= min(t.c.postings, 1)
	if df <= 1 {
		t.c.terms -= min(t.c.terms, 1)
		return t.post.Delete(postKey(term, 0))
	}
	return t.post.Put(postKey(term, 0), binaryUvarint(uint64(df-1)))
}

// flush writes the pending postings, term by term in key order: each
// term's frequency is raised and its new ids go at the end of its last
// segment while that is shorter than segmentBytes, else into a new one.
func (t *boltTx) flush() error {
	if len(t.pend) == 0 {
		return nil
	}
	terms := make([]uint32, 0, len(t.pend))
	for term := range t.pend {
		terms = append(terms, term)
	}
	slices.Sort(terms)
	for _, term := range terms {
		if err := t.post1(term, t.pend[term]); err != nil {
			return err
		}
	}
	clear(t.pend)
	return nil
}

func (t *boltTx) post1(term uint32, ids []uint32) error {
	df, err := t.docFreq(term)
	if err != nil {
		return err
	}
	if df == 0 {
		t.c.terms++
	}
	t.c.postings += uint64(len(ids))
	if err := t.post.Put(postKey(term, 0), binaryUvarint(uint64(df+len(ids)))); err != nil {
		return err
	}
	if df > 0 {
		k, v := t.lastPost(term)
		kt, kid, ok := splitPostKey(k)
		if ok && kt == term && kid != 0 && len(v) < segmentBytes {
			seg, err := decodeSegment(t.seg[:0], kid, v)
			if err != nil {
				return err
			}
			t.seg = seg
			if len(seg) == 0 || seg[len(seg)-1] >= ids[0] {
				return fmt.Errorf("%w: postings of term %#x out of order", ErrCorrupt, term)
			}
			t.buf = append(t.buf[:0], v...)
			t.buf = appendSegment(t.buf, seg[len(seg)-1], ids)
			return t.post.Put(postKey(term, kid), t.keep(t.buf))
		}
	}
	t.buf = appendSegment(t.buf[:0], ids[0], ids)
	return t.post.Put(postKey(term, ids[0]), t.keep(t.buf))
}

// lastPost returns the last post key and value at or before the term's
// last possible key.
func (t *boltTx) lastPost(term uint32) (k, v []byte) {
	c := t.post.Cursor()
	if term == math.MaxUint32 {
		return c.Last()
	}
	if k, _ = c.Seek(postKey(term+1, 0)); k == nil {
		return c.Last()
	}
	return c.Prev()
}

// keep copies b into storage that lives until the transaction ends: bbolt
// holds on to the values given to Put until commit.
func (t *boltTx) keep(b []byte) []byte {
	if len(b) > cap(t.slab)-len(t.slab) {
		t.slab = make([]byte, 0, max(64<<10, len(b)))
	}
	n := len(t.slab)
	t.slab = append(t.slab, b...)
	return t.slab[n:len(t.slab):len(t.slab)]
}

// commit flushes and writes the counters.
func (t *boltTx) commit() error {
	if err := t.flush(); err != nil {
		return err
	}
	if !t.dirty {
		return nil
	}
	return t.meta.Put(keyCounters, t.c.encode(nil))
}

func uvarint(b []byte) (uint64, int) { return binary.Uvarint(b) }

func binaryUvarint(x uint64) []byte { return binary.AppendUvarint(nil, x) }
