package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// referenceRecord decodes a record with encoding/json: the slow, obviously
// right reference for recordDecoder.
func referenceRecord(line []byte, idField, txField string) (record, error) {
	if !json.Valid(line) {
		return record{}, errors.New("invalid JSON")
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return record{}, err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return record{}, errors.New("not an object")
	}
	var r record
	switch id := m[idField].(type) {
	case string:
		r.id, r.hasID = id, true
	case json.Number:
		r.id, r.hasID = string(id), true
	case nil:
	default:
		return record{}, errors.New("bad id")
	}
	switch tx := m[txField].(type) {
	case string:
		r.text = tx
	default:
		return record{}, errors.New("bad or missing text")
	}
	r.url, _ = m["url"].(string)
	r.title, _ = m["title"].(string)
	return r, nil
}

var recordTests = []struct {
	name string
	in   string
	want record // zero when an error is wanted
	err  string // a part of the error message
}{
	{"plain", `{"id":"a1","text":"Hello."}`, record{id: "a1", text: "Hello.", hasID: true}, ""},
	{"numeric id", `{"id": 42, "text": "x"}`, record{id: "42", text: "x", hasID: true}, ""},
	{"float id", `{"id":-1.5e+3,"text":"x"}`, record{id: "-1.5e+3", text: "x", hasID: true}, ""},
	{"null id", `{"id":null,"text":"x"}`, record{text: "x"}, ""},
	{"no id", `{"text":"x"}`, record{text: "x"}, ""},
	{"url and title", `{"url":"https://e.com/a","title":"T","text":"x","id":"1"}`,
		record{id: "1", text: "x", url: "https://e.com/a", title: "T", hasID: true}, ""},
	{"url of another type ignored", `{"url":5,"title":["t"],"text":"x"}`, record{text: "x"}, ""},
	{"escapes", `{"text":"a\nb\t\"c\"\\\/\b\f\r \u00e9 \ud83d\ude00 \ud800 x"}`,
		record{text: "a\nb\t\"c\"\\/\b\f\r é 😀 \uFFFD x"}, ""},
	{"raw UTF-8", `{"text":"Phnom Penh – “quoted” 中文"}`, record{text: "Phnom Penh – “quoted” 中文"}, ""},
	{"other members skipped", ` { "a" : {"b":[1,2.5e-3,true,false,null,{"c":"\u0041"}]}, "text" : "x" , "z":[] } ` + "\r\n",
		record{text: "x"}, ""},
	{"escaped member name", `{"\u0074ext":"x","i\u0064":"7"}`, record{id: "7", text: "x", hasID: true}, ""},
	{"duplicate members: the last wins", `{"text":5,"text":"x","id":{},"id":"b"}`, record{id: "b", text: "x", hasID: true}, ""},
	{"missing text", `{"id":"a","body":"x"}`, record{}, `missing text field "text"`},
	{"null text", `{"text":null}`, record{}, `missing text field`},
	{"text of another type", `{"text":5}`, record{}, `text field "text" is a number, want a string`},
	{"id of another type", `{"id":true,"text":"x"}`, record{}, `id field "id" is a boolean`},
	{"not an object", `["text"]`, record{}, "must be an object"},
	{"trailing comma", `{"text":"x",}`, record{}, "invalid JSON: '}' at column 13, want a member name"},
	{"missing colon", `{"text" "x"}`, record{}, "want ':'"},
	{"unterminated string", `{"text":"x`, record{}, "unterminated string"},
	{"control character", "{\"text\":\"a\tb\"}", record{}, "control character"},
	{"bad escape", `{"text":"\q"}`, record{}, `bad escape \q`},
	{"bad unicode escape", `{"text":"\u12G4"}`, record{}, `bad \u escape`},
	{"trailing data", `{"text":"x"} {}`, record{}, "after the object at column 14"},
	{"bad number", `{"text":"x","n":01}`, record{}, "want ',' or '}'"},
	{"bad literal", `{"text":"x","n":tru}`, record{}, "want a value"},
	{"invalid UTF-8", "{\"text\":\"ab\xffc\"}", record{}, "invalid UTF-8 at column 12"},
}

func TestDecodeRecord(t *testing.T) {
	var d recordDecoder
	for _, tt := range recordTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := d.decode([]byte(tt.in), "id", "text")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("decode(%q) error = %v, want one containing %q", tt.in, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("decode(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
			}
		})
	}
}

// TestDecodeRecordReference checks the fast decoder against encoding/json
// on every table case and on the JSONL lines of the fuzz corpus.
func TestDecodeRecordReference(t *testing.T) {
	var lines []string
	for _, tt := range recordTests {
		lines = append(lines, tt.in)
	}
	lines = append(lines, strings.Split(seedJSONL(t, 50), "\n")...)
	var d recordDecoder
	for _, line := range lines {
		agree(t, &d, []byte(line), "id", "text")
	}
}

// agree reports a difference between the decoder and the reference.
func agree(t *testing.T, d *recordDecoder, line []byte, idField, txField string) {
	t.Helper()
	if len(bytes.TrimSpace(line)) == 0 {
		return
	}
	got, err := d.decode(line, idField, txField)
	if !utf8.Valid(line) {
		if err == nil {
			t.Errorf("decode(%q) accepted invalid UTF-8", line)
		}
		return
	}
	want, werr := referenceRecord(line, idField, txField)
	if (err != nil) != (werr != nil) || got != want {
		t.Errorf("decode(%q) = %+v, %v; encoding/json gives %+v, %v", line, got, err, want, werr)
	}
}

// seedJSONL returns n records made of the seed article's paragraphs.
func seedJSONL(t testing.TB, n int) string {
	var paras []string
	src := seed(t)
	for _, u := range SplitText(src, Paragraph) {
		paras = append(paras, src[u.Start:u.End])
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for i := 0; i < n; i++ {
		text := paras[i%len(paras)] + "\n\n" + paras[(i*7+3)%len(paras)]
		rec := map[string]any{"id": fmt.Sprintf("doc-%d", i), "text": text}
		if i%3 == 0 {
			rec["url"] = fmt.Sprintf("https://example.com/%d", i)
			rec["title"] = paras[i%len(paras)][:10]
		}
		if i%5 == 0 {
			rec["id"] = i
		}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

func TestReadJSONL(t *testing.T) {
	in := "\uFEFF" + `{"id":"a","text":"First.","url":"https://e.com/a","title":"A"}` + "\r\n" +
		"\n" +
		`{"id":7,"text":"Second."}` + "\n" +
		`{"id":"bad","text":"unterminated}` + "\n" +
		`{"text":"No id."}` + "\n" +
		`{"id":"c","body":"no text"}` + "\n" +
		`{"id":"d","text":"Last."}` // no final line break
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []Document
	err := Read([]string{path}, nil, Options{}, func(d *Document) error {
		got = append(got, *d)
		return nil
	})
	want := []Document{
		{ID: "a", Path: path, Record: 1, URL: "https://e.com/a", Title: "A", Format: JSONL, Text: "First."},
		{ID: "7", Path: path, Record: 3, Format: JSONL, Text: "Second."},
		{ID: path + ":5", Path: path, Record: 5, Format: JSONL, Text: "No id."},
		{ID: "d", Path: path, Record: 7, Format: JSONL, Text: "Last."},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Read documents:\n got %+v\nwant %+v", got, want)
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Read error = %v, want an ErrorList", err)
	}
	wantErrs := path + ":4: invalid JSON: unterminated string starting at column 20\n" +
		path + `:6: missing text field "text"`
	if err.Error() != wantErrs {
		t.Errorf("Read error:\n%s\nwant\n%s", err, wantErrs)
	}
	if !errors.Is(err, errBadJSON) || !errors.Is(err, errNoText) || list[0].Line != 4 {
		t.Errorf("errors.Is/Line do not see through the ErrorList: %#v", list)
	}
}

// TestReadJSONArray checks a scraper's JSON export (items.json: one array
// of records, pretty-printed or not): each element is a document numbered
// by its line, bad elements are reported by place and line while the rest
// are read, and .json and .jl files are JSON, not text.
func TestReadJSONArray(t *testing.T) {
	in := "[\n" +
		`  {"id": "a", "text": "First.", "url": "https://e.com/a"},` + "\n" +
		`  {"text": "No id."}, {"text": "Same line."},` + "\n" +
		"  5,\n" +
		`  {"id": "c", "body": "no text"},` + "\n" +
		`  {"id": "d",` + "\n" + `   "text": "Last."}` + "\n" +
		"]\n"
	dir := t.TempDir()
	var got []string
	var errs []string
	for _, name := range []string{"items.json", "items.jl"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
			t.Fatal(err)
		}
		err := Read([]string{path}, nil, Options{}, func(d *Document) error {
			got = append(got, fmt.Sprintf("%s %d %s %q %s", strings.TrimPrefix(d.ID, dir+string(filepath.Separator)), d.Record, d.Format, d.Text, d.URL))
			return nil
		})
		errs = append(errs, strings.ReplaceAll(fmt.Sprint(err), dir+string(filepath.Separator), ""))
	}
	doc := []string{
		`a 2 jsonl "First." https://e.com/a`,
		`items.json#2 3 jsonl "No id." `,
		`items.json#3 3 jsonl "Same line." `,
		`d 6 jsonl "Last." `,
	}
	want := append(doc, strings.ReplaceAll(strings.Join(doc, "\n"), "items.json#", "items.jl#"))
	if g := strings.Join(got, "\n"); g != strings.Join(want[:4], "\n")+"\n"+want[4] {
		t.Errorf("documents:\n%s\nwant\n%s\n%s", g, strings.Join(want[:4], "\n"), want[4])
	}
	wantErr := "items.json:4: element 4: invalid JSON: a record must be an object, found '5' at column 1\n" +
		`items.json:5: element 5: missing text field "text"`
	if errs[0] != wantErr || errs[1] != strings.ReplaceAll(wantErr, "items.json", "items.jl") {
		t.Errorf("errors:\n%s\n%s\nwant\n%s", errs[0], errs[1], wantErr)
	}
	// A broken array: the records before the break are read, the break is
	// reported with its line.
	path := filepath.Join(dir, "broken.json")
	os.WriteFile(path, []byte("[{\"text\": \"One.\"},\n{\"text\": \"Two.\"\n"), 0o644)
	var n int
	err := Read([]string{path}, nil, Options{}, func(d *Document) error { n++; return nil })
	if n != 1 || err == nil || !strings.Contains(err.Error(), "broken.json:2: JSON array: the file ends before the array is closed (at element 2)") {
		t.Errorf("broken array: %d documents, error %v", n, err)
	}
	// Data after the array is reported.
	path = filepath.Join(dir, "trailing.json")
	os.WriteFile(path, []byte("[{\"text\": \"One.\"}]\n\ntrailing"), 0o644)
	n = 0
	err = Read([]string{path}, nil, Options{}, func(d *Document) error { n++; return nil })
	if n != 1 || err == nil || !strings.Contains(err.Error(), "trailing.json:3: JSON array: data after the closing ']'") {
		t.Errorf("trailing data: %d documents, error %v", n, err)
	}
}

func TestReadJSONLFields(t *testing.T) {
	in := `{"key":"k1","body":"Body one.","text":"not this"}` + "\n" + `{"key":2,"body":"Body two."}`
	var got []string
	err := Read([]string{"-"}, strings.NewReader(in), Options{Format: JSONL, IDField: "key", TextField: "body"},
		func(d *Document) error {
			got = append(got, d.ID+"="+d.Text)
			return nil
		})
	if want := []string{"k1=Body one.", "2=Body two."}; err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Read with IDField/TextField = %q, %v; want %q", got, err, want)
	}
}

// TestReadJSONLLongRecord reads a record longer than the reader's buffer.
func TestReadJSONLLongRecord(t *testing.T) {
	long := strings.Repeat("All work and no play makes Jack a dull boy. ", 20000) // 880 kB
	in := `{"id":"short","text":"x"}` + "\n" + `{"id":"long","text":"` + long + `"}` + "\n" + `{"id":"after","text":"y"}`
	var got []string
	err := Read([]string{"-"}, strings.NewReader(in), Options{}, func(d *Document) error {
		got = append(got, fmt.Sprintf("%s:%d", d.ID, len(d.Text)))
		return nil
	})
	want := []string{"short:1", fmt.Sprintf("long:%d", len(long)), "after:1"}
	if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Read = %v, %v; want %v", got, err, want)
	}
}

// TestReadJSONLErrorCap checks that a file of garbage does not produce an
// error a line.
func TestReadJSONLErrorCap(t *testing.T) {
	in := strings.Repeat("not json\n", maxRecordErrors+50) + `{"text":"fine"}`
	n := 0
	err := Read([]string{"-"}, strings.NewReader(in), Options{Format: JSONL}, func(*Document) error { n++; return nil })
	var list ErrorList
	if !errors.As(err, &list) || len(list) != maxRecordErrors+1 || n != 1 {
		t.Fatalf("got %d documents and %d errors, want 1 and %d", n, len(list), maxRecordErrors+1)
	}
	if last := list[len(list)-1].Error(); last != "-: 50 more bad records" {
		t.Errorf("last error %q", last)
	}
}

// TestJSONLStreams checks that records reach fn before the input is
// exhausted.
func TestJSONLStreams(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	done := make(chan error, 1)
	got := make(chan string, 1)
	go func() {
		done <- Read([]string{"-"}, pr, Options{Format: JSONL}, func(d *Document) error {
			got <- d.Text
			return nil
		})
	}()
	fmt.Fprintln(pw, `{"text":"first"}`)
	if s := <-got; s != "first" {
		t.Fatalf("got %q", s)
	}
	fmt.Fprintln(pw, `{"text":"second"}`)
	<-got
	pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func FuzzPlainRun(f *testing.F) {
	for _, s := range []string{"", "abc\"", "abcdefghijkl\\n", "héllo wörld, ok\x01", "01234567\"", "\xff\xfe abcdefgh"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line := []byte(s)
		want, wantHigh := len(line), false
		for j, c := range line {
			if c == '"' || c == '\\' || c < 0x20 {
				want = j
				break
			}
			wantHigh = wantHigh || c >= 0x80
		}
		got, high := plainRun(line, 0)
		if got != want || wantHigh && !high {
			t.Errorf("plainRun(%q) = %d, %v; want %d, %v", s, got, high, want, wantHigh)
		}
	})
}

// TestReadJSONDocument: a pretty-printed JSON document that is not an
// array of records (a config file, a labels file beside the articles) is
// one error naming the file, not an error for each of its lines.
func TestReadJSONDocument(t *testing.T) {
	root := writeTree(t, map[string]string{
		"expected.json": "{\n  \"must\": [\n    {\"a\": 3, \"b\": 7}\n  ],\n  \"never\": []\n}\n",
		"a.txt":         "The council voted to dredge the harbour.\n",
	})
	var ids []string
	err := Read([]string{root}, nil, Options{}, func(d *Document) error { ids = append(ids, filepath.Base(d.ID)); return nil })
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 || !strings.Contains(list[0].Error(), "expected.json: a JSON document of several lines") {
		t.Fatalf("errors %v, want one naming expected.json", err)
	}
	if len(ids) != 1 || ids[0] != "a.txt" {
		t.Errorf("documents %v, want a.txt", ids)
	}
}

// TestReadJSONArrayCutShort: an array the file ends inside keeps the
// records before, and the error names the file's last line, not the one
// after it.
func TestReadJSONArrayCutShort(t *testing.T) {
	in := `[{"id":"a1","text":"The council voted."},` + "\n"
	var ids []string
	err := Read([]string{"-"}, strings.NewReader(in), Options{Format: JSONL}, func(d *Document) error { ids = append(ids, d.ID); return nil })
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 || list[0].Error() != "-:1: JSON array: the file ends before the array is closed (at element 2)" || len(ids) != 1 {
		t.Errorf("records %v, error %v; want a1 and one error at line 1", ids, err)
	}
}
