using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsNlp.Extensions.DependencyInjection;

namespace NewsNlp.Tests.Extensions;

public class DependencyInjectionTests
{
    [Fact]
    public void AddNewsNlp_registers_one_shared_pipeline_with_the_options()
    {
        var services = new ServiceCollection();
        services.AddNewsNlp(o => o.MaxDocumentLength = 1000);
        using ServiceProvider provider = services.BuildServiceProvider();
        NewsPipeline pipeline = provider.GetRequiredService<NewsPipeline>();
        Assert.Same(pipeline, provider.GetRequiredService<NewsPipeline>());
        Assert.Equal(1000, pipeline.Options.MaxDocumentLength);
        Assert.Contains(pipeline.Analyze("The French president met reporters in Paris on Friday.").Entities, e => e.Name == "Paris");
    }

    [Fact]
    public void Invalid_options_fail_at_resolution_with_a_clear_message()
    {
        var services = new ServiceCollection();
        services.AddNewsNlp(o => o.EntityModelPath = "/no/such/model.bin");
        using ServiceProvider provider = services.BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<NewsPipeline>());
        Assert.Contains("EntityModelPath", e.Message);
    }

    [Fact]
    public void Relations_can_be_switched_off_and_given_more_triggers()
    {
        var off = new ServiceCollection();
        off.AddNewsNlp(o => o.ExtractRelations = false);
        using (ServiceProvider provider = off.BuildServiceProvider())
        {
            NewsPipeline pipeline = provider.GetRequiredService<NewsPipeline>();
            Assert.False(pipeline.Options.ExtractRelations);
            Assert.Empty(pipeline.Analyze("Canada imposed sanctions on Belarus on Friday.").Relations);
        }

        var more = new ServiceCollection();
        more.AddNewsNlp(o => o.RelationTriggers["attack"] = ["pummelled"]);
        using (ServiceProvider provider = more.BuildServiceProvider())
        {
            NewsPipeline pipeline = provider.GetRequiredService<NewsPipeline>();
            Assert.True(pipeline.Options.RelationExtractor!.Lexicon.Signals("pummelled", NewsNlp.Relations.RelationType.Attack));
        }

        var wrong = new ServiceCollection();
        wrong.AddNewsNlp(o => o.RelationTriggers["BOMBARD"] = ["shelled"]);
        using ServiceProvider bad = wrong.BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<NewsPipeline>());
        Assert.Contains("RelationTriggers", e.Message);
    }

    [Fact]
    public void Knowledge_base_files_extend_the_shipped_one_and_loading_is_logged()
    {
        string file = Path.Combine(Path.GetTempPath(), $"newsnlp-kb-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """[{"name": "Volkova Logistics", "label": "ORG", "type": "company", "country": "RU", "wikidataId": "Q999999998"}]""", Encoding.UTF8);
        try
        {
            var log = new ListLoggerProvider();
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddProvider(log));
            services.AddNewsNlp(o => o.KnowledgeBaseFiles.Add(file));
            using ServiceProvider provider = services.BuildServiceProvider();
            NewsDocument doc = provider.GetRequiredService<NewsPipeline>().Analyze("Prosecutors said Volkova Logistics had shipped the parts.");
            Assert.Contains(doc.Entities, e => e.KbId == "Q999999998");
            Assert.Contains(log.Messages, m => m.Contains("1 knowledge-base entries", StringComparison.Ordinal));
            Assert.Contains(log.Messages, m => m.Contains("pipeline ready", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new ListLogger(this);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Messages)
                {
                    owner.Messages.Add(formatter(state, exception));
                }
            }
        }
    }
}
