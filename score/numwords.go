package score

import "github.com/neardup/neardup/shingle"

// numberWords maps the English number words that stand for one number and
// nothing else to the digits they write: "two" and "2" are the same number
// for the numbers feature, the duplicate rule and compare's lists, and the
// same term for the word features. "one" is left out (a pronoun and an
// article far more often than a count: "one of", "no one"), and so are
// ordinals ("second") and multipliers ("hundred", "million"), which scale
// the number before them ("two million" and "2 million" still agree).
var numberWords = map[string]string{
	"two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
	"twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
	"sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
	"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
	"sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
}

// scoreTerm is the term the scorer gives a token and whether it is a
// number: the analyzer's, except that a number word is its number.
func scoreTerm(t *shingle.Token) (term string, number bool) {
	if !t.Number && !t.Stop {
		if d, ok := numberWords[t.Norm]; ok {
			return d, true
		}
	}
	return t.Term, t.Number
}
