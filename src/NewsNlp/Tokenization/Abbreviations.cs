using System.Collections.Frozen;

namespace NewsNlp.Tokenization;

/// <summary>What a known abbreviation is, which decides how the tokenizer and the sentence splitter treat it.</summary>
internal enum AbbreviationKind : byte
{
    /// <summary>Not a known abbreviation.</summary>
    None,

    /// <summary>A title or honorific that precedes a name and never ends a sentence: <c>Mr.</c>, <c>Dr.</c>, <c>Gen.</c>.</summary>
    Title,

    /// <summary>Keeps its period only before a number: <c>No. 1</c>, <c>Vol. 2</c>.</summary>
    BeforeNumber,

    /// <summary>Any other abbreviation; it may end a sentence: <c>Inc.</c>, <c>Jan.</c>, <c>etc.</c>.</summary>
    General,
}

/// <summary>The built-in English abbreviation lists (case-sensitive, without the final period).</summary>
internal static class Abbreviations
{
    internal static readonly string[] Titles =
    [
        "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs", "Prof", "Profs", "Rev", "Revd", "Hon", "Fr", "Sr", "Sra", "Srta",
        "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt", "Maj", "Adm", "Cmdr", "Cdr", "Brig", "Cpl", "Pvt", "Pte", "Gov", "Sen", "Rep", "Reps",
        "Pres", "Supt", "Insp", "Det", "Amb", "Atty", "Secy", "St", "Ste", "Mt", "Ft", "Pt", "Hr", "Bros",
    ];

    internal static readonly string[] BeforeNumberOnly = ["No", "Nos", "no", "nos", "Vol", "vol", "Art", "art", "Fig", "fig", "p", "pp", "Ch", "ch", "Sec", "Para", "para", "Op", "op"];

    internal static readonly string[] General =
    [
        // Company and name suffixes.
        "Inc", "Corp", "Co", "Cos", "Ltd", "Jr", "Esq", "Plc", "Bhd", "Pty", "Ph", "Dept", "Univ", "Assn", "Intl", "Natl", "Govt",
        // Months and days as AP style abbreviates them.
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
        // Streets and places.
        "Ave", "Blvd", "Rd", "Hwy", "Sq", "Ln", "Pl",
        // US states as AP style abbreviates them.
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich",
        "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
        // Latin and general.
        "etc", "vs", "al", "approx", "est", "cf", "ca", "viz", "ed", "eds", "min", "max", "dept", "govt", "ft", "oz", "lb", "lbs", "sq", "km", "yr", "yrs",
    ];

    /// <summary>Words that commonly begin a sentence: after an ambiguous abbreviation, one of these starts a new sentence.</summary>
    internal static readonly string[] SentenceStarters =
    [
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our",
        "There", "Here", "But", "And", "Or", "So", "Yet", "However", "Meanwhile", "In", "On", "At", "For", "As", "If", "When", "While",
        "After", "Before", "Since", "Although", "Though", "Because", "Still", "Also", "Then", "Now", "Some", "Many", "Most", "Other",
        "Others", "Both", "Each", "All", "No", "Not", "Such", "What", "Who", "Why", "How", "Where", "Which", "According", "Last", "Earlier",
        "Later", "Despite", "Under", "With", "Without", "Among", "During", "Officials", "Police",
    ];

    private static readonly FrozenDictionary<string, AbbreviationKind> Builtin = Build([]);

    /// <summary>The built-in table as a span-keyed lookup.</summary>
    internal static FrozenDictionary<string, AbbreviationKind> Default => Builtin;

    /// <summary>Builds the table with <paramref name="extra"/> general abbreviations added.</summary>
    internal static FrozenDictionary<string, AbbreviationKind> Build(IEnumerable<string> extra)
    {
        var table = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        foreach (string s in General)
        {
            table[s] = AbbreviationKind.General;
        }

        foreach (string s in BeforeNumberOnly)
        {
            table[s] = AbbreviationKind.BeforeNumber;
        }

        foreach (string s in Titles)
        {
            table[s] = AbbreviationKind.Title;
        }

        foreach (string s in extra)
        {
            string key = s.EndsWith('.') ? s[..^1] : s;
            if (key.Length > 0)
            {
                table.TryAdd(key, AbbreviationKind.General);
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
