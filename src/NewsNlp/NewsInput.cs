using NewsNlp.Text;

namespace NewsNlp;

/// <summary>One document to analyse: its text, the caller's id, and boilerplate its source already showed.</summary>
/// <param name="Text">The text of the article.</param>
/// <param name="Id">The caller's identifier for the document; <c>"doc"</c> when null.</param>
public sealed record NewsInput(string Text, string? Id = null)
{
    /// <summary>Boilerplate spans by offsets into <see cref="Text"/> (from HTML markup, say), added to those detected; null when none.</summary>
    public IReadOnlyList<BoilerplateSpan>? Boilerplate { get; init; }
}
