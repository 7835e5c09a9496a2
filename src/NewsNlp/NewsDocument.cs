using System.Collections.Immutable;
using NewsNlp.Entities;
using NewsNlp.Linking;
using NewsNlp.Text;
using NewsNlp.Tokenization;

namespace NewsNlp;

/// <summary>
/// The analysis of one news text. Immutable. Every annotation holds offsets into <see cref="Text"/>, which is the
/// input exactly as given.
/// </summary>
public sealed class NewsDocument
{
    internal NewsDocument(string id, CleanText clean, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences, ImmutableArray<EntityMention> mentions, ImmutableArray<DocumentEntity> entities, ImmutableArray<Relations.Quote> quotes, ImmutableArray<Relations.Relation> relations)
    {
        Quotes = quotes;
        Relations = relations;
        Entities = entities;
        Id = id;
        Clean = clean;
        Text = clean.Original;
        Tokens = tokens;
        Sentences = sentences;
        Mentions = mentions;
    }

    /// <summary>The caller's identifier of the document (a file name, <c>stdin</c>, a database key).</summary>
    public string Id { get; }

    /// <summary>The input text, unchanged.</summary>
    public string Text { get; }

    /// <summary>The language of the text (ISO 639-1); the library reads English.</summary>
    public string Language { get; } = "en";

    /// <summary>The tokens in text order.</summary>
    public ImmutableArray<Token> Tokens { get; }

    /// <summary>The sentences in text order; each names its range of <see cref="Tokens"/>.</summary>
    public ImmutableArray<Sentence> Sentences { get; }

    /// <summary>The clean view the analysis read (mojibake, HTML references and Unicode repaired), with the repairs and boilerplate lines.</summary>
    public CleanText Clean { get; }

    /// <summary>The repairs made for the analysis, by offsets into <see cref="Text"/>.</summary>
    public IReadOnlyList<TextRepair> Repairs => Clean.Repairs;

    /// <summary>The boilerplate lines (captions, credits, keyword lines, related links, notices); nothing in them yields entities.</summary>
    public IReadOnlyList<BoilerplateSpan> Boilerplate => Clean.Boilerplate;

    /// <summary>The repaired text of a range of <see cref="Text"/> (a mention inside <c>Jos茅 Mujica</c> reads <c>José Mujica</c>).</summary>
    /// <param name="start">Start offset in <see cref="Text"/>.</param>
    /// <param name="end">End offset in <see cref="Text"/> (exclusive).</param>
    /// <returns>The clean characters of that range.</returns>
    public string GetCleanText(int start, int end)
    {
        int s = Clean.ToClean(start);
        int e = Clean.ToClean(end);
        return Clean.Text[s..Math.Max(s, e)];
    }

    /// <summary>The entity mentions (names, dates, numbers, amounts) in text order; empty when entity recognition is off.</summary>
    public ImmutableArray<EntityMention> Mentions { get; }

    /// <summary>The characters of a token, sentence or any other range of this document.</summary>
    /// <param name="start">Start offset.</param>
    /// <param name="length">Length.</param>
    /// <returns>A slice of <see cref="Text"/>.</returns>
    public ReadOnlySpan<char> Slice(int start, int length) => Text.AsSpan(start, length);

    /// <summary>
    /// The entities of the document, in order of first mention: each groups the name mentions of one real-world thing
    /// with its descriptions and pronouns, linked to the knowledge base where it is known.
    /// </summary>
    public ImmutableArray<DocumentEntity> Entities { get; }

    /// <summary>The direct quotations of the document, with their speakers (entity ids of <see cref="Entities"/>) where known.</summary>
    public ImmutableArray<Relations.Quote> Quotes { get; }

    /// <summary>
    /// The relations and events between the document's entities (entity ids of <see cref="Entities"/>), in order of
    /// their first evidence; empty when relation extraction is off.
    /// </summary>
    public ImmutableArray<Relations.Relation> Relations { get; }
}
