using BenchmarkDotNet.Attributes;
using NewsNlp.Text;

namespace NewsNlp.Benchmarks;

/// <summary>
/// Text repair over ~1 MB of clean news text: the vectorised fast path (repairs only, and with boilerplate detection)
/// against a plain <c>IndexOfAny</c> scan for a few characters as the baseline, and on text with one mojibake per line.
/// </summary>
[MemoryDiagnoser]
public class TextCleanerBenchmarks
{
    private static readonly TextCleaner RepairOnly = new(new TextCleanerOptions { DetectBoilerplate = false });
    private static readonly System.Buffers.SearchValues<char> Few = System.Buffers.SearchValues.Create("&\u00C3\u00E2");

    private string _text = "";
    private string _broken = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = NewsCorpus.Text;
        _broken = _text.Replace("\n\n", " Chinaâ€™s\n\n", StringComparison.Ordinal);
    }

    [Benchmark(Baseline = true, Description = "IndexOfAny over 3 chars (reference scan)")]
    public int Scan() => _text.AsSpan().IndexOfAny(Few);

    [Benchmark(Description = "TextCleaner, repairs only, clean text")]
    public int CleanRepairsOnly() => RepairOnly.Clean(_text).Text.Length;

    [Benchmark(Description = "TextCleaner.Default (repairs + boilerplate), clean text")]
    public int CleanDefault() => TextCleaner.Default.Clean(_text).Boilerplate.Count;

    [Benchmark(Description = "TextCleaner.Default, one mojibake per paragraph")]
    public int CleanBroken() => TextCleaner.Default.Clean(_broken).Repairs.Count;
}
