namespace NewsNlp.Text;

/// <summary>
/// The clean view of a text that later stages read, with the map back to the original. The original string is
/// never changed; when nothing needed repair, <see cref="Text"/> is the original instance and the map is the identity.
/// </summary>
public sealed class CleanText
{
    private readonly Edit[] _edits;

    internal CleanText(string original, string text, Edit[] edits, TextRepair[] repairs, BoilerplateSpan[] boilerplate)
    {
        Original = original;
        Text = text;
        _edits = edits;
        Repairs = repairs;
        Boilerplate = boilerplate;
    }

    /// <summary>The input, unchanged.</summary>
    public string Original { get; }

    /// <summary>The clean text.</summary>
    public string Text { get; }

    /// <summary>Whether the clean text differs from the original.</summary>
    public bool IsChanged => _edits.Length > 0;

    /// <summary>The repairs, in text order, by offsets into the original.</summary>
    public IReadOnlyList<TextRepair> Repairs { get; }

    /// <summary>The boilerplate lines, in text order, by offsets into the original.</summary>
    public IReadOnlyList<BoilerplateSpan> Boilerplate { get; }

    /// <summary>Maps an offset of the clean text (0 to its length, inclusive) to the original; inside a repair, to the repair's start.</summary>
    /// <param name="cleanOffset">An offset into <see cref="Text"/>.</param>
    /// <returns>The offset into <see cref="Original"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The offset is outside the clean text.</exception>
    public int ToOriginal(int cleanOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cleanOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cleanOffset, Text.Length);
        int e = LastEditAtOrBefore(cleanOffset, clean: true);
        if (e < 0)
        {
            return cleanOffset;
        }

        Edit edit = _edits[e];
        return cleanOffset < edit.CleanEnd ? edit.OriginalStart : edit.OriginalEnd + (cleanOffset - edit.CleanEnd);
    }

    /// <summary>Maps a range of the clean text to the range of the original that covers it (a range touching a repair covers all of it).</summary>
    /// <param name="cleanStart">Start in the clean text.</param>
    /// <param name="cleanEnd">End in the clean text (exclusive).</param>
    /// <returns>The original range.</returns>
    public (int Start, int End) ToOriginal(int cleanStart, int cleanEnd)
    {
        int start = ToOriginal(cleanStart);
        if (cleanEnd <= cleanStart)
        {
            return (start, start);
        }

        // The end maps through its last character, so that a range ending inside a repair covers the whole repair.
        int last = cleanEnd - 1;
        int e = LastEditAtOrBefore(last, clean: true);
        int end = e >= 0 && last < _edits[e].CleanEnd ? _edits[e].OriginalEnd : ToOriginal(cleanEnd);
        return (start, Math.Max(start, end));
    }

    /// <summary>Maps an offset of the original to the clean text; inside a repair, to the repair's clean start.</summary>
    /// <param name="originalOffset">An offset into <see cref="Original"/>.</param>
    /// <returns>The offset into <see cref="Text"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The offset is outside the original text.</exception>
    public int ToClean(int originalOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(originalOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(originalOffset, Original.Length);
        int e = LastEditAtOrBefore(originalOffset, clean: false);
        if (e < 0)
        {
            return originalOffset;
        }

        Edit edit = _edits[e];
        return originalOffset < edit.OriginalEnd ? edit.CleanStart : edit.CleanEnd + (originalOffset - edit.OriginalEnd);
    }

    /// <summary>Whether the original range overlaps a boilerplate line.</summary>
    /// <param name="originalStart">Start in the original.</param>
    /// <param name="originalEnd">End in the original (exclusive).</param>
    /// <returns><see langword="true"/> when it overlaps boilerplate.</returns>
    public bool IsBoilerplate(int originalStart, int originalEnd)
    {
        // The spans are sorted and do not overlap: find the first that ends after the start.
        IReadOnlyList<BoilerplateSpan> spans = Boilerplate;
        int lo = 0;
        int hi = spans.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (spans[mid].End <= originalStart)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < spans.Count && spans[lo].Start < originalEnd;
    }

    private int LastEditAtOrBefore(int offset, bool clean)
    {
        int lo = 0;
        int hi = _edits.Length - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int start = clean ? _edits[mid].CleanStart : _edits[mid].OriginalStart;
            if (start <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>One changed region: original characters [OriginalStart, OriginalEnd) read as clean [CleanStart, CleanEnd).</summary>
    internal readonly record struct Edit(int OriginalStart, int OriginalEnd, int CleanStart, int CleanEnd);
}
