using System.Text.Json;
using NewsNlp.Tokenization;

namespace NewsNlp.Cli.Training;

/// <summary>
/// The project's own annotated sentences as entity training and dev data: every JSON line of
/// tools/relations/annotated/*.jsonl and tools/ner/annotated/*.jsonl (tools/ner/FORMAT.md), tokenized by the library's
/// tokenizer, with gold spans as IOB2 tags in the model's labels (WORK_OF_ART, LAW, LANGUAGE and the numeric labels
/// are O: the model does not tag them). The fifth, tenth, ... sentence of each file is dev, the others train.
/// </summary>
internal static class OwnEntities
{
    /// <summary>The folders of annotated sentences above the working directory (relations first, then entities), those that exist.</summary>
    public static List<string> Folders() =>
        [.. ((string[])["relations", "ner"]).Select(kind => Evaluation.DataLocator.Above(Path.Combine("tools", kind, "annotated"))).OfType<string>()];

    /// <summary>The sentences of a split (<c>train</c>, <c>dev</c> or <c>all</c>) of every file in <paramref name="folders"/>.</summary>
    public static List<GmbSentence> Read(IEnumerable<string> folders, string split, HashSet<string> labels)
    {
        if (split is not ("train" or "dev" or "all"))
        {
            throw new ArgumentException($"unknown split '{split}': use train, dev or all.", nameof(split));
        }

        var lines = new List<(string File, string Line, bool Dev)>();
        foreach (string file in folders.SelectMany(f => Directory.GetFiles(f, "*.jsonl").Order(StringComparer.Ordinal)))
        {
            int n = 0;
            foreach (string line in File.ReadLines(file))
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    lines.Add((file, line, n++ % 5 == 4));
                }
            }
        }

        // Different writers sometimes told the same fact in nearly the same words: a train sentence that repeats a dev
        // sentence (half or more of their words shared) stays out of training, so that dev measures unseen text.
        HashSet<string>[]? devWords = split == "train" ? [.. lines.Where(l => l.Dev).Select(l => Words(l.Line))] : null;
        var result = new List<GmbSentence>();
        foreach (var (file, line, dev) in lines)
        {
            if (split != "all" && dev != (split == "dev"))
            {
                continue;
            }

            if (devWords is not null && RepeatsAny(Words(line), devWords))
            {
                continue;
            }

            result.Add(Parse(file, line, labels));
        }

        return result;
    }

    /// <summary>The lower-cased words of a sentence's text.</summary>
    internal static HashSet<string> Words(string jsonLine)
    {
        using var json = JsonDocument.Parse(jsonLine);
        string text = json.RootElement.GetProperty("text").GetString() ?? "";
        return [.. text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant())];
    }

    /// <summary>Whether a sentence shares half or more of its words (Jaccard) with any of <paramref name="others"/>.</summary>
    internal static bool RepeatsAny(HashSet<string> words, IEnumerable<HashSet<string>> others)
    {
        foreach (HashSet<string> other in others)
        {
            int shared = words.Count(other.Contains);
            if (shared * 2 >= words.Count + other.Count - shared && shared > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] Separators = [' ', ',', '.', ';', ':', '"', '(', ')', '\'', '\u2019', '\u201C', '\u201D', '-', '?', '!'];

    private static GmbSentence Parse(string file, string line, HashSet<string> labels)
    {
        using var json = JsonDocument.Parse(line);
        JsonElement root = json.RootElement;
        string text = root.GetProperty("text").GetString() ?? "";
        Token[] tokens = [.. Tokenizer.Default.Tokenize(text)];
        string[] tags = new string[tokens.Length];
        Array.Fill(tags, "O");
        foreach (JsonElement e in root.GetProperty("entities").EnumerateArray())
        {
            string surface = e.GetProperty("text").GetString() ?? "";
            string label = e.GetProperty("label").GetString() ?? "";
            int occurrence = e.TryGetProperty("occurrence", out JsonElement o) ? o.GetInt32() : 1;
            int at = -1;
            for (int k = 0; k < occurrence && (k == 0 || at >= 0); k++)
            {
                at = text.IndexOf(surface, at + 1, StringComparison.Ordinal);
            }

            if (at < 0)
            {
                throw new InvalidDataException($"{file}: {root.GetProperty("id").GetString()}: entity '{surface}' not found.");
            }

            if (!labels.Contains(label))
            {
                continue;
            }

            // The tokens inside the span; a span that cuts a token (a name inside "Lagos-based") is left out.
            int first = Array.FindIndex(tokens, t => t.Start == at);
            int last = Array.FindIndex(tokens, t => t.End == at + surface.Length);
            if (first < 0 || last < first || tags.AsSpan(first, last - first + 1).ContainsAnyExcept("O"))
            {
                continue;
            }

            for (int i = first; i <= last; i++)
            {
                tags[i] = (i == first ? "B-" : "I-") + label;
            }
        }

        return new GmbSentence([.. tokens.Select(t => text[t.Range])], tags);
    }
}
