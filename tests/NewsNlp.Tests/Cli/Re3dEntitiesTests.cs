using NewsNlp.Cli.Training;

namespace NewsNlp.Tests.Cli;

/// <summary>Dstl re3d's names as entity data (shared data).</summary>
public class Re3dEntitiesTests
{
    [DataFact("re3d")]
    public void Names_become_tags_without_offices_pronouns_or_articles_and_dev_is_apart()
    {
        List<GmbSentence> train = Re3dEntities.Read(TestPaths.Data!, "train");
        List<GmbSentence> dev = Re3dEntities.Read(TestPaths.Data!, "dev");
        List<GmbSentence> all = Re3dEntities.Read(TestPaths.Data!, "all");
        Assert.True(train.Count > 300 && dev.Count > 50, $"{train.Count} train, {dev.Count} dev sentences");
        Assert.Equal(all.Count, train.Count + dev.Count);

        var spans = new List<(string Label, string Text)>();
        foreach (GmbSentence s in all)
        {
            Assert.Equal(s.Words.Length, s.Tags.Length);
            for (int i = 0; i < s.Words.Length; i++)
            {
                if (s.Tags[i].StartsWith("B-", StringComparison.Ordinal))
                {
                    int j = i + 1;
                    while (j < s.Words.Length && s.Tags[j] == "I-" + s.Tags[i][2..])
                    {
                        j++;
                    }

                    spans.Add((s.Tags[i][2..], string.Join(' ', s.Words[i..j])));
                }
            }
        }

        Assert.True(spans.Count > 1_000, $"{spans.Count} spans");
        Assert.All(spans, x => Assert.Contains(x.Label, (string[])["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"]));
        Assert.DoesNotContain(spans, x => x.Text is "He" or "he" or "I" or "They");
        Assert.DoesNotContain(spans, x => x.Text.StartsWith("The ", StringComparison.Ordinal) || x.Text.StartsWith("the ", StringComparison.Ordinal));
        Assert.DoesNotContain(spans, x => x.Label == "PERSON" && x.Text.Contains("Minister", StringComparison.Ordinal));
        Assert.Contains(spans, x => x.Label == "GPE" && x.Text == "Iraq");
    }
}
