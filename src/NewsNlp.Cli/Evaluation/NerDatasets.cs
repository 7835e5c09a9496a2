using NewsNlp.Cli.Training;

namespace NewsNlp.Cli.Evaluation;

/// <summary>A sentence with gold IOB2 tags in OntoNotes labels, and the part of its corpus it comes from.</summary>
/// <param name="Heads">Where the corpus has them (GUM): for each token of a gold span the index of the span's syntactic head, else -1.</param>
internal sealed record LabeledSentence(string[] Words, string[] Tags, string Part, int[]? Heads = null);

/// <summary>
/// Readers of the NER test sets, mapped to our labels. UNER and WikiGold (CoNLL style) merge GPE and LOC into LOC:
/// for them our GPE, LOC and FAC predictions are scored as LOC, NORP is dropped, and MISC is not scored.
/// </summary>
internal static class NerDatasets
{
    /// <summary>Labels compared on the CoNLL-style sets.</summary>
    public static readonly string[] ConllLabels = ["PERSON", "ORG", "LOC"];

    /// <summary>UNER English PUD (IOB2, columns id word tag ...): sentence ids starting with n are news, w Wikipedia.</summary>
    public static List<LabeledSentence> ReadUner(string path)
    {
        var result = new List<LabeledSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        string part = "";
        foreach (string line in File.ReadLines(path).Append(""))
        {
            if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
            {
                part = line["# sent_id = ".Length..].StartsWith('n') ? "news" : "wiki";
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    result.Add(new LabeledSentence([.. words], [.. tags.Select(MapConll)], part));
                    words.Clear();
                    tags.Clear();
                }

                continue;
            }

            string[] cols = line.Split('\t');
            words.Add(cols[1]);
            tags.Add(cols[2]);
        }

        return result;
    }

    /// <summary>A CoNLL file (word first, tag last on each line; blank lines between sentences; IOB1 or IOB2).</summary>
    public static List<LabeledSentence> ReadConll(string path, string part)
    {
        var result = new List<LabeledSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        foreach (string raw in File.ReadLines(path).Append(""))
        {
            string line = raw.Trim();
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    result.Add(new LabeledSentence([.. words], ToIob2(tags.Select(MapConll).ToList()), part));
                    words.Clear();
                    tags.Clear();
                }

                continue;
            }

            string[] cols = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            words.Add(cols[0]);
            tags.Add(cols[^1]);
        }

        return result;
    }

    /// <summary>
    /// GUM news and interview documents of a split as sentences with gold IOB2 tags and span heads (part: <c>news</c> or
    /// <c>interview</c>). Gold = named mentions (head PROPN, see <see cref="GumEntities"/>) of type person -> PERSON,
    /// organization -> ORG, place -> LOC, with GUM's full mention span (determiner, title, apposition, relative clause
    /// included); other types are O. Nested mentions: a token keeps the outermost of these mentions (longest first, then
    /// the earlier); a mention overlapping one already kept is dropped.
    /// </summary>
    public static List<LabeledSentence> ReadGum(string data, string split)
    {
        var result = new List<LabeledSentence>();
        foreach (GumEntityDocument doc in GumEntities.Read(data, split))
        {
            var (tags, heads) = GumTags(doc);
            string part = doc.Name.StartsWith("GUM_news_", StringComparison.Ordinal) ? "news" : "interview";
            foreach (var (first, end) in doc.Sentences)
            {
                result.Add(new LabeledSentence(
                    doc.Tokens.Skip(first).Take(end - first).Select(t => t.Text).ToArray(),
                    tags[first..end],
                    part,
                    heads[first..end].Select(h => h < 0 ? -1 : h - first).ToArray()));
            }
        }

        return result;
    }

    /// <summary>The label a GUM entity type is scored as, or null when it is not scored.</summary>
    public static string? GumLabel(string type) => type switch
    {
        "person" => "PERSON",
        "organization" => "ORG",
        "place" => "LOC",
        _ => null,
    };

    /// <summary>Document-wide IOB2 tags of the outermost named person, organization and place mentions, and each tagged token's span head.</summary>
    public static (string[] Tags, int[] Heads) GumTags(GumEntityDocument doc)
    {
        var tags = new string[doc.Tokens.Count];
        var heads = new int[doc.Tokens.Count];
        Array.Fill(tags, "O");
        Array.Fill(heads, -1);
        var named = doc.Mentions
            .Where(m => m.IsNamed && GumLabel(m.Type) is not null)
            .OrderByDescending(m => m.EndToken - m.FirstToken)
            .ThenBy(m => m.FirstToken);
        foreach (GumMention m in named)
        {
            if (tags.AsSpan(m.FirstToken, m.EndToken - m.FirstToken).ContainsAnyExcept("O"))
            {
                continue;
            }

            string label = GumLabel(m.Type)!;
            for (int i = m.FirstToken; i < m.EndToken; i++)
            {
                tags[i] = (i == m.FirstToken ? "B-" : "I-") + label;
                heads[i] = m.HeadToken;
            }
        }

        return (tags, heads);
    }

    /// <summary>
    /// Head-match scoring as exact scoring: each gold span for which a predicted span of its label contains its head
    /// token and lies inside it is replaced by that predicted span (one prediction per gold span); other gold spans
    /// stay. Scoring the result against <paramref name="predicted"/> counts a name found with the right label inside
    /// GUM's larger mention span (<c>the [United States]</c>, <c>[Mark Tedeschi] , QC</c>) as correct.
    /// </summary>
    public static string[] RelaxToHeads(IReadOnlyList<string> gold, IReadOnlyList<int> heads, IReadOnlyList<string> predicted)
    {
        string[] result = [.. gold];
        var found = SpanScore.Spans(predicted).ToList();
        foreach (var (start, end, label) in SpanScore.Spans(gold))
        {
            int head = heads[start];
            int match = found.FindIndex(p => p.Label == label && p.Start >= start && p.End <= end && p.Start <= head && head < p.End);
            if (match < 0)
            {
                continue;
            }

            var p = found[match];
            found.RemoveAt(match);
            for (int i = start; i < end; i++)
            {
                result[i] = i < p.Start || i >= p.End ? "O" : (i == p.Start ? "B-" : "I-") + label;
            }
        }

        return result;
    }

    /// <summary>Rewrites predicted tags for CoNLL-style scoring: GPE, LOC, FAC -> LOC; PERSON, ORG kept; others O.</summary>
    public static string[] CollapseToConll(IReadOnlyList<string> tags)
    {
        var result = new string[tags.Count];
        for (int i = 0; i < tags.Count; i++)
        {
            string t = tags[i];
            string label = t.Length > 2 ? t[2..] : "";
            result[i] = label switch
            {
                "PERSON" or "ORG" => t,
                "GPE" or "LOC" or "FAC" => t[..2] + "LOC",
                _ => "O",
            };
        }

        return result;
    }

    private static string MapConll(string tag)
    {
        if (tag.Length < 3)
        {
            return "O";
        }

        string prefix = tag[..2];
        return tag[2..] switch
        {
            "PER" or "PERSON" => prefix + "PERSON",
            "ORG" => prefix + "ORG",
            "LOC" or "GPE" => prefix + "LOC",
            _ => "O",
        };
    }

    /// <summary>Converts IOB1 (B- only between two adjacent spans of one label) to IOB2; IOB2 passes unchanged.</summary>
    private static string[] ToIob2(List<string> tags)
    {
        var result = tags.ToArray();
        for (int i = 0; i < result.Length; i++)
        {
            if (result[i].StartsWith("I-", StringComparison.Ordinal) && (i == 0 || result[i - 1] == "O" || result[i - 1][2..] != result[i][2..]))
            {
                result[i] = "B-" + result[i][2..];
            }
        }

        return result;
    }
}
