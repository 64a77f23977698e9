package neardup_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/archive"
	"github.com/neardup/neardup/corpus"
	bolt "go.etcd.io/bbolt"
)

// ixRead reads documents from files.
func ixRead(t testing.TB, paths ...string) []corpus.Document {
	t.Helper()
	var docs []corpus.Document
	err := corpus.Read(paths, nil, corpus.Options{}, func(d *corpus.Document) error {
		docs = append(docs, *d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// ixParagraphs returns the paragraphs of the bundled article that have at
// least ten words, in order.
func ixParagraphs(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/cambodia-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, u := range corpus.SplitText(string(b), corpus.Paragraph) {
		if len(strings.Fields(u.Text)) >= 10 {
			out = append(out, u.Text)
		}
	}
	return out
}

// ixDoc makes a text document of paragraphs.
func ixDoc(id string, paras ...string) corpus.Document {
	return corpus.Document{ID: id, Path: id, Format: corpus.Text, Text: strings.Join(paras, "\n\n") + "\n"}
}

func ixOpen(t testing.TB, path string, opt neardup.IndexOptions) *neardup.Index {
	t.Helper()
	opt.NoSync = true
	ix, err := neardup.OpenIndex(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// ixBoth returns an index in memory and one in a file.
func ixBoth(t *testing.T, opt neardup.IndexOptions) map[string]*neardup.Index {
	return map[string]*neardup.Index{
		"memory": ixOpen(t, "", opt),
		"file":   ixOpen(t, filepath.Join(t.TempDir(), "a.ndx"), opt),
	}
}

func TestOpenIndexRecordsOptions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.ndx")
	ix := ixOpen(t, path, neardup.IndexOptions{Unit: corpus.Sentence})
	if err := ix.Add(context.Background(), ixRead(t, "testdata/coffee/wire-original.txt")...); err != nil {
		t.Fatal(err)
	}
	ix.Close()

	tests := []struct {
		name string
		path string
		opt  neardup.IndexOptions
		want error
		msg  string
	}{
		{"other unit", path, neardup.IndexOptions{Unit: corpus.Paragraph}, archive.ErrMismatch, `unit "sentence"`},
		{"other language", path, neardup.IndexOptions{Language: "french"}, archive.ErrMismatch, `language "english"`},
		{"missing read-only", filepath.Join(t.TempDir(), "none.ndx"), neardup.IndexOptions{ReadOnly: true}, archive.ErrNotExist, "none.ndx"},
		{"bad seen kind", path, neardup.IndexOptions{SeenKind: "boilerplate"}, nil, "seen kind"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ix, err := neardup.OpenIndex(tc.path, tc.opt)
			if err == nil {
				ix.Close()
				t.Fatalf("OpenIndex(%+v) succeeded, want an error", tc.opt)
			}
			if tc.want != nil && !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("OpenIndex(%+v) = %v, want %v saying %q", tc.opt, err, tc.want, tc.msg)
			}
		})
	}

	// Zero options adopt what the index was built with.
	ro := ixOpen(t, path, neardup.IndexOptions{ReadOnly: true})
	if got := ro.Options(); got.Unit != corpus.Sentence || got.Language != "english" {
		t.Errorf("Options() = unit %q, language %q; want sentence, english", got.Unit, got.Language)
	}
	if err := ro.Add(context.Background(), ixDoc("x", "some text")); !errors.Is(err, archive.ErrReadOnly) {
		t.Errorf("Add on a read-only index = %v, want ErrReadOnly", err)
	}
}

// TestOpenIndexMustExist: with MustExist a missing index is an error and
// no file is created; an existing one opens for writing.
func TestOpenIndexMustExist(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.ndx")
	if ix, err := neardup.OpenIndex(missing, neardup.IndexOptions{MustExist: true}); !errors.Is(err, archive.ErrNotExist) {
		if ix != nil {
			ix.Close()
		}
		t.Errorf("OpenIndex(missing, MustExist) = %v, want ErrNotExist", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("OpenIndex(missing, MustExist) left a file: %v", err)
	}
	path := filepath.Join(dir, "a.ndx")
	ixOpen(t, path, neardup.IndexOptions{}).Close()
	ix := ixOpen(t, path, neardup.IndexOptions{MustExist: true})
	must(t, ix.Add(context.Background(), ixDoc("a", ixParagraphs(t)[0])))
}

// TestRefusedOpenWritesNothing: an index of format version 1 built by
// another analyser (its features) is refused for writing with a "rebuild"
// error, and the refused open leaves the file as it was: still version 1,
// byte for byte. (The archive upgrades a version 1 file with its first
// write, not when it opens it.)
func TestRefusedOpenWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.ndx")
	ix := ixOpen(t, path, neardup.IndexOptions{})
	must(t, ix.Add(context.Background(), ixDoc("a", ixParagraphs(t)[0])))
	must(t, ix.Close())
	db, err := bolt.Open(path, 0o644, nil)
	must(t, err)
	err = db.Update(func(tx *bolt.Tx) error {
		m := tx.Bucket([]byte("meta"))
		m.Put([]byte("params"), []byte(`{"language":"english","unit":"paragraph","features":"score-terms/1 0123456789abcdef"}`))
		c, v1 := m.Get([]byte("counters")), []byte(nil)
		for range 6 { // version 1 has six counters
			x, n := binary.Uvarint(c)
			c = c[n:]
			v1 = binary.AppendUvarint(v1, x)
		}
		m.Put([]byte("counters"), v1)
		if err := tx.DeleteBucket([]byte("pend")); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
			return err
		}
		return m.Put([]byte("version"), binary.AppendUvarint(nil, 1))
	})
	must(t, err)
	must(t, db.Close())
	before, err := os.ReadFile(path)
	must(t, err)
	for _, tc := range []struct {
		name string
		opt  neardup.IndexOptions
	}{{"read-write", neardup.IndexOptions{}}, {"shared", neardup.IndexOptions{Shared: true}}, {"read-only", neardup.IndexOptions{ReadOnly: true}}} {
		ix, err := neardup.OpenIndex(path, tc.opt)
		if err == nil {
			ix.Close()
			t.Fatalf("OpenIndex(%s) of an index built by another analyser succeeded", tc.name)
		}
		if !errors.Is(err, archive.ErrMismatch) || !strings.Contains(err.Error(), "rebuild") {
			t.Errorf("OpenIndex(%s) = %v, want ErrMismatch saying to rebuild", tc.name, err)
		}
		after, err := os.ReadFile(path)
		must(t, err)
		if !bytes.Equal(before, after) {
			t.Errorf("the refused OpenIndex(%s) changed the file", tc.name)
			before = after
		}
	}
}

// TestAddReplaceRemove: adding a document under an id it already has
// replaces it; removing it removes it from checks.
func TestAddReplaceRemove(t *testing.T) {
	paras := ixParagraphs(t)
	ctx := context.Background()
	for name, ix := range ixBoth(t, neardup.IndexOptions{}) {
		t.Run(name, func(t *testing.T) {
			must(t, ix.Add(ctx, ixDoc("a", paras[0], paras[1]), ixDoc("b", paras[2])))
			must(t, ix.Add(ctx, ixDoc("a", paras[3])))
			st, err := ix.Stats()
			must(t, err)
			if st.Docs != 2 || st.Units != 2 {
				t.Errorf("after replacing a: %d documents, %d units; want 2, 2", st.Docs, st.Units)
			}
			found := matchedDocs(t, ix, ixDoc("draft", paras[0], paras[3]))
			if want := []string{"a"}; !slices.Equal(found, want) {
				t.Errorf("documents matched after replacing a = %v, want %v (paragraph 3 only)", found, want)
			}
			ok, err := ix.Remove(ctx, "a")
			if !ok || err != nil {
				t.Fatalf("Remove(a) = %v, %v", ok, err)
			}
			if ok, _ := ix.Remove(ctx, "a"); ok {
				t.Errorf("Remove(a) twice = true")
			}
			if found := matchedDocs(t, ix, ixDoc("draft", paras[3])); len(found) != 0 {
				t.Errorf("documents matched after removing a = %v, want none", found)
			}
			if ok, _ := ix.Contains("b"); !ok {
				t.Errorf("Contains(b) = false")
			}
			must(t, ix.Verify(ctx))
		})
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// matchedDocs checks draft against the archive only and returns the ids
// of the archive documents of its duplicate findings, sorted.
func matchedDocs(t *testing.T, ix *neardup.Index, draft corpus.Document) []string {
	t.Helper()
	res, err := ix.Check(context.Background(), []corpus.Document{draft}, neardup.CheckOptions{Scope: neardup.ScopeAcross})
	must(t, err)
	var ids []string
	for _, f := range res.Findings {
		if f.Kind == neardup.Duplicate {
			ids = append(ids, f.Match.Doc)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// variant makes a near-identical copy of a paragraph: case, spacing and
// punctuation changed, as a re-published page does (no number changes,
// so the scorer's duplicate rule applies).
func variant(p string, k int) string {
	switch k % 4 {
	case 1:
		return strings.ToUpper(p[:1]) + p[1:] + " "
	case 2:
		return strings.ReplaceAll(p, ", ", " , ")
	case 3:
		return strings.ReplaceAll(strings.ReplaceAll(p, ".", "!"), "  ", " ")
	}
	return p
}

// TestCheckAndAddConcurrent: goroutines add overlapping near-duplicate
// documents at once; every group of near-duplicates keeps exactly one
// document added ("first seen"), whatever the interleaving. Run with
// -race.
func TestCheckAndAddConcurrent(t *testing.T) {
	paras := ixParagraphs(t)
	// Groups of three consecutive paragraphs, skipping the article's own
	// repeated paragraphs so that groups do not overlap.
	var groups [][]string
	used := map[string]bool{}
	for i := 0; i+3 <= len(paras) && len(groups) < 6; i += 3 {
		g := paras[i : i+3]
		if used[g[0]] || used[g[1]] || used[g[2]] || strings.Contains(strings.Join(g, " "), "pillar") {
			continue
		}
		for _, p := range g {
			used[p] = true
		}
		groups = append(groups, g)
	}
	const workers, variants = 8, 3
	indexes := map[string]*neardup.Index{}
	for name, ix := range ixBoth(t, neardup.IndexOptions{}) {
		indexes[name] = ix
	}
	for name, ix := range ixBoth(t, neardup.IndexOptions{AsyncCommit: true}) {
		indexes[name+"-async"] = ix
	}
	for name, ix := range indexes {
		t.Run(name, func(t *testing.T) {
			type job struct{ group, variant int }
			var jobs []job
			for g := range groups {
				for v := 0; v < variants; v++ {
					jobs = append(jobs, job{g, v})
				}
			}
			added := make([][]string, len(groups))
			var mu sync.Mutex
			var wg sync.WaitGroup
			for w := 0; w < workers; w++ {
				order := slices.Clone(jobs)
				rand.New(rand.NewPCG(uint64(w), 7)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
				wg.Go(func() {
					for _, j := range order {
						var ps []string
						for _, p := range groups[j.group] {
							ps = append(ps, variant(p, j.variant+w))
						}
						id := fmt.Sprintf("g%d-v%d-w%d", j.group, j.variant, w)
						_, ok, err := ix.CheckAndAdd(context.Background(), ixDoc(id, ps...))
						if err != nil {
							t.Error(err)
							return
						}
						if ok {
							mu.Lock()
							added[j.group] = append(added[j.group], id)
							mu.Unlock()
						}
					}
				})
			}
			wg.Wait()
			for g, ids := range added {
				if len(ids) != 1 {
					t.Errorf("group %d: added %v, want exactly one first seen", g, ids)
				}
			}
			must(t, ix.Flush(context.Background()))
			st, err := ix.Stats()
			must(t, err)
			if st.Docs != int64(len(groups)) {
				t.Errorf("index holds %d documents, want %d (one per group)", st.Docs, len(groups))
			}
			must(t, ix.Verify(context.Background()))
		})
	}
}

// TestCheckAndAddSeen: a page seen before is reported and not added; a new
// one is added.
func TestCheckAndAddSeen(t *testing.T) {
	paras := ixParagraphs(t)
	ix := ixOpen(t, "", neardup.IndexOptions{})
	ctx := context.Background()
	_, ok, err := ix.CheckAndAdd(ctx, ixDoc("first", paras[0], paras[1], paras[2]))
	if !ok || err != nil {
		t.Fatalf("CheckAndAdd(first) = %v, %v; want added", ok, err)
	}
	res, ok, err := ix.CheckAndAdd(ctx, ixDoc("again", variant(paras[0], 1), paras[1], paras[9]))
	if ok || err != nil {
		t.Fatalf("CheckAndAdd(again) = %v, %v; want seen", ok, err)
	}
	if len(res.Findings) < 2 || res.Findings[0].Match.Doc != "first" || res.Findings[0].Kind != neardup.Duplicate {
		t.Errorf("CheckAndAdd(again) findings = %+v, want duplicates of first", res.Findings)
	}
	_, ok, err = ix.CheckAndAdd(ctx, ixDoc("new", paras[10], paras[11]))
	if !ok || err != nil {
		t.Errorf("CheckAndAdd(new) = %v, %v; want added", ok, err)
	}
	if ok, _ := ix.Contains("again"); ok {
		t.Errorf("Contains(again) = true for a page seen before")
	}
	// A page crawled again under its own id matches its stored version
	// (Check would leave that out) and is not added.
	res, ok, err = ix.CheckAndAdd(ctx, ixDoc("first", paras[0], paras[1], paras[2]))
	if ok || err != nil || len(res.Findings) == 0 || res.Findings[0].Match.Doc != "first" {
		t.Errorf("CheckAndAdd(first again) = %v, %v, %+v; want seen, matching its stored self", ok, err, res.Findings)
	}
}

// TestKilledAdd kills a process in the middle of adding documents in
// batches, several times over at random moments (mostly inside a batch's
// analysis or commit), and checks each time that the index opens, is
// consistent, and holds every batch the process reported committed: a
// prefix of the documents, in order. In the async mode the child offers
// the documents one by one to CheckAndAdd with AsyncCommit and reports
// after each Flush: what it flushed must be there, and what the background
// commits added besides must still be a prefix (documents are committed
// in the order they are staged).
func TestKilledAdd(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	for _, mode := range []string{"add", "async"} {
		t.Run(mode, func(t *testing.T) { testKilledAdd(t, mode) })
	}
}

func testKilledAdd(t *testing.T, mode string) {
	path := filepath.Join(t.TempDir(), "killed.ndx")
	rng := rand.New(rand.NewPCG(5, 5))
	for round := 0; round < 4; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledAddChild$")
		cmd.Env = append(os.Environ(), "NEARDUP_KILLED_ADD="+path, "NEARDUP_KILLED_MODE="+mode)
		out, err := cmd.StdoutPipe()
		must(t, err)
		must(t, cmd.Start())
		// Wait for two commits, to learn how long a batch takes, then kill
		// at a random moment of the next one.
		committed := -1
		var times []time.Time
		sc := bufio.NewScanner(out)
		for len(times) < 2 && sc.Scan() {
			if n, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
				fmt.Sscan(n, &committed)
				times = append(times, time.Now())
			}
		}
		if len(times) == 2 {
			period := times[1].Sub(times[0])
			time.Sleep(time.Duration(rng.Int64N(int64(period) + 1)))
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if committed < 0 {
			t.Fatalf("round %d: the child committed nothing", round)
		}

		ix, err := neardup.OpenIndex(path, neardup.IndexOptions{})
		must(t, err)
		must(t, ix.Verify(context.Background()))
		st, err := ix.Stats()
		must(t, err)
		if st.Docs < int64(committed) || mode == "add" && st.Docs%killedBatch != 0 {
			t.Errorf("round %d: index holds %d documents; the child had committed %d, in batches of %d", round, st.Docs, committed, killedBatch)
		}
		for i := 0; i < int(st.Docs)+killedBatch; i++ {
			ok, err := ix.Contains(fmt.Sprintf("doc-%d", i))
			must(t, err)
			if want := i < int(st.Docs); ok != want {
				t.Errorf("round %d: Contains(doc-%d) = %v, want %v (documents are committed in order)", round, i, ok, want)
			}
		}
		t.Logf("round %d: killed after %d committed documents; index holds %d", round, committed, st.Docs)
		must(t, ix.Close())
	}
}

const killedBatch = 20

// TestKilledAddChild is the child of TestKilledAdd: it adds documents
// after those the index holds, until killed, printing the count after
// every commit (add mode: a batch by Add; async mode: killedBatch
// CheckAndAdds, then Flush).
func TestKilledAddChild(t *testing.T) {
	path := os.Getenv("NEARDUP_KILLED_ADD")
	if path == "" {
		t.Skip("run by TestKilledAdd")
	}
	async := os.Getenv("NEARDUP_KILLED_MODE") == "async"
	// SeenShare 1: each document ends with a sentence of its own, so
	// CheckAndAdd adds every one.
	ix, err := neardup.OpenIndex(path, neardup.IndexOptions{AsyncCommit: async, SeenShare: 1})
	must(t, err)
	st, err := ix.Stats()
	must(t, err)
	paras := ixParagraphs(t)
	ctx := context.Background()
	for n := int(st.Docs); ; {
		var batch []corpus.Document
		for range killedBatch {
			batch = append(batch, ixDoc(fmt.Sprintf("doc-%d", n), paras[n%len(paras)], paras[(n*7+3)%len(paras)], fmt.Sprintf("Document %d has its own closing sentence about nothing in particular at all.", n)))
			n++
		}
		if !async {
			must(t, ix.Add(ctx, batch...))
		} else {
			for _, d := range batch {
				_, added, err := ix.CheckAndAdd(ctx, d)
				must(t, err)
				if !added {
					t.Fatalf("%s was not added", d.ID)
				}
			}
			must(t, ix.Flush(ctx))
		}
		fmt.Printf("committed %d\n", n)
	}
}

// TestAsyncCommitFailure makes a background commit fail (another process
// holds a read lock on the index file while this one, opened Shared,
// needs its write lock) and checks that the failure is not lost: the
// staged page is dropped, CheckAndAdd refuses with the error until Flush
// returns it, and once the lock is free the same page is added.
func TestAsyncCommitFailure(t *testing.T) {
	paras := ixParagraphs(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.ndx")
	ix := ixOpen(t, path, neardup.IndexOptions{AsyncCommit: true, Shared: true, LockTimeout: 100 * time.Millisecond})
	must(t, ix.Add(ctx, ixDoc("base", paras[0])))
	reader, err := neardup.OpenIndex(path, neardup.IndexOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	_, added, err := ix.CheckAndAdd(ctx, ixDoc("page", paras[5], paras[6]))
	if err != nil || !added {
		t.Fatalf("CheckAndAdd(page) = %v, %v; want added (staged)", added, err)
	}
	// The failed commit drops the page from the staged documents.
	deadline := time.Now().Add(10 * time.Second)
	for ok := true; ok; {
		if ok, err = ix.Contains("page"); err != nil {
			t.Fatal(err)
		}
		if time.Now().After(deadline) {
			t.Fatal("the commit under another process's read lock did not fail")
		}
		time.Sleep(5 * time.Millisecond)
	}
	_, _, err = ix.CheckAndAdd(ctx, ixDoc("next", paras[7]))
	if err == nil || !strings.Contains(err.Error(), "locked by another process") || !strings.Contains(err.Error(), "not added") {
		t.Errorf("CheckAndAdd after a failed commit: %v, want the commit's lock error", err)
	}
	if err := ix.Flush(ctx); err == nil || !strings.Contains(err.Error(), "locked by another process") {
		t.Errorf("Flush after a failed commit: %v, want the commit's lock error", err)
	}
	if err := ix.Flush(ctx); err != nil {
		t.Errorf("second Flush: %v, want nil (the error was returned once)", err)
	}
	must(t, reader.Close())
	_, added, err = ix.CheckAndAdd(ctx, ixDoc("page", paras[5], paras[6]))
	if err != nil || !added {
		t.Fatalf("CheckAndAdd(page) again = %v, %v; want added", added, err)
	}
	must(t, ix.Flush(ctx))
	for _, id := range []string{"base", "page"} {
		if ok, err := ix.Contains(id); !ok || err != nil {
			t.Errorf("Contains(%s) = %v, %v; want true", id, ok, err)
		}
	}
	if ok, _ := ix.Contains("next"); ok {
		t.Errorf("the page refused after the failure was added")
	}
}

// TestAddRefusesBadID: a document the archive would refuse is refused
// before it is staged, so it cannot fail the group commit of others.
func TestAddRefusesBadID(t *testing.T) {
	paras := ixParagraphs(t)
	ctx := context.Background()
	for name, ix := range ixBoth(t, neardup.IndexOptions{AsyncCommit: true}) {
		t.Run(name, func(t *testing.T) {
			if _, _, err := ix.CheckAndAdd(ctx, ixDoc("", paras[0])); err == nil || !strings.Contains(err.Error(), "without an id") {
				t.Errorf("CheckAndAdd without an id: %v", err)
			}
			long := ixDoc(strings.Repeat("x", archive.MaxIDLen+1), paras[0])
			if err := ix.Add(ctx, ixDoc("ok", paras[1]), long); err == nil || !strings.Contains(err.Error(), "id of") {
				t.Errorf("Add with a too long id: %v", err)
			}
			_, added, err := ix.CheckAndAdd(ctx, ixDoc("good", paras[0]))
			if err != nil || !added {
				t.Fatalf("CheckAndAdd(good) = %v, %v; want added", added, err)
			}
			must(t, ix.Flush(ctx))
			if ok, _ := ix.Contains("good"); !ok {
				t.Errorf("good page not added")
			}
			if ok, _ := ix.Contains("ok"); ok {
				t.Errorf("Add is all or none, but one of its documents was added")
			}
		})
	}
}
