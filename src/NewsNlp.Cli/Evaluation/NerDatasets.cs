using NewsNlp.Cli.Training;

namespace NewsNlp.Cli.Evaluation;

/// <summary>A sentence with gold IOB2 tags in OntoNotes labels, and the part of its corpus it comes from.</summary>
internal sealed record LabeledSentence(string[] Words, string[] Tags, string Part);

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

    /// <summary>GMB sentences of a split, in our labels.</summary>
    public static List<LabeledSentence> ReadGmb(string data, string split) =>
        GmbCorpus.Read(data, split).Select(s => new LabeledSentence(s.Words, s.Tags, "gmb")).ToList();

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
