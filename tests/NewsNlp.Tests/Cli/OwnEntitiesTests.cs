using NewsNlp.Cli.Training;

namespace NewsNlp.Tests.Cli;

/// <summary>The own annotated sentences as entity training data (tools/ner/FORMAT.md).</summary>
public sealed class OwnEntitiesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsnlp-own-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly HashSet<string> Labels = ["PERSON", "ORG", "GPE"];

    [Fact]
    public void Spans_become_iob_tags_on_the_library_tokens()
    {
        File.WriteAllLines(Path.Combine(_folder, "a.jsonl"),
        [
            """{"id":"t-1","text":"Acme Steel hired Jane Okafor in Lagos, not in Lagos-based Ikeja, in May.","entities":[{"text":"Acme Steel","label":"ORG"},{"text":"Jane Okafor","label":"PERSON"},{"text":"Lagos","label":"GPE"},{"text":"Lagos","label":"GPE","occurrence":2},{"text":"Ikeja","label":"GPE"},{"text":"May","label":"DATE"}],"relations":[]}""",
        ]);
        GmbSentence s = Assert.Single(OwnEntities.Read([_folder], "all", Labels));
        string Tag(string word, int occurrence = 1) => s.Tags[Enumerable.Range(0, s.Words.Length).Where(i => s.Words[i] == word).ElementAt(occurrence - 1)];
        Assert.Equal("B-ORG", Tag("Acme"));
        Assert.Equal("I-ORG", Tag("Steel"));
        Assert.Equal("B-PERSON", Tag("Jane"));
        Assert.Equal("I-PERSON", Tag("Okafor"));
        Assert.Equal("B-GPE", Tag("Lagos"));
        Assert.Equal("B-GPE", Tag("Ikeja"));

        // A label the model does not learn is O; so is a span that cuts a token ("Lagos" inside "Lagos-based").
        Assert.Equal("O", Tag("May"));
        Assert.DoesNotContain(s.Words.Select((w, i) => (w, s.Tags[i])), p => p.w.StartsWith("Lagos-", StringComparison.Ordinal) && p.Item2 != "O");
    }

    [Fact]
    public void Every_fifth_line_of_a_file_is_dev()
    {
        string[] texts =
        [
            "Rain fell overnight.", "Markets opened higher.", "Ministers met briefly.", "Schools stayed shut.", "Fishermen returned early.",
            "Prices rose again.", "Voters queued patiently.", "Trains ran late.", "Farmers sold maize.", "Doctors went on strike.",
        ];
        File.WriteAllLines(Path.Combine(_folder, "b.jsonl"), texts.Select((t, i) => $$"""{"id":"t-{{i}}","text":"{{t}}","entities":[]}"""));
        Assert.Equal(8, OwnEntities.Read([_folder], "train", Labels).Count);
        Assert.Equal(2, OwnEntities.Read([_folder], "dev", Labels).Count);
        Assert.Throws<ArgumentException>(() => OwnEntities.Read([_folder], "test", Labels));
    }

    [Fact]
    public void A_train_sentence_that_repeats_a_dev_sentence_stays_out_of_training()
    {
        string[] texts =
        [
            "Kenya Airways flew again to Kinshasa in March.", "The port of Mombasa handled more ships.", "Rain closed schools in Nairobi.",
            "Safaricom opened an office in Addis Ababa.", "A magnitude 6.8 earthquake struck the High Atlas south of Marrakesh in 2023.",
            "An earthquake of magnitude 6.8 struck the High Atlas south of Marrakech in 2023.", "Farmers in Kisumu planted maize early.",
        ];
        File.WriteAllLines(Path.Combine(_folder, "d.jsonl"), texts.Select((t, i) => $$"""{"id":"t-{{i}}","text":"{{t}}","entities":[]}"""));
        List<GmbSentence> train = OwnEntities.Read([_folder], "train", Labels);
        Assert.Equal(5, train.Count);
        Assert.DoesNotContain(train, s => s.Words.Contains("Marrakech"));
        Assert.Single(OwnEntities.Read([_folder], "dev", Labels), s => s.Words.Contains("Marrakesh"));
        Assert.Equal(7, OwnEntities.Read([_folder], "all", Labels).Count);
    }

    [Fact]
    public void An_entity_missing_from_its_sentence_is_a_clear_error()
    {
        File.WriteAllLines(Path.Combine(_folder, "c.jsonl"), ["""{"id":"t-1","text":"Nobody is named here.","entities":[{"text":"Paris","label":"GPE"}]}"""]);
        var e = Assert.Throws<InvalidDataException>(() => OwnEntities.Read([_folder], "all", Labels));
        Assert.Contains("t-1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_sentences_are_found_and_read()
    {
        List<string> folders = OwnEntities.Folders();
        Assert.Contains(folders, f => f.EndsWith(Path.Combine("tools", "ner", "annotated"), StringComparison.Ordinal));
        List<GmbSentence> all = OwnEntities.Read(folders, "all", Labels);
        Assert.True(all.Count >= 2_000, $"{all.Count} sentences");
        Assert.True(all.Sum(s => s.Tags.Count(t => t == "B-ORG")) >= 1_000);
    }
}
