package archive

import (
	"encoding/binary"
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// snapshotIndex computes, from the units a transaction sees, what its
// postings must be.
func snapshotIndex(t *boltTx) (map[uint32][]uint32, error) {
	post := make(map[uint32][]uint32)
	err := t.docs.ForEach(func(k, v []byte) error {
		d, err := decodeDoc(binary.BigEndian.Uint32(k), v)
		if err != nil {
			return err
		}
		if err := d.decodeUnits(t.codec()); err != nil {
			return err
		}
		for i, u := range d.units {
			for _, term := range terms(u.Text) {
				post[term] = append(post[term], d.first+uint32(i))
			}
		}
		return nil
	})
	for _, p := range post {
		slices.Sort(p)
	}
	return post, err
}

// TestPendingSnapshots adds documents one commit at a time to a file with
// a small pending limit, so that commits alternate between writing pending
// records and merging them, and removes some (which merges), while
// readers check that every snapshot's postings and frequencies, read
// through the shared pending cache, are exactly those of the units the
// snapshot holds.
func TestPendingSnapshots(t *testing.T) {
	a, err := Open(filepath.Join(t.TempDir(), "x.ndx"), Options{Params: testParams, NoSync: true, PendingLimit: 400})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	docs := corpusDocs(t)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	var mu sync.Mutex
	snapshots, withPending := 0, 0
	for range 3 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				err := a.View(func(tx Tx) error {
					bt := tx.(*boltTx)
					want, err := snapshotIndex(bt)
					if err != nil {
						return err
					}
					for term, ids := range want {
						got, err := tx.Postings(term, nil)
						if err != nil {
							return err
						}
						df, err := tx.DocFreq(term)
						if err != nil {
							return err
						}
						if !slices.Equal(got, ids) || df != len(ids) {
							t.Errorf("snapshot at unit %d: term %#x has postings %v (df %d), want %v", bt.snap.nextUnit, term, got, df, ids)
							return nil
						}
					}
					if st := tx.Stats(); st.Terms != int64(len(want)) {
						t.Errorf("snapshot at unit %d: %d terms counted, %d there", bt.snap.nextUnit, st.Terms, len(want))
					}
					mu.Lock()
					snapshots++
					if bt.snap.pending > 0 {
						withPending++
					}
					mu.Unlock()
					return nil
				})
				if err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	merges, records := 0, 0
	for i := range 120 {
		d := docs[i%len(docs)]
		d.doc.ID = d.doc.ID + "-" + itoa(i)
		addAll(t, a, []testDoc{d})
		if i%17 == 16 {
			id := docs[(i-5)%len(docs)].doc.ID + "-" + itoa(i-5)
			if err := a.Update(func(tx Tx) error { _, err := tx.RemoveDoc(id, terms); return err }); err != nil {
				t.Fatal(err)
			}
		}
		a.View(func(tx Tx) error {
			if tx.(*boltTx).snap.pending == 0 {
				merges++
			} else {
				records++
			}
			return nil
		})
	}
	close(stop)
	wg.Wait()
	if err := a.Verify(terms); err != nil {
		t.Error(err)
	}
	if merges < 5 || records < 20 {
		t.Errorf("%d commits left pending postings and %d none: the test does not exercise both", records, merges)
	}
	t.Logf("%d snapshots checked, %d with pending postings; %d commits with pending postings after, %d without", snapshots, withPending, records, merges)
}

// TestPendingOldSnapshot: a read transaction begun before a merge keeps
// seeing its own pending postings after the merge is committed and a
// newer snapshot has replaced the shared cache.
func TestPendingOldSnapshot(t *testing.T) {
	a, err := Open(filepath.Join(t.TempDir(), "x.ndx"), Options{Params: testParams, NoSync: true, PendingLimit: 1 << 20, mmapSize: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	docs := corpusDocs(t)
	addAll(t, a, docs[:2])
	addAll(t, a, docs[2:3])
	old, err := a.db.Begin(false)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Rollback()
	oldTx, err := newBoltTx(a, old, false)
	if err != nil {
		t.Fatal(err)
	}
	want, err := snapshotIndex(oldTx)
	if err != nil {
		t.Fatal(err)
	}
	if oldTx.snap.pending == 0 {
		t.Fatal("no pending postings before the merge")
	}
	// Merge (a remove merges) and add more, in a new generation, read by a
	// newer snapshot first.
	if err := a.Update(func(tx Tx) error { _, err := tx.RemoveDoc(docs[0].doc.ID, terms); return err }); err != nil {
		t.Fatal(err)
	}
	addAll(t, a, docs[3:4])
	err = a.View(func(tx Tx) error {
		if tx.(*boltTx).snap.merged == oldTx.snap.merged {
			t.Error("the remove did not start a new generation")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for term, ids := range want {
		got, err := oldTx.Postings(term, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, ids) {
			t.Errorf("old snapshot: term %#x has postings %v, want %v", term, got, ids)
		}
	}
	if err := a.Verify(terms); err != nil {
		t.Error(err)
	}
}

// TestVersion1 opens a file of format version 1 (no pending bucket, six
// counters): read-only it is read as it is; opened for writing it becomes
// version 2 with its first write and takes pending records.
func TestVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.ndx")
	a, err := Open(path, Options{Params: testParams, NoSync: true, PendingLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	docs := corpusDocs(t)
	var ref reference
	for i, first := range addAll(t, a, docs[:3]) {
		ref.add(first, docs[i])
	}
	a.Close()
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		var c counters
		if err := c.decode(m.Get(keyCounters)); err != nil {
			return err
		}
		v1 := c.encode(nil)
		v1 = v1[:len(v1)-3] // merged, pending and epoch: one byte each here
		if err := m.Put(keyCounters, v1); err != nil {
			return err
		}
		if err := tx.DeleteBucket(bucketPending); err != nil {
			return err
		}
		return m.Put(keyVersion, binaryUvarint(1))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ref.check(t, ro)
	v := version(ro.db)
	ro.Close()
	if v != 1 {
		t.Fatalf("a read-only open changed the version to %d", v)
	}

	// An open refused for its parameters writes nothing.
	if a, err := Open(path, Options{Params: Params{Features: "other-terms/1"}}); !errors.Is(err, ErrMismatch) {
		if a != nil {
			a.Close()
		}
		t.Fatalf("Open with other features = %v, want ErrMismatch", err)
	}
	rw, err := Open(path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	// Opened for writing, it stays version 1 until the first commit that
	// writes (a caller may still refuse it: see neardup.OpenIndex).
	if v := version(rw.db); v != 1 {
		t.Errorf("opened for writing, before any write, the file has version %d, want 1", v)
	}
	for i, first := range addAll(t, rw, docs[3:5]) {
		ref.add(first, docs[3+i])
	}
	if v := version(rw.db); v != Version {
		t.Errorf("after a write, the file has version %d, want %d", v, Version)
	}
	ref.check(t, rw)
	rw.View(func(tx Tx) error {
		if tx.Stats().Pending == 0 {
			t.Error("no pending postings after an add to the upgraded file")
		}
		return nil
	})
}

// TestPendingRoundTrip encodes and decodes pending records.
func TestPendingRoundTrip(t *testing.T) {
	post := map[uint32][]uint32{0: {7, 9}, 5: {7}, 1 << 31: {8, 9, 300}, 1<<32 - 1: {300}}
	b := encodePending(nil, 7, post)
	got := map[uint32][]uint32{}
	if err := decodePending(7, 301, b, func(term uint32, ids []uint32) error {
		got[term] = slices.Clone(ids)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(got, post, slices.Equal) {
		t.Errorf("round trip = %v, want %v", got, post)
	}
	if err := decodePending(7, 300, b, func(uint32, []uint32) error { return nil }); err == nil {
		t.Error("a record with an id at the next unit decoded")
	}
}

// TestPendingLimitGrows: by default the pending list may hold a
// pendingShare'th of the archive's postings once that passes
// DefaultPendingLimit; an explicit limit is kept as it is.
func TestPendingLimitGrows(t *testing.T) {
	for _, c := range []struct {
		opt      int
		postings uint64
		want     uint64
	}{
		{0, 1000, DefaultPendingLimit},
		{0, DefaultPendingLimit * pendingShare, DefaultPendingLimit},
		{0, 38_422_218, 38_422_218 / pendingShare},
		{40, 38_422_218, 40},
		{-1, 38_422_218, 0},
	} {
		a := &Archive{pendLimit: c.opt}
		if got := a.pendingLimit(c.postings); got != c.want {
			t.Errorf("limit %d, %d postings: pending limit %d, want %d", c.opt, c.postings, got, c.want)
		}
	}
}

// TestVersion2File: a file of format version 2 (no record lines) is read
// as it is, its documents with no record line, and becomes version 3 with
// the first commit that writes to it; a document added then keeps its
// record line.
func TestVersion2File(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.ndx")
	a, err := Open(path, Options{Params: testParams, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	docs := corpusDocs(t)
	addAll(t, a, docs[:1])
	a.Close()
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyVersion, binaryUvarint(2)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	rw, err := Open(path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if v := version(rw.db); v != 2 {
		t.Fatalf("opened, before any write, the file has version %d, want 2", v)
	}
	d := docs[1]
	d.doc.Path, d.doc.Record = "archive.jsonl", 12
	addAll(t, rw, []testDoc{d})
	if v := version(rw.db); v != Version {
		t.Errorf("after a write, the file has version %d, want %d", v, Version)
	}
	rw.View(func(tx Tx) error {
		old, _, ok1, err1 := tx.Doc(docs[0].doc.ID)
		added, _, ok2, err2 := tx.Doc(d.doc.ID)
		if !ok1 || !ok2 || err1 != nil || err2 != nil || old.Record != 0 || added.Record != 12 {
			t.Errorf("docs %+v and %+v (%v %v %v %v); want record lines 0 and 12", old, added, ok1, ok2, err1, err2)
		}
		return nil
	})
}

// TestNewerVersionNotMarkedBack: a writer that opened a file (Shared)
// before a newer writer marked it a later version refuses to commit to it,
// rather than marking it back to its own version.
func TestNewerVersionNotMarkedBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.ndx")
	a, err := Open(path, Options{Params: testParams, NoSync: true, Shared: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	docs := corpusDocs(t)
	addAll(t, a, docs[:1])
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyVersion, binaryUvarint(Version+1)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	err = a.Update(func(tx Tx) error {
		_, err := tx.AddDoc(docs[1].doc, docs[1].units, docs[1].terms)
		return err
	})
	if !errors.Is(err, ErrVersion) {
		t.Fatalf("commit to a newer version's file = %v, want ErrVersion", err)
	}
	db, err = bolt.Open(path, 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v := version(db); v != Version+1 {
		t.Errorf("the file's version is %d, want %d still", v, Version+1)
	}
}

// version returns the format version db's meta bucket records.
func version(db *bolt.DB) (v uint64) {
	db.View(func(tx *bolt.Tx) error {
		v, _ = uvarint(tx.Bucket(bucketMeta).Get(keyVersion))
		return nil
	})
	return v
}
