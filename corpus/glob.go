package corpus

import (
	"fmt"
	"path"
	"strings"
)

// matchAny reports whether any pattern matches a walked entry with base
// name and slash-separated path rel (relative to the folder walked).
func matchAny(patterns []string, name, rel string) bool {
	for _, p := range patterns {
		p = cleanGlob(p)
		if !strings.Contains(p, "/") {
			if ok, _ := path.Match(p, name); ok {
				return true
			}
		}
		if matchGlob(strings.Split(p, "/"), strings.Split(rel, "/")) {
			return true
		}
	}
	return false
}

// cleanGlob drops a leading "./" and a trailing "/".
func cleanGlob(p string) string {
	p = strings.TrimPrefix(p, "./")
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	return p
}

// matchGlob matches path elements against pattern elements; "**" matches
// any number of elements, including none.
func matchGlob(pat, elems []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(elems); i++ {
				if matchGlob(pat[1:], elems[i:]) {
					return true
				}
			}
			return false
		}
		if len(elems) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], elems[0]); !ok {
			return false
		}
		pat, elems = pat[1:], elems[1:]
	}
	return len(elems) == 0
}

// checkGlob reports a malformed pattern.
func checkGlob(p string) error {
	for _, e := range strings.Split(cleanGlob(p), "/") {
		if _, err := path.Match(e, ""); err != nil {
			return fmt.Errorf("corpus: bad glob pattern %q: %w", p, err)
		}
	}
	return nil
}
