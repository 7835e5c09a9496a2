using BenchmarkDotNet.Attributes;
using NewsNlp.Entities;
using NewsNlp.Tokenization;

namespace NewsNlp.Benchmarks;

/// <summary>
/// Entity tagging alone (tokens and sentences given), single thread, over ~1 MB of news text, against tokenizing the
/// same text as the baseline; the Ktok/s column gives tokens per second.
/// </summary>
[MemoryDiagnoser]
public class EntityTaggerBenchmarks
{
    private string _text = "";
    private Token[] _tokens = [];
    private Sentence[] _sentences = [];
    private readonly List<EntityMention> _mentions = new(100_000);
    private readonly List<Token> _tokenList = new(300_000);

    [GlobalSetup]
    public void Setup()
    {
        _text = NewsCorpus.Text;
        _tokens = Tokenizer.Default.TokenizeToArray(_text);
        _sentences = SentenceSplitter.Default.Split(_text, _tokens);
        _ = EntityTagger.Default;
    }

    [Benchmark(Baseline = true, Description = "Tokenize (reference)")]
    public int Tokenize()
    {
        _tokenList.Clear();
        return Tokenizer.Default.Tokenize(_text, _tokenList);
    }

    [Benchmark(Description = "EntityTagger.Tag (model + numeric + consistency)")]
    public int Tag()
    {
        _mentions.Clear();
        return EntityTagger.Default.Tag(_text, _tokens, _sentences, _mentions);
    }
}
