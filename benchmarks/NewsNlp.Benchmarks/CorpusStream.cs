using System.Diagnostics;
using NewsNlp.Corpus;

namespace NewsNlp.Benchmarks;

/// <summary>
/// Streams N documents through <see cref="CorpusAnalyzer"/>: the articles of the benchmark text are analysed once by
/// the pipeline, then added again and again under new ids in a shuffled order (the corpus analyser's own cost, which is
/// what this measures: features, entity joining, story search, eviction). Reports documents per second, the active
/// window and memory.
/// </summary>
internal static class CorpusStream
{
    public static void Run(int count)
    {
        List<string> articles = NewsCorpus.Articles(3000);
        var pipeline = NewsPipeline.CreateDefault();
        NewsDocument[] analysed = [.. articles.Select((a, i) => pipeline.Analyze(a, $"a{i}"))];
        var corpus = new CorpusAnalyzer();
        var random = new Random(11);
        long startHeap = GC.GetTotalMemory(forceFullCollection: true);
        long maxHeap = 0;
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            corpus.Add(analysed[random.Next(analysed.Length)], $"doc{i}");
            if ((i + 1) % 10_000 == 0)
            {
                maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(forceFullCollection: false));
                (int stories, int features) = corpus.ActiveSize;
                Console.WriteLine($"  {i + 1:N0} documents: {stories:N0} active stories, {features:N0} indexed features, heap {GC.GetTotalMemory(false) / 1048576.0:F1} MB");
            }
        }

        watch.Stop();
        CorpusSnapshot snapshot = corpus.Snapshot();
        using Process self = Process.GetCurrentProcess();
        Console.WriteLine($"{count:N0} documents ({analysed.Length} distinct articles) through the corpus analyser in {watch.Elapsed.TotalSeconds:F1} s: {count / watch.Elapsed.TotalSeconds:N0} documents/s");
        Console.WriteLine($"{snapshot.Stories.Length:N0} stories, {snapshot.Entities.Length:N0} corpus entities with {snapshot.Entities.Sum(e => e.Members.Length):N0} members");
        Console.WriteLine($"managed heap {startHeap / 1048576.0:F1} MB before, at most {maxHeap / 1048576.0:F1} MB sampled; peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB");
    }
}
