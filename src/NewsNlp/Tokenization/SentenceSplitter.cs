using System.Collections.Frozen;

namespace NewsNlp.Tokenization;

/// <summary>
/// Splits tokenized text into sentences. Abbreviation-aware (<c>Mr. Xi</c>, <c>U.S. officials</c>), keeps closing
/// quotes and brackets with the sentence they close, ends a sentence at a blank line and at a line break after a
/// headline or dateline, and recognises hard-wrapped text where a single line break is only a space.
/// </summary>
/// <remarks>Immutable and thread-safe. The rules are described in docs/tokenization.md.</remarks>
public sealed class SentenceSplitter
{
    private static readonly FrozenSet<string> StarterSet = Abbreviations.SentenceStarters.ToFrozenSet(StringComparer.Ordinal);

    private readonly Tokenizer _tokenizer;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _starters;

    /// <summary>The splitter that uses the abbreviations of <see cref="Tokenizer.Default"/>.</summary>
    public static SentenceSplitter Default { get; } = new(Tokenizer.Default);

    /// <summary>Creates a splitter that reads abbreviations as <paramref name="tokenizer"/> knows them.</summary>
    /// <param name="tokenizer">The tokenizer whose tokens will be split.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tokenizer"/> is null.</exception>
    public SentenceSplitter(Tokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        _tokenizer = tokenizer;
        _starters = StarterSet.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Splits <paramref name="text"/>, already tokenized into <paramref name="tokens"/>, into sentences.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens, in order, as the tokenizer made them.</param>
    /// <returns>The sentences in order; every token belongs to exactly one.</returns>
    public Sentence[] Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        var list = new List<Sentence>(Math.Max(1, tokens.Length / 20));
        Split(text, tokens, list);
        return [.. list];
    }

    /// <summary>Appends the sentences of <paramref name="text"/> to <paramref name="destination"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens, in order, as the tokenizer made them.</param>
    /// <param name="destination">The list that receives the sentences.</param>
    /// <returns>The number of sentences added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException">A token lies outside <paramref name="text"/>.</exception>
    public int Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, List<Sentence> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (tokens.IsEmpty)
        {
            return 0;
        }

        if (tokens[^1].End > text.Length || tokens[0].Start < 0)
        {
            throw new ArgumentException("The tokens do not belong to this text.", nameof(tokens));
        }

        int before = destination.Count;
        int wrapWidth = HardWrapWidth(text);
        int first = 0;
        for (int t = 0; t < tokens.Length - 1; t++)
        {
            if (IsBoundaryAfter(text, tokens, ref t, wrapWidth))
            {
                Add(destination, tokens, first, t);
                first = t + 1;
            }
        }

        Add(destination, tokens, first, tokens.Length - 1);
        return destination.Count - before;
    }

    private static void Add(List<Sentence> destination, ReadOnlySpan<Token> tokens, int first, int last)
    {
        int start = tokens[first].Start;
        destination.Add(new Sentence(start, tokens[last].End - start, first, last - first + 1));
    }

    /// <summary>Decides whether a sentence ends after token <paramref name="t"/>; may advance <paramref name="t"/> over closing quotes.</summary>
    private bool IsBoundaryAfter(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ref int t, int wrapWidth)
    {
        Token a = tokens[t];
        Token b = tokens[t + 1];
        int breaks = LineBreaks(text, a.End, b.Start);
        if (breaks >= 2)
        {
            return true;
        }

        ReadOnlySpan<char> at = a.GetText(text);
        bool terminal = a.Kind == TokenKind.Punctuation && IsAllTerminal(at);
        AbbreviationKind abbreviation = AbbreviationKind.None;
        if (a.Kind == TokenKind.Abbreviation)
        {
            abbreviation = _tokenizer.LookupAbbreviation(at[..^1]);
            if (abbreviation == AbbreviationKind.None)
            {
                abbreviation = AbbreviationKind.General; // initials and letter chains: U.S., F.
            }
        }

        if (breaks == 1)
        {
            if (terminal || (abbreviation != AbbreviationKind.None && abbreviation != AbbreviationKind.Title))
            {
                return true;
            }

            return IsLineBoundary(text, a, b, at, abbreviation, wrapWidth);
        }

        if (!terminal && abbreviation == AbbreviationKind.None)
        {
            return false;
        }

        // Closing quotes and brackets attached to the stop stay with its sentence.
        int k = t;
        while (k + 1 < tokens.Length && tokens[k + 1].Start == tokens[k].End && tokens[k + 1].Length == 1 && CharInfo.IsCloser(text[tokens[k + 1].Start]))
        {
            k++;
        }

        if (k + 1 >= tokens.Length)
        {
            t = k;
            return false; // the last sentence is added by the caller
        }

        Token next = tokens[k + 1];
        bool spaced = next.Start > tokens[k].End;
        ReadOnlySpan<char> nt = next.GetText(text);
        char c = nt[0];
        bool boundary;
        if (abbreviation == AbbreviationKind.Title)
        {
            boundary = false;
        }
        else if (abbreviation != AbbreviationKind.None)
        {
            boundary = spaced && k > t
                ? !CharInfo.IsLower(c)
                : spaced && (LineBreaks(text, tokens[k].End, next.Start) > 0 || IsSentenceStarter(nt) || (CharInfo.IsOpener(c) && next.Kind == TokenKind.Punctuation));
        }
        else if (CharInfo.IsLower(c) || c is ',' or ';' or ':' or ')' or ']' || next.Kind == TokenKind.Clitic || (next.Kind == TokenKind.Punctuation && IsAllTerminal(nt)))
        {
            boundary = false;
        }
        else
        {
            // "end.Next" without a space is a typo or a name (Politico.eu); a single period then needs a space.
            boundary = spaced || at[0] != '.' || at.Length > 1 || !CharInfo.IsWordChar(c);
        }

        if (boundary)
        {
            t = k;
        }

        return boundary;
    }

    private static bool IsLineBoundary(ReadOnlySpan<char> text, Token a, Token b, ReadOnlySpan<char> at, AbbreviationKind abbreviation, int wrapWidth)
    {
        char last = at[^1];
        char c = text[b.Start];
        if (abbreviation == AbbreviationKind.Title || CharInfo.IsLower(c) || last is ',' or ';' or '(' or '[' or '&' or '-' or '\u2010')
        {
            return false;
        }

        if (wrapWidth == 0)
        {
            return true;
        }

        // Hard-wrapped text: a line break is a space unless the line stops well short of the wrap width.
        int lineStart = text[..a.End].LastIndexOf('\n') + 1;
        return a.End - lineStart < wrapWidth * 6 / 10;
    }

    private bool IsSentenceStarter(ReadOnlySpan<char> word) => word.Length <= 12 && _starters.Contains(word);

    private static bool IsAllTerminal(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!CharInfo.IsTerminal(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Counts the line breaks (a CR LF pair counts once) in the whitespace between two tokens.</summary>
    private static int LineBreaks(ReadOnlySpan<char> text, int from, int to)
    {
        if (to - from <= 1)
        {
            return to - from == 1 && text[from] is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' ? 1 : 0;
        }

        int count = 0;
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c == '\n' || c == '\u2028' || c == '\u0085' || (c == '\r' && (i + 1 >= to || text[i + 1] != '\n')))
            {
                count++;
            }
            else if (c == '\u2029')
            {
                count += 2;
            }
        }

        return count;
    }

    /// <summary>
    /// Detects hard-wrapped text (lines broken at a fixed width inside sentences) and returns its wrap width, or 0
    /// when line breaks are meaningful (one paragraph or heading per line, as in most news text).
    /// </summary>
    internal static int HardWrapWidth(ReadOnlySpan<char> text)
    {
        int lines = 0;
        int midSentence = 0;
        int maxLength = 0;
        int start = 0;
        while (start < text.Length)
        {
            int nl = text[start..].IndexOf('\n');
            int end = nl < 0 ? text.Length : start + nl;
            ReadOnlySpan<char> line = text[start..end].TrimEnd();
            if (!line.IsEmpty)
            {
                lines++;
                maxLength = Math.Max(maxLength, line.Length);
                int nextStart = end + 1;
                if (nl >= 0 && nextStart < text.Length)
                {
                    ReadOnlySpan<char> following = text[nextStart..].TrimStart(' ');
                    if (!following.IsEmpty && CharInfo.IsLower(following[0]) && !CharInfo.IsTerminal(line[^1]))
                    {
                        midSentence++;
                    }
                }
            }

            if (nl < 0)
            {
                break;
            }

            start = end + 1;
        }

        return lines >= 4 && midSentence * 4 >= lines && maxLength <= 120 ? maxLength : 0;
    }
}
