using NewsNlp.Entities;
using NewsNlp.Text;
using NewsNlp.Tokenization;

namespace NewsNlp;

/// <summary>Settings of a <see cref="NewsPipeline"/>, validated when the pipeline is created.</summary>
public sealed class NewsPipelineOptions
{
    /// <summary>The default <see cref="MaxDocumentLength"/>: 16 M characters.</summary>
    public const int DefaultMaxDocumentLength = 16 * 1024 * 1024;

    /// <summary>Documents longer than this (in UTF-16 code units) are refused with <see cref="DocumentTooLongException"/>.</summary>
    public int MaxDocumentLength { get; init; } = DefaultMaxDocumentLength;

    /// <summary>The tokenizer; <see cref="Tokenizer.Default"/> unless set.</summary>
    public Tokenizer Tokenizer { get; init; } = Tokenizer.Default;

    /// <summary>The text cleaner (mojibake, HTML references, Unicode, boilerplate); <see cref="TextCleaner.Default"/> unless set; null turns cleaning off.</summary>
    public TextCleaner? TextCleaner { get; init; } = TextCleaner.Default;

    /// <summary>Whether to find entities; <see langword="true"/> by default. Off, a pipeline only tokenizes and splits sentences.</summary>
    public bool RecognizeEntities { get; init; } = true;

    /// <summary>The entity tagger; <see cref="EntityTagger.Default"/> (the shipped model, loaded on first use) when null.</summary>
    public EntityTagger? EntityTagger { get; init; }

    /// <summary>
    /// Whether to group mentions into entities with coreference (surnames, descriptions, pronouns) and link them to the
    /// knowledge base; <see langword="true"/> by default. Off, each distinct name is an entity of its own.
    /// </summary>
    public bool LinkEntities { get; init; } = true;

    /// <summary>The knowledge base to link to; <see cref="Linking.KnowledgeBase.Default"/> (loaded on first use) when null.</summary>
    public Linking.KnowledgeBase? KnowledgeBase { get; init; }

    /// <summary>
    /// Whether to find relations and events between entities (VISIT, MEET, SUPPLY, SANCTION, ...) and direct quotations
    /// with their speakers; <see langword="true"/> by default. Needs <see cref="RecognizeEntities"/>.
    /// </summary>
    public bool ExtractRelations { get; init; } = true;

    /// <summary>The relation extractor; <see cref="Relations.RelationExtractor.Default"/> (the shipped model, loaded on first use) when null.</summary>
    public Relations.RelationExtractor? RelationExtractor { get; init; }

    internal void Validate()
    {
        if (MaxDocumentLength <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDocumentLength), MaxDocumentLength, "MaxDocumentLength must be positive.");
        }

        if (Tokenizer is null)
        {
            throw new ArgumentException("Tokenizer must not be null.", nameof(Tokenizer));
        }
    }
}
