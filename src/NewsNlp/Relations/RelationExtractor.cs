using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using NewsNlp.Entities;
using NewsNlp.Linking;
using NewsNlp.Tokenization;

namespace NewsNlp.Relations;

/// <summary>
/// Finds relations and events between the entities of a document. Every pair of mentions of two entities in one
/// sentence (names, descriptions and resolved pronouns, at most 30 tokens apart) is scored by a trained linear model
/// over the words and trigger types between and around them; a pair whose best type is not "none" becomes a relation
/// with its trigger, its modality (<see cref="Modality"/>), the item, route and time the sentence gives, and is shared
/// by entities coordinated with either side (<c>Britain and Canada sanctioned ...</c>). Immutable and thread-safe.
/// </summary>
public sealed class RelationExtractor
{
    /// <summary>The most tokens between the two mentions of a candidate pair.</summary>
    public const int MaxGap = 40;

    /// <summary>The least probability a relation is reported at, unless set otherwise.</summary>
    public const float DefaultMinConfidence = 0.5f;

    private const string ResourceName = "NewsNlp.Relations.relations-en.bin";
    private const int MaxArgumentsPerSentence = 64;
    private static readonly Lazy<RelationExtractor> DefaultExtractor = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly FrozenSet<string> ItemStops = FrozenSet.ToFrozenSet(
        ["to", "from", "for", "via", "through", "than", "into", "in", "on", "at", "with", "by", "that", "which", "who", "as", "since", "after",
         "before", "during", "over", "under", "of", "worth", "amid", "despite", "against", "and", "or", "but", "while", "when", "it",
         "they", "he", "she", "was", "were", "is", "are", "has", "have", "had", "last", "this", "next"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns that make a nationality stand for its state: <c>the Russian state</c>, <c>Chinese firms</c>, <c>Russian oil</c>.</summary>
    private static readonly FrozenSet<string> NationalNouns = FrozenSet.ToFrozenSet(
        ["state", "government", "governments", "military", "army", "forces", "troops", "navy", "company", "companies", "firm", "firms",
         "officials", "authorities", "side", "leadership", "businesses", "banks", "entities", "suppliers", "exporters", "importers",
         "manufacturers", "contractors", "regime", "administration", "diplomats", "soldiers", "oil", "gas", "grain", "wheat", "coal",
         "goods", "products", "exports", "imports", "steel", "arms", "weapons", "energy", "crude", "lng", "defence", "defense",
         "industry", "economy", "market", "markets", "warships", "jets", "missiles", "drones", "vehicles", "cars", "carmakers",
         "automakers", "chips", "chipmakers", "lenders", "investors", "tankers", "vessels", "shipments"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ItemDeterminers = FrozenSet.ToFrozenSet(
        ["the", "a", "an", "its", "their", "his", "her", "some", "more", "any", "such"], StringComparer.OrdinalIgnoreCase);

    private readonly RelationModel _model;

    internal RelationExtractor(RelationModel model, RelationLexicon lexicon, float minConfidence)
    {
        _model = model;
        Lexicon = lexicon;
        MinConfidence = minConfidence;
    }

    /// <summary>The shipped extractor: the embedded English model and <see cref="RelationLexicon.Default"/>, loaded once on first use.</summary>
    /// <exception cref="InvalidDataException">The embedded model is missing or damaged (a broken build).</exception>
    public static RelationExtractor Default => DefaultExtractor.Value;

    /// <summary>The trigger lexicon.</summary>
    public RelationLexicon Lexicon { get; }

    /// <summary>The least probability a relation is reported at.</summary>
    public float MinConfidence { get; }

    /// <summary>Where the model came from (data, split, command), as written into it by its trainer.</summary>
    public string Provenance => _model.Provenance;

    internal RelationModel Model => _model;

    /// <summary>Loads an extractor from a model file written by <c>newsnlp train relations</c>.</summary>
    /// <param name="stream">The model.</param>
    /// <param name="lexicon">The trigger lexicon; <see cref="RelationLexicon.Default"/> when null.</param>
    /// <returns>An extractor using that model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The stream is not a relation model, is of another format version, or is damaged.</exception>
    public static RelationExtractor Load(Stream stream, RelationLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new RelationExtractor(RelationModel.Load(stream), lexicon ?? RelationLexicon.Default, DefaultMinConfidence);
    }

    /// <summary>Returns an extractor with the same model and another lexicon (more trigger words, say).</summary>
    /// <param name="lexicon">The lexicon.</param>
    /// <returns>A new extractor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lexicon"/> is null.</exception>
    public RelationExtractor WithLexicon(RelationLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        return new RelationExtractor(_model, lexicon, MinConfidence);
    }

    /// <summary>Returns an extractor with the same model that reports relations from another probability up.</summary>
    /// <param name="minConfidence">The least probability, above 0 and at most 1.</param>
    /// <returns>A new extractor.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minConfidence"/> is not in (0, 1].</exception>
    public RelationExtractor WithMinConfidence(float minConfidence)
    {
        if (!(minConfidence > 0 && minConfidence <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minConfidence), minConfidence, "The least confidence is above 0 and at most 1.");
        }

        return new RelationExtractor(_model, Lexicon, minConfidence);
    }

    internal static RelationExtractor FromModel(RelationModel model, float minConfidence = DefaultMinConfidence) => new(model, RelationLexicon.Default, minConfidence);

    private static RelationExtractor LoadDefault()
    {
        using Stream? stream = typeof(RelationExtractor).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The package has no relation model (resource {ResourceName}).");
        return Load(stream);
    }

    /// <summary>
    /// A nationality before a noun of state, business or trade (<c>the Russian state</c>, <c>Chinese firms</c>,
    /// <c>Russian oil</c>) stands for its country when the document names that country: such phrases become mentions of
    /// the country's entity.
    /// </summary>
    private static void AddNationalGroups(string text, ReadOnlySpan<Token> tokens, IReadOnlyList<DocumentEntity> entities, ReadOnlySpan<EntityMention> mentions, List<RelationArgument> args)
    {
        Dictionary<string, int>? byDemonym = null;
        var nouns = NationalNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (EntityMention m in mentions)
        {
            if (m.Label != EntityLabel.Norp || m.TokenCount != 1 || m.FirstToken + 1 >= tokens.Length)
            {
                continue;
            }

            // "Chinese state-owned defence contractors", "Russian oil": the noun follows, perhaps after one modifier.
            int noun = m.FirstToken + 1;
            if (!nouns.Contains(text.AsSpan(tokens[noun].Start, tokens[noun].Length)))
            {
                noun++;
                if (noun >= tokens.Length || !nouns.Contains(text.AsSpan(tokens[noun].Start, tokens[noun].Length)) || !char.IsLower(text[tokens[noun - 1].Start]))
                {
                    continue;
                }
            }

            if (byDemonym is null)
            {
                byDemonym = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (int k = 0; k < entities.Count; k++)
                {
                    if (entities[k].Label == EntityLabel.Gpe && entities[k].KbEntry is { } kb)
                    {
                        foreach (string d in kb.Demonyms)
                        {
                            byDemonym.TryAdd(d, k);
                        }
                    }
                }
            }

            if (byDemonym.Count > 0 && byDemonym.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.AsSpan(m.Start, m.Length), out int entity))
            {
                args.Add(new RelationArgument(m.FirstToken, noun, EntityLabel.Gpe, entity, MentionKind.Nominal, National: true));
            }
        }
    }

    /// <summary>Whether mentions of this label take part in relations (people, organisations, places, facilities).</summary>
    internal static bool IsArgumentLabel(EntityLabel label) =>
        label is EntityLabel.Person or EntityLabel.Org or EntityLabel.Gpe or EntityLabel.Loc or EntityLabel.Fac;

    /// <summary>One scored pair: indices of the two mentions in the sentence's argument list, the best allowed class and its probability.</summary>
    internal readonly record struct Prediction(int First, int Second, int Class, float Probability);

    /// <summary>
    /// The candidate pairs of a sentence's mentions (in text order): first and second index, and how many mentions lie
    /// between them. Shared by the scorer and its trainer, so both read the same pairs.
    /// </summary>
    internal static void Candidates(ReadOnlySpan<RelationArgument> args, List<(int First, int Second, int Between)> pairs)
    {
        pairs.Clear();
        for (int i = 0; i < args.Length; i++)
        {
            int between = 0;
            for (int j = i + 1; j < args.Length; j++)
            {
                if (args[j].First <= args[i].Last)
                {
                    continue;
                }

                if (args[j].First - args[i].Last - 1 > MaxGap)
                {
                    break;
                }

                // Two mentions of one entity are no pair.
                if (args[i].Entity != args[j].Entity)
                {
                    pairs.Add((i, j, between));
                }

                between++;
            }
        }
    }

    /// <summary>Scores every candidate pair of a sentence (whose masks are prepared) and appends the best class of each.</summary>
    internal void Predict(in RelationSentence s, ReadOnlySpan<RelationArgument> args, List<Prediction> output, List<(int First, int Second, int Between)> pairs)
    {
        Span<ulong> features = stackalloc ulong[RelationFeatures.MaxCount];
        Span<float> scores = stackalloc float[RelationClasses.Count];
        Candidates(args, pairs);
        foreach ((int i, int j, int between) in pairs)
        {
            int n = RelationFeatures.Extract(s, args[i], args[j], between, i == 0, features);
            _model.Score(features[..n], scores);
            (int cls, float p) = Best(scores, args[i], args[j]);
            output.Add(new Prediction(i, j, cls, p));
        }
    }

    /// <summary>The best class allowed for the labels and its probability (softmax over the allowed classes).</summary>
    private static (int Class, float Probability) Best(Span<float> scores, in RelationArgument a, in RelationArgument b)
    {
        EntityLabel first = a.Label, second = b.Label;
        bool national = a.National || b.National;
        float max = float.NegativeInfinity;
        int best = 0;
        for (int c = 0; c < scores.Length; c++)
        {
            if (!RelationClasses.Allowed(c, first, second)
                || (national && RelationClasses.Get(c).Type is RelationType.LocatedIn or RelationType.MemberOf or RelationType.Role or RelationType.Visit))
            {
                scores[c] = float.NegativeInfinity;
                continue;
            }

            if (scores[c] > max)
            {
                max = scores[c];
                best = c;
            }
        }

        float sum = 0;
        for (int c = 0; c < scores.Length; c++)
        {
            sum += float.IsNegativeInfinity(scores[c]) ? 0 : MathF.Exp(scores[c] - max);
        }

        return (best, 1f / sum);
    }

    /// <summary>Finds the relations of a document (annotations on <paramref name="text"/>'s offsets).</summary>
    internal ImmutableArray<Relation> Extract(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, IReadOnlyList<DocumentEntity> entities, ReadOnlySpan<EntityMention> mentions, CancellationToken cancellationToken)
    {
        var args = new List<RelationArgument>();
        for (int k = 0; k < entities.Count; k++)
        {
            DocumentEntity e = entities[k];
            if (!IsArgumentLabel(e.Label))
            {
                continue;
            }

            foreach (EntityReference m in e.Mentions)
            {
                int first = TokenSearch.FirstEndingAfter(tokens, m.Start);
                int last = TokenSearch.FirstEndingAfter(tokens, Math.Max(m.Start, m.End - 1));
                if (first < tokens.Length && last < tokens.Length && tokens[first].Start < m.End)
                {
                    args.Add(new RelationArgument(first, last, e.Label, k, m.Kind));
                }
            }
        }

        AddNationalGroups(text, tokens, entities, mentions, args);
        if (args.Count < 2)
        {
            return [];
        }

        args.Sort(static (x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Last.CompareTo(y.Last));
        var found = new OrderedDictionary<(RelationType, int, int, Modality), Relation>();
        var predictions = new List<Prediction>();
        var pairs = new List<(int First, int Second, int Between)>();
        int cursor = 0;
        foreach (Sentence sentence in sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
            while (cursor < args.Count && args[cursor].First < sentence.FirstToken)
            {
                cursor++;
            }

            int stop = cursor;
            while (stop < args.Count && args[stop].First < end)
            {
                stop++;
            }

            if (stop - cursor < 2)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            ReadOnlySpan<RelationArgument> window = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(args).Slice(cursor, Math.Min(stop - cursor, MaxArgumentsPerSentence));
            Sentence(text, tokens, sentence, window, entities, mentions, predictions, pairs, found);
        }

        return [.. found.Values];
    }

    /// <summary>What the relations of one sentence are read from and written to.</summary>
    private readonly ref struct Scope(
        string text,
        ReadOnlySpan<Token> tokens,
        Sentence sentence,
        in RelationSentence words,
        ReadOnlySpan<RelationArgument> args,
        ReadOnlySpan<EntityMention> mentions,
        IReadOnlyList<DocumentEntity> entities,
        OrderedDictionary<(RelationType, int, int, Modality), Relation> found)
    {
        public readonly string Text = text;
        public readonly ReadOnlySpan<Token> Tokens = tokens;
        public readonly Sentence Sentence = sentence;
        public readonly RelationSentence Words = words;
        public readonly ReadOnlySpan<RelationArgument> Args = args;
        public readonly ReadOnlySpan<EntityMention> Mentions = mentions;
        public readonly IReadOnlyList<DocumentEntity> Entities = entities;
        public readonly OrderedDictionary<(RelationType, int, int, Modality), Relation> Found = found;
    }

    private void Sentence(
        string text,
        ReadOnlySpan<Token> tokens,
        Sentence sentence,
        ReadOnlySpan<RelationArgument> args,
        IReadOnlyList<DocumentEntity> entities,
        ReadOnlySpan<EntityMention> mentions,
        List<Prediction> predictions,
        List<(int First, int Second, int Between)> pairs,
        OrderedDictionary<(RelationType, int, int, Modality), Relation> found)
    {
        int count = sentence.TokenCount;
        ushort[] masks = ArrayPool<ushort>.Shared.Rent(count);
        ulong[] words = ArrayPool<ulong>.Shared.Rent(count * 2);
        try
        {
            masks.AsSpan(0, count).Clear();
            var s = new RelationSentence
            {
                Text = text,
                Tokens = tokens,
                First = sentence.FirstToken,
                End = sentence.FirstToken + count,
                Masks = masks.AsSpan(0, count),
                Words = words.AsSpan(0, count),
                Stems = words.AsSpan(count, count),
            };
            s.Prepare(Lexicon);
            predictions.Clear();
            Predict(s, args, predictions, pairs);
            Span<int> group = stackalloc int[args.Length];
            Span<bool> member = stackalloc bool[args.Length];
            Coordination(s, args, group, member);
            var scope = new Scope(text, tokens, sentence, s, args, mentions, entities, found);
            foreach (Prediction p in predictions)
            {
                if (p.Class == 0 || p.Probability < MinConfidence)
                {
                    continue;
                }

                (RelationType type, bool reversed) = RelationClasses.Get(p.Class);
                // A group and its member ("Chinese companies, including X") are not related to each other.
                if ((type is RelationType.Visit or RelationType.Meet && OwnCountry(entities, args[p.First], args[p.Second]))
                    || Metonymy(entities, args[p.First], args[p.Second]) || (p.Second == p.First + 1 && member[p.Second]))
                {
                    continue;
                }

                Add(scope, type, reversed ? p.Second : p.First, reversed ? p.First : p.Second, p.Probability);

                // Coordinated entities share the relation: "Britain and Canada sanctioned X", "met the foreign ministers of Chile, Peru and Mexico".
                for (int j = 0; j < args.Length; j++)
                {
                    if (j != p.First && j != p.Second && group[j] >= 0)
                    {
                        int other = group[j] == group[p.First] ? p.Second : group[j] == group[p.Second] ? p.First : -1;
                        if (other < 0 || args[j].Entity == args[other].Entity)
                        {
                            continue;
                        }

                        bool jFirst = j < other;
                        bool jIsSubject = reversed ? other == p.First : other == p.Second;
                        int subject = jIsSubject ? j : other;
                        int obj = jIsSubject ? other : j;
                        if (RelationClasses.Allowed(type, args[subject].Label, args[obj].Label) || (type.IsSymmetric() && RelationClasses.Allowed(type, args[obj].Label, args[subject].Label)))
                        {
                            Add(scope, type, type.IsSymmetric() && !jFirst ? obj : subject, type.IsSymmetric() && !jFirst ? subject : obj, p.Probability * 0.9f);
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(masks);
            ArrayPool<ulong>.Shared.Return(words);
        }
    }

    /// <summary>Whether one side is a person and the other their own country (by the knowledge base): no one visits or meets their own country.</summary>
    private static bool OwnCountry(IReadOnlyList<DocumentEntity> entities, in RelationArgument a, in RelationArgument b)
    {
        KbEntity? x = entities[a.Entity].KbEntry, y = entities[b.Entity].KbEntry;
        if (x is null || y is null)
        {
            return false;
        }

        (KbEntity person, KbEntity place) = x.Label == EntityLabel.Person ? (x, y) : (y, x);
        if (person.Label != EntityLabel.Person || person.Country is not { } code || place.Country != code)
        {
            return false;
        }

        // The country itself, or its capital (a leader "visiting" Moscow or Beijing is at home).
        return place.Type == "country" || entities.Any(e => e.KbEntry is { Type: "country" } c && c.Country == code && c.Capital == place.Name);
    }

    /// <summary>A country and its capital are one actor in news (<c>Beijing</c> for China): no relation between them.</summary>
    private static bool Metonymy(IReadOnlyList<DocumentEntity> entities, in RelationArgument a, in RelationArgument b)
    {
        KbEntity? x = entities[a.Entity].KbEntry, y = entities[b.Entity].KbEntry;
        return x is not null && y is not null && x.Country is not null && x.Country == y.Country
            && ((x.Type == "country" && x.Capital == y.Name) || (y.Type == "country" && y.Capital == x.Name));
    }

    /// <summary>Numbers groups of coordinated mentions (<c>A, B and C</c>, <c>firms including A</c>); -1 for a mention in no group.</summary>
    private static void Coordination(in RelationSentence s, ReadOnlySpan<RelationArgument> args, Span<int> group, Span<bool> member)
    {
        group.Fill(-1);
        member.Clear();
        for (int i = 0; i + 1 < args.Length; i++)
        {
            RelationArgument a = args[i], b = args[i + 1];
            int gap = b.First - a.Last - 1;
            if (a.Entity == b.Entity || gap < 1 || gap > 3)
            {
                continue;
            }

            // "A, B and C" (one label); "Chinese companies, including X" and "firms such as X" (a member of a group).
            bool coordinated = a.Label == b.Label && gap <= 2, isMember = true;
            for (int t = a.Last + 1; t < b.First; t++)
            {
                ReadOnlySpan<char> w = s.Word(t);
                coordinated &= w is "," || w.Equals("and", StringComparison.OrdinalIgnoreCase) || w.Equals("or", StringComparison.OrdinalIgnoreCase);
                isMember &= w is "," || w.Equals("including", StringComparison.OrdinalIgnoreCase) || w.Equals("such", StringComparison.OrdinalIgnoreCase) || w.Equals("as", StringComparison.OrdinalIgnoreCase);
            }

            isMember &= s.Word(b.First - 1).Equals("including", StringComparison.OrdinalIgnoreCase)
                || (s.Word(b.First - 1).Equals("as", StringComparison.OrdinalIgnoreCase) && s.Word(b.First - 2).Equals("such", StringComparison.OrdinalIgnoreCase));
            member[i + 1] = isMember && !coordinated;
            if (coordinated || isMember)
            {
                group[i] = group[i] < 0 ? i : group[i];
                group[i + 1] = group[i];
            }
        }
    }

    private static void Add(in Scope scope, RelationType type, int subject, int obj, float confidence)
    {
        RelationArgument a = scope.Args[subject], b = scope.Args[obj];
        RelationSentence s = scope.Words;

        // Symmetric relations are stored once, the entity mentioned first in the document as subject.
        if (type.IsSymmetric() && a.Entity > b.Entity)
        {
            (a, b) = (b, a);
        }

        RelationArgument left = a.First < b.First ? a : b, right = a.First < b.First ? b : a;
        int trigger = FindTrigger(s, left, right, type);

        // An event needs a word that signals it near the pair; only static relations (offices, membership, location,
        // possessives such as "Turkey's Baykar") stand without one.
        if (trigger < 0 && type is not (RelationType.Role or RelationType.MemberOf or RelationType.LocatedIn))
        {
            return;
        }
        Modality modality = ModalityOf(type, s, left.First, right.Last, trigger, a.Last);
        var key = (type, a.Entity, b.Entity, modality);
        if (scope.Found.TryGetValue(key, out Relation? existing))
        {
            if (confidence > existing.Confidence)
            {
                scope.Found[key] = existing with { Confidence = confidence };
            }

            return;
        }

        RelationArguments arguments = Arguments(scope, type, trigger, left, right);
        scope.Found[key] = new Relation(
            type,
            scope.Entities[a.Entity].Id,
            scope.Entities[b.Entity].Id,
            modality,
            confidence,
            scope.Sentence.Start,
            scope.Sentence.End,
            trigger < 0 ? -1 : scope.Tokens[trigger].Start,
            trigger < 0 ? -1 : scope.Tokens[trigger].End,
            arguments);
    }

    /// <summary>The modality of a relation of this type (<see cref="ModalityCues"/>).</summary>
    internal static Modality ModalityOf(RelationType type, in RelationSentence s, int from, int to, int trigger, int subjectLast) =>

        // Offices and places are stated, not done: "spokesman X declined to comment on the report" is no reported role.
        type is RelationType.Role or RelationType.LocatedIn ? Modality.Asserted : ModalityCues.Of(s, from, to, trigger, subjectLast);

    /// <summary>The word that signals the type: between the mentions first, then before the first, then after the second.</summary>
    internal static int FindTrigger(in RelationSentence s, in RelationArgument left, in RelationArgument right, RelationType type)
    {
        int bit = 1 << (int)type;
        for (int i = left.Last + 1; i < right.First; i++)
        {
            if ((s.MaskAt(i) & bit) != 0)
            {
                return i;
            }
        }

        for (int i = left.First - 1; i >= s.First && i >= left.First - 8; i--)
        {
            if ((s.MaskAt(i) & bit) != 0)
            {
                return i;
            }
        }

        for (int i = right.Last + 1; i < s.End && i <= right.Last + 8; i++)
        {
            if ((s.MaskAt(i) & bit) != 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static RelationArguments Arguments(in Scope scope, RelationType type, int trigger, in RelationArgument left, in RelationArgument right)
    {
        string text = scope.Text;
        ReadOnlySpan<Token> tokens = scope.Tokens;
        RelationSentence s = scope.Words;
        ReadOnlySpan<RelationArgument> args = scope.Args;
        ReadOnlySpan<EntityMention> mentions = scope.Mentions;
        IReadOnlyList<DocumentEntity> entities = scope.Entities;
        Sentence sentence = scope.Sentence;
        string? item = type is RelationType.Supply or RelationType.Trade && trigger >= 0 ? Item(text, tokens, s, args, trigger) : null;

        ImmutableArray<string>.Builder? via = null;
        if (type is RelationType.Supply or RelationType.Trade or RelationType.Visit or RelationType.Attack)
        {
            // "via Turkey and the United Arab Emirates": a route entity, and those coordinated with it.
            int previousVia = -1;
            foreach (RelationArgument x in args)
            {
                ReadOnlySpan<char> before = s.Word(x.First - 1);
                bool route = before.Equals("via", StringComparison.OrdinalIgnoreCase) || before.Equals("through", StringComparison.OrdinalIgnoreCase)
                    || (previousVia >= 0 && x.First - previousVia <= 3 && (before is "," || before.Equals("and", StringComparison.OrdinalIgnoreCase) || before.Equals("the", StringComparison.OrdinalIgnoreCase)));
                if (route && x.Entity != left.Entity && x.Entity != right.Entity)
                {
                    via ??= ImmutableArray.CreateBuilder<string>();
                    string id = entities[x.Entity].Id;
                    if (!via.Contains(id))
                    {
                        via.Add(id);
                    }

                    previousVia = x.Last;
                }
            }
        }

        string? time = null;
        int anchor = trigger >= 0 ? tokens[trigger].Start : tokens[left.First].Start;
        int bestDistance = int.MaxValue;
        int lo = FirstAtOrAfter(mentions, sentence.Start);
        for (int i = lo; i < mentions.Length && mentions[i].Start < sentence.End; i++)
        {
            EntityMention m = mentions[i];
            if (m.Label is EntityLabel.Date or EntityLabel.Time && Math.Abs(m.Start - anchor) < bestDistance && IsTime(text.AsSpan(m.Start, m.Length)))
            {
                bestDistance = Math.Abs(m.Start - anchor);
                time = text.Substring(m.Start, m.Length);
            }
        }

        return item is null && via is null && time is null ? RelationArguments.None : new RelationArguments(item, via?.ToImmutable() ?? [], time);
    }

    /// <summary>Whether a date mention says when (<c>Monday</c>, <c>next month</c>, <c>June 2022</c>), not how long (<c>three-day</c>, <c>few</c>).</summary>
    private static bool IsTime(ReadOnlySpan<char> date)
    {
        if (date.Contains('-') && (date.EndsWith("day", StringComparison.OrdinalIgnoreCase) || date.EndsWith("week", StringComparison.OrdinalIgnoreCase)
            || date.EndsWith("month", StringComparison.OrdinalIgnoreCase) || date.EndsWith("year", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return date.Contains(' ') || date.IndexOfAnyInRange('0', '9') >= 0 || char.IsUpper(date[0])
            || date.Equals("today", StringComparison.OrdinalIgnoreCase) || date.Equals("yesterday", StringComparison.OrdinalIgnoreCase)
            || date.Equals("tomorrow", StringComparison.OrdinalIgnoreCase) || date.Equals("tonight", StringComparison.OrdinalIgnoreCase);
    }

    private static int FirstAtOrAfter(ReadOnlySpan<EntityMention> mentions, int offset)
    {
        int lo = 0, hi = mentions.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].Start < offset)
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

    /// <summary>The object noun phrase after a transfer verb: <c>sent [assault rifles] to</c>.</summary>
    private static string? Item(string text, ReadOnlySpan<Token> tokens, in RelationSentence s, ReadOnlySpan<RelationArgument> args, int trigger)
    {
        int i = trigger + 1;
        var determiners = ItemDeterminers.GetAlternateLookup<ReadOnlySpan<char>>();
        while (i < s.End && determiners.Contains(s.Word(i)))
        {
            i++;
        }

        int first = i, last = -1;
        for (; i < s.End && i - first < 6; i++)
        {
            ReadOnlySpan<char> w = s.Word(i);
            bool inArgument = false;
            foreach (RelationArgument x in args)
            {
                inArgument |= i >= x.First && i <= x.Last;
            }

            if (inArgument || w.Length == 0 || !char.IsLetterOrDigit(w[0]) || ItemStops.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
            {
                // "rifles and body armour": "and" continues a list of things.
                if (w.Equals("and", StringComparison.OrdinalIgnoreCase) && last >= 0 && i + 1 < s.End && char.IsLower(s.Word(i + 1).IsEmpty ? 'A' : s.Word(i + 1)[0]))
                {
                    continue;
                }

                break;
            }

            last = i;
        }

        return last < first ? null : text[tokens[first].Start..tokens[last].End];
    }
}
