package cluster

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSortKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	tests := []struct {
		name string
		key  func() uint64
	}{
		{"all bits", rng.Uint64},
		{"score and rank", func() uint64 { return uint64(^uint32(rng.IntN(1<<24)+0x3f000000))<<32 | uint64(rng.IntN(1<<20)) }},
		{"one digit varies", func() uint64 { return 0xffff_0000_0000_0000 | uint64(rng.IntN(1<<16))<<16 }},
		{"two digits vary", func() uint64 { return uint64(rng.IntN(1<<16))<<48 | uint64(rng.IntN(1<<16)) }},
		{"all equal", func() uint64 { return 42 }},
	}
	for _, tt := range tests {
		for _, n := range []int{0, 1, 100, radixMin, 3 * radixMin} {
			keys := make([]uint64, n)
			for i := range keys {
				keys[i] = tt.key()
			}
			want := slices.Sorted(slices.Values(keys))
			sortKeys(keys)
			if !slices.Equal(keys, want) {
				t.Errorf("%s, %d keys: sortKeys differs from slices.Sort", tt.name, n)
			}
		}
	}
}

// BenchmarkSortKeys compares the radix sort with slices.Sort on 2.4M keys
// shaped like Build's (score bits over rank).
func BenchmarkSortKeys(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	keys := make([]uint64, 2_400_000)
	for i := range keys {
		keys[i] = uint64(^uint32(0x3f000000+rng.IntN(1<<23)))<<32 | uint64(i)
	}
	work := make([]uint64, len(keys))
	for _, s := range []struct {
		name string
		sort func([]uint64)
	}{{"radix", sortKeys}, {"slices.Sort", slices.Sort[[]uint64]}} {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(keys)) * 8)
			for b.Loop() {
				copy(work, keys)
				s.sort(work)
			}
		})
	}
}
