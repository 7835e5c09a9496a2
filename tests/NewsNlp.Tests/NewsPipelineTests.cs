using NewsNlp.Tokenization;

namespace NewsNlp.Tests;

public class NewsPipelineTests
{
    private static readonly NewsPipeline Pipeline = NewsPipeline.CreateDefault();

    [Fact]
    public void Analyze_keeps_the_text_and_fills_tokens_and_sentences()
    {
        const string text = "Xi Jinping will land in Moscow on Monday. He will meet Vladimir Putin.";
        NewsDocument doc = Pipeline.Analyze(text, "a.txt");
        Assert.Same(text, doc.Text);
        Assert.Equal("a.txt", doc.Id);
        Assert.Equal("en", doc.Language);
        Assert.Equal(2, doc.Sentences.Length);
        Assert.Equal(15, doc.Tokens.Length);
        Assert.Equal("He will meet Vladimir Putin.", doc.Text[doc.Sentences[1].Range]);
        Assert.Equal("Moscow", doc.Slice(doc.Tokens[5].Start, doc.Tokens[5].Length).ToString());
    }

    [Fact]
    public void Empty_text_gives_an_empty_document()
    {
        NewsDocument doc = Pipeline.Analyze("");
        Assert.Empty(doc.Tokens);
        Assert.Empty(doc.Sentences);
        Assert.Equal("doc", doc.Id);
    }

    [Fact]
    public void Bad_arguments_get_clear_exceptions()
    {
        Assert.Throws<ArgumentNullException>(() => Pipeline.Analyze((string)null!));
        Assert.Throws<ArgumentNullException>(() => Pipeline.Analyze((NewsInput)null!));
        Assert.Throws<ArgumentNullException>(() => new NewsPipeline(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NewsPipeline(new NewsPipelineOptions { MaxDocumentLength = 0 }));
        Assert.Throws<ArgumentException>(() => new NewsPipeline(new NewsPipelineOptions { Tokenizer = null! }));
    }

    [Fact]
    public void Documents_over_the_limit_are_refused()
    {
        var pipeline = new NewsPipeline(new NewsPipelineOptions { MaxDocumentLength = 10 });
        DocumentTooLongException e = Assert.Throws<DocumentTooLongException>(() => pipeline.Analyze(new string('a', 11)));
        Assert.Equal(11, e.Length);
        Assert.Equal(10, e.MaxLength);
        Assert.Contains("MaxDocumentLength", e.Message);
        Assert.Single(pipeline.Analyze(new string('a', 10)).Tokens);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => Pipeline.Analyze("Some text.", cancellationToken: cts.Token));
    }

    [Fact]
    public void One_pipeline_serves_many_threads()
    {
        string[] texts = Enumerable.Range(0, 64).Select(i => $"Report {i}. Mr. Xi met {i} officials in the U.S. on Jan. {i % 28 + 1}. They agreed.").ToArray();
        NewsDocument[] sequential = texts.Select(t => Pipeline.Analyze(t)).ToArray();
        var parallel = new NewsDocument[texts.Length];
        Parallel.For(0, texts.Length, i => parallel[i] = Pipeline.Analyze(texts[i]));
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i].Tokens.ToArray(), parallel[i].Tokens.ToArray());
            Assert.Equal(sequential[i].Sentences.ToArray(), parallel[i].Sentences.ToArray());
            Assert.Equal(3, parallel[i].Sentences.Length);
        }
    }

    [Fact]
    public void Binary_junk_is_analysed_safely()
    {
        var random = new Random(7);
        var chars = new char[100_000];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0, 0x10000);
        }

        NewsDocument doc = Pipeline.Analyze(new string(chars));
        Assert.NotEmpty(doc.Tokens);
        Assert.Equal(doc.Tokens.Length, doc.Sentences.Sum(s => s.TokenCount));
    }

    [Fact]
    public void A_ten_megabyte_line_is_analysed()
    {
        string line = string.Concat(Enumerable.Repeat("word ", 2 * 1024 * 1024));
        NewsDocument doc = Pipeline.Analyze(line);
        Assert.Equal(2 * 1024 * 1024, doc.Tokens.Length);
        Assert.Single(doc.Sentences);
    }
}
