package corpus

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// Benchmarks over real text: the seed article, a JSONL corpus built from its
// paragraphs (the shape of ../shared/bench/gencorpus.py output: one
// paragraph a record), and the Reuters-21578 corpus when ../shared is
// present. For example:
//
//	go test ./corpus -run '^$' -bench . -benchmem

func BenchmarkSplitText(b *testing.B) {
	src := seed(b)
	for _, mode := range []Mode{Paragraph, Sentence} {
		b.Run(string(mode), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				SplitText(src, mode)
			}
		})
	}
}

// BenchmarkSplitParagraphs splits one-paragraph documents, as in a JSONL
// corpus of paragraphs.
func BenchmarkSplitParagraphs(b *testing.B) {
	src := seed(b)
	var paras []string
	n := 0
	for _, u := range SplitText(src, Paragraph) {
		paras = append(paras, src[u.Start:u.End])
		n += u.End - u.Start
	}
	for _, mode := range []Mode{Paragraph, Sentence} {
		b.Run(string(mode), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(n))
			for b.Loop() {
				for _, p := range paras {
					SplitText(p, mode)
				}
			}
		})
	}
}

func BenchmarkSplitMarkdown(b *testing.B) {
	src := seed(b)
	doc := &Document{Format: Markdown, Text: src}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Split(doc, Paragraph)
	}
}

// BenchmarkSplitMarkdownLongParagraph splits one paragraph of 20,000
// wrapped lines with inline markup on each: the cost per byte must stay that
// of short paragraphs (mapping markup back to source lines once walked all
// the lines for each piece of markup: 8.3 s for 80,000 lines, 1.2 s after).
func BenchmarkSplitMarkdownLongParagraph(b *testing.B) {
	var t strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&t, "line %d of the report, with *emphasis* and `code` in it\n", i)
	}
	doc := &Document{Format: Markdown, Text: t.String()}
	b.ReportAllocs()
	b.SetBytes(int64(t.Len()))
	for b.Loop() {
		Split(doc, Paragraph)
	}
}

// BenchmarkSplitMarkdownHTMLBlocks splits Markdown with an HTML block
// between every two paragraphs of the seed article (comments, scripts,
// <details>, <div> and <pre> blocks, one-line tags), and pathological HTML
// block lines that must stay linear: 50,000 lines of an unclosed
// "<script>", of "-->", and of alternating "<!--" and "-->".
func BenchmarkSplitMarkdownHTMLBlocks(b *testing.B) {
	blocks := []string{
		"<!--\nEditor's note: check the figures.\n-->\n",
		"<script>\nwindow.track(\"page\");\n\nvar x = 1;\n</script>\n",
		"<details>\n<summary>More</summary>\n\n",
		"<div align=\"center\">\n  <img src=\"chart.png\" alt=\"Chart\">\n</div>\n\n",
		"<pre>\nQ1  12.5\nQ2  13.1\n</pre>\n\n",
		"<br>\n",
		"<!-- one line -->\n",
	}
	var md strings.Builder
	for i, p := range strings.Split(seed(b), "\n\n") {
		md.WriteString(p)
		md.WriteString("\n\n")
		md.WriteString(blocks[i%len(blocks)])
	}
	benchMarkdown(b, []namedText{
		{"article", md.String()},
		{"unclosed-script", strings.Repeat("<script>\n", 50000)},
		{"comment-ends", strings.Repeat("-->\n", 50000)},
		{"alternating", strings.Repeat("<!--\n-->\n", 25000)},
	})
}

type namedText struct{ name, text string }

// benchMarkdown splits each text as Markdown in paragraph mode, a
// sub-benchmark each.
func benchMarkdown(b *testing.B, docs []namedText) {
	for _, d := range docs {
		b.Run(d.name, func(b *testing.B) {
			doc := &Document{Format: Markdown, Text: d.text}
			b.ReportAllocs()
			b.SetBytes(int64(len(d.text)))
			for b.Loop() {
				Split(doc, Paragraph)
			}
		})
	}
}

// BenchmarkSplitMarkdownNested splits lines of containers nested on one
// line, which must stay linear: 50,000 list markers ("- - - ... text")
// and 50,000 items holding quotes ("- > - > ... text"), one line each.
func BenchmarkSplitMarkdownNested(b *testing.B) {
	benchMarkdown(b, []namedText{
		{"items", strings.Repeat("- ", 50000) + "text\n"},
		{"items-quotes", strings.Repeat("- > ", 25000) + "text\n"},
	})
}

func BenchmarkSplitHTML(b *testing.B) {
	var h strings.Builder
	h.WriteString("<html><head><title>x</title><script>var a = 1;</script></head><body><nav>Home</nav>\n")
	for _, line := range strings.Split(seed(b), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			fmt.Fprintf(&h, "<p>%s</p>\n", strings.ReplaceAll(line, "&", "&amp;"))
		}
	}
	h.WriteString("</body></html>\n")
	doc := &Document{Format: HTML, Text: h.String()}
	b.ReportAllocs()
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		Split(doc, Paragraph)
	}
}

// paragraphJSONL returns n records of one or two seed paragraphs each.
func paragraphJSONL(b *testing.B, n int) []byte {
	src := seed(b)
	var paras []string
	for _, u := range SplitText(src, Paragraph) {
		paras = append(paras, src[u.Start:u.End])
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i := 0; i < n; i++ {
		text := paras[i%len(paras)]
		if i%3 == 0 {
			text += "\n\n" + paras[(i*7)%len(paras)]
		}
		enc.Encode(map[string]string{"id": fmt.Sprintf("para-%d", i), "text": text})
	}
	return buf.Bytes()
}

func BenchmarkReadJSONL(b *testing.B) {
	data := paragraphJSONL(b, 10000)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		err := Read([]string{"-"}, bytes.NewReader(data), Options{Format: JSONL}, func(*Document) error {
			n++
			return nil
		})
		if err != nil || n != 10000 {
			b.Fatal(n, err)
		}
	}
}

// BenchmarkReadJSONLReference decodes the same records with encoding/json,
// for comparison.
func BenchmarkReadJSONLReference(b *testing.B) {
	data := paragraphJSONL(b, 10000)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for _, line := range bytes.Split(data, []byte("\n")) {
			if len(line) == 0 {
				continue
			}
			var rec struct{ ID, Text string }
			if err := json.Unmarshal(line, &rec); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReuters reads and splits the Reuters-21578 corpus (15.8 MB of
// text in 19,043 records) from ../shared, skipped when it is absent.
func BenchmarkReuters(b *testing.B) {
	gz, err := os.ReadFile("../../shared/eval/corpora/reuters21578.jsonl.gz")
	if err != nil {
		b.Skip("Reuters corpus not present:", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		b.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []Mode{"", Paragraph, Sentence} {
		name := "read"
		if mode != "" {
			name = "read+" + string(mode)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				err := Read([]string{"-"}, bytes.NewReader(data), Options{Format: JSONL}, func(d *Document) error {
					if mode != "" {
						Split(d, mode)
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSplitForwardSeparators: separator lines that each open a look
// for a header block, between lines that read as folded header values. A
// look ends at the next separator, and after maxHeaderLines lines; before
// either bound, 40,000 such pairs took 36 s.
func BenchmarkSplitForwardSeparators(b *testing.B) {
	var s strings.Builder
	s.WriteString("Intro line of prose that talks about harbours.\n\n")
	for i := range 20000 {
		fmt.Fprintf(&s, " -----Original Message-----\nX-Note: %d\n", i)
	}
	doc := &Document{Format: Text, Text: s.String()}
	b.ReportAllocs()
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		Split(doc, Paragraph)
	}
}
