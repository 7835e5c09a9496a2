using System.Collections.Immutable;
using NewsNlp.Entities;
using NewsNlp.Tokenization;

namespace NewsNlp;

/// <summary>
/// The analysis of one news text. Immutable. Every annotation holds offsets into <see cref="Text"/>, which is the
/// input exactly as given.
/// </summary>
public sealed class NewsDocument
{
    internal NewsDocument(string id, string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences, ImmutableArray<EntityMention> mentions)
    {
        Id = id;
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
        Mentions = mentions;
    }

    /// <summary>The caller's identifier of the document (a file name, <c>stdin</c>, a database key).</summary>
    public string Id { get; }

    /// <summary>The input text, unchanged.</summary>
    public string Text { get; }

    /// <summary>The language of the text (ISO 639-1); the library reads English.</summary>
    public string Language { get; } = "en";

    /// <summary>The tokens in text order.</summary>
    public ImmutableArray<Token> Tokens { get; }

    /// <summary>The sentences in text order; each names its range of <see cref="Tokens"/>.</summary>
    public ImmutableArray<Sentence> Sentences { get; }

    /// <summary>The entity mentions (names, dates, numbers, amounts) in text order; empty when entity recognition is off.</summary>
    public ImmutableArray<EntityMention> Mentions { get; }

    /// <summary>The characters of a token, sentence or any other range of this document.</summary>
    /// <param name="start">Start offset.</param>
    /// <param name="length">Length.</param>
    /// <returns>A slice of <see cref="Text"/>.</returns>
    public ReadOnlySpan<char> Slice(int start, int length) => Text.AsSpan(start, length);
}
