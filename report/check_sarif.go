package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/neardup/neardup"
)

// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format,
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html): the
// parts a check needs, in the order the standard lists them.
type (
	sarifLog struct {
		Version string     `json:"version"`
		Schema  string     `json:"$schema"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations,omitempty"`
		Results     []sarifResult     `json:"results"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
	}
	sarifNotification struct {
		Level   string       `json:"level"`
		Message sarifMessage `json:"message"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		Name                 string       `json:"name"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID           string            `json:"ruleId"`
		RuleIndex        int               `json:"ruleIndex"`
		Level            string            `json:"level"`
		Message          sarifMessage      `json:"message"`
		Locations        []sarifLocation   `json:"locations"`
		RelatedLocations []sarifLocation   `json:"relatedLocations"`
		Properties       sarifResultExtras `json:"properties"`
	}
	sarifLocation struct {
		ID               *int                  `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifMessage         `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region *sarifRegion `json:"region,omitempty"` // none when the place in the file is unknown
	}
	sarifRegion struct {
		StartLine  int          `json:"startLine"`
		ByteOffset *int         `json:"byteOffset,omitempty"` // none for a JSONL record's unit: its offsets are in the record's text
		ByteLength *int         `json:"byteLength,omitempty"`
		Snippet    sarifMessage `json:"snippet"`
	}
	sarifResultExtras struct {
		Score       score  `json:"score"`
		Cosine      score  `json:"cosine"`
		Jaccard     score  `json:"jaccard"`
		Containment score  `json:"containment"`
		MatchDoc    string `json:"matchDoc"`
		MatchURL    string `json:"matchUrl,omitempty"`
		MatchTitle  string `json:"matchTitle,omitempty"`
	}
)

// sarifRules are the rules a finding can break, by kind; ruleIndex points
// into this list.
func sarifRules() []sarifRule {
	rules := []sarifRule{
		{ID: string(neardup.Duplicate), Name: "DuplicateText", ShortDescription: sarifMessage{"Text duplicates already published text (near-identical wording)."}},
		{ID: string(neardup.Paraphrase), Name: "ParaphrasedText", ShortDescription: sarifMessage{"Text rewords already published text."}},
	}
	for i := range rules {
		rules[i].DefaultConfiguration.Level = "warning"
	}
	return rules
}

// WriteCheckSARIF writes a check's result as a SARIF 2.1.0 log with one
// run: a result per finding, ruleId its kind, located at the draft unit
// (region.startLine, byteOffset and byteLength, the text as the snippet;
// a JSON Lines record's unit at the record's line, with no offsets),
// with the archive unit as the related location and the scores and the
// archive document's id as properties. Paths become relative URI
// references with forward slashes. Inputs that could not be read
// (CheckStats.Errors) make an invocation that did not succeed, with an
// error notification.
func WriteCheckSARIF(w io.Writer, r *neardup.CheckResult) error {
	if err := checkNotNil(r); err != nil {
		return err
	}
	run := sarifRun{
		Tool:    sarifTool{Driver: sarifDriver{Name: "neardup", InformationURI: "https://github.com/neardup/neardup", Rules: sarifRules()}},
		Results: make([]sarifResult, 0, len(r.Findings)),
	}
	if r.Stats.Errors > 0 {
		run.Invocations = []sarifInvocation{{ToolExecutionNotifications: []sarifNotification{{Level: "error", Message: sarifMessage{unreadMessage(r)}}}}}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		idx := 0
		if f.Kind != neardup.Duplicate {
			idx = 1
		}
		one := 1
		res := sarifResult{
			RuleID:    string(f.Kind),
			RuleIndex: idx,
			Level:     "warning",
			Message:   sarifMessage{fmt.Sprintf("%s %s (score %s).", verb(f), matchName(&f.Match), formatScore(f.Score))},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical(draftFile(&f.Draft), &f.Draft)}},
			RelatedLocations: []sarifLocation{{
				ID:               &one,
				PhysicalLocation: sarifPhysical(matchFile(&f.Match), &f.Match),
				Message:          &sarifMessage{fmt.Sprintf("%s %s", matchRole(f), matchName(&f.Match))},
			}},
			Properties: sarifResultExtras{
				Score: score(f.Score), Cosine: score(f.Cosine), Jaccard: score(f.Jaccard), Containment: score(f.Containment),
				MatchDoc: f.Match.Doc, MatchURL: f.Match.URL, MatchTitle: f.Match.Title,
			},
		}
		run.Results = append(run.Results, res)
	}
	log := sarifLog{Version: "2.1.0", Schema: "https://json.schemastore.org/sarif-2.1.0.json", Runs: []sarifRun{run}}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return err
	}
	return bw.Flush()
}

// matchFile is the artifact of an archive unit: its URL when it has one,
// else the file it was read from, else its id.
func matchFile(u *neardup.Unit) string {
	switch {
	case u.URL != "":
		return u.URL
	case u.Path != "" && u.Path != "-":
		return u.Path
	}
	return u.Doc
}

func sarifPhysical(file string, u *neardup.Unit) sarifPhysicalLocation {
	var p sarifPhysicalLocation
	p.ArtifactLocation.URI = sarifURI(file)
	if u.Record == 0 && jsonlPath(file) {
		// An archive unit of a JSON Lines file stored by an index of
		// format version 2, which kept no record line: its offsets are
		// in the record's text.
		return p
	}
	p.Region = &sarifRegion{StartLine: u.FileLine(), Snippet: sarifMessage{u.Text}}
	if u.Record == 0 {
		n := u.End - u.Start
		p.Region.ByteOffset, p.Region.ByteLength = &u.Start, &n
	}
	return p
}

// jsonlPath reports whether a path names a JSON Lines file, as the
// corpus reads extensions (".gz" aside).
func jsonlPath(p string) bool {
	switch filepath.Ext(strings.TrimSuffix(strings.ToLower(p), ".gz")) {
	case ".jsonl", ".ndjson", ".jl", ".json":
		return true
	}
	return false
}

// sarifURI turns a path into a URI: a relative reference for a relative
// path, a file URI for an absolute one; URLs stay as they are.
func sarifURI(p string) string {
	if u, err := url.Parse(p); err == nil && u.Scheme != "" && u.Host != "" {
		return p
	}
	u := &url.URL{Path: filepath.ToSlash(p)}
	if filepath.IsAbs(p) {
		u.Scheme = "file"
	}
	return u.String()
}
