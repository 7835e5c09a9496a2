using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using NewsNlp.Relations;

namespace NewsNlp.Cli.Training;

/// <summary>
/// <c>newsnlp train relations</c>: candidate pairs of the annotated sentences, their hashed features, a multi-class
/// maximum-entropy model trained with Microsoft.ML (L-BFGS, L1 + L2), whose weights are then copied into the library's
/// own <see cref="RelationModel"/> (no Microsoft.ML at run time).
/// </summary>
internal static class RelationTraining
{
    private sealed class Row
    {
        public uint Label { get; set; }

        public VBuffer<float> Features { get; set; }

        public float Weight { get; set; }
    }

    /// <summary>The feature hashes of every candidate pair of an example, with the gold class.</summary>
    public static IEnumerable<(ulong[] Features, int Class, int First, int Second)> Pairs(RelationExample example, RelationLexicon lexicon)
    {
        Dictionary<(int, int), int> gold = example.Classes();
        var list = new List<(ulong[], int, int, int)>();
        RelationSentence s = RelationSentence.Create(example.Text, example.Tokens, example.First, example.End, lexicon);
        Span<ulong> buffer = stackalloc ulong[RelationFeatures.MaxCount];
        RelationArgument[] args = example.Arguments;
        var pairs = new List<(int First, int Second, int Between)>();
        RelationExtractor.Candidates(args, pairs);
        foreach ((int i, int j, int between) in pairs)
        {
            int n = RelationFeatures.Extract(s, args[i], args[j], between, i == 0, buffer);
            list.Add((buffer[..n].ToArray(), gold.GetValueOrDefault((i, j)), i, j));
        }

        return list;
    }

    public static RelationModel Train(IReadOnlyList<RelationExample> train, string provenance, TextWriter log, float l1 = 0.05f, float l2 = 0.5f, float positiveWeight = 1f)
    {
        var pairs = train.SelectMany(e => Pairs(e, RelationLexicon.Default)).ToList();
        var index = new Dictionary<ulong, int>();
        foreach (var p in pairs)
        {
            foreach (ulong f in p.Features)
            {
                index.TryAdd(f, index.Count);
            }
        }

        log.WriteLine($"{train.Count:N0} sentences, {pairs.Count:N0} candidate pairs ({pairs.Count(p => p.Class != 0):N0} related), {index.Count:N0} features");
        int dimension = index.Count;
        var rows = pairs.Select(p =>
        {
            int[] indices = [.. p.Features.Select(f => index[f]).Distinct().Order()];
            float[] values = [.. indices.Select(_ => 1f)];
            return new Row { Label = (uint)p.Class + 1, Features = new VBuffer<float>(dimension, indices.Length, values, indices), Weight = p.Class == 0 ? 1f : positiveWeight };
        }).ToList();

        var ml = new MLContext(seed: 1);
        SchemaDefinition schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        // Microsoft.ML reads the raw key value as the class index here (value 1 is index 1), so one slot more is declared and
        // index 0, which no row uses, is dropped below.
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), RelationClasses.Count + 1);
        IDataView data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = l1,
            L2Regularization = l2,
            MaximumNumberOfIterations = 300,
            NumberOfThreads = 1,
            ExampleWeightColumnName = nameof(Row.Weight),
        });
        var model = trainer.Fit(data);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(data));
        log.WriteLine($"Microsoft.ML on its training data: micro accuracy {metrics.MicroAccuracy:P1}, log-loss {metrics.LogLoss:F3}");
        MaximumEntropyModelParameters parameters = model.Model;
        VBuffer<float>[] weights = [];
        parameters.GetWeights(ref weights, out int slots);
        weights = weights[1..];
        float[] biases = [.. parameters.GetBiases().Skip(1)];
        int classes = slots - 1;
        if (classes != RelationClasses.Count || biases.Length != classes)
        {
            throw new InvalidOperationException($"Microsoft.ML returned {classes} classes; expected {RelationClasses.Count}.");
        }

        // Rows of the features with a weight; L1 leaves many at zero.
        var dense = new float[classes][];
        for (int c = 0; c < classes; c++)
        {
            // DenseValues: a sparse buffer's values are compacted, so a plain copy would misplace them.
            dense[c] = [.. weights[c].DenseValues()];
        }

        var keys = new List<ulong>();
        var flat = new List<float>();
        foreach ((ulong hash, int column) in index.OrderBy(kv => kv.Key))
        {
            bool any = false;
            for (int c = 0; c < classes; c++)
            {
                any |= dense[c][column] != 0;
            }

            if (!any)
            {
                continue;
            }

            keys.Add(hash);
            for (int c = 0; c < classes; c++)
            {
                flat.Add(dense[c][column]);
            }
        }

        log.WriteLine($"{keys.Count:N0} features with a weight");
        var result = new RelationModel([.. keys], [.. flat], biases, provenance);
        int agree = 0;
        var scores = new float[classes];
        foreach (var p in pairs)
        {
            result.Score(p.Features, scores);
            agree += Array.IndexOf(scores, scores.Max()) == p.Class ? 1 : 0;
        }

        log.WriteLine($"the copied weights agree with Microsoft.ML on {100.0 * agree / pairs.Count:F1}% of the training pairs (argmax)");
        return result;
    }
}
