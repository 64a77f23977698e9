package shingle

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// articlePath is the seed article, a real scraped news page.
const articlePath = "../testdata/cambodia-article.txt"

// article returns the seed article.
func article(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatalf("seed article: %v", err)
	}
	return string(b)
}

// articleLines returns the lines of the seed article; line n (1-based) is
// articleLines(t)[n-1].
func articleLines(t testing.TB) []string {
	return strings.Split(article(t), "\n")
}

// checkGolden compares got with testdata/name, or rewrites the file with
// -update. On a difference it reports the first line that differs.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(gl), len(wl)) {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s:%d differs:\n got: %q\nwant: %q", path, i+1, g, w)
		}
	}
}

func quote(s string) string { return strconv.Quote(s) }
func itoa(i int) string     { return strconv.Itoa(i) }
