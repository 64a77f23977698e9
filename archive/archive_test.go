package archive

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestAddAndRemove(t *testing.T) {
	for name, a := range backends(t) {
		t.Run(name, func(t *testing.T) {
			docs := corpusDocs(t)
			var ref reference
			for i, first := range addAll(t, a, docs) {
				ref.add(first, docs[i])
			}
			ref.check(t, a)

			// Document lookup returns the units in order, whole.
			err := a.View(func(tx Tx) error {
				d, recs, ok, err := tx.Doc(docs[1].doc.ID)
				if err != nil || !ok {
					t.Fatalf("Doc(%q) = %v, %v", docs[1].doc.ID, ok, err)
				}
				if d != docs[1].doc {
					t.Errorf("Doc(%q) = %+v, want %+v", docs[1].doc.ID, d, docs[1].doc)
				}
				var units []Unit
				for _, r := range recs {
					units = append(units, r.Unit)
				}
				if !slices.Equal(units, docs[1].units) {
					t.Errorf("Doc(%q) units = %+v, want %+v", docs[1].doc.ID, units, docs[1].units)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}

			// Remove two documents, one of them twice.
			for _, id := range []string{docs[1].doc.ID, docs[3].doc.ID, docs[1].doc.ID} {
				var removed bool
				err := a.Update(func(tx Tx) (err error) {
					removed, err = tx.RemoveDoc(id, terms)
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
				_, was := ref.units[firstOf(ref, id)]
				if removed != was {
					t.Errorf("RemoveDoc(%q) = %v, want %v", id, removed, was)
				}
				ref.remove(id)
			}
			ref.check(t, a)

			// Adding after removing gives fresh ids.
			again := split("again", docs[1].units[0].Text+"\n\n"+docs[0].units[0].Text)
			first := addAll(t, a, []testDoc{again})[0]
			if want := uint32(1); first <= want {
				t.Errorf("first id after removal = %d, want a fresh id", first)
			}
			ref.add(first, again)
			ref.check(t, a)
		})
	}
}

func firstOf(r reference, id string) uint32 {
	for k, u := range r.units {
		if u.Doc.ID == id {
			return k
		}
	}
	return 0
}

func TestAddExisting(t *testing.T) {
	for name, a := range backends(t) {
		t.Run(name, func(t *testing.T) {
			docs := corpusDocs(t)
			addAll(t, a, docs[:1])
			err := a.Update(func(tx Tx) error {
				_, err := tx.AddDoc(docs[0].doc, docs[0].units, docs[0].terms)
				return err
			})
			if !errors.Is(err, ErrExists) {
				t.Errorf("adding %q twice: %v, want ErrExists", docs[0].doc.ID, err)
			}
		})
	}
}

// TestRollback: an update whose function fails leaves nothing behind.
func TestRollback(t *testing.T) {
	for name, a := range backends(t) {
		t.Run(name, func(t *testing.T) {
			docs := corpusDocs(t)
			var ref reference
			for i, first := range addAll(t, a, docs[:2]) {
				ref.add(first, docs[i])
			}
			var before Stats
			a.View(func(tx Tx) error { before = tx.Stats(); return nil })
			boom := errors.New("boom")
			err := a.Update(func(tx Tx) error {
				if _, err := tx.AddDoc(docs[2].doc, docs[2].units, docs[2].terms); err != nil {
					return err
				}
				if _, err := tx.RemoveDoc(docs[0].doc.ID, terms); err != nil {
					return err
				}
				if _, err := tx.AddDoc(docs[3].doc, docs[3].units, docs[3].terms); err != nil {
					return err
				}
				return boom
			})
			if !errors.Is(err, boom) {
				t.Fatalf("Update = %v, want %v", err, boom)
			}
			var after Stats
			a.View(func(tx Tx) error { after = tx.Stats(); return nil })
			if after != before {
				t.Errorf("Stats after rollback = %+v, want %+v", after, before)
			}
			ref.check(t, a)
		})
	}
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.ndx")
	a, err := Open(path, Options{Params: testParams})
	if err != nil {
		t.Fatal(err)
	}
	docs := corpusDocs(t)
	var ref reference
	for i, first := range addAll(t, a, docs) {
		ref.add(first, docs[i])
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := a.View(func(Tx) error { return nil }); !errors.Is(err, ErrClosed) {
		t.Errorf("View after Close = %v, want ErrClosed", err)
	}

	// Read-only, with the parameters adopted.
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Params() != testParams {
		t.Errorf("Params() = %+v, want %+v", r.Params(), testParams)
	}
	ref.check(t, r)
	err = r.Update(func(Tx) error { return nil })
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("Update on a read-only index = %v, want ErrReadOnly", err)
	}
	r.Close()
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.ndx")
	a, err := Open(good, Options{Params: testParams})
	if err != nil {
		t.Fatal(err)
	}
	addAll(t, a, corpusDocs(t)[:1])
	a.Close()

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	boltFile := func(name string, fn func(tx *bolt.Tx) error) string {
		p := filepath.Join(dir, name)
		db, err := bolt.Open(p, 0o644, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(fn); err != nil {
			t.Fatal(err)
		}
		db.Close()
		return p
	}
	goodBytes, _ := os.ReadFile(good)
	copyGood := func(name string, fn func(tx *bolt.Tx) error) string {
		p := write(name, goodBytes)
		db, err := bolt.Open(p, 0o644, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(fn); err != nil {
			t.Fatal(err)
		}
		db.Close()
		return p
	}

	tests := []struct {
		name    string
		path    string
		opt     Options
		want    error
		message string
	}{
		{"missing read-only", filepath.Join(dir, "none.ndx"), Options{ReadOnly: true}, ErrNotExist, "no index"},
		{"missing without params", filepath.Join(dir, "none.ndx"), Options{}, ErrNotExist, "no index"},
		{"memory without params", "", Options{Params: Params{Language: "english"}}, nil, "needs language, unit and features"},
		{"text file", write("text.ndx", []byte(strings.Repeat("not an index\n", 600))), Options{}, ErrCorrupt, "not a neardup index"},
		{"truncated", write("short.ndx", goodBytes[:100]), Options{}, ErrCorrupt, "corrupt"},
		{"other bolt database", boltFile("other.ndx", func(tx *bolt.Tx) error {
			_, err := tx.CreateBucket([]byte("stuff"))
			return err
		}), Options{}, ErrCorrupt, "no meta bucket"},
		{"newer version", copyGood("newer.ndx", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put(keyVersion, binaryUvarint(Version+1))
		}), Options{}, ErrVersion, fmt.Sprintf("format version %d, this neardup reads version %d", Version+1, Version)},
		{"bad counters", copyGood("counters.ndx", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put(keyCounters, []byte{0xff})
		}), Options{}, ErrCorrupt, "counters"},
		{"other language", good, Options{Params: Params{Language: "spanish"}}, ErrMismatch, `built with language "english", this run uses "spanish"`},
		{"other unit", good, Options{Params: Params{Unit: "sentence"}}, ErrMismatch, `built with unit "paragraph"`},
		{"other features", good, Options{Params: Params{Features: "other/2"}}, ErrMismatch, `features "test-terms/1"`},
		{"directory", dir, Options{}, nil, "is a directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Open(tc.path, tc.opt)
			if err == nil {
				a.Close()
				t.Fatalf("Open(%q) succeeded, want an error", tc.path)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("Open(%q) = %v, want %v", tc.path, err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.message) {
				t.Errorf("Open(%q) = %q, want it to say %q", tc.path, err, tc.message)
			}
			if tc.path != "" && !strings.Contains(err.Error(), tc.path) {
				t.Errorf("Open(%q) = %q, want it to name the file", tc.path, err)
			}
		})
	}
}

// TestSegments adds one unit at a time so that common terms span many
// segments, removes every third document, and checks the postings against
// the reference before and after compaction.
func TestSegments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.ndx")
	a, err := Open(path, Options{Params: testParams, NoSync: true, PendingLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var ref reference
	var ids []string
	text := article(t)
	paras := strings.Split(text, "\n\n")
	for i := 0; i < 400; i++ {
		p := paras[i%len(paras)] + " the common word"
		d := split("d"+strings.Repeat("x", i%3)+string(rune('0'+i%10))+"-"+itoa(i), p)
		ref.add(addAll(t, a, []testDoc{d})[0], d)
		ids = append(ids, d.doc.ID)
	}
	common := terms("common")[0]
	err = a.View(func(tx Tx) error {
		c := tx.(*boltTx).post.Cursor()
		n := 0
		for k, _ := c.Seek(postKey(common, 0)); k != nil; k, _ = c.Next() {
			if term, _, _ := splitPostKey(k); term != common {
				break
			}
			n++
		}
		if n < 2 {
			t.Errorf("term in 400 units has %d keys, want a header and more segments", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(ids); i += 3 {
		if err := a.Update(func(tx Tx) error { _, err := tx.RemoveDoc(ids[i], terms); return err }); err != nil {
			t.Fatal(err)
		}
		ref.remove(ids[i])
	}
	ref.check(t, a)
	before, _ := os.Stat(path)
	if err := a.Compact(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(path)
	if after.Size() > before.Size() {
		t.Errorf("compaction grew the file from %d to %d bytes", before.Size(), after.Size())
	}
	ref.check(t, a)
	// Still writable after compaction.
	d := split("after-compaction", paras[0])
	ref.add(addAll(t, a, []testDoc{d})[0], d)
	ref.check(t, a)
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// TestConcurrent runs readers while a writer adds and removes; run with
// -race.
func TestConcurrent(t *testing.T) {
	for name, a := range backends(t) {
		t.Run(name, func(t *testing.T) {
			docs := corpusDocs(t)
			addAll(t, a, docs[:1])
			probe := docs[0].terms[0][0]
			var wg sync.WaitGroup
			stop := make(chan struct{})
			for r := 0; r < 4; r++ {
				wg.Go(func() {
					for {
						select {
						case <-stop:
							return
						default:
						}
						err := a.View(func(tx Tx) error {
							ids, err := tx.Postings(probe, nil)
							if err != nil {
								return err
							}
							df, err := tx.DocFreq(probe)
							if err != nil {
								return err
							}
							if df != len(ids) || len(ids) == 0 {
								t.Errorf("DocFreq = %d with %d postings", df, len(ids))
							}
							for _, id := range ids {
								if _, ok, err := tx.Unit(id); !ok || err != nil {
									t.Errorf("posting %d has no unit: %v", id, err)
								}
							}
							return nil
						})
						if err != nil {
							t.Error(err)
							return
						}
					}
				})
			}
			for i := 0; i < 30; i++ {
				d := docs[1+i%(len(docs)-1)]
				d.doc.ID = d.doc.ID + "-" + itoa(i)
				addAll(t, a, []testDoc{d})
				if i%2 == 1 {
					err := a.Update(func(tx Tx) error { _, err := tx.RemoveDoc(d.doc.ID, terms); return err })
					if err != nil {
						t.Fatal(err)
					}
				}
			}
			close(stop)
			wg.Wait()
			if err := a.Verify(terms); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestLocked: while another process has the file open for writing, an
// open waits for the lock, then fails with an error that says so. The
// other process is this test binary run as lockHolder.
func TestLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.ndx")
	w, err := Open(path, Options{Params: testParams})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHolder$")
	cmd.Env = append(os.Environ(), "NEARDUP_HOLD="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "holding\n" {
		t.Fatalf("lock holder: %q, %v", line, err)
	}
	for _, ro := range []bool{true, false} {
		start := time.Now()
		a, err := Open(path, Options{ReadOnly: ro, Timeout: 200 * time.Millisecond})
		if err == nil {
			a.Close()
			t.Fatalf("Open(read-only %v) while another process holds the file for writing succeeded", ro)
		}
		if !strings.Contains(err.Error(), "locked by another process") || time.Since(start) < 100*time.Millisecond { // bbolt retries every 50 ms and gives up one retry early
			t.Errorf("Open(read-only %v) = %v after %v, want a lock error after the timeout", ro, err, time.Since(start))
		}
	}
}

// TestLockHolder is TestLocked's other process: with NEARDUP_HOLD set, it
// opens that archive for writing, says so, and holds it until its
// standard input closes.
func TestLockHolder(t *testing.T) {
	path := os.Getenv("NEARDUP_HOLD")
	if path == "" {
		t.Skip("the other process of TestLocked")
	}
	a, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	fmt.Println("holding")
	io.Copy(io.Discard, os.Stdin)
}

// TestOpenTwiceHere: an open of a file that this process holds (for
// writing, or read-only while this one writes) waits for the lock like any
// other, and when it times out says the index is open in this process,
// not in another; one freed by a Close in time succeeds; two read-only
// opens share the file; and after a compaction the hold follows the
// compacted file, not the old one.
func TestOpenTwiceHere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.ndx")
	w, err := Open(path, Options{Params: testParams})
	if err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{true, false} {
		a, err := Open(path, Options{ReadOnly: ro, Timeout: 150 * time.Millisecond})
		if err == nil {
			a.Close()
			t.Fatalf("Open(read-only %v) while this process writes succeeded", ro)
		}
		if !strings.Contains(err.Error(), "open in this process already") || !errors.Is(err, bolt.ErrTimeout) {
			t.Errorf("Open(read-only %v) = %v, want a timeout saying the file is open in this process", ro, err)
		}
	}
	go func() {
		time.Sleep(100 * time.Millisecond)
		w.Close()
	}()
	s, err := Open(path, Options{Shared: true, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("a Shared open while another closes the file: %v", err)
	}
	s.Close()
	r1, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a second read-only open: %v", err)
	}
	r2.Close()
	if _, err := Open(path, Options{Timeout: -1}); err == nil || !strings.Contains(err.Error(), "open in this process already") {
		t.Errorf("Open for writing while this process reads: %v, want the in-process error", err)
	}
	r1.Close()

	c, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Compact(); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{Timeout: -1}); err == nil || !strings.Contains(err.Error(), "open in this process already") {
		t.Errorf("Open after Compact while this process holds the compacted file: %v, want the in-process error", err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	held.Lock()
	fi := held.files[c]
	held.Unlock()
	if fi == nil || !os.SameFile(fi, st) {
		t.Errorf("after Compact the archive holds %v, want the compacted file", fi)
	}
}

// TestShared: an archive opened Shared holds the file only during its
// transactions, so another process (here, another open of the file) can
// read between them; while the other holds the file, the shared
// archive's transaction waits for it, then fails with a lock error.
func TestShared(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.ndx")
	w, err := Open(path, Options{Params: testParams, Shared: true, NoSync: true, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	docs := corpusDocs(t)
	var ref reference
	for i, first := range addAll(t, w, docs[:2]) {
		ref.add(first, docs[i])
	}

	r, err := Open(path, Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("read-only open between the shared archive's transactions: %v", err)
	}
	ref.check(t, r)
	err = w.Update(func(tx Tx) error {
		_, err := tx.AddDoc(docs[2].doc, docs[2].units, docs[2].terms)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "locked by another process") {
		t.Errorf("write while a reader holds the file = %v, want a lock error", err)
	}
	r.Close()

	for i, first := range addAll(t, w, docs[2:4]) {
		ref.add(first, docs[2+i])
	}
	ref.check(t, w)
	if err := w.Compact(); err != nil {
		t.Fatal(err)
	}
	ref.check(t, w)
	r, err = Open(path, Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("read-only open after compaction: %v", err)
	}
	ref.check(t, r)
	r.Close()
}
