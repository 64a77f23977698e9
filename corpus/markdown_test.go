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
			[]w{itemT("a | b", "a b"), itemT("c | d", "c d")}},
		{"table rows are units", Paragraph,
			"Milestones:\n\n| Year | Event |\n|------|-------|\n| 2019 | The dam project was **approved** by the council. |\n" +
				"| 2021 | Construction began \\| late. |\n|  | |\n\nAfter the table.",
			[]w{para("Milestones:"), itemT("Year | Event", "Year Event"),
				itemT("2019 | The dam project was **approved** by the council.", "2019 The dam project was approved by the council."),
				itemT("2021 | Construction began \\| late.", "2021 Construction began | late."), para("After the table.")}},
		{"table right after a line of prose", Paragraph,
			"Milestones of the dam project\n| 2019 | Approved |\n|---|---|\n| 2021 | Construction began |\n",
			[]w{para("Milestones of the dam project"), itemT("2019 | Approved", "2019 Approved"),
				itemT("2021 | Construction began", "2021 Construction began")}},
		{"table rows are sentences of their own", Sentence,
			"| Year | Event |\n| --- | --- |\n| 2019 | The dam project was approved. It cost $2.5m. |\n| 2021 | Construction began. |\n",
			[]w{sentT("Year | Event", "Year Event"), sentT("2019 | The dam project was approved.", "2019 The dam project was approved."),
				sent("It cost $2.5m."), sentT("2021 | Construction began.", "2021 Construction began.")}},
		{"a row ending in a backslash keeps its last cell", Paragraph,
			"| System | Root folder |\n|---|---|\n| Windows | The root folder of the system drive is C:\\\n",
			[]w{itemT("System | Root folder", "System Root folder"), itemT("Windows | The root folder of the system drive is C:\\", "Windows The root folder of the system drive is C:\\")}},
		{"table rows without outer pipes", Paragraph,
			"> Year | Event\n> ---|---\n> 2019 | The dam project was approved.\n> 2021 | Construction began.\nNot a row.\n\nA | B in prose.\n",
			[]w{quoted(itemT("Year | Event", "Year Event")), quoted(itemT("2019 | The dam project was approved.", "2019 The dam project was approved.")),
				quoted(itemT("2021 | Construction began.", "2021 Construction began.")), para("Not a row."), para("A | B in prose.")}},
		{"script, style and textarea blocks skipped", Paragraph,
			"Intro.\n\n<script>\nvar x = 1; window.track(\"page view\");\n\nfunction f() { return 2; }\n</script>\n" +
				"<STYLE type=\"text/css\">\nBody { color: red; }\n</style>\n" +
				"  <textarea name=\"c\">\nYour comment here.\n</textarea>\n" +
				"> <script>\n> track();\n> </script>\nThe council approved the budget.",
			[]w{para("Intro."), para("The council approved the budget.")}},
		{"one-line script and inline script", Paragraph,
			"<script src=\"a.js\"></script>\nThe council met. <script>track(\"x\")</script>It approved the budget.",
			[]w{paraT("The council met. <script>track(\"x\")</script>It approved the budget.", "The council met. It approved the budget.")}},
		{"pre stays text", Paragraph, "<pre>\nThe council approved the budget.\n</pre>\n",
			[]w{para("The council approved the budget.")}},
		{"multi-line comments skipped", Paragraph,
			"<!--\nDraft: the mayor resigned.\n\n# Old heading\n- old item\n-->\nThe mayor stayed.\n\n<!-- one line -->\n" +
				"<!-- starts here\nand ends here -->\n\n   <!--\n</script>\n-->\nLast.",
			[]w{para("The mayor stayed."), para("Last.")}},
		{"HTML blocks and code fences", Paragraph,
			"```html\n<script>\n```\nKept.\n</script>\nAlso kept.\n\n<!--\n```\ncode\n```\n-->\nEnd.",
			[]w{para("Kept."), para("Also kept."), para("End.")}},
		{"unclosed comment hides nothing", Paragraph, "Before.\n<!-- draft\n\nThe mayor stayed.",
			[]w{para("Before."), para("The mayor stayed.")}},
		// HTML blocks as a state of the block loop: what the scans of
		// neighbouring lines got wrong.
		{"comment holding a code fence", Paragraph, "<!--\n```\n-->\nThe mayor stayed.",
			[]w{para("The mayor stayed.")}},
		{"script holding a comment end", Paragraph, "<script>\nif (a-->0) { track(); }\n</script>\nThe mayor stayed.",
			[]w{para("The mayor stayed.")}},
		{"comment holding a script end", Paragraph, "<!--\nDraft: </script> the mayor resigned.\n-->\nThe mayor stayed.",
			[]w{para("The mayor stayed.")}},
		{"end tag indented four columns", Paragraph, "<script>\n  var x;\n    </script>\nThe mayor stayed.",
			[]w{para("The mayor stayed.")}},
		{"comment after front matter holding a front matter delimiter", Paragraph,
			"---\ntitle: x\n---\n<!--\n...\nDraft: the mayor resigned.\n-->\nThe mayor stayed.",
			[]w{para("The mayor stayed.")}},
		{"processing instruction, declaration and CDATA blocks skipped", Paragraph,
			"<?php\necho 'hello world';\n?>\n<!DOCTYPE html\n  PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">\n<![CDATA[\nraw data\n]]>\nThe mayor stayed.",
			[]w{para("The mayor stayed.")}},
		{"code fence line in a div block", Paragraph, "<div>\n```\n</div>\n\nThe mayor stayed.",
			[]w{para("```"), para("The mayor stayed.")}},
		{"a div block interrupts a paragraph, a span line does not", Paragraph,
			"The council met\n<div>\nthe mayor stayed\n</div>\n\nThe council met\n<span>\nthe mayor stayed",
			[]w{para("The council met"), para("the mayor stayed"),
				paraT("The council met\n<span>\nthe mayor stayed", "The council met the mayor stayed")}},
		{"no block structure in a block opened by a tag", Paragraph,
			"<p align=\"center\">\n- not an item\n# not a heading\n</p>\n\n# Heading\n<br>\n- not an item",
			[]w{paraT("- not an item\n# not a heading", "- not an item # not a heading"), head("Heading"),
				para("- not an item")}},
		{"pre block across a blank line", Paragraph, "<pre>\nline one\n\n# not a heading\n</pre>\nAfter.",
			[]w{para("line one"), para("# not a heading"), para("After.")}},
		{"script in a div block", Paragraph, "<div>\n<script>\nvar x = 1;\n\ntrack(x);\n</script>\n</div>\nThe mayor stayed.",
			[]w{para("The mayor stayed.")}},
		{"comment in a quote ends with the quote", Paragraph, "> <!--\n> Draft: the mayor resigned.\nThe mayor stayed.\n\n-->",
			[]w{para("The mayor stayed.")}},
		// An HTML block ends with its container: the list item it is in,
		// or the quote; quote markers beyond the container's are content.
		{"div block ends at the next list item", Paragraph, "- Item text here.\n  <div>\n  div words\n- Next item.\n",
			[]w{item("Item text here."), para("div words"), item("Next item.")}},
		{"div block in a list item after a blank line ends with the list", Paragraph,
			"- Item text here.\n\n  <div>\n  div words\nafter the list\n",
			[]w{item("Item text here."), para("div words"), para("after the list")}},
		{"div block in an outer list item goes on over an inner item", Paragraph,
			"- Outer item.\n  - Inner item.\n  <div>\n  div words\n  - not an item\n- next outer item\n",
			[]w{item("Outer item."), item("Inner item."), paraT("div words\n  - not an item", "div words - not an item"),
				item("next outer item")}},
		{"div block after a lazy continuation line of an item", Paragraph,
			"- Item text\ncontinued here\n  <div>\n  div words\n- next item\n",
			[]w{itemT("Item text\ncontinued here", "Item text continued here"), para("div words"), item("next item")}},
		{"div block in a quoted list item", Paragraph, "> - Item text here.\n>   <div>\n>   div words\n> - next item\n",
			[]w{quoted(item("Item text here.")), quoted(para("div words")), quoted(item("next item"))}},
		// A quote in a list item is a container in a container: the item
		// goes on over its lines, whose markers sit in the item's indent.
		{"div block after a quote in a list item ends at the next item", Paragraph,
			"- item text\n  > a quote in the item\n  <div>\n  div words\n- next item\n",
			[]w{item("item text"), quoted(para("a quote in the item")), para("div words"), item("next item")}},
		{"div block after a quote in a nested list item ends at the next inner item", Paragraph,
			"- outer item\n  - inner item\n    > a quote in the inner item\n    <div>\n    div words\n  - next inner item\n",
			[]w{item("outer item"), item("inner item"), quoted(para("a quote in the inner item")), para("div words"),
				item("next inner item")}},
		// In CommonMark "lazy line" goes on the quote's paragraph; here a
		// change of quote depth ends a paragraph, but the item goes on.
		{"div block after a quote and a lazy line in a list item", Paragraph,
			"- item text\n  > a quote in the item\nlazy line\n  <div>\n  div words\n- next item\n",
			[]w{item("item text"), quoted(para("a quote in the item")), para("lazy line"), para("div words"), item("next item")}},
		{"div block in a list item in a quote in a list item", Paragraph,
			"- outer item\n  > - inner item\n  >   > deep quote\n  >   <div>\n  >   div words\n  > - next inner item\n",
			[]w{item("outer item"), quoted(item("inner item")), quoted(para("deep quote")), quoted(para("div words")),
				quoted(item("next inner item"))}},
		{"a quote outside the list item ends it", Paragraph,
			"- item text\n  > a quote in the item\n> <div>\n> div words\n> - not an item\n",
			[]w{item("item text"), quoted(para("a quote in the item")), quoted(paraT("div words\n> - not an item", "div words - not an item"))}},
		// A code fence ends with its container too, as in CommonMark: the
		// quote or the list item it is in. Code has no lazy lines.
		{"code fence in a quote ends with the quote", Paragraph, "> ~~~\n> code\n\nThe mayor stayed.\n",
			[]w{para("The mayor stayed.")}},
		{"code fence in a quote ends at a line without a marker", Paragraph, "> ```\n> code\nThe mayor stayed.\n",
			[]w{para("The mayor stayed.")}},
		{"code fence in a list item ends at the next item", Paragraph, "- item\n  ```\n  code\n- next item\n\nAfter.",
			[]w{item("item"), item("next item"), para("After.")}},
		{"code fence in a list item goes on over blank and indented lines", Paragraph,
			"- item\n  ```\n  code\n\n  - not an item\n  ```\n- next item\n",
			[]w{item("item"), item("next item")}},
		{"code fence in a list item after a blank line ends with the list", Paragraph,
			"- item\n\n  ```\n  code\nAfter the list.\n",
			[]w{item("item"), para("After the list.")}},
		{"code fence in a quoted list item", Paragraph, "> - item\n>   ```\n>   code\n> - next item\n",
			[]w{quoted(item("item")), quoted(item("next item"))}},
		{"code fence in a quote in a list item ends at the next item", Paragraph,
			"- item\n  > ```\n  > code\n- next item\n",
			[]w{item("item"), item("next item")}},
		{"quote markers in a code fence are its content", Paragraph, "> ```\n> > ```\n> code\n> ```\nThe mayor stayed.\n",
			[]w{para("The mayor stayed.")}},
		// Leaf blocks in a list item: up to three columns of indentation
		// past the item's text, not past the line start.
		{"code fence in a nested list item", Paragraph,
			"- outer item\n  - inner item\n    ```\n    code\n    ```\n- next item\n",
			[]w{item("outer item"), item("inner item"), item("next item")}},
		{"closing fence indented past the item's text", Paragraph,
			"- item\n  ```\n  code\n     ```\n  The mayor stayed.\n",
			[]w{item("item"), para("The mayor stayed.")}},
		{"heading, comment and rule in a nested list item", Paragraph,
			"- outer item\n  - inner item\n\n    # Inner heading\n    <!--\n    draft\n    -->\n    ***\n    The mayor stayed.\n",
			[]w{item("outer item"), item("inner item"), head("Inner heading"), para("The mayor stayed.")}},
		{"indented four columns past the item's text is text", Paragraph,
			"- item\n\n      # not a heading\n",
			[]w{item("item"), para("# not a heading")}},
		{"quote markers in a div block are its content", Paragraph, "<div>\nText one here.\n> \n```\nText two here.\n",
			[]w{para("Text one here."), paraT("> \n```", "> ```"), para("Text two here.")}},
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
