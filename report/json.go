package report

import (
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
func WriteJSON(w io.Writer, r *neardup.Result) error {
	if err := check(r); err != nil {
		return err
	}
	rep := jsonReport{
		Clusters: make([]jsonCluster, len(r.Clusters)),
		Pairs:    make([]jsonPair, len(r.Pairs)),
		Stats:    r.Stats,
		Options: jsonOptions{
			Unit:               string(r.Options.Unit),
			Language:           r.Options.Language,
			Scope:              string(r.Options.Scope),
			MinWords:           r.Options.MinWords,
			Threshold:          score(r.Options.Threshold),
			DuplicateThreshold: score(r.Options.DuplicateThreshold),
			BoilerplateDocs:    r.Options.BoilerplateDocs,
		},
	}
	for i := range r.Clusters {
		c := &r.Clusters[i]
		jc := jsonCluster{ID: c.ID, Kind: c.Kind, Representative: repIndex(c), Members: make([]jsonMember, len(c.Members))}
		for j, m := range c.Members {
			u := &r.Units[m.Unit]
			jc.Members[j] = jsonMember{Location: u.Location, Kind: u.Kind.String(), Score: score(m.Score), Text: u.Text}
		}
		rep.Clusters[i] = jc
	}
	for i, p := range r.Pairs {
		rep.Pairs[i] = jsonPair{
			A:           ref(&r.Units[p.A]),
			B:           ref(&r.Units[p.B]),
			Kind:        p.Kind,
			Score:       score(p.Score),
			Cosine:      score(p.Cosine),
			Jaccard:     score(p.Jaccard),
			Containment: score(p.Containment),
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

func ref(u *neardup.Unit) jsonRef {
	return jsonRef{Doc: u.Doc, Line: u.Line, Start: u.Start, End: u.End, Text: u.Text}
}
