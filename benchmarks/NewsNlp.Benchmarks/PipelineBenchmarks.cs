using BenchmarkDotNet.Attributes;

namespace NewsNlp.Benchmarks;

/// <summary>
/// The whole pipeline (clean, tokenize, split, tag, link) over ~1 MB of news cut into articles of about 3,000
/// characters: one by one on one thread (baseline) against <see cref="NewsPipeline.AnalyzeManyAsync"/> on 1 and 2 threads.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private NewsInput[] _inputs = [];
    private readonly NewsPipeline _pipeline = NewsPipeline.CreateDefault();

    /// <summary>Documents analysed at once by <see cref="NewsPipeline.AnalyzeManyAsync"/>.</summary>
    [Params(1, 2)]
    public int Parallelism { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = [.. NewsCorpus.Articles(3000).Select((text, i) => new NewsInput(text, $"doc{i}"))];
        _pipeline.Analyze(_inputs[0]);
    }

    [Benchmark(Baseline = true, Description = "Analyze, one by one")]
    public int Sequential()
    {
        int tokens = 0;
        foreach (NewsInput input in _inputs)
        {
            tokens += _pipeline.Analyze(input).Tokens.Length;
        }

        return tokens;
    }

    [Benchmark(Description = "AnalyzeManyAsync")]
    public async Task<int> Streamed()
    {
        int tokens = 0;
        await foreach (NewsDocument doc in _pipeline.AnalyzeManyAsync(_inputs.ToAsyncEnumerable(), Parallelism))
        {
            tokens += doc.Tokens.Length;
        }

        return tokens;
    }
}
