namespace NewsNlp.Entities;

/// <summary>A mention of a named entity, number or date found by the tagger: a character range and a token range.</summary>
/// <param name="Start">Offset of the first character in the document text.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="FirstToken">Index of the first token in the document's tokens.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="Label">The entity type.</param>
/// <param name="Confidence">How sure the tagger is, from 0 to 1.</param>
public readonly record struct EntityMention(int Start, int Length, int FirstToken, int TokenCount, EntityLabel Label, float Confidence)
{
    /// <summary>Offset just past the last character (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>The mention's range in the text.</summary>
    public Range Range => new(Start, Start + Length);

    /// <summary>Orders mentions by start offset (text order).</summary>
    internal static Comparer<EntityMention> ByStart { get; } = Comparer<EntityMention>.Create(static (a, b) => a.Start.CompareTo(b.Start));
}
