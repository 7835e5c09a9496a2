using System.Text;

namespace NewsNlp.Cli.Training;

/// <summary>A sentence of the GMB extract mapped to OntoNotes labels (IOB2).</summary>
internal sealed record GmbSentence(string[] Words, string[] Tags);

/// <summary>
/// Reads ../shared/data/gmb_kaggle/ner_dataset.csv (Groningen Meaning Bank, Voice of America news; latin-1; one token a
/// row) and maps its tags to OntoNotes labels. Splits are contiguous blocks in file order, never shuffled:
/// train = the first 80% of sentences, dev = the next 10%, test = the last 10% (the cut last sentence is dropped).
/// </summary>
/// <remarks>
/// Mapping (docs/models.md): per -> PERSON with leading titles removed (<c>President</c>, <c>Mr.</c>, <c>Prime Minister</c>:
/// OntoNotes keeps titles out of the name); geo -> LOC when the name is a region, continent, sea, river, mountain or
/// other non-political place, else GPE; gpe (nationality adjectives and nouns such as <c>British</c>) -> NORP;
/// org -> ORG; tim -> TIME when it names a time of day, else DATE; eve -> EVENT; art -> PRODUCT; nat (storms and
/// diseases) -> EVENT for named storms, else O. Session 6 (unless <c>literal</c>): an org or per on a name that the
/// gazetteer lists as a place and GMB's train block tags geo more often is GPE/LOC (<c>Seoul says</c>: OntoNotes keeps
/// a capital standing for its government GPE); a gpe on a country, city or region name is GPE (<c>Nepal</c>); a
/// tournament (<c>World Cup</c>, <c>Olympics</c>) is EVENT whatever GMB tagged it.
/// </remarks>
internal static class GmbCorpus
{
    private static readonly HashSet<string> LocationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "river", "sea", "ocean", "gulf", "lake", "mountain", "mountains", "mount", "mt.", "valley", "desert", "peninsula", "strait", "straits", "bay",
        "island", "islands", "coast", "region", "basin", "plateau", "delta", "canal", "channel", "cape", "glacier", "range", "hills", "forest", "pass",
        "continent", "horn", "steppe", "jungle", "highlands", "lowlands", "savannah", "archipelago",
        "africa", "asia", "europe", "antarctica", "america", "americas", "oceania", "arctic", "antarctic", "atlantic", "pacific", "mediterranean",
        "caribbean", "balkans", "caucasus", "sahara", "himalayas", "alps", "andes", "amazon", "nile", "euphrates", "tigris", "danube", "mideast",
        "middle", "east", "west", "north", "south", "eurasia", "scandinavia", "siberia", "sahel", "darfur", "kashmir", "sinai",
    };

    private static readonly HashSet<string> GpeDespiteCue = new(StringComparer.OrdinalIgnoreCase)
    {
        "south africa", "central african republic", "east timor", "north korea", "south korea", "west bank", "south sudan", "american samoa",
        "west virginia", "north carolina", "south carolina", "north dakota", "south dakota", "east jerusalem", "west germany", "east germany",
    };

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "morning", "afternoon", "evening", "night", "overnight", "midnight", "noon", "hour", "hours", "minute", "minutes", "a.m.", "p.m.", "gmt", "utc",
        "o'clock", "dawn", "dusk", "tonight",
    };

    private static readonly HashSet<string> SportsEventEnds = new(StringComparer.Ordinal)
    {
        "Cup", "Olympics", "Games", "Championship", "Championships", "Open", "Classic", "Masters", "Prix",
    };

    private static readonly string[] StormWords = ["hurricane", "storm", "typhoon", "cyclone", "tsunami", "earthquake"];

    public static string PathIn(string data) => Path.Combine(data, "gmb_kaggle", "ner_dataset.csv");

    /// <summary>
    /// Reads the sentences of one split: <c>train</c>, <c>dev</c>, <c>test</c> or <c>all</c>. With
    /// <paramref name="literal"/>, an org or per that names a place stays ORG or PERSON (the mapping before session 6,
    /// kept to compare figures).
    /// </summary>
    public static IReadOnlyList<GmbSentence> Read(string data, string split, bool literal = false)
    {
        List<GmbSentence> all = ReadAll(PathIn(data), literal);
        int trainEnd = all.Count * 8 / 10;
        int devEnd = all.Count * 9 / 10;
        return split switch
        {
            "train" => all[..trainEnd],
            "dev" => all[trainEnd..devEnd],
            "test" => all[devEnd..],
            "all" => all,
            _ => throw new UsageException($"unknown split '{split}': use train, dev, test or all."),
        };
    }

    private static List<GmbSentence> ReadAll(string path, bool literal)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"GMB data not found at {path}.");
        }

        var raw = new List<(string[] Words, string[] Tags)>();
        var words = new List<string>();
        var tags = new List<string>();
        foreach (string line in File.ReadLines(path, Encoding.Latin1).Skip(1))
        {
            if (line.StartsWith("Sentence:", StringComparison.Ordinal) && words.Count > 0)
            {
                raw.Add(([.. words], [.. tags]));
                words.Clear();
                tags.Clear();
            }

            int first = line.IndexOf(',', StringComparison.Ordinal);
            int last = line.LastIndexOf(',');
            int secondLast = last > 0 ? line.LastIndexOf(',', last - 1) : -1;
            if (first < 0 || secondLast <= first)
            {
                continue;
            }

            string word = line[(first + 1)..secondLast];
            if (word.Length > 1 && word[0] == '"' && word[^1] == '"')
            {
                word = word[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            words.Add(word);
            tags.Add(line[(last + 1)..].Trim());
        }

        // The extract's last sentence is cut: it is dropped.
        HashSet<string>? places = literal ? null : PlacesByMajority(raw.Take(raw.Count * 8 / 10));
        return raw.Select(s => Map(s.Words, s.Tags, places)).ToList();
    }

    /// <summary>
    /// The names that the gazetteer lists as countries, cities or regions and that GMB's train block tags as geo more
    /// often than as org (or per): GMB tags a capital or country that stands for its government as org (<c>Seoul
    /// says</c>), where OntoNotes keeps it GPE, and sometimes tags a country per. Counted on the train block only.
    /// </summary>
    internal static HashSet<string> PlacesByMajority(IEnumerable<(string[] Words, string[] Tags)> sentences)
    {
        var counts = new Dictionary<(string Name, string Type), int>();
        foreach (var (words, tags) in sentences)
        {
            foreach (var (start, end, type) in Spans(tags))
            {
                var key = (string.Join(' ', words[start..end]), type);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((name, type), count) in counts)
        {
            if (type == "geo"
                && NewsNlp.Entities.Gazetteer.Default.TryGetLabel(name.Split(' '), out var label) && label is NewsNlp.Entities.EntityLabel.Gpe or NewsNlp.Entities.EntityLabel.Loc
                && count > counts.GetValueOrDefault((name, "org")) && count > counts.GetValueOrDefault((name, "per")))
            {
                places.Add(name);
            }
        }

        return places;
    }

    /// <summary>GMB's spans: a tag of a type (B- or a stray I-) and the I- tags of that type after it, as (start, end, type).</summary>
    private static IEnumerable<(int Start, int End, string Type)> Spans(IReadOnlyList<string> tags)
    {
        int i = 0;
        while (i < tags.Count)
        {
            if (tags[i].Length < 3 || tags[i][1] != '-')
            {
                i++;
                continue;
            }

            string type = tags[i][2..];
            int end = i + 1;
            while (end < tags.Count && tags[end] == "I-" + type)
            {
                end++;
            }

            yield return (i, end, type);
            i = end;
        }
    }

    internal static GmbSentence Map(IReadOnlyList<string> words, IReadOnlyList<string> gmbTags, IReadOnlySet<string>? places = null)
    {
        var result = new string[words.Count];
        Array.Fill(result, "O");
        foreach (var (i, end, gmbType) in Spans(gmbTags))
        {
            string type = gmbType;
            string name = string.Join(' ', words.Skip(i).Take(end - i));
            if (type is "org" or "per" && places is not null && places.Contains(name))
            {
                type = "geo";
            }
            else if (type == "gpe" && places is not null && PlaceNames.IsGpe(name))
            {
                // GMB's gpe is for nationality words, but it tags some countries so throughout (Nepal, Niger, Jordan): a country is GPE.
                type = "geo";
            }
            else if (places is not null && type is "org" or "geo" or "per" or "tim" && SportsEventEnds.Contains(words[end - 1]))
            {
                // A tournament is an event in OntoNotes (the World Cup, the Olympics, the Australian Open); GMB tags it org, geo, per or tim.
                type = "eve";
            }

            int start = i;
            string? label = type switch
            {
                "per" => "PERSON",
                "org" => "ORG",
                "gpe" => "NORP",
                "eve" => "EVENT",
                "art" => "PRODUCT",
                _ => null,
            };
            if (type == "per")
            {
                while (start < end && (NewsNlp.Entities.Titles.IsTitle(words[start]) || words[start] is "." or "," or "U.S." or "U.N." or "state" or "State" or "first" or "First" or "lady" or "Lady"))
                {
                    start++;
                }
            }
            else if (type == "geo")
            {
                label = IsLocation(words, start, end) ? "LOC" : "GPE";
            }
            else if (type == "tim")
            {
                label = Enumerable.Range(start, end - start).Any(k => TimeWords.Contains(words[k]) || words[k].Contains(':', StringComparison.Ordinal)) ? "TIME" : "DATE";
            }
            else if (type == "nat")
            {
                label = Enumerable.Range(start, end - start).Any(k => StormWords.Contains(words[k].ToLowerInvariant())) ? "EVENT" : null;
            }

            if (label is not null)
            {
                for (int k = start; k < end; k++)
                {
                    result[k] = (k == start ? "B-" : "I-") + label;
                }
            }
        }

        return new GmbSentence([.. words], result);
    }

    private static bool IsLocation(IReadOnlyList<string> words, int start, int end)
    {
        string name = string.Join(' ', Enumerable.Range(start, end - start).Select(k => words[k]));
        if (GpeDespiteCue.Contains(name))
        {
            return false;
        }

        for (int k = start; k < end; k++)
        {
            if (LocationWords.Contains(words[k]))
            {
                return true;
            }
        }

        return false;
    }
}
