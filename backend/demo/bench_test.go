package demo

import (
	"context"
	"testing"
)

// BenchmarkGenerateM writes the m shop (100k orders) into a fresh database;
// run with -benchtime 1x -cpuprofile to see where a demo generation goes.
func BenchmarkGenerateM(b *testing.B) {
	for range b.N {
		b.StopTimer()
		st := openStore(b)
		b.StartTimer()
		if _, err := Generate(context.Background(), st, testNow, SizeM, DefaultSeed, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
	}
}

// BenchmarkGenerateOnlyM measures the generator alone, with no sink work.
func BenchmarkGenerateOnlyM(b *testing.B) {
	p, _ := paramsFor(SizeM)
	for range b.N {
		g := newGenerator(p, DefaultSeed, testNow.Now())
		if err := g.run(context.Background(), multiSink{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateL is the 1M-order shop; minutes on a busy machine.
func BenchmarkGenerateL(b *testing.B) {
	for range b.N {
		b.StopTimer()
		st := openStore(b)
		b.StartTimer()
		if _, err := Generate(context.Background(), st, testNow, SizeL, DefaultSeed, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
	}
}
