using System.Collections.Immutable;
using NewsNlp.Entities;

namespace NewsNlp.Linking;

/// <summary>The grammatical gender of a person, as pronouns refer to them.</summary>
public enum Gender
{
    /// <summary>Not known: compatible with <c>he</c> and <c>she</c>.</summary>
    Unknown,

    /// <summary>Referred to as <c>he</c>.</summary>
    Male,

    /// <summary>Referred to as <c>she</c>.</summary>
    Female,
}

/// <summary>An office a person held: <c>president/CN/2013/</c> is President of China since 2013.</summary>
/// <param name="Role">The role: president, vice-president, prime-minister, chancellor, monarch, supreme-leader, head-of-government, foreign-minister, defence-minister, finance-minister, spokesperson, secretary-general, leader, ceo, general.</param>
/// <param name="Where">An ISO 3166-1 alpha-2 country code, or the name of an organisation in the knowledge base.</param>
/// <param name="Start">The first year, when known.</param>
/// <param name="End">The last year; null while in office (or unknown).</param>
public readonly record struct KbPosition(string Role, string Where, int? Start, int? End);

/// <summary>An entry of the <see cref="KnowledgeBase"/>: one real-world entity with its names and facts.</summary>
public sealed record KbEntity
{
    /// <summary>The Wikidata id (<c>Q15031</c>), or null when it is not known with confidence.</summary>
    public string? WikidataId { get; init; }

    /// <summary>The canonical English name.</summary>
    public required string Name { get; init; }

    /// <summary>The OntoNotes label (PERSON, ORG, GPE, LOC, NORP, FAC, PRODUCT or EVENT).</summary>
    public required EntityLabel Label { get; init; }

    /// <summary>The finer type: country, territory, city, admin-region, region, person, government, agency, intl-org, company, news, party, armed-group or other.</summary>
    public string Type { get; init; } = "other";

    /// <summary>Other names: official and short names, abbreviations, transliterations, native spellings.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>The ISO 3166-1 alpha-2 code of the country the entity belongs to, or null.</summary>
    public string? Country { get; init; }

    /// <summary>For people, how pronouns refer to them.</summary>
    public Gender Gender { get; init; }

    /// <summary>For people, the offices they held.</summary>
    public ImmutableArray<KbPosition> Positions { get; init; } = [];

    /// <summary>For countries, the demonyms and adjectives (<c>Chinese</c>).</summary>
    public ImmutableArray<string> Demonyms { get; init; } = [];

    /// <summary>For countries, the name of the capital.</summary>
    public string? Capital { get; init; }

    /// <summary>For places, the population when known.</summary>
    public long? Population { get; init; }
}
