using NewsNlp.Cli.Evaluation;
using NewsNlp.Entities;

namespace NewsNlp.Cli.Training;

/// <summary>
/// GUM's written genres other than news and interviews (biographies, travel guides, how-to guides, academic text,
/// textbooks, essays, letters, speeches, fiction, court text) as entity training data, read from coref_conll (tokens and
/// typed entity brackets; no sentence breaks, no parts of speech). Without parts of speech, a person, organisation or
/// place mention counts as a name when, after a leading article, every word is capitalised (function words such as
/// <c>of</c> allowed inside) and it is not a pronoun; leading titles are dropped (<c>Dr. Bailey</c> -> <c>Bailey</c>).
/// Only official train documents (not dev, test or test2).
/// </summary>
internal static class GumGenres
{
    private static readonly HashSet<string> Genres = ["bio", "voyage", "whow", "academic", "textbook", "essay", "letter", "speech", "fiction", "court"];

    private static readonly HashSet<string> Inner = new(StringComparer.Ordinal) { "of", "and", "de", "du", "la", "le", "von", "van", "der", "da", "al", "el", "for", "the", "&", "-", "'s" };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "he", "she", "it", "we", "they", "you", "him", "her", "us", "them", "me", "his", "its", "their", "our", "my", "your",
        "this", "that", "these", "those", "who", "which", "there", "here", "one", "someone", "everyone", "mom", "dad", "god",
    };

    public static List<GmbSentence> Read(string data)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (string split in (string[])["dev", "test", "test2"])
        {
            held.UnionWith(GumCorpus.SplitNames(data, split));
        }

        var result = new List<GmbSentence>();
        foreach (string file in Directory.GetFiles(Path.Combine(GumCorpus.Folder(data), "coref_conll"), "GUM_*.conll").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(file);
            if (held.Contains(name) || !Genres.Contains(name.Split('_')[1]))
            {
                continue;
            }

            var words = new List<string>();
            var mentions = new List<(int Start, int End, string Type)>();
            var open = new Dictionary<string, Stack<int>>(StringComparer.Ordinal);
            foreach (string line in File.ReadLines(file))
            {
                string[] cols = line.Split('\t');
                if (cols.Length < 3 || line.StartsWith('#'))
                {
                    continue;
                }

                int i = words.Count;
                words.Add(cols[1]);
                Brackets(cols[2], i, open, mentions);
            }

            var tags = new string[words.Count];
            Array.Fill(tags, "O");
            foreach (var (start, end, type) in mentions.OrderByDescending(m => m.End - m.Start).ThenBy(m => m.Start))
            {
                string? label = type switch { "person" => "PERSON", "organization" => "ORG", "place" => "GPE", _ => null };
                int a = start, b = end;
                while (a < b && words[a] is "the" or "The" or "a" or "A" or "an" or "An")
                {
                    a++;
                }

                while (a < b - 1 && Titles.IsTitle(words[a]))
                {
                    a++;
                }

                if (b > a && words[b - 1] == "'s")
                {
                    b--;
                }

                if (label is null || a >= b || !IsName(words, a, b) || tags.AsSpan(start, end - start).ContainsAnyExcept("O"))
                {
                    continue;
                }

                if (label == "GPE")
                {
                    label = PlaceNames.Label(string.Join(' ', words.Skip(a).Take(b - a)));
                }

                for (int k = a; k < b; k++)
                {
                    tags[k] = (k == a ? "B-" : "I-") + label;
                }
            }

            // Sentences: break after . ? ! when the next word starts with a capital letter or a quote.
            int first = 0;
            for (int k = 0; k < words.Count; k++)
            {
                bool end = k == words.Count - 1
                    || (words[k] is "." or "?" or "!" && (char.IsUpper(words[k + 1][0]) || words[k + 1] is "\"" or "'"));
                if (end)
                {
                    result.Add(new GmbSentence([.. words.Skip(first).Take(k + 1 - first)], tags[first..(k + 1)]));
                    first = k + 1;
                }
            }
        }

        return result;
    }

    internal static bool IsName(List<string> words, int a, int b)
    {
        if (b - a == 1 && Pronouns.Contains(words[a]))
        {
            return false;
        }

        if (!char.IsUpper(words[a][0]) || !char.IsUpper(words[b - 1][0]))
        {
            return false;
        }

        for (int k = a; k < b; k++)
        {
            if (!char.IsUpper(words[k][0]) && !Inner.Contains(words[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Opens and closes the mentions of one token's bracket column (<c>(person-3-Lord_Byron</c>, <c>person-3)</c>, <c>(place-5)</c>).</summary>
    private static void Brackets(string column, int token, Dictionary<string, Stack<int>> open, List<(int, int, string)> mentions)
    {
        if (column == "_")
        {
            return;
        }

        int i = 0;
        while (i < column.Length)
        {
            bool opens = column[i] == '(';
            int j = opens ? i + 1 : i;
            int k = j;
            while (k < column.Length && column[k] is not ('(' or ')'))
            {
                k++;
            }

            string id = column[j..k];
            bool closes = k < column.Length && column[k] == ')';
            string key = string.Join('-', id.Split('-').Take(2));
            string type = id.Split('-')[0];
            if (opens && closes)
            {
                mentions.Add((token, token + 1, type));
                i = k + 1;
            }
            else if (opens)
            {
                if (!open.TryGetValue(key, out Stack<int>? stack))
                {
                    open[key] = stack = new Stack<int>();
                }

                stack.Push(token);
                i = k;
            }
            else if (closes)
            {
                if (open.TryGetValue(key, out Stack<int>? stack) && stack.Count > 0)
                {
                    mentions.Add((stack.Pop(), token + 1, type));
                }

                i = k + 1;
            }
            else
            {
                i = k;
            }
        }
    }
}
