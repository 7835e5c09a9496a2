using System.Numerics;

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
        Starters = [.. Enumerable.Range(0, Count).Where(CanStart)];
        Enders = [.. Enumerable.Range(0, Count).Where(CanEnd)];
        PackedWidth = (Enders.Length + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
    }

    public EntityLabel[] Labels { get; }

    /// <summary>Number of tags (K).</summary>
    public int Count { get; }

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

    /// <summary>The tags that may follow any tag that closes a span (O, B-, U-), ascending.</summary>
    public int[] Starters { get; }

    /// <summary>The tags that close a span (O, L-, U-), ascending: the tags that may precede a starter.</summary>
    public int[] Enders { get; }

    /// <summary>Row length of <see cref="PackTransitions(ReadOnlySpan{float})"/>: the ender count rounded up to whole vectors.</summary>
    public int PackedWidth { get; }

    /// <summary>Size of the work buffer <see cref="Decode"/> needs.</summary>
    public int WorkSize => (2 * Count) + PackedWidth;

    /// <summary>
    /// Packs the ender-to-starter transitions of a K×K (previous-major) matrix for <see cref="Decode"/>: one row per
    /// starter, one column per ender (<see cref="PackedWidth"/> wide, padded with negative infinity).
    /// </summary>
    public float[] PackTransitions(ReadOnlySpan<float> transitions)
    {
        var packed = new float[Starters.Length * PackedWidth];
        PackTransitions(transitions, packed);
        return packed;
    }

    /// <summary>Packs into <paramref name="packed"/> (<see cref="Starters"/> × <see cref="PackedWidth"/> floats).</summary>
    public void PackTransitions(ReadOnlySpan<float> transitions, Span<float> packed)
    {
        int k = Count;
        packed.Fill(float.NegativeInfinity);
        for (int s = 0; s < Starters.Length; s++)
        {
            for (int j = 0; j < Enders.Length; j++)
            {
                packed[(s * PackedWidth) + j] = transitions[(Enders[j] * k) + Starters[s]];
            }
        }
    }

    /// <summary>
    /// Finds the best valid tag sequence. <paramref name="emissions"/> holds n×K scores (token-major);
    /// <paramref name="transitions"/> K×K (previous-major) and <paramref name="packed"/> the same transitions from
    /// <see cref="PackTransitions(ReadOnlySpan{float})"/>; <paramref name="work"/> holds at least <see cref="WorkSize"/> floats.
    /// </summary>
    /// <remarks>
    /// A starter (O, B-, U-) may follow exactly the enders (O, L-, U-), so its best predecessor is a maximum over one
    /// contiguous row, taken with vectors; an I- or L- tag has two candidates (B- and I- of its label). Ties go to
    /// the lowest predecessor tag.
    /// </remarks>
    public void Decode(ReadOnlySpan<float> emissions, int n, ReadOnlySpan<float> transitions, ReadOnlySpan<float> packed, Span<float> work, Span<int> back, Span<int> output)
    {
        int k = Count;
        int width = PackedWidth;
        Span<float> prevScore = work[..k];
        Span<float> curScore = work.Slice(k, k);
        Span<float> enderScore = work.Slice(2 * k, width);
        enderScore.Fill(float.NegativeInfinity);
        ReadOnlySpan<int> starters = Starters;
        ReadOnlySpan<int> enders = Enders;
        for (int t = 0; t < k; t++)
        {
            prevScore[t] = CanStart(t) ? emissions[t] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            ReadOnlySpan<float> e = emissions.Slice(i * k, k);
            Span<int> b = back.Slice(i * k, k);
            for (int j = 0; j < enders.Length; j++)
            {
                enderScore[j] = prevScore[enders[j]];
            }

            for (int si = 0; si < starters.Length; si++)
            {
                int arg = BestOf(enderScore, packed.Slice(si * width, width), out float best);
                int cur = starters[si];
                curScore[cur] = best + e[cur];
                b[cur] = enders[arg];
            }

            // I- and L- of each label: after B- or I- of the same label.
            for (int begin = 1; begin < k; begin += 4)
            {
                int inside = begin + 1;
                for (int cur = inside; cur <= begin + 2; cur++)
                {
                    float fromBegin = prevScore[begin] + transitions[(begin * k) + cur];
                    float fromInside = prevScore[inside] + transitions[(inside * k) + cur];
                    bool insideWins = fromInside > fromBegin;
                    curScore[cur] = (insideWins ? fromInside : fromBegin) + e[cur];
                    b[cur] = insideWins ? inside : begin;
                }
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

    /// <summary>The first index of the maximum of <c>a[j] + b[j]</c> (both a whole number of vectors long).</summary>
    private static int BestOf(ReadOnlySpan<float> a, ReadOnlySpan<float> b, out float best)
    {
        int width = Vector<float>.Count;
        var max = new Vector<float>(float.NegativeInfinity);
        for (int j = 0; j < a.Length; j += width)
        {
            max = Vector.Max(max, new Vector<float>(a.Slice(j, width)) + new Vector<float>(b.Slice(j, width)));
        }

        best = float.NegativeInfinity;
        for (int l = 0; l < width; l++)
        {
            best = MathF.Max(best, max[l]);
        }

        for (int j = 0; j < a.Length; j++)
        {
            if (a[j] + b[j] == best)
            {
                return j;
            }
        }

        return 0;
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
