namespace NewsNlp.Tokenization;

/// <summary>
/// A token: a slice of the input text, given by offsets, never a copy. Offsets are UTF-16 code units.
/// </summary>
/// <param name="Start">Offset of the first character in the input.</param>
/// <param name="Length">Number of UTF-16 code units.</param>
/// <param name="Kind">What the token is.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>Offset just past the last character (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>The token's range in the input.</summary>
    public Range Range => new(Start, Start + Length);

    /// <summary>The token's characters in <paramref name="text"/>, which must be the text it was made from.</summary>
    /// <param name="text">The tokenized text.</param>
    /// <returns>A slice of <paramref name="text"/>.</returns>
    public ReadOnlySpan<char> GetText(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
