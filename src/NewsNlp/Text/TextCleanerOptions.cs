namespace NewsNlp.Text;

/// <summary>What a <see cref="TextCleaner"/> does. Everything is on by default.</summary>
public sealed class TextCleanerOptions
{
    /// <summary>Repair mojibake (UTF-8 decoded as cp1252, latin-1, cp1251 or GBK).</summary>
    public bool RepairMojibake { get; init; } = true;

    /// <summary>Decode HTML character references.</summary>
    public bool DecodeHtmlEntities { get; init; } = true;

    /// <summary>Remove zero-width characters and soft hyphens, make exotic spaces plain, remove controls, normalise to NFC.</summary>
    public bool NormalizeUnicode { get; init; } = true;

    /// <summary>Mark captions, credits, keyword lines, related links and notices.</summary>
    public bool DetectBoilerplate { get; init; } = true;
}
