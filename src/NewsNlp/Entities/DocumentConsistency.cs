using NewsNlp.Tokenization;

namespace NewsNlp.Entities;

/// <summary>
/// One label per name within a document. A sentence-level tagger labels <c>Merkel</c> a person in one sentence and an
/// organisation in another; a reader does not. After tagging: (1) every name votes for its label, and each part of a
/// person's full name (<c>Angela</c> and <c>Merkel</c> of <c>Angela Merkel</c>) votes PERSON; a mention whose text has a
/// stronger vote for another label is relabelled; (2) a capitalised token left untagged that is a part of a person's
/// full name in the document becomes a PERSON mention, and one that is a one-word organisation, place or nationality
/// named elsewhere in the document (not at a sentence start) takes that label.
/// </summary>
internal static class DocumentConsistency
{
    private static readonly EntityLabel[] NameLabels = [EntityLabel.Person, EntityLabel.Org, EntityLabel.Gpe, EntityLabel.Loc, EntityLabel.Norp];

    /// <summary>Applies both rules to the mentions from index <paramref name="from"/>; new mentions only inside <paramref name="sentences"/>.</summary>
    public static void Apply(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, List<EntityMention> mentions, int from)
    {
        var votes = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var personParts = new HashSet<string>(StringComparer.Ordinal);
        for (int m = from; m < mentions.Count; m++)
        {
            EntityMention mention = mentions[m];
            int label = Array.IndexOf(NameLabels, mention.Label);
            if (label < 0)
            {
                continue;
            }

            Votes(votes, Key(text, tokens, mention))[label] += 1 + mention.Confidence;
            if (mention.Label == EntityLabel.Person && mention.TokenCount > 1)
            {
                for (int t = mention.FirstToken; t < mention.FirstToken + mention.TokenCount; t++)
                {
                    ReadOnlySpan<char> part = tokens[t].GetText(text);
                    if (part.Length > 1 && char.IsUpper(part[0]) && tokens[t].Kind == TokenKind.Word)
                    {
                        string key = part.ToString();
                        personParts.Add(key);
                        Votes(votes, key)[0] += 3f;
                    }
                }
            }
        }

        if (votes.Count == 0)
        {
            return;
        }

        var covered = new bool[tokens.Length];
        for (int m = from; m < mentions.Count; m++)
        {
            EntityMention mention = mentions[m];
            covered.AsSpan(mention.FirstToken, mention.TokenCount).Fill(true);
            int own = Array.IndexOf(NameLabels, mention.Label);
            if (own < 0 || !votes.TryGetValue(Key(text, tokens, mention), out float[]? v))
            {
                continue;
            }

            int best = own;
            for (int l = 0; l < v.Length; l++)
            {
                if (v[l] > v[best])
                {
                    best = l;
                }
            }

            if (best != own)
            {
                mention = mention with { Label = NameLabels[best], Confidence = mention.Confidence * 0.9f };
                while (mention.Label == EntityLabel.Person && mention.TokenCount > 1 && Titles.IsTitle(tokens[mention.FirstToken].GetText(text)))
                {
                    Token next = tokens[mention.FirstToken + 1];
                    mention = mention with { Start = next.Start, Length = mention.End - next.Start, FirstToken = mention.FirstToken + 1, TokenCount = mention.TokenCount - 1 };
                }

                mentions[m] = mention;
            }
        }

        int added = mentions.Count;
        foreach (Sentence sentence in sentences)
        {
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                if (covered[t] || tokens[t].Kind != TokenKind.Word)
                {
                    continue;
                }

                ReadOnlySpan<char> word = tokens[t].GetText(text);
                if (word.Length < 2 || !char.IsUpper(word[0]) || !votes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out float[]? v))
                {
                    continue;
                }

                string key = word.ToString();
                if (personParts.Contains(key) && IsPersonVote(v))
                {
                    mentions.Add(new EntityMention(tokens[t].Start, tokens[t].Length, t, 1, EntityLabel.Person, 0.6f));
                }
                else if (t > sentence.FirstToken && Best(v) is int label and > 0)
                {
                    // A one-word organisation or place tagged elsewhere in the document (IndiGo, Kharkiv) is one here too,
                    // except at the start of a sentence, where any word is capitalised.
                    mentions.Add(new EntityMention(tokens[t].Start, tokens[t].Length, t, 1, NameLabels[label], 0.5f));
                }
            }
        }

        if (mentions.Count > added)
        {
            mentions.Sort(from, mentions.Count - from, EntityMention.ByStart);
        }
    }

    /// <summary>The label with the most votes, or -1 when none has any.</summary>
    private static int Best(float[] v)
    {
        int best = -1;
        for (int l = 0; l < v.Length; l++)
        {
            if (v[l] > 0 && (best < 0 || v[l] > v[best]))
            {
                best = l;
            }
        }

        return best;
    }

    private static bool IsPersonVote(float[] v)
    {
        for (int l = 1; l < v.Length; l++)
        {
            if (v[l] >= v[0])
            {
                return false;
            }
        }

        return true;
    }

    private static float[] Votes(Dictionary<string, float[]> votes, string key)
    {
        if (!votes.TryGetValue(key, out float[]? v))
        {
            votes[key] = v = new float[NameLabels.Length];
        }

        return v;
    }

    /// <summary>The mention's tokens joined by spaces, without leading titles (<c>Mrs Merkel</c> votes as <c>Merkel</c>).</summary>
    private static string Key(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, EntityMention m)
    {
        while (m.TokenCount > 1 && Titles.IsTitle(tokens[m.FirstToken].GetText(text)))
        {
            m = m with { FirstToken = m.FirstToken + 1, TokenCount = m.TokenCount - 1 };
        }

        if (m.TokenCount == 1)
        {
            return tokens[m.FirstToken].GetText(text).ToString();
        }

        var parts = new string[m.TokenCount];
        for (int i = 0; i < m.TokenCount; i++)
        {
            parts[i] = tokens[m.FirstToken + i].GetText(text).ToString();
        }

        return string.Join(' ', parts);
    }
}
