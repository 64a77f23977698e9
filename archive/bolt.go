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
	a                     *Archive
	z                     *codec // from a.codecs, taken on first use
	tx                    *bolt.Tx
	meta, docs, ids, post *bolt.Bucket
	pendB                 *bolt.Bucket // pending postings; nil in files without any
	write                 bool
	c                     counters
	snap                  counters // the counters as the transaction began
	dirty                 bool

	pc     *pendCache // the snapshot's pending postings, once looked up
	merged bool       // the pending postings were merged in this transaction
	edited bool       // segments were changed in this transaction

	// postings of the units added in this transaction: a pending record at
	// commit, or merged into the segments (flush) before anything in the
	// transaction reads postings or frequencies.
	pend  map[uint32][]uint32
	docsC map[uint32]*docRecord // documents decoded in this transaction, by first id
	buf   []byte                // scratch for encoding
	seg   []uint32              // scratch for decoding
	slab  []byte                // storage for the values put: bbolt keeps them until commit
}

func newBoltTx(a *Archive, tx *bolt.Tx, write bool) (*boltTx, error) {
	t := &boltTx{
		a:     a,
		tx:    tx,
		meta:  tx.Bucket(bucketMeta),
		docs:  tx.Bucket(bucketDocs),
		ids:   tx.Bucket(bucketIDs),
		post:  tx.Bucket(bucketPost),
		pendB: tx.Bucket(bucketPending),
		write: write,
	}
	if t.meta == nil || t.docs == nil || t.ids == nil || t.post == nil {
		return nil, fmt.Errorf("%w: missing bucket", ErrCorrupt)
	}
	if err := t.c.decode(t.meta.Get(keyCounters)); err != nil {
		return nil, err
	}
	t.snap = t.c
	if write {
		// Documents are appended in key order: full pages.
		t.docs.FillPercent = 1
	}
	return t, nil
}

func (t *boltTx) Stats() Stats { return t.c.stats() }

// codec returns the transaction's compressor.
func (t *boltTx) codec() *codec {
	if t.z == nil {
		t.z, _ = t.a.codecs.Get().(*codec)
		if t.z == nil {
			t.z = &codec{}
		}
	}
	return t.z
}

// release gives the compressor back.
func (t *boltTx) release() {
	if t.z != nil {
		t.a.codecs.Put(t.z)
		t.z = nil
	}
}

func (c *counters) stats() Stats {
	return Stats{Docs: int64(c.docs), Units: int64(c.units), Terms: int64(c.terms), Postings: int64(c.postings), TextBytes: int64(c.textBytes), NextUnit: c.nextUnit, Pending: int64(c.pending)}
}

func (t *boltTx) DocFreq(term uint32) (int, error) {
	if err := t.flush(); err != nil {
		return 0, err
	}
	df, err := t.segmentsDF(term)
	if err != nil {
		return 0, err
	}
	n, err := t.pendingCount(term)
	return df + n, err
}

// header returns a term's frequency and first segment.
func (t *boltTx) header(term uint32) (int, []byte, error) {
	v := t.post.Get(postKey(term, 0))
	if v == nil {
		return 0, nil, nil
	}
	df, seg, err := splitHeader(v)
	if err != nil {
		return 0, nil, fmt.Errorf("term %#x: %w", term, err)
	}
	return df, seg, nil
}

func (t *boltTx) Postings(term uint32, dst []uint32) ([]uint32, error) {
	if err := t.flush(); err != nil {
		return dst, err
	}
	c := t.post.Cursor()
	prefix := postKey(term, 0)[:4]
	var err error
	for k, v := c.Seek(postKey(term, 0)); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		_, id, ok := splitPostKey(k)
		if !ok {
			return dst, fmt.Errorf("%w: posting key of term %#x", ErrCorrupt, term)
		}
		if id == 0 {
			if _, v, err = splitHeader(v); err != nil {
				return dst, fmt.Errorf("term %#x: %w", term, err)
			}
		}
		n := len(dst)
		if dst, err = decodeSegment(dst, id, v); err != nil {
			return dst, err
		}
		if n > 0 && len(dst) > n && dst[n] <= dst[n-1] {
			return dst, fmt.Errorf("%w: postings of term %#x out of order", ErrCorrupt, term)
		}
	}
	n := len(dst)
	if dst, err = t.pendingIDs(term, dst); err != nil {
		return dst, err
	}
	if n > 0 && len(dst) > n && dst[n] <= dst[n-1] {
		return dst, fmt.Errorf("%w: pending postings of term %#x overlap its segments", ErrCorrupt, term)
	}
	return dst, nil
}

// docAt returns the document holding unit id, or nil.
func (t *boltTx) docAt(id uint32) (*docRecord, error) {
	c := t.docs.Cursor()
	k, v := c.Seek(u32Key(id))
	if k == nil || !bytes.Equal(k, u32Key(id)) {
		k, v = c.Prev()
	}
	if k == nil {
		return nil, nil
	}
	if len(k) != 4 {
		return nil, fmt.Errorf("%w: document key %x", ErrCorrupt, k)
	}
	first := binary.BigEndian.Uint32(k)
	if d, ok := t.docsC[first]; ok {
		return d, nil
	}
	d, err := decodeDoc(first, v)
	if err != nil {
		return nil, err
	}
	if t.docsC == nil {
		t.docsC = make(map[uint32]*docRecord)
	}
	t.docsC[first] = &d
	return &d, nil
}

func (t *boltTx) Unit(id uint32) (Record, bool, error) {
	d, err := t.docAt(id)
	if d == nil || err != nil || id < d.first || id-d.first >= uint32(d.n) {
		return Record{}, false, err
	}
	if err := d.decodeUnits(t.codec()); err != nil {
		return Record{}, false, err
	}
	return Record{ID: id, Doc: d.Doc, Unit: d.units[id-d.first]}, true, nil
}

// lookup finds a document by id.
func (t *boltTx) lookup(id string) (*docRecord, bool, error) {
	v := t.ids.Get([]byte(id))
	if v == nil {
		return nil, false, nil
	}
	if len(v) != 4 {
		return nil, false, fmt.Errorf("%w: id entry of %q", ErrCorrupt, id)
	}
	first := binary.BigEndian.Uint32(v)
	d, err := t.docAt(first)
	if err != nil {
		return nil, false, err
	}
	if d == nil || d.first != first || d.ID != id {
		return nil, false, fmt.Errorf("%w: id %q names a missing document (unit %d)", ErrCorrupt, id, first)
	}
	return d, true, nil
}

func (t *boltTx) Doc(id string) (Doc, []Record, bool, error) {
	d, ok, err := t.lookup(id)
	if !ok || err != nil {
		return Doc{}, nil, ok, err
	}
	if err := d.decodeUnits(t.codec()); err != nil {
		return Doc{}, nil, false, err
	}
	recs := make([]Record, d.n)
	for i := range recs {
		recs[i] = Record{ID: d.first + uint32(i), Doc: d.Doc, Unit: d.units[i]}
	}
	return d.Doc, recs, true, nil
}

func (t *boltTx) AddDoc(d Doc, units []Unit, terms [][]uint32) (uint32, error) {
	if err := validAdd(&d, units, terms, t.c.nextUnit); err != nil {
		return 0, err
	}
	if t.ids.Get([]byte(d.ID)) != nil {
		return 0, fmt.Errorf("%w: %q", ErrExists, d.ID)
	}
	first := t.c.nextUnit
	t.buf = encodeDoc(t.buf[:0], &d, units, t.codec())
	if err := t.docs.Put(u32Key(first), t.keep(t.buf)); err != nil {
		return 0, err
	}
	if err := t.ids.Put([]byte(d.ID), u32Key(first)); err != nil {
		return 0, err
	}
	if t.pend == nil {
		t.pend = make(map[uint32][]uint32)
	}
	for i := range units {
		for _, term := range terms[i] {
			t.pend[term] = append(t.pend[term], first+uint32(i))
		}
		t.c.textBytes += uint64(len(units[i].Text))
	}
	t.c.nextUnit += uint32(max(len(units), 1))
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
	if uint64(next)+uint64(len(units)) >= 1<<32-2 || len(d.ID) > MaxIDLen {
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
	if t.ids.Get([]byte(id)) == nil {
		return false, nil // without flushing: adds that replace nothing stay batched
	}
	if err := t.flush(); err != nil {
		return false, err
	}
	d, ok, err := t.lookup(id)
	if !ok || err != nil {
		return false, err
	}
	if err := d.decodeUnits(t.codec()); err != nil {
		return false, err
	}
	t.edited = true
	for i, u := range d.units {
		uid := d.first + uint32(i)
		for _, term := range terms(u.Text) {
			if err := t.unpost(term, uid); err != nil {
				return false, err
			}
		}
		t.c.units--
		t.c.textBytes -= min(t.c.textBytes, uint64(len(u.Text)))
	}
	if err := t.docs.Delete(u32Key(d.first)); err != nil {
		return false, err
	}
	if err := t.ids.Delete([]byte(id)); err != nil {
		return false, err
	}
	delete(t.docsC, d.first)
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
	if !ok || kt != term {
		return nil
	}
	df, head := 0, []byte(nil)
	if kid == 0 {
		var err error
		if df, v, err = splitHeader(v); err != nil {
			return fmt.Errorf("term %#x: %w", term, err)
		}
		head = v
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
	if kid != 0 {
		if len(ids) == 0 {
			err = t.post.Delete(postKey(term, kid))
		} else {
			t.buf = appendSegment(t.buf[:0], kid, ids)
			err = t.post.Put(postKey(term, kid), t.keep(t.buf))
		}
		if err != nil {
			return err
		}
		if df, head, err = t.header(term); err != nil {
			return err
		}
		if head != nil {
			head = bytes.Clone(head)
		}
	} else {
		head = appendSegment(nil, 0, ids)
	}
	t.c.postings -= min(t.c.postings, 1)
	if df <= 1 {
		t.c.terms -= min(t.c.terms, 1)
		return t.post.Delete(postKey(term, 0))
	}
	t.buf = binary.AppendUvarint(t.buf[:0], uint64(df-1))
	t.buf = append(t.buf, head...)
	return t.post.Put(postKey(term, 0), t.keep(t.buf))
}

// flush merges the postings of this transaction's adds and every pending
// record into the segments, in a write transaction that is about to read
// postings or frequencies or to remove a document.
func (t *boltTx) flush() error {
	if !t.write || len(t.pend) == 0 && (t.merged || t.c.pending == 0) {
		return nil
	}
	if err := t.count(); err != nil {
		return err
	}
	return t.merge()
}

// post1 adds new ids (ascending, above every id the term has) to a
// term's segments and header frequency (the counters are the caller's).
func (t *boltTx) post1(term uint32, ids []uint32) error {
	df, head, err := t.header(term)
	if err != nil {
		return err
	}
	// The last segment: the header's when the term has no other.
	k, v := t.lastPost(term)
	kt, kid, _ := splitPostKey(k)
	if df == 0 || kt != term {
		kid, v = 0, head
	} else if kid == 0 {
		v = head
	}
	var last uint32
	if len(v) > 0 {
		seg, err := decodeSegment(t.seg[:0], kid, v)
		if err != nil {
			return err
		}
		t.seg = seg
		last = seg[len(seg)-1]
		if last >= ids[0] {
			return fmt.Errorf("%w: postings of term %#x out of order", ErrCorrupt, term)
		}
	}
	extend := len(v) < segmentBytes
	if kid == 0 {
		// The header: frequency, then the first segment, extended if short.
		t.buf = binary.AppendUvarint(t.buf[:0], uint64(df+len(ids)))
		t.buf = append(t.buf, head...)
		if extend {
			t.buf = appendSegment(t.buf, last, ids)
		}
		if err := t.post.Put(postKey(term, 0), t.keep(t.buf)); err != nil || extend {
			return err
		}
	} else {
		t.buf = binary.AppendUvarint(t.buf[:0], uint64(df+len(ids)))
		t.buf = append(t.buf, head...)
		if err := t.post.Put(postKey(term, 0), t.keep(t.buf)); err != nil {
			return err
		}
		if extend {
			t.buf = append(t.buf[:0], v...)
			t.buf = appendSegment(t.buf, last, ids)
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

// commit writes the postings added as a pending record, or merges them
// with the pending ones when these pass the limit, and writes the
// counters.
func (t *boltTx) commit() error {
	if len(t.pend) > 0 {
		if err := t.count(); err != nil {
			return err
		}
		var err error
		if t.merged || t.c.pending >= t.a.pendingLimit(t.c.postings) {
			err = t.merge()
		} else {
			err = t.putPending()
		}
		if err != nil {
			return err
		}
		clear(t.pend)
	}
	if !t.dirty {
		return nil
	}
	// Version 1 is version 2 without pending records, version 2 version 3
	// without record lines: the first commit that writes to an earlier
	// version's file marks it Version, so that readers of the earlier
	// version refuse it from then on.
	// Only ever raised: a file a newer writer marked (a process of this
	// version that opened it before, Shared) is refused, not marked back.
	switch v, _ := uvarint(t.meta.Get(keyVersion)); {
	case v > Version:
		return fmt.Errorf("%w: the index has format version %d, this neardup writes version %d", ErrVersion, v, Version)
	case v < Version:
		if err := t.meta.Put(keyVersion, binaryUvarint(Version)); err != nil {
			return err
		}
	}
	if t.edited {
		t.c.epoch++
	}
	return t.meta.Put(keyCounters, t.c.encode(nil))
}

func uvarint(b []byte) (uint64, int) { return binary.Uvarint(b) }

func binaryUvarint(x uint64) []byte { return binary.AppendUvarint(nil, x) }
