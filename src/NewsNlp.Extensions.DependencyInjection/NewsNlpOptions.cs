namespace NewsNlp.Extensions.DependencyInjection;

/// <summary>Settings of the pipeline that <c>AddNewsNlp</c> registers; bind them from configuration or set them in code.</summary>
public sealed class NewsNlpOptions
{
    /// <summary>Documents longer than this (in UTF-16 code units) are refused; <see cref="NewsPipelineOptions.DefaultMaxDocumentLength"/> by default.</summary>
    public int MaxDocumentLength { get; set; } = NewsPipelineOptions.DefaultMaxDocumentLength;

    /// <summary>Whether to repair the text and mark boilerplate; <see langword="true"/> by default.</summary>
    public bool CleanText { get; set; } = true;

    /// <summary>Whether to find entities; <see langword="true"/> by default (off: tokens and sentences only).</summary>
    public bool RecognizeEntities { get; set; } = true;

    /// <summary>Whether to link entities to the knowledge base and resolve coreference; <see langword="true"/> by default.</summary>
    public bool LinkEntities { get; set; } = true;

    /// <summary>Whether to find relations, events and quotes; <see langword="true"/> by default (needs <see cref="RecognizeEntities"/>).</summary>
    public bool ExtractRelations { get; set; } = true;

    /// <summary>A model file from <c>newsnlp train relations</c> to use instead of the shipped relation model; null for the shipped one.</summary>
    public string? RelationModelPath { get; set; }

    /// <summary>
    /// Trigger words to add to the relation lexicon, by type name (<c>ATTACK</c>: <c>shelled</c>, <c>pounded</c>); see
    /// <see cref="NewsNlp.Relations.RelationLexicon.With"/>.
    /// </summary>
    public IDictionary<string, string[]> RelationTriggers { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A model file from <c>newsnlp train ner</c> to use instead of the shipped model; null for the shipped one.</summary>
    public string? EntityModelPath { get; set; }

    /// <summary>Files of your own knowledge-base entries (<c>.json</c> or <c>.tsv</c>) added to the shipped knowledge base.</summary>
    public IList<string> KnowledgeBaseFiles { get; } = [];

    /// <summary>Whether to load the models when the pipeline is created (at the first resolution) rather than at the first document; <see langword="true"/> by default.</summary>
    public bool LoadModelsEagerly { get; set; } = true;
}
