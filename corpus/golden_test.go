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
				us := Split(doc, mode)
				if err := checkUnits(doc.Text, us); err != nil {
					t.Fatal(err)
				}
				got := renderUnits(us)
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

// renderUnits prints units one a line: line, span, kind, quoting, text.
func renderUnits(us []Unit) string {
	var b strings.Builder
	for _, u := range us {
		q := ""
		if u.Quoted {
			q = " quoted"
		}
		fmt.Fprintf(&b, "%d [%d,%d) %s%s %q\n", u.Line, u.Start, u.End, u.Kind, q, u.Text)
	}
	return b.String()
}
