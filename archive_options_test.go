package neardup_test

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/archive"
	"github.com/neardup/neardup/score"
)

// cancelAfter is a context that cancels itself on the n'th call of its
// Err method, and counts the calls: how often the work it was given
// looked at it, and so how far that work went.
type cancelAfter struct {
	context.Context
	cancel context.CancelFunc
	left   atomic.Int64
	calls  atomic.Int64
}

func newCancelAfter(n int64) *cancelAfter {
	ctx, cancel := context.WithCancel(context.Background())
	c := &cancelAfter{Context: ctx, cancel: cancel}
	c.left.Store(n)
	return c
}

func (c *cancelAfter) Err() error {
	c.calls.Add(1)
	if c.left.Add(-1) == 0 {
		c.cancel()
	}
	return c.Context.Err()
}

// TestIndexOptionsFloatRanges: every float option of IndexOptions out of
// its range is refused, NaN and the infinities included (NaN compares
// false with every bound), with the error naming the option.
func TestIndexOptionsFloatRanges(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		opt  neardup.IndexOptions
		want string
	}{
		{neardup.IndexOptions{SeenShare: nan}, "seen share NaN: want a number in (0,1]"},
		{neardup.IndexOptions{SeenShare: inf}, "seen share +Inf: want a number in (0,1]"},
		{neardup.IndexOptions{SeenShare: -inf}, "seen share -Inf: want a number in (0,1]"},
		{neardup.IndexOptions{SeenShare: -0.5}, "seen share -0.5: want a number in (0,1]"},
		{neardup.IndexOptions{Threshold: nan}, "threshold NaN: want a number in (0,1]"},
		{neardup.IndexOptions{Threshold: inf}, "threshold +Inf: want a number in (0,1]"},
		{neardup.IndexOptions{Threshold: -inf}, "threshold -Inf: want a number in (0,1]"},
		{neardup.IndexOptions{DuplicateThreshold: nan}, "duplicate threshold NaN: want a number in (0,1]"},
		{neardup.IndexOptions{DuplicateThreshold: inf}, "duplicate threshold +Inf: want a number in (0,1]"},
		{neardup.IndexOptions{DuplicateThreshold: 1.5}, "duplicate threshold 1.5: want a number in (0,1]"},
	} {
		ix, err := neardup.OpenIndex("", tc.opt)
		if err == nil {
			ix.Close()
			t.Errorf("OpenIndex(%+v) succeeded, want %q", tc.opt, tc.want)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("OpenIndex(%+v) = %v, want %q", tc.opt, err, tc.want)
		}
	}
	// The ends of the ranges are accepted.
	ix, err := neardup.OpenIndex("", neardup.IndexOptions{SeenShare: 1, Threshold: 1, DuplicateThreshold: 1})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
}

// TestOpenIndexMemoryMustExist: ReadOnly and MustExist want an existing
// index, which memory never holds; OpenIndex("") with either refuses
// (wrapping archive.ErrNotExist) instead of making a new writable index.
func TestOpenIndexMemoryMustExist(t *testing.T) {
	for _, opt := range []neardup.IndexOptions{{ReadOnly: true}, {MustExist: true}, {ReadOnly: true, MustExist: true}} {
		ix, err := neardup.OpenIndex("", opt)
		if err == nil {
			ix.Close()
			t.Errorf("OpenIndex(\"\", %+v) succeeded, want an error", opt)
			continue
		}
		if !errors.Is(err, archive.ErrNotExist) || !strings.Contains(err.Error(), "in memory") {
			t.Errorf("OpenIndex(\"\", %+v) = %v, want ErrNotExist saying \"in memory\"", opt, err)
		}
	}
}

// TestIndexOptionsDefaults: Options reports every default in force, not
// the zeros standing for them; set options are reported as set. (A zero
// PendingLimit stands for a limit that grows with the archive and stays
// zero.)
func TestIndexOptionsDefaults(t *testing.T) {
	for name, path := range map[string]string{"memory": "", "file": filepath.Join(t.TempDir(), "a.ndx")} {
		t.Run(name, func(t *testing.T) {
			ix, err := neardup.OpenIndex(path, neardup.IndexOptions{NoSync: true})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			got := ix.Options()
			want := got
			want.Unit, want.Language = "paragraph", "english"
			want.LockTimeout = archive.DefaultTimeout
			want.MinWords, want.MaxCandidates, want.MaxMatches = neardup.DefaultMinWords, neardup.DefaultMaxCandidates, neardup.DefaultMaxMatches
			want.Threshold, want.DuplicateThreshold = score.DefaultThreshold, score.DefaultDuplicateThreshold
			want.SeenKind, want.SeenShare = neardup.Duplicate, neardup.DefaultSeenShare
			want.CacheUnits = neardup.DefaultCacheUnits
			if got != want || got.Workers < 1 || got.PendingLimit != 0 {
				t.Errorf("Options() = %+v\nwant       %+v", got, want)
			}
		})
	}
	set := neardup.IndexOptions{Threshold: 0.7, DuplicateThreshold: 0.9, LockTimeout: -1, PendingLimit: 10, Workers: 1}
	ix, err := neardup.OpenIndex("", set)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got := ix.Options(); got.Threshold != 0.7 || got.DuplicateThreshold != 0.9 || got.LockTimeout != -1 || got.PendingLimit != 10 || got.Workers != 1 {
		t.Errorf("Options() = %+v, want the options set", got)
	}
}

// TestVerifyContext: Verify returns ctx.Err() for a context done before
// it starts, and one cancelled during its walk stops the walk: the walk
// looks at the context once a unit and stops at the first look that finds
// it done, far short of the units of the index.
func TestVerifyContext(t *testing.T) {
	for name, ix := range ixBoth(t, neardup.IndexOptions{}) {
		t.Run(name, func(t *testing.T) {
			must(t, ix.Add(context.Background(), ixRead(t, "testdata/cambodia-article.txt", "testdata/coffee")...))
			st, err := ix.Stats()
			must(t, err)
			done, cancel := context.WithCancel(context.Background())
			cancel()
			if err := ix.Verify(done); err != done.Err() {
				t.Errorf("Verify(cancelled) = %v, want %v", err, done.Err())
			}
			ctx := newCancelAfter(4)
			if err := ix.Verify(ctx); err != ctx.Context.Err() || err == nil {
				t.Errorf("Verify(cancelled during the walk) = %v, want %v", err, context.Canceled)
			}
			// Four looks, and one more for the error returned.
			if n := ctx.calls.Load(); n > 5 || st.Units < 40 {
				t.Errorf("Verify looked at the context %d times over %d units, want it to stop at the 4th look", n, st.Units)
			}
			must(t, ix.Verify(context.Background()))
		})
	}
}

// TestAddContext: Add looks at its context before analysing each document
// and, once it is done, analyses no more and adds nothing.
func TestAddContext(t *testing.T) {
	ix := ixOpen(t, "", neardup.IndexOptions{Workers: 1})
	docs := ixRead(t, "testdata/cambodia-article.txt", "testdata/coffee")
	ctx := newCancelAfter(3) // the first look, then one before each document
	if err := ix.Add(ctx, docs...); err != ctx.Context.Err() || err == nil {
		t.Errorf("Add(cancelled at its 3rd look) = %v, want %v", err, context.Canceled)
	}
	if n := ctx.calls.Load(); n != 3 || len(docs) < 4 {
		t.Errorf("Add looked at the context %d times for %d documents, want it to stop at the 3rd look", n, len(docs))
	}
	if st, err := ix.Stats(); err != nil || st.Docs != 0 {
		t.Errorf("after a cancelled Add: %d documents, %v; want none", st.Docs, err)
	}
}
