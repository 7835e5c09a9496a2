// A service that embeds NewsNlp: one pipeline registered once, shared by every caller, model loading logged.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsNlp;
using NewsNlp.Samples.DependencyInjection;

var services = new ServiceCollection();
services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true));
services.AddNewsNlp(o => o.MaxDocumentLength = 1 << 20);
services.AddSingleton<HeadlineService>();
using ServiceProvider provider = services.BuildServiceProvider();

HeadlineService headlines = provider.GetRequiredService<HeadlineService>();
await foreach (string line in headlines.SummariseAsync(
    [
        "Japan's prime minister met the president of South Korea in Seoul on Sunday. She said the two countries would share more intelligence.",
        "The European Central Bank kept interest rates unchanged on Thursday, and its president said inflation was easing.",
    ]))
{
    Console.WriteLine(line);
}

namespace NewsNlp.Samples.DependencyInjection
{
    /// <summary>An application service that takes the shared pipeline by constructor injection.</summary>
    internal sealed class HeadlineService(NewsPipeline pipeline)
    {
        public async IAsyncEnumerable<string> SummariseAsync(IEnumerable<string> articles)
        {
            int n = 0;
            IAsyncEnumerable<NewsInput> inputs = articles.Select(a => new NewsInput(a, $"article-{++n}")).ToAsyncEnumerable();
            await foreach (NewsDocument doc in pipeline.AnalyzeManyAsync(inputs, maxDegreeOfParallelism: 2))
            {
                yield return $"{doc.Id}: {string.Join(", ", doc.Entities.Select(e => $"{e.Name} ({NewsNlp.Entities.EntityLabels.ToName(e.Label)}{(e.KbId is null ? "" : ", " + e.KbId)})"))}";
            }
        }
    }
}
