using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsNlp;

/// <summary>
/// The names under which the pipeline reports traces and metrics, for OpenTelemetry
/// (<c>.AddSource(NewsNlpTelemetry.Name)</c>, <c>.AddMeter(NewsNlpTelemetry.Name)</c>).
/// </summary>
/// <remarks>
/// Activities: <c>NewsNlp.Analyze</c>, one per document, tagged <c>newsnlp.document.id</c>, <c>newsnlp.characters</c>,
/// <c>newsnlp.tokens</c>, <c>newsnlp.entities</c>. Instruments: <c>newsnlp.documents</c> (counter),
/// <c>newsnlp.tokens</c> (counter), <c>newsnlp.characters</c> (counter) and <c>newsnlp.stage.duration</c> (histogram, seconds,
/// tagged <c>newsnlp.stage</c>: clean, tokenize, split, tag, link, quotes). Nothing is measured while no listener is attached.
/// </remarks>
public static class NewsNlpTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>NewsNlp</c>.</summary>
    public const string Name = "NewsNlp";

    internal static readonly ActivitySource Source = new(Name, typeof(NewsNlpTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(NewsNlpTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> Documents = Meter.CreateCounter<long>("newsnlp.documents", "{document}", "Documents analysed.");

    internal static readonly Counter<long> Tokens = Meter.CreateCounter<long>("newsnlp.tokens", "{token}", "Tokens of the documents analysed.");

    internal static readonly Counter<long> Characters = Meter.CreateCounter<long>("newsnlp.characters", "{character}", "Characters of the documents analysed.");

    internal static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("newsnlp.stage.duration", "s", "Time spent in each stage of the pipeline.");

    /// <summary>Records the time since <paramref name="start"/> (a <see cref="Stopwatch"/> timestamp) for a stage, and returns now.</summary>
    internal static long Stage(string stage, long start)
    {
        long now = Stopwatch.GetTimestamp();
        StageDuration.Record(Stopwatch.GetElapsedTime(start, now).TotalSeconds, new KeyValuePair<string, object?>("newsnlp.stage", stage));
        return now;
    }
}
