using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NewsNlp.Entities;
using NewsNlp.Tokenization;

namespace NewsNlp;

/// <summary>
/// Analyses news texts. Build one and share it: a pipeline is immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var pipeline = NewsPipeline.CreateDefault();
/// NewsDocument doc = pipeline.Analyze("Mr. Xi arrived in Moscow on Monday. He met Putin.");
/// foreach (Sentence s in doc.Sentences) Console.WriteLine(doc.Text[s.Range]);
/// </code>
/// </example>
public sealed class NewsPipeline
{
    private readonly Tokenizer _tokenizer;
    private readonly SentenceSplitter _splitter;
    private readonly EntityTagger? _tagger;

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
    public NewsDocument Analyze(string text, string? id = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > Options.MaxDocumentLength)
        {
            throw new DocumentTooLongException(text.Length, Options.MaxDocumentLength);
        }

        cancellationToken.ThrowIfCancellationRequested();
        ImmutableArray<Token> tokens = Tokenize(text, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var sentences = new List<Sentence>(tokens.Length / 20 + 1);
        _splitter.Split(text, tokens.AsSpan(), sentences);
        ImmutableArray<Sentence> sentenceArray = [.. sentences];
        ImmutableArray<EntityMention> mentions = [];
        if (_tagger is not null)
        {
            var found = new List<EntityMention>(sentences.Count * 2);
            _tagger.Tag(text, tokens.AsSpan(), sentenceArray.AsSpan(), found, cancellationToken);
            mentions = [.. found];
        }

        return new NewsDocument(id ?? "doc", text, tokens, sentenceArray, mentions);
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
