package cluster

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestBuild(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		edges []Edge
		opt   Options
		want  []Group
	}{
		{
			name:  "no edges",
			n:     4,
			edges: nil,
			want:  nil,
		},
		{
			name:  "one pair",
			n:     4,
			edges: []Edge{{2, 1, 0.9}},
			want:  []Group{{Members: []int32{1, 2}, Rep: 1}},
		},
		{
			// 0~1 and 1~2 but 0 and 2 unrelated: 2 joins {0,1} only if
			// (0.8 + 0) / 2 >= 0.5.
			name:  "chain A-B-C rejected",
			n:     3,
			edges: []Edge{{0, 1, 0.9}, {1, 2, 0.8}},
			want:  []Group{{Members: []int32{0, 1}, Rep: 0}},
		},
		{
			name:  "chain accepted without the guard",
			n:     3,
			edges: []Edge{{0, 1, 0.9}, {1, 2, 0.8}},
			opt:   Options{MinLink: -1},
			want:  []Group{{Members: []int32{0, 1, 2}, Rep: 1}},
		},
		{
			name:  "chain accepted at a low floor",
			n:     3,
			edges: []Edge{{0, 1, 0.9}, {1, 2, 0.8}},
			opt:   Options{MinLink: 0.4},
			want:  []Group{{Members: []int32{0, 1, 2}, Rep: 1}},
		},
		{
			// Sums to the others: 0: 1.6, 1: 1.7, 2: 1.5.
			name:  "triangle merged, medoid has the highest sum",
			n:     3,
			edges: []Edge{{0, 1, 0.9}, {1, 2, 0.8}, {0, 2, 0.7}},
			want:  []Group{{Members: []int32{0, 1, 2}, Rep: 1}},
		},
		{
			name: "two clusters joined by one weak edge stay apart",
			n:    7,
			edges: []Edge{
				{0, 1, 0.9}, {1, 2, 0.9}, {0, 2, 0.85},
				{4, 5, 0.9}, {5, 6, 0.8}, {4, 6, 0.9},
				{2, 4, 0.6},
			},
			want: []Group{
				{Members: []int32{0, 1, 2}, Rep: 1},
				{Members: []int32{4, 5, 6}, Rep: 4},
			},
		},
		{
			// The bridge is the strongest edge, so 2 and 3 pair first;
			// neither triangle's other members can then join them
			// ((0.9+0.9)/4 < 0.5) and nothing glues the two sides.
			name: "strong bridge pairs off its ends",
			n:    6,
			edges: []Edge{
				{0, 1, 0.9}, {1, 2, 0.9}, {0, 2, 0.9},
				{3, 4, 0.9}, {4, 5, 0.9}, {3, 5, 0.9},
				{2, 3, 0.95},
			},
			want: []Group{
				{Members: []int32{0, 1}, Rep: 0},
				{Members: []int32{2, 3}, Rep: 2},
				{Members: []int32{4, 5}, Rep: 4},
			},
		},
		{
			// Equal scores: (0,1) comes before (1,2) whatever the input
			// order and orientation; then 2 cannot join (0.8/2 < 0.5).
			name:  "ties broken by endpoints",
			n:     3,
			edges: []Edge{{2, 1, 0.8}, {1, 0, 0.8}},
			want:  []Group{{Members: []int32{0, 1}, Rep: 0}},
		},
		{
			name:  "edge below MinLink never merges",
			n:     2,
			edges: []Edge{{0, 1, 0.49}},
			want:  nil,
		},
		{
			name:  "edge at MinLink merges",
			n:     2,
			edges: []Edge{{0, 1, 0.5}},
			want:  []Group{{Members: []int32{0, 1}, Rep: 0}},
		},
		{
			// With the 0-2 edge: (0.8 + 0.3) / 2 = 0.55, merged.
			name:  "weak edge helps the average",
			n:     3,
			edges: []Edge{{0, 1, 0.9}, {1, 2, 0.8}, {0, 2, 0.3}},
			want:  []Group{{Members: []int32{0, 1, 2}, Rep: 1}},
		},
		{
			// Below Threshold the 0-2 edge is absent: 0.8 / 2 < 0.5.
			name:  "threshold drops edges from the average",
			n:     3,
			edges: []Edge{{0, 1, 0.9}, {1, 2, 0.8}, {0, 2, 0.3}},
			opt:   Options{Threshold: 0.5},
			want:  []Group{{Members: []int32{0, 1}, Rep: 0}},
		},
		{
			// {0,1} and {2,3} are formed first; the cross pairs average
			// (0.7+0.7+0.6+0) / 4 = 0.5: merged, exactly at the floor.
			name: "groups merge on the average of all cross pairs",
			n:    4,
			edges: []Edge{
				{0, 1, 0.95}, {2, 3, 0.9},
				{0, 2, 0.7}, {1, 3, 0.7}, {0, 3, 0.6},
			},
			want: []Group{{Members: []int32{0, 1, 2, 3}, Rep: 0}},
		},
		{
			name:  "medoid tie goes to the smallest id",
			n:     5,
			edges: []Edge{{4, 3, 1}, {3, 2, 1}, {2, 4, 1}},
			want:  []Group{{Members: []int32{2, 3, 4}, Rep: 2}},
		},
		{
			name:  "groups ordered by smallest member",
			n:     6,
			edges: []Edge{{5, 0, 0.9}, {1, 4, 0.95}, {3, 2, 0.99}},
			want: []Group{
				{Members: []int32{0, 5}, Rep: 0},
				{Members: []int32{1, 4}, Rep: 1},
				{Members: []int32{2, 3}, Rep: 2},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Build(tt.n, tt.edges, tt.opt)
			if err != nil {
				t.Fatalf("Build(%d, %v, %+v): %v", tt.n, tt.edges, tt.opt, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Build(%d, %v, %+v) = %v, want %v", tt.n, tt.edges, tt.opt, got, tt.want)
			}
		})
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		edges []Edge
		opt   Options
		want  error
	}{
		{"negative n", -1, nil, Options{}, ErrOptions},
		{"NaN threshold", 2, nil, Options{Threshold: math.NaN()}, ErrOptions},
		{"NaN MinLink", 2, nil, Options{MinLink: math.NaN()}, ErrOptions},
		{"MinLink above 1", 2, nil, Options{MinLink: 1.5}, ErrOptions},
		{"node out of range", 3, []Edge{{0, 3, 0.5}}, Options{}, ErrEdge},
		{"negative node", 3, []Edge{{-1, 2, 0.5}}, Options{}, ErrEdge},
		{"self-loop", 3, []Edge{{1, 1, 0.5}}, Options{}, ErrEdge},
		{"NaN score", 3, []Edge{{0, 1, float32(math.NaN())}}, Options{}, ErrEdge},
		{"score above 1", 3, []Edge{{0, 1, 1.01}}, Options{}, ErrEdge},
		{"negative score", 3, []Edge{{0, 1, -0.1}}, Options{}, ErrEdge},
		{"duplicate edge", 3, []Edge{{0, 1, 0.5}, {1, 2, 0.7}, {0, 1, 0.6}}, Options{}, ErrEdge},
		{"reversed duplicate", 3, []Edge{{0, 1, 0.5}, {1, 0, 0.5}}, Options{}, ErrEdge},
		// Validation does not depend on the threshold.
		{"invalid edge below threshold", 3, []Edge{{0, 0, 0.1}}, Options{Threshold: 0.5}, ErrEdge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Build(tt.n, tt.edges, tt.opt)
			if !errors.Is(err, tt.want) {
				t.Errorf("Build(%d, %v, %+v) = %v, %v; want error %v", tt.n, tt.edges, tt.opt, got, err, tt.want)
			}
		})
	}
}

func TestBuildErrorNamesEdge(t *testing.T) {
	_, err := Build(3, []Edge{{0, 1, 0.5}, {1, 2, 0.7}, {1, 0, 0.6}}, Options{})
	want := "cluster: invalid edge 2 (1-0): repeats edge 0"
	if err == nil || err.Error() != want {
		t.Errorf("Build with a duplicate = %v, want %q", err, want)
	}
}

// TestBuildPermutation checks that the result depends neither on the order
// of the edges nor on their orientation.
func TestBuildPermutation(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 50 {
		n, edges := plantedGraph(rng, 300, 4)
		want, err := Build(n, edges, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 {
			t.Fatal("planted graph gave no groups")
		}
		shuffled := append([]Edge(nil), edges...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for i := range shuffled {
			if rng.IntN(2) == 0 {
				shuffled[i].A, shuffled[i].B = shuffled[i].B, shuffled[i].A
			}
		}
		got, err := Build(n, shuffled, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: shuffled edges give %v, want %v", trial, got, want)
		}
	}
}

// TestBuildDoesNotModifyInput guards the caller's slice.
func TestBuildDoesNotModifyInput(t *testing.T) {
	edges := []Edge{{2, 1, 0.8}, {1, 0, 0.9}, {0, 2, 0.7}}
	orig := append([]Edge(nil), edges...)
	if _, err := Build(3, edges, Options{}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(edges, orig) {
		t.Errorf("Build changed its input to %v, want %v", edges, orig)
	}
}
