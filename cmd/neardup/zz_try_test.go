package main

import (
	"context"
	"os"
	"testing"
)

func TestZZTry(t *testing.T) {
	args := os.Getenv("ZZARGS")
	if args == "" {
		t.Skip()
	}
	var a []string
	for _, s := range splitArgs(args) {
		a = append(a, s)
	}
	code := run(context.Background(), a, os.Stdin, os.Stdout, os.Stderr)
	t.Logf("exit %d", code)
}

func splitArgs(s string) []string {
	var out []string
	cur := ""
	for _, c := range s {
		if c == ' ' {
			if cur != "" {
				out = append(out, cur)
			}
			cur = ""
			continue
		}
		cur += string(c)
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}
