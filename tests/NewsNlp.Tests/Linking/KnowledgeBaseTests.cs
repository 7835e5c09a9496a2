using System.Text;
using NewsNlp.Entities;
using NewsNlp.Linking;

namespace NewsNlp.Tests.Linking;

public class KnowledgeBaseTests
{
    [Fact]
    public void Shipped_knowledge_base_covers_countries_cities_people_and_organisations()
    {
        KnowledgeBase kb = KnowledgeBase.Default;
        Assert.True(kb.Entities.Length >= 3000, $"{kb.Entities.Length} entities");
        Assert.True(kb.Entities.Count(e => e.Type == "country") >= 190);
        Assert.True(kb.Entities.Count(e => e.Label == EntityLabel.Person) >= 200);
        Assert.All(kb.Entities.Where(e => e.WikidataId is not null), e => Assert.Matches("^Q[0-9]+$", e.WikidataId));
    }

    [Theory]
    [InlineData("Kiev", "Kyiv", "Q1899")]
    [InlineData("U.S.", "United States", "Q30")]
    [InlineData("the United States of America", "United States", "Q30")]
    [InlineData("Russian Federation", "Russia", "Q159")]
    [InlineData("Vladimir Vladimirovich Putin", "Vladimir Putin", "Q7747")]
    [InlineData("NATO", "NATO", "Q7184")]
    public void Names_fold_case_punctuation_and_aliases(string alias, string name, string qid)
    {
        KbEntity entity = Assert.Single(KnowledgeBase.Default.Find(alias), e => e.Name == name);
        Assert.Equal(qid, entity.WikidataId);
    }

    [Fact]
    public void Diacritics_are_folded()
    {
        Assert.Contains(KnowledgeBase.Default.Find("Sao Paulo"), e => e.Name == "São Paulo");
        Assert.Contains(KnowledgeBase.Default.Find("SÃO PAULO"), e => e.Name == "São Paulo");
    }

    [Fact]
    public void Users_add_entities_from_tsv_and_json_without_changing_the_shipped_one()
    {
        const string tsv = "# mine\n\tORG\tcompany\tVolkova Logistics\tVolkova|VL Group\tRU\t\t\t\t\t\n";
        const string json = """[{"name": "Anna Volkova", "label": "PERSON", "gender": "f", "country": "RU", "positions": ["ceo/Volkova Logistics/2019/"]}]""";
        IReadOnlyList<KbEntity> fromTsv = KnowledgeBase.ReadTsv(new StringReader(tsv));
        IReadOnlyList<KbEntity> fromJson = KnowledgeBase.ReadJson(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        KnowledgeBase mine = KnowledgeBase.Default.WithEntities(fromTsv.Concat(fromJson));
        Assert.Single(mine.Find("VL Group"));
        Assert.Equal(Gender.Female, Assert.Single(mine.Find("Anna Volkova")).Gender);
        Assert.Equal(new KbPosition("ceo", "Volkova Logistics", 2019, null), mine.Find("Anna Volkova")[0].Positions[0]);
        Assert.Empty(KnowledgeBase.Default.Find("VL Group"));
        Assert.Equal(KnowledgeBase.Default.Entities.Length + 2, mine.Entities.Length);
    }

    [Theory]
    [InlineData("too\tfew\tcolumns\n")]
    [InlineData("\tBOGUS\tcompany\tX\t\t\t\t\t\t\t\n")]
    [InlineData("Z12\tORG\tcompany\tX\t\t\t\t\t\t\t\n")]
    [InlineData("\tPERSON\tperson\tX\t\t\tx\t\t\t\t\n")]
    [InlineData("\tPERSON\tperson\tX\t\t\t\tpresident-of-nowhere\t\t\t\n")]
    public void Malformed_tsv_gives_a_clear_error(string tsv)
    {
        var e = Assert.Throws<InvalidDataException>(() => KnowledgeBase.ReadTsv(new StringReader(tsv)));
        Assert.Contains("line 1", e.Message);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"name\": \"X\"}")]
    [InlineData("[{\"name\": \"X\", \"label\": \"NOPE\"}]")]
    [InlineData("[{\"label\": \"ORG\"}]")]
    public void Malformed_json_gives_a_clear_error(string json) =>
        Assert.Throws<InvalidDataException>(() => KnowledgeBase.ReadJson(new MemoryStream(Encoding.UTF8.GetBytes(json))));

    [Theory]
    [InlineData("Zelensky", "Zelenskyy")]
    [InlineData("Zelenskiy", "Zelensky")]
    [InlineData("Dmitry", "Dmytro")]
    [InlineData("Volodymir", "Volodymyr")]
    public void Transliteration_variants_share_a_skeleton(string a, string b) =>
        Assert.Equal(NameKey.Skeleton(NameKey.Fold(a)), NameKey.Skeleton(NameKey.Fold(b)));

    [Theory]
    [InlineData("Wang Yi", "Wang Wenbin")]
    [InlineData("Mali", "Malta")]
    public void Different_names_keep_different_keys(string a, string b) =>
        Assert.NotEqual(NameKey.Skeleton(NameKey.Fold(a)), NameKey.Skeleton(NameKey.Fold(b)));
}

public class NameKeyDocumentationTests
{
    [Theory]
    [InlineData("Gorbachev", "Gorbachov")]
    [InlineData("Kharkiv", "Kharkov")]
    [InlineData("Tchaikovsky", "Tchaikowsky")]
    public void Documented_variants_share_a_skeleton(string a, string b) =>
        Assert.Equal(NameKey.Skeleton(NameKey.Fold(a)), NameKey.Skeleton(NameKey.Fold(b)));
}

public class NameKeyBadInputTests
{
    [Fact]
    public void A_lone_surrogate_is_folded_not_thrown()
    {
        Assert.Equal("ab", NameKey.Fold("Ab\uD800"));
        Assert.Equal(NameKey.Fold("Ab\uDC00x"), NameKey.Fold("Ab\uD800x"));
    }
}
