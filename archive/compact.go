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
// either the old file or the new one, both whole. Views and updates wait
// while it runs. An archive in memory has nothing to compact.
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
	if a.shared {
		db, done, err := a.handle(true)
		if err != nil {
			return a.wrap(err)
		}
		a.db = db
		defer func() {
			if a.db != nil {
				a.db.Close()
				a.db = nil
			}
			done()
		}()
	}
	// Merge the pending postings first, so that the copy has none.
	err := a.guard(func() error {
		return a.db.Update(func(tx *bolt.Tx) error {
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
	if err := a.guard(func() error { return a.copyTo(tmp) }); err != nil {
		os.Remove(tmp)
		return a.wrap(err)
	}
	if err := a.db.Close(); err != nil {
		os.Remove(tmp)
		return a.wrap(err)
	}
	a.db = nil
	if err := os.Rename(tmp, a.path); err != nil {
		os.Remove(tmp)
		return a.reopen(err)
	}
	syncDir(filepath.Dir(a.path))
	return a.reopen(nil)
}

// reopen opens the file again after a compaction; cause is the error that
// stopped the compaction, if any.
func (a *Archive) reopen(cause error) error {
	db, err := openBolt(a.path, a.bopt)
	if err != nil {
		a.closed = true
		return a.wrap(fmt.Errorf("reopening after compaction: %w (cause: %v)", err, cause))
	}
	db.AllocSize = allocSize
	a.db = db
	return a.wrap(cause)
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// copyTo writes a compacted copy of the archive to a new file.
func (a *Archive) copyTo(path string) error {
	dst, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: DefaultTimeout, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return err
	}
	dst.AllocSize = allocSize
	defer dst.Close()
	w := &copier{db: dst}
	defer w.rollback()
	return a.db.View(func(src *bolt.Tx) error {
		for _, name := range [][]byte{bucketMeta, bucketDocs, bucketIDs} {
			b := src.Bucket(name)
			if b == nil {
				return fmt.Errorf("%w: missing bucket %s", ErrCorrupt, name)
			}
			if err := b.ForEach(func(k, v []byte) error { return w.put(name, k, v) }); err != nil {
				return err
			}
		}
		post := src.Bucket(bucketPost)
		if post == nil {
			return fmt.Errorf("%w: missing bucket %s", ErrCorrupt, bucketPost)
		}
		if err := copyPostings(post, w); err != nil {
			return err
		}
		return w.commit()
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

func (w *copier) put(bucket, k, v []byte) error {
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
