package corpus

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// Fuzz tests: whatever the input, splitting never panics, units hold the
// invariants of checkUnits, sentences partition the paragraph units (and
// are quoted and in a reference list where their paragraph is), and
// (where no character references are decoded) a unit's Text only drops
// bytes of its span. Run one with, e.g.,
//
//	go test ./corpus -run '^$' -fuzz FuzzSplitText -fuzztime 1m -fuzzminimizetime 1s
//
// The first seed is a whole article, and by default the fuzzer spends up to a
// minute shrinking each new interesting input: FuzzSplitText ran 21 inputs
// in 40 s that way, and 137,567 in 30 s with -fuzzminimizetime 1s.

func fuzzSeeds(f *testing.F) {
	f.Add(seed(f))
	f.Add("  1. item\n  2. two\nProse line.\nMore prose.\n")
	f.Add("Head:- One.- Two. U.S.-led\n")
	f.Add(">> quoted\n> reply\n|> usenet\n-- \nsig")
	f.Add("Yes.\n-----Original Message-----\nFrom: A <a@x.org>\nSent: Mon\n\nBody.\n\nFrom: b@y\nSubject: s\n\nBegin forwarded message:\nFrom: c\nTo: d\n")
	f.Add("Wong, L. (2023). Mr. Smith. 2.5 $1.8 e.g. i.e. etc. Inc. The U.S.. Forbes... ok? Yes!")
	f.Add("# H1\nSetext\n===\n```\ncode\n```\n**b** _e_ `c` [l](u) ![a](i) <http://x> &amp; \\*")
	f.Add("- > quote\n  > more\nlazy\n- # Head\n- - ```\n    code\n- ***\n1. > - item\n> Title\n- > ---\n- <!--\n-->")
	f.Add("<html><head><title>t</title></head><body><nav>n</nav><h1>T</h1><p>a &amp; b<br>c</p><ul><li>x<li>y</ul><blockquote>q</blockquote><pre>a\n\nb</pre></body>")
	f.Add("\uFEFF\r\n\t\u00a0\u3000。！？…\x00\xff")
	f.Add("Text.\n\nint x;\nif (x) {\n/* c */\n}\n\n#!/bin/sh\nsed 's/^X//' << 'E' > f &&\nXa\nX\nXb;\nE\nchmod f\n\nEnd.")
	f.Add("<pre><code>x = 1;</code></pre><pre class=\"lang-c\">y;</pre><pre>if (a &gt; b) {\n}</pre><p>p</p>")
	f.Add("Prose.\n\nSources: [1] A. (2023). T. http://a.example/x[2] B. https://www.b.example/y\n\n## References\n\n- C. www.c.example\n\n## Next\n\nProse again.")
}

// checkSplit checks a document in both modes.
func checkSplit(t *testing.T, doc *Document, dropsOnly bool) {
	paras := Split(doc, Paragraph)
	sents := Split(doc, Sentence)
	for _, us := range [][]Unit{paras, sents} {
		if err := checkUnits(doc.Text, us); err != nil {
			t.Fatalf("%s %q: %v", doc.Format, doc.Text, err)
		}
		if dropsOnly {
			for _, u := range us {
				if !subsequence(u.Text, doc.Text[u.Start:u.End]) {
					t.Fatalf("%s %q: Text %q is not drawn from its span %q", doc.Format, doc.Text, u.Text, doc.Text[u.Start:u.End])
				}
			}
		}
	}
	// SplitSkips gives Split's units, and the same skips in either mode.
	var skips [2][]Skip
	for i, mode := range []Mode{Paragraph, Sentence} {
		var us []Unit
		us, skips[i] = SplitSkips(doc, mode)
		if want := [][]Unit{paras, sents}[i]; !slices.Equal(us, want) {
			t.Fatalf("%s %q: SplitSkips in %s mode gives units %+v, Split %+v", doc.Format, doc.Text, mode, us, want)
		}
		if err := checkSkips(doc.Text, skips[i], us); err != nil {
			t.Fatalf("%s %q, %s mode: %v", doc.Format, doc.Text, mode, err)
		}
	}
	if !slices.Equal(skips[0], skips[1]) {
		t.Fatalf("%s %q: skips differ by mode: %+v and %+v", doc.Format, doc.Text, skips[0], skips[1])
	}
	// Sentences cut paragraph units and lose nothing.
	j := 0
	for _, s := range sents {
		for j < len(paras) && paras[j].End <= s.Start {
			j++
		}
		if j == len(paras) || s.Start < paras[j].Start || s.End > paras[j].End || s.Quoted != paras[j].Quoted || s.Reference != paras[j].Reference {
			t.Fatalf("%s %q: sentence %+v is not inside a paragraph unit", doc.Format, doc.Text, s)
		}
	}
	// (Spaces aside: CJK sentences end with no space after them.)
	if a, b := joinTexts(paras), joinTexts(sents); strings.ReplaceAll(a, " ", "") != strings.ReplaceAll(b, " ", "") {
		t.Fatalf("%s %q: sentences %q do not partition paragraphs %q", doc.Format, doc.Text, b, a)
	}
}

func joinTexts(us []Unit) string {
	var b strings.Builder
	for i, u := range us {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(u.Text)
	}
	return b.String()
}

func FuzzSplitText(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		checkSplit(t, &Document{Format: Text, Text: in}, true)
	})
}

func FuzzSplitMarkdown(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		checkSplit(t, &Document{Format: Markdown, Text: in}, !strings.Contains(in, "&"))
	})
}

func FuzzSplitHTML(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		// The splitter relies on the tokenizer's raw tokens tiling the input.
		z := xhtml.NewTokenizer(strings.NewReader(in))
		var raw []byte
		for z.Next() != xhtml.ErrorToken {
			raw = append(raw, z.Raw()...)
		}
		raw = append(raw, z.Raw()...)
		if string(raw) != in {
			t.Fatalf("tokens of %q tile %q", in, raw)
		}
		checkSplit(t, &Document{Format: HTML, Text: in}, !strings.Contains(in, "&"))
	})
}

func FuzzReadJSONL(f *testing.F) {
	f.Add(seedJSONL(f, 5))
	for _, tt := range recordTests {
		f.Add(tt.in + "\n" + `{"text":"after"}`)
	}
	f.Add("{\"text\":\"a\"}\r\n\n{\"id\":1e5,\"text\":\"\\ud83d\\ude00\"}\n\xff\n")
	// A JSON array of records (Scrapy's items.json), read from standard
	// input: whole, broken in an element, with data after it, empty.
	f.Add(`[{"id":"a","text":"First."},` + "\n" + `{"id":"b","text":"Second."}]`)
	f.Add(`[{"id":"a","text":"First."},{"id":2,"text":}]`)
	f.Add(`[{"text":"x"}] {"text":"y"}`)
	f.Add("[]\n")
	f.Fuzz(func(t *testing.T, in string) {
		line := 0
		err := Read([]string{"-"}, strings.NewReader(in), Options{Format: JSONL}, func(d *Document) error {
			if d.Record <= line || d.Format != JSONL || d.Path != "-" || !utf8.ValidString(d.Text) {
				t.Fatalf("%q: bad document %+v after record %d", in, d, line)
			}
			line = d.Record
			checkSplit(t, d, true)
			return nil
		})
		if err != nil {
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("%q: error %v is not an ErrorList", in, err)
			}
		}
		var d recordDecoder
		for _, l := range bytes.Split([]byte(in), []byte("\n")) {
			l = bytes.TrimSuffix(l, []byte("\r"))
			if bytes.IndexByte(l, 0) < 0 {
				agree(t, &d, l, "id", "text")
			}
		}
	})
}

// FuzzDecodeText: decoding never panics, and what it decodes is UTF-8 (or
// the input itself, left to the UTF-8 check).
func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("<meta charset=\"iso-8859-1\"><p>caf\xe9</p>"))
	f.Add([]byte("\xff\xfeT\x00h\x00e\x00"))
	f.Add([]byte("\xfe\xff\x00T\x00h"))
	f.Add([]byte("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">\x82\xa0"))
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, format := range []Format{Text, HTML} {
			out, valid, err := decodeText(in, format, nil)
			if err == nil && (valid != utf8.Valid(out) || !bytes.Equal(out, in) && !valid) {
				t.Fatalf("%s %q decoded to %q, valid %v", format, in, out, valid)
			}
		}
	})
}
