package corpus

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree creates files (path -> content) under a new temporary folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".gz") {
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			zw := gzip.NewWriter(f)
			zw.Write([]byte(content))
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			f.Close()
			continue
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// readAll reads paths and returns "id format text" for every document,
// and the error with root replaced by "ROOT".
func readAll(t *testing.T, root string, paths []string, opt Options) ([]string, string) {
	t.Helper()
	var got []string
	err := Read(paths, nil, opt, func(d *Document) error {
		id := filepath.ToSlash(strings.TrimPrefix(d.ID, root+string(filepath.Separator)))
		got = append(got, fmt.Sprintf("%s %s %q", id, d.Format, d.Text))
		return nil
	})
	msg := ""
	if err != nil {
		msg = strings.ReplaceAll(filepath.ToSlash(err.Error()), filepath.ToSlash(root)+"/", "")
	}
	return got, msg
}

func TestReadFolder(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a.txt":                 "Plain.",
		"b.md":                  "# Title",
		"c.HTML":                "<p>Hi</p>",
		"d.jsonl":               `{"id":"d1","text":"One."}` + "\n" + `{"id":"d2","text":"Two."}`,
		"e.ndjson.gz":           `{"id":"e1","text":"Zipped."}`,
		"f.txt.gz":              "Zipped text.",
		"sub/g.markdown":        "Sub.",
		"sub/deeper/h.htm":      "<b>x</b>",
		".git/config":           "hidden folder",
		".hidden.txt":           "hidden file",
		"img.bin":               "\x89PNG\x00\x00",
		"latin1.txt":            "line one\ncaf\xe9\n",
		"sub/.cache/skip.txt":   "hidden",
		"z/empty.txt":           "",
		"z/whitespace.md":       " \n",
		"zz/notgzip.txt.gz":     "", // written as an empty gzip stream
		"zz/gzipped-as-txt.txt": "",
	})
	// A gzip stream under a name without .gz is still recognised.
	writeGzip(t, filepath.Join(root, "zz", "gzipped-as-txt.txt"), "By magic.")
	got, err := readAll(t, root, []string{root}, Options{})
	want := []string{
		`a.txt text "Plain."`,
		`b.md markdown "# Title"`,
		`c.HTML html "<p>Hi</p>"`,
		`d1 jsonl "One."`,
		`d2 jsonl "Two."`,
		`e1 jsonl "Zipped."`,
		`f.txt.gz text "Zipped text."`,
		`sub/deeper/h.htm html "<b>x</b>"`,
		`sub/g.markdown markdown "Sub."`,
		`z/empty.txt text ""`,
		`z/whitespace.md markdown " \n"`,
		`zz/gzipped-as-txt.txt text "By magic."`,
		`zz/notgzip.txt.gz text ""`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Read(folder) documents:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantErr := "img.bin: binary file (NUL byte at offset 4)\n" +
		"latin1.txt:2: invalid UTF-8 at byte 12 (0xe9); name its encoding (Options.Encoding, --encoding latin1)"
	if err != wantErr {
		t.Errorf("Read(folder) error:\n%s\nwant\n%s", err, wantErr)
	}
}

func writeGzip(t *testing.T, path, content string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := gzip.NewWriter(f)
	zw.Write([]byte(content))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestReadIncludeExclude(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a.txt":                 "a",
		"b.md":                  "b",
		"notes.txt":             "n",
		"docs/x.md":             "x",
		"docs/deep/y.md":        "y",
		"docs/deep/y.txt":       "y",
		"vendor/v.txt":          "v",
		"site/testdata/t.txt":   "t",
		"site/page.html":        "p",
		"site/skip-me.html":     "s",
		"site/sub/skip-too.txt": "s",
	})
	tests := []struct {
		name             string
		include, exclude []string
		want             string
	}{
		{"everything", nil, nil, "a.txt b.md docs/deep/y.md docs/deep/y.txt docs/x.md notes.txt site/page.html site/skip-me.html site/sub/skip-too.txt site/testdata/t.txt vendor/v.txt"},
		{"include base name", []string{"*.md"}, nil, "b.md docs/deep/y.md docs/x.md"},
		{"include path with **", []string{"docs/**/*.md"}, nil, "docs/deep/y.md docs/x.md"},
		{"include relative path", []string{"docs/*.md", "a.txt"}, nil, "a.txt docs/x.md"},
		{"exclude folder by name", nil, []string{"vendor", "testdata", "docs"}, "a.txt b.md notes.txt site/page.html site/skip-me.html site/sub/skip-too.txt"},
		{"exclude with **", nil, []string{"**/skip*", "./vendor/", "docs/deep"}, "a.txt b.md docs/x.md notes.txt site/page.html site/testdata/t.txt"},
		{"include and exclude", []string{"*.txt"}, []string{"notes.*", "site"}, "a.txt docs/deep/y.txt vendor/v.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := Read([]string{root}, nil, Options{Include: tt.include, Exclude: tt.exclude}, func(d *Document) error {
				rel, _ := filepath.Rel(root, d.ID)
				got = append(got, filepath.ToSlash(rel))
				return nil
			})
			if err != nil || strings.Join(got, " ") != tt.want {
				t.Errorf("Read(include %q, exclude %q) = %q, %v\nwant %q", tt.include, tt.exclude, strings.Join(got, " "), err, tt.want)
			}
		})
	}
	// A file named explicitly is read whatever the patterns say.
	var got []string
	Read([]string{filepath.Join(root, "vendor", "v.txt")}, nil, Options{Include: []string{"*.md"}, Exclude: []string{"*.txt"}},
		func(d *Document) error { got = append(got, d.Text); return nil })
	if len(got) != 1 {
		t.Errorf("explicit file filtered out: %q", got)
	}
	if err := Read([]string{root}, nil, Options{Exclude: []string{"[a-"}}, nil); err == nil || !strings.Contains(err.Error(), `bad glob pattern "[a-"`) {
		t.Errorf("bad pattern: error %v", err)
	}
	if err := Read([]string{root}, nil, Options{Format: "pdf"}, nil); err == nil || err.Error() != `corpus: unknown format "pdf"` {
		t.Errorf("bad format: error %v", err)
	}
	// A link to a folder is walked.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Join(root, "docs"), link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	got = nil
	err := Read([]string{link}, nil, Options{}, func(d *Document) error {
		got = append(got, filepath.ToSlash(strings.TrimPrefix(d.ID, link)))
		return nil
	})
	if want := "/deep/y.md /deep/y.txt /x.md"; err != nil || strings.Join(got, " ") != want {
		t.Errorf("Read(link to folder) = %q, %v; want %q", strings.Join(got, " "), err, want)
	}
}

func TestReadErrors(t *testing.T) {
	root := writeTree(t, map[string]string{
		"ok.txt":    "Fine.",
		"broken.gz": "",
		"nul.jsonl": "{\"text\":\"a\x00\"}\n",
	})
	os.WriteFile(filepath.Join(root, "broken.gz"), []byte{0x1f, 0x8b, 0x08, 0x00, 1, 2}, 0o644)
	missing := filepath.Join(root, "missing.txt")
	got, err := readAll(t, root, []string{missing, filepath.Join(root, "nul.jsonl"), filepath.Join(root, "broken.gz"),
		filepath.Join(root, "ok.txt"), "-"}, Options{})
	if want := []string{`ok.txt text "Fine."`}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("documents %q, want %q", got, want)
	}
	wantErr := "missing.txt: no such file or directory\n" +
		"nul.jsonl: binary file (NUL byte at offset 10)\n" +
		"broken.gz: gzip: unexpected EOF\n" +
		"-: no standard input"
	if err != wantErr {
		t.Errorf("errors:\n%s\nwant\n%s", err, wantErr)
	}
	rerr := Read([]string{missing}, nil, Options{}, func(*Document) error { return nil })
	if !errors.Is(rerr, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false", rerr)
	}
}

func TestReadStops(t *testing.T) {
	root := writeTree(t, map[string]string{"a.txt": "a", "b/c.txt": "c", "d.jsonl": `{"text":"1"}` + "\n" + `{"text":"2"}`})
	stop := errors.New("stop")
	for _, target := range []string{"a", "c", "1"} {
		var seen []string
		err := Read([]string{root}, nil, Options{}, func(d *Document) error {
			seen = append(seen, d.Text)
			if d.Text == target {
				return stop
			}
			return nil
		})
		if err != stop || seen[len(seen)-1] != target {
			t.Errorf("stopping at %q: error %v, saw %q", target, err, seen)
		}
	}
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		in     string
		want   string
	}{
		{"text", Auto, "Just text.", `- text "Just text."`},
		{"sniffed JSONL", Auto, "\n  {\"id\":\"x\",\"text\":\"T\"}\n", `x jsonl "T"`},
		{"text opening with a bracket", Auto, "[![Build](https://ci.example/badge.svg)](https://ci.example) The council met.", `- text "[![Build](https://ci.example/badge.svg)](https://ci.example) The council met."`},
		{"text opening with a bracketed note", Auto, "[Updated 5 May] The council met.", `- text "[Updated 5 May] The council met."`},
		{"sniffed JSON array", Auto, "\uFEFF [{\"id\":\"x\",\"text\":\"T\"},{\"id\":\"y\",\"text\":\"U\"}]", `x jsonl "T"|y jsonl "U"`},
		{"sniffed HTML", Auto, "\uFEFF<!doctype html><p>Hi</p>", `- html "\ufeff<!doctype html><p>Hi</p>"`},
		{"not HTML", Auto, "< 5 apples", `- text "< 5 apples"`},
		{"an address, not HTML", Auto, "<john@example.com> wrote:\n\nThe council voted.", `- text "<john@example.com> wrote:\n\nThe council voted."`},
		{"a tag of no element", Auto, "<grin> That was a joke.", `- text "<grin> That was a joke."`},
		{"a fragment", Auto, "<p class=\"lead\">The council voted.</p>", `- html "<p class=\"lead\">The council voted.</p>"`},
		{"sniffed Markdown heading", Auto, "# Council approves budget\n\nThe council met.", `- markdown "# Council approves budget\n\nThe council met."`},
		{"sniffed front matter", Auto, "---\ntitle: Budget\n---\nThe council met.", `- markdown "---\ntitle: Budget\n---\nThe council met."`},
		{"not a heading", Auto, "#1 in sales, the council said.", `- text "#1 in sales, the council said."`},
		{"a rule, not front matter", Auto, "---\nThe council met.", `- text "---\nThe council met."`},
		{"forced Markdown", Markdown, "<p>x</p>", `- markdown "<p>x</p>"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := Read([]string{"-"}, strings.NewReader(tt.in), Options{Format: tt.format}, func(d *Document) error {
				got = append(got, fmt.Sprintf("%s %s %q", d.ID, d.Format, d.Text))
				return nil
			})
			if err != nil || strings.Join(got, "|") != tt.want {
				t.Errorf("Read(stdin %q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestFileError(t *testing.T) {
	e := &FileError{Path: "a.jsonl", Line: 3, Err: errBadJSON}
	if e.Error() != "a.jsonl:3: invalid JSON" || !errors.Is(e, errBadJSON) {
		t.Errorf("FileError = %q", e)
	}
	e0 := &FileError{Path: "b.txt", Err: errBinary}
	if e0.Error() != "b.txt: binary file" {
		t.Errorf("FileError without line = %q", e0)
	}
	l := ErrorList{e, e0}
	if l.Error() != "a.jsonl:3: invalid JSON\nb.txt: binary file" || !errors.Is(l, errBinary) {
		t.Errorf("ErrorList = %q", l)
	}
}

// TestReadOnce checks that a file named twice, found again through its
// folder, a symbolic link or a hard link, and standard input named twice
// are each read once.
func TestReadOnce(t *testing.T) {
	root := writeTree(t, map[string]string{"news/a.txt": "Story A.", "news/b.txt": "Story B."})
	a := filepath.Join(root, "news", "a.txt")
	link := filepath.Join(root, "link.txt")
	if err := os.Symlink(a, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	hard := filepath.Join(root, "hard.txt")
	if err := os.Link(a, hard); err != nil {
		t.Skip("no hard links here:", err)
	}
	var got []string
	err := Read([]string{a, filepath.Join(root, "news"), a, link, hard, "-", "-"}, strings.NewReader("From stdin."), Options{}, func(d *Document) error {
		got = append(got, d.Text)
		return nil
	})
	if err != nil || strings.Join(got, "|") != "Story A.|Story B.|From stdin." {
		t.Errorf("read %q, %v; want each file and standard input once", got, err)
	}
}

// TestReadCleansPaths: a file named as typed ("./a/b.md", "a//b.md") has
// the id its folder's walk gives it, so that a draft checked against an
// index is not matched with itself under another spelling; named four ways
// it is read once.
func TestReadCleansPaths(t *testing.T) {
	root := writeTree(t, map[string]string{"arch/council.md": "The council voted.\n"})
	t.Chdir(root)
	var ids []string
	err := Read([]string{"./arch/council.md", "arch//council.md", "arch/./council.md", "arch"}, nil, Options{}, func(d *Document) error {
		ids = append(ids, d.ID+"|"+d.Path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "arch/council.md|arch/council.md " // one file, read once
	if got := strings.Join(ids, " ") + " "; got != want {
		t.Errorf("ids %q, want %q", got, want)
	}
}

// TestReadFolderSkipsBinaryNames: a folder's images and the like are passed
// by, as its dot files are; named on the command line, or asked for with
// Include, they are read (and a binary one is an error). A dangling link
// that Include leaves out is not an error.
func TestReadFolderSkipsBinaryNames(t *testing.T) {
	root := writeTree(t, map[string]string{
		"drafts/story.md":      "The council voted to dredge the harbour.\n",
		"drafts/hero.jpg":      "\xff\xd8\xff\xe0\x00\x10JFIF\x00",
		"drafts/backup.tar.gz": "story.md\x00\x00\x00",
	})
	if err := os.Symlink(filepath.Join(root, "gone.txt"), filepath.Join(root, "drafts", "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	read := func(paths []string, opt Options) (docs []string, errs int) {
		err := Read(paths, nil, opt, func(d *Document) error { docs = append(docs, filepath.Base(d.Path)); return nil })
		var list ErrorList
		errors.As(err, &list)
		return docs, len(list)
	}
	drafts := filepath.Join(root, "drafts")
	if docs, errs := read([]string{drafts}, Options{Include: []string{"*.md"}}); len(docs) != 1 || errs != 0 {
		t.Errorf("--include *.md: %v and %d errors, want story.md and none", docs, errs)
	}
	if docs, errs := read([]string{drafts}, Options{}); len(docs) != 1 || errs != 1 {
		t.Errorf("folder: %v and %d errors, want story.md and the dangling link", docs, errs)
	}
	if docs, errs := read([]string{filepath.Join(drafts, "hero.jpg")}, Options{}); len(docs) != 0 || errs != 1 {
		t.Errorf("hero.jpg named: %v and %d errors, want one error", docs, errs)
	}
}

// TestReadEncodings: HTML in a declared legacy charset and UTF-16 with a
// byte order mark are decoded; other text that is not UTF-8 is an error
// naming the way out, and read with Options.Encoding.
func TestReadEncodings(t *testing.T) {
	const cafe = "The café on the harbour closed after thirty years."
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range cafe + "\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	root := writeTree(t, map[string]string{
		"latin1.html":  "<html><head><meta charset=\"iso-8859-1\"></head><body><p>The caf\xe9 on the harbour closed after thirty years.</p></body></html>",
		"nodecl.html":  "<p>The caf\xe9 on the harbour closed after thirty years.</p>",
		"latin1.txt":   "The caf\xe9 on the harbour closed after thirty years.\n",
		"utf16le.txt":  string(utf16),
		"utf8.html":    "<meta charset=\"iso-8859-1\"><p>" + cafe + "</p>",
		"markdown.md":  "# Caf\xe9\n",
		"records.json": `{"text":"` + cafe + `"}` + "\n",
	})
	read := func(opt Options) (map[string]string, []string) {
		texts := map[string]string{}
		err := Read([]string{root}, nil, opt, func(d *Document) error {
			texts[filepath.Base(d.Path)] = d.Text
			return nil
		})
		var errs []string
		var list ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				errs = append(errs, e.Error())
			}
		} else if err != nil {
			t.Fatal(err)
		}
		return texts, errs
	}
	texts, errs := read(Options{})
	for _, name := range []string{"latin1.html", "nodecl.html", "utf16le.txt", "utf8.html", "records.json"} {
		if !strings.Contains(texts[name], cafe) {
			t.Errorf("%s: text %q, want it to hold %q", name, texts[name], cafe)
		}
	}
	if len(errs) != 2 || !strings.Contains(errs[0], "latin1.txt:1: invalid UTF-8 at byte 7 (0xe9); name its encoding") || !strings.Contains(errs[1], "markdown.md") {
		t.Errorf("errors %q, want latin1.txt's and markdown.md's", errs)
	}
	texts, errs = read(Options{Encoding: "latin1"})
	if len(errs) != 0 || texts["latin1.txt"] != cafe+"\n" || texts["markdown.md"] != "# Café\n" || !strings.Contains(texts["records.json"], cafe) {
		t.Errorf("with latin1: %q, errors %q", texts, errs)
	}
	if err := Read([]string{root}, nil, Options{Encoding: "klingon"}, func(*Document) error { return nil }); err == nil || !strings.Contains(err.Error(), `unknown encoding "klingon"`) {
		t.Errorf("unknown encoding: %v", err)
	}
}

// TestReadPathsNotCleaned: "./-" is a file named "-", not standard input,
// and a path through a link and ".." is read as the file system reads it.
func TestReadPathsNotCleaned(t *testing.T) {
	root := writeTree(t, map[string]string{
		"-":               "A file named with a dash.\n",
		"other/story.txt": "The story the link leads to.\n",
		"other/sub/x.txt": "x\n",
	})
	if err := os.Symlink(filepath.Join(root, "other", "sub"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	var got []string
	err := Read([]string{"./-", "link/../story.txt"}, strings.NewReader("stdin text\n"), Options{}, func(d *Document) error {
		got = append(got, d.ID+"="+strings.TrimSpace(d.Text))
		return nil
	})
	want := "./-=A file named with a dash.|link/../story.txt=The story the link leads to."
	if err != nil || strings.Join(got, "|") != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}

// TestReadEncodingMixed: --encoding applies to the files that are not
// UTF-8, so the UTF-8 files of a mixed folder stay as they are. Without
// it, an HTML page that declares UTF-8 keeps its bad byte an error.
func TestReadEncodingMixed(t *testing.T) {
	root := writeTree(t, map[string]string{
		"latin1.txt":    "The caf\xe9 closed.\n",
		"utf8.txt":      "The council’s vote — a close one.\n",
		"declared.html": "<meta charset=\"utf-8\"><p>A bad byte \xe9 here.</p>",
	})
	read := func(opt Options) (map[string]string, error) {
		texts := map[string]string{}
		err := Read([]string{root}, nil, opt, func(d *Document) error {
			texts[filepath.Base(d.Path)] = d.Text
			return nil
		})
		return texts, err
	}
	texts, err := read(Options{Encoding: "latin1"})
	if err != nil || texts["latin1.txt"] != "The café closed.\n" || texts["utf8.txt"] != "The council’s vote — a close one.\n" || !strings.Contains(texts["declared.html"], "bad byte é") {
		t.Errorf("with latin1: %q, %v", texts, err)
	}
	texts, err = read(Options{})
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 || !strings.Contains(list[0].Error(), "declared.html:1: invalid UTF-8") {
		t.Errorf("without an encoding: errors %v, want declared.html's and latin1.txt's", err)
	}
	if _, ok := texts["declared.html"]; ok {
		t.Errorf("declared.html read as %q without an encoding", texts["declared.html"])
	}
}
