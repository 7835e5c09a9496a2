using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace NewsNlp.Cli.Evaluation;

/// <summary>A token of an ECB+ document: its form, its characters in the document text and its sentence number.</summary>
/// <param name="Sentence">The file's own sentence number (<c>sentence</c> attribute), as in the annotated-sentence list.</param>
internal sealed record EcbToken(string Text, int Start, int End, int Sentence);

/// <summary>How a mention's <see cref="EcbMention.Chain"/> was made.</summary>
internal enum EcbLink
{
    /// <summary>In no coreference relation: a chain of its own (<c>36_1ecb/16</c>, the mention's markable id).</summary>
    Singleton,

    /// <summary>In an INTRA_DOC_COREF relation: a chain of the document only (<c>36_1ecb/45</c>, the target markable id).</summary>
    IntraDocument,

    /// <summary>In a CROSS_DOC_COREF relation: the instance id shared across documents (<c>HUM17642655532934542</c>).</summary>
    CrossDocument,
}

/// <summary>
/// An entity or event mention of ECB+: tokens <c>[FirstToken, EndToken)</c>, characters <c>[Start, End)</c> of the document text.
/// </summary>
/// <param name="MarkableId">The markable's <c>m_id</c> in its file.</param>
/// <param name="Anchors">The anchored token indexes, ascending: fewer than <c>EndToken - FirstToken</c> for a discontinuous
/// mention (<c>checked [herself] into</c>), whose range and characters cover the gap.</param>
/// <param name="Type">The markable tag: HUMAN_PART_PER, HUMAN_PART_ORG, LOC_GEO, NON_HUMAN_PART, TIME_DATE, ... for an entity,
/// ACTION_OCCURRENCE, ACTION_STATE, NEG_ACTION_OCCURRENCE, ... for an event.</param>
/// <param name="Chain">The coreference chain: the cross-document instance id, or a document-scoped id (see <see cref="EcbLink"/>).
/// Ids of the three kinds never collide.</param>
/// <param name="Descriptor">The coder's name of the chain's instance (TAG_DESCRIPTOR, <c>t36b_canada</c>), null for a singleton.</param>
internal sealed record EcbMention(
    int MarkableId,
    int FirstToken,
    int EndToken,
    IReadOnlyList<int> Anchors,
    int Start,
    int End,
    string Type,
    string Chain,
    EcbLink Link,
    string? Descriptor)
{
    /// <summary>Every token of <c>[FirstToken, EndToken)</c> is anchored.</summary>
    public bool IsContiguous => Anchors.Count == EndToken - FirstToken;
}

/// <summary>
/// An ECB+ document. <see cref="Text"/> is its tokens joined by one space, sentences by one newline (sentence 0, a headline or
/// for the <c>ecbplus</c> files the source URL, included), so every token's and mention's offsets index it directly.
/// </summary>
/// <param name="Name">The file name without extension: <c>36_1ecb</c>, <c>36_1ecbplus</c>.</param>
/// <param name="Subtopic">The topic and the component: <c>36ecb</c> (the ECB documents of a topic) or <c>36ecbplus</c> (the
/// documents added by ECB+, about another event of the same kind).</param>
/// <param name="Number">The document number within its subtopic (1 for <c>36_1ecb</c>).</param>
/// <param name="AnnotatedSentences">The sentence numbers listed in ECBplus_coreference_sentences.csv: only these are fully annotated.</param>
/// <param name="EntityMentions">Mentions of every tag but ACTION_* and NEG_ACTION_*, in annotated sentences only; ordered by first
/// token, then longest first.</param>
/// <param name="EventMentions">Mentions of the ACTION_* and NEG_ACTION_* tags, in annotated sentences only; same order.</param>
internal sealed record EcbDocument(
    string Name,
    int Topic,
    string Subtopic,
    int Number,
    string Text,
    IReadOnlyList<EcbToken> Tokens,
    IReadOnlySet<int> AnnotatedSentences,
    IReadOnlyList<EcbMention> EntityMentions,
    IReadOnlyList<EcbMention> EventMentions);

/// <summary>
/// Reads ECB+ (../shared/data/ecbplus/ECB+_LREC2014): 982 news documents in 43 topics (15 and 17 are absent) in CAT/CROMER XML,
/// with entity and event mentions and their within- and cross-document coreference, restricted to the sentences of
/// ECBplus_coreference_sentences.csv.
/// </summary>
/// <remarks>
/// <para>File layout: <c>&lt;token t_id sentence number&gt;</c> elements; <c>&lt;Markables&gt;</c> whose children are either
/// mentions (a tag such as HUMAN_PART_PER with <c>&lt;token_anchor t_id&gt;</c> children) or instance markables (no anchors,
/// a TAG_DESCRIPTOR, and for cross-document ones an instance_id); <c>&lt;Relations&gt;</c> of CROSS_DOC_COREF and
/// INTRA_DOC_COREF elements linking <c>&lt;source m_id&gt;</c> mentions to one <c>&lt;target m_id&gt;</c> instance markable.</para>
/// <para>Chains: a mention that is the source of a CROSS_DOC_COREF relation takes its target's instance_id (also the
/// relation's note), shared by every document of the chain; a source of an INTRA_DOC_COREF relation takes
/// <c>&lt;document&gt;/&lt;target m_id&gt;</c>; any other mention <c>&lt;document&gt;/&lt;its m_id&gt;</c>. The release already
/// removed the intra-document links of mentions that have a cross-document one, and the tag of a mention is the one of its
/// cross-document instance where the coders disagreed (README.txt).</para>
/// <para>Splits (the usual ones, Cybulska and Vossen 2015): test = topics 36-45, dev = 2 5 12 18 21 23 34 35, train = the rest.</para>
/// </remarks>
internal static class EcbPlus
{
    /// <summary>The dev topics.</summary>
    public static readonly int[] DevTopics = [2, 5, 12, 18, 21, 23, 34, 35];

    /// <summary>The first and last test topic.</summary>
    public const int FirstTestTopic = 36, LastTestTopic = 45;

    private const string DocumentFolder = "ECB+";
    private const string SentencesFile = "ECBplus_coreference_sentences.csv";

    /// <summary>The corpus folder under the shared data folder.</summary>
    public static string Folder(string data) => Path.Combine(data, "ecbplus", "ECB+_LREC2014");

    /// <summary>The split a topic belongs to: <c>train</c>, <c>dev</c> or <c>test</c>.</summary>
    public static string SplitOf(int topic) =>
        topic is >= FirstTestTopic and <= LastTestTopic ? "test" : DevTopics.Contains(topic) ? "dev" : "train";

    /// <summary>The documents of a split (<c>train</c>, <c>dev</c>, <c>test</c>, <c>all</c>) under the shared data folder,
    /// ordered by topic, subtopic (<c>ecb</c> first) and document number.</summary>
    public static IReadOnlyList<EcbDocument> Read(string data, string split)
    {
        if (split is not ("train" or "dev" or "test" or "all"))
        {
            throw new UsageException($"unknown split '{split}': use train, dev, test or all.");
        }

        string folder = Folder(data);
        var annotated = ReadSentences(File.ReadLines(Path.Combine(folder, SentencesFile)));
        var files = new List<(int Topic, string Subtopic, int Number, string Path)>();
        foreach (string path in Directory.EnumerateFiles(Path.Combine(folder, DocumentFolder), "*.xml", SearchOption.AllDirectories))
        {
            var (topic, subtopic, number) = ParseName(Path.GetFileNameWithoutExtension(path));
            if (split == "all" || SplitOf(topic) == split)
            {
                files.Add((topic, subtopic, number, path));
            }
        }

        return files
            .OrderBy(f => f.Topic).ThenBy(f => f.Subtopic, StringComparer.Ordinal).ThenBy(f => f.Number)
            .Select(f => Load(f.Path, annotated))
            .ToList();
    }

    /// <summary>Reads one document by name (<c>36_1ecb</c>) under the shared data folder.</summary>
    public static EcbDocument Load(string data, string name)
    {
        string folder = Folder(data);
        var (topic, _, _) = ParseName(name);
        var annotated = ReadSentences(File.ReadLines(Path.Combine(folder, SentencesFile)));
        return Load(Path.Combine(folder, DocumentFolder, topic.ToString(CultureInfo.InvariantCulture), name + ".xml"), annotated);
    }

    /// <summary>
    /// The chains of a set of documents with their mentions in document order: entity chains, or event chains when
    /// <paramref name="events"/> is set. A chain spans several documents only when it is a cross-document one.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(EcbDocument Document, EcbMention Mention)>> Chains(
        IEnumerable<EcbDocument> documents, bool events = false)
    {
        var chains = new Dictionary<string, List<(EcbDocument, EcbMention)>>(StringComparer.Ordinal);
        foreach (EcbDocument doc in documents)
        {
            foreach (EcbMention m in events ? doc.EventMentions : doc.EntityMentions)
            {
                if (!chains.TryGetValue(m.Chain, out var list))
                {
                    chains[m.Chain] = list = [];
                }

                list.Add((doc, m));
            }
        }

        return chains.ToDictionary(c => c.Key, c => (IReadOnlyList<(EcbDocument, EcbMention)>)c.Value, StringComparer.Ordinal);
    }

    /// <summary>Whether a markable tag is an event (action) tag: ACTION_* or NEG_ACTION_*.</summary>
    public static bool IsEventType(string type) =>
        type.StartsWith("ACTION_", StringComparison.Ordinal) || type.StartsWith("NEG_ACTION_", StringComparison.Ordinal);

    /// <summary>Builds a document from the XML text of its file and its annotated sentence numbers.</summary>
    /// <param name="name">The file name without extension (<c>36_1ecb</c>): it gives the topic, subtopic and number.</param>
    public static EcbDocument Parse(string name, string xml, IReadOnlySet<int> annotatedSentences) =>
        Parse(name, XDocument.Parse(xml, LoadOptions.PreserveWhitespace), annotatedSentences);

    /// <summary>The annotated sentences of the lines of ECBplus_coreference_sentences.csv (<c>36,1ecb,3</c>) by document name (<c>36_1ecb</c>).</summary>
    public static Dictionary<string, HashSet<int>> ReadSentences(IEnumerable<string> lines)
    {
        var result = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            if (line.Length == 0 || line.StartsWith("Topic", StringComparison.Ordinal))
            {
                continue;
            }

            string[] cols = line.Split(',', StringSplitOptions.TrimEntries); // three rows end in a space
            if (cols.Length != 3 || !int.TryParse(cols[2], NumberStyles.None, CultureInfo.InvariantCulture, out int sentence))
            {
                throw new InvalidDataException($"{SentencesFile}: expected topic,file,sentence: {line}");
            }

            string name = cols[0] + "_" + cols[1];
            if (!result.TryGetValue(name, out var set))
            {
                result[name] = set = [];
            }

            set.Add(sentence);
        }

        return result;
    }

    private static EcbDocument Load(string path, Dictionary<string, HashSet<int>> annotated)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        XDocument xml = XDocument.Load(path, LoadOptions.PreserveWhitespace);
        return Parse(name, xml, annotated.TryGetValue(name, out var set) ? set : []);
    }

    private static EcbDocument Parse(string name, XDocument xml, IReadOnlySet<int> annotatedSentences)
    {
        var (topic, subtopic, number) = ParseName(name);
        XElement root = xml.Root ?? throw new InvalidDataException($"{name}: empty XML document");

        // Tokens, in file order, with the text rebuilt around them.
        var tokens = new List<EcbToken>();
        var tokenIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (XElement t in root.Elements("token"))
        {
            string id = Attribute(name, t, "t_id");
            int sentence = Number(name, t, "sentence");
            if (tokens.Count > 0)
            {
                int previous = tokens[^1].Sentence;
                if (sentence < previous)
                {
                    throw new InvalidDataException($"{name}: token {id} of sentence {sentence} follows sentence {previous}");
                }

                text.Append(sentence != previous ? '\n' : ' ');
            }

            if (!tokenIndex.TryAdd(id, tokens.Count))
            {
                throw new InvalidDataException($"{name}: token id {id} twice");
            }

            int start = text.Length;
            text.Append(t.Value);
            tokens.Add(new EcbToken(t.Value, start, text.Length, sentence));
        }

        // Markables: mentions have token anchors, instance markables (relation targets) have none.
        var mentions = new List<(int Id, string Type, List<int> Anchors)>();
        var markables = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (XElement m in root.Element("Markables")?.Elements() ?? [])
        {
            string id = Attribute(name, m, "m_id");
            if (!markables.TryAdd(id, m))
            {
                throw new InvalidDataException($"{name}: markable id {id} twice");
            }

            var anchors = new List<int>();
            foreach (XElement a in m.Elements("token_anchor"))
            {
                string t = Attribute(name, a, "t_id");
                anchors.Add(tokenIndex.TryGetValue(t, out int index) ? index : throw new InvalidDataException($"{name}: markable {id} anchors unknown token {t}"));
            }

            if (anchors.Count > 0)
            {
                mentions.Add((Number(name, m, "m_id"), m.Name.LocalName, anchors.Distinct().Order().ToList()));
            }
        }

        // Relations: each source mention's chain.
        var chains = new Dictionary<int, (string Chain, EcbLink Link, string? Descriptor)>();
        foreach (XElement r in root.Element("Relations")?.Elements() ?? [])
        {
            EcbLink link = r.Name.LocalName switch
            {
                "CROSS_DOC_COREF" => EcbLink.CrossDocument,
                "INTRA_DOC_COREF" => EcbLink.IntraDocument,
                _ => EcbLink.Singleton,
            };
            if (link == EcbLink.Singleton)
            {
                continue;
            }

            var targets = r.Elements("target").ToList();
            if (targets.Count != 1)
            {
                throw new InvalidDataException($"{name}: relation {r.Attribute("r_id")?.Value} has {targets.Count} targets");
            }

            string targetId = Attribute(name, targets[0], "m_id");
            XElement target = markables.GetValueOrDefault(targetId) ?? throw new InvalidDataException($"{name}: relation to unknown markable {targetId}");
            string? descriptor = target.Attribute("TAG_DESCRIPTOR")?.Value;
            string chain = link == EcbLink.CrossDocument
                ? target.Attribute("instance_id")?.Value ?? r.Attribute("note")?.Value ?? throw new InvalidDataException($"{name}: cross-document target {targetId} has no instance_id")
                : name + "/" + targetId;

            foreach (XElement s in r.Elements("source"))
            {
                string sourceId = Attribute(name, s, "m_id");
                if (!markables.ContainsKey(sourceId))
                {
                    throw new InvalidDataException($"{name}: relation from unknown markable {sourceId}");
                }

                int source = Number(name, s, "m_id");
                if (chains.TryGetValue(source, out var earlier) && earlier.Link >= link)
                {
                    // A cross-document link wins over an intra-document one; two of a kind must agree.
                    if (earlier.Link == link && earlier.Chain != chain)
                    {
                        throw new InvalidDataException($"{name}: markable {sourceId} is in chains {earlier.Chain} and {chain}");
                    }

                    continue;
                }

                chains[source] = (chain, link, descriptor);
            }
        }

        var entities = new List<EcbMention>();
        var events = new List<EcbMention>();
        foreach (var (id, type, anchors) in mentions)
        {
            if (!anchors.TrueForAll(a => annotatedSentences.Contains(tokens[a].Sentence)))
            {
                continue;
            }

            var (chain, link, descriptor) = chains.TryGetValue(id, out var c)
                ? c
                : (name + "/" + id.ToString(CultureInfo.InvariantCulture), EcbLink.Singleton, null);
            int first = anchors[0];
            int end = anchors[^1] + 1;
            var mention = new EcbMention(id, first, end, anchors, tokens[first].Start, tokens[end - 1].End, type, chain, link, descriptor);
            (IsEventType(type) ? events : entities).Add(mention);
        }

        return new EcbDocument(
            name,
            topic,
            subtopic,
            number,
            text.ToString(),
            tokens,
            annotatedSentences,
            Ordered(entities),
            Ordered(events));
    }

    private static List<EcbMention> Ordered(List<EcbMention> mentions) =>
        mentions.OrderBy(m => m.FirstToken).ThenByDescending(m => m.EndToken).ThenBy(m => m.MarkableId).ToList();

    /// <summary>The topic, subtopic and number of a document name: <c>36_1ecbplus</c> is (36, <c>36ecbplus</c>, 1).</summary>
    private static (int Topic, string Subtopic, int Number) ParseName(string name)
    {
        int underscore = name.IndexOf('_', StringComparison.Ordinal);
        int digits = underscore + 1;
        while (digits < name.Length && char.IsAsciiDigit(name[digits]))
        {
            digits++;
        }

        string component = name[digits..];
        if (underscore > 0
            && component is "ecb" or "ecbplus"
            && int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out int topic)
            && int.TryParse(name.AsSpan(underscore + 1, digits - underscore - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            return (topic, name[..underscore] + component, number);
        }

        throw new InvalidDataException($"not an ECB+ document name (topic_numberecb or topic_numberecbplus): {name}");
    }

    private static string Attribute(string name, XElement element, string attribute) =>
        element.Attribute(attribute)?.Value
        ?? throw new InvalidDataException($"{name}: <{element.Name.LocalName}> without {attribute}");

    private static int Number(string name, XElement element, string attribute)
    {
        string value = Attribute(name, element, attribute);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? n
            : throw new InvalidDataException($"{name}: <{element.Name.LocalName}> {attribute}=\"{value}\" is not a number");
    }
}
