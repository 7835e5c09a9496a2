using BenchmarkDotNet.Attributes;
using NewsNlp.Text;

namespace NewsNlp.Benchmarks;

/// <summary>
/// Text repair over ~1 MB of news text: the vectorised fast path on clean ASCII text (repairs only, and with boilerplate
/// detection) against one full <c>IndexOfAnyExcept</c> scan of the same text as the baseline; then the real GMB text
/// as it is (a few C1 characters and ampersands), and the text with a mojibake in every paragraph.
/// </summary>
[MemoryDiagnoser]
public class TextCleanerBenchmarks
{
    private static readonly TextCleaner RepairOnly = new(new TextCleanerOptions { DetectBoilerplate = false });
    private static readonly System.Buffers.SearchValues<char> Printable = System.Buffers.SearchValues.Create(
        "\t\n\r !\"#$%'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private string _text = "";
    private string _clean = "";
    private string _broken = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = NewsCorpus.Text;
        _clean = new string(_text.Where(c => c is '\n' or (>= ' ' and < '\u007F') && c != '&').ToArray());
        _broken = _text.Replace("\n\n", " Chinaâ€™s\n\n", StringComparison.Ordinal);
    }

    [Benchmark(Baseline = true, Description = "IndexOfAnyExcept full scan (reference), clean text")]
    public int Scan() => _clean.AsSpan().IndexOfAnyExcept(Printable);

    [Benchmark(Description = "TextCleaner, repairs only, clean text")]
    public int CleanRepairsOnly() => RepairOnly.Clean(_clean).Text.Length;

    [Benchmark(Description = "TextCleaner.Default (repairs + boilerplate), clean text")]
    public int CleanDefault() => TextCleaner.Default.Clean(_clean).Boilerplate.Count;

    [Benchmark(Description = "TextCleaner.Default, GMB text as it is")]
    public int CleanReal() => TextCleaner.Default.Clean(_text).Repairs.Count;

    [Benchmark(Description = "TextCleaner.Default, one mojibake per paragraph")]
    public int CleanBroken() => TextCleaner.Default.Clean(_broken).Repairs.Count;
}
