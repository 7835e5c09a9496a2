using BenchmarkDotNet.Attributes;

namespace NewsNlp.Benchmarks;

/// <summary>
/// What relations and quotes cost: the whole pipeline over ~1 MB of news in articles of about 3,000 characters, with
/// relation extraction and quotes off (baseline) and on. The budget is a ratio of at most 1.30.
/// </summary>
[MemoryDiagnoser]
public class RelationBenchmarks
{
    private readonly NewsPipeline _without = new(new NewsPipelineOptions { ExtractRelations = false });
    private readonly NewsPipeline _with = new(new NewsPipelineOptions { ExtractRelations = true });
    private NewsInput[] _inputs = [];

    [GlobalSetup]
    public void Setup()
    {
        _inputs = [.. NewsCorpus.Articles(3000).Select((text, i) => new NewsInput(text, $"doc{i}"))];
        _without.Analyze(_inputs[0]);
        _with.Analyze(_inputs[0]);
    }

    [Benchmark(Baseline = true, Description = "Pipeline, relations and quotes off")]
    public int Without() => Run(_without);

    [Benchmark(Description = "Pipeline, relations and quotes on")]
    public int With() => Run(_with);

    private int Run(NewsPipeline pipeline)
    {
        int found = 0;
        foreach (NewsInput input in _inputs)
        {
            NewsDocument doc = pipeline.Analyze(input);
            found += doc.Entities.Length + doc.Relations.Length + doc.Quotes.Length;
        }

        return found;
    }
}
