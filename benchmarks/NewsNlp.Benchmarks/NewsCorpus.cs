using System.Text;

namespace NewsNlp.Benchmarks;

/// <summary>
/// The benchmark text: real news sentences rebuilt from ../shared/data/gmb_kaggle (Voice of America) when present,
/// else the repository's sample articles repeated. Built once per process.
/// </summary>
internal static class NewsCorpus
{
    /// <summary>About 1 MB of text.</summary>
    public const int TargetChars = 1 << 20;

    private static readonly Lazy<(string Text, string Source)> Built = new(Build);

    public static string Text => Built.Value.Text;

    public static string Source => Built.Value.Source;

    /// <summary>The UTF-8 size of <see cref="Text"/>, the unit of the MB/s figures.</summary>
    public static int Utf8Bytes => Encoding.UTF8.GetByteCount(Text);

    /// <summary>The number of tokens of <see cref="Text"/>, the unit of the Ktok/s figures.</summary>
    public static int TokenCount => NewsNlp.Tokenization.Tokenizer.Default.TokenizeToArray(Text).Length;

    /// <summary><see cref="Text"/> cut at paragraph breaks into articles of at least <paramref name="chars"/> characters.</summary>
    public static List<string> Articles(int chars)
    {
        var articles = new List<string>();
        var current = new StringBuilder();
        foreach (string paragraph in Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            current.Append(paragraph).Append("\n\n");
            if (current.Length >= chars)
            {
                articles.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            articles.Add(current.ToString());
        }

        return articles;
    }

    private static (string, string) Build()
    {
        string? root = FindRoot();
        string gmb = root is null ? "" : Path.Combine(root, "..", "shared", "data", "gmb_kaggle", "ner_dataset.csv");
        if (File.Exists(gmb))
        {
            return (FromGmb(gmb), "GMB (../shared/data/gmb_kaggle), first ~1 MB of sentences, 5 a paragraph");
        }

        string samples = root is null ? "" : Path.Combine(root, "docs", "samples");
        var sb = new StringBuilder();
        string[] files = Directory.Exists(samples) ? Directory.GetFiles(samples, "*.txt") : [];
        if (files.Length == 0)
        {
            throw new InvalidOperationException("Neither ../shared/data/gmb_kaggle nor docs/samples was found: run from the repository.");
        }

        while (sb.Length < TargetChars)
        {
            foreach (string f in files)
            {
                sb.Append(File.ReadAllText(f)).Append("\n\n");
            }
        }

        return (sb.ToString(), "docs/samples repeated to ~1 MB (GMB data absent)");
    }

    private static string FromGmb(string path)
    {
        var sb = new StringBuilder(TargetChars + 1000);
        var sentence = new List<string>();
        int sentences = 0;
        foreach (string line in File.ReadLines(path, Encoding.Latin1).Skip(1))
        {
            if (line.StartsWith("Sentence:", StringComparison.Ordinal) && sentence.Count > 0)
            {
                Append(sb, sentence);
                sentence.Clear();
                sb.Append(++sentences % 5 == 0 ? "\n\n" : " ");
                if (sb.Length >= TargetChars)
                {
                    break;
                }
            }

            int first = line.IndexOf(',', StringComparison.Ordinal);
            int last = line.LastIndexOf(',');
            int secondLast = last > 0 ? line.LastIndexOf(',', last - 1) : -1;
            if (first < 0 || secondLast <= first)
            {
                continue;
            }

            string word = line[(first + 1)..secondLast];
            if (word.Length > 1 && word[0] == '"' && word[^1] == '"')
            {
                word = word[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            sentence.Add(word);
        }

        return sb.ToString();
    }

    /// <summary>Joins tokens as running text: no space before closing punctuation and clitics, none after openers.</summary>
    private static void Append(StringBuilder sb, List<string> words)
    {
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            bool attach = i > 0 && (w is "." or "," or ";" or ":" or "!" or "?" or ")" or "%" or "'s" or "n't" || (w.StartsWith('\'') && w.Length <= 3));
            bool afterOpener = i > 0 && words[i - 1] is "(" or "$";
            if (i > 0 && !attach && !afterOpener)
            {
                sb.Append(' ');
            }

            sb.Append(w);
        }
    }

    private static string? FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsNlp.sln")))
            {
                return dir.FullName;
            }
        }

        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsNlp.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
