using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using System.Runtime.InteropServices;
using NewsNlp.Entities;
using NewsNlp.Linking;
using NewsNlp.Relations;
using NewsNlp.Text;
using NewsNlp.Tokenization;

namespace NewsNlp;

/// <summary>
/// Analyses news texts. Build one and share it: a pipeline is immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var pipeline = NewsPipeline.CreateDefault();
/// NewsDocument doc = pipeline.Analyze("Mr. Macron arrived in Berlin on Monday. He met Scholz.");
/// foreach (Sentence s in doc.Sentences) Console.WriteLine(doc.Text[s.Range]);
/// </code>
/// </example>
public sealed class NewsPipeline
{
    private readonly Tokenizer _tokenizer;
    private readonly SentenceSplitter _splitter;
    private readonly EntityTagger? _tagger;
    private readonly EntityLinker? _linker;
    private readonly RelationExtractor? _relations;

    /// <summary>Creates a pipeline with the given options.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="InvalidDataException">Entity recognition is on and the shipped model cannot be loaded.</exception>
    public NewsPipeline(NewsPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _tokenizer = options.Tokenizer;
        _splitter = ReferenceEquals(_tokenizer, Tokenizer.Default) ? SentenceSplitter.Default : new SentenceSplitter(_tokenizer);
        _tagger = options.RecognizeEntities ? options.EntityTagger ?? EntityTagger.Default : null;
        _linker = _tagger is null ? null : !options.LinkEntities ? EntityLinker.Unlinked
            : options.KnowledgeBase is null ? EntityLinker.Default : new EntityLinker(options.KnowledgeBase);
        _relations = _tagger is null || !options.ExtractRelations ? null : options.RelationExtractor ?? RelationExtractor.Default;
    }

    /// <summary>The options the pipeline was built with.</summary>
    public NewsPipelineOptions Options { get; }

    /// <summary>Creates a pipeline with the default options.</summary>
    /// <returns>A new pipeline; keep it and share it.</returns>
    public static NewsPipeline CreateDefault() => new(new NewsPipelineOptions());

    /// <summary>Analyses one text.</summary>
    /// <param name="text">The text of the article.</param>
    /// <param name="id">The caller's identifier for the document; <c>"doc"</c> when null.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DocumentTooLongException">The text is longer than <see cref="NewsPipelineOptions.MaxDocumentLength"/>.</exception>
    /// <exception cref="OperationCanceledException">The analysis was cancelled.</exception>
    public NewsDocument Analyze(string text, string? id = null, CancellationToken cancellationToken = default) =>
        Analyze(text, id, null, cancellationToken);

    /// <summary>Analyses one text given as memory (a slice of a larger buffer, say); the characters are copied once into the document.</summary>
    /// <param name="text">The text of the article.</param>
    /// <param name="id">The caller's identifier for the document; <c>"doc"</c> when null.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="DocumentTooLongException">The text is longer than <see cref="NewsPipelineOptions.MaxDocumentLength"/>.</exception>
    /// <exception cref="OperationCanceledException">The analysis was cancelled.</exception>
    public NewsDocument Analyze(ReadOnlyMemory<char> text, string? id = null, CancellationToken cancellationToken = default)
    {
        if (text.Length > Options.MaxDocumentLength)
        {
            throw new DocumentTooLongException(text.Length, Options.MaxDocumentLength);
        }

        string whole = MemoryMarshal.TryGetString(text, out string? s, out int start, out int length) && start == 0 && length == s.Length ? s : text.ToString();
        return Analyze(whole, id, null, cancellationToken);
    }

    /// <summary>Analyses one input.</summary>
    /// <param name="input">The text, id and known boilerplate.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="DocumentTooLongException">The text is longer than <see cref="NewsPipelineOptions.MaxDocumentLength"/>.</exception>
    /// <exception cref="OperationCanceledException">The analysis was cancelled.</exception>
    public NewsDocument Analyze(NewsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Analyze(input.Text, input.Id, input.Boilerplate, cancellationToken);
    }

    /// <summary>
    /// Analyses a stream of documents on up to <paramref name="maxDegreeOfParallelism"/> threads and yields the results
    /// in input order. Memory stays bounded: at most twice that many documents are read ahead of the consumer.
    /// </summary>
    /// <param name="inputs">The documents; read as results are consumed.</param>
    /// <param name="maxDegreeOfParallelism">Documents analysed at once; 0 (the default) for <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="cancellationToken">Stops reading and analysing.</param>
    /// <returns>The analyses, in the order of <paramref name="inputs"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is negative.</exception>
    /// <remarks>The first document that fails (too long, say) ends the stream with its exception, after the documents before it.</remarks>
    public IAsyncEnumerable<NewsDocument> AnalyzeManyAsync(IAsyncEnumerable<NewsInput> inputs, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        return Stream(inputs, maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : maxDegreeOfParallelism, cancellationToken);
    }

    private async IAsyncEnumerable<NewsDocument> Stream(IAsyncEnumerable<NewsInput> inputs, int parallelism, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(parallelism);

        // Results in input order: the producer writes each document's task as it starts it; the channel's bound keeps
        // the read-ahead (and the memory it holds) at twice the parallelism.
        var pending = Channel.CreateBounded<Task<NewsDocument>>(new BoundedChannelOptions(parallelism * 2) { SingleReader = true, SingleWriter = true });
        Task producer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (NewsInput input in inputs.WithCancellation(stop.Token).ConfigureAwait(false))
                    {
                        ArgumentNullException.ThrowIfNull(input, nameof(inputs));
                        await slots.WaitAsync(stop.Token).ConfigureAwait(false);

                        // Queued before it starts: a task that could not be queued never runs, so none outlives the stream.
                        var work = new Task<NewsDocument>(() =>
                        {
                            try
                            {
                                return Analyze(input, stop.Token);
                            }
                            finally
                            {
                                slots.Release();
                            }
                        });
                        try
                        {
                            await pending.Writer.WriteAsync(work, stop.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException)
                        {
                            slots.Release();
                            throw;
                        }

                        work.Start(TaskScheduler.Default);
                    }

                    pending.Writer.TryComplete();
                }
                catch (Exception e)
                {
                    pending.Writer.TryComplete(e);
                }
            },
            CancellationToken.None);

        try
        {
            while (await pending.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
            {
                while (pending.Reader.TryRead(out Task<NewsDocument>? work))
                {
                    yield return await work.ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The producer stops when the consumer does.
            }

            // Let started analyses finish before the semaphore is disposed.
            while (pending.Reader.TryRead(out Task<NewsDocument>? left))
            {
                try
                {
                    await left.ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Nobody waits for these results any more.
                }
            }
        }
    }

    /// <summary>Analyses one text whose boilerplate is partly known already (from HTML markup, say).</summary>
    /// <param name="text">The text of the article.</param>
    /// <param name="id">The caller's identifier for the document; <c>"doc"</c> when null.</param>
    /// <param name="knownBoilerplate">Boilerplate spans by offsets into <paramref name="text"/>, added to those detected.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A known boilerplate span lies outside <paramref name="text"/>.</exception>
    /// <exception cref="DocumentTooLongException">The text is longer than <see cref="NewsPipelineOptions.MaxDocumentLength"/>.</exception>
    /// <exception cref="OperationCanceledException">The analysis was cancelled.</exception>
    public NewsDocument Analyze(string text, string? id, IReadOnlyList<BoilerplateSpan>? knownBoilerplate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > Options.MaxDocumentLength)
        {
            throw new DocumentTooLongException(text.Length, Options.MaxDocumentLength);
        }

        cancellationToken.ThrowIfCancellationRequested();
        using Activity? activity = NewsNlpTelemetry.Source.StartActivity("NewsNlp.Analyze");
        bool timed = NewsNlpTelemetry.StageDuration.Enabled;
        long clock = timed ? Stopwatch.GetTimestamp() : 0;
        CleanText clean = Options.TextCleaner?.Clean(text, knownBoilerplate, cancellationToken) ?? TextCleaner.Identity(text, knownBoilerplate);
        clock = timed ? NewsNlpTelemetry.Stage("clean", clock) : 0;
        string work = clean.Text;
        ImmutableArray<Token> tokens = Tokenize(work, cancellationToken);
        clock = timed ? NewsNlpTelemetry.Stage("tokenize", clock) : 0;
        cancellationToken.ThrowIfCancellationRequested();
        var sentences = new List<Sentence>(tokens.Length / 20 + 1);
        _splitter.Split(work, tokens.AsSpan(), sentences);
        clock = timed ? NewsNlpTelemetry.Stage("split", clock) : 0;
        ImmutableArray<EntityMention> mentions = [];
        List<DocumentEntity> entities = [];
        ImmutableArray<Quote> quotes = [];
        ImmutableArray<Relation> relations = [];
        if (_tagger is not null)
        {
            // Boilerplate lines (captions, keyword lines, related links) are not news content: no entities from them.
            Sentence[] content = clean.Boilerplate.Count == 0
                ? [.. sentences]
                : sentences.Where(s => !clean.IsBoilerplate(clean.ToOriginal(s.Start), clean.ToOriginal(s.End))).ToArray();
            var found = new List<EntityMention>(sentences.Count * 2);
            _tagger.Tag(work, tokens.AsSpan(), content, found, cancellationToken);
            _linker!.Spot(work, tokens.AsSpan(), content, found, cancellationToken);
            clock = timed ? NewsNlpTelemetry.Stage("tag", clock) : 0;
            mentions = [.. found];
            entities = _linker!.Resolve(work, tokens.AsSpan(), CollectionsMarshal.AsSpan(sentences), found, cancellationToken);
            clock = timed ? NewsNlpTelemetry.Stage("link", clock) : 0;
            if (_relations is not null)
            {
                quotes = QuoteFinder.Find(work, tokens.AsSpan(), entities, offset => clean.IsBoilerplate(clean.ToOriginal(offset), clean.ToOriginal(offset) + 1));
                QuoteFinder.AttachFirstPerson(work, tokens.AsSpan(), quotes, entities);
                clock = timed ? NewsNlpTelemetry.Stage("quotes", clock) : 0;
                relations = _relations.Extract(work, tokens.AsSpan(), content, entities, CollectionsMarshal.AsSpan(found), cancellationToken);
                clock = timed ? NewsNlpTelemetry.Stage("relations", clock) : 0;
            }
        }

        NewsNlpTelemetry.Documents.Add(1);
        NewsNlpTelemetry.Tokens.Add(tokens.Length);
        NewsNlpTelemetry.Characters.Add(text.Length);
        if (activity is not null)
        {
            activity.SetTag("newsnlp.document.id", id);
            activity.SetTag("newsnlp.characters", text.Length);
            activity.SetTag("newsnlp.tokens", tokens.Length);
            activity.SetTag("newsnlp.entities", entities.Count);
        }

        ImmutableArray<Sentence> sentenceArray = [.. sentences];
        if (clean.IsChanged)
        {
            (tokens, sentenceArray, mentions) = ToOriginal(clean, tokens, sentenceArray, mentions);
            for (int i = 0; i < entities.Count; i++)
            {
                entities[i] = entities[i] with { Mentions = [.. entities[i].Mentions.Select(m => ToOriginal(clean, m))] };
            }

            quotes = [.. quotes.Select(q => ToOriginal(clean, q))];
            relations = [.. relations.Select(r => ToOriginal(clean, r))];
        }

        return new NewsDocument(id ?? "doc", clean, tokens, sentenceArray, mentions, [.. entities], quotes, relations);
    }

    private static Quote ToOriginal(CleanText clean, Quote q)
    {
        (int s, int e) = clean.ToOriginal(q.Start, q.End);
        (int cs, int ce) = q.CueStart < 0 ? (-1, -1) : clean.ToOriginal(q.CueStart, q.CueEnd);
        return q with { Start = s, End = e, CueStart = cs, CueEnd = ce };
    }

    private static Relation ToOriginal(CleanText clean, Relation r)
    {
        (int s, int e) = clean.ToOriginal(r.EvidenceStart, r.EvidenceEnd);
        (int ts, int te) = r.TriggerStart < 0 ? (-1, -1) : clean.ToOriginal(r.TriggerStart, r.TriggerEnd);
        return r with { EvidenceStart = s, EvidenceEnd = e, TriggerStart = ts, TriggerEnd = te };
    }

    private static EntityReference ToOriginal(CleanText clean, EntityReference m)
    {
        (int s, int e) = clean.ToOriginal(m.Start, m.End);
        return m with { Start = s, Length = e - s };
    }

    /// <summary>Moves annotations made on the clean text onto the original's offsets.</summary>
    private static (ImmutableArray<Token>, ImmutableArray<Sentence>, ImmutableArray<EntityMention>) ToOriginal(
        CleanText clean, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences, ImmutableArray<EntityMention> mentions)
    {
        var t = new Token[tokens.Length];
        for (int i = 0; i < t.Length; i++)
        {
            Token token = tokens[i];
            (int s, int e) = clean.ToOriginal(token.Start, token.End);
            t[i] = new Token(s, e - s, token.Kind);
        }

        var st = new Sentence[sentences.Length];
        for (int i = 0; i < st.Length; i++)
        {
            Sentence sentence = sentences[i];
            (int s, int e) = clean.ToOriginal(sentence.Start, sentence.End);
            st[i] = sentence with { Start = s, Length = e - s };
        }

        var m = new EntityMention[mentions.Length];
        for (int i = 0; i < m.Length; i++)
        {
            EntityMention mention = mentions[i];
            (int s, int e) = clean.ToOriginal(mention.Start, mention.End);
            m[i] = mention with { Start = s, Length = e - s };
        }

        return (ImmutableCollectionsMarshal.AsImmutableArray(t), ImmutableCollectionsMarshal.AsImmutableArray(st), ImmutableCollectionsMarshal.AsImmutableArray(m));
    }

    /// <summary>Tokenizes into a pooled buffer and copies once into the exact-size result.</summary>
    private ImmutableArray<Token> Tokenize(string text, CancellationToken cancellationToken)
    {
        Token[] buffer = ArrayPool<Token>.Shared.Rent(Math.Max(16, text.Length / 5));
        int count = 0;
        try
        {
            foreach (Token t in _tokenizer.Tokenize(text))
            {
                if (count == buffer.Length)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Token[] larger = ArrayPool<Token>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<Token>.Shared.Return(buffer);
                    buffer = larger;
                }

                buffer[count++] = t;
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(buffer.AsSpan(0, count).ToArray());
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(buffer);
        }
    }
}
