using BenchmarkDotNet.Attributes;
using NewsNlp.Tokenization;

namespace NewsNlp.Benchmarks;

/// <summary>Sentence splitting of ~1 MB of tokenized news text, and tokenizing plus splitting, against the tokenizer alone.</summary>
[MemoryDiagnoser]
public class SentenceSplitterBenchmarks
{
    private string _text = "";
    private Token[] _tokens = [];
    private readonly List<Sentence> _sentences = new(100_000);
    private readonly List<Token> _tokenList = new(300_000);

    [GlobalSetup]
    public void Setup()
    {
        _text = NewsCorpus.Text;
        _tokens = Tokenizer.Default.TokenizeToArray(_text);
    }

    [Benchmark(Baseline = true, Description = "Tokenize into a list")]
    public int Tokenize()
    {
        _tokenList.Clear();
        return Tokenizer.Default.Tokenize(_text, _tokenList);
    }

    [Benchmark(Description = "Split sentences (tokens given)")]
    public int Split()
    {
        _sentences.Clear();
        return SentenceSplitter.Default.Split(_text, _tokens, _sentences);
    }

    [Benchmark(Description = "NewsPipeline.Analyze (tokens + sentences)")]
    public int Analyze() => Pipeline.Analyze(_text).Sentences.Length;

    private static readonly NewsPipeline Pipeline = NewsPipeline.CreateDefault();
}
