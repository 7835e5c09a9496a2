using System.Collections.Frozen;

namespace NewsNlp.Entities;

/// <summary>
/// Titles, ranks and offices that precede a person's name in news English. OntoNotes keeps them out of the PERSON
/// span (<c>German Chancellor [Angela Merkel]</c>, <c>Mr [Obama]</c>); used to map training data and to split
/// <c>CIA Director William Burns</c> into an organisation and a person.
/// </summary>
internal static class Titles
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "president", "president-elect", "prime", "minister", "vice", "secretary",
        "general", "gen.", "senator", "sen.", "king", "queen", "prince", "princess", "pope", "chancellor", "premier", "chairman", "chairwoman", "chief",
        "leader", "governor", "gov.", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "commander", "lieutenant", "lt.", "colonel",
        "col.", "captain", "capt.", "sergeant", "sgt.", "judge", "justice", "rev.", "reverend", "sheikh", "ayatollah", "rabbi", "cardinal", "archbishop",
        "bishop", "former", "deputy", "representative", "rep.", "congressman", "congresswoman", "mayor", "director", "secretary-general", "candidate",
        "coach", "cleric", "emir", "sultan", "lord", "sir", "dame", "admiral", "adm.", "marshal", "brigadier", "acting", "adviser", "advisor", "aide",
        "ceo", "chairperson", "founder", "head", "counterpart", "diplomat", "foreign", "defence", "defense", "interior", "finance",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Titles that, in the middle of an organisation span, start a person's name (<c>CIA Director William Burns</c>).</summary>
    private static readonly FrozenSet<string> Offices = new[]
    {
        "president", "director", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chief", "ceo",
        "head", "leader", "governor", "ambassador", "envoy", "commander", "general", "mayor", "chancellor", "premier", "adviser", "advisor", "aide",
        "founder", "deputy",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Last words that make a name an organisation's (<c>Volkova Logistics</c>, <c>Acme Holdings</c>, <c>Kyiv University</c>).</summary>
    private static readonly FrozenSet<string> OrganisationEnds = new[]
    {
        "inc", "inc.", "ltd", "ltd.", "llc", "plc", "corp", "corp.", "corporation", "co.", "company", "group", "holding", "holdings",
        "logistics", "industries", "airlines", "airways", "motors", "technologies", "systems", "solutions", "partners", "ventures",
        "pharmaceuticals", "petroleum", "telecom", "communications", "enterprises", "electronics", "shipping", "aerospace", "bank",
        "university", "institute", "ministry", "council", "committee", "commission", "agency", "party", "foundation", "association",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a name ending in this word names an organisation, whatever the model thought (<c>Bank</c> only after a person's name: <c>West Bank</c> is a place).</summary>
    public static bool IsOrganisationEnd(ReadOnlySpan<char> word, EntityLabel predicted) =>
        word.Length <= 20 && OrganisationEnds.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
        && (predicted == EntityLabel.Person || !word.Equals("bank", StringComparison.OrdinalIgnoreCase));

    /// <summary>Last words that make a name a facility's (<c>Heathrow Airport</c>, <c>Wembley Stadium</c>, <c>Crimean Bridge</c>).</summary>
    private static readonly FrozenSet<string> FacilityEnds = new[]
    {
        "airport", "stadium", "arena", "bridge", "tower", "towers", "square", "dam", "street", "avenue", "boulevard", "highway", "motorway",
        "station", "prison", "jail", "cathedral", "basilica", "mosque", "temple", "synagogue", "airbase", "tunnel", "terminal", "pipeline",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a name of several words ending in this word names a building or structure (FAC).</summary>
    public static bool IsFacilityEnd(ReadOnlySpan<char> word) => word.Length <= 20 && FacilityEnds.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>Company legal forms that end a company's name (<c>Limited</c>, <c>Inc.</c>, <c>GmbH</c>), matched with their case.</summary>
    private static readonly FrozenSet<string> LegalForms = new[]
    {
        "Limited", "Ltd", "Ltd.", "Inc", "Inc.", "LLC", "L.L.C.", "LLP", "plc", "PLC", "Plc", "GmbH", "AG", "SA", "S.A.", "SE", "NV", "N.V.",
        "BV", "B.V.", "SpA", "S.p.A.", "Pty", "PJSC", "JSC", "OJSC", "Corp.", "Co.", "Incorporated", "KGaA", "AB", "ASA", "Oyj", "Bhd", "Tbk",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the word is a company's legal form (<c>Limited</c>, <c>PLC</c>, <c>GmbH</c>).</summary>
    public static bool IsLegalForm(ReadOnlySpan<char> word) => word.Length <= 10 && LegalForms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>Units of a duration (<c>weeks</c>, <c>years</c>), lower-case as in running text.</summary>
    private static readonly FrozenSet<string> TimeUnits = new[]
    {
        "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "decade", "decades",
        "century", "centuries",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the word is the unit of a duration (<c>weeks</c> in <c>a few weeks ago</c>).</summary>
    public static bool IsTimeUnit(ReadOnlySpan<char> word) => word.Length <= 9 && TimeUnits.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public static bool IsTitle(ReadOnlySpan<char> word) => word.Length <= 20 && Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public static bool IsOffice(ReadOnlySpan<char> word) => word.Length <= 20 && Offices.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
