using System.Text;

namespace NewsNlp.Cli.Evaluation;

/// <summary>A GUM document rebuilt as running text from its CoNLL-U file, with the gold sentence spans.</summary>
internal sealed record GumDocument(string Name, string Text, IReadOnlyList<(int Start, int End)> Sentences);

/// <summary>How paragraphs are laid out when GUM documents are rebuilt as text.</summary>
internal enum GumLayout
{
    /// <summary>Paragraphs separated by a blank line.</summary>
    BlankLine,

    /// <summary>One paragraph per line.</summary>
    LinePerParagraph,

    /// <summary>All sentences on one line: no layout to help.</summary>
    SingleLine,
}

/// <summary>Reads GUM (../shared/data/gum): its official splits and the CoNLL-U files of the news and interview documents.</summary>
internal static class GumCorpus
{
    public static string Folder(string data) => Path.Combine(data, "gum");

    /// <summary>The document names of a split (<c>dev</c>, <c>test</c>, <c>train</c>: every document in neither).</summary>
    public static IReadOnlyList<string> Split(string data, string split, string conlluFolder = "dep_news_interview")
    {
        string dir = Path.Combine(Folder(data), conlluFolder);
        var all = Directory.GetFiles(dir, "*.conllu").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var dev = SplitNames(data, "dev");
        var test = SplitNames(data, "test");
        return split switch
        {
            "dev" => all.Where(dev.Contains).ToList(),
            "test" => all.Where(test.Contains).ToList(),
            "train" => all.Where(n => !dev.Contains(n) && !test.Contains(n)).ToList(),
            "all" => all,
            _ => throw new UsageException($"unknown split '{split}': use train, dev, test or all."),
        };
    }

    public static HashSet<string> SplitNames(string data, string split)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        bool inSection = false;
        foreach (string line in File.ReadLines(Path.Combine(Folder(data), "splits.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line.AsSpan(3).Trim().SequenceEqual(split);
                continue;
            }

            string t = line.Trim();
            if (inSection && t.StartsWith("* ", StringComparison.Ordinal))
            {
                names.Add(t[2..].Trim());
            }
        }

        return names;
    }

    /// <summary>Rebuilds a document's text from its tokens and SpaceAfter=No marks; paragraphs (newpar) laid out as asked.</summary>
    public static GumDocument Load(string data, string name, GumLayout layout, string conlluFolder = "dep_news_interview")
    {
        string path = Path.Combine(Folder(data), conlluFolder, name + ".conllu");
        var text = new StringBuilder();
        var sentences = new List<(int, int)>();
        bool newPar = false;
        int sentenceStart = -1;
        int skipUntil = 0;
        bool spaceAfter = true;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("# newpar", StringComparison.Ordinal))
            {
                newPar = true;
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length == 0)
            {
                if (sentenceStart >= 0)
                {
                    sentences.Add((sentenceStart, TrimmedEnd(text)));
                    sentenceStart = -1;
                }

                skipUntil = 0;
                continue;
            }

            string[] cols = line.Split('\t');
            if (cols.Length < 10 || cols[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            int dash = cols[0].IndexOf('-', StringComparison.Ordinal);
            int id = int.Parse(dash < 0 ? cols[0] : cols[0][..dash], System.Globalization.CultureInfo.InvariantCulture);
            if (dash < 0 && id <= skipUntil)
            {
                continue; // a word inside a multi-word token already written
            }

            if (sentenceStart < 0)
            {
                if (text.Length > 0)
                {
                    TrimEnd(text);
                    text.Append(layout switch
                    {
                        GumLayout.BlankLine when newPar => "\n\n",
                        GumLayout.LinePerParagraph when newPar => "\n",
                        _ => " ",
                    });
                }

                newPar = false;
                sentenceStart = text.Length;
            }
            else if (spaceAfter)
            {
                text.Append(' ');
            }

            if (dash >= 0)
            {
                skipUntil = int.Parse(cols[0][(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }

            text.Append(cols[1]);
            spaceAfter = !cols[9].Contains("SpaceAfter=No", StringComparison.Ordinal);
        }

        if (sentenceStart >= 0)
        {
            sentences.Add((sentenceStart, TrimmedEnd(text)));
        }

        return new GumDocument(name, text.ToString(), sentences);
    }

    private static void TrimEnd(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
    }

    private static int TrimmedEnd(StringBuilder sb)
    {
        int end = sb.Length;
        while (end > 0 && sb[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }
}
