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

// TestSameIDTwiceInOneGroup: an Add whose documents include the same id
// twice keeps the last version only, and checks in progress (which compare
// the units staged and committed since their snapshot) must not see the
// replaced one, neither while it is staged nor once it is committed: a
// CheckAndAdd of its text is not "seen", and the units a check may have
// missed hold the last version only.
func TestSameIDTwiceInOneGroup(t *testing.T) {
	ctx := context.Background()
	x := "A late frost damaged the apricot blossom in the valley and growers expect a small harvest this summer."
	y := "Engineers finished testing the new signalling system on the northern railway line this week."
	doc := func(id, text string) corpus.Document {
		return corpus.Document{ID: id, Path: id, Format: corpus.Text, Text: text}
	}
	texts := func(us []*analysed) []string {
		var out []string
		for _, u := range us {
			out = append(out, u.Doc+": "+u.Text)
		}
		return out
	}
	for _, path := range []string{"", filepath.Join(t.TempDir(), "a.ndx")} {
		ix, err := OpenIndex(path, IndexOptions{NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		// A check in progress since before the Add.
		low := ix.enter()
		snap := low

		// Staged: hold the commit lock; the Add stages both and waits.
		ix.wmu.Lock()
		added := make(chan error)
		go func() { added <- ix.Add(ctx, doc("u", x), doc("u", y)) }()
		for {
			ix.rmu.Lock()
			n := len(ix.staged)
			ix.rmu.Unlock()
			if n == 2 {
				break
			}
			time.Sleep(time.Millisecond)
		}
		ix.rmu.Lock()
		delta, _ := ix.delta(snap, 0)
		ix.rmu.Unlock()
		if got := texts(delta); len(got) != 1 || got[0] != "u: "+y {
			t.Errorf("%q: units staged for a check in progress = %q, want the last version of u only", path, got)
		}
		seen := make(chan bool)
		go func() {
			_, ok, err := ix.CheckAndAdd(ctx, doc("w", x))
			if err != nil {
				t.Error(err)
			}
			seen <- !ok
		}()
		// CheckAndAdd decides before it waits for the commit: give it time
		// to stage (or refuse) while u's two versions are staged.
		for {
			ix.rmu.Lock()
			n := len(ix.staged)
			ix.rmu.Unlock()
			if n == 3 {
				break
			}
			select {
			case s := <-seen:
				t.Fatalf("%q: CheckAndAdd(w) refused its text as seen (%v) while only a replaced version of u had it", path, s)
			case <-time.After(time.Millisecond):
			}
		}
		ix.wmu.Unlock()
		must := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		must(<-added)
		if <-seen {
			t.Errorf("%q: CheckAndAdd(w) seen", path)
		}

		// Committed: the recent units of the check in progress.
		ix.rmu.Lock()
		delta, _ = ix.delta(snap, 0)
		ix.rmu.Unlock()
		got := texts(delta)
		if len(got) != 2 || got[0] != "u: "+y || got[1] != "w: "+x {
			t.Errorf("%q: units committed since the check's snapshot = %q, want u's last version and w", path, got)
		}
		ix.leave(low)

		// A check gone through the same with no staging lock held.
		low = ix.enter()
		must(ix.Add(ctx, doc("v", x), doc("v", y+" And more.")))
		ix.rmu.Lock()
		delta, _ = ix.delta(low, 0)
		ix.rmu.Unlock()
		for _, u := range delta {
			if u.Doc == "v" && u.Text == x {
				t.Errorf("%q: the replaced version of v is among the recent units", path)
			}
		}
		ix.leave(low)
		must(ix.Close())
	}
}
