using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NewsNlp.Benchmarks;

/// <summary>A column with the throughput in MB/s (UTF-8 bytes of the benchmark text per second of mean time).</summary>
internal sealed class ThroughputColumn(bool tokens = false) : IColumn
{
    public string Id => nameof(ThroughputColumn) + (tokens ? "Tokens" : "");

    public string ColumnName => tokens ? "Ktok/s" : "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => tokens ? "Thousands of tokens of the benchmark text per second" : "UTF-8 megabytes (10^6 bytes) of news text processed per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        double? nanoseconds = report?.ResultStatistics?.Mean;
        if (nanoseconds is null or 0)
        {
            return "-";
        }

        double units = tokens ? NewsCorpus.TokenCount / 1e3 : NewsCorpus.Utf8Bytes / 1e6;
        return (units / (nanoseconds.Value / 1e9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
