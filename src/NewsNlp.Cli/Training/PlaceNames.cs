using NewsNlp.Linking;

namespace NewsNlp.Cli.Training;

/// <summary>How the training-data readers tell a GPE from a LOC when their source says only "place".</summary>
internal static class PlaceNames
{
    /// <summary>Whether the knowledge base knows the name as a country, territory, city or region with a government.</summary>
    public static bool IsGpe(string name) =>
        KnowledgeBase.Default.Find(name).Any(e => e.Type is "country" or "territory" or "city" or "admin-region");
}
