package neardup

import (
	_ "github.com/james-bowman/nlp"
	_ "github.com/kljensen/snowball"
	_ "github.com/spf13/pflag"
	_ "go.etcd.io/bbolt"
	_ "golang.org/x/net/html"
	_ "golang.org/x/text/unicode/norm"
	_ "gonum.org/v1/gonum/mat"
)
