using NewsNlp.Relations;
using NewsNlp.Tokenization;

namespace NewsNlp.Tests.Relations;

public class RelationLexiconTests
{
    [Fact]
    public void The_default_lexicon_knows_inflections_and_phrases()
    {
        RelationLexicon lexicon = RelationLexicon.Default;
        Assert.True(lexicon.Signals("visited", RelationType.Visit));
        Assert.True(lexicon.Signals("Sanctioned", RelationType.Sanction));
        Assert.True(lexicon.Signals("took over", RelationType.Acquire));
        Assert.True(lexicon.Signals("deal", RelationType.Contract) && lexicon.Signals("deal", RelationType.Agree));
        Assert.False(lexicon.Signals("visited", RelationType.Attack));
        Assert.False(lexicon.Signals("banana", RelationType.Trade));
        Assert.NotEqual(0, lexicon.PhraseMask("took", "over"));
    }

    [Fact]
    public void With_adds_words_and_leaves_the_original_alone()
    {
        RelationLexicon more = RelationLexicon.Default.With(RelationType.Attack, "pounded", "rained shells");
        Assert.True(more.Signals("pounded", RelationType.Attack));
        Assert.True(more.Signals("rained shells", RelationType.Attack));
        Assert.False(RelationLexicon.Default.Signals("pounded", RelationType.Attack));
        Assert.Equal(RelationLexicon.Default.Count + 2, more.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("one two three")]
    public void With_refuses_what_cannot_be_a_trigger(string word) =>
        Assert.Throws<ArgumentException>(() => RelationLexicon.Default.With(RelationType.Visit, word));

    [Fact]
    public void Names_round_trip()
    {
        foreach (RelationType t in Enum.GetValues<RelationType>())
        {
            Assert.True(RelationNames.TryParseType(t.ToName(), out RelationType back));
            Assert.Equal(t, back);
        }

        Assert.Equal("MEMBER_OF", RelationType.MemberOf.ToName());
        Assert.True(RelationType.Meet.IsSymmetric());
        Assert.False(RelationType.Supply.IsSymmetric());
        Assert.False(RelationNames.TryParseModality("maybe", out _));
    }
}

public class RelationModelFileTests
{
    [Fact]
    public void The_shipped_model_saves_and_loads_the_same()
    {
        RelationModel model = RelationExtractor.Default.Model;
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        RelationExtractor loaded = RelationExtractor.Load(stream);
        Assert.Equal(model.FeatureCount, loaded.Model.FeatureCount);
        Assert.Equal(model.Provenance, loaded.Provenance);
        Assert.Contains("re3d", loaded.Provenance, StringComparison.Ordinal);
    }

    [Fact]
    public void Junk_a_foreign_model_and_a_damaged_file_are_refused_clearly()
    {
        Assert.Throws<InvalidDataException>(() => RelationExtractor.Load(new MemoryStream([1, 2, 3, 4, 5])));
        Assert.Throws<InvalidDataException>(() => RelationExtractor.Load(new MemoryStream()));

        // The entity model is a valid NewsNlp model, but not this kind.
        using (var ner = new MemoryStream())
        {
            NewsNlp.Entities.EntityTagger.Default.Model.Save(ner);
            ner.Position = 0;
            Assert.Throws<InvalidDataException>(() => RelationExtractor.Load(ner));
        }

        using var good = new MemoryStream();
        RelationExtractor.Default.Model.Save(good);
        byte[] bytes = good.ToArray();
        byte[] cut = bytes[..(bytes.Length / 2)];
        Assert.Throws<InvalidDataException>(() => RelationExtractor.Load(new MemoryStream(cut)));
        bytes[bytes.Length / 2] ^= 0x5A;
        Assert.Throws<InvalidDataException>(() => RelationExtractor.Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void Settings_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RelationExtractor.Default.WithMinConfidence(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RelationExtractor.Default.WithMinConfidence(float.NaN));
        Assert.Equal(0.8f, RelationExtractor.Default.WithMinConfidence(0.8f).MinConfidence);
        Assert.Throws<ArgumentNullException>(() => RelationExtractor.Default.WithLexicon(null!));
    }
}

public class ModalityCueTests
{
    /// <summary>The modality of the relation between the first occurrences of two words, the trigger being a third.</summary>
    private static Modality Of(string text, string subject, string obj, string trigger)
    {
        Token[] tokens = [.. Tokenizer.Default.Tokenize(text)];
        int Find(string word) => Array.FindIndex(tokens, t => text.AsSpan(t.Start, t.Length).SequenceEqual(word));
        RelationSentence s = RelationSentence.Create(text, tokens, 0, tokens.Length, RelationLexicon.Default);
        int a = Find(subject), b = Find(obj);
        return ModalityCues.Of(s, Math.Min(a, b), Math.Max(a, b), Find(trigger), a);
    }

    [Theory]
    [InlineData("Macron visited Beijing in April.", "Macron", "Beijing", "visited", Modality.Asserted)]
    [InlineData("Macron will visit Beijing in April.", "Macron", "Beijing", "visit", Modality.Planned)]
    [InlineData("Macron is due to arrive in Beijing on Monday.", "Macron", "Beijing", "arrive", Modality.Planned)]
    [InlineData("Macron did not visit Beijing last year.", "Macron", "Beijing", "visit", Modality.Negated)]
    [InlineData("Macron never visited Beijing.", "Macron", "Beijing", "visited", Modality.Negated)]
    [InlineData("Macron could visit Beijing if talks go well.", "Macron", "Beijing", "visit", Modality.Hypothetical)]
    [InlineData("According to diplomats, Macron visited Beijing in secret.", "Macron", "Beijing", "visited", Modality.Reported)]
    [InlineData("Macron reportedly visited Beijing in secret.", "Macron", "Beijing", "visited", Modality.Reported)]
    [InlineData("Macron visited Beijing in secret, officials said.", "Macron", "Beijing", "visited", Modality.Reported)]
    [InlineData("Macron said he visited Beijing in April.", "Macron", "Beijing", "visited", Modality.Asserted)]
    [InlineData("The Elysee said that Macron would visit Beijing in April.", "Macron", "Beijing", "visit", Modality.Planned)]
    [InlineData("Macron would visit Beijing only if the talks went well.", "Macron", "Beijing", "visit", Modality.Hypothetical)]
    [InlineData("Germany has not only sanctioned Iran but also Syria.", "Germany", "Iran", "sanctioned", Modality.Asserted)]
    public void Cues_decide_the_modality(string text, string subject, string obj, string trigger, Modality expected) =>
        Assert.Equal(expected, Of(text, subject, obj, trigger));
}
