// Command wordnet turns Princeton WordNet 3.0 (Debian's wordnet-base, files
// /usr/share/wordnet/{index,data}.{noun,verb,adj,adv}) into the compact
// synonym table embedded in package score (score/synonyms.bin).
//
// It is run by `go generate ./score` and its output is committed; CI never
// runs it. To regenerate:
//
//	apt-get install -y wordnet-base
//	go generate ./score
//
// A word gets the synsets of its first -senses senses (WordNet orders a
// lemma's senses by frequency in the SemCor tag counts, so these are the
// common ones). Only single-word, all-letter lemmas that are not stop words
// are kept, as the term shingle.Analyzer makes of them (the Snowball English
// stem), so that the keys are exactly the scorer's terms. With -similar, an adjective satellite
// synset is merged with its head (the "similar to" pointer &), and with
// -derive, a lemma in a kept sense also joins the synsets of the words it is
// derivationally related to (pointer +). A synset that ends up with fewer
// than two distinct stems matches nothing and is dropped.
//
// Antonyms: a lemma in a kept sense and the lemma its antonym pointer (!)
// names make a pair of stems, when both are kept and differ.
//
// Output format (all integers unsigned varints):
//
//	magic "NDSYN2\n"
//	count of stems
//	per stem, in byte order: shared prefix length with the previous stem,
//	suffix length, suffix bytes, number of groups, group ids as deltas
//	from the previous id (the first from 0)
//	count of antonym pairs
//	per pair, in byte order of (first, second) with first < second: the
//	two stems, each as its length and bytes.
//
// Group ids are dense, numbered in the byte order of "pos:offset" synset
// keys, so the output is byte-for-byte reproducible.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/neardup/neardup/shingle"
)

func main() {
	dir := flag.String("dir", "/usr/share/wordnet", "WordNet dict directory")
	out := flag.String("o", "synonyms.bin", "output file")
	senses := flag.Int("senses", 3, "senses per lemma to keep")
	similar := flag.Bool("similar", true, "merge adjective satellites with their head synset")
	derive := flag.Bool("derive", true, "add derivationally related words")
	flag.Parse()
	if err := run(*dir, *out, *senses, *similar, *derive); err != nil {
		fmt.Fprintln(os.Stderr, "wordnet:", err)
		os.Exit(1)
	}
}

var posFiles = []struct{ name, tag string }{{"noun", "n"}, {"verb", "v"}, {"adj", "a"}, {"adv", "r"}}

// synset is one parsed data-file line.
type synset struct {
	words []string // lemmas, lower case, as in the file
	head  string   // key of the head synset for an adjective satellite
	deriv []link   // derivational pointers
	ants  []link   // antonym pointers
}

type link struct {
	src    int // 1-based word number in this synset (0: whole synset)
	target string
	tword  int // 1-based word number in the target synset
}

func run(dir, out string, senses int, similar, derive bool) error {
	an, err := shingle.NewAnalyzer(shingle.Options{Language: "english"})
	if err != nil {
		return err
	}
	synsets := map[string]*synset{}
	wordSenses := map[string][]string{} // lemma -> kept synset keys, in sense order
	for _, pf := range posFiles {
		if err := readData(filepath.Join(dir, "data."+pf.name), pf.tag, synsets); err != nil {
			return err
		}
		if err := readIndex(filepath.Join(dir, "index."+pf.name), pf.tag, senses, wordSenses); err != nil {
			return err
		}
	}
	groups := map[string]map[string]bool{} // synset key -> stems
	add := func(key, lemma string) {
		if !keepLemma(lemma) {
			return
		}
		term, ok := termOf(an, lemma)
		if !ok {
			return
		}
		g := groups[key]
		if g == nil {
			g = map[string]bool{}
			groups[key] = g
		}
		g[term] = true
	}
	antonyms := map[[2]string]bool{}
	for lemma, keys := range wordSenses {
		for _, key := range keys {
			ss := synsets[key]
			if ss == nil {
				return fmt.Errorf("%s: sense of %q missing from data files", key, lemma)
			}
			wi := slices.Index(ss.words, lemma) + 1 // word number of the lemma
			for _, a := range ss.ants {
				if a.src != wi {
					continue
				}
				t := synsets[a.target]
				if t == nil || a.tword < 1 || a.tword > len(t.words) || !keepLemma(lemma) || !keepLemma(t.words[a.tword-1]) {
					continue
				}
				x, ok1 := termOf(an, lemma)
				y, ok2 := termOf(an, t.words[a.tword-1])
				if ok1 && ok2 && x != y {
					antonyms[[2]string{min(x, y), max(x, y)}] = true
				}
			}
			gk := key
			if similar && ss.head != "" {
				gk = ss.head
			}
			add(gk, lemma)
			if !derive {
				continue
			}
			for _, d := range ss.deriv {
				if d.src != wi {
					continue
				}
				t := synsets[d.target]
				if t == nil || d.tword < 1 || d.tword > len(t.words) {
					continue
				}
				add(gk, t.words[d.tword-1])
			}
		}
	}
	keys := make([]string, 0, len(groups))
	for k, g := range groups {
		if len(g) >= 2 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	byStem := map[string][]uint32{}
	for id, k := range keys {
		for stem := range groups[k] {
			byStem[stem] = append(byStem[stem], uint32(id))
		}
	}
	stems := make([]string, 0, len(byStem))
	for s := range byStem {
		stems = append(stems, s)
	}
	slices.Sort(stems)
	var buf bytes.Buffer
	buf.WriteString("NDSYN2\n")
	put := func(v uint64) { buf.Write(binary.AppendUvarint(nil, v)) }
	put(uint64(len(stems)))
	prev := ""
	total := 0
	for _, s := range stems {
		p := commonPrefix(prev, s)
		put(uint64(p))
		put(uint64(len(s) - p))
		buf.WriteString(s[p:])
		ids := byStem[s]
		slices.Sort(ids)
		ids = slices.Compact(ids)
		put(uint64(len(ids)))
		last := uint32(0)
		for _, id := range ids {
			put(uint64(id - last))
			last = id
		}
		total += len(ids)
		prev = s
	}
	pairs := make([][2]string, 0, len(antonyms))
	for p := range antonyms {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b [2]string) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	put(uint64(len(pairs)))
	for _, p := range pairs {
		for _, s := range p {
			put(uint64(len(s)))
			buf.WriteString(s)
		}
	}
	fmt.Fprintf(os.Stderr, "wordnet: %d stems, %d groups, %d memberships, %d antonym pairs, %d bytes\n", len(stems), len(keys), total, len(pairs), buf.Len())
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// termOf returns the scorer's term for a single word, false for a stop
// word or a word the tokeniser splits.
func termOf(an *shingle.Analyzer, w string) (string, bool) {
	toks := an.Tokens(w, nil)
	if len(toks) != 1 || toks[0].Stop || toks[0].Number {
		return "", false
	}
	return toks[0].Term, true
}

// keepLemma reports whether a lemma is a single all-letter word.
func keepLemma(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// readIndex reads index.POS: "lemma pos synset_cnt p_cnt [ptr...] sense_cnt
// tagsense_cnt offset...", offsets in sense order.
func readIndex(path, tag string, senses int, into map[string][]string) error {
	return eachLine(path, func(line string, n int) error {
		f := strings.Fields(line)
		if len(f) < 6 {
			return fmt.Errorf("%s:%d: short index line", path, n)
		}
		cnt, err1 := strconv.Atoi(f[2])
		pcnt, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil || len(f) < 6+pcnt+cnt {
			return fmt.Errorf("%s:%d: bad index line", path, n)
		}
		offs := f[6+pcnt : 6+pcnt+cnt]
		if len(offs) > senses {
			offs = offs[:senses]
		}
		for _, o := range offs {
			into[f[0]] = append(into[f[0]], tag+":"+o)
		}
		return nil
	})
}

// readData reads data.POS: "offset lex_filenum ss_type w_cnt(hex) word lex_id
// ... p_cnt ptr... | gloss", each pointer "symbol offset pos source/target".
func readData(path, tag string, into map[string]*synset) error {
	return eachLine(path, func(line string, n int) error {
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			return fmt.Errorf("%s:%d: short data line", path, n)
		}
		wcnt, err := strconv.ParseUint(f[3], 16, 16)
		if err != nil || len(f) < 5+2*int(wcnt) {
			return fmt.Errorf("%s:%d: bad word count", path, n)
		}
		ss := &synset{}
		for i := 0; i < int(wcnt); i++ {
			w := strings.ToLower(f[4+2*i])
			if j := strings.IndexByte(w, '('); j >= 0 { // adjective marker, e.g. "(a)"
				w = w[:j]
			}
			ss.words = append(ss.words, w)
		}
		rest := f[4+2*int(wcnt):]
		pcnt, err := strconv.Atoi(rest[0])
		if err != nil || len(rest) < 1+4*pcnt {
			return fmt.Errorf("%s:%d: bad pointer count", path, n)
		}
		for i := 0; i < pcnt; i++ {
			p := rest[1+4*i : 5+4*i]
			tpos := p[2]
			if tpos == "s" {
				tpos = "a"
			}
			target := tpos + ":" + p[1]
			st, err := strconv.ParseUint(p[3], 16, 16)
			if err != nil {
				return fmt.Errorf("%s:%d: bad pointer %q", path, n, p[3])
			}
			switch {
			case p[0] == "&" && f[2] == "s":
				ss.head = target
			case p[0] == "+":
				ss.deriv = append(ss.deriv, link{src: int(st >> 8), target: target, tword: int(st & 0xff)})
			case p[0] == "!":
				ss.ants = append(ss.ants, link{src: int(st >> 8), target: target, tword: int(st & 0xff)})
			}
		}
		into[tag+":"+f[0]] = ss
		return nil
	})
}

// eachLine calls fn for every line of a WordNet file that is not part of
// the licence header (header lines start with two spaces).
func eachLine(path string, fn func(line string, n int) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || line == "" {
			continue
		}
		if err := fn(line, n); err != nil {
			return err
		}
	}
	return sc.Err()
}
