namespace NewsNlp.Cli.Evaluation;

/// <summary>
/// Recall and precision of one coreference metric kept as numerators and denominators, so that documents add up the way
/// the reference scorer adds them (sums over all documents, then the ratios).
/// </summary>
internal readonly record struct CorefScore(double RecallNumerator, double RecallDenominator, double PrecisionNumerator, double PrecisionDenominator)
{
    public double Recall => RecallDenominator == 0 ? 0 : RecallNumerator / RecallDenominator;

    public double Precision => PrecisionDenominator == 0 ? 0 : PrecisionNumerator / PrecisionDenominator;

    public double F1 => Recall + Precision == 0 ? 0 : 2 * Recall * Precision / (Recall + Precision);

    public static CorefScore operator +(CorefScore a, CorefScore b) => new(
        a.RecallNumerator + b.RecallNumerator,
        a.RecallDenominator + b.RecallDenominator,
        a.PrecisionNumerator + b.PrecisionNumerator,
        a.PrecisionDenominator + b.PrecisionDenominator);
}

/// <summary>
/// MUC, B-cubed and entity-based CEAF (phi4) over key and response clusters, and the CoNLL average of their F1, as the
/// reference scorer computes them (Pradhan et al. 2014, scorer v8.01): mentions are matched exactly by key; a mention in
/// several clusters of one side keeps its first; scores of several documents are summed numerators over summed
/// denominators (<see cref="Add{T}"/> once per document).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>MUC (Vilain et al. 1995): recall = sum over key clusters K of (|K| - p(K)) / sum of (|K| - 1), p(K) the number of
/// parts K is cut into by the response (a key mention in no response cluster is a part of its own); precision swaps the
/// roles. Singletons contribute nothing.</item>
/// <item>B-cubed (Bagga and Baldwin 1998): recall = sum over K and R of |K ∩ R|² / |K|, over the number of key mentions;
/// precision = the same with |R|, over the number of response mentions.</item>
/// <item>CEAF-e (Luo 2005): phi4(K, R) = 2 |K ∩ R| / (|K| + |R|); the one-to-one alignment of key and response clusters
/// with the largest total similarity (Kuhn-Munkres) gives Φ; recall = Φ / key clusters, precision = Φ / response clusters.</item>
/// </list>
/// With <c>keepSingletons: false</c> (the CoNLL-2012 convention) one-mention clusters are dropped from both sides before
/// scoring; MUC is unchanged by it, B-cubed and CEAF-e are not.
/// </remarks>
internal sealed class CorefMetrics(bool keepSingletons = true)
{
    public bool KeepSingletons { get; } = keepSingletons;

    public int Documents { get; private set; }

    public CorefScore Muc { get; private set; }

    public CorefScore BCubed { get; private set; }

    public CorefScore CeafE { get; private set; }

    /// <summary>The CoNLL score: the mean of the MUC, B-cubed and CEAF-e F1.</summary>
    public double ConllF1 => (Muc.F1 + BCubed.F1 + CeafE.F1) / 3;

    /// <summary>Scores one document's response clusters against its key clusters and adds them to the totals.</summary>
    public void Add<T>(IEnumerable<IEnumerable<T>> key, IEnumerable<IEnumerable<T>> response)
        where T : notnull
    {
        var k = Normalize(key, KeepSingletons);
        var r = Normalize(response, KeepSingletons);
        Documents++;
        Muc += ScoreMuc(k, r);
        BCubed += ScoreBCubed(k, r);
        CeafE += ScoreCeafE(k, r);
    }

    /// <summary>Writes recall, precision and F1 of each metric and the CoNLL average, in percent.</summary>
    public void Write(TextWriter output)
    {
        output.WriteLine("metric      recall  precision      F1");
        Row(output, "MUC", Muc);
        Row(output, "B-cubed", BCubed);
        Row(output, "CEAF-e", CeafE);
        output.WriteLine(FormattableString.Invariant($"{"CoNLL F1",-28} {100 * ConllF1,6:F2}"));
    }

    /// <summary>Clusters as sets, each mention kept in the first cluster that has it; empty clusters (and singletons unless kept) dropped.</summary>
    public static List<HashSet<T>> Normalize<T>(IEnumerable<IEnumerable<T>> clusters, bool keepSingletons)
        where T : notnull
    {
        var seen = new HashSet<T>();
        var result = new List<HashSet<T>>();
        foreach (IEnumerable<T> cluster in clusters)
        {
            var set = new HashSet<T>();
            foreach (T mention in cluster)
            {
                if (seen.Add(mention))
                {
                    set.Add(mention);
                }
            }

            if (set.Count > (keepSingletons ? 0 : 1))
            {
                result.Add(set);
            }
        }

        return result;
    }

    public static CorefScore ScoreMuc<T>(IReadOnlyList<HashSet<T>> key, IReadOnlyList<HashSet<T>> response)
        where T : notnull
    {
        var (recallNumerator, recallDenominator) = MucRecall(key, response);
        var (precisionNumerator, precisionDenominator) = MucRecall(response, key);
        return new CorefScore(recallNumerator, recallDenominator, precisionNumerator, precisionDenominator);
    }

    public static CorefScore ScoreBCubed<T>(IReadOnlyList<HashSet<T>> key, IReadOnlyList<HashSet<T>> response)
        where T : notnull
    {
        double recall = 0, precision = 0;
        foreach (HashSet<T> k in key)
        {
            foreach (HashSet<T> r in response)
            {
                int common = Overlap(k, r);
                if (common > 0)
                {
                    recall += (double)common * common / k.Count;
                    precision += (double)common * common / r.Count;
                }
            }
        }

        return new CorefScore(recall, key.Sum(k => k.Count), precision, response.Sum(r => r.Count));
    }

    public static CorefScore ScoreCeafE<T>(IReadOnlyList<HashSet<T>> key, IReadOnlyList<HashSet<T>> response)
        where T : notnull
    {
        var similarity = new double[key.Count][];
        for (int i = 0; i < key.Count; i++)
        {
            similarity[i] = new double[response.Count];
            for (int j = 0; j < response.Count; j++)
            {
                similarity[i][j] = 2.0 * Overlap(key[i], response[j]) / (key[i].Count + response[j].Count);
            }
        }

        int[] assignment = MaximumAssignment(similarity, response.Count);
        double total = 0;
        for (int i = 0; i < key.Count; i++)
        {
            if (assignment[i] >= 0)
            {
                total += similarity[i][assignment[i]];
            }
        }

        return new CorefScore(total, key.Count, total, response.Count);
    }

    /// <summary>
    /// The one-to-one assignment of rows to columns with the largest total weight (Kuhn-Munkres with potentials,
    /// O(n² m) for n ≤ m, the matrix transposed otherwise): for each row its column, or -1 when it has none.
    /// </summary>
    public static int[] MaximumAssignment(double[][] weights, int columns)
    {
        int rows = weights.Length;
        if (rows == 0 || columns == 0)
        {
            return Enumerable.Repeat(-1, rows).ToArray();
        }

        if (rows > columns)
        {
            var transposed = new double[columns][];
            for (int j = 0; j < columns; j++)
            {
                transposed[j] = new double[rows];
                for (int i = 0; i < rows; i++)
                {
                    transposed[j][i] = weights[i][j];
                }
            }

            int[] byColumn = MaximumAssignment(transposed, rows);
            int[] result = Enumerable.Repeat(-1, rows).ToArray();
            for (int j = 0; j < columns; j++)
            {
                result[byColumn[j]] = j;
            }

            return result;
        }

        // Minimum-cost assignment of the negated weights; 1-based arrays, row 0 / column 0 are the algorithm's sentinels.
        int n = rows, m = columns;
        var u = new double[n + 1];
        var v = new double[m + 1];
        var match = new int[m + 1]; // match[j]: the row assigned to column j, 0 for none
        var way = new int[m + 1];
        var minimum = new double[m + 1];
        var used = new bool[m + 1];
        for (int i = 1; i <= n; i++)
        {
            match[0] = i;
            int j0 = 0;
            Array.Fill(minimum, double.PositiveInfinity);
            Array.Fill(used, false);
            do
            {
                used[j0] = true;
                int i0 = match[j0], j1 = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= m; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    double reduced = -weights[i0 - 1][j - 1] - u[i0] - v[j];
                    if (reduced < minimum[j])
                    {
                        minimum[j] = reduced;
                        way[j] = j0;
                    }

                    if (minimum[j] < delta)
                    {
                        delta = minimum[j];
                        j1 = j;
                    }
                }

                for (int j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minimum[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (match[j0] != 0);

            do
            {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        int[] assignment = new int[n];
        for (int j = 1; j <= m; j++)
        {
            if (match[j] != 0)
            {
                assignment[match[j] - 1] = j - 1;
            }
        }

        return assignment;
    }

    /// <summary>MUC recall of <paramref name="key"/> against <paramref name="response"/> as (numerator, denominator).</summary>
    private static (double Numerator, double Denominator) MucRecall<T>(IReadOnlyList<HashSet<T>> key, IReadOnlyList<HashSet<T>> response)
        where T : notnull
    {
        var clusterOf = new Dictionary<T, int>();
        for (int j = 0; j < response.Count; j++)
        {
            foreach (T mention in response[j])
            {
                clusterOf[mention] = j;
            }
        }

        double numerator = 0, denominator = 0;
        var parts = new HashSet<int>();
        foreach (HashSet<T> k in key)
        {
            parts.Clear();
            int alone = 0;
            foreach (T mention in k)
            {
                if (clusterOf.TryGetValue(mention, out int j))
                {
                    parts.Add(j);
                }
                else
                {
                    alone++;
                }
            }

            numerator += k.Count - (parts.Count + alone);
            denominator += k.Count - 1;
        }

        return (numerator, denominator);
    }

    private static int Overlap<T>(HashSet<T> a, HashSet<T> b)
        where T : notnull
    {
        if (a.Count > b.Count)
        {
            (a, b) = (b, a);
        }

        int n = 0;
        foreach (T x in a)
        {
            if (b.Contains(x))
            {
                n++;
            }
        }

        return n;
    }

    private static void Row(TextWriter output, string name, CorefScore s) =>
        output.WriteLine(FormattableString.Invariant($"{name,-10} {100 * s.Recall,7:F2} {100 * s.Precision,10:F2} {100 * s.F1,7:F2}"));
}
