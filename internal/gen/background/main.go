// Command background builds the background document-frequency table
// embedded in package score (score/background.bin): for every stemmed term,
// the number of documents of a reference collection of real English text
// that contain it, and the number of documents N.
//
// The reference collection is permissively licensed text that Debian ships:
// the glosses of Princeton WordNet 3.0 (package wordnet-base, WordNet 3.0
// licence, see score/WORDNET-LICENSE): every synset's definition and example
// sentences, one document per synset, 117,659 documents in all. Text is
// analysed with the same shingle.Analyzer the scorer uses, so the keys are
// exactly the scorer's terms. It is run by `go generate ./score` and its
// output is committed; CI never runs it. To regenerate:
//
//	apt-get install -y wordnet-base
//	go generate ./score
//
// Terms seen in fewer than -mindf documents are left out (the scorer treats
// them as unseen). Output format (integers are unsigned varints):
//
//	magic "NDBKG1\n"
//	N, the number of documents
//	count of terms
//	per term, in byte order: shared prefix length with the previous term,
//	suffix length, suffix bytes, document frequency.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/neardup/neardup/shingle"
)

func main() {
	dir := flag.String("dir", "/usr/share/wordnet", "WordNet dict directory")
	out := flag.String("o", "background.bin", "output file")
	minDF := flag.Int("mindf", 2, "least document frequency kept")
	flag.Parse()
	if err := run(*dir, *out, *minDF); err != nil {
		fmt.Fprintln(os.Stderr, "background:", err)
		os.Exit(1)
	}
}

func run(dir, out string, minDF int) error {
	an, err := shingle.NewAnalyzer(shingle.Options{Language: "english"})
	if err != nil {
		return err
	}
	df := map[string]int{}
	docs := 0
	var toks []shingle.Token
	seen := map[string]bool{}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		path := filepath.Join(dir, "data."+pos)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "  ") {
				continue // licence header
			}
			i := strings.Index(line, " | ")
			if i < 0 {
				continue
			}
			docs++
			toks = an.Tokens(line[i+3:], toks[:0])
			clear(seen)
			for _, t := range toks {
				if !t.Stop && !seen[t.Term] {
					seen[t.Term] = true
					df[t.Term]++
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	keys := make([]string, 0, len(df))
	for t, n := range df {
		if n >= minDF {
			keys = append(keys, t)
		}
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	buf.WriteString("NDBKG1\n")
	put := func(v uint64) { buf.Write(binary.AppendUvarint(nil, v)) }
	put(uint64(docs))
	put(uint64(len(keys)))
	prev := ""
	for _, k := range keys {
		p := 0
		for p < len(prev) && p < len(k) && prev[p] == k[p] {
			p++
		}
		put(uint64(p))
		put(uint64(len(k) - p))
		buf.WriteString(k[p:])
		put(uint64(df[k]))
		prev = k
	}
	fmt.Fprintf(os.Stderr, "background: %d documents, %d terms kept of %d, %d bytes\n", docs, len(keys), len(df), buf.Len())
	return os.WriteFile(out, buf.Bytes(), 0o644)
}
