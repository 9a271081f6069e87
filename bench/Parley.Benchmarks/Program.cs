using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Parley.Benchmarks.CodingBenchmarks).Assembly).Run(args);
