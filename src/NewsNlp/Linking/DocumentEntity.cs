using System.Collections.Immutable;
using NewsNlp.Entities;

namespace NewsNlp.Linking;

/// <summary>How a mention refers to its entity.</summary>
public enum MentionKind
{
    /// <summary>By name: <c>Emmanuel Macron</c>, <c>Mr Macron</c>, <c>Macron's</c>, <c>Airbus</c>.</summary>
    Name,

    /// <summary>By description: <c>the Chinese president</c>, <c>his Russian counterpart</c>, <c>the company</c>.</summary>
    Nominal,

    /// <summary>By pronoun: <c>he</c>, <c>his</c>, <c>she</c>, <c>its</c>.</summary>
    Pronoun,
}

/// <summary>One mention of a <see cref="DocumentEntity"/>, by offsets into the document's original text.</summary>
/// <param name="Start">Start offset.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Kind">Name, nominal or pronoun.</param>
/// <param name="Confidence">How sure the mention is of this entity, from 0 to 1.</param>
public readonly record struct EntityReference(int Start, int Length, MentionKind Kind, float Confidence)
{
    /// <summary>The end offset (exclusive).</summary>
    public int End => Start + Length;
}

/// <summary>One real-world thing in a document, with every mention of it (names, descriptions, pronouns).</summary>
/// <param name="Id">The entity's id in its document: <c>E1</c>, <c>E2</c>, ... in order of first mention.</param>
/// <param name="Name">The canonical name: the knowledge-base name when linked, else the fullest name mention.</param>
/// <param name="Label">The OntoNotes label.</param>
/// <param name="KbEntry">The knowledge-base entry it is linked to, or null for an entity the knowledge base lacks.</param>
/// <param name="Confidence">How sure the entity and its link are, from 0 to 1.</param>
/// <param name="Mentions">The mentions, in text order.</param>
public sealed record DocumentEntity(string Id, string Name, EntityLabel Label, KbEntity? KbEntry, float Confidence, ImmutableArray<EntityReference> Mentions)
{
    /// <summary>The Wikidata id of the linked entry, or null.</summary>
    public string? KbId => KbEntry?.WikidataId;
}
