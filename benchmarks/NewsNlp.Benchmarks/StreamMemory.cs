using System.Diagnostics;

namespace NewsNlp.Benchmarks;

/// <summary>
/// Streams N documents (articles of the benchmark text, cycled, each with its own id) through
/// <see cref="NewsPipeline.AnalyzeManyAsync"/> and reports documents per second, the managed heap sampled every 1,000
/// documents, and the process's peak working set: memory must stay flat however many documents pass.
/// </summary>
internal static class StreamMemory
{
    public static async Task RunAsync(int count, int parallelism)
    {
        List<string> articles = NewsCorpus.Articles(3000);
        Console.WriteLine($"{articles.Count:N0} articles of the benchmark text ({NewsCorpus.Source}), cycled");
        var pipeline = NewsPipeline.CreateDefault();
        pipeline.Analyze(articles[0]);
        long startHeap = GC.GetTotalMemory(forceFullCollection: true);
        long maxHeap = 0;
        long tokens = 0;
        int seen = 0;
        var watch = Stopwatch.StartNew();
        await foreach (NewsDocument doc in pipeline.AnalyzeManyAsync(Inputs(articles, count), parallelism))
        {
            tokens += doc.Tokens.Length;
            if (++seen % 1000 == 0)
            {
                maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(forceFullCollection: false));
            }

            if (seen % 20000 == 0)
            {
                Console.WriteLine($"  {seen:N0} documents, heap {GC.GetTotalMemory(false) / 1048576.0:F1} MB");
            }
        }

        watch.Stop();
        using Process self = Process.GetCurrentProcess();
        Console.WriteLine($"{seen:N0} documents ({tokens:N0} tokens) with parallelism {parallelism} on {Environment.ProcessorCount} cores in {watch.Elapsed.TotalSeconds:F1} s: " +
            $"{seen / watch.Elapsed.TotalSeconds:N0} documents/s, {tokens / watch.Elapsed.TotalSeconds / 1000:N0} Ktok/s");
        Console.WriteLine($"managed heap: {startHeap / 1048576.0:F1} MB after warm-up, at most {maxHeap / 1048576.0:F1} MB sampled while streaming, " +
            $"{GC.GetTotalMemory(true) / 1048576.0:F1} MB at the end; peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB");
    }

    private static async IAsyncEnumerable<NewsInput> Inputs(List<string> articles, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (i % 256 == 0)
            {
                await Task.Yield();
            }

            yield return new NewsInput(articles[i % articles.Count], $"doc{i}");
        }
    }
}
