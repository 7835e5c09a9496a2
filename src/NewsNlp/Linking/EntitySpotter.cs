using System.Collections.Frozen;
using NewsNlp.Entities;
using NewsNlp.Tokenization;

namespace NewsNlp.Linking;

/// <summary>
/// Finds names of the knowledge base that the statistical tagger missed: the longest alias (up to six tokens) at each
/// capitalised token that no mention covers. Careful by design: a person only by a name of two words or more; one
/// word only for countries, territories and organisations (and at the start of a sentence only for countries and
/// acronyms of three letters or more); inner words capitalised or short function words.
/// </summary>
internal sealed class EntitySpotter
{
    private const int MaxTokens = 6;

    private static readonly FrozenSet<string> InnerWords = FrozenSet.ToFrozenSet(
        ["of", "the", "and", "for", "de", "du", "des", "la", "le", "al", "el", "bin", "van", "von", "der", "den", "da", "do", "dos", "y", "&", "-", "'s", ".", "on", "in"],
        StringComparer.OrdinalIgnoreCase);

    private readonly KnowledgeBase _kb;
    private readonly FrozenSet<string> _firstWords;

    public EntitySpotter(KnowledgeBase kb)
    {
        _kb = kb;
        // The first words of the knowledge base's folded names (folded once, by the knowledge base's index).
        _firstWords = kb.Keys.Select(key => key.IndexOf(' ', StringComparison.Ordinal) is int space and > 0 ? key[..space] : key).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Adds mentions of knowledge-base names in <paramref name="sentences"/> that overlap none in <paramref name="mentions"/>; keeps the list sorted.</summary>
    public void Spot(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, List<EntityMention> mentions, CancellationToken cancellationToken)
    {
        var covered = new bool[tokens.Length];
        foreach (EntityMention m in mentions)
        {
            covered.AsSpan(m.FirstToken, Math.Min(m.TokenCount, tokens.Length - m.FirstToken)).Fill(true);
        }

        int before = mentions.Count;
        foreach (Sentence sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = sentence.FirstToken + sentence.TokenCount;
            for (int i = sentence.FirstToken; i < end; i++)
            {
                if (covered[i] || !StartsUpper(text, tokens[i]))
                {
                    continue;
                }

                string firstKey = NameKey.Fold(text.AsSpan(tokens[i].Start, tokens[i].Length));
                if (!_firstWords.Contains(firstKey))
                {
                    continue;
                }

                for (int j = Math.Min(end, i + MaxTokens) - 1; j >= i; j--)
                {
                    if (!Acceptable(text, tokens, covered, i, j))
                    {
                        continue;
                    }

                    string key = j == i ? firstKey : NameKey.Fold(text.AsSpan(tokens[i].Start, tokens[j].Start + tokens[j].Length - tokens[i].Start));
                    KbEntity? entry = Pick(_kb.FindIndices(key), single: j == i, sentenceStart: i == sentence.FirstToken, text.AsSpan(tokens[i].Start, tokens[i].Length));
                    if (entry is null)
                    {
                        continue;
                    }

                    int start = tokens[i].Start;
                    mentions.Add(new EntityMention(start, tokens[j].Start + tokens[j].Length - start, i, j - i + 1, entry.Label, 0.7f));
                    covered.AsSpan(i, j - i + 1).Fill(true);
                    i = j;
                    break;
                }
            }
        }

        if (mentions.Count > before)
        {
            mentions.Sort(EntityMention.ByStart);
        }
    }

    private static bool StartsUpper(string text, Token t) => t.Kind is TokenKind.Word or TokenKind.Abbreviation && char.IsUpper(text[t.Start]);

    /// <summary>A span of free tokens whose first and last words are capitalised and whose inner words are too, or are function words.</summary>
    private static bool Acceptable(string text, ReadOnlySpan<Token> tokens, bool[] covered, int i, int j)
    {
        if (!StartsUpper(text, tokens[j]))
        {
            return false;
        }

        for (int k = i; k <= j; k++)
        {
            if (covered[k])
            {
                return false;
            }

            if (k > i && k < j && !StartsUpper(text, tokens[k]) && !InnerWords.Contains(text.Substring(tokens[k].Start, tokens[k].Length)))
            {
                return false;
            }
        }

        return true;
    }

    private KbEntity? Pick(ReadOnlySpan<int> ids, bool single, bool sentenceStart, ReadOnlySpan<char> word)
    {
        KbEntity? best = null;
        foreach (int id in ids)
        {
            KbEntity e = _kb[id];
            bool country = e.Type is "country" or "territory";
            if (single)
            {
                bool acronym = word.Length >= 3 && !word.ContainsAnyInRange('a', 'z');
                if (e.Label == EntityLabel.Person || (!country && e.Label != EntityLabel.Org) || (sentenceStart && !country && !acronym) || word.Length < 3)
                {
                    continue;
                }
            }

            // Countries first, then organisations, then the most populous place.
            if (best is null || Rank(e) > Rank(best))
            {
                best = e;
            }
        }

        return best;

        static double Rank(KbEntity e) => (e.Type is "country" or "territory" ? 1e12 : 0) + (e.Label == EntityLabel.Org ? 1e11 : 0) + (e.Population ?? 0);
    }
}
