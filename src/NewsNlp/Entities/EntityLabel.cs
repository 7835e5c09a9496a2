namespace NewsNlp.Entities;

/// <summary>The entity labels of OntoNotes 5, which NewsNlp uses throughout.</summary>
public enum EntityLabel : byte
{
    /// <summary>People, including fictional ones.</summary>
    Person,

    /// <summary>Companies, agencies, institutions, parties, armed groups.</summary>
    Org,

    /// <summary>Geo-political entities: countries, cities, states, provinces.</summary>
    Gpe,

    /// <summary>Non-GPE locations: regions, continents, mountain ranges, bodies of water.</summary>
    Loc,

    /// <summary>Nationalities, religious or political groups (<c>Chinese</c>, <c>Western</c>).</summary>
    Norp,

    /// <summary>Buildings, airports, highways, bridges.</summary>
    Fac,

    /// <summary>Objects, vehicles, weapons, foods, software (not services).</summary>
    Product,

    /// <summary>Named wars, summits, forums, storms, sports events.</summary>
    Event,

    /// <summary>Titles of books, songs, programmes.</summary>
    WorkOfArt,

    /// <summary>Named documents made into laws.</summary>
    Law,

    /// <summary>Any named language.</summary>
    Language,

    /// <summary>Absolute or relative dates or periods.</summary>
    Date,

    /// <summary>Times smaller than a day.</summary>
    Time,

    /// <summary>Monetary values, including the unit.</summary>
    Money,

    /// <summary>Percentages, including <c>%</c>.</summary>
    Percent,

    /// <summary>Measurements, as of weight or distance.</summary>
    Quantity,

    /// <summary>Numerals that do not fall under another type.</summary>
    Cardinal,

    /// <summary><c>first</c>, <c>second</c>, <c>3rd</c>.</summary>
    Ordinal,
}

/// <summary>Names of <see cref="EntityLabel"/> as OntoNotes writes them.</summary>
public static class EntityLabels
{
    private static readonly string[] Names =
    [
        "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME",
        "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
    ];

    /// <summary>The OntoNotes name of a label, such as <c>PERSON</c> or <c>WORK_OF_ART</c>.</summary>
    /// <param name="label">The label.</param>
    /// <returns>Its name.</returns>
    public static string ToName(this EntityLabel label) => Names[(int)label];

    /// <summary>Whether the label is a value (date, time, amount, number) rather than a named thing.</summary>
    /// <param name="label">The label.</param>
    /// <returns><see langword="true"/> for DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL and ORDINAL.</returns>
    public static bool IsValue(this EntityLabel label) => label is EntityLabel.Date or EntityLabel.Time or EntityLabel.Money
        or EntityLabel.Percent or EntityLabel.Quantity or EntityLabel.Cardinal or EntityLabel.Ordinal;

    /// <summary>Parses an OntoNotes label name (case-insensitive).</summary>
    /// <param name="name">A name such as <c>GPE</c>.</param>
    /// <param name="label">The label, when the name is known.</param>
    /// <returns>Whether the name is a known label.</returns>
    public static bool TryParse(ReadOnlySpan<char> name, out EntityLabel label)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (name.Equals(Names[i], StringComparison.OrdinalIgnoreCase))
            {
                label = (EntityLabel)i;
                return true;
            }
        }

        label = default;
        return false;
    }
}
