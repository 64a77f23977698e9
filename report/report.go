// Package report writes a scan's result for people (text, HTML) and for
// programs (JSON, CSV), one file per format, each over an io.Writer.
//
// Every format is byte-deterministic: the same Result gives the same bytes.
// Clusters, members and pairs are written in the Result's order (the scan
// makes that order deterministic), nothing is taken from a map's iteration
// order, no clock is read, scores are rounded to four decimals before they
// are formatted, and the parts of a Result that may vary between runs of the
// same scan (Profile, Options.Workers) are left out.
package report

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/neardup/neardup"
)

// Format names an output format.
type Format string

// The formats.
const (
	Text Format = "text" // for people in a terminal: clusters with locations, scores and snippets
	JSON Format = "json" // clusters, pairs, stats and options, for programs
	CSV  Format = "csv"  // one row per pair, for spreadsheets
	HTML Format = "html" // a self-contained page with the shared words highlighted
)

// Formats returns the names of the formats, the default (text) first.
func Formats() []string { return []string{string(Text), string(JSON), string(CSV), string(HTML)} }

// Known reports whether f is one of Formats.
func Known(f Format) bool {
	switch f {
	case Text, JSON, CSV, HTML:
		return true
	}
	return false
}

// Errors returned by the writers, wrapped with the details.
var (
	ErrFormat = errors.New("report: unknown format")
	ErrResult = errors.New("report: inconsistent result")
)

// Write writes r to w in the given format.
func Write(w io.Writer, format Format, r *neardup.Result) error {
	switch format {
	case Text:
		return WriteText(w, r)
	case JSON:
		return WriteJSON(w, r)
	case CSV:
		return WriteCSV(w, r)
	case HTML:
		return WriteHTML(w, r)
	}
	return fmt.Errorf("%w %q: want one of %s", ErrFormat, format, strings.Join(Formats(), ", "))
}

// check verifies that every index in r points at a unit and that each
// cluster's representative is one of its members, so that the writers can
// index without further checks.
func check(r *neardup.Result) error {
	if r == nil {
		return fmt.Errorf("%w: nil", ErrResult)
	}
	n := len(r.Units)
	for i, c := range r.Clusters {
		found := false
		for _, m := range c.Members {
			if m.Unit < 0 || m.Unit >= n {
				return fmt.Errorf("%w: cluster %d (index %d): member unit %d out of range [0, %d)", ErrResult, c.ID, i, m.Unit, n)
			}
			found = found || m.Unit == c.Rep
		}
		if !found {
			return fmt.Errorf("%w: cluster %d (index %d): representative unit %d is not a member", ErrResult, c.ID, i, c.Rep)
		}
	}
	for i, p := range r.Pairs {
		if p.A < 0 || p.A >= n || p.B < 0 || p.B >= n {
			return fmt.Errorf("%w: pair %d: units %d, %d out of range [0, %d)", ErrResult, i, p.A, p.B, n)
		}
	}
	return nil
}

// repIndex returns the position of c's representative among its members
// (check guarantees there is one).
func repIndex(c *neardup.Cluster) int {
	for i, m := range c.Members {
		if m.Unit == c.Rep {
			return i
		}
	}
	return -1
}

// clusterOf returns, for each unit, the ID of the first cluster in r that
// holds it, or 0.
func clusterOf(r *neardup.Result) []int {
	of := make([]int, len(r.Units))
	for _, c := range r.Clusters {
		for _, m := range c.Members {
			if of[m.Unit] == 0 {
				of[m.Unit] = c.ID
			}
		}
	}
	return of
}

// pairCluster returns the ID of the cluster holding both units of p, or 0.
func pairCluster(of []int, p neardup.Pair) int {
	if of[p.A] == of[p.B] {
		return of[p.A]
	}
	return 0
}

// round4 rounds x to four decimals (and -0 to 0).
func round4(x float64) float64 {
	r := math.Round(x*1e4) / 1e4
	if r == 0 {
		return 0
	}
	return r
}

// formatScore formats x rounded to four decimals in the shortest form that
// reads back as the rounded value ("0.7123", "1", "0.5").
func formatScore(x float64) string {
	return strconv.FormatFloat(round4(x), 'f', -1, 64)
}

// snippetRunes is the length of a text report's snippet.
const snippetRunes = 100

// snippet returns s on one line: runs of white space and control
// characters collapsed to single spaces, trimmed, and cut to at most limit
// runes with an ellipsis, at a word boundary when one is in the last
// quarter.
func snippet(s string, limit int) string {
	s = strings.Join(strings.FieldsFunc(strings.ToValidUTF8(s, "\uFFFD"), func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsControl(c)
	}), " ")
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	head := truncateRunes(s, limit-1)
	if i := strings.LastIndexByte(head, ' '); i >= 0 && utf8.RuneCountInString(head[:i]) >= limit*3/4 {
		head = head[:i]
	}
	return strings.TrimRight(head, " ,;:") + "…"
}

// truncateRunes returns the first n runes of s.
func truncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// oneLine makes a document id safe to print on one line: control
// characters (tabs, new lines) become spaces and invalid UTF-8 becomes
// U+FFFD.
func oneLine(s string) string {
	if strings.IndexFunc(s, func(c rune) bool { return unicode.IsControl(c) || c == utf8.RuneError }) < 0 {
		return s
	}
	return strings.Map(func(c rune) rune {
		if unicode.IsControl(c) {
			return ' '
		}
		return c
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
