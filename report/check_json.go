package report

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/neardup/neardup"
)

// The JSON check report.
type (
	jsonCheck struct {
		Findings []jsonFinding      `json:"findings"`
		Stats    neardup.CheckStats `json:"stats"`
	}
	jsonFinding struct {
		Kind        neardup.Kind `json:"kind"`
		Score       score        `json:"score"`
		Cosine      score        `json:"cosine"`
		Jaccard     score        `json:"jaccard"`
		Containment score        `json:"containment"`
		Draft       jsonUnit     `json:"draft"`
		Match       jsonUnit     `json:"match"`
	}
	jsonUnit struct {
		neardup.Location        // doc, path, url, title, line, start, end
		Text             string `json:"text"`
	}
)

func newJSONFinding(f *neardup.Finding) jsonFinding {
	return jsonFinding{
		Kind: f.Kind, Score: score(f.Score), Cosine: score(f.Cosine), Jaccard: score(f.Jaccard), Containment: score(f.Containment),
		Draft: jsonUnit{f.Draft.Location, f.Draft.Text},
		Match: jsonUnit{f.Match.Location, f.Match.Text},
	}
}

// WriteCheckJSON writes a check's result as one JSON object:
//
//	{"findings": [{"kind", "score", "cosine", "jaccard", "containment",
//	   "draft": {"doc", "path", "url"?, "title"?, "line", "start", "end", "text"},
//	   "match": {…, the archive document's id as it was added in "doc"}}],
//	 "stats": {"documents", "units", "reference_units", "candidates",
//	   "findings", "errors" (inputs that could not be read)}}
//
// Offsets are bytes in the document's text, from 0; lines count from 1.
// The object is streamed as WriteJSON streams a scan's (a draft of 10^5
// repeated paragraphs makes 300,000 findings), with the bytes that
// encoding a jsonCheck at once gives (TestWriteCheckJSONStreamsLikeEncode).
func WriteCheckJSON(w io.Writer, r *neardup.CheckResult) error {
	if err := checkNotNil(r); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	e := newElemEncoder(bw)
	e.escapeHTML = true
	e.raw("{\n  \"findings\": [")
	e.array(len(r.Findings), func(i int) any { return newJSONFinding(&r.Findings[i]) })
	e.raw(",\n  \"stats\": ")
	e.field(r.Stats)
	e.raw("\n}\n")
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}

// WriteCheckJSONL writes one finding a line, each the object of a finding
// in WriteCheckJSON, and nothing for a check without findings.
func WriteCheckJSONL(w io.Writer, r *neardup.CheckResult) error {
	if err := checkNotNil(r); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for i := range r.Findings {
		if err := enc.Encode(newJSONFinding(&r.Findings[i])); err != nil {
			return err
		}
	}
	return bw.Flush()
}
