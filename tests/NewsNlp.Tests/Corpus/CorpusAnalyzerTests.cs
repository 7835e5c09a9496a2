using NewsNlp.Corpus;

namespace NewsNlp.Tests.Corpus;

public class CorpusAnalyzerTests
{
    private static readonly NewsPipeline Pipeline = NewsPipeline.CreateDefault();

    private const string QuakeA = "Powerful earthquake kills hundreds in southern Turkey\n\n" +
        "ANKARA, Feb 6 - A magnitude 7.8 earthquake struck southern Turkey and northern Syria before dawn on Monday, toppling " +
        "buildings in Gaziantep and Kahramanmaras and killing hundreds of people. Rescue teams searched the rubble through the " +
        "day as aftershocks shook the region. President Recep Tayyip Erdogan declared seven days of national mourning.";

    private const string QuakeB = "Rescuers race to find survivors after Turkey earthquake\n\n" +
        "Rescue workers in southern Turkey pulled survivors from collapsed buildings on Tuesday, a day after the earthquake " +
        "near Gaziantep. The death toll rose above 5,000 in Turkey and Syria. Erdogan said the aftershocks and the cold " +
        "weather were slowing the search, and the rubble of thousands of buildings still had to be cleared.";

    private const string Bank = "European Central Bank raises interest rates again\n\n" +
        "FRANKFURT, Feb 2 - The European Central Bank raised its main interest rate by half a percentage point on Thursday " +
        "and said it would keep raising borrowing costs to bring inflation down. Christine Lagarde told reporters the bank " +
        "expected inflation in the euro zone to fall slowly this year.";

    [Fact]
    public void Reports_of_one_event_make_one_story_and_another_event_its_own()
    {
        var corpus = new CorpusAnalyzer();
        CorpusAssignment a = corpus.Add(Pipeline.Analyze(QuakeA, "a"));
        CorpusAssignment bank = corpus.Add(Pipeline.Analyze(Bank, "bank"));
        CorpusAssignment b = corpus.Add(Pipeline.Analyze(QuakeB, "b"));
        Assert.Equal(a.Story, b.Story);
        Assert.NotEqual(a.Story, bank.Story);
        CorpusSnapshot snapshot = corpus.Snapshot();
        Assert.Equal(2, snapshot.Stories.Length);
        Assert.Equal(["a", "b"], snapshot.Stories.Single(s => s.Id == a.Story).Documents.ToArray());
        Assert.StartsWith("Powerful earthquake", snapshot.Stories[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void One_entity_across_documents_by_link_and_by_transliteration_but_not_by_a_shared_name_part()
    {
        var corpus = new CorpusAnalyzer();
        corpus.Add(Pipeline.Analyze("Foreign Minister Wang Yi met Andriy Shevchuk in Beijing on Monday. Turkey was discussed.", "one"));
        corpus.Add(Pipeline.Analyze("Spokesman Wang Wenbin said Andrii Shevchuk had left Beijing. Turkish officials agreed.", "two"));
        CorpusSnapshot snapshot = corpus.Snapshot();
        CorpusEntity beijing = Assert.Single(snapshot.Entities, e => e.Name == "Beijing");
        Assert.Equal("Q956", beijing.KbId);
        Assert.Equal(2, beijing.Members.Length);
        Assert.Equal(2, Assert.Single(snapshot.Entities, e => e.Name.StartsWith("Andri", StringComparison.Ordinal)).Members.Length);
        Assert.Single(Assert.Single(snapshot.Entities, e => e.Name == "Wang Yi").Members);
        Assert.Single(Assert.Single(snapshot.Entities, e => e.Name == "Wang Wenbin").Members);
    }

    [Fact]
    public void Memory_stays_bounded_by_the_window_on_a_long_stream()
    {
        var corpus = new CorpusAnalyzer(new CorpusOptions { StoryWindow = 300 });
        string[] words = ["harbour", "orchard", "quarry", "vineyard", "glacier", "lagoon", "canyon", "meadow", "tundra", "delta", "estuary", "plateau"];
        var random = new Random(5);
        for (int i = 0; i < 3000; i++)
        {
            // Each document its own rare words: a stream of unrelated stories.
            string text = $"Officials in town {i} inspected the {words[random.Next(words.Length)]} and reported unusual {string.Concat(Enumerable.Range(0, 3).Select(_ => (char)('a' + random.Next(26))))}word{i} activity near the {words[random.Next(words.Length)]}.";
            corpus.Add(Pipeline.Analyze(text, $"d{i}"));
        }

        (int stories, int features) = corpus.ActiveSize;
        Assert.InRange(stories, 1, 300 + 256);
        Assert.InRange(features, 1, (300 + 256) * 150);
        Assert.Equal(3000, corpus.DocumentCount);
    }

    [Fact]
    public async Task Documents_stream_in_and_options_are_checked()
    {
        var corpus = new CorpusAnalyzer();
        var documents = Pipeline.AnalyzeManyAsync(new[] { new NewsInput(QuakeA, "a"), new NewsInput(QuakeB, "b") }.ToAsyncEnumerable());
        var assignments = new List<CorpusAssignment>();
        await foreach (CorpusAssignment a in corpus.AddManyAsync(documents))
        {
            assignments.Add(a);
        }

        Assert.Equal(["a", "b"], assignments.Select(a => a.Document));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CorpusAnalyzer(new CorpusOptions { StoryThreshold = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CorpusAnalyzer(new CorpusOptions { StoryWindow = 0 }));
        Assert.Throws<ArgumentNullException>(() => corpus.Add(null!));
    }
}

public class SeedCorpusTests
{
    [SeedsFact]
    public void The_seed_articles_are_one_story_with_shared_entities()
    {
        var pipeline = NewsPipeline.CreateDefault();
        var corpus = new CorpusAnalyzer();
        foreach (string file in Directory.GetFiles(TestPaths.Seeds!, "*.txt").Order(StringComparer.Ordinal))
        {
            corpus.Add(pipeline.Analyze(File.ReadAllText(file), Path.GetFileName(file)));
        }

        CorpusSnapshot snapshot = corpus.Snapshot();
        Assert.Single(snapshot.Stories);
        foreach (string name in new[] { "Xi Jinping", "Vladimir Putin", "Dmytro Kuleba", "Volodymyr Zelenskyy", "Qin Gang" })
        {
            CorpusEntity entity = Assert.Single(snapshot.Entities, e => e.Name == name);
            Assert.Equal(2, entity.Members.Select(m => m.Document).Distinct().Count());
        }
    }
}
