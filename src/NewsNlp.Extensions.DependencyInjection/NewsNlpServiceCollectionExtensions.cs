using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsNlp;
using NewsNlp.Entities;
using NewsNlp.Extensions.DependencyInjection;
using NewsNlp.Linking;

// Extension methods of IServiceCollection live in its namespace, as in every Microsoft.Extensions package.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers NewsNlp in a service collection.</summary>
/// <example>
/// <code>
/// builder.Services.AddNewsNlp(o => o.LinkEntities = true);
/// // then inject NewsPipeline: one immutable, thread-safe instance for the whole application
/// </code>
/// </example>
public static partial class NewsNlpServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="NewsPipeline"/> (a singleton, built at its first resolution from
    /// <see cref="NewsNlpOptions"/>), and logs the loading of the models to the <c>NewsNlp</c> logger category.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; optional (options can also be bound from configuration).</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>Invalid options fail when the pipeline is first resolved, with <see cref="OptionsValidationException"/>.</remarks>
    public static IServiceCollection AddNewsNlp(this IServiceCollection services, Action<NewsNlpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<NewsNlpOptions> options = services.AddOptions<NewsNlpOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.MaxDocumentLength > 0, "NewsNlp: MaxDocumentLength must be positive.");
        options.Validate(o => o.EntityModelPath is null || File.Exists(o.EntityModelPath), "NewsNlp: EntityModelPath names a file that does not exist.");
        options.Validate(o => o.KnowledgeBaseFiles.All(File.Exists), "NewsNlp: a file of KnowledgeBaseFiles does not exist.");
        options.Validate(o => o.RelationModelPath is null || File.Exists(o.RelationModelPath), "NewsNlp: RelationModelPath names a file that does not exist.");
        options.Validate(o => o.RelationTriggers.Keys.All(k => NewsNlp.Relations.RelationNames.TryParseType(k, out _)), "NewsNlp: RelationTriggers names a type that is not a relation type (VISIT, MEET, SUPPLY, ...).");
        services.TryAddSingleton(Create);
        return services;
    }

    private static NewsPipeline Create(IServiceProvider provider)
    {
        NewsNlpOptions o = provider.GetRequiredService<IOptions<NewsNlpOptions>>().Value;
        ILogger logger = provider.GetService<ILoggerFactory>()?.CreateLogger("NewsNlp") ?? NullLogger.Instance;
        long start = Stopwatch.GetTimestamp();
        EntityTagger? tagger = null;
        if (o.RecognizeEntities && o.EntityModelPath is not null)
        {
            using FileStream stream = File.OpenRead(o.EntityModelPath);
            tagger = EntityTagger.Load(stream);
            double loaded = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            LogModelLoaded(logger, o.EntityModelPath, tagger.Provenance, loaded);
        }

        KnowledgeBase? kb = null;
        if (o.RecognizeEntities && o.LinkEntities && o.KnowledgeBaseFiles.Count > 0)
        {
            var entries = new List<KbEntity>();
            foreach (string file in o.KnowledgeBaseFiles)
            {
                using FileStream stream = File.OpenRead(file);
                IReadOnlyList<KbEntity> read = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                    ? KnowledgeBase.ReadJson(stream)
                    : KnowledgeBase.ReadTsv(new StreamReader(stream));
                entries.AddRange(read);
                LogKnowledgeBaseFile(logger, file, read.Count);
            }

            kb = KnowledgeBase.Default.WithEntities(entries);
        }

        NewsNlp.Relations.RelationExtractor? relations = null;
        if (o.RecognizeEntities && o.ExtractRelations && (o.RelationModelPath is not null || o.RelationTriggers.Count > 0))
        {
            if (o.RelationModelPath is not null)
            {
                using FileStream stream = File.OpenRead(o.RelationModelPath);
                relations = NewsNlp.Relations.RelationExtractor.Load(stream);
                double loaded = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                LogModelLoaded(logger, o.RelationModelPath, relations.Provenance, loaded);
            }

            NewsNlp.Relations.RelationLexicon lexicon = (relations ?? NewsNlp.Relations.RelationExtractor.Default).Lexicon;
            foreach ((string type, string[] words) in o.RelationTriggers)
            {
                if (NewsNlp.Relations.RelationNames.TryParseType(type, out NewsNlp.Relations.RelationType parsed))
                {
                    lexicon = lexicon.With(parsed, words);
                }
            }

            relations = (relations ?? NewsNlp.Relations.RelationExtractor.Default).WithLexicon(lexicon);
        }

        var pipeline = new NewsPipeline(new NewsPipelineOptions
        {
            MaxDocumentLength = o.MaxDocumentLength,
            TextCleaner = o.CleanText ? NewsNlp.Text.TextCleaner.Default : null,
            RecognizeEntities = o.RecognizeEntities,
            LinkEntities = o.LinkEntities,
            EntityTagger = tagger,
            KnowledgeBase = kb,
            ExtractRelations = o.ExtractRelations,
            RelationExtractor = relations,
        });

        if (o.LoadModelsEagerly && o.RecognizeEntities)
        {
            // The first analysis loads whatever is still lazy (the shipped model and knowledge base).
            pipeline.Analyze("Warm-up.", "warm-up");
        }

        double ready = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        LogPipelineReady(logger, o.RecognizeEntities, o.LinkEntities, ready);
        return pipeline;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "NewsNlp: model loaded from {Path} ({Provenance}) in {Milliseconds:F0} ms")]
    private static partial void LogModelLoaded(ILogger logger, string path, string provenance, double milliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "NewsNlp: {Count} knowledge-base entries read from {Path}")]
    private static partial void LogKnowledgeBaseFile(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "NewsNlp: pipeline ready (entities {Entities}, linking {Linking}) in {Milliseconds:F0} ms")]
    private static partial void LogPipelineReady(ILogger logger, bool entities, bool linking, double milliseconds);
}
