namespace NewsNlp.Tokenization;

/// <summary>A sentence: a range of the text and the range of its tokens.</summary>
/// <param name="Start">Offset of the sentence's first character (the start of its first token).</param>
/// <param name="Length">Length in UTF-16 code units, up to the end of its last token.</param>
/// <param name="FirstToken">Index of its first token in the token array it was split from.</param>
/// <param name="TokenCount">Number of tokens.</param>
public readonly record struct Sentence(int Start, int Length, int FirstToken, int TokenCount)
{
    /// <summary>Offset just past the last character (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>The sentence's range in the text.</summary>
    public Range Range => new(Start, Start + Length);

    /// <summary>The sentence's tokens, sliced from the token array it was split from.</summary>
    /// <param name="tokens">The tokens of the whole text.</param>
    /// <returns>A slice of <paramref name="tokens"/>.</returns>
    public ReadOnlySpan<Token> GetTokens(ReadOnlySpan<Token> tokens) => tokens.Slice(FirstToken, TokenCount);
}
