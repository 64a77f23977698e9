package similarity_test

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/neardup/neardup/similarity"
)

const articlePath = "../testdata/cambodia-article.txt"

// words is the tests' tokeniser: lowercase, split on anything that is not
// a letter. It matches james-bowman/nlp's default tokeniser ([\p{L}]+ over
// strings.ToLower), so both sides see the same terms.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), notLetter)
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// paragraphs returns the non-empty lines of the seed article: in it every
// paragraph, heading and list item is one line.
func paragraphs(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for line := range strings.Lines(string(b)) {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	if len(out) < 20 {
		t.Fatalf("%s: only %d paragraphs", articlePath, len(out))
	}
	return out
}

// termIDs tokenises every paragraph into term ids of one vocabulary.
func termIDs(paras []string) (*similarity.Vocabulary, [][]uint32) {
	voc := similarity.NewVocabulary()
	docs := make([][]uint32, len(paras))
	for i, p := range paras {
		for _, w := range words(p) {
			docs[i] = append(docs[i], voc.ID(w))
		}
	}
	return voc, docs
}
