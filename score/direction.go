package score

import (
	"cmp"
	"fmt"
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

// particleWords are the words of movement that are as often particles
// ("up to the council", "gave up", "shut down"): they read as a movement
// only before a number ("up 5 percent", "down 26 cents").
var particleWords = []string{"up", "down"}

// idiomWords after a word of movement make it no movement: "fell silent" /
// "grew silent", "fell short" / "came up short", "grew tired", "fell
// apart", "fell victim".
var idiomWords = []string{
	"silent", "quiet", "ill", "sick", "asleep", "awake", "short", "apart", "victim", "prey",
	"flat", "tired", "weary", "dark", "still", "away", "behind", "off", "out", "over",
	"through", "upon", "foul", "pregnant", "loose", "old",
}

// ordinalWords are the ordinals written as words, in order from first;
// ordinalTerms adds those written with digits ("3rd", "21st").
var ordinalWords = []string{
	"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
	"eighteenth", "nineteenth", "twentieth",
}

// Bits of word.swaps and Unit.swaps.
const (
	swapDir = 1 << iota // a word of movement (directionTerms)
	swapOrd             // an ordinal (ordinalTerms)
)

// classTerms is a sorted table of term ids and their class: a direction
// (1 up, 2 down), an ordinal's value, or 1 for a member of a set.
type classTerms []classTerm

// termSet returns the words as a classTerms of class 1.
func termSet(an *shingle.Analyzer, words []string) classTerms {
	var ct classTerms
	for _, w := range words {
		ct = ct.add(an, w, 1)
	}
	return ct.sorted()
}

type classTerm struct {
	id    uint32
	class uint8
}

// Directions: the classes of directionTerms.
const (
	dirUp   = 1
	dirDown = 2
)

// directionTerms returns the term ids of upWords and downWords as an
// analyser of English makes them, with their direction.
func directionTerms(an *shingle.Analyzer) classTerms {
	var ct classTerms
	for _, w := range upWords {
		ct = ct.add(an, w, dirUp)
	}
	for _, w := range downWords {
		ct = ct.add(an, w, dirDown)
	}
	return ct.sorted()
}

// ordinalTerms returns the term ids of the ordinals up to 99 ("third",
// "3rd"; twentieth and above with digits only) with their value.
func ordinalTerms(an *shingle.Analyzer) classTerms {
	var ct classTerms
	for i, w := range ordinalWords {
		ct = ct.add(an, w, uint8(i+1))
	}
	for n := 1; n < 100; n++ {
		suffix := "th"
		if n%100/10 != 1 {
			switch n % 10 {
			case 1:
				suffix = "st"
			case 2:
				suffix = "nd"
			case 3:
				suffix = "rd"
			}
		}
		ct = ct.add(an, fmt.Sprint(n, suffix), uint8(n))
	}
	return ct.sorted()
}

// add appends the analyser's term of word in class c (a word of more than
// one token is left out).
func (ct classTerms) add(an *shingle.Analyzer, word string, c uint8) classTerms {
	if toks := an.Tokens(word, nil); len(toks) == 1 {
		ct = append(ct, classTerm{termID(toks[0].Term), c})
	}
	return ct
}

// sorted sorts the table by id, the first of an id's entries kept.
func (ct classTerms) sorted() classTerms {
	slices.SortStableFunc(ct, func(x, y classTerm) int { return cmp.Compare(x.id, y.id) })
	return slices.CompactFunc(ct, func(x, y classTerm) bool { return x.id == y.id })
}

// of returns the class of term id, 0 for none.
func (ct classTerms) of(id uint32) uint8 {
	i, ok := slices.BinarySearchFunc(ct, id, func(t classTerm, id uint32) int { return cmp.Compare(t.id, id) })
	if !ok {
		return 0
	}
	return ct[i].class
}

// swapped is 1 when a word of a class in a, which b lacks, stands where b
// has a word of another class of the table, which a lacks: the two have
// the same content word before them or after them ("Acme rose 5 percent"
// / "Acme fell 5 percent", "in the third quarter" / "in the fourth
// quarter"), or the same words on both sides ("were up 5 percent" / "were
// down 5 percent"). The neighbours keep out words each side has elsewhere
// ("closes down 3" / "gear up for", "the increase in" / "the lower of").
// as and bs are the term ids of the sides' tokens in order, stop words
// included.
//
// reads, when not nil, says whether the word at seq[p] of u reads as a
// member of the table there (reading).
func swapped(ct classTerms, bit uint8, a, b *Unit, as, bs []uint32, reads func(u *Unit, seq []uint32, p int) bool) float64 {
	if a.swaps&b.swaps&bit == 0 {
		return 0 // one side has no word of the table
	}
	for p, x := range as {
		cx := ct.of(x)
		if cx == 0 || b.holds(x) || reads != nil && !reads(a, as, p) {
			continue
		}
		for q, y := range bs {
			if cy := ct.of(y); cy == 0 || cy == cx || a.holds(y) || reads != nil && !reads(b, bs, q) {
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

// moving reports whether the word of movement at seq[p] of u reads as a
// movement: a particle only before a number, no word before an idiom's
// complement.
func (lx *lexicon) moving(u *Unit, seq []uint32, p int) bool {
	next := uint32(0)
	if p+1 < len(seq) {
		next = seq[p+1]
	}
	if lx.particles.of(seq[p]) != 0 {
		_, num := slices.BinarySearch(u.numbers(), next)
		return num
	}
	return lx.idioms.of(next) == 0
}

// ordinal reports whether the ordinal at seq[p] of u stands alone: not
// the end of a compound written with a hyphen ("twenty-first" is the
// tokens "twenty" "first"; "21st" is one).
func ordinal(u *Unit, seq []uint32, p int) bool {
	if p == 0 {
		return true
	}
	_, num := slices.BinarySearch(u.numbers(), seq[p-1])
	return !num
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
