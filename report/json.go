package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/neardup/neardup"
)

// The JSON report. Structs, not maps, so the fields come out in this order.
type (
	jsonReport struct {
		Clusters []jsonCluster `json:"clusters"`
		Pairs    []jsonPair    `json:"pairs"`
		Stats    neardup.Stats `json:"stats"`
		Options  jsonOptions   `json:"options"`
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
//	 "stats": {…}, "options": {…}}
//
// "representative" is the index of the representative in "members", a
// member's "score" its similarity to the representative, and "kind" of a
// member the kind of block its unit came from. Fields are in a fixed order,
// indented by two spaces, with a trailing newline; scores are rounded to
// four decimals; "<", ">" and "&" are written as they are.
//
// The object is streamed a cluster or a pair at a time, each encoded by
// encoding/json with the indentation of its depth, so that a report of a
// million paragraphs never sits whole in memory: the bytes are those that
// encoding the whole jsonReport at once would give.
func WriteJSON(w io.Writer, r *neardup.Result) error {
	if err := check(r); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	e := newElemEncoder(bw)
	e.raw("{\n  \"clusters\": [")
	for i := range r.Clusters {
		c := &r.Clusters[i]
		jc := jsonCluster{ID: c.ID, Kind: c.Kind, Representative: repIndex(c), Members: make([]jsonMember, len(c.Members))}
		for j, m := range c.Members {
			u := &r.Units[m.Unit]
			jc.Members[j] = jsonMember{Location: u.Location, Kind: u.Kind.String(), Score: score(m.Score), Text: u.Text}
		}
		e.elem(i, jc)
	}
	e.end(len(r.Clusters))
	e.raw(",\n  \"pairs\": [")
	for i, p := range r.Pairs {
		e.elem(i, jsonPair{
			A:           ref(&r.Units[p.A]),
			B:           ref(&r.Units[p.B]),
			Kind:        p.Kind,
			Score:       score(p.Score),
			Cosine:      score(p.Cosine),
			Jaccard:     score(p.Jaccard),
			Containment: score(p.Containment),
		})
	}
	e.end(len(r.Pairs))
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

// elemEncoder writes the parts of the JSON report, keeping the first
// error.
type elemEncoder struct {
	w      *bufio.Writer
	buf    bytes.Buffer
	elems  *json.Encoder // array elements: depth 2
	fields *json.Encoder // values of top-level fields: depth 1
	err    error
}

func newElemEncoder(w *bufio.Writer) *elemEncoder {
	e := &elemEncoder{w: w}
	e.elems = json.NewEncoder(&e.buf)
	e.elems.SetEscapeHTML(false)
	e.elems.SetIndent("    ", "  ")
	e.fields = json.NewEncoder(&e.buf)
	e.fields.SetEscapeHTML(false)
	e.fields.SetIndent("  ", "  ")
	return e
}

func (e *elemEncoder) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

// encode writes v with enc, without the newline Encode ends with.
func (e *elemEncoder) encode(enc *json.Encoder, v any) {
	if e.err != nil {
		return
	}
	e.buf.Reset()
	if e.err = enc.Encode(v); e.err == nil {
		b := e.buf.Bytes()
		_, e.err = e.w.Write(b[:len(b)-1])
	}
}

// elem writes element i of an array.
func (e *elemEncoder) elem(i int, v any) {
	if i > 0 {
		e.raw(",")
	}
	e.raw("\n    ")
	e.encode(e.elems, v)
}

// end closes an array of n elements.
func (e *elemEncoder) end(n int) {
	if n > 0 {
		e.raw("\n  ")
	}
	e.raw("]")
}

// field writes the value of a top-level field.
func (e *elemEncoder) field(v any) { e.encode(e.fields, v) }

func ref(u *neardup.Unit) jsonRef {
	return jsonRef{Doc: u.Doc, Line: u.Line, Start: u.Start, End: u.End, Text: u.Text}
}
