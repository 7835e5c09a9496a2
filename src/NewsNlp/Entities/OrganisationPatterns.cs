using System.Collections.Frozen;
using NewsNlp.Tokenization;

namespace NewsNlp.Entities;

/// <summary>
/// Names that news introduces as organisations: an apposition (<c>Zarnitsa, a company that ...</c>,
/// <c>Brenvik Trading, a small Cypriot firm</c>) or a description before the name (<c>the Turkish company Velmora</c>,
/// <c>defence firm Rheinmetall</c>). A capitalised name there that no mention covers becomes ORG, and so does a mention of
/// exactly that name that the model labelled PERSON, GPE, LOC or NORP.
/// </summary>
internal static class OrganisationPatterns
{
    private const int MaxNameTokens = 4;
    private const int MaxModifiers = 3;

    private static readonly FrozenSet<string> Nouns = FrozenSet.ToFrozenSet(
        ["company", "firm", "manufacturer", "maker", "producer", "supplier", "exporter", "importer", "contractor", "conglomerate",
         "corporation", "startup", "start-up", "subsidiary", "bank", "carrier", "airline", "retailer", "distributor", "developer",
         "group", "agency", "organisation", "organization", "charity", "newspaper", "broadcaster", "publisher", "outlet", "operator"],
        StringComparer.OrdinalIgnoreCase);

    public static void Apply(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, List<EntityMention> mentions, int before)
    {
        var covered = new HashSet<int>();
        var byFirstToken = new Dictionary<int, int>();
        for (int i = before; i < mentions.Count; i++)
        {
            byFirstToken.TryAdd(mentions[i].FirstToken, i);
            for (int t = mentions[i].FirstToken; t < mentions[i].FirstToken + mentions[i].TokenCount; t++)
            {
                covered.Add(t);
            }
        }

        int added = 0;
        foreach (Sentence s in sentences)
        {
            int end = s.FirstToken + s.TokenCount;
            for (int t = s.FirstToken; t < end; t++)
            {
                // A name the model labelled as a person or a place, introduced as an organisation: relabelled.
                if (byFirstToken.TryGetValue(t, out int index) && mentions[index].Label is EntityLabel.Person or EntityLabel.Gpe or EntityLabel.Loc or EntityLabel.Norp)
                {
                    EntityMention m = mentions[index];
                    int after = m.FirstToken + m.TokenCount;
                    bool apposition = after + 2 < end && tokens[after].GetText(text) is "," && tokens[after + 1].GetText(text) is "a" or "an" && NounWithin(text, tokens, after + 2, end);
                    bool described = t > s.FirstToken && Nouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[t - 1].GetText(text)) && char.IsLower(tokens[t - 1].GetText(text)[0]);
                    if (apposition || described)
                    {
                        mentions[index] = m with { Label = EntityLabel.Org };
                        t = after - 1;
                        continue;
                    }
                }

                // Apposition: Name , a|an [up to three words] noun
                if (IsName(text, tokens[t]) && !covered.Contains(t))
                {
                    int last = t;
                    while (last + 1 < end && last + 1 - t < MaxNameTokens && IsName(text, tokens[last + 1]) && !covered.Contains(last + 1))
                    {
                        last++;
                    }

                    int k = last + 1;
                    if (k + 2 < end && tokens[k].GetText(text) is "," && tokens[k + 1].GetText(text) is "a" or "an" && NounWithin(text, tokens, k + 2, end)
                        && !(t == s.FirstToken && last == t && IsCommonAtStart(text, tokens[t])))
                    {
                        Add(tokens, t, last, mentions, covered);
                        added++;
                        t = last;
                        continue;
                    }
                }

                // Description before the name: [the] [modifiers] noun Name
                if (Nouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[t].GetText(text)) && char.IsLower(tokens[t].GetText(text)[0])
                    && t + 1 < end && IsName(text, tokens[t + 1]) && !covered.Contains(t + 1))
                {
                    int last = t + 1;
                    while (last + 1 < end && last + 1 - t <= MaxNameTokens && IsName(text, tokens[last + 1]) && !covered.Contains(last + 1))
                    {
                        last++;
                    }

                    Add(tokens, t + 1, last, mentions, covered);
                    added++;
                    t = last;
                }
            }
        }

        if (added > 0)
        {
            mentions.Sort(before, mentions.Count - before, EntityMention.ByStart);
        }
    }

    private static void Add(ReadOnlySpan<Token> tokens, int a, int b, List<EntityMention> mentions, HashSet<int> covered)
    {
        mentions.Add(new EntityMention(tokens[a].Start, tokens[b].End - tokens[a].Start, a, b - a + 1, EntityLabel.Org, 0.7f));
        for (int t = a; t <= b; t++)
        {
            covered.Add(t);
        }
    }

    /// <summary>The organisation noun within the next few words (a Russian arms company), before any punctuation.</summary>
    private static bool NounWithin(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int from, int end)
    {
        for (int t = from; t < end && t - from <= MaxModifiers; t++)
        {
            if (tokens[t].Kind != TokenKind.Word)
            {
                return false;
            }

            if (Nouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[t].GetText(text)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsName(ReadOnlySpan<char> text, Token t) => t.Kind == TokenKind.Word && t.Length >= 2 && char.IsUpper(text[t.Start]);

    /// <summary>A capitalised sentence-initial word that is also an ordinary word: too weak a sign of a name.</summary>
    private static bool IsCommonAtStart(ReadOnlySpan<char> text, Token t) => t.GetText(text) is "This" or "That" or "It" or "He" or "She" or "They" or "There" or "Here" or "One" or "Another" or "Then";
}
