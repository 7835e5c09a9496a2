using System.Diagnostics.Metrics;

namespace NewsNlp.Benchmarks;

/// <summary>
/// The pipeline's time by stage over the benchmark articles, from the library's own stage-duration metric (for
/// finding hot spots; claims come from the BenchmarkDotNet runs).
/// </summary>
internal static class StageProfile
{
    public static void Run()
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == NewsNlpTelemetry.Name && instrument.Name == "newsnlp.stage.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag.Key == "newsnlp.stage" && tag.Value is string stage)
                {
                    totals[stage] = totals.GetValueOrDefault(stage) + value;
                }
            }
        });
        listener.Start();
        var pipeline = NewsPipeline.CreateDefault();
        List<string> articles = NewsCorpus.Articles(3000);
        for (int round = 0; round < 4; round++)
        {
            totals.Clear();
            foreach (string text in articles)
            {
                pipeline.Analyze(text);
            }
        }

        double all = totals.Values.Sum();
        foreach ((string stage, double seconds) in totals)
        {
            Console.WriteLine($"{stage,-10} {seconds * 1000,8:F1} ms  {100 * seconds / all,5:F1}%");
        }
    }
}
