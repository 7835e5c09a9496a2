using System.Collections.Immutable;
using NewsNlp.Entities;
using NewsNlp.Linking;

namespace NewsNlp.Corpus;

/// <summary>Settings of a <see cref="CorpusAnalyzer"/>.</summary>
public sealed class CorpusOptions
{
    /// <summary>
    /// How similar (cosine, 0 to 1) a document must be to a story to join it; below, it starts a story of its own.
    /// The default was chosen on the ECB+ dev topics (docs/corpus.md).
    /// </summary>
    public double StoryThreshold { get; init; } = 0.20;

    /// <summary>
    /// Stories not joined during this many of the latest documents leave the active window: new documents no longer
    /// join them, and their index entries are dropped, so memory stays bounded however long the stream.
    /// </summary>
    public int StoryWindow { get; init; } = 5000;

    internal void Validate()
    {
        if (StoryThreshold is < 0 or > 1 || double.IsNaN(StoryThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(StoryThreshold), StoryThreshold, "StoryThreshold must be between 0 and 1.");
        }

        if (StoryWindow <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(StoryWindow), StoryWindow, "StoryWindow must be positive.");
        }
    }
}

/// <summary>A document entity as a member of a corpus entity.</summary>
/// <param name="Document">The document's id.</param>
/// <param name="Entity">The entity's id in that document (<c>E1</c>, ...).</param>
public readonly record struct CorpusMember(string Document, string Entity);

/// <summary>One real-world thing across the documents of a corpus.</summary>
/// <param name="Id">The corpus id: <c>C1</c>, <c>C2</c>, ... in order of first appearance.</param>
/// <param name="Name">The knowledge-base name when linked, else the name most documents use.</param>
/// <param name="Label">The OntoNotes label.</param>
/// <param name="KbEntry">The knowledge-base entry, or null.</param>
/// <param name="Members">The document entities it groups, in the order the documents came.</param>
public sealed record CorpusEntity(string Id, string Name, EntityLabel Label, KbEntity? KbEntry, ImmutableArray<CorpusMember> Members)
{
    /// <summary>The Wikidata id of the linked entry, or null.</summary>
    public string? KbId => KbEntry?.WikidataId;
}

/// <summary>Documents that report the same event or development.</summary>
/// <param name="Id">The story id: <c>S1</c>, <c>S2</c>, ... in order of first document.</param>
/// <param name="Title">The headline (first line) of the story's first document.</param>
/// <param name="Documents">The ids of its documents, in the order they came.</param>
public sealed record Story(string Id, string Title, ImmutableArray<string> Documents);

/// <summary>What the corpus made of one document: its story and the corpus entity of each of its entities.</summary>
/// <param name="Document">The document's id.</param>
/// <param name="Story">The id of the story it joined or started.</param>
/// <param name="Entities">Corpus entity ids by the document's entity ids (values and dates are not corpus entities).</param>
/// <param name="Similarity">The cosine similarity to the story it joined; 0 when it started one.</param>
/// <param name="BestOther">The highest similarity to an active story that it did not join (0 when none): how close the call was.</param>
public sealed record CorpusAssignment(string Document, string Story, ImmutableDictionary<string, string> Entities, double Similarity, double BestOther);

/// <summary>The state of a corpus at one moment: its entities, stories and relations.</summary>
/// <param name="Entities">The corpus entities, by first appearance.</param>
/// <param name="Stories">The stories, by first document.</param>
/// <param name="Relations">The relations between corpus entities, by first statement.</param>
public sealed record CorpusSnapshot(ImmutableArray<CorpusEntity> Entities, ImmutableArray<Story> Stories, ImmutableArray<CorpusRelation> Relations);

/// <summary>A relation between two corpus entities, with the documents that state it (in any modality).</summary>
/// <param name="Type">The relation type.</param>
/// <param name="SubjectId">The corpus id of the subject (<c>C1</c>).</param>
/// <param name="ObjectId">The corpus id of the object.</param>
/// <param name="Documents">The ids of the documents that state it, in the order they were added.</param>
public sealed record CorpusRelation(Relations.RelationType Type, string SubjectId, string ObjectId, ImmutableArray<string> Documents);
