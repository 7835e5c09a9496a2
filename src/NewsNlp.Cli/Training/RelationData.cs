using System.Text.Json;
using NewsNlp.Entities;
using NewsNlp.Linking;
using NewsNlp.Relations;
using NewsNlp.Tokenization;

namespace NewsNlp.Cli.Training;

/// <summary>A gold relation between two arguments of a <see cref="RelationExample"/> (indices into its arguments).</summary>
internal readonly record struct GoldRelation(RelationType Type, int Subject, int Object, Modality Modality, int Trigger);

/// <summary>One annotated sentence: its tokens, the gold entity mentions that can take part in relations, and the gold relations.</summary>
internal sealed record RelationExample(string Source, string Id, string Text, Token[] Tokens, int First, int End, RelationArgument[] Arguments, List<GoldRelation> Relations, bool Dev)
{
    /// <summary>The gold class of each candidate pair (first, second in argument order); pairs not listed are "none".</summary>
    public Dictionary<(int, int), int> Classes()
    {
        var classes = new Dictionary<(int, int), int>();
        foreach (GoldRelation r in Relations)
        {
            int i = Math.Min(r.Subject, r.Object), j = Math.Max(r.Subject, r.Object);
            classes.TryAdd((i, j), RelationClasses.Of(r.Type, r.Subject == i));
        }

        return classes;
    }
}

/// <summary>
/// Reads the relation training data: the project's own annotated sentences (tools/relations/annotated/*.jsonl, every
/// fifth sentence of a file is dev) and Dstl's re3d (../shared/data/re3d; every fifth document by id is dev), with
/// re3d's relation types mapped onto the project's (docs/relations.md).
/// </summary>
internal static class RelationData
{
    public static string? OwnFolder() => Evaluation.DataLocator.Above(Path.Combine("tools", "relations", "annotated"));

    public static List<RelationExample> ReadOwn(string folder)
    {
        var examples = new List<RelationExample>();
        foreach (string file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            int n = 0;
            foreach (string line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                JsonElement root = json.RootElement;
                string id = root.GetProperty("id").GetString()!;
                string text = root.GetProperty("text").GetString()!;
                Token[] tokens = [.. Tokenizer.Default.Tokenize(text)];
                var spans = new List<(int Start, int End, EntityLabel Label)>();
                foreach (JsonElement e in root.GetProperty("entities").EnumerateArray())
                {
                    string surface = e.GetProperty("text").GetString()!;
                    int occurrence = e.TryGetProperty("occurrence", out JsonElement o) ? o.GetInt32() : 1;
                    int at = -1;
                    for (int k = 0; k < occurrence; k++)
                    {
                        at = text.IndexOf(surface, at + 1, StringComparison.Ordinal);
                    }

                    if (at < 0 || !TryLabel(e.GetProperty("label").GetString(), out EntityLabel label))
                    {
                        throw new InvalidDataException($"{file}: {id}: entity '{surface}' not found or label unknown.");
                    }

                    spans.Add((at, at + surface.Length, label));
                }

                var gold = new List<(RelationType, int, int, Modality, int)>();
                foreach (JsonElement r in root.TryGetProperty("relations", out JsonElement rs) ? rs.EnumerateArray() : default)
                {
                    if (!RelationNames.TryParseType(r.GetProperty("type").GetString(), out RelationType type)
                        || !RelationNames.TryParseModality(r.GetProperty("modality").GetString(), out Modality modality))
                    {
                        throw new InvalidDataException($"{file}: {id}: unknown relation type or modality.");
                    }

                    int trigger = -1;
                    if (r.TryGetProperty("trigger", out JsonElement t) && t.GetString() is { Length: > 0 } word)
                    {
                        int at = text.IndexOf(word, StringComparison.Ordinal);
                        trigger = at < 0 ? -1 : TokenSearch.FirstEndingAfter(tokens, at);
                    }

                    gold.Add((type, r.GetProperty("subject").GetInt32(), r.GetProperty("object").GetInt32(), modality, trigger));
                }

                examples.Add(Build("own", id, text, tokens, 0, tokens.Length, spans, gold, dev: n % 5 == 4));
                n++;
            }
        }

        return examples;
    }

    /// <summary>
    /// re3d documents, one example per sentence with at least two mapped mentions. Mentions are those with a capital
    /// letter or a pronoun (re3d also marks common nouns such as <c>mourners</c>); Organisation and Location become GPE
    /// when the knowledge base knows the name as a country, territory, city or region, else ORG and LOC.
    /// </summary>
    public static List<RelationExample> ReadRe3d(string data)
    {
        var examples = new List<RelationExample>();
        foreach (var (source, documents, entities) in Re3dSources(data))
        {
            var relations = ByDocument(JsonLines(Path.Combine(source, "relations.json")));
            string sourceName = Path.GetFileName(source);
            foreach ((string docId, string text) in documents)
            {
                bool dev = IsRe3dDev(docId);
                Token[] tokens = [.. Tokenizer.Default.Tokenize(text)];
                Sentence[] sentences = SentenceSplitter.Default.Split(text, tokens);
                var spans = new List<(int Start, int End, EntityLabel Label)>();
                foreach (JsonElement e in entities.GetValueOrDefault(docId) ?? [])
                {
                    int begin = e.GetProperty("begin").GetInt32(), end = e.GetProperty("end").GetInt32();
                    string value = text[begin..end];
                    EntityLabel? label = e.GetProperty("type").GetString() switch
                    {
                        "Person" => EntityLabel.Person,
                        "Organisation" => IsPlace(value) ? EntityLabel.Gpe : EntityLabel.Org,
                        "Location" => IsPlace(value) ? EntityLabel.Gpe : EntityLabel.Loc,
                        _ => null,
                    };
                    if (label is { } l && (value.Any(char.IsUpper) || IsPronoun(value)))
                    {
                        spans.Add((begin, end, l));
                    }
                }

                spans = [.. spans.Distinct().OrderBy(s => s.Start).ThenByDescending(s => s.End)];

                // Nested annotations: keep the outermost.
                var kept = new List<(int Start, int End, EntityLabel Label)>();
                foreach (var s in spans)
                {
                    if (kept.Count == 0 || s.Start >= kept[^1].End)
                    {
                        kept.Add(s);
                    }
                }

                var synonyms = new List<(int, int)>();
                var gold = new List<(int SubjectStart, int SubjectEnd, int ObjectStart, int ObjectEnd, RelationType? Type)>();
                foreach (JsonElement r in relations.GetValueOrDefault(docId) ?? [])
                {
                    int sb = r.GetProperty("sourceBegin").GetInt32(), se = r.GetProperty("sourceEnd").GetInt32();
                    int tb = r.GetProperty("targetBegin").GetInt32(), te = r.GetProperty("targetEnd").GetInt32();
                    int si = kept.FindIndex(k => k.Start == sb && k.End == se), ti = kept.FindIndex(k => k.Start == tb && k.End == te);
                    if (si < 0 || ti < 0 || si == ti)
                    {
                        continue;
                    }

                    string type = r.GetProperty("type").GetString()!;
                    if (type == "IsSynonymOf")
                    {
                        synonyms.Add((si, ti));
                        continue;
                    }

                    gold.Add((sb, se, tb, te, Map(type, kept[si].Label, kept[ti].Label, text, sb, se)));
                }

                foreach (Sentence sentence in sentences)
                {
                    var inSentence = kept.Where(k => k.Start >= sentence.Start && k.End <= sentence.End).ToList();
                    if (inSentence.Count < 2)
                    {
                        continue;
                    }

                    var relationsHere = new List<(RelationType, int, int, Modality, int)>();
                    var ignored = new HashSet<(int, int)>();
                    foreach (var g in gold)
                    {
                        int si = inSentence.FindIndex(k => k.Start == g.SubjectStart && k.End == g.SubjectEnd);
                        int ti = inSentence.FindIndex(k => k.Start == g.ObjectStart && k.End == g.ObjectEnd);
                        if (si < 0 || ti < 0)
                        {
                            continue;
                        }

                        if (g.Type is RelationType type)
                        {
                            relationsHere.Add((type, si, ti, Modality.Asserted, -1));
                        }
                        else
                        {
                            ignored.Add((Math.Min(si, ti), Math.Max(si, ti)));
                        }
                    }

                    RelationExample example = Build("re3d/" + sourceName, docId, text, tokens, sentence.FirstToken, sentence.FirstToken + sentence.TokenCount, inSentence, relationsHere, dev);

                    // Synonyms are one entity; pairs whose re3d type has no counterpart here are left out rather than called "none".
                    foreach ((int a, int b) in synonyms)
                    {
                        Merge(example, ArgumentOf(example, tokens, kept[a]), ArgumentOf(example, tokens, kept[b]));
                    }

                    foreach ((int a, int b) in ignored)
                    {
                        Merge(example, ArgumentOf(example, tokens, inSentence[a]), ArgumentOf(example, tokens, inSentence[b]));
                    }

                    examples.Add(example);
                }
            }
        }

        return examples;
    }

    /// <summary>
    /// re3d's source folders (in name order), each with its documents (id and text, in file order) and its entity
    /// annotations by document id; none when ../shared/data/re3d is absent.
    /// </summary>
    internal static IEnumerable<(string Folder, List<(string Id, string Text)> Documents, Dictionary<string, List<JsonElement>> Entities)> Re3dSources(string data)
    {
        string root = Path.Combine(data, "re3d");
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (string source in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            List<(string, string)> documents = [.. JsonLines(Path.Combine(source, "documents.json")).Select(d => (d.GetProperty("_id").GetString()!, d.GetProperty("text").GetString()!))];
            yield return (source, documents, ByDocument(JsonLines(Path.Combine(source, "entities.json"))));
        }
    }

    private static Dictionary<string, List<JsonElement>> ByDocument(IEnumerable<JsonElement> annotations) =>
        annotations.GroupBy(e => e.GetProperty("documentId").GetString()!).ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>Whether a re3d document is in the dev part (every fifth by a stable hash of its id).</summary>
    internal static bool IsRe3dDev(string documentId) => (uint)StableHash(documentId) % 5 == 4;

    /// <summary>The objects of a mongoexport file, one per line.</summary>
    private static IEnumerable<JsonElement> JsonLines(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<JsonElement>(l));

    /// <summary>re3d's types onto ours (docs/relations.md); null for a relation this set has no type for (the pair is then left out).</summary>
    private static RelationType? Map(string type, EntityLabel subject, EntityLabel obj, string text, int subjectStart, int subjectEnd) => type switch
    {
        "CommWith" => RelationType.Meet,
        "InChargeOf" when subject == EntityLabel.Person && obj is EntityLabel.Org or EntityLabel.Gpe => RelationType.Role,
        "BelongsTo" when subject == EntityLabel.Person && obj is EntityLabel.Org or EntityLabel.Gpe =>
            text[subjectStart..subjectEnd].Split(' ').Any(w => Titles.IsOffice(w)) ? RelationType.Role : RelationType.MemberOf,
        "BelongsTo" when subject is EntityLabel.Org or EntityLabel.Gpe && obj == EntityLabel.Org => RelationType.MemberOf,
        "CoLocated" when subject is EntityLabel.Org or EntityLabel.Gpe or EntityLabel.Loc or EntityLabel.Fac && obj is EntityLabel.Gpe or EntityLabel.Loc => RelationType.LocatedIn,
        "FightingAgainst" => RelationType.Attack,
        "AlliesOf" or "Likes" => RelationType.Support,
        "Dislikes" => RelationType.Criticize,
        _ => null,
    };

    private static int ArgumentOf(RelationExample example, Token[] tokens, (int Start, int End, EntityLabel Label) span)
    {
        int first = TokenSearch.FirstEndingAfter(tokens, span.Start);
        return Array.FindIndex(example.Arguments, a => a.First == first);
    }

    /// <summary>Marks two arguments as one entity: the pair is then no candidate.</summary>
    private static void Merge(RelationExample example, int a, int b)
    {
        if (a < 0 || b < 0)
        {
            return;
        }

        int from = example.Arguments[b].Entity, to = example.Arguments[a].Entity;
        for (int i = 0; i < example.Arguments.Length; i++)
        {
            if (example.Arguments[i].Entity == from)
            {
                example.Arguments[i] = example.Arguments[i] with { Entity = to };
            }
        }
    }

    private static RelationExample Build(string source, string id, string text, Token[] tokens, int first, int end, List<(int Start, int End, EntityLabel Label)> spans, List<(RelationType Type, int Subject, int Object, Modality Modality, int Trigger)> gold, bool dev)
    {
        // Arguments: the mentions whose label can take part in a relation, in text order; entity = annotation index.
        var args = new List<RelationArgument>();
        var index = new Dictionary<int, int>();
        for (int k = 0; k < spans.Count; k++)
        {
            (int s, int e, EntityLabel label) = spans[k];
            if (!RelationExtractor.IsArgumentLabel(label))
            {
                continue;
            }

            int a = TokenSearch.FirstEndingAfter(tokens, s);
            int b = TokenSearch.FirstEndingAfter(tokens, Math.Max(s, e - 1));
            if (a >= tokens.Length || b >= tokens.Length)
            {
                continue;
            }

            string surface = text[s..e];
            MentionKind kind = IsPronoun(surface) ? MentionKind.Pronoun : char.IsUpper(surface[0]) || char.IsDigit(surface[0]) ? MentionKind.Name : MentionKind.Nominal;
            index[k] = args.Count;
            args.Add(new RelationArgument(a, b, label, k, kind));
        }

        var order = Enumerable.Range(0, args.Count).OrderBy(i => args[i].First).ThenBy(i => args[i].Last).ToArray();
        var position = new int[args.Count];
        for (int i = 0; i < order.Length; i++)
        {
            position[order[i]] = i;
        }

        RelationArgument[] sorted = [.. order.Select(i => args[i])];
        var relations = new List<GoldRelation>();
        foreach ((RelationType type, int subject, int obj, Modality modality, int trigger) in gold)
        {
            if (index.TryGetValue(subject, out int s) && index.TryGetValue(obj, out int o))
            {
                relations.Add(new GoldRelation(type, position[s], position[o], modality, trigger));
            }
        }

        return new RelationExample(source, id, text, tokens, first, end, sorted, relations, dev);
    }

    private static bool IsPronoun(string s) => s.ToLowerInvariant() is "he" or "she" or "it" or "they" or "we" or "his" or "her" or "its" or "their" or "our" or "him" or "them" or "us";

    private static bool IsPlace(string name)
    {
        string n = name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
        return PlaceNames.IsGpe(n);
    }

    private static bool TryLabel(string? name, out EntityLabel label)
    {
        foreach (EntityLabel l in Enum.GetValues<EntityLabel>())
        {
            if (l.ToName() == name)
            {
                label = l;
                return true;
            }
        }

        label = default;
        return false;
    }

    private static int StableHash(string s)
    {
        unchecked
        {
            int h = (int)2166136261;
            foreach (char c in s)
            {
                h = (h ^ c) * 16777619;
            }

            return h;
        }
    }
}
