package shingle

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"testing"
)

// sentencesPath is real English prose from the shared benchmark data (about
// 90,000 sentences, 8 MB); benchmarks that need it skip when it is absent.
const sentencesPath = "../../shared/bench/sentences.txt.gz"

func loadSentences(b *testing.B) (lines []string, size int64) {
	f, err := os.Open(sentencesPath)
	if err != nil {
		b.Skipf("shared benchmark data: %v", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(z)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		size += int64(len(sc.Text()))
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return lines, size
}

func BenchmarkNormalize(b *testing.B) {
	text := article(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Normalize(text)
	}
}

func BenchmarkTokens(b *testing.B) {
	text := article(b)
	a := newAnalyzer(b, Options{})
	dst := a.Tokens(text, nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = a.Tokens(text, dst[:0])
	}
}

// BenchmarkTerms measures Terms on the seed article (as one text and line by
// line, with and without the word cache, and from all cores at once), and on
// 8 MB of real sentences (35,000 distinct words), with the default cache and
// with one too small for them.
func BenchmarkTerms(b *testing.B) {
	text := article(b)
	lines := articleLines(b)
	for _, c := range []struct {
		name string
		size int
	}{{"cache", 0}, {"nocache", -1}} {
		b.Run("article/"+c.name, func(b *testing.B) {
			a := newAnalyzer(b, Options{CacheSize: c.size})
			dst := a.Terms(text, nil)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				dst = a.Terms(text, dst[:0])
			}
		})
		b.Run("lines/"+c.name, func(b *testing.B) {
			a := newAnalyzer(b, Options{CacheSize: c.size})
			var dst []string
			for _, l := range lines { // warm the cache
				dst = a.Terms(l, dst[:0])
			}
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				for _, l := range lines {
					dst = a.Terms(l, dst[:0])
				}
			}
		})
	}
	b.Run("article/parallel", func(b *testing.B) {
		a := newAnalyzer(b, Options{})
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			var dst []string
			for pb.Next() {
				dst = a.Terms(text, dst[:0])
			}
		})
	})
	for _, size := range []int{0, 4096} {
		b.Run(fmt.Sprintf("sentences/cache=%d", size), func(b *testing.B) {
			sentences, n := loadSentences(b)
			a := newAnalyzer(b, Options{CacheSize: size})
			var dst []string
			for _, s := range sentences { // warm the cache
				dst = a.Terms(s, dst[:0])
			}
			b.SetBytes(n)
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range sentences {
					dst = a.Terms(s, dst[:0])
				}
			}
		})
	}
}

func BenchmarkHash64(b *testing.B) {
	for _, s := range []string{"china", "diplomaci", "China-Cambodia alliance consistently delivers outcomes"} {
		b.Run(fmt.Sprint(len(s)), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			var h uint64
			for b.Loop() {
				h += Hash64(s, h)
			}
		})
	}
}

func BenchmarkWordShingles(b *testing.B) {
	a := newAnalyzer(b, Options{})
	text := article(b)
	terms := a.Terms(text, nil)
	dst := WordShingles(terms, 3, 1, nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ReportMetric(float64(len(terms)), "terms/op")
	for b.Loop() {
		dst = WordShingles(terms, 3, 1, dst[:0])
	}
}

func BenchmarkCharShingles(b *testing.B) {
	line := articleLines(b)[4]
	dst := CharShingles(line, 5, 1, nil)
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		dst = CharShingles(line, 5, 1, dst[:0])
	}
}

// BenchmarkMinHash signs a set of 60 word 3-shingles of the seed article.
func BenchmarkMinHash(b *testing.B) {
	a := newAnalyzer(b, Options{})
	set := WordShingles(a.Terms(article(b), nil), 3, 1, nil)[:60]
	for _, n := range []int{64, 128} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			m, err := NewMinHasher(n, 1)
			if err != nil {
				b.Fatal(err)
			}
			dst := m.Sign(set, nil)
			b.ReportAllocs()
			for b.Loop() {
				dst = m.Sign(set, dst[:0])
			}
		})
	}
}
