using System.Buffers;
using System.Collections.Frozen;
using NewsNlp.Tokenization;

namespace NewsNlp.Entities;

/// <summary>
/// News datelines at the start of a sentence: <c>MOSCOW, March 20 -</c>, <c>NEW YORK (Reuters) —</c>,
/// <c>ANKARA, Feb. 6 –</c>. The capitalised place becomes a GPE mention, the month and day a DATE, the agency in brackets
/// an ORG, replacing whatever the model made of them (it often reads the whole as one date or the city as an
/// organisation). Only with the dash that ends a dateline within ten tokens.
/// </summary>
internal static class Datelines
{
    private const int MaxPlaceTokens = 4;
    private const int MaxTokens = 10;

    private static readonly SearchValues<char> CapitalChars = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ.'-\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C7\u00C8\u00C9\u00CA\u00CB\u00CD\u00CE\u00CF\u00D1\u00D3\u00D4\u00D6\u00DA\u00DC");

    private static readonly FrozenSet<string> Months = FrozenSet.ToFrozenSet(
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
         "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
         "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."], StringComparer.Ordinal);

    public static void Apply(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, List<EntityMention> mentions, int before)
    {
        foreach (Sentence s in sentences)
        {
            int first = s.FirstToken;
            int end = first + Math.Min(s.TokenCount, MaxTokens);
            int place = first;
            while (place < end && place - first < MaxPlaceTokens && IsCapitalWord(tokens[place].GetText(text)))
            {
                place++;
            }

            if (place == first || !HasLongWord(text, tokens, first, place))
            {
                continue;
            }

            int dash = -1;
            for (int t = place; t < end; t++)
            {
                if (tokens[t].GetText(text) is "-" or "\u2013" or "\u2014" or "--")
                {
                    dash = t;
                    break;
                }
            }

            if (dash < 0)
            {
                continue;
            }

            int spanStart = tokens[first].Start;
            int spanEnd = tokens[dash].Start;
            RemoveOverlapping(mentions, before, spanStart, spanEnd);
            mentions.Add(Mention(tokens, first, place - 1, EntityLabel.Gpe));
            for (int t = place; t < dash; t++)
            {
                ReadOnlySpan<char> word = tokens[t].GetText(text);
                if (Months.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) && t + 1 < dash && tokens[t + 1].Kind == TokenKind.Number)
                {
                    mentions.Add(Mention(tokens, t, t + 1, EntityLabel.Date));
                    t++;
                }
                else if (word is "(" && t + 2 < dash && tokens[t + 2].GetText(text) is ")" && char.IsUpper(tokens[t + 1].GetText(text)[0]))
                {
                    mentions.Add(Mention(tokens, t + 1, t + 1, EntityLabel.Org));
                    t += 2;
                }
            }
        }

        mentions.Sort(before, mentions.Count - before, EntityMention.ByStart);
    }

    /// <summary>Removes the mentions from <paramref name="before"/> on that overlap the span.</summary>
    private static void RemoveOverlapping(List<EntityMention> mentions, int before, int start, int end)
    {
        int kept = before;
        for (int i = before; i < mentions.Count; i++)
        {
            if (!(mentions[i].Start < end && mentions[i].End > start))
            {
                mentions[kept++] = mentions[i];
            }
        }

        mentions.RemoveRange(kept, mentions.Count - kept);
    }

    private static EntityMention Mention(ReadOnlySpan<Token> tokens, int a, int b, EntityLabel label) =>
        new(tokens[a].Start, tokens[b].End - tokens[a].Start, a, b - a + 1, label, 0.9f);

    /// <summary>A word in capitals (<c>MOSCOW</c>, <c>ST.</c>, <c>U.S.</c>), not a single letter.</summary>
    private static bool IsCapitalWord(ReadOnlySpan<char> word) =>
        word.Length >= 2 && char.IsLetter(word[0]) && !word.ContainsAnyInRange('a', 'z') && word.ContainsAnyInRange('A', 'Z')
        && !word.ContainsAnyExcept(CapitalChars);

    private static bool HasLongWord(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (tokens[t].Length >= 3 && char.IsLetter(tokens[t].GetText(text)[^1]))
            {
                return true;
            }
        }

        return false;
    }
}
