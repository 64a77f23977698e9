package archive

import (
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// testParams are the parameters of the test archives.
var testParams = Params{Language: "english", Unit: "paragraph", Features: "test-terms/1"}

// terms is the test analyser: the sorted unique FNV-32a hashes of the
// lower-cased words of text (words of letters and digits).
func terms(text string) []uint32 {
	var out []uint32
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		h := fnv.New32a()
		h.Write([]byte(w))
		out = append(out, h.Sum32()|1)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// testDoc is a document split into lines-separated paragraphs.
type testDoc struct {
	doc   Doc
	units []Unit
	terms [][]uint32
}

// split cuts text into units at blank lines, with byte offsets and lines.
func split(id, text string) testDoc {
	d := testDoc{doc: Doc{ID: id, Path: id + ".txt", URL: "https://example.org/" + id, Title: "Title of " + id}}
	line, start := 1, -1
	startLine := 0
	flush := func(end int) {
		if start >= 0 {
			t := strings.TrimSpace(text[start:end])
			if t != "" {
				d.units = append(d.units, Unit{Kind: 0, Line: startLine, Start: start, End: start + len(strings.TrimRight(text[start:end], " \n")), Text: t})
				d.terms = append(d.terms, terms(t))
			}
		}
		start = -1
	}
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text) - i
		}
		ln := text[i : i+j]
		if strings.TrimSpace(ln) == "" {
			flush(i)
		} else if start < 0 {
			start, startLine = i, line
		}
		i += j + 1
		line++
	}
	flush(len(text))
	return d
}

// article reads the bundled news article.
func article(t testing.TB) string {
	b, err := os.ReadFile("../testdata/cambodia-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// corpusDocs cuts the article into several documents of a few paragraphs.
func corpusDocs(t testing.TB) []testDoc {
	text := article(t)
	paras := strings.Split(text, "\n\n")
	var docs []testDoc
	for i := 0; i < len(paras); i += 4 {
		part := strings.Join(paras[i:min(i+4, len(paras))], "\n\n")
		docs = append(docs, split("doc"+string(rune('a'+len(docs))), part))
	}
	return docs
}

// backends opens fresh archives: in memory; in a file whose commits
// merge every posting (PendingLimit -1); and in a file that keeps up to
// 40 postings pending, so that most commits write pending records and
// some merge them.
func backends(t *testing.T) map[string]*Archive {
	t.Helper()
	mem, err := Open("", Options{Params: testParams})
	if err != nil {
		t.Fatal(err)
	}
	as := map[string]*Archive{"memory": mem}
	for name, limit := range map[string]int{"file": -1, "file-pending": 40} {
		a, err := Open(filepath.Join(t.TempDir(), name+".ndx"), Options{Params: testParams, NoSync: true, PendingLimit: limit})
		if err != nil {
			t.Fatal(err)
		}
		as[name] = a
	}
	t.Cleanup(func() {
		for _, a := range as {
			a.Close()
		}
	})
	return as
}

func addAll(t testing.TB, a *Archive, docs []testDoc) []uint32 {
	t.Helper()
	var firsts []uint32
	err := a.Update(func(tx Tx) error {
		for _, d := range docs {
			first, err := tx.AddDoc(d.doc, d.units, d.terms)
			if err != nil {
				return err
			}
			firsts = append(firsts, first)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return firsts
}

// reference is the slow, obviously right index: postings by brute force.
type reference struct {
	units map[uint32]Record
	terms map[uint32][]uint32
}

func (r *reference) add(first uint32, d testDoc) {
	if r.units == nil {
		r.units = map[uint32]Record{}
	}
	for i, u := range d.units {
		r.units[first+uint32(i)] = Record{ID: first + uint32(i), Doc: d.doc, Unit: u}
	}
}

func (r *reference) remove(id string) {
	for k, u := range r.units {
		if u.Doc.ID == id {
			delete(r.units, k)
		}
	}
}

// index returns the postings of every term by brute force: each unit's
// terms, each id listed under each of them, sorted.
func (r *reference) index() map[uint32][]uint32 {
	post := map[uint32][]uint32{}
	for id, u := range r.units {
		for _, term := range terms(u.Text) {
			post[term] = append(post[term], id)
		}
	}
	for _, p := range post {
		slices.Sort(p)
	}
	return post
}

// check compares the archive with the reference.
func (r *reference) check(t *testing.T, a *Archive) {
	t.Helper()
	err := a.View(func(tx Tx) error {
		st := tx.Stats()
		if st.Units != int64(len(r.units)) {
			t.Errorf("Stats().Units = %d, want %d", st.Units, len(r.units))
		}
		post := r.index()
		post[12345678] = nil
		for term, want := range post {
			got, err := tx.Postings(term, nil)
			if err != nil {
				return err
			}
			if !slices.Equal(got, want) {
				t.Errorf("Postings(%#x) = %v, want %v", term, got, want)
			}
			df, err := tx.DocFreq(term)
			if err != nil {
				return err
			}
			if df != len(want) {
				t.Errorf("DocFreq(%#x) = %d, want %d", term, df, len(want))
			}
		}
		for id, want := range r.units {
			got, ok, err := tx.Unit(id)
			if err != nil || !ok {
				t.Errorf("Unit(%d) = %v, %v", id, ok, err)
				continue
			}
			if got != want {
				t.Errorf("Unit(%d) = %+v, want %+v", id, got, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Verify(terms); err != nil {
		t.Errorf("Verify: %v", err)
	}
}
