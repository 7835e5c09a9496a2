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
