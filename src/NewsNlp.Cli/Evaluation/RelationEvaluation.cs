using System.Globalization;
using NewsNlp.Cli.Training;
using NewsNlp.Linking;
using NewsNlp.Relations;

namespace NewsNlp.Cli.Evaluation;

/// <summary>
/// Relation figures on annotated sentences: the scorer on the gold mentions (per type precision, recall, F1; a pair is
/// right when its type and direction are), the modality rules on the gold relations, and the whole pipeline end to end
/// (its own entities and coreference; a relation is right when its type matches and each side has a mention overlapping
/// the gold one).
/// </summary>
internal static class RelationEvaluation
{
    private sealed class Counts
    {
        public int Gold;
        public int Predicted;
        public int Correct;

        public string Line(string name)
        {
            double p = Predicted == 0 ? 0 : (double)Correct / Predicted, r = Gold == 0 ? 0 : (double)Correct / Gold;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return string.Create(CultureInfo.InvariantCulture, $"{name,-12} {Gold,6} {Predicted,6} {Correct,6}   {100 * p,5:F1} {100 * r,5:F1} {100 * f,5:F1}");
        }
    }

    /// <summary>Scores the pairs of the examples with the extractor's model (or the trigger-rule baseline) and prints the per-type table.</summary>
    public static double Pairs(IReadOnlyList<RelationExample> examples, RelationExtractor? extractor, TextWriter output, TextWriter? errors = null)
    {
        var counts = Enum.GetValues<RelationType>().ToDictionary(t => t, _ => new Counts());
        var all = new Counts();
        var predictions = new List<RelationExtractor.Prediction>();
        foreach (RelationExample example in examples)
        {
            RelationSentence s = RelationSentence.Create(example.Text, example.Tokens, example.First, example.End, RelationLexicon.Default);
            Dictionary<(int, int), int> gold = example.Classes();
            var predicted = new Dictionary<(int, int), int>();
            if (extractor is not null)
            {
                predictions.Clear();
                extractor.Predict(s, example.Arguments, predictions, []);
                foreach (var p in predictions.Where(p => p.Class != 0 && p.Probability >= extractor.MinConfidence))
                {
                    predicted[(p.First, p.Second)] = p.Class;
                }
            }
            else
            {
                Baseline(s, example.Arguments, predicted);
            }

            foreach ((var pair, int cls) in gold)
            {
                counts[RelationClasses.Get(cls).Type].Gold++;
                all.Gold++;
            }

            foreach ((var pair, int cls) in predicted)
            {
                RelationType type = RelationClasses.Get(cls).Type;
                counts[type].Predicted++;
                all.Predicted++;
                if (gold.GetValueOrDefault(pair) == cls)
                {
                    counts[type].Correct++;
                    all.Correct++;
                }
            }

            if (errors is not null)
            {
                foreach (var pair in gold.Keys.Union(predicted.Keys).Where(k => gold.GetValueOrDefault(k) != predicted.GetValueOrDefault(k)))
                {
                    string Span(int a) => example.Text[example.Tokens[example.Arguments[a].First].Start..example.Tokens[example.Arguments[a].Last].End];
                    errors.WriteLine($"{example.Id}\tgold {RelationClasses.Name(gold.GetValueOrDefault(pair))}\tpredicted {RelationClasses.Name(predicted.GetValueOrDefault(pair))}\t{Span(pair.Item1)} | {Span(pair.Item2)}\t{example.Text[example.Tokens[example.First].Start..example.Tokens[example.End - 1].End]}");
                }
            }
        }

        output.WriteLine("type           gold   pred  right       P     R    F1");
        foreach ((RelationType type, Counts c) in counts)
        {
            if (c.Gold + c.Predicted > 0)
            {
                output.WriteLine(c.Line(type.ToName()));
            }
        }

        output.WriteLine(all.Line("all (micro)"));
        double precision = all.Predicted == 0 ? 0 : (double)all.Correct / all.Predicted, recall = all.Gold == 0 ? 0 : (double)all.Correct / all.Gold;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /// <summary>The trigger rule alone: a pair is related by the first type a word between its mentions signals that the labels allow, first mention as subject.</summary>
    private static void Baseline(in RelationSentence s, RelationArgument[] args, Dictionary<(int, int), int> predicted)
    {
        var pairs = new List<(int First, int Second, int Between)>();
        RelationExtractor.Candidates(args, pairs);
        foreach ((int i, int j, _) in pairs)
        {
            for (int t = args[i].Last + 1; t < args[j].First; t++)
            {
                ushort mask = s.MaskAt(t);
                int found = -1;
                for (int type = 0; type < RelationNames.TypeCount && found < 0; type++)
                {
                    int cls = RelationClasses.Of((RelationType)type, firstIsSubject: true);
                    if ((mask & (1 << type)) != 0 && RelationClasses.Allowed(cls, args[i].Label, args[j].Label))
                    {
                        found = cls;
                    }
                }

                if (found > 0)
                {
                    predicted[(i, j)] = found;
                    break;
                }
            }
        }
    }

    /// <summary>Accuracy of the modality rules on the gold relations of the examples (the trigger found as at run time).</summary>
    public static void Modality(IReadOnlyList<RelationExample> examples, TextWriter output, TextWriter? errors = null)
    {
        int n = Enum.GetValues<Modality>().Length;
        var confusion = new int[n, n];
        foreach (RelationExample example in examples)
        {
            RelationSentence s = RelationSentence.Create(example.Text, example.Tokens, example.First, example.End, RelationLexicon.Default);
            foreach (GoldRelation r in example.Relations)
            {
                RelationArgument a = example.Arguments[r.Subject], b = example.Arguments[r.Object];
                int from = Math.Min(a.First, b.First), to = Math.Max(a.Last, b.Last);
                int trigger = RelationExtractor.FindTrigger(s, a.First < b.First ? a : b, a.First < b.First ? b : a, r.Type);
                Modality predicted = RelationExtractor.ModalityOf(r.Type, s, from, to, trigger, a.Last);
                confusion[(int)r.Modality, (int)predicted]++;
                if (errors is not null && predicted != r.Modality)
                {
                    errors.WriteLine($"{example.Id}\tgold {r.Modality.ToName()}\tpredicted {predicted.ToName()}\t{r.Type.ToName()}\t{example.Text}");
                }
            }
        }

        int total = 0, right = 0;
        output.WriteLine("modality       gold  right  accuracy   (rows: gold; predicted asserted/planned/reported/negated/hypothetical)");
        for (int g = 0; g < n; g++)
        {
            int row = 0;
            for (int p = 0; p < n; p++)
            {
                row += confusion[g, p];
            }

            total += row;
            right += confusion[g, g];
            string cells = string.Join(' ', Enumerable.Range(0, n).Select(p => confusion[g, p].ToString(CultureInfo.InvariantCulture).PadLeft(4)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{((Modality)g).ToName(),-12} {row,6} {confusion[g, g],6}  {(row == 0 ? 0 : 100.0 * confusion[g, g] / row),7:F1}   {cells}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all",-12} {total,6} {right,6}  {(total == 0 ? 0 : 100.0 * right / total),7:F1}"));
    }

    /// <summary>The whole pipeline on the examples' texts (own sentences): micro precision, recall, F1 and modality accuracy of the matched relations.</summary>
    public static void EndToEnd(IReadOnlyList<RelationExample> examples, NewsPipeline pipeline, TextWriter output)
    {
        int gold = 0, predicted = 0, right = 0, modalityRight = 0;
        foreach (RelationExample example in examples)
        {
            NewsDocument doc = pipeline.Analyze(example.Text, example.Id);
            var entities = doc.Entities.ToDictionary(e => e.Id);
            (int, int) Span(int arg) => (example.Tokens[example.Arguments[arg].First].Start, example.Tokens[example.Arguments[arg].Last].End);
            bool Covers(string id, (int Start, int End) span) => entities[id].Mentions.Any(m => m.Kind != MentionKind.Pronoun && m.Start < span.End && span.Start < m.End);
            gold += example.Relations.Count;
            predicted += doc.Relations.Length;
            var used = new HashSet<int>();
            foreach (Relation r in doc.Relations)
            {
                int match = -1;
                for (int k = 0; k < example.Relations.Count && match < 0; k++)
                {
                    GoldRelation g = example.Relations[k];
                    if (!used.Contains(k) && g.Type == r.Type
                        && ((Covers(r.SubjectId, Span(g.Subject)) && Covers(r.ObjectId, Span(g.Object)))
                            || (r.Type.IsSymmetric() && Covers(r.SubjectId, Span(g.Object)) && Covers(r.ObjectId, Span(g.Subject)))))
                    {
                        match = k;
                    }
                }

                if (match >= 0)
                {
                    used.Add(match);
                    right++;
                    modalityRight += example.Relations[match].Modality == r.Modality ? 1 : 0;
                }
            }
        }

        double p = predicted == 0 ? 0 : (double)right / predicted, rc = gold == 0 ? 0 : (double)right / gold;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"end to end: gold {gold}, predicted {predicted}, right {right}: P {100 * p:F1} R {100 * rc:F1} F1 {(p + rc == 0 ? 0 : 200 * p * rc / (p + rc)):F1}; modality right on {modalityRight} of {right} ({(right == 0 ? 0 : 100.0 * modalityRight / right):F1}%)"));
    }
}
