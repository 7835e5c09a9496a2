namespace NewsNlp.Cli.Evaluation;

/// <summary>
/// Exact-span precision, recall and F1 per label, conlleval-style: spans from IOB tags (an I- that does not continue
/// a span of its label starts one), a predicted span is correct when its start, end and label match a gold span.
/// </summary>
internal sealed class SpanScore
{
    private readonly SortedDictionary<string, int[]> _counts = new(StringComparer.Ordinal);

    public int Sentences { get; private set; }

    public int Tokens { get; private set; }

    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        Sentences++;
        Tokens += gold.Count;
        var g = Spans(gold).ToHashSet();
        var p = Spans(predicted).ToHashSet();
        foreach (var span in g)
        {
            Counts(span.Label)[0]++;
        }

        foreach (var span in p)
        {
            Counts(span.Label)[1]++;
            if (g.Contains(span))
            {
                Counts(span.Label)[2]++;
            }
        }
    }

    public static IEnumerable<(int Start, int End, string Label)> Spans(IReadOnlyList<string> iob)
    {
        int i = 0;
        while (i < iob.Count)
        {
            string tag = iob[i];
            if (tag.Length < 3 || tag[1] != '-')
            {
                i++;
                continue;
            }

            string label = tag[2..];
            int end = i + 1;
            while (end < iob.Count && iob[end].Length == tag.Length && iob[end][0] == 'I' && iob[end].AsSpan(2).SequenceEqual(label))
            {
                end++;
            }

            yield return (i, end, label);
            i = end;
        }
    }

    public (int Gold, int Predicted, int Correct) Totals(IEnumerable<string> labels)
    {
        int gold = 0, predicted = 0, correct = 0;
        foreach (string label in labels)
        {
            if (_counts.TryGetValue(label, out int[]? c))
            {
                gold += c[0];
                predicted += c[1];
                correct += c[2];
            }
        }

        return (gold, predicted, correct);
    }

    public double MicroF1(IEnumerable<string> labels)
    {
        var (gold, predicted, correct) = Totals(labels);
        return F1(gold, predicted, correct);
    }

    public void Write(TextWriter output, IReadOnlyCollection<string> overallLabels)
    {
        output.WriteLine("label          gold    pred  correct  precision  recall      F1");
        foreach (var (label, c) in _counts)
        {
            Row(output, label, c[0], c[1], c[2]);
        }

        var (g, p, k) = Totals(overallLabels);
        Row(output, "micro(" + string.Join('/', overallLabels) + ")", g, p, k);
    }

    private static void Row(TextWriter output, string label, int gold, int predicted, int correct)
    {
        double precision = predicted == 0 ? 0 : 100.0 * correct / predicted;
        double recall = gold == 0 ? 0 : 100.0 * correct / gold;
        output.WriteLine(FormattableString.Invariant($"{label,-12} {gold,6} {predicted,7} {correct,8} {precision,9:F1}% {recall,6:F1}% {F1(gold, predicted, correct),6:F1}"));
    }

    private static double F1(int gold, int predicted, int correct) =>
        correct == 0 ? 0 : 200.0 * correct / (gold + predicted);

    private int[] Counts(string label)
    {
        if (!_counts.TryGetValue(label, out int[]? c))
        {
            _counts[label] = c = new int[3];
        }

        return c;
    }
}
