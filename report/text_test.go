package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
)

func TestSnippet(t *testing.T) {
	long := strings.Repeat("word ", 30) // 150 runes
	tests := []struct {
		name  string
		in    string
		limit int
		want  string
	}{
		{"short", "Skip to content", 100, "Skip to content"},
		{"white space collapsed", "  two\tlines\n\nand  spaces \r\n", 100, "two lines and spaces"},
		{"control characters", "bell\x07and\x00nul", 100, "bell and nul"},
		{"exactly max", "abcde", 5, "abcde"},
		{"cut at a word boundary", long, 20, "word word word word…"},
		{"cut mid-word when no space is near", "Supercalifragilistic expialidocious", 10, "Supercali…"},
		{"trailing punctuation dropped", "one, two, three, four, five", 18, "one, two, three…"},
		{"runes, not bytes", "Cambodia’s “Diamond Hexagon” – réussi", 20, "Cambodia’s “Diamond…"},
		{"invalid UTF-8", "ok \xff bad", 100, "ok \uFFFD bad"},
		{"empty", " \n\t ", 100, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := snippet(tt.in, tt.limit); got != tt.want {
				t.Errorf("snippet(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
			}
		})
	}
}

func TestWriteTextEmpty(t *testing.T) {
	var buf bytes.Buffer
	r := &neardup.Result{Stats: neardup.Stats{Documents: 1, Units: 12, Candidates: 3}}
	if err := WriteText(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := "no duplicates or paraphrases found\n\n1 document · 12 units · 3 candidates · 0 pairs · 0 clusters · 0 boilerplate\n"
	if got := buf.String(); got != want {
		t.Errorf("WriteText(empty) = %q, want %q", got, want)
	}
}

// TestWriteTextSkipped: the summary says what the documents held that no
// unit does.
func TestWriteTextSkipped(t *testing.T) {
	var buf bytes.Buffer
	r := &neardup.Result{Stats: neardup.Stats{Documents: 2, Units: 12, Code: 3, Metadata: 1}}
	if err := WriteText(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := "2 documents · 12 units · 3 code blocks left out · 1 header left out · 0 candidates · 0 pairs · 0 clusters · 0 boilerplate\n"
	if got := buf.String(); !strings.HasSuffix(got, "\n\n"+want) {
		t.Errorf("WriteText = %q, want it to end with %q", got, want)
	}
}

// TestWriteTextDocuments: the pairs of documents that share most of one's
// text get a section of one line each, kinds with no pair left out.
func TestWriteTextDocuments(t *testing.T) {
	var buf bytes.Buffer
	r := &neardup.Result{Documents: []neardup.DocumentPair{
		{A: "reuters-4", B: "reuters-16", UnitsA: 25, SharedA: 24, UnitsB: 24, SharedB: 24, Duplicates: 24},
		{A: "a.txt", B: "b.txt", UnitsA: 4, SharedA: 3, UnitsB: 9, SharedB: 3, Duplicates: 1, Paraphrases: 2},
	}}
	if err := WriteText(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := "documents that share most of the text of one · 2 pairs\n" +
		"  reuters-4  reuters-16  24 of 25 · 24 of 24 units  24 duplicates\n" +
		"  a.txt      b.txt       3 of 4 · 3 of 9 units      1 duplicate · 2 paraphrases\n"
	if got := buf.String(); !strings.HasPrefix(got, want) {
		t.Errorf("WriteText =\n%s\nwant it to start with\n%s", got, want)
	}
}

// TestWriteTextBoilerplate checks that a boilerplate cluster found in many
// documents takes two lines, not one per document.
func TestWriteTextBoilerplate(t *testing.T) {
	r := &neardup.Result{Stats: neardup.Stats{Documents: 10, Units: 10, Boilerplate: 1, Errors: 1}}
	c := neardup.Cluster{ID: 1, Kind: neardup.Boilerplate, Rep: 0}
	for i := range 10 {
		doc := "page-" + string(rune('a'+i)) + ".html"
		r.Units = append(r.Units, neardup.Unit{
			Location: neardup.Location{Doc: doc, Path: doc, Line: 3, Start: 20, End: 46},
			Kind:     corpus.KindParagraph,
			Text:     "Subscribe to our newsletter",
		})
		c.Members = append(c.Members, neardup.Member{Unit: i, Score: 1})
	}
	r.Clusters = []neardup.Cluster{c}
	var buf bytes.Buffer
	if err := WriteText(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := `boilerplate · repeated verbatim across documents · 1 cluster
  cluster 1 · 10 units · "Subscribe to our newsletter"
    page-a.html:3  page-b.html:3  page-c.html:3  page-d.html:3  page-e.html:3  page-f.html:3  … and 4 more

10 documents · 10 units · 0 candidates · 0 pairs · 0 clusters · 1 boilerplate · 1 unreadable input
`
	if got := buf.String(); got != want {
		t.Errorf("WriteText =\n%s\nwant\n%s", got, want)
	}
}

// TestWriteTextOneLinePerMember guards the layout against text that would
// break it: new lines and tabs in unit text and in document ids.
func TestWriteTextOneLinePerMember(t *testing.T) {
	r := &neardup.Result{
		Units: []neardup.Unit{
			{Location: neardup.Location{Doc: "a\tb.txt", Line: 1}, Text: "first\nline\twith tab"},
			{Location: neardup.Location{Doc: "c\nd.txt", Line: 9}, Text: "second\r\nline"},
		},
		Clusters: []neardup.Cluster{{ID: 1, Kind: neardup.Duplicate, Rep: 1, Members: []neardup.Member{{Unit: 0, Score: 0.875}, {Unit: 1, Score: 1}}}},
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := "cluster 1 · duplicate · 2 units\n" +
		"  c d.txt:9  rep   second line\n" +
		"  a b.txt:1  0.88  first line with tab\n" +
		"\n0 documents · 0 units · 0 candidates · 0 pairs · 0 clusters · 0 boilerplate\n"
	if got := buf.String(); got != want {
		t.Errorf("WriteText =\n%q\nwant\n%q", got, want)
	}
}

// FuzzSnippet checks that a snippet is one line of valid UTF-8 within its
// length, whatever the text.
func FuzzSnippet(f *testing.F) {
	f.Add("China's alliance with Cambodia serves as a pillar", 20)
	f.Add("  1. Political mutual trust – Reinforcing\tCambodia's status\n", 10)
	f.Add("\xff\xfe\x00\u2028", 3)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		limit = 1 + abs(limit)%200
		got := snippet(s, limit)
		if !utf8.ValidString(got) || strings.ContainsAny(got, "\n\r\t") {
			t.Fatalf("snippet(%q, %d) = %q: not one line of valid UTF-8", s, limit, got)
		}
		if n := utf8.RuneCountInString(got); n > limit {
			t.Fatalf("snippet(%q, %d) = %q: %d runes", s, limit, got, n)
		}
	})
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
