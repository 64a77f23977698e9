package score

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// articleLines returns the lines of the seed article (1-based: lines[0] is
// empty) and every non-blank line as a unit of a corpus, as a paragraph
// scan sees them.
func articleLines(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile("../testdata/cambodia-article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return append([]string{""}, strings.Split(string(data), "\n")...)
}

// sentenceOf returns the sentence of line that contains phrase: from the
// last sentence end ('.', ':' or '–' followed by a space, or ":-"/".-")
// before it to the next '.' after it.
func sentenceOf(tb testing.TB, line, phrase string) string {
	tb.Helper()
	i := strings.Index(line, phrase)
	if i < 0 {
		tb.Fatalf("%q not in %q", phrase, line)
	}
	start := 0
	for _, sep := range []string{". ", ":-", ".-", ": ", "– "} {
		if k := strings.LastIndex(line[:i], sep); k >= 0 && k+len(sep) > start {
			start = k + len(sep)
		}
	}
	end := len(line)
	if k := strings.Index(line[i+len(phrase):], "."); k >= 0 {
		end = i + len(phrase) + k + 1
	}
	return strings.TrimSpace(line[start:end])
}

func corpusOfLines(s *Scorer, lines []string) *Corpus {
	var units []*Unit
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			units = append(units, s.Analyze(l))
		}
	}
	return s.NewCorpus(units)
}

func TestSeedArticle(t *testing.T) {
	s := newTestScorer(t)
	lines := articleLines(t)
	c := corpusOfLines(s, lines)
	type pair struct{ a, b string }
	cases := []struct {
		name string
		pair pair
		want []string // acceptable verdicts
	}{
		{"headline repeated 3/7", pair{lines[3], lines[7]}, []string{Duplicate}},
		{"pillar 5/60", pair{lines[5], lines[60]}, []string{Paraphrase}},
		{"pillar 5/61", pair{lines[5], lines[61]}, []string{Paraphrase}},
		{"pillar 60/61", pair{lines[60], lines[61]}, []string{Paraphrase}},
		{"backing China 29/57", pair{
			sentenceOf(t, lines[29], "steadfast in backing China on issues like the South China Sea and Taiwan"),
			sentenceOf(t, lines[57], "consistently backed China on issues like the South China Sea and Taiwan")},
			[]string{Paraphrase}},
		{"Belt and Road 25/58", pair{
			sentenceOf(t, lines[25], "Aligning Cambodia's development objectives with China's Belt and Road Initiative"),
			sentenceOf(t, lines[58], "align their development objectives with China's Belt and Road Initiative")},
			[]string{Paraphrase}},
		{"lopsided trade 40/59", pair{
			sentenceOf(t, lines[40], "Cambodia imports far more from China than it exports"),
			sentenceOf(t, lines[59], "Cambodia importing far more from China than it exports")},
			[]string{Paraphrase, Duplicate}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, b := s.Analyze(tc.pair.a), s.Analyze(tc.pair.b)
			r := s.Score(c, a, b)
			ok := false
			for _, w := range tc.want {
				ok = ok || r.Kind == w
			}
			if !ok {
				t.Errorf("Score(%q, %q) = %s (%.3f), want %v", tc.pair.a, tc.pair.b, r.Kind, r.Score, tc.want)
			}
			// The verdict must not depend on the order of the pair.
			if r2 := s.Score(c, b, a); r2.Kind != r.Kind || fmt.Sprintf("%.9f", r2.Score) != fmt.Sprintf("%.9f", r.Score) {
				t.Errorf("Score(b, a) = %s %.9f, Score(a, b) = %s %.9f", r2.Kind, r2.Score, r.Kind, r.Score)
			}
		})
	}
}

// TestSeedArticleUnrelated checks that distinct items of the article's
// lists, on the same topic but saying different things, are not
// paraphrases of each other. The item pairs that share a sentence the
// expected findings name (25/58, 29/57 and 22/56) are left out.
func TestSeedArticleUnrelated(t *testing.T) {
	s := newTestScorer(t)
	lines := articleLines(t)
	c := corpusOfLines(s, lines)
	groups := [][]int{{21, 22, 23, 24, 25}, {29, 30, 31, 32}, {36, 37, 38}, {44, 45, 46}, {50, 51, 52}, {56, 57, 58, 59}}
	var items []int
	for _, g := range groups {
		items = append(items, g...)
	}
	related := map[[2]int]bool{{25, 58}: true, {29, 57}: true, {22, 56}: true}
	for x, i := range items {
		for _, j := range items[x+1:] {
			if related[[2]int{i, j}] {
				continue
			}
			a, b := s.Analyze(lines[i]), s.Analyze(lines[j])
			if r := s.Score(c, a, b); r.Kind != Different {
				t.Errorf("lines %d/%d: %s (score %.3f), want different:\n  %s\n  %s", i, j, r.Kind, r.Score, lines[i], lines[j])
			}
		}
	}
}
