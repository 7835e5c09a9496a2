using NewsNlp.Cli.Evaluation;

namespace NewsNlp.Tests.Cli;

/// <summary>
/// Worked examples of the reference scorer (conll/reference-coreference-scorers, test/TestCases.README and
/// test/CorefMetricTestConfig.pm: key TC-A = {a} {bc} {def}) and of Pradhan et al. 2014, with the arithmetic in comments.
/// A cluster is written as a string of one-letter mentions; "b" and "B" are different mentions.
/// </summary>
public class CorefMetricsTests
{
    private const double Tolerance = 1e-9;
    private const string KeyA = "a bc def";

    private static CorefMetrics Score(string key, string response, bool keepSingletons = true)
    {
        var metrics = new CorefMetrics(keepSingletons);
        metrics.Add(Clusters(key), Clusters(response));
        return metrics;
    }

    private static string[] Clusters(string clusters) => clusters.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void AssertScore(CorefScore score, double recall, double precision)
    {
        Assert.Equal(recall, score.Recall, Tolerance);
        Assert.Equal(precision, score.Precision, Tolerance);
        double f1 = recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        Assert.Equal(f1, score.F1, Tolerance);
    }

    [Fact]
    public void Pradhan_2014_example()
    {
        // key {abc} {defg}, response {ab} {cd} {fghi}
        CorefMetrics m = Score("abc defg", "ab cd fghi");

        // MUC recall: {abc} is cut into {ab} {c} -> 3-2 = 1; {defg} into {d} {e} {fg} -> 4-3 = 1; (1+1)/(2+3) = 0.4.
        // MUC precision: {ab} -> 2-1 = 1; {cd} -> {c} {d} -> 0; {fghi} -> {fg} {h} {i} -> 1; (1+0+1)/(1+1+3) = 0.4.
        AssertScore(m.Muc, 0.4, 0.4);

        // B3 recall: {abc}: 2²/3 + 1²/3 = 5/3; {defg}: 1²/4 + 2²/4 = 5/4; (5/3+5/4)/7 = 5/12.
        // B3 precision: {ab}: 2²/2 = 2; {cd}: 1/2+1/2 = 1; {fghi}: 2²/4 = 1; 4/8 = 0.5.
        AssertScore(m.BCubed, 5.0 / 12, 0.5);

        // phi4: abc-ab 4/5, abc-cd 2/5, defg-cd 2/6, defg-fghi 4/8; best alignment abc-ab + defg-fghi = 1.3.
        // CEAF-e recall 1.3/2 = 0.65, precision 1.3/3.
        AssertScore(m.CeafE, 0.65, 1.3 / 3);
        Assert.Equal((m.Muc.F1 + m.BCubed.F1 + m.CeafE.F1) / 3, m.ConllF1, Tolerance);
    }

    [Fact]
    public void A1_perfect_response()
    {
        CorefMetrics m = Score(KeyA, KeyA);
        AssertScore(m.Muc, 1, 1);
        AssertScore(m.BCubed, 1, 1);
        AssertScore(m.CeafE, 1, 1);
        Assert.Equal(1, m.ConllF1, Tolerance);
    }

    [Fact]
    public void A2_missing_mentions_and_entities()
    {
        CorefMetrics m = Score(KeyA, "a de");

        // MUC R: {bc} -> {b} {c} 0; {def} -> {de} {f} 1; 1/3. P: {de} 1/1.
        AssertScore(m.Muc, 1.0 / 3, 1);

        // B3 R: a 1, b and c 0, {def} with {de}: 2²/3 = 4/3; (1 + 4/3)/6 = (7/3)/6. P: 3/3.
        AssertScore(m.BCubed, 7.0 / 3 / 6, 1);

        // CEAF-e: a-a 1, def-de 4/5 = 1.8; R 1.8/3 = 0.6, P 1.8/2 = 0.9.
        AssertScore(m.CeafE, 0.6, 0.9);
    }

    [Fact]
    public void A3_false_alarm_mentions_and_entities()
    {
        CorefMetrics m = Score(KeyA, "a bcx defy z");

        // MUC R 3/3; P: {bcx} -> {bc} {x} 1; {defy} -> {def} {y} 2; 3/(2+3).
        AssertScore(m.Muc, 1, 3.0 / 5);

        // B3 P: a 1, {bcx} 2²/3, {defy} 3²/4, z 0: (4 + 7/12)/9.
        AssertScore(m.BCubed, 1, (4 + 7.0 / 12) / 9);

        // CEAF-e: 1 + 4/5 + 6/7 = 2.657...; R /3 = 0.88571, P /4 = 0.66429.
        double phi = 1 + 4.0 / 5 + 6.0 / 7;
        AssertScore(m.CeafE, phi / 3, phi / 4);
        Assert.Equal(0.88571, m.CeafE.Recall, 5);
        Assert.Equal(0.66429, m.CeafE.Precision, 5);
    }

    [Fact]
    public void A4_missing_and_false_alarm_mentions()
    {
        CorefMetrics m = Score(KeyA, "a bcx dy z");

        // MUC R: {bc} 1, {def} -> {d} {e} {f} 0; 1/3. P: {bcx} 1, {dy} 0; 1/(2+1).
        AssertScore(m.Muc, 1.0 / 3, 1.0 / 3);

        // B3 R: (1 + 2 + 1/3)/6; P: (1 + 4/3 + 1/2)/7.
        AssertScore(m.BCubed, (3 + 1.0 / 3) / 6, (1 + 4.0 / 3 + 1.0 / 2) / 7);

        // CEAF-e: 1 + 4/5 + 2/5 = 2.2; R 2.2/3 = 0.73333, P 2.2/4 = 0.55.
        AssertScore(m.CeafE, 2.2 / 3, 0.55);
    }

    [Fact]
    public void A5_and_A6_an_overlapping_mention_in_an_aligned_or_another_entity()
    {
        // B is another mention (overlapping b in the original test, so not matched to it).
        CorefMetrics m5 = Score(KeyA, "a bcxB dy z");
        AssertScore(m5.Muc, 1.0 / 3, 1.0 / 4);                                 // P: {bcxB} -> {bc} {x} {B} 1; {dy} 0; 1/(3+1)
        AssertScore(m5.BCubed, (3 + 1.0 / 3) / 6, 2.5 / 8);                    // P: 1 + 2²/4 + 1/2 + 0 = 2.5
        AssertScore(m5.CeafE, (1 + 4.0 / 6 + 2.0 / 5) / 3, (1 + 4.0 / 6 + 2.0 / 5) / 4); // 0.68889, 0.51667

        CorefMetrics m6 = Score(KeyA, "a bcx dy Bz");
        AssertScore(m6.Muc, 1.0 / 3, 1.0 / 4);                                 // P: {bcx} 1, {dy} 0, {Bz} 0; 1/(2+1+1)
        AssertScore(m6.BCubed, (10.0 / 3) / 6, (1 + 4.0 / 3 + 1.0 / 2) / 8);
        AssertScore(m6.CeafE, 2.2 / 3, 2.2 / 4);
    }

    [Fact]
    public void A7_and_A8_a_duplicate_mention_is_kept_in_its_first_cluster()
    {
        // A mention repeated in the same cluster or in a later one counts once: both score as A4.
        CorefMetrics a4 = Score(KeyA, "a bcx dy z");
        foreach (string response in new[] { "a bcxb dy z", "a bcx dy bz" })
        {
            CorefMetrics m = Score(KeyA, response);
            Assert.Equal(a4.Muc, m.Muc);
            Assert.Equal(a4.BCubed, m.BCubed);
            Assert.Equal(a4.CeafE, m.CeafE);
        }
    }

    [Fact]
    public void A10_all_singletons()
    {
        CorefMetrics m = Score(KeyA, "a b c d e f");
        AssertScore(m.Muc, 0, 0);                 // no links at all
        AssertScore(m.BCubed, 3.0 / 6, 1);        // R: 1 + (1/2+1/2) + (1/3·3) = 3
        AssertScore(m.CeafE, 13.0 / 18, 13.0 / 36); // a-a 1, bc-b 2/3, def-d 1/2: 13/6 over 3 and 6 clusters
    }

    [Fact]
    public void A11_one_entity()
    {
        CorefMetrics m = Score(KeyA, "abcdef");
        AssertScore(m.Muc, 1, 3.0 / 5);                                  // P: {abcdef} -> 3 parts: 6-3 over 5
        AssertScore(m.BCubed, 1, (1.0 / 6 + 2 * 2.0 / 6 + 3 * 3.0 / 6) / 6); // F1 14/25
        Assert.Equal(14.0 / 25, m.BCubed.F1, Tolerance);
        AssertScore(m.CeafE, 2.0 / 9, 2.0 / 3);                           // best: def-abcdef 6/9 = 2/3
    }

    [Fact]
    public void An_empty_response_scores_zero_and_an_empty_key_zero()
    {
        CorefMetrics m = Score(KeyA, "");
        AssertScore(m.Muc, 0, 0);
        AssertScore(m.BCubed, 0, 0);
        AssertScore(m.CeafE, 0, 0);
        Assert.Equal(0, m.ConllF1);

        CorefMetrics none = Score("", "ab");
        Assert.Equal(0, none.ConllF1);
        Assert.Equal(0, none.BCubed.Precision);
    }

    [Fact]
    public void Without_singletons_B3_and_CEAF_score_only_the_larger_clusters()
    {
        // key {bc} {def}, response {bcx} {defy}: a and z dropped.
        CorefMetrics m = Score(KeyA, "a bcx defy z", keepSingletons: false);
        AssertScore(m.Muc, 1, 3.0 / 5);                                // MUC ignores singletons anyway
        AssertScore(m.BCubed, (4.0 / 2 + 9.0 / 3) / 5, (4.0 / 3 + 9.0 / 4) / 7);
        AssertScore(m.CeafE, (4.0 / 5 + 6.0 / 7) / 2, (4.0 / 5 + 6.0 / 7) / 2);

        // An all-singleton response is empty once singletons go.
        CorefMetrics empty = Score(KeyA, "a b c d e f", keepSingletons: false);
        AssertScore(empty.BCubed, 0, 0);
        Assert.Equal(new CorefScore(0, 2, 0, 0), empty.CeafE);
    }

    [Fact]
    public void Documents_add_numerators_and_denominators()
    {
        var m = new CorefMetrics();
        m.Add(Clusters("ab"), Clusters("ab"));       // MUC 1/1 1/1; B3 2/2 2/2; CEAF-e 1/1 1/1
        m.Add(Clusters("cde"), Clusters("c d e"));   // MUC 0/2 0/0; B3 1/3 3/3; CEAF-e phi 2/4: 0.5/1 0.5/3
        Assert.Equal(2, m.Documents);
        AssertScore(m.Muc, 1.0 / 3, 1);              // not the mean of 1 and 0
        AssertScore(m.BCubed, 3.0 / 5, 1);
        AssertScore(m.CeafE, 1.5 / 2, 1.5 / 4);
    }

    [Fact]
    public void Write_prints_each_metric_and_the_conll_average()
    {
        using var output = new StringWriter();
        Score("abc defg", "ab cd fghi").Write(output);
        string text = output.ToString();
        Assert.Contains("MUC", text);
        Assert.Contains("CEAF-e", text);
        Assert.Contains("65.00", text); // CEAF-e recall
        Assert.Contains("CoNLL F1", text);
    }

    [Fact]
    public void Kuhn_Munkres_finds_the_best_assignment_of_random_matrices()
    {
        var random = new Random(20_140_601);
        for (int trial = 0; trial < 300; trial++)
        {
            int rows = random.Next(0, 6), columns = random.Next(0, 6);
            var w = new double[rows][];
            for (int i = 0; i < rows; i++)
            {
                w[i] = new double[columns];
                for (int j = 0; j < columns; j++)
                {
                    w[i][j] = random.Next(4) == 0 ? 0 : Math.Round(random.NextDouble(), 2);
                }
            }

            int[] assignment = CorefMetrics.MaximumAssignment(w, columns);
            Assert.Equal(rows, assignment.Length);
            var used = assignment.Where(j => j >= 0).ToList();
            Assert.Equal(used.Count, used.Distinct().Count());
            Assert.Equal(Math.Min(rows, columns), used.Count);
            double total = assignment.Select((j, i) => j >= 0 ? w[i][j] : 0).Sum();
            Assert.Equal(BruteForce(w, rows, columns), total, Tolerance);
        }
    }

    /// <summary>The best total over every injective assignment of the smaller side, by enumeration.</summary>
    private static double BruteForce(double[][] w, int rows, int columns)
    {
        double best = 0;
        var usedColumns = new bool[columns];
        Search(0, 0);
        return best;

        void Search(int row, double total)
        {
            if (row == rows)
            {
                best = Math.Max(best, total);
                return;
            }

            Search(row + 1, total); // the row left unassigned (needed when rows > columns)
            for (int j = 0; j < columns; j++)
            {
                if (!usedColumns[j])
                {
                    usedColumns[j] = true;
                    Search(row + 1, total + w[row][j]);
                    usedColumns[j] = false;
                }
            }
        }
    }
}
