package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/neardup/neardup"
)

// The JSON report. Structs, not maps, so the fields come out in this order.
type (
	jsonReport struct {
		Clusters  []jsonCluster  `json:"clusters"`
		Pairs     []jsonPair     `json:"pairs"`
		Documents []jsonDocument `json:"documents"`
		Stats     neardup.Stats  `json:"stats"`
		Options   jsonOptions    `json:"options"`
	}
	// jsonDocument is a neardup.DocumentPair.
	jsonDocument struct {
		A           string `json:"a"`
		B           string `json:"b"`
		UnitsA      int    `json:"units_a"`
		SharedA     int    `json:"shared_a"`
		UnitsB      int    `json:"units_b"`
		SharedB     int    `json:"shared_b"`
		Duplicates  int    `json:"duplicates"`
		Paraphrases int    `json:"paraphrases"`
	}
	jsonCluster struct {
		ID             int          `json:"id"`
		Kind           neardup.Kind `json:"kind"`
		Representative int          `json:"representative"` // index into Members
		Members        []jsonMember `json:"members"`
	}
	jsonMember struct {
		neardup.Location        // doc, path, url, title, line, start, end
		Kind             string `json:"kind"` // paragraph, heading, list-item, sentence
		Score            score  `json:"score"`
		Text             string `json:"text"`
	}
	jsonPair struct {
		A           jsonRef      `json:"a"`
		B           jsonRef      `json:"b"`
		Kind        neardup.Kind `json:"kind"`
		Score       score        `json:"score"`
		Cosine      score        `json:"cosine"`
		Jaccard     score        `json:"jaccard"`
		Containment score        `json:"containment"`
	}
	jsonRef struct {
		Doc   string `json:"doc"`
		Line  int    `json:"line"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	}
	// jsonOptions are the options that shape the result. Workers is left
	// out: the result does not depend on it, and the report must not.
	jsonOptions struct {
		Unit               string `json:"unit"`
		Language           string `json:"language"`
		Scope              string `json:"scope"`
		MinWords           int    `json:"min_words"`
		Threshold          score  `json:"threshold"`
		DuplicateThreshold score  `json:"duplicate_threshold"`
		BoilerplateDocs    int    `json:"boilerplate_docs"`
	}
)

// score is a float written rounded to four decimals.
type score float64

func (s score) MarshalJSON() ([]byte, error) {
	x := float64(s)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil, fmt.Errorf("report: score %v is not a finite number", x)
	}
	return strconv.AppendFloat(nil, round4(x), 'f', -1, 64), nil
}

// WriteJSON writes r as one JSON object:
//
//	{"clusters": [{"id", "kind", "representative", "members": [{"doc", "path",
//	   "url"?, "title"?, "line", "start", "end", "kind", "score", "text"}]}],
//	 "pairs": [{"a": {"doc", "line", "start", "end", "text"}, "b": {…},
//	   "kind", "score", "cosine", "jaccard", "containment"}],
//	 "documents": [{"a", "b", "units_a", "shared_a", "units_b", "shared_b",
//	   "duplicates", "paraphrases"}],
//	 "stats": {…}, "options": {…}}
//
// "representative" is the index of the representative in "members", a
// member's "score" its similarity to the representative, and "kind" of a
// member the kind of block its unit came from. Fields are in a fixed order,
// indented by two spaces, with a trailing newline; scores are rounded to
// four decimals; "<", ">" and "&" are written as they are.
//
// The object is streamed: clusters and pairs are encoded by encoding/json
// with the indentation of their depth, in parallel batches written in
// order, so that a report of a million paragraphs never sits whole in
// memory; the bytes are those that encoding the whole jsonReport at once
// would give (TestWriteJSONStreamsLikeEncode).
func WriteJSON(w io.Writer, r *neardup.Result) error {
	if err := check(r); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	e := newElemEncoder(bw)
	e.raw("{\n  \"clusters\": [")
	e.array(len(r.Clusters), func(i int) any {
		c := &r.Clusters[i]
		jc := jsonCluster{ID: c.ID, Kind: c.Kind, Representative: repIndex(c), Members: make([]jsonMember, len(c.Members))}
		for j, m := range c.Members {
			u := &r.Units[m.Unit]
			jc.Members[j] = jsonMember{Location: u.Location, Kind: u.Kind.String(), Score: score(m.Score), Text: u.Text}
		}
		return jc
	})
	e.raw(",\n  \"pairs\": [")
	e.array(len(r.Pairs), func(i int) any {
		p := r.Pairs[i]
		return jsonPair{
			A:           ref(&r.Units[p.A]),
			B:           ref(&r.Units[p.B]),
			Kind:        p.Kind,
			Score:       score(p.Score),
			Cosine:      score(p.Cosine),
			Jaccard:     score(p.Jaccard),
			Containment: score(p.Containment),
		}
	})
	e.raw(",\n  \"documents\": [")
	e.array(len(r.Documents), func(i int) any { return documentJSON(r.Documents[i]) })
	e.raw(",\n  \"stats\": ")
	e.field(r.Stats)
	e.raw(",\n  \"options\": ")
	e.field(jsonOptions{
		Unit:               string(r.Options.Unit),
		Language:           r.Options.Language,
		Scope:              string(r.Options.Scope),
		MinWords:           r.Options.MinWords,
		Threshold:          score(r.Options.Threshold),
		DuplicateThreshold: score(r.Options.DuplicateThreshold),
		BoilerplateDocs:    r.Options.BoilerplateDocs,
	})
	e.raw("\n}\n")
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}

func documentJSON(d neardup.DocumentPair) jsonDocument {
	return jsonDocument{A: d.A, B: d.B, UnitsA: d.UnitsA, SharedA: d.SharedA, UnitsB: d.UnitsB, SharedB: d.SharedB,
		Duplicates: d.Duplicates, Paraphrases: d.Paraphrases}
}

// elemEncoder writes the parts of the JSON report, keeping the first
// error.
type elemEncoder struct {
	w   *bufio.Writer
	err error
	// escapeHTML writes "<", ">" and "&" as \u003c, \u003e and \u0026,
	// as encoding/json does by default (the check reports always have).
	escapeHTML bool
}

func newElemEncoder(w *bufio.Writer) *elemEncoder { return &elemEncoder{w: w} }

func (e *elemEncoder) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *elemEncoder) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

// encoderAt returns a JSON encoder into buf with the indentation of depth
// (1: the value of a top-level field, 2: an element of a top-level array).
func (e *elemEncoder) encoderAt(buf *bytes.Buffer, depth int) *json.Encoder {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(e.escapeHTML)
	enc.SetIndent(strings.Repeat("  ", depth), "  ")
	return enc
}

// Array elements are encoded in parallel, arrayChunk at a time by each
// worker, a batch of chunks at a time, and written in order: memory holds
// one batch of encoded elements.
const arrayChunk = 256

// array writes the n elements of a top-level array made by elem, and
// closes it.
func (e *elemEncoder) array(n int, elem func(i int) any) {
	workers := max(1, runtime.GOMAXPROCS(0))
	chunks := make([]bytes.Buffer, workers)
	errs := make([]error, workers)
	for lo := 0; lo < n && e.err == nil; lo += workers * arrayChunk {
		var wg sync.WaitGroup
		for w := range workers {
			a := lo + w*arrayChunk
			if a >= n {
				break
			}
			wg.Go(func() {
				buf := &chunks[w]
				buf.Reset()
				enc := e.encoderAt(buf, 2)
				for i := a; i < min(a+arrayChunk, n); i++ {
					if i > 0 {
						buf.WriteByte(',')
					}
					buf.WriteString("\n    ")
					if errs[w] = enc.Encode(elem(i)); errs[w] != nil {
						return
					}
					buf.Truncate(buf.Len() - 1) // Encode's newline
				}
			})
		}
		wg.Wait()
		for w := range workers {
			if lo+w*arrayChunk >= n {
				break
			}
			if errs[w] != nil && e.err == nil {
				e.err = errs[w]
			}
			e.write(chunks[w].Bytes())
		}
	}
	if n > 0 {
		e.raw("\n  ")
	}
	e.raw("]")
}

// field writes the value of a top-level field.
func (e *elemEncoder) field(v any) {
	if e.err != nil {
		return
	}
	var buf bytes.Buffer
	if e.err = e.encoderAt(&buf, 1).Encode(v); e.err == nil {
		e.write(buf.Bytes()[:buf.Len()-1])
	}
}

func ref(u *neardup.Unit) jsonRef {
	return jsonRef{Doc: u.Doc, Line: u.Line, Start: u.Start, End: u.End, Text: u.Text}
}
