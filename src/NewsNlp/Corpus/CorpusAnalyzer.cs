using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using NewsNlp.Entities;
using NewsNlp.Linking;
using NewsNlp.Tokenization;

namespace NewsNlp.Corpus;

/// <summary>
/// Reads analysed documents one at a time and keeps, across them, one entity per real-world thing and the stories the
/// documents report. Entities join by knowledge-base entry, else by folded name or transliteration skeleton with a
/// compatible label (never by a shared name part: <c>Wang Yi</c> and <c>Wang Wenbin</c> stay apart). A document joins
/// the most similar active story (cosine over weighted entities and content words, found through an inverted index:
/// no all-pairs comparison) or starts one. Thread-safe: calls are serialised.
/// </summary>
/// <remarks>The rules and their measured accuracy on ECB+: docs/corpus.md.</remarks>
/// <example>
/// <code>
/// var corpus = new CorpusAnalyzer();
/// await foreach (NewsDocument doc in pipeline.AnalyzeManyAsync(inputs)) corpus.Add(doc);
/// CorpusSnapshot result = corpus.Snapshot();
/// </code>
/// </example>
public sealed class CorpusAnalyzer
{
    private const int TermsPerDocument = 40;
    private const int FeaturesPerStory = 150;
    private const int MaxPostings = 64;
    private const double TermWeight = 0.5;

    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
        ["about", "after", "again", "against", "also", "although", "among", "another", "around", "because", "been", "before", "being",
         "between", "both", "could", "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "from", "further",
         "had", "have", "having", "here", "however", "into", "just", "last", "least", "less", "like", "made", "make", "many", "might",
         "more", "most", "much", "must", "near", "never", "next", "only", "other", "others", "over", "same", "says", "said", "saying",
         "several", "should", "since", "some", "still", "such", "than", "that", "their", "them", "then", "there", "these", "they",
         "this", "those", "though", "through", "told", "under", "until", "upon", "very", "were", "what", "when", "where", "whether",
         "which", "while", "will", "with", "within", "without", "would", "year", "years", "your", "week", "weeks", "today", "according",
         "people", "time", "first", "news", "report", "reported", "reports", "told", "added", "monday", "tuesday", "wednesday",
         "thursday", "friday", "saturday", "sunday"], StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private readonly CorpusOptions _options;

    // Entities.
    private readonly List<EntityState> _entities = [];
    private readonly Dictionary<string, EntityState> _entityByKey = new(StringComparer.Ordinal);

    // Stories: all of them (the result), the active ones with their centroids, and the inverted index over those.
    private readonly List<StoryState> _stories = [];
    private readonly Dictionary<string, HashSet<StoryState>> _postings = new(StringComparer.Ordinal);
    private readonly HashSet<StoryState> _active = [];
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Fold, string Skeleton)> _keys = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<(Relations.RelationType Type, string Subject, string Object), List<string>> _relations = [];
    private int _documents;

    /// <summary>Creates an empty corpus.</summary>
    /// <param name="options">The settings; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CorpusAnalyzer(CorpusOptions? options = null)
    {
        _options = options ?? new CorpusOptions();
        _options.Validate();
    }

    /// <summary>The number of documents added.</summary>
    public int DocumentCount
    {
        get
        {
            lock (_gate)
            {
                return _documents;
            }
        }
    }

    /// <summary>The stories in the active window and the features of the inverted index (for tests of the memory bound).</summary>
    internal (int Stories, int Features) ActiveSize
    {
        get
        {
            lock (_gate)
            {
                return (_active.Count, _postings.Count);
            }
        }
    }

    /// <summary>Adds one analysed document.</summary>
    /// <param name="document">The document.</param>
    /// <param name="id">Its id in the corpus; <see cref="NewsDocument.Id"/> when null.</param>
    /// <returns>Its story and the corpus entities of its entities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public CorpusAssignment Add(NewsDocument document, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        id ??= document.Id;
        Dictionary<string, double> features = Features(document);
        lock (_gate)
        {
            _documents++;
            ImmutableDictionary<string, string> entities = JoinEntities(document, id);
            JoinRelations(document, id, entities);
            (StoryState story, double similarity, double other) = JoinStory(document, id, features);
            EvictInactive();
            return new CorpusAssignment(id, story.Id, entities, similarity, other);
        }
    }

    /// <summary>Adds a stream of analysed documents as they come.</summary>
    /// <param name="documents">The documents.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>Each document's assignment, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> is null.</exception>
    public IAsyncEnumerable<CorpusAssignment> AddManyAsync(IAsyncEnumerable<NewsDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Stream(documents, cancellationToken);
    }

    /// <summary>The entities and stories so far (a copy: later additions do not change it).</summary>
    /// <returns>The snapshot.</returns>
    public CorpusSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new CorpusSnapshot(
                [.. _entities.Select(e => new CorpusEntity(e.Id, e.Kb?.Name ?? e.Names.MaxBy(n => (n.Value, n.Key.Length)).Key, e.Label, e.Kb, [.. e.Members]))],
                [.. _stories.Select(s => new Story(s.Id, s.Title, [.. s.Documents]))],
                [.. _relations.Select(r => new CorpusRelation(r.Key.Type, r.Key.Subject, r.Key.Object, [.. r.Value]))]);
        }
    }

    private async IAsyncEnumerable<CorpusAssignment> Stream(IAsyncEnumerable<NewsDocument> documents, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (NewsDocument document in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Add(document);
        }
    }

    /// <summary>The document's relations between corpus entities, whatever their modality; each names the documents that state it.</summary>
    private void JoinRelations(NewsDocument document, string documentId, ImmutableDictionary<string, string> entities)
    {
        foreach (Relations.Relation r in document.Relations)
        {
            if (!entities.TryGetValue(r.SubjectId, out string? subject) || !entities.TryGetValue(r.ObjectId, out string? obj) || subject == obj)
            {
                continue;
            }

            // A symmetric relation is kept once whichever side each document names first.
            if (Relations.RelationNames.IsSymmetric(r.Type) && _relations.ContainsKey((r.Type, obj, subject)))
            {
                (subject, obj) = (obj, subject);
            }

            if (!_relations.TryGetValue((r.Type, subject, obj), out List<string>? documents))
            {
                documents = [];
                _relations.Add((r.Type, subject, obj), documents);
            }

            if (documents.Count == 0 || documents[^1] != documentId)
            {
                documents.Add(documentId);
            }
        }
    }

    private ImmutableDictionary<string, string> JoinEntities(NewsDocument document, string documentId)
    {
        ImmutableDictionary<string, string>.Builder map = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (DocumentEntity e in document.Entities)
        {
            if (e.Label.IsValue())
            {
                continue;
            }

            string family = e.Label is EntityLabel.Gpe or EntityLabel.Loc or EntityLabel.Fac ? "place" : e.Label.ToName();
            (string name, string skeleton) = Keys(e.Name);
            string? kbKey = e.KbEntry is null ? null : "kb|" + (e.KbEntry.WikidataId ?? e.KbEntry.Name + "|" + e.KbEntry.Country);
            EntityState? state = null;
            if (kbKey is not null)
            {
                _entityByKey.TryGetValue(kbKey, out state);
            }

            if (state is null && name.Length > 0 && _entityByKey.TryGetValue($"name|{family}|{name}", out EntityState? byName) && Compatible(byName, e.KbEntry))
            {
                state = byName;
            }

            if (state is null && e.Label is EntityLabel.Person or EntityLabel.Gpe && NameKey.Weight(skeleton) >= 5
                && _entityByKey.TryGetValue($"skeleton|{family}|{skeleton}", out EntityState? bySkeleton) && Compatible(bySkeleton, e.KbEntry))
            {
                state = bySkeleton;
            }

            if (state is null)
            {
                state = new EntityState("C" + (_entities.Count + 1).ToString(CultureInfo.InvariantCulture), e.Label);
                _entities.Add(state);
            }

            state.Kb ??= e.KbEntry;
            state.Members.Add(new CorpusMember(documentId, e.Id));
            state.Names[e.Name] = state.Names.GetValueOrDefault(e.Name) + 1;
            if (kbKey is not null)
            {
                _entityByKey.TryAdd(kbKey, state);
            }

            if (name.Length > 0)
            {
                _entityByKey.TryAdd($"name|{family}|{name}", state);
                if (NameKey.Weight(skeleton) >= 5)
                {
                    _entityByKey.TryAdd($"skeleton|{family}|{skeleton}", state);
                }
            }

            map[e.Id] = state.Id;
        }

        return map.ToImmutable();
    }

    /// <summary>Two different knowledge-base entries never join.</summary>
    private static bool Compatible(EntityState state, KbEntity? entry) => state.Kb is null || entry is null || ReferenceEquals(state.Kb, entry);

    /// <summary>
    /// The document's weighted features: its entities (by knowledge-base id or folded name; more weight for more
    /// mentions and for those in the first sentence) and its most distinctive content words (tf-idf over the documents
    /// seen so far), normalised to unit length.
    /// </summary>
    private Dictionary<string, double> Features(NewsDocument document)
    {
        var entities = new Dictionary<string, double>(StringComparer.Ordinal);
        int headlineEnd = document.Sentences.Length > 0 ? document.Sentences[0].End : 0;
        foreach (DocumentEntity e in document.Entities)
        {
            if (e.Label.IsValue())
            {
                continue;
            }

            string key = "e|" + (e.KbEntry?.WikidataId ?? Keys(e.Name).Fold);
            double weight = (1 + Math.Log(e.Mentions.Length)) * (e.Label == EntityLabel.Norp ? 0.5 : 1.0) * (e.Mentions.Any(m => m.Start < headlineEnd) ? 2 : 1);
            entities[key] = entities.GetValueOrDefault(key) + weight;
        }

        var features = new Dictionary<string, double>(StringComparer.Ordinal);

        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Token t in document.Tokens)
        {
            if (t.Kind != TokenKind.Word || t.Length < 4 || t.Length > 30 || document.Clean.IsBoilerplate(t.Start, t.End))
            {
                continue;
            }

            string word = document.GetCleanText(t.Start, t.End);
            if (!char.IsLower(word[0]))
            {
                continue; // names are the entities' part
            }

            word = word.ToLowerInvariant();
            if (StopWords.Contains(word))
            {
                continue;
            }

            word = word.EndsWith('s') && word.Length > 4 && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
            terms[word] = terms.GetValueOrDefault(word) + 1;
        }

        lock (_gate)
        {
            double n = _documents + 1;
            foreach (var (term, count) in terms
                .Select(p => (Term: p.Key, Weight: (1 + Math.Log(p.Value)) * (Math.Log((n + 1) / (_documentFrequency.GetValueOrDefault("t|" + p.Key) + 1)) + 1)))
                .OrderByDescending(p => p.Weight)
                .ThenBy(p => p.Term, StringComparer.Ordinal)
                .Take(TermsPerDocument))
            {
                features["t|" + term] = count * TermWeight;
            }

            // Entities weigh by how rare they are too: a country every article names tells less than a minister.
            foreach ((string key, double weight) in entities)
            {
                features[key] = weight * (Math.Log((n + 1) / (_documentFrequency.GetValueOrDefault(key) + 1)) + 1);
            }

            foreach (string term in terms.Keys.Select(t => "t|" + t).Concat(entities.Keys))
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        Normalise(features);
        return features;
    }

    private (StoryState Story, double Similarity, double BestOther) JoinStory(NewsDocument document, string documentId, Dictionary<string, double> features)
    {
        // Candidates: the active stories that share a feature that is not everywhere.
        var candidates = new HashSet<StoryState>();
        foreach (string feature in features.Keys)
        {
            if (_postings.TryGetValue(feature, out HashSet<StoryState>? stories) && stories.Count <= MaxPostings)
            {
                candidates.UnionWith(stories);
            }
        }

        StoryState? best = null;
        double bestScore = 0;
        double other = 0;
        foreach (StoryState story in candidates)
        {
            double score = story.Similarity(features);
            if (best is null || score > bestScore || (score == bestScore && string.CompareOrdinal(story.Id, best.Id) < 0))
            {
                other = Math.Max(other, bestScore);
                (best, bestScore) = (story, score);
            }
            else
            {
                other = Math.Max(other, score);
            }
        }

        if (best is not null && bestScore < _options.StoryThreshold)
        {
            other = bestScore;
            (best, bestScore) = (null, 0);
        }

        if (best is null)
        {
            string title = document.Sentences.Length > 0 ? document.GetCleanText(document.Sentences[0].Start, document.Sentences[0].End) : documentId;
            title = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            best = new StoryState("S" + (_stories.Count + 1).ToString(CultureInfo.InvariantCulture), title.Length > 160 ? title[..160] : title);
            _stories.Add(best);
            _active.Add(best);
        }
        else
        {
            foreach (string feature in best.Centroid.Keys)
            {
                if (_postings.TryGetValue(feature, out HashSet<StoryState>? stories))
                {
                    stories.Remove(best);
                }
            }
        }

        best.Documents.Add(documentId);
        best.Absorb(features, FeaturesPerStory);
        best.LastDocument = _documents;
        foreach (string feature in best.Centroid.Keys)
        {
            if (!_postings.TryGetValue(feature, out HashSet<StoryState>? stories))
            {
                _postings[feature] = stories = [];
            }

            stories.Add(best);
        }

        return (best, bestScore, other);
    }

    /// <summary>Every 256 documents, stories idle for longer than the window leave the index.</summary>
    private void EvictInactive()
    {
        if (_documents % 256 != 0)
        {
            return;
        }

        foreach (StoryState story in _active.Where(s => _documents - s.LastDocument > _options.StoryWindow).ToList())
        {
            foreach (string feature in story.Centroid.Keys)
            {
                if (_postings.TryGetValue(feature, out HashSet<StoryState>? stories) && stories.Remove(story) && stories.Count == 0)
                {
                    _postings.Remove(feature);
                }
            }

            story.Centroid.Clear();
            _active.Remove(story);
        }

        // Words seen in one document only are forgotten when the table grows large, so that it stays bounded.
        if (_documentFrequency.Count > 200_000)
        {
            foreach (string term in _documentFrequency.Where(p => p.Value < 2).Select(p => p.Key).ToList())
            {
                _documentFrequency.Remove(term);
            }
        }
    }

    /// <summary>The folded name and its skeleton, cached: the same names come back document after document.</summary>
    private (string Fold, string Skeleton) Keys(string name)
    {
        lock (_keys)
        {
            if (_keys.TryGetValue(name, out var keys))
            {
                return keys;
            }

            if (_keys.Count > 100_000)
            {
                _keys.Clear();
            }

            string fold = NameKey.Fold(name);
            return _keys[name] = (fold, NameKey.Skeleton(fold));
        }
    }

    private static void Normalise(Dictionary<string, double> vector)
    {
        double norm = Math.Sqrt(vector.Values.Sum(v => v * v));
        if (norm > 0)
        {
            foreach (string key in vector.Keys.ToList())
            {
                vector[key] /= norm;
            }
        }
    }

    private sealed class EntityState(string id, EntityLabel label)
    {
        public string Id { get; } = id;

        public EntityLabel Label { get; } = label;

        public KbEntity? Kb { get; set; }

        public List<CorpusMember> Members { get; } = [];

        public Dictionary<string, int> Names { get; } = new(StringComparer.Ordinal);
    }

    private sealed class StoryState(string id, string title)
    {
        public string Id { get; } = id;

        public string Title { get; } = title;

        public List<string> Documents { get; } = [];

        /// <summary>The sum of the members' unit vectors, cut to the strongest features, then made unit length.</summary>
        public Dictionary<string, double> Centroid { get; } = new(StringComparer.Ordinal);

        private Dictionary<string, double> _sum = new(StringComparer.Ordinal);

        public int LastDocument { get; set; }

        public double Similarity(Dictionary<string, double> features)
        {
            double dot = 0;
            foreach ((string key, double value) in features)
            {
                dot += value * Centroid.GetValueOrDefault(key);
            }

            return dot;
        }

        public void Absorb(Dictionary<string, double> features, int keep)
        {
            foreach ((string key, double value) in features)
            {
                _sum[key] = _sum.GetValueOrDefault(key) + value;
            }

            if (_sum.Count > keep)
            {
                _sum = _sum.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(keep).ToDictionary(StringComparer.Ordinal);
            }

            Centroid.Clear();
            double norm = Math.Sqrt(_sum.Values.Sum(v => v * v));
            foreach ((string key, double value) in _sum)
            {
                Centroid[key] = norm > 0 ? value / norm : 0;
            }
        }
    }
}
