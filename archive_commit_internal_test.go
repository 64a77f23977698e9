package neardup

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neardup/neardup/corpus"
)

// TestAsyncCommitStaged holds the commit lock so that what CheckAndAdd
// adds stays staged, and checks that Check, CheckAndAdd and Contains see
// the staged documents, that they are not committed (Stats) until the lock
// is released, and that Flush and Close commit them.
func TestAsyncCommitStaged(t *testing.T) {
	b, err := os.ReadFile("testdata/coffee/wire-original.txt")
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, p := range strings.Split(string(b), "\n\n") {
		if len(strings.Fields(p)) >= 12 {
			paras = append(paras, strings.TrimSpace(p))
		}
	}
	if len(paras) < 4 {
		t.Fatalf("%d paragraphs in the coffee story", len(paras))
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.ndx")
	ix, err := OpenIndex(path, IndexOptions{AsyncCommit: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	doc := func(id string, ps ...string) corpus.Document {
		return corpus.Document{ID: id, Format: corpus.Text, Text: strings.Join(ps, "\n\n")}
	}

	ix.wmu.Lock() // the committer cannot commit
	_, added, err := ix.CheckAndAdd(ctx, doc("wire", paras[0], paras[1]))
	if err != nil || !added {
		t.Fatalf("CheckAndAdd(wire) = %v, %v; want added", added, err)
	}
	_, added, err = ix.CheckAndAdd(ctx, doc("mirror", paras[1], paras[0]))
	if err != nil || added {
		t.Fatalf("CheckAndAdd(mirror) = %v, %v; want seen: the wire story is staged", added, err)
	}
	res, err := ix.Check(ctx, []corpus.Document{doc("draft", paras[2], paras[1])}, CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Match.Doc != "wire" || res.Findings[0].Kind != Duplicate {
		t.Errorf("Check while staged: findings %+v, want one duplicate of the wire story", res.Findings)
	}
	if ok, err := ix.Contains("wire"); !ok || err != nil {
		t.Errorf("Contains(wire) while staged = %v, %v; want true", ok, err)
	}
	if st, err := ix.Stats(); err != nil || st.Docs != 0 {
		t.Errorf("Stats while staged: %d documents, %v; want 0 committed", st.Docs, err)
	}
	ix.wmu.Unlock()
	if err := ix.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if st, err := ix.Stats(); err != nil || st.Docs != 1 {
		t.Errorf("Stats after Flush: %d documents, %v; want 1", st.Docs, err)
	}

	ix.wmu.Lock()
	_, added, err = ix.CheckAndAdd(ctx, doc("later", paras[3]))
	if err != nil || !added {
		t.Fatalf("CheckAndAdd(later) = %v, %v; want added", added, err)
	}
	ix.wmu.Unlock()
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ix.CheckAndAdd(ctx, doc("closed", paras[2])); err == nil {
		t.Errorf("CheckAndAdd after Close: no error")
	}
	ro, err := OpenIndex(path, IndexOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for _, id := range []string{"wire", "later"} {
		if ok, err := ro.Contains(id); !ok || err != nil {
			t.Errorf("reopened: Contains(%s) = %v, %v; want true (committed by Flush or Close)", id, ok, err)
		}
	}
	if ok, _ := ro.Contains("mirror"); ok {
		t.Errorf("reopened: the mirror, seen as a duplicate, was added")
	}
}

// TestAsyncCommitBackpressure: once maxStaged documents wait for a commit,
// CheckAndAdd waits for one too.
func TestAsyncCommitBackpressure(t *testing.T) {
	ix, err := OpenIndex("", IndexOptions{AsyncCommit: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.maxStaged = 2
	ctx := context.Background()
	texts := []string{
		"The council approved a budget that doubles spending on bus lanes and repairs two bridges.",
		"A late frost damaged the apricot blossom in the valley and growers expect a small harvest.",
		"Engineers finished testing the new signalling system on the northern railway line this week.",
	}
	ix.wmu.Lock() // nothing is committed
	for i, text := range texts[:2] {
		if _, added, err := ix.CheckAndAdd(ctx, corpus.Document{ID: strconv.Itoa(i), Format: corpus.Text, Text: text}); err != nil || !added {
			t.Fatalf("CheckAndAdd(%d) = %v, %v", i, added, err)
		}
	}
	done := make(chan error)
	go func() {
		_, _, err := ix.CheckAndAdd(ctx, corpus.Document{ID: "2", Format: corpus.Text, Text: texts[2]})
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("CheckAndAdd returned (%v) with %d documents staged and no commit possible", err, ix.maxStaged)
	case <-time.After(100 * time.Millisecond):
	}
	ix.wmu.Unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// Once it returns, its document is committed, with those staged before it.
	if st, err := ix.Stats(); err != nil || st.Docs != 3 {
		t.Errorf("after the waiting CheckAndAdd: %d documents committed, %v; want 3", st.Docs, err)
	}
}
