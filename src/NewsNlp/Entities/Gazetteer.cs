using System.Collections.Frozen;
using NewsNlp.Tokenization;

namespace NewsNlp.Entities;

/// <summary>
/// Known names (countries, capitals and cities, demonyms, regions, major organisations) matched over tokens, longest
/// match first. The tagger uses a match as a feature, not as a decision: <c>Nice</c> or <c>Reading</c> may be a
/// city or not, and the model weighs the context. Built by tools/gazetteer from public data (docs/models.md).
/// </summary>
internal sealed class Gazetteer
{
    public const int MaxTokens = 6;
    private const string ResourceName = "NewsNlp.Entities.gazetteer-en.tsv";

    private static readonly Lazy<Gazetteer> DefaultGazetteer = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<ulong, EntityLabel> _names;
    private readonly FrozenSet<ulong> _firstTokens;

    private Gazetteer(IEnumerable<(string Name, EntityLabel Label)> names)
    {
        var table = new Dictionary<ulong, EntityLabel>();
        var first = new HashSet<ulong>();
        foreach (var (name, label) in names)
        {
            Token[] tokens = Tokenizer.Default.TokenizeToArray(name);
            if (tokens.Length is 0 or > MaxTokens)
            {
                continue;
            }

            ulong h = Start;
            for (int i = 0; i < tokens.Length; i++)
            {
                h = Add(h, tokens[i].GetText(name));
            }

            table.TryAdd(h, label);
            first.Add(Add(Start, tokens[0].GetText(name)));
        }

        _names = table.ToFrozenDictionary();
        _firstTokens = first.ToFrozenSet();
    }

    public static Gazetteer Default => DefaultGazetteer.Value;

    public int Count => _names.Count;

    private const ulong Start = 0xcbf29ce484222325UL;

    internal static Gazetteer FromNames(IEnumerable<(string Name, EntityLabel Label)> names) => new(names);

    private static Gazetteer LoadDefault()
    {
        using Stream? stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return new Gazetteer([]);
        }

        using var reader = new StreamReader(stream);
        var names = new List<(string, EntityLabel)>();
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.StartsWith('#') || tab <= 0 || !EntityLabels.TryParse(line.AsSpan(tab + 1).Trim(), out EntityLabel label))
            {
                continue;
            }

            names.Add((line[..tab], label));
        }

        return new Gazetteer(names);
    }

    /// <summary>
    /// Marks each token of a sentence with its longest match: 0 for none, else 1 + 4 × label + position
    /// (0 begin, 1 inside, 2 last, 3 unit).
    /// </summary>
    public void Match(ReadOnlySpan<char> text, ReadOnlySpan<Token> sentence, Span<byte> marks)
    {
        marks[..sentence.Length].Clear();
        int i = 0;
        while (i < sentence.Length)
        {
            ulong h = Add(Start, sentence[i].GetText(text));
            int bestLength = 0;
            EntityLabel bestLabel = default;
            if (_firstTokens.Contains(h))
            {
                for (int length = 1; length <= MaxTokens && i + length <= sentence.Length; length++)
                {
                    if (length > 1)
                    {
                        h = Add(h, sentence[i + length - 1].GetText(text));
                    }

                    if (_names.TryGetValue(h, out EntityLabel label))
                    {
                        bestLength = length;
                        bestLabel = label;
                    }
                }
            }

            if (bestLength == 0)
            {
                i++;
                continue;
            }

            for (int k = 0; k < bestLength; k++)
            {
                int position = bestLength == 1 ? 3 : k == 0 ? 0 : k == bestLength - 1 ? 2 : 1;
                marks[i + k] = (byte)(1 + (4 * (int)bestLabel) + position);
            }

            i += bestLength;
        }
    }

    /// <summary>The label of a whole name given as its tokens (<c>["Gaza", "Strip"]</c>), if the gazetteer lists it.</summary>
    public bool TryGetLabel(IReadOnlyList<string> tokens, out EntityLabel label)
    {
        label = default;
        if (tokens.Count is 0 or > MaxTokens)
        {
            return false;
        }

        ulong h = Start;
        foreach (string token in tokens)
        {
            h = Add(h, token);
        }

        return _names.TryGetValue(h, out label);
    }

    private static ulong Add(ulong h, ReadOnlySpan<char> token)
    {
        h = (h ^ 0x20) * 0x100000001b3UL;
        foreach (char c in token)
        {
            h = (h ^ c) * 0x100000001b3UL;
        }

        return h;
    }
}
