using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NewsNlp.Entities;

namespace NewsNlp.Linking;

/// <summary>
/// Real-world entities with their Wikidata ids, names and facts, indexed for linking. The shipped one
/// (<see cref="Default"/>, about 4,500 entities: countries, cities, regions, leaders and ministers, organisations,
/// news media, companies) is loaded once, lazily. Immutable and thread-safe; <see cref="WithEntities"/> makes an
/// extended copy with a user's own entries.
/// </summary>
/// <remarks>Contents and provenance: docs/knowledge-base.md. The entry format: <see cref="ReadTsv"/>, <see cref="ReadJson"/>.</remarks>
/// <example>
/// <code>
/// KnowledgeBase kb = KnowledgeBase.Default.WithEntities(KnowledgeBase.ReadJson(File.OpenRead("my-entities.json")));
/// var pipeline = new NewsPipeline(new NewsPipelineOptions { KnowledgeBase = kb });
/// </code>
/// </example>
public sealed class KnowledgeBase
{
    private const string ResourceName = "NewsNlp.Linking.knowledge-base-en.tsv.gz";
    private const int Columns = 11;
    private static readonly Lazy<KnowledgeBase> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ImmutableArray<KbEntity> _entities;
    private readonly FrozenDictionary<string, int[]> _byKey;
    private readonly FrozenDictionary<string, int[]> _bySkeleton;
    private readonly FrozenDictionary<string, int[]> _byNamePart;
    private readonly FrozenDictionary<string, int> _countryByCode;
    private readonly FrozenDictionary<string, int> _countryByDemonym;

    /// <summary>Creates a knowledge base of the given entities.</summary>
    /// <param name="entities">The entities; later entries with the same name and country replace earlier ones.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entities"/> is null.</exception>
    public KnowledgeBase(IEnumerable<KbEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var unique = new Dictionary<(string, string?), int>();
        var list = new List<KbEntity>();
        foreach (KbEntity e in entities)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(entities));
            if (unique.TryGetValue((e.Name, e.Country), out int at))
            {
                list[at] = e;
            }
            else
            {
                unique[(e.Name, e.Country)] = list.Count;
                list.Add(e);
            }
        }

        _entities = [.. list];
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var bySkeleton = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byNamePart = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var countryByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var countryByDemonym = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _entities.Length; i++)
        {
            KbEntity e = _entities[i];
            foreach (string name in e.Aliases.Prepend(e.Name))
            {
                string key = NameKey.Fold(name);
                if (key.Length == 0)
                {
                    continue;
                }

                Add(byKey, key, i);
                if (e.Label is EntityLabel.Person or EntityLabel.Gpe or EntityLabel.Loc)
                {
                    string skeleton = NameKey.Skeleton(key);
                    if (NameKey.Weight(skeleton) >= 5)
                    {
                        Add(bySkeleton, skeleton, i);
                    }
                }
            }

            if (e.Label == EntityLabel.Person)
            {
                string key = NameKey.Fold(e.Name);
                int space = key.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0)
                {
                    Add(byNamePart, key[(key.LastIndexOf(' ') + 1)..], i);
                    Add(byNamePart, key[..space], i);
                }
            }

            if (e.Type is "country" or "territory" && e.Country is { Length: 2 } code)
            {
                countryByCode.TryAdd(code, i);
                foreach (string demonym in e.Demonyms)
                {
                    countryByDemonym.TryAdd(NameKey.Fold(demonym), i);
                }
            }
        }

        _byKey = byKey.ToFrozenDictionary(p => p.Key, p => p.Value.Distinct().ToArray(), StringComparer.Ordinal);
        _bySkeleton = bySkeleton.ToFrozenDictionary(p => p.Key, p => p.Value.Distinct().ToArray(), StringComparer.Ordinal);
        _byNamePart = byNamePart.ToFrozenDictionary(p => p.Key, p => p.Value.Distinct().ToArray(), StringComparer.Ordinal);
        _countryByCode = countryByCode.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _countryByDemonym = countryByDemonym.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The shipped knowledge base, loaded on first use and shared.</summary>
    /// <exception cref="InvalidDataException">The embedded resource is missing or corrupt.</exception>
    public static KnowledgeBase Default => Shipped.Value;

    /// <summary>The entities, in load order.</summary>
    public ImmutableArray<KbEntity> Entities => _entities;

    /// <summary>A copy of this knowledge base with more entities; an entry with the same name and country replaces the existing one.</summary>
    /// <param name="entities">The entities to add.</param>
    /// <returns>A new knowledge base; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entities"/> is null.</exception>
    public KnowledgeBase WithEntities(IEnumerable<KbEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return new KnowledgeBase(_entities.Concat(entities));
    }

    /// <summary>The entities one of whose names folds to the same key as <paramref name="name"/> (case, diacritics and punctuation ignored).</summary>
    /// <param name="name">A name as written.</param>
    /// <returns>The matching entities; empty when none.</returns>
    public IReadOnlyList<KbEntity> Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new List<KbEntity>();
        foreach (int i in FindIndices(NameKey.Fold(name)))
        {
            result.Add(_entities[i]);
        }

        return result;
    }

    /// <summary>Every folded name and alias of the index.</summary>
    internal IEnumerable<string> Keys => _byKey.Keys;

    /// <summary>Entity indices by folded key.</summary>
    internal ReadOnlySpan<int> FindIndices(string key) => _byKey.TryGetValue(key, out int[]? ids) ? ids : [];

    /// <summary>Entity indices (people and places) by transliteration skeleton of a folded key.</summary>
    internal ReadOnlySpan<int> FindBySkeleton(string key)
    {
        string skeleton = NameKey.Skeleton(key);
        return NameKey.Weight(skeleton) >= 5 && _bySkeleton.TryGetValue(skeleton, out int[]? ids) ? ids : [];
    }

    /// <summary>People whose canonical name starts or ends with this folded word.</summary>
    internal ReadOnlySpan<int> FindPeopleByNamePart(string word) => _byNamePart.TryGetValue(word, out int[]? ids) ? ids : [];

    /// <summary>The country entity of a folded demonym (<c>chinese</c>) or folded country name.</summary>
    internal KbEntity? CountryOfDemonym(string key)
    {
        if (_countryByDemonym.TryGetValue(key, out int i))
        {
            return _entities[i];
        }

        foreach (int j in FindIndices(key))
        {
            if (_entities[j].Type is "country" or "territory")
            {
                return _entities[j];
            }
        }

        return null;
    }

    /// <summary>The country entity of an ISO alpha-2 code.</summary>
    internal KbEntity? CountryOfCode(string? code) => code is not null && _countryByCode.TryGetValue(code, out int i) ? _entities[i] : null;

    internal KbEntity this[int index] => _entities[index];

    /// <summary>
    /// Reads entities in the knowledge base's TSV format: one per line, 11 tab-separated columns
    /// <c>qid label type name aliases country gender positions demonyms capital population</c>, lists separated by
    /// <c>|</c>, positions as <c>role/where/start/end</c>; lines starting with <c>#</c> are comments.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <returns>The entities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="InvalidDataException">A line is malformed (the message gives its number).</exception>
    public static IReadOnlyList<KbEntity> ReadTsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new List<KbEntity>();
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] c = line.Split('\t');
            if (c.Length != Columns)
            {
                throw new InvalidDataException($"Knowledge-base line {number}: {c.Length} columns, expected {Columns}.");
            }

            try
            {
                result.Add(Create(c[0], c[1], c[2], c[3], List(c[4]), c[5], c[6], List(c[7]), List(c[8]), c[9], c[10]));
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"Knowledge-base line {number}: {e.Message}", e);
            }
        }

        return result;
    }

    /// <summary>
    /// Reads entities from JSON: an array of objects with the properties <c>name</c> and <c>label</c> (required) and
    /// <c>wikidataId</c>, <c>type</c>, <c>aliases</c> (array), <c>country</c>, <c>gender</c> (<c>m</c>/<c>f</c>),
    /// <c>positions</c> (array of <c>role/where/start/end</c>), <c>demonyms</c> (array), <c>capital</c>, <c>population</c>.
    /// </summary>
    /// <param name="stream">UTF-8 JSON.</param>
    /// <returns>The entities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The JSON is malformed or an entry is invalid.</exception>
    public static IReadOnlyList<KbEntity> ReadJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using JsonDocument json = JsonDocument.Parse(stream);
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("Knowledge-base JSON: expected an array of entities.");
            }

            var result = new List<KbEntity>();
            int n = 0;
            foreach (JsonElement e in json.RootElement.EnumerateArray())
            {
                n++;
                try
                {
                    result.Add(Create(
                        Text(e, "wikidataId"), Text(e, "label"), Text(e, "type"), Text(e, "name"), Texts(e, "aliases"), Text(e, "country"),
                        Text(e, "gender"), Texts(e, "positions"), Texts(e, "demonyms"), Text(e, "capital"),
                        e.TryGetProperty("population", out JsonElement p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64().ToString(CultureInfo.InvariantCulture) : ""));
                }
                catch (Exception ex) when (ex is FormatException or InvalidOperationException)
                {
                    throw new InvalidDataException($"Knowledge-base JSON entity {n}: {ex.Message}", ex);
                }
            }

            return result;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Knowledge-base JSON: {e.Message}", e);
        }
    }

    private static string Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static string[] Texts(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString() ?? "").Where(x => x.Length > 0)]
            : [];

    private static string[] List(string column) => column.Length == 0 ? [] : column.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static KbEntity Create(string qid, string label, string type, string name, string[] aliases, string country, string gender,
        string[] positions, string[] demonyms, string capital, string population)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FormatException("the name is empty.");
        }

        if (!EntityLabels.TryParse(label, out EntityLabel parsed))
        {
            throw new FormatException($"unknown label '{label}'.");
        }

        if (qid.Length > 0 && (qid[0] != 'Q' || qid.Length < 2 || qid.AsSpan(1).ContainsAnyExceptInRange('0', '9')))
        {
            throw new FormatException($"'{qid}' is not a Wikidata id.");
        }

        return new KbEntity
        {
            WikidataId = qid.Length > 0 ? qid : null,
            Name = name.Trim(),
            Label = parsed,
            Type = type.Length > 0 ? type : "other",
            Aliases = [.. aliases],
            Country = country.Length > 0 ? country.ToUpperInvariant() : null,
            Gender = gender switch { "m" => Gender.Male, "f" => Gender.Female, "" => Gender.Unknown, _ => throw new FormatException($"gender '{gender}' is not m or f.") },
            Positions = [.. positions.Select(ParsePosition)],
            Demonyms = [.. demonyms],
            Capital = capital.Length > 0 ? capital : null,
            Population = population.Length > 0 ? long.Parse(population, NumberStyles.None, CultureInfo.InvariantCulture) : null,
        };
    }

    private static KbPosition ParsePosition(string text)
    {
        string[] p = text.Split('/');
        if (p.Length != 4 || p[0].Length == 0 || p[1].Length == 0)
        {
            throw new FormatException($"position '{text}' is not role/where/start/end.");
        }

        return new KbPosition(p[0], p[1], Year(p[2]), Year(p[3]));

        static int? Year(string s) => s.Length == 0 ? null : int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int id)
    {
        if (!index.TryGetValue(key, out List<int>? list))
        {
            index[key] = list = [];
        }

        list.Add(id);
    }

    private static KnowledgeBase LoadShipped()
    {
        using Stream? resource = typeof(KnowledgeBase).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The shipped knowledge base ({ResourceName}) is missing from the assembly.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return new KnowledgeBase(ReadTsv(reader));
    }
}
