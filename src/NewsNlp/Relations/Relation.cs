using System.Collections.Immutable;

namespace NewsNlp.Relations;

/// <summary>The closed set of relation and event types (version 1), after PLOVER/CAMEO events and ACE relations.</summary>
public enum RelationType : byte
{
    /// <summary>A person's office or position in an organisation, a state or with another person (<c>CIA Director William Burns</c>).</summary>
    Role,

    /// <summary>Membership of an organisation (<c>Finland joined NATO</c>).</summary>
    MemberOf,

    /// <summary>Where an organisation, facility or place is (<c>the Shenzhen-based drone maker DJI</c>).</summary>
    LocatedIn,

    /// <summary>A visit or trip to a place or organisation (<c>the chancellor travelled to Beijing</c>).</summary>
    Visit,

    /// <summary>Talks, summits, phone or video calls (symmetric).</summary>
    Meet,

    /// <summary>An invitation (<c>at the invitation of</c>): the one who invites is the subject.</summary>
    Invite,

    /// <summary>A transfer of goods, arms, aid or data; item and route in the arguments.</summary>
    Supply,

    /// <summary>Buying and selling in general (symmetric).</summary>
    Trade,

    /// <summary>Contracts and business dealings (symmetric).</summary>
    Contract,

    /// <summary>A takeover or purchase of a company.</summary>
    Acquire,

    /// <summary>Signed agreements, joint statements, accords (symmetric).</summary>
    Agree,

    /// <summary>Sanctions, blacklists, embargoes.</summary>
    Sanction,

    /// <summary>Political, economic or military backing that is not a concrete transfer.</summary>
    Support,

    /// <summary>Accusing, condemning, rejecting, warning.</summary>
    Criticize,

    /// <summary>Invasions, strikes, armed attacks.</summary>
    Attack,
}

/// <summary>How a relation is stated.</summary>
public enum Modality : byte
{
    /// <summary>Stated as fact.</summary>
    Asserted,

    /// <summary>Future, scheduled or expected (<c>will travel</c>, <c>is due to</c>, <c>plans to</c>).</summary>
    Planned,

    /// <summary>Attributed to a source (<c>according to</c>, <c>alleges</c>, <c>reportedly</c>).</summary>
    Reported,

    /// <summary>Denied or said not to have happened (<c>has not condemned</c>, <c>denied</c>).</summary>
    Negated,

    /// <summary>Possible or conditional (<c>could</c>, <c>would</c>, <c>if</c>).</summary>
    Hypothetical,
}

/// <summary>Names of <see cref="RelationType"/> and <see cref="Modality"/> as the JSON contract writes them.</summary>
public static class RelationNames
{
    private static readonly string[] TypeNames =
    [
        "ROLE", "MEMBER_OF", "LOCATED_IN", "VISIT", "MEET", "INVITE", "SUPPLY", "TRADE", "CONTRACT", "ACQUIRE", "AGREE",
        "SANCTION", "SUPPORT", "CRITICIZE", "ATTACK",
    ];

    private static readonly string[] ModalityNames = ["asserted", "planned", "reported", "negated", "hypothetical"];

    /// <summary>The number of relation types.</summary>
    public static int TypeCount => TypeNames.Length;

    /// <summary>The contract name of a type, such as <c>MEMBER_OF</c>.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its name.</returns>
    public static string ToName(this RelationType type) => TypeNames[(int)type];

    /// <summary>The contract name of a modality, such as <c>planned</c>.</summary>
    /// <param name="modality">The modality.</param>
    /// <returns>Its name.</returns>
    public static string ToName(this Modality modality) => ModalityNames[(int)modality];

    /// <summary>Whether the type has no direction (MEET, TRADE, CONTRACT, AGREE): the subject is then the entity mentioned first.</summary>
    /// <param name="type">The type.</param>
    /// <returns><see langword="true"/> for the symmetric types.</returns>
    public static bool IsSymmetric(this RelationType type) => type is RelationType.Meet or RelationType.Trade or RelationType.Contract or RelationType.Agree;

    /// <summary>Reads a type name (<c>VISIT</c>, <c>member_of</c>).</summary>
    /// <param name="name">The name, in any case.</param>
    /// <param name="type">The type read.</param>
    /// <returns>Whether the name is one of the types.</returns>
    public static bool TryParseType(ReadOnlySpan<char> name, out RelationType type)
    {
        for (int i = 0; i < TypeNames.Length; i++)
        {
            if (name.Equals(TypeNames[i], StringComparison.OrdinalIgnoreCase))
            {
                type = (RelationType)i;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>Reads a modality name (<c>planned</c>).</summary>
    /// <param name="name">The name, in any case.</param>
    /// <param name="modality">The modality read.</param>
    /// <returns>Whether the name is one of the modalities.</returns>
    public static bool TryParseModality(ReadOnlySpan<char> name, out Modality modality)
    {
        for (int i = 0; i < ModalityNames.Length; i++)
        {
            if (name.Equals(ModalityNames[i], StringComparison.OrdinalIgnoreCase))
            {
                modality = (Modality)i;
                return true;
            }
        }

        modality = default;
        return false;
    }
}

/// <summary>
/// A relation or event between two entities of one document: the subject (actor) does <see cref="Type"/> to the object
/// (recipient), as stated by the evidence sentence.
/// </summary>
/// <param name="Type">The type.</param>
/// <param name="SubjectId">The id of the subject entity in the document (<c>E1</c>); for symmetric types the one mentioned first.</param>
/// <param name="ObjectId">The id of the object entity.</param>
/// <param name="Modality">How it is stated: asserted, planned, reported, negated or hypothetical.</param>
/// <param name="Confidence">The scorer's probability for the type, from 0 to 1.</param>
/// <param name="EvidenceStart">Start offset of the sentence that states it, in the original text.</param>
/// <param name="EvidenceEnd">End offset of that sentence (exclusive).</param>
/// <param name="TriggerStart">Start offset of the word that signals it (<c>visit</c>, <c>sanctioned</c>, <c>Director</c>), or -1 when there is none.</param>
/// <param name="TriggerEnd">End offset of the trigger (exclusive), or -1.</param>
/// <param name="Arguments">What else the sentence says of it: the item, the route, the time.</param>
public sealed record Relation(
    RelationType Type,
    string SubjectId,
    string ObjectId,
    Modality Modality,
    float Confidence,
    int EvidenceStart,
    int EvidenceEnd,
    int TriggerStart,
    int TriggerEnd,
    RelationArguments Arguments);

/// <summary>The type-specific details of a <see cref="Relation"/>; every part may be empty.</summary>
/// <param name="Item">What is supplied, traded or sanctioned (<c>assault rifles</c>), or null.</param>
/// <param name="Via">The entity ids of the route or intermediaries (<c>via Turkey</c>), in text order.</param>
/// <param name="Time">The date or time the sentence gives (<c>June 2022</c>), or null.</param>
public sealed record RelationArguments(string? Item, ImmutableArray<string> Via, string? Time)
{
    /// <summary>No arguments.</summary>
    public static RelationArguments None { get; } = new(null, [], null);

    /// <summary>Whether there is nothing to report.</summary>
    public bool IsEmpty => Item is null && Via.IsDefaultOrEmpty && Time is null;
}
