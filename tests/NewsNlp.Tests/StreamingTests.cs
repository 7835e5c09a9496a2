using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace NewsNlp.Tests;

public class StreamingTests
{
    private static readonly NewsPipeline Pipeline = NewsPipeline.CreateDefault();

    private static async IAsyncEnumerable<NewsInput> Inputs(int count, Action<int>? onRead = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            onRead?.Invoke(i);
            await Task.Yield();
            yield return new NewsInput($"Report {i}: officials met in Geneva on Monday. They talked for {i % 7 + 1} hours.", $"doc{i}");
        }
    }

    [Fact]
    public async Task Results_come_in_input_order_and_match_one_by_one_analysis()
    {
        var ids = new List<string>();
        await foreach (NewsDocument doc in Pipeline.AnalyzeManyAsync(Inputs(200), maxDegreeOfParallelism: 4))
        {
            ids.Add(doc.Id);
            NewsDocument single = Pipeline.Analyze(doc.Text, doc.Id);
            Assert.Equal(single.Tokens.ToArray(), doc.Tokens.ToArray());
        }

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"doc{i}"), ids);
    }

    [Fact]
    public async Task Read_ahead_is_bounded_by_the_parallelism()
    {
        int read = 0;
        int consumed = 0;
        int worstLead = 0;
        await foreach (NewsDocument _ in Pipeline.AnalyzeManyAsync(Inputs(300, i => Interlocked.Exchange(ref read, i + 1)), maxDegreeOfParallelism: 2))
        {
            consumed++;
            worstLead = Math.Max(worstLead, Volatile.Read(ref read) - consumed);
            await Task.Delay(1);
        }

        Assert.Equal(300, consumed);
        Assert.InRange(worstLead, 0, 2 * 2 + 2 + 1);
    }

    [Fact]
    public async Task A_failing_document_ends_the_stream_after_the_ones_before_it()
    {
        var pipeline = new NewsPipeline(new NewsPipelineOptions { MaxDocumentLength = 60 });
        static async IAsyncEnumerable<NewsInput> Mixed()
        {
            yield return new NewsInput("Short one.", "a");
            yield return new NewsInput("Another short one.", "b");
            yield return new NewsInput(new string('x', 100), "long");
            await Task.Yield();
            yield return new NewsInput("Never reached.", "c");
        }

        var seen = new List<string>();
        await Assert.ThrowsAsync<DocumentTooLongException>(async () =>
        {
            await foreach (NewsDocument doc in pipeline.AnalyzeManyAsync(Mixed(), 2))
            {
                seen.Add(doc.Id);
            }
        });
        Assert.Equal(["a", "b"], seen);
    }

    [Fact]
    public async Task Cancellation_stops_the_stream()
    {
        using var cts = new CancellationTokenSource();
        int count = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (NewsDocument _ in Pipeline.AnalyzeManyAsync(Inputs(100_000), 2, cts.Token))
            {
                if (++count == 10)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.InRange(count, 10, 20);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => Pipeline.AnalyzeManyAsync(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pipeline.AnalyzeManyAsync(Inputs(1), -1));
    }

    [Fact]
    public void Memory_input_gives_the_same_analysis_as_a_string()
    {
        const string text = "Before. Chinese President Xi Jinping arrived in Moscow on Monday. After.";
        ReadOnlyMemory<char> slice = text.AsMemory(8, text.Length - 15);
        NewsDocument fromMemory = Pipeline.Analyze(slice, "m");
        NewsDocument fromString = Pipeline.Analyze(slice.ToString(), "m");
        Assert.Equal(fromString.Text, fromMemory.Text);
        Assert.Equal(fromString.Entities.Select(e => e.Name), fromMemory.Entities.Select(e => e.Name));
    }

    [Fact]
    public void Traces_and_metrics_are_reported_to_listeners()
    {
        var activities = new List<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NewsNlpTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(activityListener);

        var stages = new HashSet<string>();
        long documents = 0;
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == NewsNlpTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "newsnlp.documents")
            {
                Interlocked.Add(ref documents, value);
            }
        });
        meterListener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                lock (stages)
                {
                    stages.Add((string)tag.Value!);
                }
            }
        });
        meterListener.Start();

        Pipeline.Analyze("Telemetry check: the minister spoke in Paris.", "telemetry-doc");
        Assert.Contains(activities, a => a.OperationName == "NewsNlp.Analyze" && (string?)a.GetTagItem("newsnlp.document.id") == "telemetry-doc");
        Assert.True(Interlocked.Read(ref documents) >= 1);
        Assert.Superset(new HashSet<string> { "clean", "tokenize", "split", "tag", "link" }, stages);
    }
}
