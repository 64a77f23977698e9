package corpus

import "strings"

// Shell archives. A Usenet post or a mail may carry files as a shell
// archive ("shar"): a shell script whose here-documents hold each file's
// lines behind a one-character prefix that sed strips on extraction,
//
//	sed 's/^X//' << 'SHAR_EOF' > rules &&
//	XThe contest is open to anyone who ...
//	X
//	XEntries are judged by ...
//	SHAR_EOF
//	chmod 0444 rules ||
//	echo "restore of rules failed"
//
// Read as plain text, every line of such an archive carries the prefix,
// so its files' paragraphs and blank lines are lost and each line became
// a unit (two 20 Newsgroups posts of a C contest's rules and programs made
// a fifth of that corpus's paraphrase pairs). A here-document fed to
// sed 's/^P//' whose every line starts with P up to its delimiter line is
// read as the file it restores: the prefix left out of each line, so the
// file's text splits as any plain text does (its program's lines are
// code, code.go). The archive's shell lines are not the writer's prose:
// those (shellLine) that end the block the sed line ends, and those after
// a file's delimiter, make no unit. A sed line whose here-document is not
// closed, or holds a line without the prefix, is text.
type sharState struct {
	prefix string // the prefix sed strips from the current file's lines
	delim  string // the here-document's delimiter; "" outside a file
	dash   bool   // "<<-": the delimiter line may be indented with tabs
	shell  bool   // after a file: shell lines up to a blank or other line
}

// sharFile reports whether line opens a shell-archive file: a sed command
// (the line's first word) that strips a prefix of one to three
// characters ("s/^X//") reading a here-document ("<< 'SHAR_EOF'",
// "<<\SHAR_EOF", "<< EOF", "<<- 'END-of-rules'"). It returns the prefix,
// the delimiter, and whether the delimiter may be indented with tabs.
func sharFile(line string) (prefix, delim string, dash, ok bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if !strings.HasPrefix(line[i:], "sed ") {
		return "", "", false, false
	}
	h := strings.Index(line, "<<")
	if h < 0 {
		return "", "", false, false
	}
	cmd := line[:h]
	j := strings.Index(cmd, "s/^")
	if j < 0 {
		return "", "", false, false
	}
	p := cmd[j+3:]
	k := strings.Index(p, "//")
	if k < 1 || k > 3 || strings.ContainsAny(p[:k], `\[].*$^ `) {
		return "", "", false, false
	}
	prefix = p[:k]
	r := line[h+2:]
	if strings.HasPrefix(r, "-") {
		dash, r = true, r[1:]
	}
	r = strings.TrimLeft(r, " \t")
	switch {
	case r == "":
		return "", "", false, false
	case r[0] == '\'' || r[0] == '"':
		e := strings.IndexByte(r[1:], r[0])
		if e < 1 {
			return "", "", false, false
		}
		delim = r[1 : 1+e]
	default:
		r = strings.TrimPrefix(r, `\`)
		n := strings.IndexAny(r, " \t;&|<>()")
		if n < 0 {
			n = len(r)
		}
		delim = r[:n]
	}
	if delim == "" {
		return "", "", false, false
	}
	return prefix, delim, dash, true
}

// sharBody reports whether the here-document starting at src[pos:] is a
// file of an archive: every line starts with prefix up to a line that is
// the delimiter (after tabs, with dash).
func sharBody(src string, pos int, prefix, delim string, dash bool) bool {
	for pos < len(src) {
		start, end, next := nextLine(src, pos)
		if isDelim(src[start:end], delim, dash) {
			return true
		}
		if !strings.HasPrefix(src[start:end], prefix) {
			return false
		}
		pos = next
	}
	return false
}

func isDelim(line, delim string, dash bool) bool {
	if dash {
		line = strings.TrimLeft(line, "\t")
	}
	return line == delim
}

// shellLine reports whether a line reads as an archive's shell command:
// a comment, or a command that shar writes around its files.
func shellLine(line string) bool {
	t := strings.TrimLeft(line, " \t")
	if t == "" {
		return false
	}
	if t[0] == '#' || t[0] == '$' || t[0] == ':' {
		return true
	}
	w := t
	if i := strings.IndexAny(t, " \t;"); i >= 0 {
		w = t[:i]
	}
	switch w {
	case "echo", "if", "then", "else", "elif", "fi", "chmod", "set", "test", "exit", "sed", "cat",
		"mkdir", "cd", "touch", "wc", "rm", "mv", "for", "do", "done", "case", "esac", "shar", "true",
		"false", "export", "unset", "[", "rmdir", "uudecode", "compress", "gzip", "shar_touch":
		return true
	}
	return false
}
