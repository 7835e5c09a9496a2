using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using NewsNlp.Benchmarks;

// Run all:   dotnet run -c Release --project benchmarks/NewsNlp.Benchmarks -- --filter '*'
// Run one:   dotnet run -c Release --project benchmarks/NewsNlp.Benchmarks -- --filter '*TokenizerBenchmarks*'
if (args.Length > 0 && args[0] == "--profile")
{
    Profile.Run();
    return;
}

// The pipeline's time by stage: dotnet run -c Release --project benchmarks/NewsNlp.Benchmarks -- --stages
if (args.Length > 0 && args[0] == "--stages")
{
    StageProfile.Run();
    return;
}

// The corpus analyser at scale: dotnet run -c Release --project benchmarks/NewsNlp.Benchmarks -- --corpus 100000
if (args.Length > 0 && args[0] == "--corpus")
{
    CorpusStream.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

// Memory while streaming: dotnet run -c Release --project benchmarks/NewsNlp.Benchmarks -- --stream 100000 2
if (args.Length > 0 && args[0] == "--stream")
{
    await StreamMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0);
    return;
}

Console.WriteLine($"Benchmark text: {NewsCorpus.Source}; {NewsCorpus.Text.Length:N0} chars, {NewsCorpus.Utf8Bytes:N0} UTF-8 bytes");
IConfig config = DefaultConfig.Instance.AddColumn(new ThroughputColumn(), new ThroughputColumn(tokens: true));
BenchmarkSwitcher.FromAssembly(typeof(NewsCorpus).Assembly).Run(args, config);
