using System.Collections.Frozen;

namespace NewsNlp.Linking;

/// <summary>English given names that belong to one gender only (the Moby name lists; names in both are left out), for pronouns.</summary>
internal static class GivenNames
{
    private const string ResourceName = "NewsNlp.Linking.given-names.tsv";
    private static readonly Lazy<FrozenDictionary<string, Gender>> Names = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The gender of a given name (case-insensitive), or <see cref="Gender.Unknown"/>.</summary>
    public static Gender Of(string name) => Names.Value.GetValueOrDefault(name, Gender.Unknown);

    private static FrozenDictionary<string, Gender> Load()
    {
        using Stream stream = typeof(GivenNames).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The given-name list ({ResourceName}) is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.StartsWith('#') || tab <= 0)
            {
                continue;
            }

            names[line[..tab]] = line.AsSpan(tab + 1) is "f" ? Gender.Female : Gender.Male;
        }

        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
