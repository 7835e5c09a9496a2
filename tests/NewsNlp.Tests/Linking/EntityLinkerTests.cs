using NewsNlp.Entities;
using NewsNlp.Linking;

namespace NewsNlp.Tests.Linking;

public class EntityLinkerTests
{
    private static readonly NewsPipeline Pipeline = NewsPipeline.CreateDefault();

    private static DocumentEntity EntityOf(NewsDocument doc, string mention) =>
        Assert.Single(doc.Entities, e => e.Mentions.Any(m => doc.Text[m.Start..m.End] == mention));

    private static string[] MentionsOf(NewsDocument doc, DocumentEntity e) => [.. e.Mentions.Select(m => doc.Text[m.Start..m.End])];

    [Fact]
    public void Names_titles_descriptions_and_pronouns_of_one_leader_make_one_linked_entity()
    {
        const string text = "French President Emmanuel Macron arrived in Beijing on Wednesday for a three-day state visit. " +
            "Mr Macron said he hoped to persuade China to press Moscow over the war in Ukraine. " +
            "The French president was greeted by Chinese officials at the airport. Macron's delegation includes business leaders.";
        NewsDocument doc = Pipeline.Analyze(text);
        DocumentEntity macron = EntityOf(doc, "Emmanuel Macron");
        Assert.Equal("Emmanuel Macron", macron.Name);
        Assert.Equal(EntityLabel.Person, macron.Label);
        Assert.NotNull(macron.KbId);
        string[] mentions = MentionsOf(doc, macron);
        Assert.Contains("Macron", mentions);
        Assert.Contains("he", mentions);
        Assert.Contains("The French president", mentions);
        Assert.Contains(macron.Mentions, m => m.Kind == MentionKind.Pronoun);
        Assert.Contains(macron.Mentions, m => m.Kind == MentionKind.Nominal);
        Assert.Equal("Q148", EntityOf(doc, "China").KbId);
        Assert.Equal("Q956", EntityOf(doc, "Beijing").KbId);
    }

    [Fact]
    public void People_who_share_a_family_name_stay_apart()
    {
        const string text = "Foreign Minister Wang Yi met the envoy in Beijing on Monday. " +
            "Ministry spokesman Wang Wenbin later told reporters that the talks had been candid. Wang Yi also called his Russian counterpart.";
        NewsDocument doc = Pipeline.Analyze(text);
        DocumentEntity yi = EntityOf(doc, "Wang Yi");
        DocumentEntity wenbin = EntityOf(doc, "Wang Wenbin");
        Assert.NotSame(yi, wenbin);
        Assert.Equal(2, MentionsOf(doc, yi).Count(m => m == "Wang Yi"));
    }

    [Fact]
    public void Transliteration_variants_in_one_article_are_one_entity()
    {
        const string text = "Ukrainian President Volodymyr Zelenskyy addressed parliament on Tuesday. " +
            "Zelensky said the country would not give up territory, and Zelenskiy's office later published the speech.";
        NewsDocument doc = Pipeline.Analyze(text);
        DocumentEntity zelensky = EntityOf(doc, "Volodymyr Zelenskyy");
        Assert.Contains("Zelensky", MentionsOf(doc, zelensky));
        Assert.NotNull(zelensky.KbId);
    }

    [Fact]
    public void Unknown_firms_stay_entities_without_a_link_and_take_descriptions()
    {
        const string text = "Prosecutors said Volkova Logistics, a small freight company based in Kazan, had shipped the parts. " +
            "The company denied the claims, and its lawyers said it would appeal.";
        NewsDocument doc = Pipeline.Analyze(text);
        DocumentEntity firm = EntityOf(doc, "Volkova Logistics");
        Assert.Null(firm.KbId);
        Assert.Equal("Volkova Logistics", firm.Name);
        Assert.Contains("The company", MentionsOf(doc, firm));
    }

    [Fact]
    public void A_user_knowledge_base_links_what_the_shipped_one_lacks()
    {
        var mine = KnowledgeBase.Default.WithEntities([new KbEntity { Name = "Volkova Logistics", Label = EntityLabel.Org, Type = "company", Country = "RU", WikidataId = "Q999999999" }]);
        var pipeline = new NewsPipeline(new NewsPipelineOptions { KnowledgeBase = mine });
        NewsDocument doc = pipeline.Analyze("Prosecutors said Volkova Logistics had shipped the parts.");
        Assert.Equal("Q999999999", EntityOf(doc, "Volkova Logistics").KbId);
    }

    [Fact]
    public void She_does_not_refer_to_a_man()
    {
        const string text = "Thomas Brandt, the company's founder, met Maria Lopez in Madrid. She said the deal was close.";
        NewsDocument doc = Pipeline.Analyze(text);
        Assert.Contains("She", MentionsOf(doc, EntityOf(doc, "Maria Lopez")));
        Assert.DoesNotContain("She", MentionsOf(doc, EntityOf(doc, "Thomas Brandt")));
    }

    [Fact]
    public void Linking_off_groups_equal_names_only()
    {
        var pipeline = new NewsPipeline(new NewsPipelineOptions { LinkEntities = false });
        NewsDocument doc = pipeline.Analyze("Emmanuel Macron spoke. Later Emmanuel Macron left, and he flew home.");
        DocumentEntity macron = EntityOf(doc, "Emmanuel Macron");
        Assert.Null(macron.KbId);
        Assert.Equal(2, macron.Mentions.Length);
    }

    [Fact]
    public void Entity_offsets_point_into_the_original_text_of_repaired_input()
    {
        // "Emmanuel" with its first letters as cp1252 mojibake of UTF-8 is not possible; use an accented name instead.
        const string text = "President Recep Tayyip ErdoÄŸan spoke in Ankara. ErdoÄŸan said he would attend.";
        NewsDocument doc = Pipeline.Analyze(text);
        DocumentEntity erdogan = Assert.Single(doc.Entities, e => e.Name.StartsWith("Recep Tayyip Erdo", StringComparison.Ordinal));
        Assert.All(erdogan.Mentions, m => Assert.InRange(m.End, m.Start, text.Length));
        Assert.Contains(erdogan.Mentions, m => doc.Text[m.Start..m.End] == "ErdoÄŸan");
        Assert.Equal("Recep Tayyip Erdoğan", erdogan.Name);
    }

    [Fact]
    public void Long_documents_with_many_pronouns_are_resolved_in_linear_time()
    {
        string paragraph = "Mr Adams met Ms Baker in Paris on Monday. He said she would travel to Berlin, and her office confirmed it. ";
        string text = string.Concat(Enumerable.Repeat(paragraph, 5000)) + string.Concat(Enumerable.Repeat("he she his her its ", 20000));
        NewsDocument doc = Pipeline.Analyze(text);
        Assert.True(doc.Entities.Sum(e => e.Mentions.Length) > 20000);
    }
}

public class CountryOfficeTests
{
    [Fact]
    public void A_countrys_office_refers_to_its_holder()
    {
        const string text = "Russia's president said on Friday that talks with Kyiv were possible. Vladimir Putin spoke in Moscow.";
        NewsDocument doc = NewsPipeline.CreateDefault().Analyze(text);
        DocumentEntity putin = Assert.Single(doc.Entities, e => e.KbId == "Q7747");
        Assert.Contains(putin.Mentions, m => doc.Text[m.Start..m.End] == "Russia's president" && m.Kind == MentionKind.Nominal);
        Assert.Contains(putin.Mentions, m => doc.Text[m.Start..m.End] == "Vladimir Putin");
    }
}
