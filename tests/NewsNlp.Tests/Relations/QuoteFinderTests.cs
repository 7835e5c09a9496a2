using NewsNlp.Relations;

namespace NewsNlp.Tests.Relations;

public class QuoteFinderTests
{
    private static readonly NewsPipeline Pipeline = NewsPipeline.CreateDefault();

    private static (string Text, string? Speaker, string? Cue)[] Quotes(string text)
    {
        NewsDocument doc = Pipeline.Analyze(text);
        return [.. doc.Quotes.Select(q => (
            doc.Text[q.Start..q.End],
            q.Speaker is null ? null : doc.Entities.Single(e => e.Id == q.Speaker).Name,
            q.CueStart < 0 ? null : doc.Text[q.CueStart..q.CueEnd]))];
    }

    [Fact]
    public void Cues_after_the_quotation_name_the_speaker()
    {
        var quotes = Quotes("“We will rebuild every school that fell,” President Recep Tayyip Erdogan said on Tuesday. " +
            "\"The aid is arriving too slowly for the families,\" said Angela Merkel.");
        Assert.Equal(("We will rebuild every school that fell,", "Recep Tayyip Erdoğan", "said"), quotes[0]);
        Assert.Equal("Angela Merkel", quotes[1].Speaker);
    }

    [Fact]
    public void Cues_before_the_quotation_and_according_to()
    {
        var quotes = Quotes("Emmanuel Macron told reporters in Paris: \"Europe must be able to defend itself alone.\"\n\n" +
            "According to Olaf Scholz, \"the talks were open and very useful for both sides.\"");
        Assert.Equal("Emmanuel Macron", quotes[0].Speaker);
        Assert.Equal("told", quotes[0].Cue);
        Assert.Equal("Olaf Scholz", quotes[1].Speaker);
        Assert.Equal("According to", quotes[1].Cue);
    }

    [Fact]
    public void Pronoun_speakers_resolve_and_following_quotations_keep_their_speaker()
    {
        var quotes = Quotes("Angela Merkel arrived in Kyiv on Monday.\n\n“We stand with Ukraine for as long as it takes,” she said. " +
            "“Nobody should doubt our resolve on this.”");
        Assert.Equal("Angela Merkel", quotes[0].Speaker);
        Assert.Equal("Angela Merkel", quotes[1].Speaker);
    }

    [Fact]
    public void Scare_quotes_and_unattributed_places_are_not_speakers()
    {
        var quotes = Quotes("The minister called it a \"crisis\" on Friday. \"We hear voices from the buildings but cannot reach them,\" a volunteer in Hatay said.");
        var only = Assert.Single(quotes);
        Assert.Null(only.Speaker);
        Assert.Equal("said", only.Cue);
    }

    [Fact]
    public void A_quotation_left_open_at_a_paragraph_end_goes_on_in_the_next()
    {
        var quotes = Quotes("“The first phase of the plan is finished and the second begins next week,” Emmanuel Macron said.\n\n" +
            "“We have asked every partner to send engineers.\n\n“Then we will rebuild the bridges before the winter comes,” he added.");
        Assert.Equal(3, quotes.Length);
        Assert.All(quotes, q => Assert.Equal("Emmanuel Macron", q.Speaker));
    }
}

public class QuoteFinderBadInputTests
{
    [Fact]
    public void Unbalanced_and_endless_quotation_marks_stay_linear()
    {
        string straight = string.Concat(Enumerable.Repeat("\"a ", 300_000));
        string curly = string.Concat(Enumerable.Repeat("“word said Mr Brown ", 50_000));
        var pipeline = NewsPipeline.CreateDefault();
        NewsDocument a = pipeline.Analyze(straight);
        Assert.All(a.Quotes, q => Assert.InRange(q.End, q.Start, straight.Length));
        NewsDocument b = pipeline.Analyze(curly);
        Assert.InRange(b.Quotes.Length, 0, 1); // one opening mark never closed: one quotation to the end of the text at most
        Assert.Empty(pipeline.Analyze("").Quotes);
    }

    [Fact]
    public void Corpus_takes_empty_and_junk_documents()
    {
        var pipeline = NewsPipeline.CreateDefault();
        var corpus = new NewsNlp.Corpus.CorpusAnalyzer();
        var random = new Random(9);
        string junk = new([.. Enumerable.Range(0, 50_000).Select(_ => (char)random.Next(0, 0x10000))]);
        corpus.Add(pipeline.Analyze("", "empty"));
        corpus.Add(pipeline.Analyze(junk, "junk"));
        Assert.Equal(2, corpus.Snapshot().Stories.Sum(s => s.Documents.Length));
    }

    [Fact]
    public void A_quotation_inside_a_quotation_stays_part_of_it()
    {
        NewsDocument doc = NewsPipeline.CreateDefault().Analyze("“The soldiers told us ‘you will be safe here’ and then they left the town,” said Kaja Kallas.");
        Quote only = Assert.Single(doc.Quotes);
        Assert.Equal("Kaja Kallas", doc.Entities.Single(e => e.Id == only.Speaker).Name);
        Assert.Contains("‘you will be safe here’", doc.Text[only.Start..only.End], StringComparison.Ordinal);
    }
}
