package cluster

import "math/bits"

// agglomeration is the state of one Build: a union-find forest over the
// nodes and, for every group of two or more members, the summed edge
// weights to each neighbouring group.
type agglomeration struct {
	g       *graph
	minLink uint64 // MinLink in units of 1/weightScale
	nodes   []node
	// links[r] holds, for each root adjacent to r's group, the sum of the
	// edge weights between the two groups. It exists once r's group has
	// two members; a single node's row is its adjacency. Links are
	// symmetric: links[r].get(h) == links[h].get(r) whenever both exist.
	links []adjacency
}

// node is a node's union-find entry. The fields a merge decision reads
// share one record, so finding the root brings its size into the cache.
type node struct {
	parent int32
	// At roots only:
	size int32  // members in the group
	ends uint32 // edge ends of the members (sum of their row lengths)
}

func newAgglomeration(g *graph, minLink uint64) *agglomeration {
	n := len(g.off) - 1
	a := &agglomeration{
		g:       g,
		minLink: minLink,
		nodes:   make([]node, n),
		links:   make([]adjacency, n),
	}
	for u := range a.nodes {
		a.nodes[u] = node{parent: int32(u), size: 1, ends: g.off[u+1] - g.off[u]}
	}
	return a
}

// find returns the root of u's group, halving the path on the way.
func (a *agglomeration) find(u int32) int32 {
	for p := a.nodes[u].parent; p != u; p = a.nodes[u].parent {
		gp := a.nodes[p].parent
		a.nodes[u].parent = gp
		u = gp
	}
	return u
}

// run takes the edges in order and merges the groups the guard allows.
func (a *agglomeration) run() {
	for _, p := range a.g.pairs {
		ra, rb := a.find(p.a), a.find(p.b)
		if ra == rb {
			continue
		}
		if a.accept(a.link(ra, rb, p.w), ra, rb) {
			a.merge(ra, rb)
		}
	}
}

// link returns the summed weight between the groups of roots ra and rb, of
// which w is one edge.
func (a *agglomeration) link(ra, rb int32, w uint32) uint64 {
	if a.nodes[ra].size > 1 {
		return a.links[ra].get(rb)
	}
	if a.nodes[rb].size > 1 {
		return a.links[rb].get(ra)
	}
	return uint64(w) // two single nodes: their one edge is the whole link
}

// accept reports whether sum ≥ minLink·|G1|·|G2|, exactly.
func (a *agglomeration) accept(sum uint64, ra, rb int32) bool {
	hi, lo := bits.Mul64(a.minLink, uint64(a.nodes[ra].size)*uint64(a.nodes[rb].size))
	return hi == 0 && lo <= sum
}

// merge joins the groups of roots ra and rb. The group with more edge ends
// (ties: the smaller root) keeps its root and adjacency; the other's
// adjacency is moved into it.
func (a *agglomeration) merge(ra, rb int32) {
	r, d := ra, rb
	if er, ed := a.nodes[r].ends, a.nodes[d].ends; ed > er || ed == er && d < r {
		r, d = d, r
	}
	if a.nodes[r].size == 1 {
		a.links[r] = a.rowLinks(r)
	}
	if l := &a.links[d]; a.nodes[d].size > 1 {
		for _, k := range l.small {
			a.move(r, d, k.to, uint64(k.w))
		}
		for h, w := range l.big {
			a.move(r, d, h, w)
		}
	} else {
		nbr, wt := a.g.row(d)
		for i, v := range nbr {
			a.move(r, d, a.find(v), uint64(wt[i]))
		}
	}
	a.links[r].take(d)
	a.links[d] = adjacency{}
	a.nodes[d].parent = r
	a.nodes[r].size += a.nodes[d].size
	a.nodes[r].ends += a.nodes[d].ends
}

// move carries a link of weight w between the dying root d and the root h
// over to the surviving root r; h's own link to d, if h has an adjacency,
// is renamed to r. When d is a single node, move is called once per edge
// end: the first call moves h's whole link to d, the others find none.
// Every sum is of exact integers, so the links come out the same whatever
// order a map is walked in.
func (a *agglomeration) move(r, d, h int32, w uint64) {
	if h == r {
		return // the d–r link becomes internal
	}
	a.links[r].add(h, w)
	if a.nodes[h].size > 1 {
		l := &a.links[h]
		if v := l.take(d); v != 0 {
			l.add(r, v)
		}
	}
}

// rowLinks returns the adjacency of the single node u, built from its row.
func (a *agglomeration) rowLinks(u int32) adjacency {
	nbr, wt := a.g.row(u)
	l := adjacency{small: make([]link, 0, min(len(nbr), smallLinks))}
	for i, v := range nbr {
		l.add(a.find(v), uint64(wt[i]))
	}
	return l
}

// groups returns the groups of two or more members, ordered by their
// smallest member, each with its medoid.
func (a *agglomeration) groups() []Group {
	n := len(a.nodes)
	root := make([]int32, n)
	total := 0
	for u := range int32(n) {
		root[u] = a.find(u)
		if root[u] == u && a.nodes[u].size >= 2 {
			total += int(a.nodes[u].size)
		}
	}
	// Sum of each node's edge weights inside its group.
	inner := make([]uint64, n)
	for _, p := range a.g.pairs {
		if root[p.a] == root[p.b] {
			inner[p.a] += uint64(p.w)
			inner[p.b] += uint64(p.w)
		}
	}
	// Groups are numbered as their smallest member is met, and members
	// appended in id order into one shared backing array.
	members := make([]int32, total)
	index := make([]int32, n) // at roots: 1 + the group's index, or 0
	var out []Group
	for u := range int32(n) {
		r := root[u]
		size := int(a.nodes[r].size)
		if size < 2 {
			continue
		}
		k := index[r]
		if k == 0 {
			out = append(out, Group{Members: members[:0:size], Rep: u})
			members = members[size:]
			k = int32(len(out))
			index[r] = k
		}
		gr := &out[k-1]
		gr.Members = append(gr.Members, u)
		if inner[u] > inner[gr.Rep] {
			gr.Rep = u
		}
	}
	return out
}
