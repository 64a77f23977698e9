package cluster

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"
)

// referenceValid reports whether Build must accept the input.
func referenceValid(n int, edges []Edge, opt Options) bool {
	if n < 0 || math.IsNaN(opt.Threshold) || math.IsNaN(opt.MinLink) || opt.MinLink > 1 {
		return false
	}
	seen := map[[2]int32]bool{}
	for _, e := range edges {
		if e.A < 0 || e.B < 0 || int(e.A) >= n || int(e.B) >= n || e.A == e.B {
			return false
		}
		if math.IsNaN(float64(e.Score)) || e.Score < 0 || e.Score > 1 {
			return false
		}
		k := [2]int32{min(e.A, e.B), max(e.A, e.B)}
		if float64(e.Score) < opt.Threshold {
			continue // ignored edges are not checked for repeats
		}
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

// reference is the slow, obviously right Build: groups are labels on nodes,
// and the linkage of two groups is recomputed by visiting every cross pair.
// It shares only weight (the fixed-point rounding, part of the contract)
// with the real thing.
func reference(n int, edges []Edge, opt Options) []Group {
	minLink := opt.MinLink
	if minLink == 0 {
		minLink = DefaultMinLink
	}
	minLink = max(minLink, 0)
	type edge struct {
		a, b int
		s    float32
	}
	var es []edge
	w := map[[2]int]uint64{}
	for _, e := range edges {
		if float64(e.Score) < opt.Threshold {
			continue
		}
		a, b := int(min(e.A, e.B)), int(max(e.A, e.B))
		es = append(es, edge{a, b, e.Score})
		w[[2]int{a, b}] = weight(float64(e.Score))
		w[[2]int{b, a}] = weight(float64(e.Score))
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].s != es[j].s {
			return es[i].s > es[j].s
		}
		if es[i].a != es[j].a {
			return es[i].a < es[j].a
		}
		return es[i].b < es[j].b
	})
	label := make([]int, n)
	for i := range label {
		label[i] = i
	}
	membersOf := func(l int) []int {
		var m []int
		for u, lu := range label {
			if lu == l {
				m = append(m, u)
			}
		}
		return m
	}
	for _, e := range es {
		la, lb := label[e.a], label[e.b]
		if la == lb {
			continue
		}
		g1, g2 := membersOf(la), membersOf(lb)
		var sum uint64
		for _, u := range g1 {
			for _, v := range g2 {
				sum += w[[2]int{u, v}]
			}
		}
		// Small inputs only: the product fits in a float64 exactly.
		if float64(sum) >= float64(weight(minLink))*float64(len(g1)*len(g2)) {
			for _, v := range g2 {
				label[v] = la
			}
		}
	}
	var out []Group
	done := map[int]bool{}
	for u := range n {
		if done[label[u]] {
			continue
		}
		done[label[u]] = true
		m := membersOf(label[u])
		if len(m) < 2 {
			continue
		}
		g := Group{Rep: int32(m[0])}
		best := uint64(0)
		for _, x := range m {
			g.Members = append(g.Members, int32(x))
			var s uint64
			for _, y := range m {
				s += w[[2]int{x, y}]
			}
			if s > best {
				best, g.Rep = s, int32(x)
			}
		}
		out = append(out, g)
	}
	return out
}

// checkGroups checks the invariants every result must have.
func checkGroups(t *testing.T, n int, groups []Group) {
	t.Helper()
	seen := make([]bool, n)
	for i, g := range groups {
		if len(g.Members) < 2 || !slices.IsSorted(g.Members) {
			t.Fatalf("group %d members %v: want two or more, ascending", i, g.Members)
		}
		if i > 0 && groups[i-1].Members[0] >= g.Members[0] {
			t.Fatalf("group %d starts at %d, not after group %d", i, g.Members[0], i-1)
		}
		if !slices.Contains(g.Members, g.Rep) {
			t.Fatalf("group %d rep %d not among %v", i, g.Rep, g.Members)
		}
		for _, u := range g.Members {
			if seen[u] {
				t.Fatalf("node %d in two groups", u)
			}
			seen[u] = true
		}
	}
}

// randomGraph returns a small random graph whose scores come from a short
// list (so there are many ties) or anywhere in [0, 1].
func randomGraph(rng *rand.Rand) (int, []Edge, Options) {
	n := 2 + rng.IntN(30)
	levels := []float32{0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1}
	var edges []Edge
	seen := map[[2]int32]bool{}
	for range rng.IntN(3 * n) {
		a, b := int32(rng.IntN(n)), int32(rng.IntN(n))
		k := [2]int32{min(a, b), max(a, b)}
		if a == b || seen[k] {
			continue
		}
		seen[k] = true
		s := levels[rng.IntN(len(levels))]
		if rng.IntN(2) == 0 {
			s = rng.Float32()
		}
		edges = append(edges, Edge{a, b, s})
	}
	opts := []Options{{}, {MinLink: 0.3}, {MinLink: 0.7}, {MinLink: -1}, {MinLink: 1}, {Threshold: 0.55}}
	return n, edges, opts[rng.IntN(len(opts))]
}

func TestBuildMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	merged := 0
	for trial := range 2000 {
		n, edges, opt := randomGraph(rng)
		got, err := Build(n, edges, opt)
		if err != nil {
			t.Fatalf("trial %d: Build: %v", trial, err)
		}
		checkGroups(t, n, got)
		if want := reference(n, edges, opt); !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: Build(%d, %v, %+v) = %v, reference gives %v", trial, n, edges, opt, got, want)
		}
		for _, g := range got {
			if len(g.Members) > 2 {
				merged++
			}
		}
	}
	if merged == 0 {
		t.Fatal("no group of more than two members in any trial: the test exercises nothing")
	}
}

// FuzzBuild decodes the input as a node count, options and edges (invalid
// ones included) and checks that Build errors exactly when the input is
// invalid and otherwise agrees with the reference.
func FuzzBuild(f *testing.F) {
	f.Add(byte(3), byte(0), byte(0), []byte{0, 1, 230, 1, 2, 200})              // chain
	f.Add(byte(3), byte(0), byte(0), []byte{0, 1, 230, 1, 2, 200, 0, 2, 180})   // triangle
	f.Add(byte(4), byte(128), byte(0), []byte{0, 1, 200, 2, 3, 200, 1, 2, 200}) // ties
	f.Add(byte(3), byte(0), byte(0), []byte{0, 1, 200, 1, 0, 200})              // duplicate
	f.Add(byte(3), byte(0), byte(0), []byte{1, 1, 200})                         // self-loop
	f.Add(byte(2), byte(0), byte(0), []byte{0, 5, 200})                         // out of range
	f.Add(byte(2), byte(0), byte(0), []byte{0, 1, 255})                         // score above 1
	f.Fuzz(func(t *testing.T, nb, minLink, threshold byte, data []byte) {
		n := int(nb % 40)
		opt := Options{
			// 0 is the default, 255 the guard off, 254 above 1 (invalid).
			MinLink:   float64(minLink) / 250,
			Threshold: float64(threshold) / 250,
		}
		if minLink == 255 {
			opt.MinLink = -1
		}
		var edges []Edge
		for i := 0; i+2 < len(data); i += 3 {
			edges = append(edges, Edge{
				A:     int32(data[i] % 48),
				B:     int32(data[i+1] % 48),
				Score: float32(data[i+2]) / 250,
			})
		}
		got, err := Build(n, edges, opt)
		if valid := referenceValid(n, edges, opt); valid != (err == nil) {
			t.Fatalf("Build(%d, %v, %+v) error %v, want valid=%v", n, edges, opt, err, valid)
		}
		if err != nil {
			return
		}
		checkGroups(t, n, got)
		if want := reference(n, edges, opt); !reflect.DeepEqual(got, want) {
			t.Fatalf("Build(%d, %v, %+v) = %v, reference gives %v", n, edges, opt, got, want)
		}
	})
}

// TestBuildMatchesReferenceDense covers what small random graphs do not
// reach: groups with more than smallLinks neighbouring groups, and link sums
// past 32 bits (cliques of weight-1 edges joined by hundreds of edges).
func TestBuildMatchesReferenceDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := range 6 {
		n := 120
		var edges []Edge
		seen := map[[2]int32]bool{}
		add := func(a, b int32, s float32) {
			k := [2]int32{min(a, b), max(a, b)}
			if a != b && !seen[k] {
				seen[k] = true
				edges = append(edges, Edge{a, b, s})
			}
		}
		// Two cliques of 20 at weight 1, formed first, then densely
		// cross-linked: ~270 edges of 0.999 between them.
		for a := range int32(40) {
			for b := a + 1; b < 40; b++ {
				if (a < 20) == (b < 20) {
					add(a, b, 1)
				} else if rng.IntN(3) > 0 {
					add(a, b, 0.999)
				}
			}
		}
		// Apart from the cliques: a hub joined to every node, and random
		// edges.
		for v := int32(40); v < int32(n); v++ {
			add(int32(n-1), v, 0.5+0.5*rng.Float32())
		}
		for range 400 {
			add(int32(40+rng.IntN(n-40)), int32(40+rng.IntN(n-40)), rng.Float32())
		}
		for _, opt := range []Options{{}, {MinLink: 0.2}, {MinLink: -1}, {MinLink: 0.9}} {
			got, err := Build(n, edges, opt)
			if err != nil {
				t.Fatal(err)
			}
			checkGroups(t, n, got)
			if want := reference(n, edges, opt); !reflect.DeepEqual(got, want) {
				t.Fatalf("trial %d, %+v: Build = %v, reference gives %v", trial, opt, got, want)
			}
		}
	}
}
