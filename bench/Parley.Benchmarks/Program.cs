using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "extract-speed")
{
    return Parley.Benchmarks.ExtractSpeed.Run(args);
}

if (args.Length > 0 && args[0] == "coding-speed") return Parley.Benchmarks.CodingSpeed.Run(args[1..]);
if (args.Length > 0 && args[0] == "dict-load") return Parley.Benchmarks.DictionaryLoad.Run(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Parley.Benchmarks.CodingBenchmarks).Assembly).Run(args);
return 0;
