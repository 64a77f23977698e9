package report

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const seedPath = "../testdata/cambodia-article.txt"

// lineUnit returns the unit that is line n (1-based) of text, without its
// leading indentation, as the corpus package would cut it.
func lineUnit(t testing.TB, text, doc, path string, n int, kind corpus.UnitKind) neardup.Unit {
	t.Helper()
	start := 0
	for range n - 1 {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			t.Fatalf("%s has fewer than %d lines", path, n)
		}
		start += i + 1
	}
	end := start + strings.IndexByte(text[start:], '\n')
	if end < start {
		end = len(text)
	}
	for text[start] == ' ' {
		start++
	}
	return neardup.Unit{
		Location: neardup.Location{Doc: doc, Path: path, Line: n, Start: start, End: end},
		Kind:     kind,
		Text:     text[start:end],
	}
}

// Indexes of the units of seedResult.
const (
	uSkip     = iota // line 1, "Skip to content"
	uHead3           // line 3, the headline
	uPillar5         // line 5, "serves as a pillar for its regional diplomacy"
	uHead7           // line 7, the headline again
	uTrust22         // line 22, "unlock new opportunities"
	uRecov56         // line 56, "unlocking new opportunities"
	uTies60          // line 60, "serve as the foundation"
	uPillar61        // line 61, "serves as a pillar in China's regional diplomacy"
	uKh1             // kh-1 line 1, "Skip to content"
	uKh2             // kh-2 line 1, "Skip to content"
)

// seedResult builds by hand the Result of a scan of the seed article and
// two scraped pages of the same site (JSON Lines records with a URL and a
// title): the three rewordings of the "pillar" paragraph (lines 5, 60, 61)
// as a paraphrase cluster, the repeated headline (lines 3, 7) as a
// duplicate cluster, "Skip to content" at the top of all three documents as
// boilerplate, and a paraphrase pair (lines 22, 56) left out of any
// cluster. Offsets and texts are the article's own; the scores are
// plausible values, some with more than four decimals to show the rounding.
func seedResult(t testing.TB) *neardup.Result {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	art := func(n int, kind corpus.UnitKind) neardup.Unit {
		return lineUnit(t, text, "testdata/cambodia-article.txt", "testdata/cambodia-article.txt", n, kind)
	}
	page := "Skip to content\n\nCambodia and China sign a rice export deal.\n"
	kh := func(id, title string) neardup.Unit {
		u := lineUnit(t, page, id, "crawl.jsonl", 1, corpus.KindParagraph)
		u.URL = "https://news.example.com/" + id
		u.Title = title
		return u
	}
	units := []neardup.Unit{
		uSkip:     art(1, corpus.KindParagraph),
		uHead3:    art(3, corpus.KindHeading),
		uPillar5:  art(5, corpus.KindParagraph),
		uHead7:    art(7, corpus.KindHeading),
		uTrust22:  art(22, corpus.KindListItem),
		uRecov56:  art(56, corpus.KindListItem),
		uTies60:   art(60, corpus.KindParagraph),
		uPillar61: art(61, corpus.KindParagraph),
		uKh1:      kh("kh-1", "Rice deal signed"),
		uKh2:      kh("kh-2", "Ports & roads: what's next"),
	}
	return &neardup.Result{
		Units: units,
		Clusters: []neardup.Cluster{
			{ID: 1, Kind: neardup.Paraphrase, Rep: uPillar61, Members: []neardup.Member{
				{Unit: uPillar5, Score: 0.83127}, {Unit: uTies60, Score: 0.74}, {Unit: uPillar61, Score: 1},
			}},
			{ID: 2, Kind: neardup.Duplicate, Rep: uHead3, Members: []neardup.Member{
				{Unit: uHead3, Score: 1}, {Unit: uHead7, Score: 1},
			}},
			{ID: 3, Kind: neardup.Boilerplate, Rep: uSkip, Members: []neardup.Member{
				{Unit: uSkip, Score: 1}, {Unit: uKh1, Score: 1}, {Unit: uKh2, Score: 1},
			}},
		},
		Pairs: []neardup.Pair{
			{A: uHead3, B: uHead7, Kind: neardup.Duplicate, Scores: neardup.Scores{Score: 1, Cosine: 1, Jaccard: 1, Containment: 1}},
			{A: uPillar5, B: uTies60, Kind: neardup.Paraphrase, Scores: neardup.Scores{Score: 0.69, Cosine: 0.612345, Jaccard: 0.15384615, Containment: 0.2}},
			{A: uPillar5, B: uPillar61, Kind: neardup.Paraphrase, Scores: neardup.Scores{Score: 0.83127, Cosine: 0.77456, Jaccard: 0.34210526, Containment: 0.41176}},
			{A: uTrust22, B: uRecov56, Kind: neardup.Paraphrase, Scores: neardup.Scores{Score: 0.5512, Cosine: 0.49871, Jaccard: 0.0625, Containment: 0.1}},
			{A: uTies60, B: uPillar61, Kind: neardup.Paraphrase, Scores: neardup.Scores{Score: 0.74, Cosine: 0.70003, Jaccard: 0.2, Containment: 0.25}},
		},
		Stats: neardup.Stats{Documents: 3, Units: 46, Candidates: 61, Pairs: 5, Clusters: 2, Boilerplate: 1},
		Options: neardup.Options{
			Unit: corpus.Paragraph, Language: "english", Scope: neardup.ScopeAll, MinWords: 5,
			Threshold: 0.5, DuplicateThreshold: 0.8, BoilerplateDocs: 3, Workers: 2,
		},
		Profile: []neardup.Stage{{Name: "load", Count: 3, Duration: 1500 * time.Microsecond}},
	}
}

// goldenFile compares got with testdata/name, or rewrites it under -update.
// On a difference it reports the first line that differs.
func goldenFile(t *testing.T, name string, got []byte) {
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
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		gl, wl := "<end of output>", "<end of file>"
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("%s:%d differs (go test -update rewrites it)\ngot:  %s\nwant: %s", path, i+1, gl, wl)
			return
		}
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		format Format
		file   string
	}{
		{Text, "golden.txt"},
		{JSON, "golden.json"},
		{CSV, "golden.csv"},
		{HTML, "golden.html"},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tt.format, seedResult(t)); err != nil {
				t.Fatalf("Write(%s): %v", tt.format, err)
			}
			goldenFile(t, tt.file, buf.Bytes())
		})
	}
}

// TestDeterministic writes every format twice, and once more from a Result
// that differs only in what a report leaves out (the worker count and the
// stage timings), and wants the same bytes each time.
func TestDeterministic(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f, func(t *testing.T) {
			var first, second, other bytes.Buffer
			if err := Write(&first, Format(f), seedResult(t)); err != nil {
				t.Fatal(err)
			}
			if err := Write(&second, Format(f), seedResult(t)); err != nil {
				t.Fatal(err)
			}
			r := seedResult(t)
			r.Options.Workers = 16
			r.Profile = []neardup.Stage{{Name: "load", Count: 3, Duration: time.Second}}
			if err := Write(&other, Format(f), r); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Error("two runs differ")
			}
			if !bytes.Equal(first.Bytes(), other.Bytes()) {
				t.Error("output depends on Options.Workers or Profile")
			}
		})
	}
}

func TestFormats(t *testing.T) {
	want := []string{"text", "json", "csv", "html"}
	if got := Formats(); !equalStrings(got, want) {
		t.Errorf("Formats() = %q, want %q", got, want)
	}
	for _, f := range Formats() {
		if !Known(Format(f)) {
			t.Errorf("Known(%q) = false", f)
		}
	}
	for _, f := range []Format{"", "TEXT", "xml", "jsonl"} {
		if Known(f) {
			t.Errorf("Known(%q) = true", f)
		}
		var buf bytes.Buffer
		if err := Write(&buf, f, seedResult(t)); !errors.Is(err, ErrFormat) {
			t.Errorf("Write(%q) = %v, want ErrFormat", f, err)
		}
		if buf.Len() != 0 {
			t.Errorf("Write(%q) wrote %q", f, buf.String())
		}
	}
}

func equalStrings(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
}

func TestInvalidResult(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(r *neardup.Result)
	}{
		{"member out of range", func(r *neardup.Result) { r.Clusters[0].Members[1].Unit = len(r.Units) }},
		{"negative member", func(r *neardup.Result) { r.Clusters[1].Members[0].Unit = -1 }},
		{"representative not a member", func(r *neardup.Result) { r.Clusters[0].Rep = uHead3 }},
		{"pair out of range", func(r *neardup.Result) { r.Pairs[2].B = 99 }},
	}
	for _, tt := range tests {
		for _, f := range Formats() {
			t.Run(tt.name+"/"+f, func(t *testing.T) {
				r := seedResult(t)
				tt.corrupt(r)
				var buf bytes.Buffer
				if err := Write(&buf, Format(f), r); !errors.Is(err, ErrResult) {
					t.Errorf("Write(%s) = %v, want ErrResult", f, err)
				}
				if buf.Len() != 0 {
					t.Errorf("Write(%s) wrote %d bytes before failing", f, buf.Len())
				}
			})
		}
	}
	for _, f := range Formats() {
		if err := Write(new(bytes.Buffer), Format(f), nil); !errors.Is(err, ErrResult) {
			t.Errorf("Write(%s, nil) = %v, want ErrResult", f, err)
		}
	}
}

// errWriter fails every write.
type errWriter struct{}

var errWrite = errors.New("disk full")

func (errWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriteError(t *testing.T) {
	for _, f := range Formats() {
		if err := Write(errWriter{}, Format(f), seedResult(t)); !errors.Is(err, errWrite) {
			t.Errorf("Write(%s) to a failing writer = %v, want %v", f, err, errWrite)
		}
	}
}

func TestFormatScore(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{1, "1"},
		{0, "0"},
		{0.5, "0.5"},
		{0.612345, "0.6123"},
		{0.77456, "0.7746"},
		{0.99999, "1"},
		{-0.00001, "0"},
		{1.0 / 3, "0.3333"},
	}
	for _, tt := range tests {
		if got := formatScore(tt.in); got != tt.want {
			t.Errorf("formatScore(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
