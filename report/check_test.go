package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
)

// checkResult is a check of two units of the seed article (as a draft)
// against an archive holding its reworded and repeated paragraphs, plus
// one finding whose ids, title and URL carry characters every format must
// escape.
func checkResult(t testing.TB) *neardup.CheckResult {
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	draft := func(n int) neardup.Unit {
		return lineUnit(t, text, "drafts/xi-visit.txt", "drafts/xi-visit.txt", n, corpus.KindParagraph)
	}
	archived := func(n int, doc, url, title string) neardup.Unit {
		u := lineUnit(t, text, doc, "archive.jsonl", n, corpus.KindParagraph)
		u.URL, u.Title = url, title
		return u
	}
	odd := archived(3, "wire:2024,07|a`b", "https://example.org/a b?x=1&y=<2>", "Title | with *stars* and\nnewline, 100%: [x]")
	return &neardup.CheckResult{
		Findings: []neardup.Finding{
			{Kind: neardup.Paraphrase, Scores: neardup.Scores{Score: 0.83127, Cosine: 0.6, Jaccard: 0.31, Containment: 0.45},
				Draft: draft(5), Match: archived(61, "2023/cambodia.md", "https://news.example/2023/cambodia", "China and Cambodia")},
			{Kind: neardup.Duplicate, Scores: neardup.Scores{Score: 1, Cosine: 1, Jaccard: 1, Containment: 1},
				Draft: draft(7), Match: odd},
			{Kind: neardup.Duplicate, Scores: neardup.Scores{Score: 0.99, Cosine: 1, Jaccard: 1, Containment: 1},
				Draft: draft(7), Match: draft(3)},
		},
		Stats: neardup.CheckStats{Documents: 1, Units: 40, Candidates: 212, Findings: 3},
	}
}

var checkGoldens = map[Format]string{
	Text: "check.txt", JSON: "check.json", JSONL: "check.jsonl", GitHub: "check.github", SARIF: "check.sarif", Markdown: "check.md",
}

func TestCheckGolden(t *testing.T) {
	r := checkResult(t)
	for _, f := range CheckFormats() {
		t.Run(f, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := WriteCheck(&a, Format(f), r); err != nil {
				t.Fatal(err)
			}
			if err := WriteCheck(&b, Format(f), r); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("WriteCheck(%s) differs between two runs", f)
			}
			goldenFile(t, checkGoldens[Format(f)], a.Bytes())
		})
	}
	var none bytes.Buffer
	if err := WriteCheck(&none, Text, &neardup.CheckResult{}); err != nil || !strings.HasPrefix(none.String(), "no duplicates or paraphrases found\n") {
		t.Errorf("text report of no findings = %q, %v", none.String(), err)
	}
}

func TestCheckFormats(t *testing.T) {
	for _, f := range CheckFormats() {
		if !KnownCheck(Format(f)) {
			t.Errorf("KnownCheck(%q) = false", f)
		}
	}
	for _, f := range []Format{"csv", "html", "", "xml"} {
		if KnownCheck(f) {
			t.Errorf("KnownCheck(%q) = true", f)
		}
		if err := WriteCheck(new(bytes.Buffer), f, checkResult(t)); !errors.Is(err, ErrFormat) {
			t.Errorf("WriteCheck(%q) = %v, want ErrFormat", f, err)
		}
	}
	if err := WriteCheck(new(bytes.Buffer), JSON, nil); !errors.Is(err, ErrResult) {
		t.Errorf("WriteCheck(nil) = %v, want ErrResult", err)
	}
}

// TestCheckWritersNil: every check writer, called directly, refuses a nil
// result with ErrResult (as WriteCheck and the scan writers do) and writes
// nothing, rather than panicking.
func TestCheckWritersNil(t *testing.T) {
	writers := map[string]func(io.Writer, *neardup.CheckResult) error{
		"text": WriteCheckText, "json": WriteCheckJSON, "jsonl": WriteCheckJSONL,
		"github": WriteCheckGitHub, "sarif": WriteCheckSARIF, "markdown": WriteCheckMarkdown,
	}
	for name, w := range writers {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("panic: %v", p)
				}
			}()
			var buf bytes.Buffer
			if err := w(&buf, nil); !errors.Is(err, ErrResult) || buf.Len() != 0 {
				t.Errorf("= %v, wrote %q; want ErrResult and nothing written", err, buf.String())
			}
		})
	}
}

// TestCheckJSONFields: the JSON has the fields the issue promises, with the
// values of the result.
func TestCheckJSONFields(t *testing.T) {
	r := checkResult(t)
	var buf bytes.Buffer
	if err := WriteCheckJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	type ref struct {
		Doc   string `json:"doc"`
		Line  int    `json:"line"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	}
	var got struct {
		Findings []struct {
			Kind  string  `json:"kind"`
			Score float64 `json:"score"`
			Draft ref     `json:"draft"`
			Match ref     `json:"match"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Findings) != len(r.Findings) {
		t.Fatalf("%d findings, want %d", len(got.Findings), len(r.Findings))
	}
	for i, f := range r.Findings {
		g := got.Findings[i]
		want := []any{string(f.Kind), round4(f.Score), ref{f.Draft.Doc, f.Draft.Line, f.Draft.Start, f.Draft.End, f.Draft.Text}, ref{f.Match.Doc, f.Match.Line, f.Match.Start, f.Match.End, f.Match.Text}}
		have := []any{g.Kind, g.Score, g.Draft, g.Match}
		for k := range want {
			if want[k] != have[k] {
				t.Errorf("finding %d field %d = %v, want %v", i, k, have[k], want[k])
			}
		}
	}
	// JSONL: the same objects, one a line.
	var lines bytes.Buffer
	if err := WriteCheckJSONL(&lines, r); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(lines.String(), "\n"); n != len(r.Findings) {
		t.Errorf("JSONL has %d lines, want %d", n, len(r.Findings))
	}
}

// TestCheckGitHubEscapes: each finding is one workflow command line whose
// properties and message cannot break out of it.
func TestCheckGitHubEscapes(t *testing.T) {
	r := checkResult(t)
	r.Findings[1].Draft.Path = "dir,with:odd%chars/x.md"
	var buf bytes.Buffer
	if err := WriteCheckGitHub(&buf, r); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(r.Findings) {
		t.Fatalf("%d lines, want %d", len(lines), len(r.Findings))
	}
	want := "::warning file=dir%2Cwith%3Aodd%25chars/x.md,line=7,title=neardup%3A duplicate::Duplicates wire:2024,07|a`b:3 (Title | with *stars* and newline, 100%25: [x]) (score 1): "
	if !strings.HasPrefix(lines[1], want) {
		t.Errorf("annotation = %q, want prefix %q", lines[1], want)
	}
}

// TestCheckSARIF decodes the SARIF log and checks the parts code-scanning
// tools read.
func TestCheckSARIF(t *testing.T) {
	r := checkResult(t)
	var buf bytes.Buffer
	if err := WriteCheckSARIF(&buf, r); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine  int `json:"startLine"`
							ByteOffset int `json:"byteOffset"`
							ByteLength int `json:"byteLength"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != len(r.Findings) {
		t.Fatalf("SARIF version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	for i, res := range run.Results {
		f := r.Findings[i]
		if res.RuleID != string(f.Kind) || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: rule %q index %d, want %q", i, res.RuleID, res.RuleIndex, f.Kind)
		}
		reg := res.Locations[0].PhysicalLocation.Region
		if reg.StartLine != f.Draft.Line || reg.ByteOffset != f.Draft.Start || reg.ByteLength != f.Draft.End-f.Draft.Start {
			t.Errorf("result %d: region %+v, want line %d bytes %d-%d", i, reg, f.Draft.Line, f.Draft.Start, f.Draft.End)
		}
		if uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "drafts/xi-visit.txt" {
			t.Errorf("result %d: uri %q", i, uri)
		}
	}
}

// TestWriteCheckJSONStreamsLikeEncode compares the streamed check report
// with the obviously right one: the whole jsonCheck encoded at once by
// encoding/json, as WriteCheckJSON wrote it before it streamed. Empty,
// the golden fixture, and enough findings for several batches of
// parallel encoding.
func TestWriteCheckJSONStreamsLikeEncode(t *testing.T) {
	golden := checkResult(t)
	big := &neardup.CheckResult{Stats: golden.Stats}
	for i := range 2000 {
		f := golden.Findings[i%len(golden.Findings)]
		f.Scores.Score = float64(i%997) / 997
		big.Findings = append(big.Findings, f)
	}
	for name, r := range map[string]*neardup.CheckResult{
		"empty": {Findings: []neardup.Finding{}}, "golden": golden, "2000 findings": big,
	} {
		var got bytes.Buffer
		if err := WriteCheckJSON(&got, r); err != nil {
			t.Fatal(err)
		}
		out := jsonCheck{Findings: make([]jsonFinding, len(r.Findings)), Stats: r.Stats}
		for i := range r.Findings {
			out.Findings[i] = newJSONFinding(&r.Findings[i])
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: WriteCheckJSON differs from encoding the whole report:\n%.600s\nwant\n%.600s", name, got.Bytes(), want.Bytes())
		}
	}
}

// TestCheckJSONLDraftLines: a draft read from a JSON Lines file is
// annotated at its record's line of the file, not at the line of the unit
// within the record's text, and SARIF gives no byte offset for it (its
// offsets are in the record's text).
func TestCheckJSONLDraftLines(t *testing.T) {
	r := checkResult(t)
	d := &r.Findings[0].Draft
	d.Path, d.Doc, d.Record, d.Line = "drafts.jsonl", "story-2", 2, 3
	r.Findings[0].Match.Path, r.Findings[0].Match.URL = "archive.jsonl", "" // no record line kept
	var gh bytes.Buffer
	if err := WriteCheckGitHub(&gh, r); err != nil {
		t.Fatal(err)
	}
	if want := "::warning file=drafts.jsonl,line=2,"; !strings.HasPrefix(gh.String(), want) {
		t.Errorf("annotation %q, want prefix %q", strings.SplitN(gh.String(), "\n", 2)[0], want)
	}
	var sarif bytes.Buffer
	if err := WriteCheckSARIF(&sarif, r); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						Region map[string]any `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				RelatedLocations []struct {
					PhysicalLocation struct {
						Region map[string]any `json:"region"`
					} `json:"physicalLocation"`
				} `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(sarif.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	first := log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region
	second := log.Runs[0].Results[1].Locations[0].PhysicalLocation.Region
	if first["startLine"] != 2.0 || first["byteOffset"] != nil || second["byteOffset"] == nil {
		t.Errorf("regions %v and %v; want the record's line 2 and no offset, then an offset", first, second)
	}
	if rel := log.Runs[0].Results[0].RelatedLocations; len(rel) == 0 || rel[0].PhysicalLocation.Region != nil {
		t.Errorf("related locations %+v; want the JSONL archive match with no region", rel)
	}
}
