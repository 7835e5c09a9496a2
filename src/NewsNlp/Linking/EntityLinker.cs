using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using NewsNlp.Entities;
using NewsNlp.Tokenization;

namespace NewsNlp.Linking;

/// <summary>
/// Groups a document's entity mentions into entities and links them to a <see cref="KnowledgeBase"/>: names by folded
/// alias lookup (case, diacritics, punctuation, transliteration variants), surnames and honorifics to earlier full
/// names, descriptions (<c>the Chinese president</c>, <c>his Russian counterpart</c>) through the offices in the
/// knowledge base and the titles seen in the text, and pronouns to the most salient compatible entity. Immutable and
/// thread-safe.
/// </summary>
/// <remarks>The rules, with examples and their measured accuracy: docs/linking.md.</remarks>
public sealed class EntityLinker
{
    private static readonly Lazy<EntityLinker> Shipped = new(() => new EntityLinker(KnowledgeBase.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    // Role words of descriptions and titles, and the knowledge-base roles they match ("*" matches any office).
    private static readonly FrozenDictionary<string, string[]> RoleWords = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["president"] = ["president"],
        ["president-elect"] = ["president"],
        ["premier"] = ["prime-minister", "head-of-government"],
        ["prime minister"] = ["prime-minister", "head-of-government"],
        ["chancellor"] = ["chancellor", "head-of-government"],
        ["leader"] = ["president", "prime-minister", "supreme-leader", "leader", "chancellor", "monarch", "head-of-government"],
        ["head of state"] = ["president", "monarch"],
        ["foreign minister"] = ["foreign-minister"],
        ["foreign secretary"] = ["foreign-minister"],
        ["secretary of state"] = ["foreign-minister"],
        ["top diplomat"] = ["foreign-minister"],
        ["defence minister"] = ["defence-minister"],
        ["defense minister"] = ["defence-minister"],
        ["defense secretary"] = ["defence-minister"],
        ["defence secretary"] = ["defence-minister"],
        ["finance minister"] = ["finance-minister"],
        ["spokesperson"] = ["spokesperson"],
        ["spokesman"] = ["spokesperson"],
        ["spokeswoman"] = ["spokesperson"],
        ["secretary-general"] = ["secretary-general"],
        ["king"] = ["monarch"],
        ["queen"] = ["monarch"],
        ["monarch"] = ["monarch"],
        ["counterpart"] = ["*"],
        ["minister"] = ["foreign-minister", "defence-minister", "finance-minister", "prime-minister"],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> OrganisationNouns = FrozenSet.ToFrozenSet(
        ["company", "firm", "manufacturer", "maker", "producer", "corporation", "conglomerate", "group", "agency", "ministry", "organisation", "organization", "alliance", "bloc"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Determiners = FrozenSet.ToFrozenSet(["the", "his", "her", "its", "their", "our"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SpeechVerbs = FrozenSet.ToFrozenSet(
        ["said", "says", "added", "stated", "announced", "reported", "told", "noted", "insisted", "claimed", "denied", "warned"],
        StringComparer.OrdinalIgnoreCase);

    private readonly KnowledgeBase _kb;
    private readonly bool _groupOnly;
    private readonly EntitySpotter? _spotter;
    private readonly FrozenSet<string> _capitals;
    private readonly FrozenDictionary<string, KbEntity[]> _currentHolders;

    /// <summary>Creates a linker over a knowledge base.</summary>
    /// <param name="knowledgeBase">The knowledge base to link to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    public EntityLinker(KnowledgeBase knowledgeBase)
        : this(knowledgeBase, groupOnly: false)
    {
    }

    private EntityLinker(KnowledgeBase knowledgeBase, bool groupOnly)
    {
        _groupOnly = groupOnly;
        _spotter = groupOnly ? null : new EntitySpotter(knowledgeBase);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        _kb = knowledgeBase;
        _capitals = knowledgeBase.Entities.Where(e => e.Capital is not null).Select(e => NameKey.Fold(e.Capital!)).ToFrozenSet(StringComparer.Ordinal);
        _currentHolders = knowledgeBase.Entities
            .Where(e => e.Label == EntityLabel.Person)
            .SelectMany(e => e.Positions.Where(p => p.End is null).Select(p => (Key: p.Role + "|" + p.Where, Entity: e)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Entity).Distinct().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>A linker with an empty knowledge base that only groups equal names (used when linking is off).</summary>
    internal static EntityLinker Unlinked { get; } = new(new KnowledgeBase([]), groupOnly: true);

    /// <summary>The linker over <see cref="KnowledgeBase.Default"/>, created on first use and shared.</summary>
    public static EntityLinker Default => Shipped.Value;

    /// <summary>The knowledge base this linker links to.</summary>
    public KnowledgeBase KnowledgeBase => _kb;

    /// <summary>Adds the knowledge-base names the tagger missed to <paramref name="mentions"/> (see <see cref="EntitySpotter"/>).</summary>
    internal void Spot(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, List<EntityMention> mentions, CancellationToken cancellationToken) =>
        _spotter?.Spot(text, tokens, sentences, mentions, cancellationToken);

    /// <summary>Resolves a document's mentions into entities, by offsets into <paramref name="text"/>.</summary>
    internal List<DocumentEntity> Resolve(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, IReadOnlyList<EntityMention> mentions, CancellationToken cancellationToken)
    {
        var state = new DocumentState(this, text, tokens, sentences);
        for (int i = 0; i < mentions.Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            state.AddName(mentions[i], tokens);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!_groupOnly)
        {
            state.ResolveReferences(tokens, sentences, cancellationToken);
        }

        return state.Build();
    }


    private static bool IsPlace(EntityLabel label) => label is EntityLabel.Gpe or EntityLabel.Loc or EntityLabel.Fac;

    /// <summary>Whether a knowledge-base entry can be what a mention with this label names.</summary>
    private static bool Compatible(EntityLabel mention, KbEntity entry) => mention switch
    {
        EntityLabel.Person => entry.Label == EntityLabel.Person,
        EntityLabel.Gpe or EntityLabel.Loc or EntityLabel.Fac => IsPlace(entry.Label),
        EntityLabel.Org => entry.Label == EntityLabel.Org || entry.Type is "country" or "territory",
        _ => entry.Label == mention,
    };

    /// <summary>A name without the titles before it (<c>Professor Eastman</c> is <c>Eastman</c>), when a name is left.</summary>
    private static string StripTitles(string name)
    {
        string[] words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int first = 0;
        while (first < words.Length - 1 && Titles.IsTitle(words[first]))
        {
            first++;
        }

        return first == 0 ? name : string.Join(' ', words[first..]);
    }

    /// <summary>A mention's text without a possessive ending.</summary>
    private static string StripPossessive(string text) =>
        text.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || text.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase) ? text[..^2]
        : text.EndsWith('\'') || text.EndsWith('\u2019') ? text[..^1] : text;

    /// <summary>An entity being built: its mentions and what is known of it.</summary>
    private sealed class Cluster
    {
        public EntityLabel Label;
        public KbEntity? Kb;
        public float LinkConfidence;
        public readonly List<(int Start, int End, MentionKind Kind, float Confidence, int Token, int Sentence)> Mentions = [];
        public readonly HashSet<string> Keys = new(StringComparer.Ordinal);
        public readonly HashSet<string> Words = new(StringComparer.Ordinal);
        public readonly HashSet<string> Roles = new(StringComparer.Ordinal);
        public string BestName = "";
        public Gender Gender;
        public string? Country;
        public int LastToken = -1;

        public void Link(KbEntity entry, float confidence)
        {
            Kb = entry;
            LinkConfidence = confidence;
            Label = entry.Type is "country" or "territory" ? EntityLabel.Gpe : Label;
            Gender = entry.Gender != Gender.Unknown ? entry.Gender : Gender;
            Country = entry.Country ?? Country;
            foreach (KbPosition p in entry.Positions)
            {
                Roles.Add(p.Role);
            }
        }
    }

    private sealed class DocumentState
    {
        private readonly EntityLinker _linker;
        private readonly string _text;
        private readonly List<Cluster> _clusters = [];
        private readonly Dictionary<(string, EntityLabel), Cluster> _numeric = [];
        private readonly int[] _sentenceOfToken;
        private readonly HashSet<string> _docCountries = new(StringComparer.OrdinalIgnoreCase);

        // Name mentions in text order, and the token ranges they cover; and the same by sentence, with descriptions and pronouns.
        private readonly List<(int FirstToken, int EndToken, Cluster Cluster, bool Possessive)> _timeline = [];
        private readonly List<(int FirstToken, int EndToken, Cluster Cluster, bool Possessive)>[] _bySentence;
        private readonly List<(int FirstToken, int EndToken, Cluster Cluster, bool Possessive)>[] _referencesBySentence;

        // Indices of the clusters, so that each mention costs the same however long the document.
        private readonly Dictionary<string, Cluster> _byKey = new(StringComparer.Ordinal);
        private readonly Dictionary<KbEntity, Cluster> _byEntry = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, List<Cluster>> _peopleByWord = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Cluster> _peopleByWordSkeleton = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Cluster> _bySkeleton = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Cluster> _byInitials = new(StringComparer.Ordinal);

        public DocumentState(EntityLinker linker, string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences)
        {
            _linker = linker;
            _text = text;
            _sentenceOfToken = new int[tokens.Length];
            _sentenceOfToken.AsSpan().Fill(-1);
            _bySentence = new List<(int, int, Cluster, bool)>[sentences.Length];
            _referencesBySentence = new List<(int, int, Cluster, bool)>[sentences.Length];
            for (int s = 0; s < sentences.Length; s++)
            {
                _sentenceOfToken.AsSpan(sentences[s].FirstToken, sentences[s].TokenCount).Fill(s);
            }
        }

        private KnowledgeBase Kb => _linker._kb;

        public void AddName(EntityMention m, ReadOnlySpan<Token> tokens)
        {
            string raw = _text.Substring(m.Start, m.Length);
            int sentence = m.FirstToken < _sentenceOfToken.Length ? _sentenceOfToken[m.FirstToken] : -1;
            if (m.Label.IsValue() || m.Label == EntityLabel.Norp)
            {
                string numericKey = m.Label == EntityLabel.Norp ? NameKey.Fold(raw) : string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (!_numeric.TryGetValue((numericKey, m.Label), out Cluster? n))
                {
                    n = new Cluster { Label = m.Label, BestName = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) };
                    _numeric[(numericKey, m.Label)] = n;
                    _clusters.Add(n);
                }

                n.Mentions.Add((m.Start, m.End, MentionKind.Name, m.Confidence, m.FirstToken, sentence));
                return;
            }

            string name = StripPossessive(raw).Trim();
            name = m.Label == EntityLabel.Person ? StripTitles(name) : name;
            bool possessive = name.Length != raw.Trim().Length || (m.FirstToken + m.TokenCount < tokens.Length && IsPossessiveToken(tokens[m.FirstToken + m.TokenCount]));
            string key = NameKey.Fold(name);
            EntityLabel label = m.Label;
            (KbEntity? Entry, float Confidence) link = default;
            Cluster? cluster = key.Length == 0 ? null : Match(key, ref label, out link);
            if (cluster is null)
            {
                cluster = new Cluster { Label = label };
                _clusters.Add(cluster);
                if (link.Entry is not null)
                {
                    cluster.Link(link.Entry, link.Confidence);
                }
            }

            Register(cluster, key, label);

            if (cluster.Kb is null && (name.Split(' ').Length > cluster.BestName.Split(' ').Length || (name.Split(' ').Length == cluster.BestName.Split(' ').Length && name.Length > cluster.BestName.Length)))
            {
                cluster.BestName = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            }

            if (cluster.Label == EntityLabel.Person)
            {
                ReadTitle(cluster, m.FirstToken, tokens);
                if (cluster.Gender == Gender.Unknown)
                {
                    string given = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    cluster.Gender = name.Contains(' ', StringComparison.Ordinal) || cluster.Words.Count == 1 ? GivenNames.Of(given) : Gender.Unknown;
                }
            }

            if (cluster.Kb?.Country is { } country)
            {
                _docCountries.Add(country);
            }

            cluster.Mentions.Add((m.Start, m.End, MentionKind.Name, m.Confidence, m.FirstToken, sentence));
            cluster.LastToken = m.FirstToken;
            _timeline.Add((m.FirstToken, m.FirstToken + m.TokenCount, cluster, possessive));
            if (sentence >= 0)
            {
                (_bySentence[sentence] ??= []).Add((m.FirstToken, m.FirstToken + m.TokenCount, cluster, possessive));
            }
        }

        private void Register(Cluster cluster, string key, EntityLabel label)
        {
            if (key.Length == 0)
            {
                return;
            }

            cluster.Keys.Add(key);
            _byKey[FamilyKey(key, cluster.Label)] = cluster;
            if (cluster.Kb is not null)
            {
                _byEntry.TryAdd(cluster.Kb, cluster);
            }

            foreach (string w in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (cluster.Words.Add(w) && cluster.Label == EntityLabel.Person)
                {
                    if (!_peopleByWord.TryGetValue(w, out List<Cluster>? list))
                    {
                        _peopleByWord[w] = list = [];
                    }

                    list.Add(cluster);
                    _peopleByWordSkeleton[NameKey.Skeleton(w)] = cluster;
                }
            }

            if (label is EntityLabel.Person or EntityLabel.Gpe)
            {
                string skeleton = NameKey.Skeleton(key);
                if (NameKey.Weight(skeleton) >= 5)
                {
                    _bySkeleton[FamilyKey(skeleton, cluster.Label)] = cluster;
                }
            }

            if (cluster.Label == EntityLabel.Org && cluster.Kb is null && key.Contains(' ', StringComparison.Ordinal))
            {
                _byInitials[Initials(cluster.BestName.Length > 0 ? cluster.BestName : key)] = cluster;
            }
        }

        private static string FamilyKey(string key, EntityLabel label) => (IsPlace(label) ? "place" : label.ToName()) + "|" + key;

        private bool IsPossessiveToken(Token t) => t.Length <= 2 && _text.AsSpan(t.Start, t.Length) is "'s" or "\u2019s" or "'" or "\u2019";

        /// <summary>An earlier entity this name refers to: the same key, a knowledge-base entry already in the document, or a part of an earlier person's name.</summary>
        /// <remarks><paramref name="link"/> is the knowledge-base entry of the name itself, for a new entity when none matches.</remarks>
        private Cluster? Match(string key, ref EntityLabel label, out (KbEntity? Entry, float Confidence) link)
        {
            link = default;
            if (_byKey.TryGetValue(FamilyKey(key, label), out Cluster? same))
            {
                label = same.Label;
                return same;
            }

            if (_linker._groupOnly)
            {
                return null;
            }

            string[] words = key.Split(' ');
            link = LinkNew(key, label);
            (KbEntity? entry, float linkConfidence) = link;
            if (entry is not null && _byEntry.TryGetValue(entry, out Cluster? linked))
            {
                linked.LinkConfidence = Math.Max(linked.LinkConfidence, linkConfidence);
                label = linked.Label;
                return linked;
            }

            // A known entity of its own, unless it is one word of a person's name, which may be an earlier person's.
            if (entry is not null && !(label == EntityLabel.Person && words.Length == 1))
            {
                return null;
            }

            // A part of an earlier person's name (Macron, Mr Macron, Macron's; a short form of a full name), most recent first.
            if (words.Length <= 2 && (label == EntityLabel.Person || (words.Length == 1 && entry is null)) && _peopleByWord.TryGetValue(words[0], out List<Cluster>? people))
            {
                for (int i = people.Count - 1; i >= 0; i--)
                {
                    Cluster c = people[i];
                    if (c.Words.Count > words.Length && words.All(c.Words.Contains))
                    {
                        label = EntityLabel.Person;
                        return c;
                    }
                }
            }

            // A misspelt or transliterated surname of an earlier person (Bauchtman for Buchtmann).
            if (label == EntityLabel.Person && words.Length == 1)
            {
                string skeleton = NameKey.Skeleton(key);
                if (NameKey.Weight(skeleton) >= 4)
                {
                    if (_peopleByWordSkeleton.TryGetValue(skeleton, out Cluster? person) && person.Words.Count > 1)
                    {
                        return person;
                    }
                }
            }

            // An earlier organisation named by its initials (CETC for China Electronics Technology Group Corporation).
            if (label == EntityLabel.Org && words.Length == 1 && key.Length is >= 2 and <= 6 && _byInitials.TryGetValue(key, out Cluster? acronym))
            {
                return acronym;
            }

            // A transliteration variant of an earlier name (Kharkiv and Kharkov, Gorbachev and Gorbachov in one article).
            if (label is EntityLabel.Person or EntityLabel.Gpe)
            {
                string skeleton = NameKey.Skeleton(key);
                if (NameKey.Weight(skeleton) >= 5 && _bySkeleton.TryGetValue(FamilyKey(skeleton, label), out Cluster? variant))
                {
                    return variant;
                }
            }

            return null;
        }

        private static bool SameFamily(EntityLabel a, EntityLabel b) => a == b || (IsPlace(a) && IsPlace(b));

        private static string Initials(string name)
        {
            var initials = new System.Text.StringBuilder();
            foreach (string word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (char.IsUpper(word[0]))
                {
                    initials.Append(char.ToLowerInvariant(word[0]));
                }
            }

            return initials.ToString();
        }

        /// <summary>The knowledge-base entry a name links to, with a confidence; null when there is none or it is unclear.</summary>
        public (KbEntity? Entry, float Confidence) LinkNew(string key, EntityLabel label)
        {
            List<KbEntity> candidates = Candidates(Kb.FindIndices(key), label);
            float certainty = 1f;
            if (candidates.Count == 0 && label == EntityLabel.Person && !key.Contains(' ', StringComparison.Ordinal))
            {
                // A surname alone that names one person of the knowledge base (Macron).
                candidates = Candidates(Kb.FindPeopleByNamePart(key), label);
                if (candidates.Count != 1)
                {
                    return (null, 0);
                }

                certainty = 0.8f;
            }

            if (candidates.Count == 0)
            {
                candidates = Candidates(Kb.FindBySkeleton(key), label);
                certainty = 0.75f;
                if (candidates.Count != 1)
                {
                    return (null, 0);
                }
            }

            if (candidates.Count == 1)
            {
                return (candidates[0], 0.95f * certainty);
            }

            var scored = candidates.Select(c => (Entry: c, Score: Score(c, key, label))).OrderByDescending(c => c.Score).ToList();
            double margin = scored[0].Score - scored[1].Score;
            return margin < 0.05 ? (null, 0) : (scored[0].Entry, (float)(certainty * (0.5 + 0.45 * Math.Tanh(margin))));
        }

        private List<KbEntity> Candidates(ReadOnlySpan<int> ids, EntityLabel label)
        {
            var result = new List<KbEntity>(ids.Length);
            foreach (int i in ids)
            {
                KbEntity e = Kb[i];
                if (Compatible(label, e))
                {
                    result.Add(e);
                }
            }

            return result;
        }

        private double Score(KbEntity e, string key, EntityLabel label)
        {
            double score = e.Label == label ? 2 : 0;
            score += e.Type switch { "country" => 1.5, "territory" => 1.0, _ => 0 };
            score += _linker._capitals.Contains(NameKey.Fold(e.Name)) ? 1.0 : 0;
            score += e.Population is long p ? Math.Log10(p + 1) / 10 : 0;
            score += e.Country is not null && _docCountries.Contains(e.Country) ? 1.0 : 0;
            score += NameKey.Fold(e.Name) == key ? 0.3 : 0;
            score += e.WikidataId is not null ? 0.2 : 0;
            return score;
        }

        /// <summary>Titles before a person's name: their office (President, Foreign Minister), country (Chinese) and gender (Mr, Ms).</summary>
        private void ReadTitle(Cluster cluster, int firstToken, ReadOnlySpan<Token> tokens)
        {
            int sentence = _sentenceOfToken[firstToken];
            var words = new List<string>(4);
            for (int t = firstToken - 1; t >= 0 && words.Count < 5 && _sentenceOfToken[t] == sentence; t--)
            {
                string w = _text.Substring(tokens[t].Start, tokens[t].Length);
                if (w.Length == 0 || !char.IsLetter(w[0]))
                {
                    break;
                }

                words.Insert(0, w);
                if (char.IsLower(w[0]) && !RoleWords.ContainsKey(w))
                {
                    words.RemoveAt(0);
                    break;
                }
            }

            for (int i = 0; i < words.Count; i++)
            {
                string w = words[i].TrimEnd('.');
                if (w is "Mr" or "Sir" or "Lord" or "King" or "Prince")
                {
                    cluster.Gender = cluster.Gender == Gender.Unknown ? Gender.Male : cluster.Gender;
                }
                else if (w is "Mrs" or "Ms" or "Miss" or "Madam" or "Queen" or "Princess" or "Dame")
                {
                    cluster.Gender = cluster.Gender == Gender.Unknown ? Gender.Female : cluster.Gender;
                }

                string pair = i + 1 < words.Count ? words[i] + " " + words[i + 1] : "";
                if (pair.Length > 0 && RoleWords.TryGetValue(pair, out string[]? roles2))
                {
                    cluster.Roles.UnionWith(roles2);
                }
                else if (RoleWords.TryGetValue(words[i], out string[]? roles))
                {
                    cluster.Roles.UnionWith(roles.Where(r => r != "*"));
                }
                else if (cluster.Country is null && Kb.CountryOfDemonym(NameKey.Fold(words[i])) is { } country)
                {
                    cluster.Country = country.Country;
                }
            }
        }

        /// <summary>Descriptions and pronouns, in text order, each to an entity mentioned before it.</summary>
        public void ResolveReferences(ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, CancellationToken cancellationToken)
        {
            var covered = new bool[tokens.Length];
            foreach (var (first, end, _, _) in _timeline)
            {
                covered.AsSpan(first, Math.Min(end, tokens.Length) - first).Fill(true);
            }

            for (int t = 0; t < tokens.Length; t++)
            {
                if ((t & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (_sentenceOfToken[t] < 0)
                {
                    continue;
                }

                // A country's office: Japan's prime minister, Russia's president.
                if (tokens[t].Kind == TokenKind.Clitic && t > 0 && covered[t - 1] && CountryEndingAt(t) is { } owner
                    && TryNominal(t, tokens, covered, out int officeEnd, owner.Code, owner.First))
                {
                    t = officeEnd - 1;
                    continue;
                }

                if (covered[t] || tokens[t].Kind != TokenKind.Word)
                {
                    continue;
                }

                ReadOnlySpan<char> word = _text.AsSpan(tokens[t].Start, tokens[t].Length);
                if (word.Length > 8)
                {
                    continue;
                }

                string lower = word.ToString().ToLowerInvariant();
                if (Determiners.Contains(lower) && TryNominal(t, tokens, covered, out int nominalEnd))
                {
                    t = nominalEnd - 1;
                    continue;
                }

                TryPronoun(t, lower, tokens);
            }
        }

        private bool TryNominal(int t, ReadOnlySpan<Token> tokens, bool[] covered, out int end, string? country = null, int spanStart = -1)
        {
            end = t + 1;
            int sentence = _sentenceOfToken[t];
            int i = t + 1;
            spanStart = spanStart < 0 ? t : spanStart;

            // An optional country adjective: the Chinese president, his Ukrainian counterpart (a NORP mention or a demonym).
            if (country is null && i < tokens.Length && _sentenceOfToken[i] == sentence)
            {
                string w = _text.Substring(tokens[i].Start, tokens[i].Length);
                if (char.IsUpper(w[0]) && Kb.CountryOfDemonym(NameKey.Fold(w)) is { } c)
                {
                    country = c.Country;
                    i++;
                }
            }

            if (i >= tokens.Length || _sentenceOfToken[i] != sentence || covered[i])
            {
                return false;
            }

            string first = _text.Substring(tokens[i].Start, tokens[i].Length);
            string? second = i + 1 < tokens.Length && _sentenceOfToken[i + 1] == sentence ? _text.Substring(tokens[i + 1].Start, tokens[i + 1].Length) : null;
            string? third = i + 2 < tokens.Length && _sentenceOfToken[i + 2] == sentence ? _text.Substring(tokens[i + 2].Start, tokens[i + 2].Length) : null;
            string[]? roles = null;
            int length = 0;
            if (third is not null && RoleWords.TryGetValue($"{first} {second} {third}", out roles))
            {
                length = 3;
            }
            else if (second is not null && RoleWords.TryGetValue($"{first} {second}", out roles))
            {
                length = 2;
            }
            else if (RoleWords.TryGetValue(first, out roles))
            {
                length = 1;
            }

            if (roles is not null)
            {
                int after = i + length;

                // Part of a name's title (the French President Emmanuel Macron): the name carries it.
                if (after < tokens.Length && covered[after])
                {
                    return false;
                }

                // In apposition to a name (his Polish counterpart, Radoslaw Sikorski): that person, whoever came before.
                Cluster? target = AppositionPerson(after, tokens, country) ?? FindOffice(roles, country, t);
                if (target is null)
                {
                    return false;
                }

                end = after;
                AddReference(target, spanStart, after, tokens, MentionKind.Nominal, 0.7f);
                return true;
            }

            if (country is null && OrganisationNouns.Contains(first) && _text.AsSpan(tokens[t].Start, tokens[t].Length).Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                Cluster? org = Recent(t, c => c.Label == EntityLabel.Org, maxSentences: 2, subjectFirst: false);
                if (org is null)
                {
                    return false;
                }

                end = i + 1;
                AddReference(org, t, end, tokens, MentionKind.Nominal, 0.6f);
                return true;
            }

            return false;
        }

        /// <summary>The person named right after a comma at token <paramref name="comma"/> (<c>..., Radoslaw Sikorski</c>), when their country does not contradict <paramref name="country"/>.</summary>
        private Cluster? AppositionPerson(int comma, ReadOnlySpan<Token> tokens, string? country)
        {
            if (comma + 1 >= tokens.Length || tokens[comma].Length != 1 || _text[tokens[comma].Start] != ',' || _sentenceOfToken[comma + 1] != _sentenceOfToken[comma])
            {
                return null;
            }

            foreach (var m in _bySentence[_sentenceOfToken[comma]] ?? [])
            {
                if (m.FirstToken == comma + 1 && m.Cluster.Label == EntityLabel.Person && (country is null || m.Cluster.Country is null || m.Cluster.Country == country))
                {
                    return m.Cluster;
                }
            }

            return null;
        }

        /// <summary>The country code and first token of a country mention that ends just before token <paramref name="t"/>.</summary>
        private (string Code, int First)? CountryEndingAt(int t)
        {
            List<(int FirstToken, int EndToken, Cluster Cluster, bool Possessive)>? list = _bySentence[_sentenceOfToken[t]];
            foreach (var m in list ?? [])
            {
                if (m.EndToken == t && m.Cluster.Kb is { Type: "country" or "territory", Country: { } code })
                {
                    return (code, m.FirstToken);
                }
            }

            return null;
        }

        /// <summary>The person holding one of these offices (of this country): mentioned before, else the knowledge base's only current holder.</summary>
        private Cluster? FindOffice(string[] roles, string? country, int beforeToken)
        {
            bool any = roles.Contains("*");
            int sentence = _sentenceOfToken[beforeToken];
            for (int s = sentence; s >= 0 && s > sentence - 60; s--)
            {
                List<(int FirstToken, int EndToken, Cluster Cluster, bool Possessive)> list = Window(s, beforeToken, OfficeWindow);
                for (int i = list.Count - 1; i >= 0; i--)
                {
                    Cluster c = list[i].Cluster;
                    if (c.Label != EntityLabel.Person || (country is not null && c.Country != country))
                    {
                        continue;
                    }

                    if (any ? c.Roles.Count > 0 || country is not null : roles.Any(c.Roles.Contains))
                    {
                        return c;
                    }
                }
            }

            if (country is null || any)
            {
                return null;
            }

            // No one in the text holds it yet: the knowledge base's one current holder, as a new entity.
            KbEntity? holder = null;
            foreach (string role in roles)
            {
                if (_linker._currentHolders.TryGetValue(role + "|" + country, out KbEntity[]? holders))
                {
                    if (holders.Length != 1 || (holder is not null && !ReferenceEquals(holder, holders[0])))
                    {
                        return null;
                    }

                    holder = holders[0];
                }
            }

            if (holder is null)
            {
                return null;
            }

            if (_byEntry.TryGetValue(holder, out Cluster? existing))
            {
                return existing;
            }

            var created = new Cluster { Label = EntityLabel.Person };
            created.Link(holder, 0.6f);
            _byEntry[holder] = created;
            _clusters.Add(created);
            return created;
        }

        private void TryPronoun(int t, string lower, ReadOnlySpan<Token> tokens)
        {
            Func<Cluster, bool>? compatible = lower switch
            {
                "he" or "him" or "his" or "himself" => c => c.Label == EntityLabel.Person && c.Gender != Gender.Female,
                "she" or "her" or "hers" or "herself" => c => c.Label == EntityLabel.Person && c.Gender != Gender.Male,
                "its" or "itself" => c => c.Label == EntityLabel.Org || (c.Label == EntityLabel.Gpe && c.Kb?.Type is "country" or null),
                "it" when t + 1 < tokens.Length && SpeechVerbs.Contains(_text.Substring(tokens[t + 1].Start, tokens[t + 1].Length)) => c => c.Label == EntityLabel.Org,
                _ => null,
            };
            if (compatible is null)
            {
                return;
            }

            bool objectCase = lower is "him" or "her" or "himself" or "herself";
            Cluster? target = Recent(t, compatible, maxSentences: 3, subjectFirst: !objectCase);
            if (target is not null)
            {
                AddReference(target, t, t + 1, tokens, MentionKind.Pronoun, 0.6f);
            }
        }

        /// <summary>
        /// The most salient compatible entity before a token: in its sentence the first one not in a possessive (the
        /// subject, by position) — or the last one for object pronouns — else the same in the sentences before.
        /// </summary>
        private Cluster? Recent(int beforeToken, Func<Cluster, bool> compatible, int maxSentences, bool subjectFirst)
        {
            int sentence = _sentenceOfToken[beforeToken];
            for (int s = sentence; s >= 0 && s > sentence - maxSentences; s--)
            {
                var inSentence = Window(s, beforeToken, PronounWindow).Where(m => compatible(m.Cluster)).ToList();
                if (inSentence.Count == 0)
                {
                    continue;
                }

                if (s == sentence && !subjectFirst)
                {
                    // An object pronoun does not refer to its clause's subject (Scholz thanked him): the nearest other one.
                    Cluster subject = inSentence[0].Cluster;
                    var others = inSentence.Where(m => m.Cluster != subject).ToList();
                    return others.Count > 0 ? others[^1].Cluster : null;
                }

                var plain = inSentence.Where(m => !m.Possessive).ToList();
                return (plain.Count > 0 ? plain[0] : inSentence[^1]).Cluster;
            }

            return null;
        }

        private void AddReference(Cluster cluster, int first, int end, ReadOnlySpan<Token> tokens, MentionKind kind, float confidence)
        {
            int start = tokens[first].Start;
            int stop = tokens[end - 1].Start + tokens[end - 1].Length;
            cluster.Mentions.Add((start, stop, kind, confidence, first, _sentenceOfToken[first]));

            // The description joins its sentence's mentions, so that a later pronoun can find the entity through it.
            int sentence = _sentenceOfToken[first];
            bool possessive = kind == MentionKind.Pronoun && _text.AsSpan(tokens[first].Start, tokens[first].Length) is "his" or "her" or "its" or "His" or "Her" or "Its";
            (_referencesBySentence[sentence] ??= []).Add((first, end, cluster, possessive)); // references come in text order
        }

        // How far back, in tokens, a pronoun and a description look inside one sentence: long "sentences" (lists,
        // unpunctuated text) would otherwise make the search quadratic.
        private const int PronounWindow = 120;
        private const int OfficeWindow = 2000;

        /// <summary>The names and references of a sentence that start in <c>[beforeToken - window, beforeToken)</c>, in text order.</summary>
        private List<(int FirstToken, int EndToken, Cluster Cluster, bool Possessive)> Window(int sentence, int beforeToken, int window)
        {
            var result = new List<(int FirstToken, int EndToken, Cluster Cluster, bool Possessive)>();
            Add(_bySentence[sentence]);
            int names = result.Count;
            Add(_referencesBySentence[sentence]);
            if (names > 0 && names < result.Count)
            {
                result.Sort(static (a, b) => a.FirstToken.CompareTo(b.FirstToken));
            }

            return result;

            void Add(List<(int FirstToken, int EndToken, Cluster Cluster, bool Possessive)>? list)
            {
                if (list is null)
                {
                    return;
                }

                int from = LowerBound(list, beforeToken - window);
                for (int i = from; i < list.Count && list[i].FirstToken < beforeToken; i++)
                {
                    result.Add(list[i]);
                }
            }

            static int LowerBound(List<(int FirstToken, int EndToken, Cluster Cluster, bool Possessive)> list, int token)
            {
                int lo = 0, hi = list.Count;
                while (lo < hi)
                {
                    int mid = (lo + hi) >>> 1;
                    if (list[mid].FirstToken < token)
                    {
                        lo = mid + 1;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                return lo;
            }
        }

        public List<DocumentEntity> Build()
        {
            var result = new List<DocumentEntity>(_clusters.Count);
            foreach (Cluster c in _clusters.Where(c => c.Mentions.Count > 0).OrderBy(c => c.Mentions.Min(m => m.Start)))
            {
                var mentions = c.Mentions.OrderBy(m => m.Start).Select(m => new EntityReference(m.Start, m.End - m.Start, m.Kind, m.Confidence)).ToImmutableArray();
                float nameConfidence = c.Mentions.Where(m => m.Kind == MentionKind.Name).Select(m => m.Confidence).DefaultIfEmpty(0.6f).Max();
                float confidence = c.Kb is null ? nameConfidence : Math.Min(nameConfidence, Math.Max(c.LinkConfidence, 0.5f));
                string id = "E" + (result.Count + 1).ToString(CultureInfo.InvariantCulture);
                result.Add(new DocumentEntity(id, c.Kb?.Name ?? c.BestName, c.Label, c.Kb, confidence, mentions));
            }

            return result;
        }
    }
}
