package corpus

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden splits sample documents in both modes and compares the units,
// one a line, with testdata/golden/<file>.<mode>.golden. Run
// go test ./corpus -run TestGolden -update to rewrite them after a
// deliberate change, and review the diff.
func TestGolden(t *testing.T) {
	files := []struct {
		path   string
		format Format
	}{
		{"../testdata/cambodia-article.txt", Text},
		{"testdata/usenet.txt", Text},
		{"testdata/wire.txt", Text},
		{"testdata/sample.md", Markdown},
		{"testdata/sample.html", HTML},
	}
	for _, f := range files {
		src, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		doc := &Document{Format: f.format, Text: string(src)}
		for _, mode := range []Mode{Paragraph, Sentence} {
			name := filepath.Base(f.path) + "." + string(mode) + ".golden"
			t.Run(name, func(t *testing.T) {
				us, sk := SplitSkips(doc, mode)
				if err := checkUnits(doc.Text, us); err != nil {
					t.Fatal(err)
				}
				if err := checkSkips(doc.Text, sk, us); err != nil {
					t.Fatal(err)
				}
				got := renderUnits(us, sk, doc.Text)
				path := filepath.Join("testdata", "golden", name)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if got != string(want) {
					g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
					for i := 0; i < len(g) || i < len(w); i++ {
						var gl, wl string
						if i < len(g) {
							gl = g[i]
						}
						if i < len(w) {
							wl = w[i]
						}
						if gl != wl {
							t.Fatalf("%s differs at line %d:\n got %s\nwant %s", path, i+1, gl, wl)
						}
					}
				}
			})
		}
	}
}

// renderUnits prints units one a line: line, span, kind, quoting, text;
// and between them the skips of src: line, span, "skip", reason and the
// start of the text left out.
func renderUnits(us []Unit, sk []Skip, src string) string {
	var b strings.Builder
	skips := func(before int) {
		for len(sk) > 0 && sk[0].Start < before {
			k := sk[0]
			sk = sk[1:]
			text := src[k.Start:k.End]
			if r := []rune(text); len(r) > 60 {
				text = string(r[:60]) + "…"
			}
			fmt.Fprintf(&b, "%d [%d,%d) skip %s %q\n", k.Line, k.Start, k.End, k.Reason, text)
		}
	}
	for _, u := range us {
		skips(u.Start)
		q := ""
		if u.Quoted {
			q = " quoted"
		}
		fmt.Fprintf(&b, "%d [%d,%d) %s%s %q\n", u.Line, u.Start, u.End, u.Kind, q, u.Text)
	}
	skips(len(src) + 1)
	return b.String()
}
