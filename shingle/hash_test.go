package shingle

import (
	"math/bits"
	"testing"
)

// TestHash64Vectors checks Hash64 against wyhash 4.1's reference test vectors
// (test_vector.cpp of github.com/wangyi-fudan/wyhash at 77e50f2, as pinned by
// Zig's std.hash.Wyhash), and the []byte instantiation against the string one.
func TestHash64Vectors(t *testing.T) {
	tests := []struct {
		seed uint64
		in   string
		want uint64
	}{
		{0, "", 0x0409638ee2bde459},
		{1, "a", 0xa8412d091b5fe0a9},
		{2, "abc", 0x32dd92e4b2915153},
		{3, "message digest", 0x8619124089a3a16b},
		{4, "abcdefghijklmnopqrstuvwxyz", 0x7a43afb61d7f5f40},
		{5, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 0xff42329b90e50d58},
		{6, "12345678901234567890123456789012345678901234567890123456789012345678901234567890", 0xc39cab13b115aad3},
	}
	for _, tt := range tests {
		if got := Hash64(tt.in, tt.seed); got != tt.want {
			t.Errorf("Hash64(%q, %d) = %#x, want %#x", tt.in, tt.seed, got, tt.want)
		}
		if got := wyhash([]byte(tt.in), tt.seed); got != tt.want {
			t.Errorf("wyhash([]byte(%q), %d) = %#x, want %#x", tt.in, tt.seed, got, tt.want)
		}
	}
}

// TestHash64Avalanche flips every input bit of strings of every length class
// (1-3, 4-16, 17-48, over 48 bytes) and checks that each output bit flips
// about half the time.
func TestHash64Avalanche(t *testing.T) {
	state := uint64(1)
	for _, n := range []int{1, 3, 4, 7, 8, 16, 17, 33, 48, 49, 100} {
		var flips [64]int
		trials := 0
		for range 40 {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(splitmix64(&state))
			}
			h := Hash64(string(b), 9)
			for bit := range n * 8 {
				b[bit/8] ^= 1 << (bit % 8)
				d := h ^ Hash64(string(b), 9)
				b[bit/8] ^= 1 << (bit % 8)
				for o := range 64 {
					flips[o] += int(d >> o & 1)
				}
				trials++
			}
		}
		for o, f := range flips {
			if p := float64(f) / float64(trials); p < 0.4 || p > 0.6 {
				t.Errorf("length %d: output bit %d flips with probability %.3f, want about 0.5", n, o, p)
			}
		}
	}
}

// TestHash64Distinct checks that the seed article's words, and the same words
// under another seed, hash without collisions and that seeds matter.
func TestHash64Distinct(t *testing.T) {
	a := newAnalyzer(t, Options{Language: "none"})
	seen := map[uint64]string{}
	words := map[string]bool{}
	for _, tok := range a.Tokens(article(t), nil) {
		words[tok.Norm] = true
	}
	for w := range words {
		for _, seed := range []uint64{0, 1} {
			h := Hash64(w, seed)
			if prev, ok := seen[h]; ok {
				t.Errorf("Hash64 collision: %q and %q (seed %d)", prev, w, seed)
			}
			seen[h] = w
		}
		if d := bits.OnesCount64(Hash64(w, 0) ^ Hash64(w, 1)); d < 12 {
			t.Errorf("Hash64(%q) under seeds 0 and 1 differs in %d bits only", w, d)
		}
	}
}
