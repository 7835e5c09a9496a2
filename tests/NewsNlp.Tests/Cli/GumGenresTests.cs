using NewsNlp.Cli.Training;

namespace NewsNlp.Tests.Cli;

/// <summary>GUM's other written genres as entity training data (shared data).</summary>
public class GumGenresTests
{
    [DataFact("gum")]
    public void Names_of_the_train_documents_become_tags_without_pronouns_or_articles()
    {
        List<GmbSentence> sentences = GumGenres.Read(TestPaths.Data!);
        Assert.True(sentences.Count > 3_000, $"{sentences.Count} sentences");
        var spans = new List<(string Label, string Text)>();
        foreach (GmbSentence s in sentences)
        {
            Assert.Equal(s.Words.Length, s.Tags.Length);
            for (int i = 0; i < s.Words.Length; i++)
            {
                if (!s.Tags[i].StartsWith("B-", StringComparison.Ordinal))
                {
                    Assert.True(s.Tags[i] == "O" || (i > 0 && s.Tags[i][2..] == s.Tags[i - 1][2..]), $"{s.Tags[i]} after {(i > 0 ? s.Tags[i - 1] : "start")}");
                    continue;
                }

                int j = i + 1;
                while (j < s.Words.Length && s.Tags[j].StartsWith("I-", StringComparison.Ordinal))
                {
                    j++;
                }

                spans.Add((s.Tags[i][2..], string.Join(' ', s.Words[i..j])));
            }
        }

        Assert.True(spans.Count > 2_000, $"{spans.Count} spans");
        Assert.All(spans, x => Assert.Contains(x.Label, (string[])["PERSON", "ORG", "GPE", "LOC", "FAC"]));
        Assert.All(spans.Where(x => x.Label == "FAC"), x => Assert.Contains(' ', x.Text));
        Assert.DoesNotContain(spans, x => x.Text is "He" or "She" or "It" or "They" or "I");
        Assert.DoesNotContain(spans, x => x.Text.StartsWith("The ", StringComparison.Ordinal) || x.Text.StartsWith("Dr. ", StringComparison.Ordinal));

        // The dev and test documents stay out (GUM_bio_byron is dev).
        Assert.DoesNotContain(spans, x => x.Text == "Aberdeen Grammar School");
    }
}
