using System.Globalization;
using System.Text;

namespace NewsNlp.Cli.Evaluation;

/// <summary>A token of a GUM document: its form, its characters in the document text, its sentence and its UD analysis.</summary>
/// <param name="Head">Document index of the syntactic head (CoNLL-U HEAD), -1 for the sentence root.</param>
internal sealed record GumToken(string Text, int Start, int End, int Sentence, string Upos, int Head);

/// <summary>
/// An entity mention of GUM: tokens <c>[FirstToken, EndToken)</c>, characters <c>[Start, End)</c> of the document text.
/// </summary>
/// <param name="AnnotationId">The WebAnno span id (<c>[16]</c>), 0 for an unnumbered one-token span.</param>
/// <param name="Type">GUM entity type: person, organization, place, abstract, event, object, substance, time, animal, plant.</param>
/// <param name="Identity">The Wikipedia title the mention links to (spaces, percent escapes decoded), or null.</param>
/// <param name="HeadToken">The token of the span whose syntactic head lies outside it (see <see cref="GumEntities"/>).</param>
/// <param name="IsNamed">The head token is a proper noun (UPOS PROPN).</param>
/// <param name="Cluster">The coreference cluster (0, 1, ... in order of first mention); a singleton has its own.</param>
internal sealed record GumMention(
    int AnnotationId,
    int FirstToken,
    int EndToken,
    int Start,
    int End,
    string Type,
    string? Identity,
    int HeadToken,
    bool IsNamed,
    int Cluster);

/// <summary>A link of the TSV's relation layer between two mentions (indexes into <see cref="GumEntityDocument.Mentions"/>).</summary>
/// <param name="Type">coref, ana, cata, appos, pred, disc (coreference) or bridge:def, bridge:other, bridge:aggr (bridging).</param>
internal sealed record GumLink(int From, int To, string Type)
{
    /// <summary>Whether the link puts both mentions in one cluster: every type but bridging (and split antecedents).</summary>
    public bool IsCoreference => !Type.StartsWith("bridge", StringComparison.Ordinal) && !Type.StartsWith("split", StringComparison.Ordinal);
}

/// <summary>
/// A GUM document with its entity layer. <see cref="Text"/> is the text the TSV offsets refer to: tokens separated by
/// one space, sentences by one newline (not the original layout: <see cref="GumCorpus.Load"/> rebuilds that), so every
/// token's and mention's offsets are the TSV's own and index <see cref="Text"/> directly.
/// </summary>
/// <param name="Sentences">Token ranges <c>[First, End)</c> of the sentences.</param>
/// <param name="Mentions">Ordered by first token, then longest first.</param>
internal sealed record GumEntityDocument(
    string Name,
    string Text,
    IReadOnlyList<GumToken> Tokens,
    IReadOnlyList<(int First, int End)> Sentences,
    IReadOnlyList<GumMention> Mentions,
    IReadOnlyList<GumLink> Links)
{
    /// <summary>The number of clusters (singletons included).</summary>
    public int ClusterCount => Mentions.Count == 0 ? 0 : Mentions.Max(m => m.Cluster) + 1;

    /// <summary>The clusters as lists of mention indexes, in cluster order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Clusters()
    {
        var clusters = new List<int>[ClusterCount];
        for (int i = 0; i < Mentions.Count; i++)
        {
            (clusters[Mentions[i].Cluster] ??= []).Add(i);
        }

        return clusters;
    }
}

/// <summary>
/// Reads GUM's entity layer (../shared/data/gum): the WebAnno TSV 3.2 files of the news and interview documents
/// (<c>coref_tsv_news_interview/</c>: entity type, Wikipedia identity, coreference and bridging links) with the UD trees
/// of the same tokens (<c>dep_news_interview/*.conllu</c>).
/// </summary>
/// <remarks>
/// <para>Mentions: a span annotation of the entity column; <c>type[id]</c> rows sharing an id make one multi-token span,
/// a value without <c>[id]</c> is a one-token span. Stacked values (<c>person[16]|organization[17]</c>) are separate
/// mentions. The identity column lists only the mentions that have one, matched by id.</para>
/// <para>Clusters: union-find over the coreference links (every link type but <c>bridge:*</c>); a mention in no link
/// is a singleton cluster. A link <c>3-1[17_1]</c> on the row of mention 1 points to mention 17, which starts at token 3-1
/// (id 0 on either side: the unnumbered one-token mention on that token).</para>
/// <para>Head and IsNamed: the head of a mention is the token of the span whose CoNLL-U head lies outside the span (the
/// first such token that is not punctuation when there are several, as in spans that are not one subtree). A mention is
/// named when its head is PROPN. The identity is not used: GUM links every mention of a linked entity, pronouns
/// (<c>he</c>, <c>I</c>) and common nouns (<c>the shuttle</c>, <c>iodine</c>) included.</para>
/// </remarks>
internal static class GumEntities
{
    /// <summary>GUM's entity types.</summary>
    public static readonly string[] Types = ["person", "organization", "place", "abstract", "event", "object", "substance", "time", "animal", "plant"];

    private const string TsvFolder = "coref_tsv_news_interview";
    private const string ConlluFolder = "dep_news_interview";

    /// <summary>The news and interview documents of a split (<c>dev</c>, <c>test</c>; also <c>train</c>, <c>all</c>) under the shared data folder.</summary>
    public static IReadOnlyList<GumEntityDocument> Read(string data, string split) =>
        GumCorpus.Split(data, split, ConlluFolder).Select(name => Load(data, name)).ToList();

    /// <summary>Reads one document by name (<c>GUM_news_nasa</c>) under the shared data folder.</summary>
    public static GumEntityDocument Load(string data, string name)
    {
        string gum = GumCorpus.Folder(data);
        return Parse(
            name,
            File.ReadAllLines(Path.Combine(gum, TsvFolder, name + ".tsv")),
            File.ReadAllLines(Path.Combine(gum, ConlluFolder, name + ".conllu")));
    }

    /// <summary>Builds a document from the lines of its TSV and CoNLL-U files.</summary>
    public static GumEntityDocument Parse(string name, IReadOnlyList<string> tsv, IReadOnlyList<string> conllu)
    {
        var words = ReadConllu(conllu);
        var columns = Columns(tsv);
        int lastColumn = Math.Max(Math.Max(columns.Entity, columns.Identity), Math.Max(columns.LinkType, columns.LinkTarget));
        var tokens = new List<GumToken>();
        var sentences = new List<(int First, int End)>();
        var text = new StringBuilder();
        var numbered = new Dictionary<int, Span>();
        var unnumbered = new List<Span>();
        var address = new Dictionary<string, int>(StringComparer.Ordinal);
        var rawLinks = new List<(int Token, int SourceId, string Type, string Target, int TargetId)>();
        string sentenceNumber = "";

        foreach (string line in tsv)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] cols = line.Split('\t');
            if (cols.Length <= lastColumn)
            {
                throw Error(name, line, "too few columns");
            }

            int dash = cols[0].IndexOf('-', StringComparison.Ordinal);
            if (dash < 0 || cols[0].Contains('.', StringComparison.Ordinal))
            {
                throw Error(name, line, "expected a sentence-token address (sub-token annotations are not read)");
            }

            int index = tokens.Count;
            if (index >= words.Count)
            {
                throw Error(name, line, "more tokens than the CoNLL-U file");
            }

            string sentence = cols[0][..dash];
            if (sentence != sentenceNumber)
            {
                if (tokens.Count > 0)
                {
                    text.Append('\n');
                    sentences.Add((sentences.Count == 0 ? 0 : sentences[^1].End, index));
                }

                sentenceNumber = sentence;
            }
            else
            {
                text.Append(' ');
            }

            string form = Unescape(cols[2]);
            var (start, end) = Range(name, line, cols[1]);
            if (start != text.Length || end - start != form.Length)
            {
                throw Error(name, line, $"offsets {start}-{end} disagree with the text rebuilt so far ({text.Length})");
            }

            var word = words[index];
            if (word.Form != form)
            {
                throw Error(name, line, $"token '{form}' is '{word.Form}' in the CoNLL-U file");
            }

            text.Append(form);
            tokens.Add(new GumToken(form, start, end, sentences.Count, word.Upos, word.Head));
            address[cols[0]] = index;

            var types = Stacked(cols[columns.Entity]);
            var rowUnnumbered = new List<Span>();
            foreach (var (type, id) in types)
            {
                if (id == 0)
                {
                    var span = new Span(0, type, index);
                    unnumbered.Add(span);
                    rowUnnumbered.Add(span);
                }
                else if (numbered.TryGetValue(id, out Span? span))
                {
                    if (span.End != index)
                    {
                        throw Error(name, line, $"span [{id}] is not contiguous");
                    }

                    span.End = index + 1;
                }
                else
                {
                    numbered[id] = new Span(id, type, index);
                }
            }

            foreach (var (title, id) in Stacked(cols[columns.Identity]))
            {
                Span? span = id != 0 ? numbered.GetValueOrDefault(id) : rowUnnumbered.Count == 1 ? rowUnnumbered[0] : null;
                if (span is null)
                {
                    throw Error(name, line, $"identity '{title}' matches no mention of the row");
                }

                span.Identity ??= Title(title);
            }

            var linkTypes = Stacked(cols[columns.LinkType]);
            var targets = cols[columns.LinkTarget] == "_" ? [] : SplitStacked(cols[columns.LinkTarget]);
            if (linkTypes.Count != targets.Count)
            {
                throw Error(name, line, "link types and targets do not pair up");
            }

            for (int i = 0; i < targets.Count; i++)
            {
                var (target, sourceId, targetId) = LinkTarget(name, line, targets[i]);
                rawLinks.Add((index, sourceId, linkTypes[i].Value, target, targetId));
            }
        }

        if (tokens.Count != words.Count)
        {
            throw new InvalidDataException($"{name}: {tokens.Count} tokens in the TSV file, {words.Count} in the CoNLL-U file");
        }

        if (tokens.Count > 0)
        {
            sentences.Add((sentences.Count == 0 ? 0 : sentences[^1].End, tokens.Count));
        }

        // Mentions in document order; the index of each span for the links.
        var spans = numbered.Values.Concat(unnumbered)
            .OrderBy(s => s.First).ThenByDescending(s => s.End).ThenBy(s => s.Id).ToList();
        var position = new Dictionary<Span, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < spans.Count; i++)
        {
            position[spans[i]] = i;
        }

        var links = new List<GumLink>();
        foreach (var (token, sourceId, type, target, targetId) in rawLinks)
        {
            if (!address.TryGetValue(target, out int targetToken))
            {
                throw new InvalidDataException($"{name}: link to unknown token {target}");
            }

            Span from = Find(name, numbered, unnumbered, sourceId, token);
            Span to = Find(name, numbered, unnumbered, targetId, targetToken);
            links.Add(new GumLink(position[from], position[to], type));
        }

        int[] cluster = Clusters(spans.Count, links);
        var mentions = new List<GumMention>(spans.Count);
        foreach (Span s in spans)
        {
            int head = Head(tokens, s.First, s.End);
            mentions.Add(new GumMention(
                s.Id,
                s.First,
                s.End,
                tokens[s.First].Start,
                tokens[s.End - 1].End,
                s.Type,
                s.Identity,
                head,
                tokens[head].Upos == "PROPN",
                cluster[position[s]]));
        }

        return new GumEntityDocument(name, text.ToString(), tokens, sentences, mentions, links);
    }

    /// <summary>The token of <c>[first, end)</c> whose head is outside the span; the first non-punctuation one if several.</summary>
    private static int Head(List<GumToken> tokens, int first, int end)
    {
        int found = -1;
        for (int i = first; i < end; i++)
        {
            int h = tokens[i].Head;
            if (h >= first && h < end)
            {
                continue;
            }

            if (tokens[i].Upos != "PUNCT")
            {
                return i;
            }

            if (found < 0)
            {
                found = i;
            }
        }

        return found < 0 ? first : found;
    }

    /// <summary>Union-find over the coreference links; cluster numbers 0, 1, ... in order of each cluster's first mention.</summary>
    private static int[] Clusters(int count, List<GumLink> links)
    {
        int[] parent = Enumerable.Range(0, count).ToArray();
        foreach (GumLink link in links.Where(l => l.IsCoreference))
        {
            int a = Root(parent, link.From);
            int b = Root(parent, link.To);
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        int[] result = new int[count];
        var numbers = new Dictionary<int, int>();
        for (int i = 0; i < count; i++)
        {
            int root = Root(parent, i);
            if (!numbers.TryGetValue(root, out int n))
            {
                numbers[root] = n = numbers.Count;
            }

            result[i] = n;
        }

        return result;
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static Span Find(string name, Dictionary<int, Span> numbered, List<Span> unnumbered, int id, int token)
    {
        if (id != 0)
        {
            return numbered.TryGetValue(id, out Span? span) ? span : throw new InvalidDataException($"{name}: link to unknown mention [{id}]");
        }

        return unnumbered.Find(s => s.First == token) ?? throw new InvalidDataException($"{name}: link to token {token} which has no one-token mention");
    }

    /// <summary>A Wikipedia title as written in GUM (<c>Agence_France%2DPresse</c>) in its display form (<c>Agence France-Presse</c>).</summary>
    private static string Title(string value) => Uri.UnescapeDataString(value).Replace('_', ' ');

    /// <summary>Words of the CoNLL-U file (multi-word token ranges and empty nodes skipped) with document-wide head indexes.</summary>
    private static List<(string Form, string Upos, int Head)> ReadConllu(IReadOnlyList<string> lines)
    {
        var words = new List<(string, string, int)>();
        int sentenceStart = 0;
        foreach (string line in lines)
        {
            if (line.Length == 0)
            {
                sentenceStart = words.Count;
                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            string[] cols = line.Split('\t');
            if (cols.Length < 8 || !int.TryParse(cols[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            int head = int.Parse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture);
            words.Add((cols[1], cols[3], head == 0 ? -1 : sentenceStart + head - 1));
        }

        return words;
    }

    /// <summary>Positions of the columns read, from the <c>#T_SP</c> / <c>#T_CH</c> / <c>#T_RL</c> header lines.</summary>
    private static (int Entity, int Identity, int LinkType, int LinkTarget) Columns(IReadOnlyList<string> lines)
    {
        int next = 3;
        int entity = -1, identity = -1, linkType = -1, linkTarget = -1;
        foreach (string line in lines.TakeWhile(l => l.Length == 0 || l[0] == '#'))
        {
            if (!line.StartsWith("#T_", StringComparison.Ordinal))
            {
                continue;
            }

            string[] parts = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Split('|');
            bool referent = parts[0].EndsWith(".Referent", StringComparison.Ordinal);
            bool coref = parts[0].EndsWith(".Coref", StringComparison.Ordinal);
            foreach (string feature in parts.Skip(1))
            {
                if (referent && feature == "entity")
                {
                    entity = next;
                }
                else if (referent && feature == "identity")
                {
                    identity = next;
                }
                else if (coref && feature == "type")
                {
                    linkType = next;
                }
                else if (coref && feature.StartsWith("BT_", StringComparison.Ordinal))
                {
                    linkTarget = next;
                }

                next++;
            }
        }

        if (entity < 0 || identity < 0 || linkType < 0 || linkTarget < 0)
        {
            throw new InvalidDataException("not a GUM WebAnno TSV file: Referent entity/identity or Coref type/target columns missing from the header");
        }

        return (entity, identity, linkType, linkTarget);
    }

    private static (int Start, int End) Range(string name, string line, string value)
    {
        int dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && int.TryParse(value.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int start)
            && int.TryParse(value.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int end))
        {
            return (start, end);
        }

        throw Error(name, line, $"bad character range '{value}'");
    }

    /// <summary>A link target <c>3-1[17_1]</c>: the target token's address, the source and target span ids (0: unnumbered).</summary>
    private static (string Target, int SourceId, int TargetId) LinkTarget(string name, string line, string value)
    {
        int open = value.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return (value, 0, 0);
        }

        int underscore = value.IndexOf('_', open);
        if (underscore > 0 && value[^1] == ']'
            && int.TryParse(value.AsSpan(open + 1, underscore - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int targetId)
            && int.TryParse(value.AsSpan(underscore + 1, value.Length - underscore - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int sourceId))
        {
            return (value[..open], sourceId, targetId);
        }

        throw Error(name, line, $"bad link target '{value}'");
    }

    /// <summary>The stacked values of a cell, each with its <c>[id]</c> (0 when absent); <c>_</c> is none.</summary>
    private static List<(string Value, int Id)> Stacked(string cell)
    {
        var result = new List<(string, int)>();
        if (cell == "_")
        {
            return result;
        }

        foreach (string part in SplitStacked(cell))
        {
            int id = 0;
            string value = part;
            int open = part.LastIndexOf('[');
            if (open > 0 && part[^1] == ']' && part[open - 1] != '\\'
                && int.TryParse(part.AsSpan(open + 1, part.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                id = n;
                value = part[..open];
            }

            result.Add((Unescape(value), id));
        }

        return result;
    }

    /// <summary>Splits a cell at the <c>|</c> not escaped by a backslash.</summary>
    private static List<string> SplitStacked(string cell)
    {
        var parts = new List<string>();
        int start = 0;
        for (int i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\\')
            {
                i++;
            }
            else if (cell[i] == '|')
            {
                parts.Add(cell[start..i]);
                start = i + 1;
            }
        }

        parts.Add(cell[start..]);
        return parts;
    }

    /// <summary>Removes WebAnno's backslash escapes (<c>\|</c>, <c>\[</c>, <c>\_</c>, <c>\\</c>, ...).</summary>
    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
            }

            sb.Append(value[i]);
        }

        return sb.ToString();
    }

    private static InvalidDataException Error(string name, string line, string message) =>
        new($"{name}: {message}: {line}");

    /// <summary>A span being built: an id, a type, its token range and its identity.</summary>
    private sealed class Span(int id, string type, int first)
    {
        public int Id { get; } = id;

        public string Type { get; } = type;

        public int First { get; } = first;

        public int End { get; set; } = first + 1;

        public string? Identity { get; set; }
    }
}
