package score

import "github.com/neardup/neardup/shingle"

// numberWord returns the digits of an English number word that stands
// for one number and nothing else: "two" and "2" are the same number for
// the numbers feature, the duplicate rule and compare's lists, and the
// same term for the word features. "one" is left out (a pronoun and an
// article far more often than a count: "one of", "no one"), and so are
// ordinals ("second") and multipliers ("hundred", "million"), which scale
// the number before them (see tokens).
func numberWord(w string) (string, bool) {
	switch w {
	case "two":
		return "2", true
	case "three":
		return "3", true
	case "four":
		return "4", true
	case "five":
		return "5", true
	case "six":
		return "6", true
	case "seven":
		return "7", true
	case "eight":
		return "8", true
	case "nine":
		return "9", true
	case "ten":
		return "10", true
	case "eleven":
		return "11", true
	case "twelve":
		return "12", true
	case "thirteen":
		return "13", true
	case "fourteen":
		return "14", true
	case "fifteen":
		return "15", true
	case "sixteen":
		return "16", true
	case "seventeen":
		return "17", true
	case "eighteen":
		return "18", true
	case "nineteen":
		return "19", true
	case "twenty":
		return "20", true
	case "thirty":
		return "30", true
	case "forty":
		return "40", true
	case "fifty":
		return "50", true
	case "sixty":
		return "60", true
	case "seventy":
		return "70", true
	case "eighty":
		return "80", true
	case "ninety":
		return "90", true
	}
	return "", false
}

// scoreTerm is the term the scorer gives a token and whether it is a
// number: the analyzer's, except that a number word is its number.
func scoreTerm(t *shingle.Token) (term string, number bool) {
	if !t.Number && !t.Stop {
		if d, ok := numberWord(t.Norm); ok {
			return d, true
		}
	}
	return t.Term, t.Number
}
