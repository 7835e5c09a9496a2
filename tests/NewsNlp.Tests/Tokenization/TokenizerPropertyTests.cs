using CsCheck;
using NewsNlp.Tokenization;

namespace NewsNlp.Tests.Tokenization;

public class TokenizerPropertyTests
{
    // Characters that exercise every branch: letters, digits, joiners, apostrophes, periods, URL and e-mail parts,
    // quotes, emoji parts, CJK, surrogates (paired and lone), controls and exotic spaces.
    private const string Alphabet = "aZé1 .-'’@#&_+%:/,\"()“”…—\n\r\t\u00A0\u200B\u200D\uFE0F\u4E60\uD83D\uDC4D\uD83C\uDDFA\u0301\u0000\u0085\u2028hwtps";

    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.String[Gen.Char[Alphabet], 0, 200],
        Gen.String[Gen.Char, 0, 200],
        Gen.String[Gen.Char.AlphaNumeric, 0, 50]);

    internal static void AssertWellFormed(string text)
    {
        Token[] tokens = Tokenizer.Default.TokenizeToArray(text);
        int covered = 0;
        foreach (Token t in tokens)
        {
            Assert.True(t.Length > 0, "empty token");
            Assert.True(t.Start >= covered, "tokens overlap or are out of order");
            Assert.True(t.End <= text.Length, "token past the end");
            for (int i = covered; i < t.Start; i++)
            {
                Assert.True(char.IsWhiteSpace(text[i]), $"non-whitespace U+{(int)text[i]:X4} at {i} not in any token");
            }

            for (int i = t.Start; i < t.End; i++)
            {
                Assert.False(char.IsWhiteSpace(text[i]), $"whitespace inside token at {i}");
            }

            covered = t.End;
        }

        for (int i = covered; i < text.Length; i++)
        {
            Assert.True(char.IsWhiteSpace(text[i]), $"non-whitespace U+{(int)text[i]:X4} at {i} not in any token");
        }

        Sentence[] sentences = SentenceSplitter.Default.Split(text, tokens);
        int next = 0;
        foreach (Sentence s in sentences)
        {
            Assert.Equal(next, s.FirstToken);
            Assert.True(s.TokenCount > 0);
            Assert.Equal(tokens[s.FirstToken].Start, s.Start);
            Assert.Equal(tokens[s.FirstToken + s.TokenCount - 1].End, s.End);
            next += s.TokenCount;
        }

        Assert.Equal(tokens.Length, next);
    }

    [Fact]
    public void Tokens_are_ordered_disjoint_inside_the_input_and_cover_every_non_whitespace_character() =>
        Texts.Sample(AssertWellFormed, iter: 20_000);

    [Fact]
    public void Tokens_do_not_depend_on_where_the_64_character_blocks_fall()
    {
        Gen<string> longTexts = Gen.OneOf(
            Gen.String[Gen.Char[Alphabet], 64, 400],
            Gen.String[Gen.Char["aZé1 .-'@:\n"], 64, 400],
            Gen.Const(string.Concat(Enumerable.Repeat("Mr. Xi's pro-Kremlin trip, in the U.S. at 10:30 cost $1,000. ", 8))));
        Gen.Select(longTexts, Gen.Int[1, 130]).Sample((text, pad) =>
        {
            Token[] plain = Tokenizer.Default.TokenizeToArray(text);
            Token[] shifted = Tokenizer.Default.TokenizeToArray(new string(' ', pad) + text);
            Assert.Equal(plain, shifted.Select(t => t with { Start = t.Start - pad }).ToArray());
        }, iter: 3000);
    }

    [Theory]
    [InlineData('a')]
    [InlineData('.')]
    [InlineData('-')]
    [InlineData('\'')]
    [InlineData('1')]
    [InlineData('\uD800')]
    [InlineData('\u0001')]
    public void A_megabyte_without_a_space_tokenizes(char c)
    {
        string text = new(c, 1 << 20);
        AssertWellFormed(text);
    }

    [Theory]
    [InlineData("a.")]
    [InlineData("a-")]
    [InlineData("a'")]
    [InlineData("1,")]
    [InlineData("a_")]
    [InlineData("a@")]
    [InlineData("www.")]
    [InlineData("\uD83D\uDC4D\u200D")]
    [InlineData("a.b.")]
    [InlineData("\n")]
    public void A_megabyte_of_a_repeated_pattern_tokenizes(string pattern)
    {
        string text = string.Concat(Enumerable.Repeat(pattern, (1 << 20) / pattern.Length));
        AssertWellFormed(text);
    }
}
