namespace NewsNlp.Entities;

/// <summary>
/// The tag set of the sequence tagger: <c>O</c> and, for each label, <c>B- I- L- U-</c> (begin, inside, last, unit).
/// Tag 0 is O; label j has tags 1+4j (B), 2+4j (I), 3+4j (L), 4+4j (U). Also the valid transitions and a
/// constrained Viterbi decoder shared by training and tagging.
/// </summary>
internal sealed class BilouTags
{
    public const int Outside = 0;

    public BilouTags(EntityLabel[] labels)
    {
        Labels = labels;
        Count = 1 + (4 * labels.Length);
        var allowed = new List<int>[Count];
        for (int cur = 0; cur < Count; cur++)
        {
            allowed[cur] = [];
            for (int prev = 0; prev < Count; prev++)
            {
                if (IsAllowed(prev, cur))
                {
                    allowed[cur].Add(prev);
                }
            }
        }

        AllowedPrevious = allowed.Select(a => a.ToArray()).ToArray();
    }

    public EntityLabel[] Labels { get; }

    /// <summary>Number of tags (K).</summary>
    public int Count { get; }

    /// <summary>For each tag, the tags that may precede it.</summary>
    public int[][] AllowedPrevious { get; }

    public static int Kind(int tag) => tag == Outside ? 0 : ((tag - 1) % 4) + 1; // 1 B, 2 I, 3 L, 4 U

    public static int LabelIndex(int tag) => (tag - 1) / 4;

    public static int Tag(int labelIndex, int kind) => 1 + (4 * labelIndex) + (kind - 1);

    /// <summary>Whether a tag may open a sentence (not I or L).</summary>
    public static bool CanStart(int tag) => Kind(tag) is 0 or 1 or 4;

    /// <summary>Whether a tag may close a sentence (not B or I).</summary>
    public static bool CanEnd(int tag) => Kind(tag) is 0 or 3 or 4;

    public static bool IsAllowed(int prev, int cur)
    {
        int pk = Kind(prev);
        int ck = Kind(cur);
        if (pk is 1 or 2)
        {
            return ck is 2 or 3 && LabelIndex(prev) == LabelIndex(cur);
        }

        return ck is 0 or 1 or 4;
    }

    /// <summary>
    /// Finds the best valid tag sequence. <paramref name="emissions"/> holds n×K scores (token-major);
    /// <paramref name="transitions"/> K×K (previous-major).
    /// </summary>
    public void Decode(ReadOnlySpan<float> emissions, int n, ReadOnlySpan<float> transitions, Span<float> work, Span<int> back, Span<int> output)
    {
        int k = Count;
        Span<float> prevScore = work[..k];
        Span<float> curScore = work.Slice(k, k);
        for (int t = 0; t < k; t++)
        {
            prevScore[t] = CanStart(t) ? emissions[t] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            ReadOnlySpan<float> e = emissions.Slice(i * k, k);
            Span<int> b = back.Slice(i * k, k);
            for (int cur = 0; cur < k; cur++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                foreach (int prev in AllowedPrevious[cur])
                {
                    float s = prevScore[prev] + transitions[(prev * k) + cur];
                    if (s > best)
                    {
                        best = s;
                        arg = prev;
                    }
                }

                curScore[cur] = best + e[cur];
                b[cur] = arg;
            }

            Span<float> swap = prevScore;
            prevScore = curScore;
            curScore = swap;
        }

        float bestEnd = float.NegativeInfinity;
        int last = 0;
        for (int t = 0; t < k; t++)
        {
            if (CanEnd(t) && prevScore[t] > bestEnd)
            {
                bestEnd = prevScore[t];
                last = t;
            }
        }

        output[n - 1] = last;
        for (int i = n - 1; i > 0; i--)
        {
            last = back[(i * k) + last];
            output[i - 1] = last;
        }
    }

    /// <summary>Converts IOB2 strings (<c>B-PERSON</c>, <c>I-PERSON</c>, <c>O</c>) to BILOU tag indices; unknown labels become O.</summary>
    public int[] FromIob(IReadOnlyList<string> iob)
    {
        var tags = new int[iob.Count];
        for (int i = 0; i < iob.Count; i++)
        {
            int label = LabelOf(iob[i]);
            if (label < 0)
            {
                tags[i] = Outside;
                continue;
            }

            bool begins = iob[i][0] == 'B' || i == 0 || LabelOf(iob[i - 1]) != label;
            bool continues = i + 1 < iob.Count && iob[i + 1][0] == 'I' && LabelOf(iob[i + 1]) == label;
            tags[i] = Tag(label, begins ? (continues ? 1 : 4) : (continues ? 2 : 3));
        }

        return tags;
    }

    /// <summary>Converts BILOU tag indices to IOB2 strings.</summary>
    public string[] ToIob(ReadOnlySpan<int> tags)
    {
        var iob = new string[tags.Length];
        for (int i = 0; i < tags.Length; i++)
        {
            int kind = Kind(tags[i]);
            iob[i] = kind == 0 ? "O" : (kind is 1 or 4 ? "B-" : "I-") + Labels[LabelIndex(tags[i])].ToName();
        }

        return iob;
    }

    private int LabelOf(string iob)
    {
        if (iob.Length < 3 || iob[1] != '-' || !EntityLabels.TryParse(iob.AsSpan(2), out EntityLabel label))
        {
            return -1;
        }

        return Array.IndexOf(Labels, label);
    }
}
