package corpus

import "testing"

func TestSplitMarkdown(t *testing.T) {
	tests := []struct {
		name string
		mode Mode
		in   string
		want []w
	}{
		{"ATX headings", Paragraph, "# Title #\n\n## Sub *heading*\nText here.",
			[]w{head("Title"), headT("Sub *heading", "Sub heading"), para("Text here.")}},
		{"setext headings", Paragraph, "Title\n=====\n\nSub\n---\nText.\n",
			[]w{head("Title"), head("Sub"), para("Text.")}},
		{"thematic breaks", Paragraph, "One.\n\n***\n\n---\n\n- - -\nTwo.",
			[]w{para("One."), para("Two.")}},
		{"list items", Paragraph, "- dash\n+ plus\n* star\n1. one\n2) two\n",
			[]w{item("dash"), item("plus"), item("star"), item("one"), item("two")}},
		{"blockquote", Paragraph, "> Quoted *text*\n> goes on.\n>\n> > Nested.\n\nAfter.",
			[]w{quoted(paraT("Quoted *text*\n> goes on.", "Quoted text goes on.")), quoted(para("Nested.")), para("After.")}},
		{"heading in a quote", Paragraph, "> # Quoted title\n", []w{quoted(head("Quoted title"))}},
		{"code fences skipped", Paragraph, "Before.\n```go\nfunc main() {}\n\n```\n~~~\ncode\n~~~\nAfter.",
			[]w{para("Before."), para("After.")}},
		{"unclosed fence", Paragraph, "Before.\n```\nnot prose\n", []w{para("Before.")}},
		{
			"inline markup", Paragraph,
			"**Bold** and _em_ and `a * b` and [link](http://x.com \"t\") and ![alt text](img.png) and <https://a.b/c> and <b>tag</b> &amp; \\* star.",
			[]w{paraT("Bold** and _em_ and `a * b` and [link](http://x.com \"t\") and ![alt text](img.png) and <https://a.b/c> and <b>tag</b> &amp; \\* star.",
				"Bold and em and a * b and link and alt text and https://a.b/c and tag & * star.")},
		},
		{"emphasis across lines", Paragraph, "Some *emphasis\nacross* lines.",
			[]w{paraT("Some *emphasis\nacross* lines.", "Some emphasis across lines.")}},
		{"unpaired delimiters stay", Paragraph, "Use snake_case and 5 * 3 and 2*x and ~tilde.",
			[]w{para("Use snake_case and 5 * 3 and 2*x and ~tilde.")}},
		{"intraword emphasis", Paragraph, "un*frigging*believable and ~~struck~~ text",
			[]w{paraT("un*frigging*believable and ~~struck~~ text", "unfriggingbelievable and struck text")}},
		{"nested link and image", Paragraph, "[![logo](logo.png) Home](https://example.com) page",
			[]w{paraT("logo](logo.png) Home](https://example.com) page", "logo Home page")}},
		{"reference links and footnotes", Paragraph, "See [the docs][docs] and a note[^1] here.\n\n[docs]: https://example.com\n",
			[]w{paraT("See [the docs][docs] and a note[^1] here.", "See the docs and a note here.")}},
		{"brackets that are not links", Paragraph, "Citation [1] and [sic] stay.",
			[]w{para("Citation [1] and [sic] stay.")}},
		{"line break tag", Paragraph, "One<br>two and three<!-- hidden -->.",
			[]w{paraT("One<br>two and three<!-- hidden -->.", "One two and three.")}},
		{"front matter and tables", Paragraph, "---\ntitle: Post\n---\n| a | b |\n|---|:-:|\n| c | d |\n",
			[]w{para("| a | b |"), para("| c | d |")}},
		{"comment line", Paragraph, "<!-- a comment -->\nText.", []w{para("Text.")}},
		{"sentences", Sentence, "# Head line\n\nFirst **one**. Second [two](x).",
			[]w{sent("Head line"), sentT("First **one**.", "First one."), sentT("Second [two](x).", "Second two.")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(&Document{Format: Markdown, Text: tt.in}, tt.mode)
			want := units(t, tt.in, tt.want...)
			if d := diffUnits(got, want); d != "" {
				t.Errorf("Split(Markdown %q, %s): %s", tt.in, tt.mode, d)
			}
			if err := checkUnits(tt.in, got); err != nil {
				t.Error(err)
			}
		})
	}
}
