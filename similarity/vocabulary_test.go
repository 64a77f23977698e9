package similarity_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/neardup/neardup/similarity"
)

func TestVocabulary(t *testing.T) {
	v := similarity.NewVocabulary()
	var got []uint32
	for _, w := range []string{"china", "cambodia", "china", "pillar", "cambodia"} {
		got = append(got, v.ID(w))
	}
	if want := []uint32{0, 1, 0, 2, 1}; !slices.Equal(got, want) {
		t.Errorf("ids = %v, want %v", got, want)
	}
	if v.Len() != 3 {
		t.Errorf("Len() = %d, want 3", v.Len())
	}
	for id, want := range []string{"china", "cambodia", "pillar"} {
		if got := v.Term(uint32(id)); got != want {
			t.Errorf("Term(%d) = %q, want %q", id, got, want)
		}
	}
	if got := v.Term(3); got != "" {
		t.Errorf("Term(3) = %q, want \"\"", got)
	}
	if id, ok := v.Lookup("pillar"); id != 2 || !ok {
		t.Errorf("Lookup(pillar) = %d, %v, want 2, true", id, ok)
	}
	if id, ok := v.Lookup("tranquility"); ok {
		t.Errorf("Lookup(tranquility) = %d, true, want not found", id)
	}
	if v.Len() != 3 {
		t.Errorf("Lookup added a term: Len() = %d", v.Len())
	}
	v.Freeze()
	if got := v.ID("tranquility"); got != similarity.NoTerm {
		t.Errorf("frozen ID(new) = %d, want NoTerm", got)
	}
	if got := v.ID("cambodia"); got != 1 {
		t.Errorf("frozen ID(cambodia) = %d, want 1", got)
	}
	if !v.Frozen() || v.Len() != 3 {
		t.Errorf("Frozen() = %v, Len() = %d, want true, 3", v.Frozen(), v.Len())
	}
}

// TestVocabularyFrozenConcurrent is for -race: a frozen vocabulary is read
// from many goroutines, ID of unknown terms included.
func TestVocabularyFrozenConcurrent(t *testing.T) {
	voc, _ := termIDs(paragraphs(t))
	voc.Freeze()
	n := voc.Len()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for id := range uint32(n) {
				term := voc.Term(id)
				if got, ok := voc.Lookup(term); !ok || got != id {
					t.Errorf("goroutine %d: Lookup(%q) = %d, %v, want %d", g, term, got, ok, id)
				}
				if got := voc.ID(term + "zz"); got != similarity.NoTerm {
					t.Errorf("goroutine %d: ID(new) = %d", g, got)
				}
			}
		})
	}
	wg.Wait()
	if voc.Len() != n {
		t.Errorf("Len() = %d after concurrent reads, want %d", voc.Len(), n)
	}
}
