package index_test

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neardup/neardup/index"
)

func TestQuick(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("QN"))
	texts, truth := loadCorpus(t, n)
	vecs, voc := contentVectors(texts)
	t.Logf("n=%d vocab %d", n, voc.Len())
	for _, ts := range strings.Split(os.Getenv("QT"), ",") {
		th, _ := strconv.ParseFloat(ts, 64)
		t0 := time.Now()
		tp, _ := strconv.ParseFloat(os.Getenv("QP"), 64)
		pairs, st, _ := index.AllPairsWithStats(vecs, index.AllPairsOptions{Threshold: th, PrefixThreshold: tp})
		for k, r := range truthRecall(truth, pairs) {
			t.Logf("recall %s %.4f", k, r)
		}
		t.Logf("n=%d t=%v %v %+v", n, th, time.Since(t0), st)
	}
}
