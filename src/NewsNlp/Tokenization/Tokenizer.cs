using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text;

namespace NewsNlp.Tokenization;

/// <summary>
/// A fast, non-destructive tokenizer for English news text. Tokens are offsets into the input: nothing is copied,
/// whitespace is never a token, and every other character belongs to exactly one token.
/// </summary>
/// <remarks>
/// Instances are immutable and thread-safe; share one. <see cref="Default"/> uses the built-in abbreviation list.
/// The rules (abbreviations, clitics, hyphens, numbers, URLs, e-mail, handles, hashtags, emoji, CJK) are described
/// in docs/tokenization.md.
/// </remarks>
public sealed class Tokenizer
{
    private readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _abbreviations;

    /// <summary>The tokenizer with the built-in English abbreviations.</summary>
    public static Tokenizer Default { get; } = new(Abbreviations.Default);

    /// <summary>Creates a tokenizer that also knows the given abbreviations.</summary>
    /// <param name="extraAbbreviations">Abbreviations that keep their period, with or without it (<c>"Adj."</c> or <c>"Adj"</c>); case-sensitive.</param>
    /// <exception cref="ArgumentNullException"><paramref name="extraAbbreviations"/> is null.</exception>
    public Tokenizer(IEnumerable<string> extraAbbreviations)
        : this(Abbreviations.Build(extraAbbreviations ?? throw new ArgumentNullException(nameof(extraAbbreviations))))
    {
    }

    private Tokenizer(FrozenDictionary<string, AbbreviationKind> abbreviations)
    {
        _abbreviations = abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Enumerates the tokens of <paramref name="text"/> without allocating.</summary>
    /// <param name="text">The text to tokenize.</param>
    /// <returns>A ref-struct enumerator to use in <c>foreach</c>.</returns>
    public TokenEnumerator Tokenize(ReadOnlySpan<char> text) => new(this, text);

    /// <summary>Tokenizes <paramref name="text"/> into a new array.</summary>
    /// <param name="text">The text to tokenize.</param>
    /// <returns>The tokens in order.</returns>
    public Token[] TokenizeToArray(ReadOnlySpan<char> text)
    {
        var list = new List<Token>(Math.Max(4, text.Length / 5));
        Tokenize(text, list);
        return [.. list];
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="destination"/>.</summary>
    /// <param name="text">The text to tokenize.</param>
    /// <param name="destination">The list that receives the tokens.</param>
    /// <returns>The number of tokens added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public int Tokenize(ReadOnlySpan<char> text, List<Token> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int before = destination.Count;
        foreach (Token t in Tokenize(text))
        {
            destination.Add(t);
        }

        return destination.Count - before;
    }

    internal AbbreviationKind LookupAbbreviation(ReadOnlySpan<char> word) =>
        word.Length is > 0 and <= 8 && _abbreviations.TryGetValue(word, out AbbreviationKind kind) ? kind : AbbreviationKind.None;

    /// <summary>Finds the token that starts at <paramref name="start"/> (a non-whitespace position).</summary>
    /// <returns>The token; when a word is followed by a clitic, <paramref name="clitic"/> holds the clitic token (else its length is 0).</returns>
    internal Token Scan(ReadOnlySpan<char> text, int start, out Token clitic)
    {
        clitic = default;
        char c = text[start];
        if (c < 128)
        {
            byte flags = CharInfo.AsciiFlags(c);
            if ((flags & CharInfo.Letter) != 0)
            {
                return ScanWord(text, start, out clitic);
            }

            if ((flags & CharInfo.Digit) != 0)
            {
                return ScanNumber(text, start);
            }

            return ScanAsciiPunctuation(text, start, out clitic);
        }

        return ScanNonAscii(text, start, out clitic);
    }

    private Token ScanWord(ReadOnlySpan<char> text, int start, out Token clitic) => ScanWord(text, start, start + 1, out clitic);

    /// <summary>Scans a word starting at <paramref name="start"/> whose characters up to <paramref name="scanned"/> are known word characters.</summary>
    internal Token ScanWord(ReadOnlySpan<char> text, int start, int scanned, out Token clitic)
    {
        clitic = default;
        int n = text.Length;
        int i = scanned;
        while (true)
        {
            while ((uint)i < (uint)n)
            {
                int run = text[i..].IndexOfAnyExcept(CharInfo.AsciiWordChars);
                if (run < 0)
                {
                    i = n;
                    break;
                }

                i += run;
                char w = text[i];
                if (w >= 128 && CharInfo.IsNonAsciiWordChar(w))
                {
                    i++;
                    continue;
                }

                break;
            }

            if (i + 1 >= n)
            {
                break;
            }

            char c = text[i];
            if (c == ' ')
            {
                break;
            }

            char next = text[i + 1];
            if (CharInfo.IsJoiningHyphen(c))
            {
                if (CharInfo.IsWordChar(next))
                {
                    i += 2;
                    continue;
                }

                break;
            }

            if (CharInfo.IsApostrophe(c))
            {
                if (!CharInfo.IsLetter(next))
                {
                    break;
                }

                int e = i + 1;
                while (e < n && CharInfo.IsWordChar(text[e]))
                {
                    e++;
                }

                if (IsCliticSuffix(text.Slice(i + 1, e - i - 1)))
                {
                    clitic = new Token(i, e - i, TokenKind.Clitic);
                    return new Token(start, i - start, TokenKind.Word);
                }

                if (e - i == 2 && (next | 0x20) == 't' && i - 1 > start && (text[i - 1] | 0x20) == 'n')
                {
                    // don't -> do n't, can't -> ca n't
                    clitic = new Token(i - 1, e - i + 1, TokenKind.Clitic);
                    return new Token(start, i - 1 - start, TokenKind.Word);
                }

                // O'Brien, d'Ivoire: the apostrophe is part of the name.
                i = e;
                continue;
            }

            if (c == '.')
            {
                if (i - start == 3 && (text[start] | 0x20) == 'w' && (text[start + 1] | 0x20) == 'w' && (text[start + 2] | 0x20) == 'w')
                {
                    int urlEnd = ScanUrl(text, start);
                    if (urlEnd > start)
                    {
                        return new Token(start, urlEnd - start, TokenKind.Url);
                    }
                }

                return ScanPeriodAfterWord(text, start, i);
            }

            if (c == ':' && next == '/' && i - start is >= 3 and <= 5)
            {
                int urlEnd = ScanUrl(text, start);
                if (urlEnd > start)
                {
                    return new Token(start, urlEnd - start, TokenKind.Url);
                }

                break;
            }

            if (c == '@' && CharInfo.IsWordChar(next))
            {
                int emailEnd = ScanEmail(text, start);
                if (emailEnd > 0)
                {
                    return new Token(start, emailEnd - start, TokenKind.Email);
                }

                break;
            }

            if (c == '&' && CharInfo.IsUpper(next) && CharInfo.IsUpper(text[i - 1]))
            {
                // AT&T, S&P
                i += 2;
                continue;
            }

            if (c is '_' or '+' or '%')
            {
                int emailEnd = ScanEmail(text, start);
                if (emailEnd > 0)
                {
                    return new Token(start, emailEnd - start, TokenKind.Email);
                }
            }

            break;
        }

        return new Token(start, i - start, TokenKind.Word);
    }

    /// <summary>A word <c>[start, dot)</c> is followed by a period at <paramref name="dot"/>.</summary>
    private Token ScanPeriodAfterWord(ReadOnlySpan<char> text, int start, int dot)
    {
        int n = text.Length;
        ReadOnlySpan<char> word = text[start..dot];

        // An e-mail address such as first.last@example.org.
        if (dot + 1 < n && CharInfo.IsWordChar(text[dot + 1]))
        {
            int emailEnd = ScanEmail(text, start);
            if (emailEnd > 0)
            {
                return new Token(start, emailEnd - start, TokenKind.Email);
            }
        }

        if (dot - start == 1 && CharInfo.IsLetter(word[0]))
        {
            // A chain of single letters with periods: U.S., e.g., a.m., J.R.R.
            int j = dot;
            while (j + 2 < n && text[j] == '.' && CharInfo.IsLetter(text[j + 1]) && text[j + 2] == '.')
            {
                j += 2;
            }

            if (j > dot)
            {
                return new Token(start, j + 1 - start, TokenKind.Abbreviation);
            }

            // A single capital initial before a capitalised word: John F. Kennedy.
            if (CharInfo.IsUpper(word[0]))
            {
                int k = dot + 1;
                if (k < n && text[k] == ' ')
                {
                    k++;
                }

                if (k > dot + 1 && k < n && CharInfo.IsUpper(text[k]))
                {
                    return new Token(start, dot + 1 - start, TokenKind.Abbreviation);
                }
            }
        }

        switch (LookupAbbreviation(word))
        {
            case AbbreviationKind.Title:
            case AbbreviationKind.General:
                return new Token(start, dot + 1 - start, TokenKind.Abbreviation);
            case AbbreviationKind.BeforeNumber:
                int k = dot + 1;
                while (k < n && text[k] == ' ')
                {
                    k++;
                }

                if (k < n && k - dot <= 3 && CharInfo.IsDigit(text[k]))
                {
                    return new Token(start, dot + 1 - start, TokenKind.Abbreviation);
                }

                break;
        }

        return new Token(start, dot - start, TokenKind.Word);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCliticSuffix(ReadOnlySpan<char> s) => s.Length switch
    {
        1 => (s[0] | 0x20) is 's' or 'm' or 'd',
        2 => ((s[0] | 0x20) == 'l' && (s[1] | 0x20) == 'l') || ((s[0] | 0x20) == 'r' && (s[1] | 0x20) == 'e') || ((s[0] | 0x20) == 'v' && (s[1] | 0x20) == 'e'),
        _ => false,
    };

    private static Token ScanNumber(ReadOnlySpan<char> text, int start)
    {
        int n = text.Length;
        int i = start + 1;
        while (true)
        {
            while (i < n && CharInfo.IsWordChar(text[i]))
            {
                i++;
            }

            if (i + 1 >= n)
            {
                break;
            }

            char c = text[i];
            char next = text[i + 1];
            if ((c is ',' or '.' or ':' or '/') && CharInfo.IsDigit(next) && CharInfo.IsDigit(text[i - 1]))
            {
                i += 2;
                continue;
            }

            if (CharInfo.IsJoiningHyphen(c) && CharInfo.IsWordChar(next))
            {
                i += 2;
                continue;
            }

            break;
        }

        return new Token(start, i - start, TokenKind.Number);
    }

    private static Token ScanAsciiPunctuation(ReadOnlySpan<char> text, int start, out Token clitic)
    {
        clitic = default;
        int n = text.Length;
        char c = text[start];
        switch (c)
        {
            case '.':
                {
                    int i = start + 1;
                    while (i < n && text[i] == '.')
                    {
                        i++;
                    }

                    return new Token(start, i - start, TokenKind.Punctuation);
                }

            case '!' or '?':
                {
                    int i = start + 1;
                    while (i < n && text[i] is '!' or '?')
                    {
                        i++;
                    }

                    return new Token(start, i - start, TokenKind.Punctuation);
                }

            case '-':
                {
                    int i = start + 1;
                    while (i < n && text[i] == '-')
                    {
                        i++;
                    }

                    return new Token(start, i - start, TokenKind.Punctuation);
                }

            case '@':
                if (start + 1 < n && IsHandleChar(text[start + 1]))
                {
                    int i = start + 2;
                    while (i < n && IsHandleChar(text[i]))
                    {
                        i++;
                    }

                    return new Token(start, i - start, TokenKind.Mention);
                }

                break;

            case '#':
                {
                    int i = start + 1;
                    bool letter = false;
                    while (i < n && (CharInfo.IsWordChar(text[i]) || text[i] == '_'))
                    {
                        letter |= CharInfo.IsLetter(text[i]);
                        i++;
                    }

                    if (letter)
                    {
                        return new Token(start, i - start, TokenKind.Hashtag);
                    }

                    break;
                }

            case '\'':
                // 's after a closing quote or bracket is still a clitic: "Russia's"' is handled by the word rule.
                break;
        }

        if (c < 32 || c == 127)
        {
            return new Token(start, 1, TokenKind.Other);
        }

        return new Token(start, 1, char.IsPunctuation(c) && c != '%' ? TokenKind.Punctuation : TokenKind.Symbol);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsHandleChar(char c) => c < 128 && ((CharInfo.AsciiFlags(c) & CharInfo.WordChar) != 0 || c == '_');

    private Token ScanNonAscii(ReadOnlySpan<char> text, int start, out Token clitic)
    {
        clitic = default;
        int n = text.Length;
        char c = text[start];

        if (char.IsHighSurrogate(c))
        {
            if (start + 1 < n && char.IsLowSurrogate(text[start + 1]))
            {
                int cp = char.ConvertToUtf32(c, text[start + 1]);
                if (CharInfo.IsIdeograph(cp))
                {
                    return new Token(start, 2, TokenKind.Ideograph);
                }

                if (Rune.IsLetter(new Rune(cp)))
                {
                    // A letter outside the basic plane (historic scripts, mathematical letters): a word of its own.
                    int i = start + 2;
                    while (i + 1 < n && char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]) && Rune.IsLetter(new Rune(char.ConvertToUtf32(text[i], text[i + 1]))))
                    {
                        i += 2;
                    }

                    return new Token(start, i - start, TokenKind.Word);
                }

                return new Token(start, ScanEmojiSequence(text, start, start + 2) - start, TokenKind.Emoji);
            }

            return new Token(start, 1, TokenKind.Other);
        }

        if (char.IsLowSurrogate(c))
        {
            return new Token(start, 1, TokenKind.Other);
        }

        if (CharInfo.IsIdeograph(c))
        {
            return new Token(start, 1, TokenKind.Ideograph);
        }

        if (CharInfo.IsNonAsciiWordChar(c))
        {
            if (CharInfo.IsDigit(c))
            {
                return ScanNumber(text, start);
            }

            return ScanWord(text, start, out clitic);
        }

        switch (c)
        {
            case '\u2026':
                return new Token(start, 1, TokenKind.Punctuation);
            case '\u2014' or '\u2013' or '\u2015' or '\u2012':
                return new Token(start, 1, TokenKind.Punctuation);
            case '\u2019' when start + 1 < n && CharInfo.IsLetter(text[start + 1]):
                // A clitic after a non-word token ("'s" after a quote) or an elided year ('90s).
                break;
        }

        System.Globalization.UnicodeCategory cat = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
        switch (cat)
        {
            case System.Globalization.UnicodeCategory.OtherSymbol:
                {
                    int end = ScanEmojiSequence(text, start, start + 1);
                    bool emoji = end > start + 1 || (c >= '\u2190' && c <= '\u2BFF');
                    return new Token(start, end - start, emoji ? TokenKind.Emoji : TokenKind.Symbol);
                }

            case System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned
                or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark:
                return new Token(start, 1, TokenKind.Other);

            case System.Globalization.UnicodeCategory.MathSymbol or System.Globalization.UnicodeCategory.CurrencySymbol
                or System.Globalization.UnicodeCategory.ModifierSymbol:
                return new Token(start, 1, TokenKind.Symbol);

            default:
                return new Token(start, 1, TokenKind.Punctuation);
        }
    }

    /// <summary>Extends an emoji that ends at <paramref name="end"/> over modifiers, selectors, joiners, keycaps, tags and flag pairs.</summary>
    private static int ScanEmojiSequence(ReadOnlySpan<char> text, int start, int end)
    {
        int n = text.Length;
        bool regional = end - start == 2 && IsRegionalIndicator(text, start);
        if (regional && end + 1 < n && IsRegionalIndicator(text, end))
        {
            return end + 2;
        }

        while (end < n)
        {
            char c = text[end];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3')
            {
                end++;
                continue;
            }

            if (end + 1 < n && char.IsHighSurrogate(c) && char.IsLowSurrogate(text[end + 1]))
            {
                int cp = char.ConvertToUtf32(c, text[end + 1]);
                if (cp is (>= 0x1F3FB and <= 0x1F3FF) or (>= 0xE0020 and <= 0xE007F))
                {
                    end += 2;
                    continue;
                }
            }

            if (c == '\u200D' && end + 1 < n)
            {
                char d = text[end + 1];
                if (end + 2 < n && char.IsHighSurrogate(d) && char.IsLowSurrogate(text[end + 2]))
                {
                    end += 3;
                    continue;
                }

                if (d >= 0x2000 && !char.IsSurrogate(d) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(d) == System.Globalization.UnicodeCategory.OtherSymbol)
                {
                    end += 2;
                    continue;
                }
            }

            break;
        }

        return end;
    }

    private static bool IsRegionalIndicator(ReadOnlySpan<char> text, int i) =>
        i + 1 < text.Length && text[i] == '\uD83C' && text[i + 1] is >= '\uDDE6' and <= '\uDDFF';

    /// <summary>Returns the end of a URL starting at <paramref name="start"/>, or <paramref name="start"/> when there is none.</summary>
    private static int ScanUrl(ReadOnlySpan<char> text, int start)
    {
        ReadOnlySpan<char> rest = text[start..];
        int body;
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            body = 8;
        }
        else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
        {
            body = rest[0] is 'f' or 'F' ? 6 : 7;
        }
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && CharInfo.IsWordChar(rest[4]))
        {
            body = 4;
        }
        else
        {
            return start;
        }

        int i = body;
        int open = 0;
        while (i < rest.Length)
        {
            char c = rest[i];
            if (CharInfo.IsWhiteSpace(c) || c is '"' or '<' or '>' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB' || char.IsControl(c))
            {
                break;
            }

            if (c == '(')
            {
                open++;
            }
            else if (c == ')')
            {
                if (open == 0)
                {
                    break;
                }

                open--;
            }

            i++;
        }

        // Trailing punctuation belongs to the sentence, not the URL.
        while (i > body && rest[i - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '\u2019')
        {
            i--;
        }

        return i > body ? start + i : start;
    }

    /// <summary>Returns the end of an e-mail address starting at <paramref name="start"/>, or 0 when there is none.</summary>
    private static int ScanEmail(ReadOnlySpan<char> text, int start)
    {
        int n = text.Length;
        int i = start;
        while (i < n && i - start <= 64 && IsLocalPartChar(text[i]))
        {
            i++;
        }

        if (i == start || i >= n - 1 || text[i] != '@' || text[i - 1] == '.')
        {
            return 0;
        }

        int domainStart = ++i;
        int lastDot = -1;
        while (i < n && i - domainStart <= 255)
        {
            char c = text[i];
            if (c < 128 && (CharInfo.AsciiFlags(c) & CharInfo.WordChar) != 0)
            {
                i++;
            }
            else if ((c == '.' || c == '-') && i + 1 < n && text[i + 1] < 128 && (CharInfo.AsciiFlags(text[i + 1]) & CharInfo.WordChar) != 0)
            {
                if (c == '.')
                {
                    lastDot = i;
                }

                i++;
            }
            else
            {
                break;
            }
        }

        return lastDot > domainStart && i - lastDot > 2 ? i : 0;
    }

    private static bool IsLocalPartChar(char c) => c < 128 && ((CharInfo.AsciiFlags(c) & CharInfo.WordChar) != 0 || c is '.' or '_' or '%' or '+' or '-');
}
