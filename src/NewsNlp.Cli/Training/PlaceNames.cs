using NewsNlp.Linking;

namespace NewsNlp.Cli.Training;

/// <summary>How the training-data readers tell a GPE from a LOC or a FAC when their source says only "place".</summary>
internal static class PlaceNames
{
    /// <summary>Whether the knowledge base knows the name as a country, territory, city or region with a government.</summary>
    public static bool IsGpe(string name) =>
        KnowledgeBase.Default.Find(name).Any(e => e.Type is "country" or "territory" or "city" or "admin-region");

    /// <summary>
    /// The label of a place name: FAC when it has several words and ends in a structure word (<c>Heathrow Airport</c>),
    /// GPE when the knowledge base knows it as a place with a government, else LOC.
    /// </summary>
    public static string Label(string name)
    {
        int space = name.LastIndexOf(' ');
        if (space > 0 && NewsNlp.Entities.Titles.IsFacilityEnd(name.AsSpan(space + 1)))
        {
            return "FAC";
        }

        return IsGpe(name) ? "GPE" : "LOC";
    }
}
