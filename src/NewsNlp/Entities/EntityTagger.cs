using System.Buffers;
using NewsNlp.Tokenization;

namespace NewsNlp.Entities;

/// <summary>
/// Finds named entities, dates, numbers and amounts in tokenized text: a statistical sequence tagger (structured
/// averaged perceptron over BILOU tags, constrained Viterbi decoding) for names and dates, plus deterministic
/// recognisers for money, percentages, quantities, ordinals and cardinals.
/// </summary>
/// <remarks>Immutable and thread-safe; load a model once and share it. The model and its figures are described in docs/models.md.</remarks>
public sealed class EntityTagger
{
    private const string ResourceName = "NewsNlp.Entities.ner-en.bin";
    private const int MaxWindow = 400;

    private static readonly Lazy<EntityTagger> DefaultTagger = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NerModel _model;

    internal NerModel Model => _model;

    private EntityTagger(NerModel model)
    {
        _model = model;
    }

    /// <summary>The tagger with the model shipped in the package, loaded on first use.</summary>
    /// <exception cref="InvalidDataException">The shipped model is corrupt.</exception>
    public static EntityTagger Default => DefaultTagger.Value;

    /// <summary>Where the model came from: data, split, epochs.</summary>
    public string Provenance => _model.Provenance;

    /// <summary>The labels the statistical model predicts (the numeric recognisers add MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL).</summary>
    public IReadOnlyList<EntityLabel> ModelLabels => _model.Tags.Labels;

    /// <summary>Loads a model written by <c>newsnlp train ner</c>.</summary>
    /// <param name="stream">The model file.</param>
    /// <returns>A tagger using that model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The stream is not a model, is of another format version, or is corrupt.</exception>
    public static EntityTagger Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new EntityTagger(NerModel.Load(stream));
    }

    internal static EntityTagger FromModel(NerModel model) => new(model);

    private static EntityTagger LoadDefault()
    {
        using Stream? stream = typeof(EntityTagger).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The package has no entity model (resource {ResourceName}).");
        return Load(stream);
    }

    /// <summary>Finds the entities of a document, sentence by sentence, and appends them in text order.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="sentences">Its sentences, over <paramref name="tokens"/>.</param>
    /// <param name="destination">Receives the mentions.</param>
    /// <param name="cancellationToken">Checked between sentences.</param>
    /// <returns>The number of mentions added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public int Tag(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, List<EntityMention> destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int before = destination.Count;
        foreach (Sentence s in sentences)
        {
            // Pathologically long "sentences" (tables, junk, a 10 MB line) are tagged in windows: memory stays bounded.
            for (int from = 0; from < s.TokenCount; from += MaxWindow)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count = Math.Min(MaxWindow, s.TokenCount - from);
                TagSentence(text, tokens.Slice(s.FirstToken + from, count), s.FirstToken + from, destination, null);
            }
        }

        Datelines.Apply(text, tokens, sentences, destination, before);
        OrganisationPatterns.Apply(text, tokens, sentences, destination, before);
        DocumentConsistency.Apply(text, tokens, sentences, destination, before);
        return destination.Count - before;
    }

    /// <summary>Tags pre-tokenized words (joined by spaces) and returns IOB2 tags; for evaluation on CoNLL-style data.</summary>
    internal string[] TagWords(IReadOnlyList<string> words, bool numeric = true, Linking.EntityLinker? spotter = null)
    {
        if (words.Count == 0)
        {
            return [];
        }

        NerExample ex = NerExample.FromWords(words, new int[words.Count]);
        var mentions = new List<EntityMention>();
        TagSentence(ex.Text, ex.Tokens, 0, mentions, numeric ? null : false);
        spotter?.Spot(ex.Text, ex.Tokens, [new Sentence(0, ex.Text.Length, 0, ex.Tokens.Length)], mentions, CancellationToken.None);
        var iob = new string[words.Count];
        Array.Fill(iob, "O");
        foreach (EntityMention m in mentions)
        {
            for (int i = 0; i < m.TokenCount; i++)
            {
                iob[m.FirstToken + i] = (i == 0 ? "B-" : "I-") + m.Label.ToName();
            }
        }

        return iob;
    }

    private void TagSentence(ReadOnlySpan<char> text, ReadOnlySpan<Token> sentence, int firstToken, List<EntityMention> destination, bool? numeric)
    {
        int n = sentence.Length;
        if (n == 0)
        {
            return;
        }

        int k = _model.Tags.Count;
        float[] emissions = ArrayPool<float>.Shared.Rent(n * k);
        int[] back = ArrayPool<int>.Shared.Rent(n * k);
        int[] tags = ArrayPool<int>.Shared.Rent(n);
        bool[] covered = ArrayPool<bool>.Shared.Rent(n);
        byte[] marks = ArrayPool<byte>.Shared.Rent(n);
        uint[] classes = ArrayPool<uint>.Shared.Rent(n);
        try
        {
            Span<ulong> features = stackalloc ulong[NerFeatures.Count];
            Span<float> work = stackalloc float[_model.Tags.WorkSize];
            Array.Clear(emissions, 0, n * k);
            NerFeatures.Prepare(text, sentence, marks, classes);
            for (int i = 0; i < n; i++)
            {
                NerFeatures.Extract(text, sentence, marks, classes, i, features);
                _model.Score(features, emissions.AsSpan(i * k, k));
            }

            _model.Tags.Decode(emissions, n, _model.Transitions, _model.PackedTransitions, work, back, tags);
            Array.Clear(covered, 0, n);
            int count = destination.Count;
            int start = -1;
            float confidence = 0;
            for (int i = 0; i < n; i++)
            {
                int kind = BilouTags.Kind(tags[i]);
                if (kind == 0)
                {
                    continue;
                }

                if (kind is 1 or 4)
                {
                    start = i;
                    confidence = 0;
                }

                confidence += LabelProbability(emissions.AsSpan(i * k, k), BilouTags.LabelIndex(tags[i]));
                if (kind is 3 or 4 && start >= 0)
                {
                    EntityLabel label = _model.Tags.Labels[BilouTags.LabelIndex(tags[i])];
                    int end = i;

                    // A legal form right after a company's name belongs to it (Acme Industries Limited, Siemens AG).
                    if (label == EntityLabel.Org && end + 1 < n && BilouTags.Kind(tags[end + 1]) == 0 && Titles.IsLegalForm(sentence[end + 1].GetText(text)))
                    {
                        end++;
                    }

                    // A date that ends in "of" goes on to its year (the second half of last year, the end of 2022).
                    if (label == EntityLabel.Date && end + 1 < n && sentence[end].GetText(text) is "of" && BilouTags.Kind(tags[end + 1]) == 0)
                    {
                        ReadOnlySpan<char> next = sentence[end + 1].GetText(text);
                        if (next.Length == 4 && next[0] is '1' or '2' && !next.ContainsAnyExceptInRange('0', '9'))
                        {
                            end++;
                        }
                        else if (end + 2 < n && next is "last" or "this" or "next" or "the" && BilouTags.Kind(tags[end + 2]) == 0 && sentence[end + 2].GetText(text) is "year" or "month" or "week" or "decade" or "century")
                        {
                            end += 2;
                        }
                    }

                    // A duration keeps its unit and a following "ago", "earlier" or "later" (a few weeks ago, six months
                    // later): GMB, most of the training text, tags only the number.
                    if (label is EntityLabel.Date or EntityLabel.Time && end + 1 < n && BilouTags.Kind(tags[end + 1]) == 0 && Titles.IsTimeUnit(sentence[end + 1].GetText(text)))
                    {
                        end++;
                        if (end + 1 < n && BilouTags.Kind(tags[end + 1]) == 0 && sentence[end + 1].GetText(text) is "ago" or "earlier" or "later")
                        {
                            end++;
                        }
                    }

                    AddSpan(text, sentence, firstToken, start, end, label, confidence / (i - start + 1), destination, covered);
                    start = -1;
                }
            }

            if (numeric != false)
            {
                NumericRecognizer.Recognize(text, sentence, firstToken, covered.AsSpan(0, n), destination);
                destination.Sort(count, destination.Count - count, EntityMention.ByStart);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(emissions);
            ArrayPool<int>.Shared.Return(back);
            ArrayPool<int>.Shared.Return(tags);
            ArrayPool<bool>.Shared.Return(covered);
            ArrayPool<byte>.Shared.Return(marks);
            ArrayPool<uint>.Shared.Return(classes);
        }
    }

    /// <summary>
    /// Adds the span of tokens <paramref name="first"/>..<paramref name="last"/> (inclusive) after trimming punctuation at
    /// its edges, and splits an organisation or place followed by an office and a name (<c>CIA Director William
    /// Burns</c>) into the organisation and the person.
    /// </summary>
    private static void AddSpan(ReadOnlySpan<char> text, ReadOnlySpan<Token> sentence, int firstToken, int first, int last, EntityLabel label, float confidence, List<EntityMention> destination, bool[] covered)
    {
        while (first <= last && IsEdgePunctuation(sentence[first], text))
        {
            first++;
        }

        while (last >= first && IsEdgePunctuation(sentence[last], text))
        {
            last--;
        }

        if (first > last)
        {
            return;
        }

        covered.AsSpan(first, last - first + 1).Fill(true);

        // A name that ends in a company or institution word is an organisation's (Volkova Logistics, Kazan University).
        if (label is EntityLabel.Person or EntityLabel.Gpe or EntityLabel.Loc && last > first && Titles.IsOrganisationEnd(sentence[last].GetText(text), label))
        {
            label = EntityLabel.Org;
        }
        else if (label is EntityLabel.Org or EntityLabel.Gpe or EntityLabel.Loc && last > first && Titles.IsFacilityEnd(sentence[last].GetText(text)))
        {
            // A name that ends in a structure word is a facility's (Heathrow Airport, Luzhniki Stadium, Kerch Bridge).
            label = EntityLabel.Fac;
        }

        // "Western" alone (Western leaders, Western sanctions) is a grouping of nations, never a person or an organisation.
        if (first == last && label != EntityLabel.Norp && IsCompassAdjective(sentence[first].GetText(text)))
        {
            label = EntityLabel.Norp;
        }

        if (label == EntityLabel.Person)
        {
            // A quoted epithet before the name is not part of it ('Iron Lady' Thatcher, "Tiger" Woods).
            for (int k = last - 1; k > first; k--)
            {
                if (sentence[k].Length == 1 && text[sentence[k].Start] is '\'' or '"' or '\u2018' or '\u2019' or '\u201C' or '\u201D')
                {
                    first = k + 1;
                    break;
                }
            }

            while (first < last && Titles.IsTitle(sentence[first].GetText(text)))
            {
                first++;
            }
        }

        // "Secretary of State Antony Blinken" read as an organisation "State Antony Blinken": the department word is the
        // end of a title, the given name and what follows a person.
        if (label == EntityLabel.Org && last - first >= 2 && Departments.Contains(sentence[first].GetText(text).ToString())
            && Linking.GivenNames.Of(sentence[first + 1].GetText(text).ToString()) != Linking.Gender.Unknown && AllCapitalised(text, sentence, first + 1, last))
        {
            destination.Add(Mention(sentence, firstToken, first + 1, last, EntityLabel.Person, confidence));
            return;
        }

        // "Samarkand, Uzbekistan": two places, not one.
        if (label is EntityLabel.Gpe or EntityLabel.Loc)
        {
            for (int k = first + 1; k < last; k++)
            {
                if (sentence[k].Length == 1 && text[sentence[k].Start] == ',')
                {
                    destination.Add(Mention(sentence, firstToken, first, k - 1, label, confidence));
                    AddSpan(text, sentence, firstToken, k + 1, last, label, confidence, destination, covered);
                    return;
                }
            }
        }

        if (label is EntityLabel.Org or EntityLabel.Gpe or EntityLabel.Norp)
        {
            for (int k = first + 1; k < last; k++)
            {
                if (Titles.IsOffice(sentence[k].GetText(text)) && char.IsUpper(text[sentence[k + 1].Start]))
                {
                    destination.Add(Mention(sentence, firstToken, first, k - 1, label, confidence));
                    destination.Add(Mention(sentence, firstToken, k + 1, last, EntityLabel.Person, confidence));
                    return;
                }
            }
        }

        destination.Add(Mention(sentence, firstToken, first, last, label, confidence));
    }

    /// <summary>The department words that end a cabinet title (<c>Secretary of State</c>, <c>Defense Secretary</c>).</summary>
    private static readonly HashSet<string> Departments = new(StringComparer.OrdinalIgnoreCase)
    {
        "State", "Defense", "Defence", "Treasury", "Commerce", "Energy", "Interior", "Justice", "Education", "Labor", "Agriculture",
        "Transportation", "Health", "Finance", "Homeland",
    };

    private static bool IsCompassAdjective(ReadOnlySpan<char> word) =>
        word is "Western" or "Eastern" or "Northern" or "Southern" or "Westerners" or "Easterners";

    private static bool AllCapitalised(ReadOnlySpan<char> text, ReadOnlySpan<Token> sentence, int a, int b)
    {
        for (int k = a; k <= b; k++)
        {
            if (sentence[k].Kind != TokenKind.Word || !char.IsUpper(text[sentence[k].Start]))
            {
                return false;
            }
        }

        return true;
    }

    private static EntityMention Mention(ReadOnlySpan<Token> sentence, int firstToken, int a, int b, EntityLabel label, float confidence) =>
        new(sentence[a].Start, sentence[b].End - sentence[a].Start, firstToken + a, b - a + 1, label, confidence);

    private static bool IsEdgePunctuation(Token t, ReadOnlySpan<char> text) =>
        t.Kind is TokenKind.Punctuation or TokenKind.Clitic || (t.Kind == TokenKind.Symbol && t.Length == 1 && text[t.Start] is not ('$' or '%'));

    /// <summary>
    /// The softmax probability, among the emission scores of one token, of the tags of one label (its B, I, L and U
    /// together): how sure the token is of its label, whatever its position in the span.
    /// </summary>
    private static float LabelProbability(ReadOnlySpan<float> scores, int labelIndex)
    {
        float max = float.NegativeInfinity;
        foreach (float s in scores)
        {
            max = MathF.Max(max, s);
        }

        float sum = 0;
        foreach (float s in scores)
        {
            sum += MathF.Exp((s - max) / 4f);
        }

        float label = 0;
        for (int t = 1 + 4 * labelIndex; t < 5 + 4 * labelIndex && t < scores.Length; t++)
        {
            label += MathF.Exp((scores[t] - max) / 4f);
        }

        return label / sum;
    }
}
