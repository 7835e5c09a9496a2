using System.Text.Encodings.Web;
using System.Text.Json;
using NewsNlp.Entities;
using NewsNlp.Relations;
using NewsNlp.Tokenization;

namespace NewsNlp.Serialization;

/// <summary>
/// Writes analyses as the project's JSON contract (schema version <see cref="SchemaVersion"/>, camelCase,
/// UTF-16 offsets into <c>text</c> with <c>end</c> exclusive). Uses <see cref="Utf8JsonWriter"/> directly: no
/// reflection, safe for trimming and native AOT.
/// </summary>
public static class AnalysisJsonWriter
{
    /// <summary>The version of the JSON contract this writer emits.</summary>
    public const string SchemaVersion = "1.0";

    private static readonly string[] KindNames = BuildKindNames();

    /// <summary>Writes <paramref name="documents"/> as one JSON object to <paramref name="stream"/>.</summary>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="documents">The analysed documents.</param>
    /// <param name="options">What to write; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="documents"/> is null.</exception>
    public static void Write(Stream stream, IEnumerable<NewsDocument> documents, AnalysisJsonOptions? options = null) =>
        Write(stream, documents, null, options);

    /// <summary>Writes <paramref name="documents"/> and, when given, the <c>corpus</c> section as one JSON object to <paramref name="stream"/>.</summary>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="documents">The analysed documents.</param>
    /// <param name="corpus">The corpus entities and stories of the documents (from a <see cref="Corpus.CorpusAnalyzer"/>), or null.</param>
    /// <param name="options">What to write; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="documents"/> is null.</exception>
    public static void Write(Stream stream, IEnumerable<NewsDocument> documents, Corpus.CorpusSnapshot? corpus, AnalysisJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new AnalysisJsonOptions();
        using var writer = new Utf8JsonWriter(stream, WriterOptions(options));
        Write(writer, documents, corpus, options);
    }

    /// <summary>Writes <paramref name="documents"/> as one JSON object to <paramref name="writer"/>.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="documents">The analysed documents.</param>
    /// <param name="options">What to write; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="documents"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, IEnumerable<NewsDocument> documents, AnalysisJsonOptions? options = null) =>
        Write(writer, documents, null, options);

    /// <summary>Writes <paramref name="documents"/> and, when given, the <c>corpus</c> section as one JSON object to <paramref name="writer"/>.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="documents">The analysed documents.</param>
    /// <param name="corpus">The corpus entities and stories of the documents, or null.</param>
    /// <param name="options">What to write; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="documents"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, IEnumerable<NewsDocument> documents, Corpus.CorpusSnapshot? corpus, AnalysisJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new AnalysisJsonOptions();
        writer.WriteStartObject();
        writer.WriteString("schemaVersion", SchemaVersion);
        writer.WriteStartArray("documents");
        foreach (NewsDocument document in documents)
        {
            WriteDocument(writer, document, options);
        }

        writer.WriteEndArray();
        if (corpus is not null)
        {
            WriteCorpus(writer, corpus);
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteCorpus(Utf8JsonWriter writer, Corpus.CorpusSnapshot corpus)
    {
        writer.WriteStartObject("corpus");
        writer.WriteStartArray("entities");
        foreach (Corpus.CorpusEntity e in corpus.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("id", e.Id);
            JsonText.WriteString(writer, "name", e.Name);
            writer.WriteString("label", e.Label.ToName());
            WriteNullable(writer, "kbId", e.KbId);

            writer.WriteStartArray("members");
            foreach (Corpus.CorpusMember m in e.Members)
            {
                writer.WriteStartObject();
                JsonText.WriteString(writer, "document", m.Document);
                writer.WriteString("entity", m.Entity);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("stories");
        foreach (Corpus.Story s in corpus.Stories)
        {
            writer.WriteStartObject();
            writer.WriteString("id", s.Id);
            writer.WriteStartArray("documents");
            foreach (string d in s.Documents)
            {
                JsonText.WriteStringValue(writer, d);
            }

            writer.WriteEndArray();
            JsonText.WriteString(writer, "title", s.Title);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("relations");
        foreach (Corpus.CorpusRelation r in corpus.Relations)
        {
            writer.WriteStartObject();
            writer.WriteString("type", r.Type.ToName());
            writer.WriteString("subject", r.SubjectId);
            writer.WriteString("object", r.ObjectId);
            writer.WriteStartArray("documents");
            foreach (string d in r.Documents)
            {
                JsonText.WriteStringValue(writer, d);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRelations(Utf8JsonWriter writer, NewsDocument document)
    {
        writer.WriteStartArray("relations");
        foreach (Relations.Relation r in document.Relations)
        {
            writer.WriteStartObject();
            writer.WriteString("type", r.Type.ToName());
            writer.WriteString("subject", r.SubjectId);
            writer.WriteString("object", r.ObjectId);
            writer.WriteString("modality", r.Modality.ToName());
            writer.WriteNumber("confidence", Math.Round(r.Confidence, 3));
            writer.WriteStartObject("evidence");
            writer.WriteNumber("start", r.EvidenceStart);
            writer.WriteNumber("end", r.EvidenceEnd);
            writer.WriteEndObject();
            if (r.TriggerStart >= 0)
            {
                writer.WriteStartObject("trigger");
                writer.WriteNumber("start", r.TriggerStart);
                writer.WriteNumber("end", r.TriggerEnd);
                writer.WriteEndObject();
            }

            if (!r.Arguments.IsEmpty)
            {
                writer.WriteStartObject("arguments");
                if (r.Arguments.Item is { } item)
                {
                    JsonText.WriteString(writer, "item", item);
                }

                if (!r.Arguments.Via.IsDefaultOrEmpty)
                {
                    writer.WriteStartArray("via");
                    foreach (string v in r.Arguments.Via)
                    {
                        writer.WriteStringValue(v);
                    }

                    writer.WriteEndArray();
                }

                if (r.Arguments.Time is { } time)
                {
                    JsonText.WriteString(writer, "time", time);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Returns the JSON of <paramref name="documents"/> as a string.</summary>
    /// <param name="documents">The analysed documents.</param>
    /// <param name="options">What to write; defaults when null.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(IEnumerable<NewsDocument> documents, AnalysisJsonOptions? options = null) => ToJson(documents, null, options);

    /// <summary>Returns the JSON of <paramref name="documents"/> and, when given, of their <c>corpus</c> section as a string.</summary>
    /// <param name="documents">The analysed documents.</param>
    /// <param name="corpus">The corpus entities and stories of the documents, or null.</param>
    /// <param name="options">What to write; defaults when null.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(IEnumerable<NewsDocument> documents, Corpus.CorpusSnapshot? corpus, AnalysisJsonOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(stream, documents, corpus, options);
        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes one document object (an element of the <c>documents</c> array).</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="document">The document.</param>
    /// <param name="options">What to write; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="document"/> is null.</exception>
    public static void WriteDocument(Utf8JsonWriter writer, NewsDocument document, AnalysisJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        options ??= new AnalysisJsonOptions();
        writer.WriteStartObject();
        writer.WriteString("id", document.Id);
        JsonText.WriteString(writer, "text", document.Text);
        writer.WriteString("language", document.Language);

        writer.WriteStartArray("sentences");
        foreach (Sentence s in document.Sentences)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", s.Start);
            writer.WriteNumber("end", s.End);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("repairs");
        foreach (NewsNlp.Text.TextRepair r in document.Repairs)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", r.Start);
            writer.WriteNumber("end", r.End);
            JsonText.WriteString(writer, "original", r.Original);
            JsonText.WriteString(writer, "repaired", r.Repaired);
            writer.WriteString("kind", r.Kind switch { NewsNlp.Text.RepairKind.Mojibake => "mojibake", NewsNlp.Text.RepairKind.HtmlEntity => "htmlEntity", _ => "unicode" });
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("boilerplate");
        foreach (NewsNlp.Text.BoilerplateSpan b in document.Boilerplate)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", b.Start);
            writer.WriteNumber("end", b.End);
            writer.WriteString("kind", b.Kind switch
            {
                NewsNlp.Text.BoilerplateKind.Caption => "caption",
                NewsNlp.Text.BoilerplateKind.Credit => "credit",
                NewsNlp.Text.BoilerplateKind.Keywords => "keywords",
                NewsNlp.Text.BoilerplateKind.RelatedLinks => "relatedLinks",
                NewsNlp.Text.BoilerplateKind.Navigation => "navigation",
                _ => "notice",
            });
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteEntities(writer, document);
        WriteRelations(writer, document);
        writer.WriteStartArray("quotes");
        foreach (Relations.Quote q in document.Quotes)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", q.Start);
            writer.WriteNumber("end", q.End);
            WriteNullable(writer, "speaker", q.Speaker);

            if (q.CueStart >= 0)
            {
                writer.WriteStartObject("cue");
                writer.WriteNumber("start", q.CueStart);
                writer.WriteNumber("end", q.CueEnd);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        if (options.IncludeTokens)
        {
            writer.WriteStartArray("tokens");
            foreach (Token t in document.Tokens)
            {
                writer.WriteStartObject();
                writer.WriteNumber("start", t.Start);
                writer.WriteNumber("end", t.End);
                writer.WriteString("kind", KindNames[(int)t.Kind]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes <c>entities</c>: mentions grouped into one entity per distinct name and label (until linking and
    /// coreference merge them), named by the fullest mention.
    /// </summary>
    private static void WriteEntities(Utf8JsonWriter writer, NewsDocument document)
    {
        writer.WriteStartArray("entities");
        foreach (NewsNlp.Linking.DocumentEntity entity in document.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("id", entity.Id);
            JsonText.WriteString(writer, "name", entity.Name);
            writer.WriteString("label", entity.Label.ToName());
            WriteNullable(writer, "kbId", entity.KbId);

            writer.WriteNumber("confidence", Math.Round(entity.Confidence, 3));
            writer.WriteStartArray("mentions");
            foreach (NewsNlp.Linking.EntityReference m in entity.Mentions)
            {
                writer.WriteStartObject();
                writer.WriteNumber("start", m.Start);
                writer.WriteNumber("end", m.End);
                JsonText.WriteString(writer, "text", MentionText(document, m.Start, m.End));
                writer.WriteString("kind", m.Kind switch
                {
                    NewsNlp.Linking.MentionKind.Nominal => "nominal",
                    NewsNlp.Linking.MentionKind.Pronoun => "pronoun",
                    _ => "name",
                });
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>A mention's repaired text with its line breaks and runs of whitespace as single spaces.</summary>
    private static string MentionText(NewsDocument document, int start, int end)
    {
        string text = document.GetCleanText(start, end);
        return text.AsSpan().ContainsAny(" \t\r\n\u00A0".AsSpan()) ? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : text;
    }

    /// <summary>The JSON name of a token kind (camelCase).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its name, such as <c>word</c> or <c>url</c>.</returns>
    public static string GetKindName(TokenKind kind) => (uint)kind < (uint)KindNames.Length ? KindNames[(int)kind] : "other";

    private static JsonWriterOptions WriterOptions(AnalysisJsonOptions options) => new()
    {
        Indented = options.Indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string[] BuildKindNames()
    {
        TokenKind[] kinds = Enum.GetValues<TokenKind>();
        var names = new string[kinds.Length];
        foreach (TokenKind k in kinds)
        {
            string n = k.ToString();
            names[(int)k] = char.ToLowerInvariant(n[0]) + n[1..];
        }

        return names;
    }
}
