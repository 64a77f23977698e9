package score

import (
	"slices"

	"github.com/neardup/neardup/shingle"
)

// Words of a movement up and of a movement down. A statement and its
// reverse ("Shares of Acme rose 5 percent." / "Shares of Acme fell 5
// percent.") share every other word, and WordNet links few of these words
// as antonyms: rise/fall and increase/decrease, but not gain/lose,
// climb/drop or up/down; and the stemmer leaves irregular forms ("rose",
// "fell", "lost") alone, so that the antonym table misses them too.
// Forms are listed whole; New stems them.
var (
	upWords = []string{
		"rise", "rises", "rising", "rose", "risen",
		"gain", "gains", "gained", "gaining",
		"climb", "climbs", "climbed", "climbing",
		"increase", "increases", "increased", "increasing",
		"jump", "jumps", "jumped", "jumping",
		"surge", "surges", "surged", "surging",
		"soar", "soars", "soared", "soaring",
		"grow", "grows", "grew", "grown", "growing",
		"rally", "rallies", "rallied", "rallying",
		"up", "higher", "highest",
	}
	downWords = []string{
		"fall", "falls", "falling", "fell", "fallen",
		"lose", "loses", "lost", "losing",
		"drop", "drops", "dropped", "dropping",
		"decrease", "decreases", "decreased", "decreasing",
		"decline", "declines", "declined", "declining",
		"slip", "slips", "slipped", "slipping",
		"slide", "slides", "slid", "sliding",
		"plunge", "plunges", "plunged", "plunging",
		"tumble", "tumbles", "tumbled", "tumbling",
		"sink", "sinks", "sank", "sunk", "sinking",
		"shrink", "shrinks", "shrank", "shrunk", "shrinking",
		"slump", "slumps", "slumped", "slumping",
		"down", "lower", "lowest",
	}
)

// Directions of directionTerms' entries.
const (
	dirUp   = 1
	dirDown = 2
)

// directionTerms returns the term ids of upWords and downWords as an
// analyser of English makes them, with their direction: sorted by id.
func directionTerms(an *shingle.Analyzer) []dirTerm {
	var out []dirTerm
	var toks []shingle.Token
	for d, words := range [][]string{dirUp - 1: upWords, dirDown - 1: downWords} {
		for _, w := range words {
			toks = an.Tokens(w, toks[:0])
			if len(toks) == 1 {
				out = append(out, dirTerm{termID(toks[0].Term), uint8(d + 1)})
			}
		}
	}
	slices.SortFunc(out, func(x, y dirTerm) int { return int(int64(x.id) - int64(y.id)) })
	return slices.CompactFunc(out, func(x, y dirTerm) bool { return x.id == y.id })
}

type dirTerm struct {
	id  uint32
	dir uint8
}

// dirOf returns the direction of term id, 0 for none.
func (s *Scorer) dirOf(id uint32) uint8 {
	i, ok := slices.BinarySearchFunc(s.dirs, id, func(t dirTerm, id uint32) int { return int(int64(t.id) - int64(id)) })
	if !ok {
		return 0
	}
	return s.dirs[i].dir
}

// direction is 1 when a word of a movement one way in a, which b lacks,
// stands where b has a word of the movement the other way, which a lacks:
// the two have the same content word before them or after them ("Acme
// rose 5 percent" / "Acme fell 5 percent"), or the same words on both
// sides ("were up 5 percent" / "were down 5 percent"). The neighbours keep
// out words of movement each side has elsewhere ("closes down 3" / "gear
// up for", "the increase in" / "the lower of"). as and bs are
// the term ids of the sides' tokens in order, stop words included.
func (s *Scorer) direction(a, b *Unit, as, bs []uint32) float64 {
	if len(s.dirs) == 0 {
		return 0
	}
	for p, x := range as {
		dx := s.dirOf(x)
		if dx == 0 || b.holds(x) {
			continue
		}
		for q, y := range bs {
			if dy := s.dirOf(y); dy == 0 || dy == dx || a.holds(y) {
				continue
			}
			before := p > 0 && q > 0 && as[p-1] == bs[q-1]
			after := p+1 < len(as) && q+1 < len(bs) && as[p+1] == bs[q+1]
			if before && after || before && !a.stop(as[p-1]) || after && !a.stop(as[p+1]) {
				return 1
			}
		}
	}
	return 0
}

// stop reports whether id is one of u's stop words.
func (u *Unit) stop(id uint32) bool {
	_, ok := slices.BinarySearch(u.data[u.nt:u.stopEnd], id)
	return ok
}

// holds reports whether id is one of u's terms or stop words.
func (u *Unit) holds(id uint32) bool {
	_, ok := slices.BinarySearch(u.terms(), id)
	return ok || u.stop(id)
}
