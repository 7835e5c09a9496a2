using NewsNlp.Linking;

namespace NewsNlp.Tests.Linking;

/// <summary>The seed articles' entities, one each, with their links and their title and pronoun mentions.</summary>
public class SeedLinkingTests
{
    private static List<NewsDocument> Seeds() =>
        [.. Directory.GetFiles(TestPaths.Seeds!, "*.txt").Order(StringComparer.Ordinal).Select(f => NewsPipeline.CreateDefault().Analyze(File.ReadAllText(f), Path.GetFileName(f)))];

    private static DocumentEntity One(NewsDocument doc, Func<DocumentEntity, bool> which) => Assert.Single(doc.Entities, e => which(e));

    [SeedsFact]
    public void Leaders_are_one_linked_entity_each_with_descriptions_and_pronouns()
    {
        foreach (NewsDocument doc in Seeds())
        {
            DocumentEntity xi = One(doc, e => e.KbId == "Q15031");
            Assert.Equal("Xi Jinping", xi.Name);
            Assert.Contains(xi.Mentions, m => m.Kind == MentionKind.Nominal);
            Assert.Contains(xi.Mentions, m => m.Kind == MentionKind.Pronoun);
            DocumentEntity putin = One(doc, e => e.KbId == "Q7747");
            Assert.Contains(putin.Mentions, m => m.Kind == MentionKind.Nominal);
            Assert.Contains(One(doc, e => e.Name == "Dmytro Kuleba").Mentions, m => m.Kind == MentionKind.Name);
            Assert.Single(doc.Entities, e => e.Name.StartsWith("Volodymyr Zelensk", StringComparison.Ordinal));
            Assert.DoesNotContain(doc.Entities, e => e.Label == NewsNlp.Entities.EntityLabel.Person && e.Name is "Xi" or "Putin" or "Kuleba");
        }
    }

    [SeedsFact]
    public void The_first_seed_names_the_firm_by_its_short_name_and_keeps_the_minister_together()
    {
        NewsDocument doc = Seeds()[0];
        DocumentEntity norinco = One(doc, e => e.Name == "Norinco");
        Assert.Contains(norinco.Mentions, m => doc.GetCleanText(m.Start, m.End) == "China North Industries Group Corporation Limited");
        DocumentEntity wangYi = One(doc, e => e.Name == "Wang Yi");
        Assert.Contains(wangYi.Mentions, m => doc.GetCleanText(m.Start, m.End) == "Yi");
        Assert.Null(One(doc, e => e.Name == "Tekhkrim").KbId);
    }
}
