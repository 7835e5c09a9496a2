using System.Text.RegularExpressions;
using NewsNlp.Cli.Evaluation;

namespace NewsNlp.Tests.Cli;

public class GumEntitiesTests
{
    // A two-sentence document in GUM's layout: unnumbered one-token spans, a stacked token, an escaped title,
    // a coreference link from an unnumbered span (id 0), an appositive and a bridging link.
    private static readonly string[] Tsv =
    [
        "#FORMAT=WebAnno TSV 3.2",
        "#T_SP=webanno.custom.Referent|entity|infstat|salience|identity|centering",
        "#T_RL=webanno.custom.Coref|type|BT_webanno.custom.Referent",
        "",
        "",
        "#Text=Ann Lee of Acme left .",
        "1-1\t0-3\tAnn\tperson[1]|organization[2]\tnew[1]|new[2]\ts[1]|s[2]\tAnn_Lee_%28singer%29[1]\tcf1[1]|cf2[2]\tcoref|bridge:def\t2-1[0_1]|2-3[0_2]\t",
        "1-2\t4-7\tLee\tperson[1]|organization[2]\tnew[1]|new[2]\ts[1]|s[2]\tAnn_Lee_%28singer%29[1]\tcf1[1]|cf2[2]\t_\t_\t",
        "1-3\t8-10\tof\tperson[1]|organization[2]\tnew[1]|new[2]\ts[1]|s[2]\tAnn_Lee_%28singer%29[1]\tcf1[1]|cf2[2]\t_\t_\t",
        "1-4\t11-15\tAcme\tperson[1]|organization[2]|organization\tnew[1]|new[2]|new\ts[1]|s[2]|s\tAnn_Lee_%28singer%29[1]\tcf1[1]|cf2[2]|cf3\tappos\t1-1[2_0]\t",
        "1-5\t16-20\tleft\t_\t_\t_\t_\t_\t_\t_\t",
        "1-6\t21-22\t.\t_\t_\t_\t_\t_\t_\t_\t",
        "",
        "#Text=She left it .",
        "2-1\t23-26\tShe\tperson\tgiv\ts\tAnn_Lee_%28singer%29\tcf1\t_\t_\t",
        "2-2\t27-31\tleft\t_\t_\t_\t_\t_\t_\t_\t",
        "2-3\t32-34\tit\tplace\tnew\tn\t_\tcf2\t_\t_\t",
        "2-4\t35-36\t.\t_\t_\t_\t_\t_\t_\t_\t",
    ];

    private static readonly string[] Conllu =
    [
        "# sent_id = x-1",
        "1\tAnn\tAnn\tPROPN\tNNP\t_\t5\tnsubj\t_\t_",
        "2\tLee\tLee\tPROPN\tNNP\t_\t1\tflat\t_\t_",
        "3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_",
        "4\tAcme\tAcme\tPROPN\tNNP\t_\t1\tnmod\t_\t_",
        "5\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_",
        "6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_",
        "",
        "# sent_id = x-2",
        "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_",
        "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_",
        "3\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\t_",
        "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
        "",
    ];

    [Fact]
    public void Parses_spans_identities_heads_and_clusters()
    {
        GumEntityDocument doc = GumEntities.Parse("x", Tsv, Conllu);
        Assert.Equal("Ann Lee of Acme left .\nShe left it .", doc.Text);
        Assert.Equal([(0, 6), (6, 10)], doc.Sentences);
        Assert.Equal(1, doc.Tokens[7].Sentence);
        Assert.Equal(7, doc.Tokens[8].Head); // "it" -> "left": word 2 of the second sentence, document index 7
        var text = doc.Mentions.Select(m => (doc.Text[m.Start..m.End], m.Type)).ToList();
        Assert.Equal([("Ann Lee of Acme", "person"), ("Ann Lee of Acme", "organization"), ("Acme", "organization"), ("She", "person"), ("it", "place")], text);

        GumMention ann = doc.Mentions[0];
        Assert.Equal("Ann Lee (singer)", ann.Identity);
        Assert.Equal(0, ann.HeadToken);
        Assert.True(ann.IsNamed);
        Assert.Equal("Ann Lee (singer)", doc.Mentions[3].Identity); // unnumbered span: the row's only one
        Assert.False(doc.Mentions[3].IsNamed); // a pronoun with an identity is not a name

        // coref Ann Lee -> She; appos Acme -> the organisation span; bridging org -> "it" does not merge.
        Assert.Equal(ann.Cluster, doc.Mentions[3].Cluster);
        Assert.Equal(doc.Mentions[1].Cluster, doc.Mentions[2].Cluster);
        Assert.NotEqual(doc.Mentions[1].Cluster, doc.Mentions[4].Cluster);
        Assert.NotEqual(ann.Cluster, doc.Mentions[1].Cluster);
        Assert.Equal(3, doc.ClusterCount);
        Assert.Contains(doc.Links, l => l.Type == "bridge:def" && !l.IsCoreference);
    }

    [Fact]
    public void Offsets_that_disagree_with_the_tokens_are_an_error()
    {
        string[] bad = [.. Tsv];
        bad[7] = bad[7].Replace("4-7", "5-8", StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => GumEntities.Parse("x", bad, Conllu));
    }

    [Fact]
    public void Ner_gold_keeps_the_outermost_named_mention_and_head_match_accepts_a_name_inside_it()
    {
        GumEntityDocument doc = GumEntities.Parse("x", Tsv, Conllu);
        var (tags, heads) = NerDatasets.GumTags(doc);

        // "Ann Lee of Acme" is both a person and an organisation span (head Ann, PROPN): the longest first, so the
        // person; "Acme" inside it is dropped; "She" and "it" are not names.
        Assert.Equal(["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"], tags);
        Assert.Equal([0, 0, 0, 0, -1, -1], heads[..6]);

        string[] gold = tags[..6];
        string[] predicted = ["B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O"];
        Assert.Equal(["B-PERSON", "I-PERSON", "O", "O", "O", "O"], NerDatasets.RelaxToHeads(gold, heads[..6], predicted));

        // A prediction that misses the head, or has another label, leaves the gold span as it is.
        Assert.Equal(gold, NerDatasets.RelaxToHeads(gold, heads[..6], ["O", "B-PERSON", "I-PERSON", "O", "O", "O"]));
        Assert.Equal(gold, NerDatasets.RelaxToHeads(gold, heads[..6], ["B-ORG", "I-ORG", "O", "O", "O", "O"]));
    }

    [DataFact("gum")]
    public void Evaluate_ner_scores_the_gum_dev_documents()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = NewsNlp.Cli.Cli.Run(["evaluate", "ner", "--dataset", "gum", "--split", "dev", "--data", TestPaths.Data!], new StringReader(""), output, error);
        Assert.Equal(0, code);
        string text = output.ToString();
        Assert.Contains("GUM dev, named mentions, exact GUM spans (news)", text);
        Assert.Contains("GUM dev, named mentions, head match", text);
        Assert.Contains("micro(PERSON/ORG/LOC)", text);
    }

    [DataFact("gum")]
    public void Ner_gold_sentences_match_the_documents()
    {
        var docs = GumEntities.Read(TestPaths.Data!, "dev");
        var sentences = NerDatasets.ReadGum(TestPaths.Data!, "dev");
        Assert.Equal(docs.Sum(d => d.Sentences.Count), sentences.Count);
        Assert.Equal(docs.Sum(d => d.Tokens.Count), sentences.Sum(s => s.Words.Length));
        int spans = sentences.Sum(s => SpanScore.Spans(s.Tags).Count());
        Assert.InRange(spans, 50, docs.Sum(d => d.Mentions.Count(m => m.IsNamed)));
        Assert.All(sentences, s => Assert.False(s.Tags[0].StartsWith("I-", StringComparison.Ordinal))); // no mention crosses a sentence
    }

    [DataFact("gum")]
    public void Reads_the_official_dev_and_test_news_and_interview_documents()
    {
        var test = GumEntities.Read(TestPaths.Data!, "test");
        var dev = GumEntities.Read(TestPaths.Data!, "dev");
        Assert.Equal(["GUM_interview_hill", "GUM_interview_libertarian", "GUM_news_nasa", "GUM_news_sensitive"], test.Select(d => d.Name));
        Assert.Equal(["GUM_interview_cyclone", "GUM_interview_gaming", "GUM_news_homeopathic", "GUM_news_iodine"], dev.Select(d => d.Name));
        foreach (GumEntityDocument doc in test.Concat(dev))
        {
            AssertConsistent(doc);
        }
    }

    [DataFact("gum")]
    public void Nasa_mentions_identities_and_chains()
    {
        GumEntityDocument doc = GumEntities.Load(TestPaths.Data!, "GUM_news_nasa");
        Assert.StartsWith("NASA celebrates 30th anniversary of first shuttle launch ;", doc.Text);
        Assert.Equal(1_266, doc.Tokens.Count);

        GumMention nasa = doc.Mentions.First(m => doc.Text[m.Start..m.End] == "NASA");
        Assert.Equal(("organization", "NASA", true), (nasa.Type, nasa.Identity, nasa.IsNamed));
        GumMention bolden = doc.Mentions.First(m => doc.Text[m.Start..m.End] == "NASA Administrator Charles Bolden");
        Assert.Equal(("person", "Charles Bolden", true), (bolden.Type, bolden.Identity, bolden.IsNamed));
        Assert.Equal("Charles", doc.Tokens[bolden.HeadToken].Text); // UD: a flat name is headed by its first word

        // Every NASA organisation mention is in the first mention's cluster; the person mention is not.
        Assert.All(doc.Mentions.Where(m => m.Identity == "NASA"), m => Assert.Equal(nasa.Cluster, m.Cluster));
        Assert.NotEqual(nasa.Cluster, bolden.Cluster);

        // "retired shuttles" bridges to "the first space shuttle" (Columbia) without joining its cluster.
        GumMention shuttles = doc.Mentions.First(m => doc.Text[m.Start..m.End] == "retired shuttles");
        GumMention columbia = doc.Mentions.First(m => m.Identity == "Space Shuttle Columbia");
        Assert.NotEqual(shuttles.Cluster, columbia.Cluster);
        int from = doc.Mentions.ToList().IndexOf(shuttles);
        Assert.Contains(doc.Links, l => l.From == from && l.Type == "bridge:def");
    }

    [DataFact("gum")]
    public void Identities_are_display_titles()
    {
        GumEntityDocument doc = GumEntities.Load(TestPaths.Data!, "GUM_news_warhol");
        Assert.Contains(doc.Mentions, m => m.Identity == "Durham, North Carolina");
        Assert.DoesNotContain(doc.Mentions, m => m.Identity is not null && (m.Identity.Contains('_') || m.Identity.Contains('%')));
    }

    /// <summary>Mentions and clusters agree with GUM's own CoNLL export (coref_conll/) on every news and interview document.</summary>
    [DataFact("gum")]
    public void Mentions_and_clusters_agree_with_the_conll_export()
    {
        var all = GumEntities.Read(TestPaths.Data!, "all");
        Assert.Equal(43, all.Count);
        foreach (GumEntityDocument doc in all)
        {
            var expected = ReadConllClusters(Path.Combine(TestPaths.Data!, "gum", "coref_conll", doc.Name + ".conll"));
            var actual = doc.Clusters()
                .Select(c => c.Select(i => (doc.Mentions[i].FirstToken, doc.Mentions[i].EndToken - 1, doc.Mentions[i].Type)).Order().ToList())
                .Select(c => string.Join(' ', c))
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.Equal(expected, actual);
        }
    }

    private static void AssertConsistent(GumEntityDocument doc)
    {
        Assert.NotEmpty(doc.Tokens);
        foreach (GumToken t in doc.Tokens)
        {
            Assert.Equal(t.Text, doc.Text[t.Start..t.End]);
            Assert.InRange(t.Head, -1, doc.Tokens.Count - 1);
        }

        int next = 0;
        foreach (var (first, end) in doc.Sentences)
        {
            Assert.Equal(next, first);
            Assert.True(end > first);
            Assert.Equal('\n', first == 0 ? '\n' : doc.Text[doc.Tokens[first].Start - 1]);
            next = end;
        }

        Assert.Equal(doc.Tokens.Count, next);
        Assert.NotEmpty(doc.Mentions);
        foreach (GumMention m in doc.Mentions)
        {
            Assert.InRange(m.FirstToken, 0, m.EndToken - 1);
            Assert.InRange(m.EndToken, 1, doc.Tokens.Count);
            Assert.Equal(doc.Tokens[m.FirstToken].Start, m.Start);
            Assert.Equal(doc.Tokens[m.EndToken - 1].End, m.End);
            Assert.InRange(m.HeadToken, m.FirstToken, m.EndToken - 1);
            Assert.Contains(m.Type, GumEntities.Types);
            Assert.Equal(doc.Tokens[m.HeadToken].Upos == "PROPN", m.IsNamed);
        }

        Assert.Contains(doc.Mentions, m => m.IsNamed);
        Assert.Contains(doc.Mentions, m => m.Identity is not null);
        var clusters = doc.Clusters();
        Assert.All(clusters, c => Assert.NotEmpty(c));
        Assert.Contains(clusters, c => c.Count > 1);
        Assert.All(doc.Links, l => Assert.True(l.From < doc.Mentions.Count && l.To < doc.Mentions.Count));
    }

    /// <summary>Clusters of a GUM CoNLL file: each a sorted list of "(first, last, type)" token spans, the list sorted.</summary>
    private static List<string> ReadConllClusters(string path)
    {
        var clusters = new Dictionary<string, List<(int, int, string)>>(StringComparer.Ordinal);
        var open = new List<(string Id, string Type, int Start)>();
        foreach (string line in File.ReadLines(path))
        {
            string[] cols = line.Split('\t');
            if (line.StartsWith('#') || cols.Length < 3)
            {
                continue;
            }

            int token = int.Parse(cols[0], System.Globalization.CultureInfo.InvariantCulture);
            foreach (Match m in Regex.Matches(cols[^1], @"\(([a-z]+)-(\d+)[^()]*?\)|\(([a-z]+)-(\d+)|([a-z]+)-(\d+)[^()]*?\)"))
            {
                if (m.Groups[1].Success)
                {
                    Add(m.Groups[2].Value, m.Groups[1].Value, token, token);
                }
                else if (m.Groups[3].Success)
                {
                    open.Add((m.Groups[4].Value, m.Groups[3].Value, token));
                }
                else
                {
                    int i = open.FindLastIndex(o => o.Id == m.Groups[6].Value && o.Type == m.Groups[5].Value);
                    Add(open[i].Id, open[i].Type, open[i].Start, token);
                    open.RemoveAt(i);
                }
            }
        }

        Assert.Empty(open);
        return clusters.Values.Select(c => string.Join(' ', c.Order())).Order(StringComparer.Ordinal).ToList();

        void Add(string id, string type, int start, int end)
        {
            if (!clusters.TryGetValue(id, out var list))
            {
                clusters[id] = list = [];
            }

            list.Add((start, end, type));
        }
    }
}
