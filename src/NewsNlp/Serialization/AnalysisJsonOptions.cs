namespace NewsNlp.Serialization;

/// <summary>What <see cref="AnalysisJsonWriter"/> writes beyond the fields of the contract.</summary>
public sealed class AnalysisJsonOptions
{
    /// <summary>Adds a <c>tokens</c> array of <c>{start, end, kind}</c> to each document.</summary>
    public bool IncludeTokens { get; init; }

    /// <summary>Indents the JSON for people to read.</summary>
    public bool Indented { get; init; } = true;
}
