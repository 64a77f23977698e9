package report

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/neardup/neardup"
)

// TestWriteJSONRoundTrip reads the report back and compares whole values:
// every location, text and rounded score, and the stats and options.
func TestWriteJSONRoundTrip(t *testing.T) {
	r := seedResult(t)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var got jsonReport
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if len(got.Clusters) != 3 || len(got.Pairs) != 5 {
		t.Fatalf("got %d clusters, %d pairs; want 3, 5", len(got.Clusters), len(got.Pairs))
	}
	pillar := got.Clusters[0]
	wantPillar := jsonCluster{ID: 1, Kind: neardup.Paraphrase, Representative: 2, Members: []jsonMember{
		{Location: r.Units[uPillar5].Location, Kind: "paragraph", Score: 0.8313, Text: r.Units[uPillar5].Text},
		{Location: r.Units[uTies60].Location, Kind: "paragraph", Score: 0.74, Text: r.Units[uTies60].Text},
		{Location: r.Units[uPillar61].Location, Kind: "paragraph", Score: 1, Text: r.Units[uPillar61].Text},
	}}
	if !reflect.DeepEqual(pillar, wantPillar) {
		t.Errorf("cluster 1 = %+v\nwant %+v", pillar, wantPillar)
	}
	if rep := pillar.Members[pillar.Representative]; rep.Line != 61 || rep.Start != 6968 || rep.End != 7233 {
		t.Errorf("cluster 1 representative at line %d [%d, %d), want line 61 [6968, 7233)", rep.Line, rep.Start, rep.End)
	}
	if kh := got.Clusters[2].Members[1]; kh.Doc != "kh-1" || kh.URL != "https://news.example.com/kh-1" || kh.Title != "Rice deal signed" {
		t.Errorf("boilerplate member 1 = %+v, want kh-1 with its url and title", kh)
	}
	wantPair := jsonPair{
		A:    jsonRef{Doc: "testdata/cambodia-article.txt", Line: 5, Start: 83, End: 363, Text: r.Units[uPillar5].Text},
		B:    jsonRef{Doc: "testdata/cambodia-article.txt", Line: 61, Start: 6968, End: 7233, Text: r.Units[uPillar61].Text},
		Kind: neardup.Paraphrase, Score: 0.8313, Cosine: 0.7746, Jaccard: 0.3421, Containment: 0.4118,
	}
	if got.Pairs[2] != wantPair {
		t.Errorf("pair 2 = %+v\nwant %+v", got.Pairs[2], wantPair)
	}
	if got.Stats != r.Stats {
		t.Errorf("stats = %+v, want %+v", got.Stats, r.Stats)
	}
	wantOpts := jsonOptions{Unit: "paragraph", Language: "english", Scope: "all", MinWords: 5, Threshold: 0.5, DuplicateThreshold: 0.8, BoilerplateDocs: 3}
	if got.Options != wantOpts {
		t.Errorf("options = %+v, want %+v", got.Options, wantOpts)
	}
	if !strings.HasSuffix(buf.String(), "}\n") || !strings.HasPrefix(buf.String(), "{\n  \"clusters\": [\n") {
		t.Errorf("JSON not indented by two spaces with a trailing new line")
	}
}

// TestWriteJSONOmitsEmptyURL checks that "url" and "title" appear only when
// the unit has them.
func TestWriteJSONOmitsEmptyURL(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, seedResult(t)); err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Clusters []struct {
			Members []map[string]any `json:"members"`
		} `json:"clusters"`
	}
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	if _, ok := raw.Clusters[0].Members[0]["url"]; ok {
		t.Error(`article member has a "url"`)
	}
	if _, ok := raw.Clusters[2].Members[1]["url"]; !ok {
		t.Error(`JSONL member lacks its "url"`)
	}
}

func TestWriteJSONRejectsNaN(t *testing.T) {
	r := seedResult(t)
	r.Pairs[0].Cosine = math.NaN()
	if err := WriteJSON(new(bytes.Buffer), r); err == nil {
		t.Error("WriteJSON with a NaN score: no error")
	}
}

// TestJSONOptionsCoversOptions fails when neardup.Options gains a field the
// JSON report does not carry: add it to jsonOptions (or here, if the result
// cannot depend on it).
func TestJSONOptionsCoversOptions(t *testing.T) {
	left := map[string]bool{"Workers": true} // the result does not depend on it
	carried := reflect.TypeFor[jsonOptions]()
	for f := range reflect.TypeFor[neardup.Options]().Fields() {
		if _, ok := carried.FieldByName(f.Name); !ok && !left[f.Name] {
			t.Errorf("neardup.Options.%s is not in the JSON report's options", f.Name)
		}
	}
}

// TestWriteJSONStreamsLikeEncode compares the streamed report with the
// obviously right one: the whole jsonReport encoded at once.
func TestWriteJSONStreamsLikeEncode(t *testing.T) {
	full := seedResult(t)
	empty := *full
	empty.Clusters, empty.Pairs = nil, nil
	for _, c := range []struct {
		name string
		r    *neardup.Result
	}{{"seed", full}, {"no clusters or pairs", &empty}, {"many batches", bigResult(t, 700)}} {
		t.Run(c.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := WriteJSON(&got, c.r); err != nil {
				t.Fatal(err)
			}
			want := oneShotJSON(t, c.r)
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("WriteJSON differs from encoding the whole report:\n%s\nwant\n%s", got.Bytes(), want)
			}
		})
	}
}

// oneShotJSON encodes r as WriteJSON did before it streamed.
func oneShotJSON(t *testing.T, r *neardup.Result) []byte {
	rep := jsonReport{
		Clusters:  make([]jsonCluster, len(r.Clusters)),
		Pairs:     make([]jsonPair, len(r.Pairs)),
		Documents: make([]jsonDocument, len(r.Documents)),
		Stats:     r.Stats,
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
	for i, d := range r.Documents {
		rep.Documents[i] = documentJSON(d)
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
		rep.Pairs[i] = jsonPair{A: ref(&r.Units[p.A]), B: ref(&r.Units[p.B]), Kind: p.Kind, Score: score(p.Score),
			Cosine: score(p.Cosine), Jaccard: score(p.Jaccard), Containment: score(p.Containment)}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
