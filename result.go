package neardup

import (
	"time"

	"github.com/neardup/neardup/corpus"
)

// Kind says how two units, or the members of a cluster, relate.
type Kind string

const (
	// Duplicate: near-identical wording (copied, lightly edited).
	Duplicate Kind = "duplicate"
	// Paraphrase: the same content, reworded.
	Paraphrase Kind = "paraphrase"
	// Boilerplate: text repeated verbatim across many documents (site
	// furniture such as "Subscribe to our newsletter"), or a running header
	// or footer repeated through one document with its page number
	// changing; reported apart from the content clusters and never merged
	// into them.
	Boilerplate Kind = "boilerplate"
	// Different: the verdict for a scored pair that is neither.
	Different Kind = "different"
)

// Location is where a unit stands in the input, as a user sees it.
type Location struct {
	Doc   string `json:"doc"`  // document id: the path as given, "-" for stdin, or the JSONL id
	Path  string `json:"path"` // file the document was read from
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
	Line  int    `json:"line"`  // 1-based line of the unit's first byte in the document's text
	Start int    `json:"start"` // byte offset of the unit in the document's text, from 0
	End   int    `json:"end"`   // byte offset one past the unit's last byte
	// Record is the 1-based line of the document's record in its JSON
	// Lines file (Path), 0 for other documents: Line, Start and End are
	// then within the record's text, not the file.
	Record int `json:"record,omitempty"`
}

// FileLine returns the line of the unit in its file: Line, or for a
// JSONL record the record's line (Line is within its text).
func (l *Location) FileLine() int {
	if l.Record > 0 {
		return l.Record
	}
	return l.Line
}

// Scores are the measures computed for one pair of units.
type Scores struct {
	Score       float64 `json:"score"`       // combined confidence in [0,1] that the pair says the same thing
	Cosine      float64 `json:"cosine"`      // TF-IDF cosine over stemmed content terms
	Jaccard     float64 `json:"jaccard"`     // Jaccard of word-shingle sets
	Containment float64 `json:"containment"` // share of the smaller unit's shingles found in the other
}

// Pair is one reported pair of similar units. A and B are indexes into
// Result.Units with A < B.
type Pair struct {
	A, B int
	Kind Kind
	Scores
}

// Member is one unit of a cluster.
type Member struct {
	Unit  int     // index into Result.Units
	Score float64 // similarity to the cluster's representative (1 for the representative)
}

// Cluster is a group of units that say the same thing.
type Cluster struct {
	ID      int  // 1-based, in report order
	Kind    Kind // Duplicate when every member is a near-identical copy of the representative, else Paraphrase; or Boilerplate
	Rep     int  // index into Result.Units of the representative (medoid)
	Members []Member
}

// Unit is a text unit of the scanned corpus with its location.
type Unit struct {
	Location
	Kind corpus.UnitKind
	Text string
	// Reference is set on units of a list of sources or links
	// (corpus.Unit.Reference). They are never compared: the titles and
	// links of a bibliography repeat the prose they cite.
	Reference bool
}

// Stats summarises a scan.
type Stats struct {
	Documents   int `json:"documents"`
	Units       int `json:"units"`
	References  int `json:"reference_units"` // units of lists of sources or links, not compared
	Code        int `json:"code_blocks"`     // blocks of source code or encoded data, left out of every unit (corpus.SkipCode)
	Metadata    int `json:"metadata_blocks"` // message headers, attribution lines and front matter, left out of every unit (corpus.SkipMetadata)
	Templated   int `json:"templated_units"` // compared units worded in a template, or restated with other numbers: they pair only with units giving the same facts (numbers, most names)
	Candidates  int `json:"candidates"`      // pairs the index proposed (the scorer scored those not of a template with other facts)
	Pairs       int `json:"pairs"`           // pairs kept at the thresholds
	Clusters    int `json:"clusters"`
	Boilerplate int `json:"boilerplate_clusters"`
	Errors      int `json:"errors"` // inputs that could not be read
}

// Result is what Scan returns: the units, the clusters over them, the pairs
// kept, and statistics. It is deterministic: the same input and options give
// the same Result.
type Result struct {
	Units    []Unit
	Clusters []Cluster
	// Pairs are the pairs kept at the thresholds, in (A, B) order. A unit
	// whose text is byte for byte that of an earlier unit (in the same
	// document under ScopeWithin and ScopeAcross) is a copy of the first
	// such unit: it appears in one pair with it (unless the scope is
	// across), and pairs with other units are reported for the first copy
	// only; the clusters hold every copy.
	Pairs []Pair
	// Documents are the pairs of documents that share most of the text of
	// one of them, most shared first (see DocumentPair).
	Documents []DocumentPair
	Stats     Stats
	Options   Options
	// Profile is the wall time of each stage, for --stats. It is the one
	// part of a Result that varies between runs; reports leave it out.
	Profile []Stage
}

// Stage is the cost of one stage of a scan.
type Stage struct {
	Name     string
	Count    int // items the stage worked on (units, candidates, pairs)
	Duration time.Duration
}

// skipCounts counts the parts of documents left out of every unit, by
// reason (corpus.SplitSkips).
type skipCounts struct{ code, metadata int }

func (c *skipCounts) add(skips []corpus.Skip) {
	for _, k := range skips {
		switch k.Reason {
		case corpus.SkipCode:
			c.code++
		case corpus.SkipMetadata:
			c.metadata++
		}
	}
}
