namespace NewsNlp;

/// <summary>Thrown when a document is longer than <see cref="NewsPipelineOptions.MaxDocumentLength"/>.</summary>
public sealed class DocumentTooLongException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public DocumentTooLongException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public DocumentTooLongException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DocumentTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a document of <paramref name="length"/> characters over <paramref name="maxLength"/>.</summary>
    /// <param name="length">The document's length.</param>
    /// <param name="maxLength">The configured maximum.</param>
    public DocumentTooLongException(int length, int maxLength)
        : base($"The document has {length:N0} characters; the pipeline accepts at most {maxLength:N0} (NewsPipelineOptions.MaxDocumentLength).")
    {
        Length = length;
        MaxLength = maxLength;
    }

    /// <summary>The document's length in UTF-16 code units.</summary>
    public int Length { get; }

    /// <summary>The maximum the pipeline accepts.</summary>
    public int MaxLength { get; }
}
