using NewsNlp.Tokenization;

namespace NewsNlp.Tests.Tokenization;

/// <summary>The foundation on the two real seed articles (read from ../shared/seeds at run time, never copied).</summary>
public class SeedArticleTests
{
    private static IEnumerable<string> SeedTexts() => Directory.GetFiles(TestPaths.Seeds!, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText);

    [SeedsFact]
    public void Seeds_tokenize_well_formed_and_headlines_are_sentences()
    {
        foreach (string text in SeedTexts())
        {
            TokenizerPropertyTests.AssertWellFormed(text);
            NewsDocument doc = NewsPipeline.CreateDefault().Analyze(text);
            string firstLine = text[..text.IndexOf('\n', StringComparison.Ordinal)].TrimEnd();
            Assert.Equal(firstLine, text[doc.Sentences[0].Range]);
            Assert.True(doc.Sentences.Length > 20);
        }
    }

    [SeedsFact]
    public void Seed_abbreviations_and_possessives()
    {
        string all = string.Join("\n\n", SeedTexts());
        Token[] tokens = Tokenizer.Default.TokenizeToArray(all);
        var texts = tokens.Select(t => all[t.Range]).ToHashSet();
        Assert.Contains("'s", texts);
        Assert.Contains("Mr", texts);
        Assert.DoesNotContain("Xi's", texts);
        Assert.DoesNotContain("Russia's", texts);
        Assert.Contains("three-day", texts);
        Assert.Contains(tokens, t => all.AsSpan(t.Start, t.Length).SequenceEqual("’s") && t.Kind == TokenKind.Clitic);
    }
}
