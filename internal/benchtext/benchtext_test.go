package benchtext

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func load(t *testing.T) *Source {
	if testing.Short() {
		t.Skip("reads the research corpora")
	}
	s, err := Load("")
	if errors.Is(err, ErrNoCorpus) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestParagraphs(t *testing.T) {
	s := load(t)
	if s.Real() < 100000 {
		t.Errorf("Real() = %d paragraphs, want over 100,000 from the two corpora", s.Real())
	}
	n := s.Real() + 1000
	a, b := s.Paragraphs(n, 1), s.Paragraphs(n, 1)
	if len(a) != n || !slices.Equal(a, b) {
		t.Fatalf("Paragraphs(%d, 1) not deterministic or of length %d", n, len(a))
	}
	if slices.Equal(s.Paragraphs(n, 2)[n-1000:], a[n-1000:]) {
		t.Errorf("generated paragraphs do not depend on the seed")
	}
	for _, p := range a[n-1000:] {
		if w := len(strings.Fields(p)); w < 20 || w > 160 || !strings.HasSuffix(p, ".") {
			t.Fatalf("generated paragraph of %d words: %q", w, p)
		}
	}
	d := s.Draft(1000, a[:5000], 3)
	if w := len(strings.Fields(d)); w < 1000 || w > 1300 {
		t.Errorf("Draft(1000) has %d words", w)
	}
	copied := 0
	for _, p := range strings.Split(strings.TrimSpace(d), "\n\n") {
		if slices.Contains(a[:5000], p) {
			copied++
		}
	}
	if copied < 2 {
		t.Errorf("draft copies %d archive paragraphs, want a quarter of them", copied)
	}
}

// TestNew: a source over a few paragraphs gives them back first, then
// generated sentences of their words, the same for the same seed.
func TestNew(t *testing.T) {
	paras := []string{
		"A prolonged drought in the southern state of Minas Gerais has cut this year's arabica coffee harvest by nearly a fifth.",
		"Traders said roasters in Europe and the United States had begun drawing down stocks held in bonded warehouses.",
	}
	s := New(paras)
	got := s.Paragraphs(50, 3)
	if !slices.Equal(got[:2], paras) || !slices.Equal(got, s.Paragraphs(50, 3)) {
		t.Fatalf("Paragraphs(50, 3) does not start with the text or is not deterministic")
	}
	words := map[string]bool{}
	for _, p := range paras {
		for _, w := range strings.Fields(p) {
			words[strings.TrimRight(w, ".,")] = true
		}
	}
	for _, p := range got[2:] {
		for _, w := range strings.Fields(p) {
			if !words[strings.TrimRight(w, ".,")] {
				t.Fatalf("generated word %q is not in the text", w)
			}
		}
	}
	if d := s.Draft(200, got, 4); len(strings.Fields(d)) < 200 {
		t.Errorf("Draft(200) has %d words", len(strings.Fields(d)))
	}
}
