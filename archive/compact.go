package archive

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// compactSegment is the size a term's postings are cut into by Compact:
// about a page, so that removing a unit rewrites little.
const compactSegment = 4000

// compactBatch is the bytes written per transaction of a compaction.
const compactBatch = 32 << 20

// Compact rewrites the archive's file with full pages and each term's
// postings merged into few segments, giving back the space that deletes
// and page splits leave. It works on a copy (the file's name with
// ".compact" appended), then renames it over the file: a crash leaves
// either the old file or the new one, both whole. It holds the lock on the
// old file until the new one has its name, and every open checks, once it
// has the lock, that the path still names the file it locked (see
// openBolt): a writer in another process that waited for the lock writes
// to the new file, never to the old one. Views and updates wait while it
// runs. An archive in memory has nothing to compact.
func (a *Archive) Compact() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	switch {
	case a.closed:
		return a.wrap(ErrClosed)
	case a.ro:
		return a.wrap(ErrReadOnly)
	case a.mem != nil:
		return nil
	}
	db := a.db
	if a.shared {
		sdb, done, err := a.handle(true)
		if err != nil {
			return a.wrap(err)
		}
		db = sdb
		defer done()
	}
	// Merge the pending postings first, so that the copy has none.
	err := a.guard(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			t, err := newBoltTx(a, tx, true)
			if err != nil {
				return err
			}
			defer t.release()
			if err := t.flush(); err != nil {
				return err
			}
			return t.commit()
		})
	})
	if err != nil {
		return a.wrap(err)
	}
	a.pmu.Lock()
	a.pc = nil
	a.pmu.Unlock()
	a.dmu.Lock()
	a.dc = nil
	a.dmu.Unlock()
	tmp := a.path + ".compact"
	os.Remove(tmp)
	if err := a.guard(func() error { return copyTo(db, tmp) }); err != nil {
		os.Remove(tmp)
		return a.wrap(err)
	}
	// Still holding the old file's lock: nobody can have written to it
	// since the copy, and whoever waits for it finds the new file once it
	// gets it.
	if err := os.Rename(tmp, a.path); err != nil {
		os.Remove(tmp)
		return a.wrap(err)
	}
	syncDir(filepath.Dir(a.path))
	if a.shared {
		return nil // done closes the old file
	}
	err = db.Close()
	a.db = nil
	return a.reopen(err)
}

// reopen opens the file again after a compaction; cause is the error of
// closing the old one, if any.
func (a *Archive) reopen(cause error) error {
	db, err := openBolt(a.path, a.bopt, false)
	if err != nil {
		a.closed = true
		return a.wrap(fmt.Errorf("reopening after compaction: %w (cause: %v)", err, cause))
	}
	db.AllocSize = allocSize
	a.db = db
	if fi, err := os.Stat(a.path); err == nil {
		hold(a, fi) // the file held is now the compacted one
	}
	return a.wrap(cause)
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// copiedBuckets are the buckets a compaction copies: all required but the
// pending records, which a file of version 1 does not have.
var copiedBuckets = []struct {
	name     []byte
	required bool
}{{bucketMeta, true}, {bucketDocs, true}, {bucketIDs, true}, {bucketPost, true}, {bucketPending, false}}

// copyTo writes a compacted copy of the archive in src to a new file.
// Every bucket is created, empty ones too (an archive whose documents were
// all removed, or whose documents have no terms), and the copy is checked
// to hold as many records in each bucket but the postings (re-cut into
// segments) as the source before it is used.
func copyTo(src *bolt.DB, path string) error {
	dst, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: DefaultTimeout, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return err
	}
	dst.AllocSize = allocSize
	defer dst.Close()
	w := &copier{db: dst}
	defer w.rollback()
	counts := make(map[string]int)
	err = src.View(func(src *bolt.Tx) error {
		for _, cb := range copiedBuckets {
			b := src.Bucket(cb.name)
			switch {
			case b == nil && cb.required:
				return fmt.Errorf("%w: missing bucket %s", ErrCorrupt, cb.name)
			case b == nil:
				continue
			}
			if err := w.bucket(cb.name); err != nil {
				return err
			}
			if bytes.Equal(cb.name, bucketPost) {
				if err := copyPostings(b, w); err != nil {
					return err
				}
				continue
			}
			n := 0
			err := b.ForEach(func(k, v []byte) error {
				n++
				return w.put(cb.name, k, v)
			})
			if err != nil {
				return err
			}
			counts[string(cb.name)] = n
		}
		return w.commit()
	})
	if err != nil {
		return err
	}
	return dst.View(func(tx *bolt.Tx) error {
		for _, cb := range copiedBuckets {
			b := tx.Bucket(cb.name)
			n, copied := counts[string(cb.name)]
			switch {
			case b == nil && (cb.required || copied):
				return fmt.Errorf("compaction: the copy has no bucket %s", cb.name)
			case copied && b.Stats().KeyN != n:
				return fmt.Errorf("compaction: the copy has %d records in bucket %s, the index %d", b.Stats().KeyN, cb.name, n)
			}
		}
		return nil
	})
}

// copyPostings writes each term's df header and its postings re-cut into
// segments of about compactSegment bytes.
func copyPostings(post *bolt.Bucket, w *copier) error {
	c := post.Cursor()
	var ids []uint32
	var seg []byte
	k, v := c.First()
	for k != nil {
		term, id, ok := splitPostKey(k)
		if !ok || id != 0 {
			return fmt.Errorf("%w: posting without a frequency header (key %x)", ErrCorrupt, k)
		}
		if err := w.put(bucketPost, k, v); err != nil {
			return err
		}
		prefix := bytes.Clone(k[:4])
		ids = ids[:0]
		var err error
		for k, v = c.Next(); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			_, id, _ := splitPostKey(k)
			if ids, err = decodeSegment(ids, id, v); err != nil {
				return err
			}
		}
		for i := 0; i < len(ids); {
			seg = seg[:0]
			base, last := ids[i], ids[i]
			for ; i < len(ids) && len(seg) < compactSegment; i++ {
				seg = appendSegment(seg, last, ids[i:i+1])
				last = ids[i]
			}
			if err := w.put(bucketPost, postKey(term, base), seg); err != nil {
				return err
			}
		}
	}
	return nil
}

// copier writes key-ordered puts into a new database in batches.
type copier struct {
	db   *bolt.DB
	tx   *bolt.Tx
	size int
}

// begin starts a transaction unless one is open, committing the open one
// first once it holds compactBatch bytes.
func (w *copier) begin() error {
	if w.tx != nil && w.size > compactBatch {
		if err := w.commit(); err != nil {
			return err
		}
	}
	if w.tx == nil {
		tx, err := w.db.Begin(true)
		if err != nil {
			return err
		}
		w.tx, w.size = tx, 0
	}
	return nil
}

// bucket creates a bucket, so that it exists even if nothing is put in it.
func (w *copier) bucket(name []byte) error {
	if err := w.begin(); err != nil {
		return err
	}
	_, err := w.tx.CreateBucketIfNotExists(name)
	return err
}

func (w *copier) put(bucket, k, v []byte) error {
	if err := w.begin(); err != nil {
		return err
	}
	b, err := w.tx.CreateBucketIfNotExists(bucket)
	if err != nil {
		return err
	}
	b.FillPercent = 1
	w.size += len(k) + len(v)
	return b.Put(bytes.Clone(k), bytes.Clone(v))
}

func (w *copier) rollback() {
	if w.tx != nil {
		w.tx.Rollback()
		w.tx = nil
	}
}

func (w *copier) commit() error {
	if w.tx == nil {
		return nil
	}
	err := w.tx.Commit()
	w.tx = nil
	return err
}
