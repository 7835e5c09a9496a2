using NewsNlp.Entities;

namespace NewsNlp.Cli.Training;

/// <summary><c>newsnlp train ner</c>: trains the entity model on GMB train, picks the epoch by dev F1, writes the model.</summary>
internal static class NerTraining
{
    /// <summary>The labels of the shipped statistical model.</summary>
    public static readonly EntityLabel[] ModelLabels =
    [
        EntityLabel.Person, EntityLabel.Org, EntityLabel.Gpe, EntityLabel.Loc, EntityLabel.Norp, EntityLabel.Date, EntityLabel.Time,
        EntityLabel.Event, EntityLabel.Product,
    ];

    /// <summary>The labels whose micro F1 on dev chooses the epoch.</summary>
    public static readonly HashSet<string> SelectionLabels = ["PERSON", "ORG", "GPE", "LOC"];

    /// <summary>
    /// Trains on GMB train and keeps the epoch with the best dev F1; with <paramref name="withDev"/>, trains on
    /// train + dev for exactly <paramref name="epochs"/> epochs (the count chosen on dev before), the final model.
    /// </summary>
    public static NerModel Train(string data, int epochs, bool withDev, TextWriter log)
    {
        var tags = new BilouTags(ModelLabels);
        IReadOnlyList<GmbSentence> train = GmbCorpus.Read(data, "train");
        IReadOnlyList<GmbSentence> dev = GmbCorpus.Read(data, "dev");
        var examples = (withDev ? train.Concat(dev) : train).Select(s => NerExample.FromWords(s.Words, tags.FromIob(s.Tags))).ToList();
        var trainer = new NerTrainer(ModelLabels);
        string provenance = withDev
            ? $"GMB extract (gmb_kaggle/ner_dataset.csv), train + dev blocks = first 90% of the sentences ({examples.Count:N0}); structured averaged perceptron, BILOU, {NerFeatures.Count} feature templates"
            : $"GMB extract (gmb_kaggle/ner_dataset.csv), train block = first 80% of the sentences ({examples.Count:N0}); structured averaged perceptron, BILOU, {NerFeatures.Count} feature templates";
        NerModel best = trainer.Train(
            examples,
            epochs,
            withDev ? (model, epoch) => epoch : (model, epoch) => DevF1(EntityTagger.FromModel(model), dev),
            message => log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}"),
            provenance);
        log.WriteLine("GMB dev, statistical model alone:");
        using var errors = Environment.GetEnvironmentVariable("NEWSNLP_DEV_ERRORS") is { Length: > 0 } path ? new StreamWriter(path) : null;
        Report(EntityTagger.FromModel(best), dev, log, errors);
        return best;
    }

    /// <summary>Micro F1 (exact spans) over PERSON, ORG, GPE, LOC of the statistical model alone.</summary>
    public static double DevF1(EntityTagger tagger, IReadOnlyList<GmbSentence> sentences)
    {
        int gold = 0;
        int predicted = 0;
        int correct = 0;
        foreach (GmbSentence s in sentences)
        {
            var g = Spans(s.Tags);
            var p = Spans(tagger.TagWords(s.Words, numeric: false));
            gold += g.Count;
            predicted += p.Count;
            correct += p.Count(g.Contains);
        }

        double precision = predicted == 0 ? 0 : (double)correct / predicted;
        double recall = gold == 0 ? 0 : (double)correct / gold;
        return precision + recall == 0 ? 0 : 200 * precision * recall / (precision + recall);
    }

    /// <summary>Per-label exact-span figures of the statistical model on <paramref name="sentences"/>.</summary>
    public static void Report(EntityTagger tagger, IReadOnlyList<GmbSentence> sentences, TextWriter output, TextWriter? errors = null)
    {
        var stats = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (GmbSentence s in sentences)
        {
            string[] predicted = tagger.TagWords(s.Words, numeric: false);
            var g = Spans(s.Tags, all: true);
            var p = Spans(predicted, all: true);
            foreach (var span in g)
            {
                Stat(stats, span.Item3)[0]++;
            }

            foreach (var span in p)
            {
                Stat(stats, span.Item3)[1]++;
                if (g.Contains(span))
                {
                    Stat(stats, span.Item3)[2]++;
                }
            }

            if (errors is not null && !g.SetEquals(p))
            {
                errors.WriteLine(string.Join(' ', s.Words.Select((w, i) => s.Tags[i] == predicted[i] ? (s.Tags[i] == "O" ? w : $"[{w}/{s.Tags[i]}]") : $"[{w}/{s.Tags[i]}>{predicted[i]}]")));
            }
        }

        foreach (var (label, v) in stats)
        {
            double precision = v[1] == 0 ? 0 : (double)v[2] / v[1];
            double recall = v[0] == 0 ? 0 : (double)v[2] / v[0];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            output.WriteLine(FormattableString.Invariant($"{label,-10} gold {v[0],6} pred {v[1],6} correct {v[2],6}  P {precision:P1}  R {recall:P1}  F1 {f1:P1}"));
        }
    }

    private static int[] Stat(SortedDictionary<string, int[]> stats, string label)
    {
        if (!stats.TryGetValue(label, out int[]? v))
        {
            stats[label] = v = new int[3];
        }

        return v;
    }

    private static HashSet<(int, int, string)> Spans(string[] iob, bool all = false)
    {
        var spans = new HashSet<(int, int, string)>();
        for (int i = 0; i < iob.Length; i++)
        {
            if (iob[i] == "O" || (iob[i][0] == 'I' && i > 0 && iob[i - 1] != "O" && iob[i - 1][2..] == iob[i][2..]))
            {
                continue;
            }

            string label = iob[i][2..];
            int end = i + 1;
            while (end < iob.Length && iob[end] == "I-" + label)
            {
                end++;
            }

            if (all || SelectionLabels.Contains(label))
            {
                spans.Add((i, end, label));
            }
        }

        return spans;
    }
}
