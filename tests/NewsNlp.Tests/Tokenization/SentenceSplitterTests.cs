using NewsNlp.Tokenization;

namespace NewsNlp.Tests.Tokenization;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        Token[] tokens = Tokenizer.Default.TokenizeToArray(text);
        return SentenceSplitter.Default.Split(text, tokens).Select(s => text[s.Range]).ToArray();
    }

    [Theory]
    [InlineData("Mr. Xi arrived. He met Putin.", new[] { "Mr. Xi arrived.", "He met Putin." })]
    [InlineData("U.S. officials said so. They left.", new[] { "U.S. officials said so.", "They left." })]
    [InlineData("He flew to St. Petersburg on Monday.", new[] { "He flew to St. Petersburg on Monday." })]
    [InlineData("He lives in the U.S. The talks begin today.", new[] { "He lives in the U.S.", "The talks begin today." })]
    [InlineData("Dr. Smith, of Acme Inc. in Ohio, spoke.", new[] { "Dr. Smith, of Acme Inc. in Ohio, spoke." })]
    [InlineData("It cost $1.5 billion. Nobody paid.", new[] { "It cost $1.5 billion.", "Nobody paid." })]
    [InlineData("Rifles, drones, etc. were sent.", new[] { "Rifles, drones, etc. were sent." })]
    public void Abbreviations_do_not_end_sentences_unless_a_sentence_follows(string text, string[] expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("He said: \"We will go.\" Then he left.", new[] { "He said: \"We will go.\"", "Then he left." })]
    [InlineData("\u201CWe will go.\u201D Then he left.", new[] { "\u201CWe will go.\u201D", "Then he left." })]
    [InlineData("(The talks ended.) Both sides left.", new[] { "(The talks ended.)", "Both sides left." })]
    [InlineData("\"Why?\" he asked.", new[] { "\"Why?\" he asked." })]
    [InlineData("\"Stop!\", she said.", new[] { "\"Stop!\", she said." })]
    public void Closing_quotes_and_brackets_stay_with_their_sentence(string text, string[] expected) =>
        Assert.Equal(expected, Sentences(text));

    [Fact]
    public void Headline_and_dateline_lines_without_a_stop_are_sentences()
    {
        const string text = "Leaders meet in Moscow\n\nMOSCOW, March 20 (Wire) - The talks began on Monday. They end today.\nMore talks follow\nin April.";
        Assert.Equal(
            ["Leaders meet in Moscow", "MOSCOW, March 20 (Wire) - The talks began on Monday.", "They end today.", "More talks follow\nin April."],
            Sentences(text));
    }

    [Fact]
    public void A_blank_line_always_ends_a_sentence()
    {
        Assert.Equal(["The first part, which", "continues here"], Sentences("The first part, which\n\ncontinues here"));
        Assert.Equal(["Dr.", "Who"], Sentences("Dr.\r\n\r\nWho"));
    }

    [Fact]
    public void Hard_wrapped_text_joins_lines_inside_sentences()
    {
        const string text =
            "The foreign minister said on Monday that the talks with his\n" +
            "counterpart had been useful and that the two governments would\n" +
            "meet again in April. The statement was published by the\n" +
            "ministry in Beijing, which gave no further details about the\n" +
            "agenda of the meeting or the names of the delegates.\n" +
            "Short last line.";
        string[] sentences = Sentences(text);
        Assert.Equal(3, sentences.Length);
        Assert.StartsWith("The statement", sentences[1]);
        Assert.Equal("Short last line.", sentences[2]);
    }

    [Theory]
    [InlineData("Wait... The plane landed.", 2)]
    [InlineData("Wait... and then it landed.", 1)]
    [InlineData("Is it over?! Nobody knows.", 2)]
    [InlineData("The site Politico.eu reported it.", 1)]
    [InlineData("Leaders met (again!). Talks went on.", 2)]
    public void Terminal_punctuation(string text, int count) => Assert.Equal(count, Sentences(text).Length);

    [Fact]
    public void Every_token_belongs_to_one_sentence_and_errors_are_clear()
    {
        Assert.Empty(SentenceSplitter.Default.Split("", []));
        Token[] tokens = Tokenizer.Default.TokenizeToArray("a b");
        Assert.Throws<ArgumentException>(() => SentenceSplitter.Default.Split("a", tokens));
        Assert.Throws<ArgumentNullException>(() => new SentenceSplitter(null!));
    }
}
