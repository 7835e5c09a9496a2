using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Microsoft.ML.Tokenizers;
using Token = NewsNlp.Tokenization.Token;

namespace NewsNlp.Benchmarks;

/// <summary>
/// Tokenizing ~1 MB of news text: NewsNlp's tokenizer against a compiled regex (the baseline), a naive character-class
/// loop, Lucene.Net's UAX#29 StandardTokenizer and Microsoft.ML.Tokenizers' Tiktoken (cl100k) EncodeToIds.
/// Each method returns the token count so that no work can be skipped.
/// </summary>
[MemoryDiagnoser]
public partial class TokenizerBenchmarks
{
    private string _text = "";
    private TiktokenTokenizer _tiktoken = null!;

    [GeneratedRegex(@"\w+|[^\w\s]")]
    private static partial Regex WordOrSymbol();

    private static readonly Regex CompiledRegex = new(@"\w+|[^\w\s]", RegexOptions.Compiled);

    [GlobalSetup]
    public void Setup()
    {
        _text = NewsCorpus.Text;
        _tiktoken = TiktokenTokenizer.CreateForModel("gpt-4");
    }

    [Benchmark(Baseline = true, Description = "Regex \\w+|[^\\w\\s] (compiled)")]
    public int CompiledRegexEnumerate()
    {
        int count = 0;
        foreach (ValueMatch _ in CompiledRegex.EnumerateMatches(_text))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "Regex (source-generated)")]
    public int GeneratedRegexEnumerate()
    {
        int count = 0;
        foreach (ValueMatch _ in WordOrSymbol().EnumerateMatches(_text))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "Naive char-class loop")]
    public int NaiveLoop()
    {
        ReadOnlySpan<char> text = _text;
        int count = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            count++;
            if (char.IsLetterOrDigit(c))
            {
                while (++i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                }
            }
            else
            {
                i++;
            }
        }

        return count;
    }

    [Benchmark(Description = "NewsNlp Tokenizer")]
    public int NewsNlpTokenizer()
    {
        int count = 0;
        foreach (Token _ in NewsNlp.Tokenization.Tokenizer.Default.Tokenize(_text))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "Lucene.Net StandardTokenizer")]
    public int LuceneStandardTokenizer()
    {
        using var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, new StringReader(_text));
        ICharTermAttribute term = tokenizer.AddAttribute<ICharTermAttribute>();
        tokenizer.Reset();
        int count = 0;
        while (tokenizer.IncrementToken())
        {
            count += term.Length > 0 ? 1 : 0;
        }

        tokenizer.End();
        return count;
    }

    [Benchmark(Description = "ML.Tokenizers Tiktoken EncodeToIds")]
    public int Tiktoken() => _tiktoken.EncodeToIds(_text).Count;
}
