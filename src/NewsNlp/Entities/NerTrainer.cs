using NewsNlp.Tokenization;

namespace NewsNlp.Entities;

/// <summary>A training sentence: its text, tokens with offsets into it, and the gold BILOU tags.</summary>
internal sealed record NerExample(string Text, Token[] Tokens, int[] Gold, int Domain = 0)
{
    /// <summary>
    /// For a partly annotated sentence, the tags each token may take (bit t: tag t); null when <see cref="Gold"/> is
    /// complete. Training then takes as gold the best sequence within these tags.
    /// </summary>
    public ulong[]? Allowed { get; init; }

    /// <summary>Builds an example from words, joined with single spaces.</summary>
    public static NerExample FromWords(IReadOnlyList<string> words, int[] gold, int domain = 0)
    {
        var tokens = new Token[words.Count];
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            tokens[i] = new Token(text.Length, words[i].Length, TokenKind.Word);
            text.Append(words[i]);
        }

        return new NerExample(text.ToString(), tokens, gold, domain);
    }
}

/// <summary>
/// Trains the tagger: a first-order structured perceptron (Collins 2002) over BILOU tags with constrained Viterbi
/// decoding and weight averaging, on hashed features. Deterministic for a given seed.
/// </summary>
internal sealed class NerTrainer(EntityLabel[] labels, int minCount = 2, int seed = 17, float prune = 0.02f)
{
    private readonly BilouTags _tags = new(labels);

    /// <summary>
    /// Number of data domains (<see cref="NerExample.Domain"/>) whose examples also train a copy of every feature of
    /// their own (Daume 2007, "frustratingly easy" domain adaptation); 0: one shared set of weights.
    /// </summary>
    public int Domains { get; init; }

    /// <summary>With <see cref="Domains"/>: the domains whose copies are added to the shared weights in the exported model (none: the shared weights alone).</summary>
    public int[] ExportDomains { get; init; } = [];

    public NerModel Train(IReadOnlyList<NerExample> train, int epochs, Func<NerModel, int, double>? devScore, Action<string> log, string provenance)
    {
        int k = _tags.Count;
        log($"counting features over {train.Count:N0} sentences");
        var counts = new Dictionary<ulong, int>();
        Span<ulong> buffer = stackalloc ulong[NerFeatures.Count];
        byte[][] marks = train.Select(ex => new byte[ex.Tokens.Length]).ToArray();
        uint[][] classes = train.Select(ex => new uint[ex.Tokens.Length]).ToArray();
        for (int s = 0; s < train.Count; s++)
        {
            NerFeatures.Prepare(train[s].Text, train[s].Tokens, marks[s], classes[s]);
        }

        for (int s = 0; s < train.Count; s++)
        {
            NerExample ex = train[s];
            for (int i = 0; i < ex.Tokens.Length; i++)
            {
                NerFeatures.Extract(ex.Text, ex.Tokens, marks[s], classes[s], i, buffer);
                foreach (ulong f in buffer)
                {
                    counts[f] = counts.GetValueOrDefault(f) + 1;
                }
            }
        }

        var ids = new Dictionary<ulong, int>();
        foreach (var (f, seen) in counts)
        {
            if (seen >= minCount)
            {
                ids[f] = ids.Count;
            }
        }

        counts.Clear();
        ulong[] hashes = new ulong[ids.Count];
        foreach (var (f, id) in ids)
        {
            hashes[id] = f;
        }

        log($"{ids.Count:N0} features seen at least {minCount} times; {k} tags");
        int[][] features = train.Select((ex, s) =>
        {
            var result = new int[ex.Tokens.Length * NerFeatures.Count];
            Span<ulong> b = stackalloc ulong[NerFeatures.Count];
            for (int i = 0; i < ex.Tokens.Length; i++)
            {
                NerFeatures.Extract(ex.Text, ex.Tokens, marks[s], classes[s], i, b);
                for (int j = 0; j < b.Length; j++)
                {
                    result[(i * NerFeatures.Count) + j] = ids.GetValueOrDefault(b[j], -1);
                }
            }

            return result;
        }).ToArray();

        int domains = Domains;
        int rows = ids.Count * (domains > 0 ? domains + 1 : 1);
        var w = new float[rows * k];
        var u = new float[rows * k];
        var tw = new float[k * k];
        var tu = new float[k * k];
        float c = 1;
        var random = new Random(seed);
        int[] order = Enumerable.Range(0, train.Count).ToArray();
        NerModel? best = null;
        double bestScore = double.NegativeInfinity;
        int maxLength = train.Max(e => e.Tokens.Length);
        var emissions = new float[maxLength * k];
        var back = new int[maxLength * k];
        var work = new float[_tags.WorkSize];
        var packed = new float[_tags.Starters.Length * _tags.PackedWidth];
        var predicted = new int[maxLength];
        var latent = new int[maxLength];
        var constrained = new float[maxLength * k];

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int errors = 0;
            int tokens = 0;
            foreach (int s in order)
            {
                NerExample ex = train[s];
                int n = ex.Tokens.Length;
                if (n == 0)
                {
                    continue;
                }

                int[] fs = features[s];
                int ownRows = ids.Count * (1 + ex.Domain); // where the sentence's domain copy starts (with Domains > 0)
                Array.Clear(emissions, 0, n * k);
                for (int i = 0; i < n; i++)
                {
                    Span<float> e = emissions.AsSpan(i * k, k);
                    for (int j = 0; j < NerFeatures.Count; j++)
                    {
                        int f = fs[(i * NerFeatures.Count) + j];
                        if (f >= 0)
                        {
                            ReadOnlySpan<float> row = w.AsSpan(f * k, k);
                            for (int t = 0; t < k; t++)
                            {
                                e[t] += row[t];
                            }

                            if (domains > 0)
                            {
                                ReadOnlySpan<float> own = w.AsSpan((ownRows + f) * k, k);
                                for (int t = 0; t < k; t++)
                                {
                                    e[t] += own[t];
                                }
                            }
                        }
                    }
                }

                _tags.PackTransitions(tw, packed);
                int[] goldPath = ex.Gold;
                if (ex.Allowed is { } allowed)
                {
                    // The gold path of a partly annotated sentence: the best one within the allowed tags.
                    emissions.AsSpan(0, n * k).CopyTo(constrained);
                    for (int i = 0; i < n; i++)
                    {
                        for (int t = 0; t < k; t++)
                        {
                            if ((allowed[i] & (1UL << t)) == 0)
                            {
                                constrained[(i * k) + t] = -1e9f;
                            }
                        }
                    }

                    _tags.Decode(constrained, n, tw, packed, work, back, latent);
                    goldPath = latent;
                }

                _tags.Decode(emissions, n, tw, packed, work, back, predicted);
                tokens += n;
                for (int i = 0; i < n; i++)
                {
                    int g = goldPath[i];
                    int p = predicted[i];
                    if (g != p)
                    {
                        errors++;
                        for (int j = 0; j < NerFeatures.Count; j++)
                        {
                            int f = fs[(i * NerFeatures.Count) + j];
                            if (f >= 0)
                            {
                                Update(w, u, (f * k) + g, 1, c);
                                Update(w, u, (f * k) + p, -1, c);
                                if (domains > 0)
                                {
                                    int d = ownRows + f;
                                    Update(w, u, (d * k) + g, 1, c);
                                    Update(w, u, (d * k) + p, -1, c);
                                }
                            }
                        }
                    }

                    if (i > 0)
                    {
                        int gp = goldPath[i - 1];
                        int pp = predicted[i - 1];
                        if (g != p || gp != pp)
                        {
                            Update(tw, tu, (gp * k) + g, 1, c);
                            Update(tw, tu, (pp * k) + p, -1, c);
                        }
                    }
                }

                c++;
            }

            NerModel model = Export(hashes, w, u, tw, tu, c, provenance + $"; epochs {epoch}");
            double score = devScore?.Invoke(model, epoch) ?? epoch;
            log($"epoch {epoch}: training token error {(double)errors / tokens:P2}; dev {score:F2}; {model.FeatureCount:N0} features, {model.EntryCount:N0} weights");
            if (score > bestScore)
            {
                bestScore = score;
                best = model;
            }
        }

        return best ?? throw new InvalidOperationException("No training data.");
    }

    private static void Update(float[] w, float[] u, int index, float delta, float c)
    {
        w[index] += delta;
        u[index] += c * delta;
    }

    /// <summary>Averages the weights (w - u/c), prunes small ones and builds the compact model.</summary>
    private NerModel Export(ulong[] hashes, float[] w, float[] u, float[] tw, float[] tu, float c, string provenance)
    {
        int k = _tags.Count;
        if (Domains > 0)
        {
            // The exported weights: the shared copy plus the chosen domains' copies, merged (same size and speed).
            int n = hashes.Length;
            var mw = new float[n * k];
            var mu = new float[n * k];
            Array.Copy(w, mw, n * k);
            Array.Copy(u, mu, n * k);
            foreach (int rdom in ExportDomains)
            {
                int at = n * (1 + rdom) * k;
                for (int i = 0; i < n * k; i++)
                {
                    mw[i] += w[at + i];
                    mu[i] += u[at + i];
                }
            }

            w = mw;
            u = mu;
        }

        var keep = new List<(ulong Key, int Id)>();
        for (int f = 0; f < hashes.Length; f++)
        {
            for (int t = 0; t < k; t++)
            {
                if (MathF.Abs(w[(f * k) + t] - (u[(f * k) + t] / c)) >= prune)
                {
                    keep.Add((hashes[f], f));
                    break;
                }
            }
        }

        keep.Sort((a, b) => a.Key.CompareTo(b.Key));
        var keys = new ulong[keep.Count];
        var offsets = new int[keep.Count + 1];
        var tags = new List<byte>();
        var weights = new List<Half>();
        for (int i = 0; i < keep.Count; i++)
        {
            keys[i] = keep[i].Key;
            offsets[i] = tags.Count;
            int f = keep[i].Id;
            for (int t = 0; t < k; t++)
            {
                float avg = w[(f * k) + t] - (u[(f * k) + t] / c);
                if (MathF.Abs(avg) >= prune)
                {
                    tags.Add((byte)t);
                    weights.Add((Half)avg);
                }
            }
        }

        offsets[keep.Count] = tags.Count;
        var transitions = new float[k * k];
        for (int i = 0; i < transitions.Length; i++)
        {
            transitions[i] = tw[i] - (tu[i] / c);
        }

        return new NerModel(_tags.Labels, keys, offsets, [.. tags], [.. weights], transitions, provenance);
    }
}
