package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestCompactEmptyBuckets compacts archives with empty buckets: every
// document removed (docs, ids and post empty), and a document without
// units (post empty). The compacted file opens, verifies, keeps its
// documents and takes new ones, read-write and shared.
func TestCompactEmptyBuckets(t *testing.T) {
	docs := corpusDocs(t)
	for _, shared := range []bool{false, true} {
		t.Run(fmt.Sprint("shared=", shared), func(t *testing.T) {
			dir := t.TempDir()
			open := func(path string) *Archive {
				t.Helper()
				a, err := Open(path, Options{Params: testParams, NoSync: true, Shared: shared})
				if err != nil {
					t.Fatal(err)
				}
				return a
			}

			// Every document removed.
			path := filepath.Join(dir, "empty.ndx")
			a := open(path)
			addAll(t, a, docs[:1])
			if err := a.Update(func(tx Tx) error {
				_, err := tx.RemoveDoc(docs[0].doc.ID, terms)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if err := a.Compact(); err != nil {
				t.Fatal(err)
			}
			var ref reference
			ref.check(t, a)
			for i, first := range addAll(t, a, docs[1:3]) {
				ref.add(first, docs[1+i])
			}
			ref.check(t, a)
			a.Close()
			a = open(path)
			ref.check(t, a)
			a.Close()

			// A document without units, and nothing else.
			path = filepath.Join(dir, "stop.ndx")
			a = open(path)
			bare := testDoc{doc: Doc{ID: "stop.txt", Path: "stop.txt"}, units: []Unit{}, terms: [][]uint32{}}
			addAll(t, a, []testDoc{bare})
			if err := a.Compact(); err != nil {
				t.Fatal(err)
			}
			a.Close()
			a = open(path)
			defer a.Close()
			err := a.View(func(tx Tx) error {
				if st := tx.Stats(); st.Docs != 1 {
					t.Errorf("after compaction, %d documents, want 1", st.Docs)
				}
				d, _, ok, err := tx.Doc("stop.txt")
				if err != nil || !ok || d.Path != "stop.txt" {
					t.Errorf("Doc(stop.txt) after compaction = %+v, %v, %v", d, ok, err)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := a.Verify(terms); err != nil {
				t.Error(err)
			}
			addAll(t, a, docs[:1])
		})
	}
}

// TestCompactWhileOthersWrite compacts a file again and again while two
// shared archives (as other processes: each open of the file has its own
// lock) add documents to it one commit at a time. Every add that
// succeeded is in the file at the end: none went to a file that a
// compaction had replaced.
func TestCompactWhileOthersWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.ndx")
	docs := corpusDocs(t)
	c, err := Open(path, Options{Params: testParams, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	seed := docs[0]
	seed.doc.ID = "seed"
	addAll(t, c, []testDoc{seed})
	c.Close()
	const writers, each = 2, 60
	var wg sync.WaitGroup
	stop := make(chan struct{})
	added := make([][]string, writers)
	for w := range writers {
		wg.Go(func() {
			a, err := Open(path, Options{Shared: true, NoSync: true, Timeout: 20 * time.Second})
			if err != nil {
				t.Error(err)
				return
			}
			defer a.Close()
			for i := range each {
				d := docs[(w*each+i)%len(docs)]
				d.doc.ID = fmt.Sprintf("w%d-%d", w, i)
				err := a.Update(func(tx Tx) error {
					_, err := tx.AddDoc(d.doc, d.units, d.terms)
					return err
				})
				if err != nil {
					t.Error(err)
					return
				}
				added[w] = append(added[w], d.doc.ID)
			}
		})
	}
	go func() {
		wg.Wait()
		close(stop)
	}()
	compactions := 0
	for done := false; !done; {
		select {
		case <-stop:
			done = true
		default:
		}
		a, err := Open(path, Options{Timeout: 20 * time.Second, NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Compact(); err != nil {
			t.Fatal(err)
		}
		a.Close()
		compactions++
	}
	a, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	missing := 0
	err = a.View(func(tx Tx) error {
		for _, ids := range added {
			for _, id := range ids {
				if _, _, ok, err := tx.Doc(id); err != nil {
					return err
				} else if !ok {
					missing++
				}
			}
		}
		if st := tx.Stats(); st.Docs != int64(1+len(added[0])+len(added[1])) {
			t.Errorf("%d documents in the file, 1+%d added", st.Docs, len(added[0])+len(added[1]))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if missing > 0 {
		t.Errorf("%d of the %d documents added are not in the file after %d compactions", missing, len(added[0])+len(added[1]), compactions)
	}
	if err := a.Verify(terms); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(path + ".compact"); err == nil {
		t.Error("the compaction's copy was left behind")
	}
	t.Logf("%d compactions", compactions)
}
