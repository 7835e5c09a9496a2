using NewsNlp.Tokenization;

namespace NewsNlp.Tests.Tokenization;

public class TokenizerTests
{
    internal static string Split(string text)
    {
        var parts = new List<string>();
        foreach (Token t in Tokenizer.Default.Tokenize(text))
        {
            parts.Add(text.Substring(t.Start, t.Length));
        }

        return string.Join("|", parts);
    }

    private static TokenKind[] Kinds(string text) => Tokenizer.Default.TokenizeToArray(text).Select(t => t.Kind).ToArray();

    [Theory]
    [InlineData("Mr. Xi met Dr. Smith.", "Mr.|Xi|met|Dr.|Smith|.")]
    [InlineData("U.S. and U.K. officials", "U.S.|and|U.K.|officials")]
    [InlineData("in the U.S.", "in|the|U.S.")]
    [InlineData("St. Petersburg on Jan. 5", "St.|Petersburg|on|Jan.|5")]
    [InlineData("e.g. rifles, i.e. arms", "e.g.|rifles|,|i.e.|arms")]
    [InlineData("at 10 a.m. local time", "at|10|a.m.|local|time")]
    [InlineData("John F. Kennedy", "John|F.|Kennedy")]
    [InlineData("Apple Inc. said", "Apple|Inc.|said")]
    [InlineData("No. 10 Downing Street", "No.|10|Downing|Street")]
    [InlineData("He said no.", "He|said|no|.")]
    [InlineData("They won.", "They|won|.")]
    public void Abbreviations_and_initials_stay_whole(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Xi's visit", "Xi|'s|visit")]
    [InlineData("Xi\u2019s visit", "Xi|\u2019s|visit")]
    [InlineData("don't go", "do|n't|go")]
    [InlineData("can\u2019t stop", "ca|n\u2019t|stop")]
    [InlineData("won't", "wo|n't")]
    [InlineData("I'm sure they're right, we'll see, I've said, he'd go", "I|'m|sure|they|'re|right|,|we|'ll|see|,|I|'ve|said|,|he|'d|go")]
    [InlineData("O'Brien's view", "O'Brien|'s|view")]
    [InlineData("Cote d'Ivoire", "Cote|d'Ivoire")]
    [InlineData("the countries' leaders", "the|countries|'|leaders")]
    [InlineData("'self-medicating' ants", "'|self-medicating|'|ants")]
    public void Possessives_and_contractions_split_as_in_Penn(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("pro-Kremlin three-day 12-point Vnukovo-2 CQ-A al-Hawa", "pro-Kremlin|three-day|12-point|Vnukovo-2|CQ-A|al-Hawa")]
    [InlineData("F-16 jets and COVID-19", "F-16|jets|and|COVID-19")]
    [InlineData("well - known", "well|-|known")]
    [InlineData("end-", "end|-")]
    [InlineData("AT&T and S&P", "AT&T|and|S&P")]
    public void Hyphenated_words_stay_whole(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("1,000 troops", "1,000|troops")]
    [InlineData("29.3 per cent", "29.3|per|cent")]
    [InlineData("on 2022-12-30 at 10:30", "on|2022-12-30|at|10:30")]
    [InlineData("$190 billion", "$|190|billion")]
    [InlineData("30% of", "30|%|of")]
    [InlineData("in 2019.", "in|2019|.")]
    [InlineData("the 1990s and 3rd", "the|1990s|and|3rd")]
    [InlineData("\u20AC5.5bn", "\u20AC|5.5bn")]
    [InlineData("1,000,000.", "1,000,000|.")]
    public void Numbers(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("See https://example.com/a?b=1&c=(2). Next", "See|https://example.com/a?b=1&c=(2)|.|Next")]
    [InlineData("(www.reuters.com)", "(|www.reuters.com|)")]
    [InlineData("Mail press@example.org, now", "Mail|press@example.org|,|now")]
    [InlineData("jane.doe+news@mail.example.co.uk.", "jane.doe+news@mail.example.co.uk|.")]
    [InlineData("@Reuters reports #Ukraine", "@Reuters|reports|#Ukraine")]
    [InlineData("ranked #1 at @ noon", "ranked|#|1|at|@|noon")]
    public void Urls_emails_handles_hashtags(string text, string expected) => Assert.Equal(expected, Split(text));

    [Fact]
    public void Urls_emails_handles_hashtags_have_their_kinds()
    {
        Assert.Equal([TokenKind.Url, TokenKind.Email, TokenKind.Mention, TokenKind.Hashtag], Kinds("https://a.org/x a@b.com @abc #tag"));
    }

    [Theory]
    [InlineData("Peace \U0001F54A\uFE0F now", "Peace|\U0001F54A\uFE0F|now")]
    [InlineData("ok \U0001F44D\U0001F3FD!", "ok|\U0001F44D\U0001F3FD|!")]
    [InlineData("family \U0001F468\u200D\U0001F469\u200D\U0001F467 here", "family|\U0001F468\u200D\U0001F469\u200D\U0001F467|here")]
    [InlineData("flags \U0001F1FA\U0001F1E6\U0001F1E8\U0001F1F3", "flags|\U0001F1FA\U0001F1E6|\U0001F1E8\U0001F1F3")]
    [InlineData("love \u2764\uFE0F", "love|\u2764\uFE0F")]
    public void Emoji_sequences_are_one_token(string text, string expected) => Assert.Equal(expected, Split(text));

    [Fact]
    public void Emoji_kind()
    {
        Assert.Equal([TokenKind.Word, TokenKind.Emoji], Kinds("family \U0001F468\u200D\U0001F469\u200D\U0001F467"));
    }

    [Theory]
    [InlineData("\u4E60\u8FD1\u5E73\u8BBF\u4FC4", "\u4E60|\u8FD1|\u5E73|\u8BBF|\u4FC4")]
    [InlineData("Xi (\u4E60\u8FD1\u5E73) said", "Xi|(|\u4E60|\u8FD1|\u5E73|)|said")]
    [InlineData("\U00020000\U00020001", "\U00020000|\U00020001")]
    public void Cjk_ideographs_are_one_token_each(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("\"Yes,\" he said\u2014no \u201Cdoubt\u201D (really) [sic]...", "\"|Yes|,|\"|he|said|\u2014|no|\u201C|doubt|\u201D|(|really|)|[|sic|]|...")]
    [InlineData("Wait\u2026 what?! -- ok", "Wait|\u2026|what|?!|--|ok")]
    public void Quotes_brackets_dashes_ellipses_are_their_own_tokens(string text, string expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Erdo\u011Fan and Vlad\u00EDmir in S\u00E3o Paulo", "Erdo\u011Fan|and|Vlad\u00EDmir|in|S\u00E3o|Paulo")]
    [InlineData("\u041C\u043E\u0441\u043A\u0432\u0430, \u0420\u043E\u0441\u0441\u0438\u044F", "\u041C\u043E\u0441\u043A\u0432\u0430|,|\u0420\u043E\u0441\u0441\u0438\u044F")]
    [InlineData("Ha\u0300 N\u00F4\u0323i", "Ha\u0300|N\u00F4\u0323i")]
    public void Non_english_letters_and_combining_marks_stay_in_words(string text, string expected) => Assert.Equal(expected, Split(text));

    [Fact]
    public void Whitespace_is_never_a_token_and_offsets_point_into_the_input()
    {
        const string text = "  Xi\u00A0Jinping\r\n\tarrived. ";
        Token[] tokens = Tokenizer.Default.TokenizeToArray(text);
        Assert.Equal(["Xi", "Jinping", "arrived", "."], tokens.Select(t => text[t.Range]).ToArray());
        Assert.Equal(2, tokens[0].Start);
        Assert.Equal(5, tokens[1].Start);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_and_blank_text_gives_no_tokens(string text) => Assert.Empty(Tokenizer.Default.TokenizeToArray(text));

    [Fact]
    public void Lone_surrogates_and_controls_are_tokens_of_kind_other()
    {
        string text = "a\uD800b \uDC00 \u0001\u007F\u200B";
        Token[] tokens = Tokenizer.Default.TokenizeToArray(text);
        Assert.Equal("a|\uD800|b|\uDC00|\u0001|\u007F|\u200B", Split(text));
        Assert.Equal(TokenKind.Other, tokens[1].Kind);
        Assert.Equal(TokenKind.Other, tokens[3].Kind);
    }

    [Fact]
    public void Custom_abbreviations_are_honoured()
    {
        var tokenizer = new Tokenizer(["Adj.", "Brgy"]);
        Token[] tokens = tokenizer.TokenizeToArray("Brgy. Poblacion and Adj. text");
        Assert.Equal(TokenKind.Abbreviation, tokens[0].Kind);
        Assert.Equal(5, tokens[0].Length);
        Assert.Equal(TokenKind.Abbreviation, tokens[3].Kind);
        Assert.Throws<ArgumentNullException>(() => new Tokenizer(null!));
    }

    [Fact]
    public void Enumerating_allocates_nothing()
    {
        string text = string.Concat(Enumerable.Repeat("Mr. Xi's three-day visit to the U.S. cost $1,000.50 (29.3%) \u2014 https://x.org/a \U0001F44D. ", 2000));
        int warm = 0;
        foreach (Token t in Tokenizer.Default.Tokenize(text))
        {
            warm += t.Length;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int count = 0;
        foreach (Token t in Tokenizer.Default.Tokenize(text))
        {
            count += t.Length > 0 ? 1 : 0;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(count > 30_000);
        Assert.True(warm > 0);
        Assert.Equal(0, allocated);
    }
}
