using System.Collections.Frozen;
using System.Collections.Immutable;
using NewsNlp.Entities;
using NewsNlp.Linking;
using NewsNlp.Tokenization;

namespace NewsNlp.Relations;

/// <summary>A direct quotation and who said it.</summary>
/// <param name="Start">Start offset of the quoted words (inside the quotation marks) in the original text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Speaker">The id of the speaking entity in the document (<c>E3</c>), or null when it is not known.</param>
/// <param name="CueStart">Start offset of the cue (<c>said</c>, <c>told</c>, <c>according to</c>), or -1 when none.</param>
/// <param name="CueEnd">End offset of the cue (exclusive), or -1.</param>
public readonly record struct Quote(int Start, int End, string? Speaker, int CueStart, int CueEnd);

/// <summary>
/// Finds direct quotations (curly, straight and guillemet marks; a quotation of three words or more; one that runs on
/// into the next paragraph continues there) and attributes each to a speaker through a cue verb after it
/// (<c>," said X</c>, <c>," X said</c>, <c>," he added</c>) or before it (<c>X said: "</c>, <c>according to X, "</c>),
/// the speaker being the entity mentioned nearest the cue (a pronoun counts through its resolved entity); a paragraph
/// that only continues a quotation keeps its speaker.
/// </summary>
internal static class QuoteFinder
{
    private const int MinWords = 3;
    private const int CueWindow = 8;

    private static readonly FrozenSet<string> CueVerbs = FrozenSet.ToFrozenSet(
        ["said", "says", "say", "told", "tells", "added", "adds", "insisted", "insists", "stated", "states", "asked", "asks", "warned",
         "warns", "noted", "notes", "explained", "explains", "wrote", "writes", "claimed", "claims", "argued", "argues", "replied",
         "continued", "tweeted", "declared", "declares", "announced", "stressed", "emphasised", "emphasized", "commented", "recalled",
         "admitted", "acknowledged", "urged", "urges", "vowed", "vows", "pledged", "boasted", "complained", "conceded", "suggested",
         "remarked", "observed", "responded", "countered", "predicted"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Prepositions = FrozenSet.ToFrozenSet(
        ["in", "at", "from", "of", "near", "for", "with", "on", "to", "by"], StringComparer.Ordinal);

    public static ImmutableArray<Quote> Find(string text, ReadOnlySpan<Token> tokens, IReadOnlyList<DocumentEntity> entities, Func<int, bool> isBoilerplate)
    {
        // Mentions of speakers (people, organisations, places: "Russia said"), by token.
        var mentionAt = new Dictionary<int, (DocumentEntity Entity, int Last)>();
        foreach (DocumentEntity e in entities)
        {
            if (e.Label is not (EntityLabel.Person or EntityLabel.Org or EntityLabel.Gpe))
            {
                continue;
            }

            foreach (EntityReference m in e.Mentions)
            {
                int first = TokenAt(tokens, m.Start);
                int last = TokenAt(tokens, Math.Max(m.Start, m.End - 1));
                if (first >= 0)
                {
                    mentionAt.TryAdd(first, (e, last));
                }
            }
        }

        var quotes = ImmutableArray.CreateBuilder<Quote>();
        var continuations = new List<bool>();
        string? previousSpeaker = null;
        int previousEnd = -1;
        foreach ((int open, int close, bool continues) in Spans(text))
        {
            int firstToken = TokenAt(tokens, open);
            int lastToken = TokenAt(tokens, close - 1);
            if (firstToken < 0 || lastToken < 0 || CountWords(tokens, firstToken, lastToken) < MinWords || isBoilerplate(open))
            {
                continue;
            }

            (string? speaker, int cueStart, int cueEnd) = After(text, tokens, lastToken + 1, mentionAt);
            if (speaker is null && cueStart < 0)
            {
                (speaker, cueStart, cueEnd) = Before(text, tokens, firstToken - 1, mentionAt);
            }

            // No cue: a quotation that goes on from the paragraph before, or follows another in the same paragraph, is the same speaker's.
            bool sameParagraph = previousEnd >= 0 && !text.AsSpan(previousEnd, open - previousEnd).Contains("\n\n", StringComparison.Ordinal);
            if (speaker is null && cueStart < 0 && (continues || sameParagraph) && previousEnd >= 0 && open - previousEnd < 400)
            {
                speaker = previousSpeaker;
            }

            quotes.Add(new Quote(open, close, speaker, cueStart, cueEnd));
            continuations.Add(continues);
            previousSpeaker = speaker;
            previousEnd = close;
        }

        // A paragraph left open without a cue is the speaker's whose words go on in the next paragraph.
        for (int q = quotes.Count - 2; q >= 0; q--)
        {
            if (quotes[q].Speaker is null && quotes[q].CueStart < 0 && continuations[q + 1] && quotes[q + 1].Speaker is { } next)
            {
                quotes[q] = quotes[q] with { Speaker = next };
            }
        }

        return quotes.ToImmutable();
    }

    /// <summary>
    /// <c>I</c>, <c>me</c>, <c>my</c>, <c>mine</c>, <c>myself</c> inside a quotation whose speaker is a person become pronoun
    /// mentions of that person.
    /// </summary>
    public static void AttachFirstPerson(string text, ReadOnlySpan<Token> tokens, ImmutableArray<Quote> quotes, List<DocumentEntity> entities)
    {
        foreach (Quote q in quotes)
        {
            int index = q.Speaker is null ? -1 : entities.FindIndex(e => e.Id == q.Speaker && e.Label == EntityLabel.Person);
            if (index < 0)
            {
                continue;
            }

            var added = new List<EntityReference>();
            for (int t = Math.Max(0, TokenAt(tokens, q.Start)); t < tokens.Length && tokens[t].Start < q.End; t++)
            {
                if (text.AsSpan(tokens[t].Start, tokens[t].Length) is "I" or "me" or "my" or "My" or "mine" or "myself" or "Myself" or "Me")
                {
                    added.Add(new EntityReference(tokens[t].Start, tokens[t].Length, MentionKind.Pronoun, 0.8f));
                }
            }

            if (added.Count > 0)
            {
                DocumentEntity speaker = entities[index];
                entities[index] = speaker with { Mentions = [.. speaker.Mentions.Concat(added).DistinctBy(m => m.Start).OrderBy(m => m.Start)] };
            }
        }
    }

    /// <summary>The quoted stretches: (start, end) inside the marks, and whether it continues a quotation left open at the end of the paragraph before.</summary>
    private static IEnumerable<(int Start, int End, bool Continues)> Spans(string text)
    {
        int i = 0;
        bool openAtParagraphEnd = false;
        while (i < text.Length)
        {
            char c = text[i];
            char closing = c switch { '\u201C' => '\u201D', '"' => '"', '\u00AB' => '\u00BB', '\u201E' => '\u201C', _ => '\0' };
            if (closing == '\0')
            {
                if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    openAtParagraphEnd = false;
                }

                i++;
                continue;
            }

            // A straight quote opens only before a word and after a space or the start.
            if (c == '"' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]) || (i > 0 && char.IsLetterOrDigit(text[i - 1]))))
            {
                i++;
                continue;
            }

            int start = i + 1;
            int end = start;
            bool closed = false;
            while (end < text.Length)
            {
                if (text[end] == closing && (closing != '"' || end + 1 >= text.Length || !char.IsLetterOrDigit(text[end + 1])))
                {
                    closed = true;
                    break;
                }

                if (text[end] == '\n' && end + 1 < text.Length && text[end + 1] == '\n')
                {
                    break; // the paragraph ends inside the quotation: it may go on in the next one
                }

                end++;
            }

            bool continues = openAtParagraphEnd;
            openAtParagraphEnd = !closed;
            if (end > start)
            {
                yield return (start, TrimEnd(text, start, end), continues);
            }

            i = closed ? end + 1 : end + 2; // past the paragraph break, which would otherwise end the continuation
        }
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary><c>," said X.</c>, <c>," X said</c>, <c>," he added</c>: a cue within a few tokens after the quotation, and the mention nearest it.</summary>
    private static (string? Speaker, int CueStart, int CueEnd) After(string text, ReadOnlySpan<Token> tokens, int from, Dictionary<int, (DocumentEntity Entity, int Last)> mentions)
    {
        // Past the closing mark and a comma inside or after it.
        while (from < tokens.Length && text.AsSpan(tokens[from].Start, tokens[from].Length) is "\u201D" or "\"" or "\u00BB" or "\u2019" or "," or "\u201C")
        {
            from++;
        }

        int stop = Math.Min(tokens.Length, from + CueWindow);
        for (int t = from; t < stop; t++)
        {
            ReadOnlySpan<char> word = text.AsSpan(tokens[t].Start, tokens[t].Length);
            if (word is "." or "?" or "!" or "\u201C" or "\"" || (t > from && text.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).Contains('\n')))
            {
                break;
            }

            if (!CueVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                continue;
            }

            // The speaker: a mention between the quotation and the cue (," X said), else right after the cue (," said X).
            for (int k = t - 1; k >= from; k--)
            {
                // Not a place named after a preposition (a volunteer in Hatay said): that is not the speaker.
                if (mentions.TryGetValue(k, out var m) && m.Last < t
                    && !(k > from && Prepositions.Contains(text.Substring(tokens[k - 1].Start, tokens[k - 1].Length))))
                {
                    return (m.Entity.Id, tokens[t].Start, tokens[t].End);
                }
            }

            for (int k = t + 1; k < Math.Min(tokens.Length, t + 5); k++)
            {
                if (mentions.TryGetValue(k, out var m))
                {
                    return (m.Entity.Id, tokens[t].Start, tokens[t].End);
                }
            }

            return (null, tokens[t].Start, tokens[t].End);
        }

        return (null, -1, -1);
    }

    /// <summary><c>X said: "</c>, <c>X told reporters that "</c>, <c>according to X, "</c>: a cue in the same sentence before the quotation, and the mention before it.</summary>
    private static (string? Speaker, int CueStart, int CueEnd) Before(string text, ReadOnlySpan<Token> tokens, int from, Dictionary<int, (DocumentEntity Entity, int Last)> mentions)
    {
        int stop = Math.Max(0, from - 2 * CueWindow);
        for (int t = from; t >= stop; t--)
        {
            ReadOnlySpan<char> word = text.AsSpan(tokens[t].Start, tokens[t].Length);
            if (word is "." or "?" or "!" or "\u201D" || (t < from && text.AsSpan(tokens[t].End, tokens[t + 1].Start - tokens[t].End).Contains('\n')))
            {
                break;
            }

            bool according = word.Equals("according", StringComparison.OrdinalIgnoreCase) && t + 1 < tokens.Length
                && text.AsSpan(tokens[t + 1].Start, tokens[t + 1].Length).Equals("to", StringComparison.OrdinalIgnoreCase);
            if (according)
            {
                for (int k = t + 2; k <= from; k++)
                {
                    if (mentions.TryGetValue(k, out var m))
                    {
                        return (m.Entity.Id, tokens[t].Start, tokens[t + 1].End);
                    }
                }

                continue;
            }

            if (!CueVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                continue;
            }

            for (int k = t - 1; k >= Math.Max(0, t - CueWindow); k--)
            {
                if (mentions.TryGetValue(k, out var m))
                {
                    return (m.Entity.Id, tokens[t].Start, tokens[t].End);
                }
            }

            return (null, tokens[t].Start, tokens[t].End);
        }

        return (null, -1, -1);
    }

    private static int CountWords(ReadOnlySpan<Token> tokens, int first, int last)
    {
        int words = 0;
        for (int t = first; t <= last; t++)
        {
            words += tokens[t].Kind == TokenKind.Word ? 1 : 0;
        }

        return words;
    }

    /// <summary>The token that contains or follows an offset, or -1.</summary>
    private static int TokenAt(ReadOnlySpan<Token> tokens, int offset)
    {
        int index = TokenSearch.FirstEndingAfter(tokens, offset);
        return index < tokens.Length ? index : -1;
    }
}
