package shingle

import "math/bits"

// The default secret of wyhash version 4.1 (Wang Yi, wyhash, public domain /
// The Unlicense: https://github.com/wangyi-fudan/wyhash, commit 77e50f2).
const (
	wySecret0 = 0xa0761d6478bd642f
	wySecret1 = 0xe7037ed1a0b428db
	wySecret2 = 0x8ebc6af09c88c6e3
	wySecret3 = 0x589965cc75374cc3
)

// Hash64 returns the 64-bit wyhash (version 4.1, default secret) of s
// under seed. It is deterministic across processes, platforms and releases of
// this package with the same Version (the reference test vectors and golden
// values are tested); wyhash passes SMHasher, and a word costs a few
// nanoseconds.
//
// wyhash mixes with "mum": the 128-bit product of two 64-bit words folded
// to 64 bits by XOR of its halves, mum(a, b) = hi(a·b) ⊕ lo(a·b).
func Hash64(s string, seed uint64) uint64 {
	return wyhash(s, seed)
}

// wyhash is Hash64 over a string or a byte slice: the two instantiations let
// the hot paths hash scratch buffers without converting them to strings.
func wyhash[T ~string | ~[]byte](p T, seed uint64) uint64 {
	n := len(p)
	seed ^= mix(seed^wySecret0, wySecret1)
	var a, b uint64
	switch {
	case n <= 16:
		if n >= 4 {
			q := (n >> 3) << 2
			a = read4(p, 0)<<32 | read4(p, q)
			b = read4(p, n-4)<<32 | read4(p, n-4-q)
		} else if n > 0 {
			a = uint64(p[0])<<16 | uint64(p[n>>1])<<8 | uint64(p[n-1])
		}
	default:
		i, o := n, 0
		if i > 48 {
			see1, see2 := seed, seed
			for i > 48 {
				seed = mix(read8(p, o)^wySecret1, read8(p, o+8)^seed)
				see1 = mix(read8(p, o+16)^wySecret2, read8(p, o+24)^see1)
				see2 = mix(read8(p, o+32)^wySecret3, read8(p, o+40)^see2)
				o += 48
				i -= 48
			}
			seed ^= see1 ^ see2
		}
		for i > 16 {
			seed = mix(read8(p, o)^wySecret1, read8(p, o+8)^seed)
			o += 16
			i -= 16
		}
		a = read8(p, o+i-16)
		b = read8(p, o+i-8)
	}
	a ^= wySecret1
	b ^= seed
	hi, lo := bits.Mul64(a, b)
	return mix(lo^wySecret0^uint64(n), hi^wySecret1)
}

// mix is wyhash's mum: the XOR of the high and low halves of a·b.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// read4 reads 4 bytes of p at i, little-endian.
func read4[T ~string | ~[]byte](p T, i int) uint64 {
	_ = p[i+3]
	return uint64(p[i]) | uint64(p[i+1])<<8 | uint64(p[i+2])<<16 | uint64(p[i+3])<<24
}

// read8 reads 8 bytes of p at i, little-endian.
func read8[T ~string | ~[]byte](p T, i int) uint64 {
	_ = p[i+7]
	return uint64(p[i]) | uint64(p[i+1])<<8 | uint64(p[i+2])<<16 | uint64(p[i+3])<<24 |
		uint64(p[i+4])<<32 | uint64(p[i+5])<<40 | uint64(p[i+6])<<48 | uint64(p[i+7])<<56
}

// splitmix64 advances *state and returns the next output of Steele, Lea and
// Flood's SplitMix64 generator ("Fast splittable pseudorandom number
// generators", OOPSLA 2014). It derives MinHash parameters from a seed.
func splitmix64(state *uint64) uint64 {
	*state += 0x9e3779b97f4a7c15
	z := *state
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
