package corpus

import "testing"

func TestSplitHTML(t *testing.T) {
	tests := []struct {
		name string
		mode Mode
		in   string
		want []w
	}{
		{
			"page furniture dropped", Paragraph,
			"<!DOCTYPE html>\n<html><head><title>T</title><style>p{color:red}</style></head>\n<body>\n" +
				"<nav><a href=/>Home</a></nav><header><nav><a href=/world>World</a></nav></header>\n<h1>The Title</h1>\n" +
				"<p>First &amp; second.</p>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n" +
				"<blockquote><p>Quoted.</p></blockquote>\n<aside>Ad</aside><form><label>Name</label></form>\n" +
				"<footer>Foot</footer><script>var x = \"<p>no</p>\";</script><noscript>Enable JS</noscript>\n</body></html>",
			[]w{head("The Title"), paraT("First &amp; second.", "First & second."), item("One"), item("Two"), quoted(para("Quoted."))},
		},
		{"entities at the edges", Paragraph, "<p>&ldquo;Hi&rdquo; &#8212; &#x41;&nbsp;b</p>",
			[]w{paraT("&ldquo;Hi&rdquo; &#8212; &#x41;&nbsp;b", "“Hi” — A b")}},
		{"inline elements do not break", Paragraph, "<p>foo<b>bar</b> <a href='x'>baz</a>\nqux</p>",
			[]w{paraT("foo<b>bar</b> <a href='x'>baz</a>\nqux", "foobar baz qux")}},
		{"inline dropped elements keep the paragraph", Paragraph,
			"<p>The bank raised rates <svg class=icon><path d='M0 0'/></svg> on Thursday<script>track(1)</script>, " +
				"officials said <button>Share</button>today.</p><div>Box <label>x</label></div>",
			[]w{paraT("The bank raised rates <svg class=icon><path d='M0 0'/></svg> on Thursday<script>track(1)</script>, "+
				"officials said <button>Share</button>today.", "The bank raised rates on Thursday, officials said today."), para("Box")}},
		{"furniture by class, id and role", Paragraph,
			"<div class=\"cookie-banner\"><p>We use cookies.</p><button>Accept</button></div>" +
				"<div id=newsletter-signup><p>Sign up for our briefing.</p></div>" +
				"<header role=banner><p>Daily Wire</p></header>" +
				"<article class=\"story comments-open\"><header role=banner><h1>Rates rise</h1></header><p>The bank raised rates" +
				"<a class=share-link href=#>Share</a>.</p></article>" +
				"<section class=\"related-stories\"><ul><li>Other story</li></ul></section>" +
				"<div class=\"article-body social-links\"><p>Kept: a content token wins.</p></div>" +
				"<div class=\"cookieBanner text-center\"><p>Dropped: camelCase, and text-center is no content.</p></div>" +
				"<ul class=main-menu><li>Home</li></ul><div role=\"region navigation\">Dropped by its second role</div>" +
				"<div class=footer role=contentinfo><p>Copyright.</p></div><p>After.</p>",
			[]w{head("Rates rise"), paraT("The bank raised rates<a class=share-link href=#>Share</a>.", "The bank raised ratesShare."),
				para("Kept: a content token wins."), para("After.")}},
		{"furniture words that content uses too", Paragraph,
			"<p>Acme closed at <span class=\"share-price\">$12.40</span> on Friday.</p>" +
				"<div class=\"related-coverage-intro\">Earlier this week the minister resigned.</div>" +
				"<p class=promo>Subscribe today\n<p>The council voted on Tuesday.\n" +
				"<ul><li class=menu-item>Home<li class=menu-item>World</ul><p>Residents protested.</p>",
			[]w{paraT("Acme closed at <span class=\"share-price\">$12.40</span> on Friday.", "Acme closed at $12.40 on Friday."),
				para("Earlier this week the minister resigned."), para("Subscribe today"), para("The council voted on Tuesday."),
				item("Home"), item("World"), para("Residents protested.")}},
		{"br separates", Paragraph, "<p>one<br>two<br/>three</p>", []w{para("one"), para("two"), para("three")}},
		{"text around blocks", Paragraph, "<div>Intro<p>Para</p>tail</div>", []w{para("Intro"), para("Para"), para("tail")}},
		{"headings and table cells", Paragraph, "<h2>Sub <em>title</em></h2><table><tr><td>alpha</td><td>beta</td></tr></table>",
			[]w{headT("Sub <em>title", "Sub title"), para("alpha"), para("beta")}},
		{"hidden elements", Paragraph, "<div hidden><div>secret</div> still hidden</div><p aria-hidden=\"true\">no</p><p>yes</p>",
			[]w{para("yes")}},
		{"pre keeps blank-line paragraphs", Paragraph, "<pre>a b\n  c\n\n d e</pre>",
			[]w{paraT("a b\n  c", "a b c"), para("d e")}},
		{"unclosed list items", Paragraph, "<ul><li>a<li>b</ul><p>after</p><ol><li><p>c</p></li></ol>",
			[]w{item("a"), item("b"), para("after"), item("c")}},
		{"nested quote and list", Paragraph, "<blockquote><ul><li>quoted item</li></ul></blockquote><p>reply</p>",
			[]w{quoted(item("quoted item")), para("reply")}},
		{"references that are not entities", Paragraph, "<p>AT&T &bogus; &amp</p>",
			[]w{para("AT&T &bogus; &amp")}},
		{"malformed", Paragraph, "<p>unclosed <b>bold<li>item</p></div></span>text <",
			[]w{paraT("unclosed <b>bold", "unclosed bold"), item("item"), item("text <")}},
		{"unclosed drop element", Paragraph, "<p>kept</p><nav>dropped <p>too", []w{para("kept")}},
		{"head without its end tag ends at body", Paragraph,
			"<html><head><title>B</title><body><p>The council approved the budget.</p>",
			[]w{para("The council approved the budget.")}},
		{"head without its end tag ends at body content", Paragraph,
			"<html>\n<head>\n  <meta charset=utf-8>\n  <title>Storm</title>\n  <link rel=stylesheet href=s.css>\n" +
				"  <style>h1{}</style><script>var t;</script><noscript>Enable JS</noscript>\n" +
				"<h1>Storm hits coast</h1>\n<p>Waves rose overnight.</p>",
			[]w{head("Storm hits coast"), para("Waves rose overnight.")}},
		{"head without its end tag ends at text", Paragraph,
			"<head><title>Storm</title><base href=/>\nWaves rose <b>overnight</b>.<p>Roads closed.</p>",
			[]w{paraT("Waves rose <b>overnight</b>.", "Waves rose overnight."), para("Roads closed.")}},
		{"head ended by end tags of body and html", Paragraph,
			"<head><title>T</title></body>Late text.", []w{para("Late text.")}},
		{"template content in head stays dropped", Paragraph,
			"<head><template><p>Card</p></template><title>T</title></head><p>Body.</p>",
			[]w{para("Body.")}},
		{"form and header content kept, controls dropped", Paragraph,
			"<body><form method=post action=./story.aspx id=aspnetForm>\n" +
				"<header><nav><a href=/>Home</a></nav><label for=q>Search</label><input id=q name=q>" +
				"<button>Go</button></header>\n<article><header><h1>Storm hits coast</h1>\n" +
				"<p>Thousands lost power as waves rose.</p></header>\n<p>The storm came ashore on Monday.</p>\n" +
				"<select name=s><option>Sort by date</option></select><textarea name=c>Your comment</textarea>" +
				"<datalist id=d><option value=x>Suggestion</option></datalist>\n</article></form></body>",
			[]w{head("Storm hits coast"), para("Thousands lost power as waves rose."), para("The storm came ashore on Monday.")}},
		{"sentences", Sentence, "<p>Mr. Smith came &amp; went. He left.</p>\n<li>Item one.</li>",
			[]w{sentT("Mr. Smith came &amp; went.", "Mr. Smith came & went."), sent("He left."), sent("Item one.")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(&Document{Format: HTML, Text: tt.in}, tt.mode)
			want := units(t, tt.in, tt.want...)
			if d := diffUnits(got, want); d != "" {
				t.Errorf("Split(HTML %q, %s): %s", tt.in, tt.mode, d)
			}
			if err := checkUnits(tt.in, got); err != nil {
				t.Error(err)
			}
		})
	}
}
