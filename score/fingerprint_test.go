package score

import "testing"

func TestTemplateFingerprint(t *testing.T) {
	s := newTestScorer(t)
	a := s.Analyze("Newsletter Page 6 Volume 6, Number 10")
	b := s.Analyze("Newsletter page 38 Volume 6, number 10.")
	c := s.Analyze("Newsletter Page six Volume 6, Number 10") // a number word is a word
	d := s.Analyze("Newsletter Page 6 Issue 6, Number 10")
	if a.Fingerprint() == b.Fingerprint() {
		t.Error("different page numbers, one fingerprint")
	}
	if a.TemplateFingerprint() != b.TemplateFingerprint() {
		t.Error("one wording but for numbers in digits, different template fingerprints")
	}
	if a.TemplateFingerprint() == c.TemplateFingerprint() || a.TemplateFingerprint() == d.TemplateFingerprint() {
		t.Error("another word, one template fingerprint")
	}
}
