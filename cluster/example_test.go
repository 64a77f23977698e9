package cluster_test

import (
	"fmt"

	"github.com/neardup/neardup/cluster"
)

// Units 0, 1 and 2 are three wordings of one paragraph; 3 shares a phrase
// with 2, and 4 is a copy of 3. Single linkage would chain all five
// together; average linkage keeps the two groups apart.
func ExampleBuild() {
	names := []string{"pillar", "foundation", "pillar again", "trade deficit", "trade deficit copy"}
	edges := []cluster.Edge{
		{A: 0, B: 1, Score: 0.78},
		{A: 0, B: 2, Score: 0.84},
		{A: 1, B: 2, Score: 0.81},
		{A: 2, B: 3, Score: 0.62},
		{A: 3, B: 4, Score: 0.97},
	}
	groups, err := cluster.Build(len(names), edges, cluster.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range groups {
		fmt.Printf("rep %q:", names[g.Rep])
		for _, m := range g.Members {
			fmt.Printf(" %q", names[m])
		}
		fmt.Println()
	}
	// Output:
	// rep "pillar again": "pillar" "foundation" "pillar again"
	// rep "trade deficit": "trade deficit" "trade deficit copy"
}
