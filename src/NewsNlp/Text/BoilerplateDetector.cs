namespace NewsNlp.Text;

/// <summary>
/// Finds boilerplate lines in plain news text: captions and credits, captions printed twice, keyword lines (a short line
/// of names only, between paragraphs), related-links lines and notices. Headlines, subheadings and datelines are content.
/// </summary>
internal static class BoilerplateDetector
{
    private static readonly string[] CaptionStarts =
    [
        "photo_camera", "photo:", "photo :", "photos:", "image:", "picture:", "photograph:", "(photo", "file photo", "video:", "caption:",
        "pictured:", "illustration:", "graphic:", "credit:", "photo credit", "image credit",
    ];

    private static readonly string[] CreditMarks =
    [
        "getty images", "/ap", "ap photo", "/reuters", "reuters/", "/afp", "afp via", "via getty", "/ epa", "/epa", "epa-efe", "shutterstock",
        "/ sputnik", "sputnik/", "/tass", "photo/", "/photo", "pool photo", "handout",
    ];

    private static readonly string[] RelatedStarts =
    [
        "more in ", "more on ", "more from ", "read more", "read also", "also read", "related:", "related articles", "related stories", "see also",
        "recommended:", "most read", "most popular", "you may also like", "you might also like", "further reading", "more stories",
    ];

    private static readonly string[] NoticeMarks =
    [
        "sign up", "subscribe to", "subscribe now", "newsletter", "we use cookies", "this site uses cookies", "accept cookies", "cookie policy",
        "all rights reserved", "copyright ©", "© copyright", "follow us on", "share this article", "share on facebook", "click here to",
        "download our app", "advertisement", "skip advertisement",
    ];

    private static readonly System.Buffers.SearchValues<char> NotInNames = System.Buffers.SearchValues.Create(",;:()\"");

    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "is", "are", "was", "were", "be",
        "has", "have", "had", "will", "not", "no", "new", "how", "why", "what", "who", "after", "over", "into", "amid", "says", "said", "its",
        "his", "her", "their", "this", "that", "than", "up", "out", "off", "vs", "versus",
    };

    public static List<BoilerplateSpan> Detect(string text, CancellationToken cancellationToken)
    {
        var lines = new List<(int Start, int End)>();
        int start = 0;
        while (start <= text.Length)
        {
            int nl = text.AsSpan(start).IndexOf('\n');
            int end = nl < 0 ? text.Length : start + nl;
            int s = start;
            int e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            lines.Add((s, e));
            if (nl < 0)
            {
                break;
            }

            start = end + 1;
        }

        var result = new List<BoilerplateSpan>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int firstContent = lines.FindIndex(l => l.End > l.Start);
        for (int k = 0; k < lines.Count; k++)
        {
            if ((k & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (s, e) = lines[k];
            if (e - s == 0)
            {
                continue;
            }

            ReadOnlySpan<char> line = text.AsSpan(s, e - s);
            BoilerplateKind? kind = Classify(line, k, firstContent, lines, text);
            if (kind is null && line.Length >= 30 && line.Length <= 400)
            {
                // A caption printed twice: the line again within a few lines.
                string key = line.ToString();
                if (seen.TryGetValue(key, out int previous) && k - previous <= 4)
                {
                    kind = BoilerplateKind.Caption;
                    if (!result.Any(r => r.Start == lines[previous].Start))
                    {
                        result.Add(new BoilerplateSpan(lines[previous].Start, lines[previous].End, BoilerplateKind.Caption));
                    }
                }

                seen[key] = k;
            }

            if (kind is { } found)
            {
                result.Add(new BoilerplateSpan(s, e, found));
            }
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    private static BoilerplateKind? Classify(ReadOnlySpan<char> line, int k, int firstContent, List<(int Start, int End)> lines, string text)
    {
        if (line.Length > 400)
        {
            return null;
        }

        foreach (string p in CaptionStarts)
        {
            if (line.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                return BoilerplateKind.Caption;
            }
        }

        if (line.Length <= 80)
        {
            foreach (string p in RelatedStarts)
            {
                if (line.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                {
                    return BoilerplateKind.RelatedLinks;
                }
            }
        }

        if (line.Length <= 200)
        {
            foreach (string p in NoticeMarks)
            {
                int at = line.IndexOf(p, StringComparison.OrdinalIgnoreCase);
                if (at >= 0 && at < 40)
                {
                    return BoilerplateKind.Notice;
                }
            }
        }

        bool credit = false;
        foreach (string p in CreditMarks)
        {
            if (line.Contains(p, StringComparison.OrdinalIgnoreCase))
            {
                credit = true;
                break;
            }
        }

        bool endsSentence = line[^1] is '.' or '!' or '?' or '"' or '\u201D' or ':';
        if (credit)
        {
            return line.Length <= 60 ? BoilerplateKind.Credit : (endsSentence && line.Length > 250 ? null : BoilerplateKind.Caption);
        }

        if (k != firstContent && !endsSentence && line.Length <= 60 && IsBlankOrEdge(lines, k - 1) && IsBlankOrEdge(lines, k + 1) && IsNamesOnly(line))
        {
            return BoilerplateKind.Keywords;
        }

        return null;
    }

    private static bool IsBlankOrEdge(List<(int Start, int End)> lines, int k) => k < 0 || k >= lines.Count || lines[k].End == lines[k].Start;

    /// <summary>Two to eight words, every one capitalised, none a function word: <c>Putin Wang Yi</c>, not <c>Chinese arms in Russia</c>.</summary>
    private static bool IsNamesOnly(ReadOnlySpan<char> line)
    {
        int words = 0;
        foreach (Range r in line.Split(' '))
        {
            ReadOnlySpan<char> w = line[r].Trim();
            if (w.IsEmpty)
            {
                continue;
            }

            words++;
            if (!char.IsUpper(w[0]) || FunctionWords.Contains(w.ToString()) || w.ContainsAny(NotInNames) || char.IsDigit(w[0]))
            {
                return false;
            }
        }

        return words is >= 2 and <= 8;
    }
}
