//go:build !unix

package main

// peakRSSKiB is unknown on this system.
func peakRSSKiB() int64 { return 0 }
