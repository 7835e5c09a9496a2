using NewsNlp.Cli.Training;
using NewsNlp.Entities;

namespace NewsNlp.Tests.Cli;

public class GmbCorpusTests
{
    private static (string[] Words, string[] Tags) Sentence(string tagged)
    {
        // "Seoul/B-org says" -> words and GMB tags (untagged words are O).
        string[] parts = tagged.Split(' ');
        return (parts.Select(p => p.Split('/')[0]).ToArray(), parts.Select(p => p.Contains('/') ? p.Split('/')[1] : "O").ToArray());
    }

    [Fact]
    public void A_place_tagged_org_becomes_GPE_only_with_the_place_list()
    {
        var (words, tags) = Sentence("Officials/O in Seoul/B-org say Pyongyang/B-geo agreed");
        var places = new HashSet<string> { "Seoul" };
        Assert.Equal(["O", "O", "B-GPE", "O", "B-GPE", "O"], GmbCorpus.Map(words, tags, places).Tags);
        Assert.Equal(["O", "O", "B-ORG", "O", "B-GPE", "O"], GmbCorpus.Map(words, tags).Tags);
    }

    [Fact]
    public void A_country_tagged_gpe_is_GPE_and_a_nationality_stays_NORP()
    {
        var (words, tags) = Sentence("Nepal/B-gpe and Thai/B-gpe troops");
        Assert.Equal(["B-GPE", "O", "B-NORP", "O"], GmbCorpus.Map(words, tags, new HashSet<string>()).Tags);
        Assert.Equal(["B-NORP", "O", "B-NORP", "O"], GmbCorpus.Map(words, tags).Tags);
    }

    [Fact]
    public void Tournaments_are_events_whatever_GMB_tagged_them()
    {
        var (words, tags) = Sentence("the World/B-org Cup/I-org and the Olympics/B-geo and the Arab/B-org League/I-org");
        string[] mapped = GmbCorpus.Map(words, tags, new HashSet<string>()).Tags;
        Assert.Equal(["O", "B-EVENT", "I-EVENT", "O", "O", "B-EVENT", "O", "O", "B-ORG", "I-ORG"], mapped);
    }

    [Fact]
    public void Places_are_gazetteer_places_that_GMB_tags_geo_more_often_than_org_or_per()
    {
        var sentences = new List<(string[] Words, string[] Tags)>
        {
            Sentence("Seoul/B-geo Seoul/B-geo Seoul/B-org"),
            Sentence("Kabul/B-geo Kabul/B-per Kabul/B-per"),
            Sentence("Gaza/B-geo Strip/I-geo and Gaza/B-org Strip/I-org Gaza/B-geo Strip/I-geo"),
            Sentence("Zorblaxia/B-geo Zorblaxia/B-geo Zorblaxia/B-org"),
        };
        HashSet<string> places = GmbCorpus.PlacesByMajority(sentences);
        Assert.Contains("Seoul", places);
        Assert.Contains("Gaza Strip", places);
        Assert.DoesNotContain("Kabul", places);       // per as often as geo
        Assert.DoesNotContain("Zorblaxia", places);   // no such place in the gazetteer
    }

    [Fact]
    public void The_gazetteer_looks_up_a_whole_name_by_its_tokens()
    {
        Assert.True(Gazetteer.Default.TryGetLabel(["Gaza", "Strip"], out EntityLabel label));
        Assert.True(Gazetteer.Default.TryGetLabel(["Seoul"], out label));
        Assert.Equal(EntityLabel.Gpe, label);
        Assert.False(Gazetteer.Default.TryGetLabel(["Seoul", "Says"], out _));
        Assert.False(Gazetteer.Default.TryGetLabel([], out _));
    }
}
