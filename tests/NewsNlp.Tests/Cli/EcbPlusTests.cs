using System.Globalization;
using NewsNlp.Cli;
using NewsNlp.Cli.Evaluation;

namespace NewsNlp.Tests.Cli;

public class EcbPlusTests
{
    // A two-sentence document in the CAT/CROMER layout: a tab token (as in some ecbplus files), a discontinuous event
    // mention with a repeated anchor, a cross-document chain of two mentions, an intra-document chain whose target has no
    // instance id, a singleton, a relation without sources, and a mention in the unannotated sentence 2.
    private const string Xml = """
        <Document doc_name="7_2ecbplus.xml" doc_id="DOC1">
        <token t_id="1" sentence="0" number="0">http://example.org/a</token>
        <token t_id="2" sentence="1" number="0">Ann</token>
        <token t_id="3" sentence="1" number="1">Lee</token>
        <token t_id="4" sentence="1" number="2">checked</token>
        <token t_id="5" sentence="1" number="3">herself</token>
        <token t_id="6" sentence="1" number="4">into</token>
        <token t_id="7" sentence="1" number="5">Acme</token>
        <token t_id="8" sentence="1" number="6">&amp;</token>
        <token t_id="9" sentence="1" number="7">Co</token>
        <token t_id="10" sentence="1" number="8">&#9;</token>
        <token t_id="11" sentence="2" number="0">She</token>
        <token t_id="12" sentence="2" number="1">left</token>
        <token t_id="13" sentence="3" number="0">The</token>
        <token t_id="14" sentence="3" number="1">clinic</token>
        <token t_id="15" sentence="3" number="2">said</token>
        <token t_id="16" sentence="3" number="3">it</token>
        </Document>
        """;

    private const string Annotation = """
        <Markables>
        <HUMAN_PART_PER m_id="1"  >
          <token_anchor t_id="2"/>
          <token_anchor t_id="3"/>
        </HUMAN_PART_PER>
        <ACTION_OCCURRENCE m_id="2"  >
          <token_anchor t_id="4"/>
          <token_anchor t_id="6"/>
          <token_anchor t_id="6"/>
        </ACTION_OCCURRENCE>
        <LOC_FAC m_id="3"  >
          <token_anchor t_id="7"/>
          <token_anchor t_id="8"/>
          <token_anchor t_id="9"/>
        </LOC_FAC>
        <HUMAN_PART_PER m_id="4" note="byCROMER" >
          <token_anchor t_id="11"/>
        </HUMAN_PART_PER>
        <LOC_FAC m_id="5"  >
          <token_anchor t_id="13"/>
          <token_anchor t_id="14"/>
        </LOC_FAC>
        <NEG_ACTION_REPORTING m_id="6"  >
          <token_anchor t_id="15"/>
        </NEG_ACTION_REPORTING>
        <NON_HUMAN_PART m_id="7"  >
          <token_anchor t_id="16"/>
        </NON_HUMAN_PART>
        <HUMAN_PART_PER m_id="20" RELATED_TO="" TAG_DESCRIPTOR="t7_ann_lee" instance_id="HUM123" />
        <UNKNOWN_INSTANCE_TAG m_id="21" RELATED_TO="" TAG_DESCRIPTOR="the clinic" />
        <ACTION_OCCURRENCE m_id="22" RELATED_TO="" TAG_DESCRIPTOR="t7_unused" instance_id="ACT9" />
        </Markables>
        <Relations>
        <CROSS_DOC_COREF r_id="1" note="HUM123" >
          <source m_id="1" />
          <source m_id="4" />
          <target m_id="20" />
        </CROSS_DOC_COREF>
        <INTRA_DOC_COREF r_id="2" >
          <source m_id="5" />
          <source m_id="7" />
          <target m_id="21" />
        </INTRA_DOC_COREF>
        <CROSS_DOC_COREF r_id="3" note="ACT9" >
          <target m_id="22" />
        </CROSS_DOC_COREF>
        </Relations>
        """;

    private static EcbDocument Sample() =>
        EcbPlus.Parse("7_2ecbplus", Xml.Replace("</Document>", Annotation + "\n</Document>", StringComparison.Ordinal), new HashSet<int> { 0, 1, 3 });

    [Fact]
    public void Parses_tokens_into_a_text_of_space_separated_tokens_and_newline_separated_sentences()
    {
        EcbDocument doc = Sample();
        Assert.Equal(("7_2ecbplus", 7, "7ecbplus", 2), (doc.Name, doc.Topic, doc.Subtopic, doc.Number));
        Assert.Equal("http://example.org/a\nAnn Lee checked herself into Acme & Co \t\nShe left\nThe clinic said it", doc.Text);
        Assert.Equal(16, doc.Tokens.Count);
        Assert.Equal(new EcbToken("Ann", 21, 24, 1), doc.Tokens[1]);
        Assert.Equal("\t", doc.Tokens[9].Text); // whitespace content is kept: offsets stay exact
        Assert.All(doc.Tokens, t => Assert.Equal(t.Text, doc.Text[t.Start..t.End]));
        Assert.Equal([0, 1, 3], doc.AnnotatedSentences.Order());
    }

    [Fact]
    public void Parses_markables_and_both_relation_kinds()
    {
        EcbDocument doc = Sample();

        // Entities: everything but ACTION_* / NEG_ACTION_*; "She" (sentence 2, not annotated) is dropped; instance
        // markables (no anchors) are not mentions.
        var entities = doc.EntityMentions.Select(m => (doc.Text[m.Start..m.End], m.Type, m.Chain, m.Link)).ToList();
        Assert.Equal(
            [
                ("Ann Lee", "HUMAN_PART_PER", "HUM123", EcbLink.CrossDocument),
                ("Acme & Co", "LOC_FAC", "7_2ecbplus/3", EcbLink.Singleton),
                ("The clinic", "LOC_FAC", "7_2ecbplus/21", EcbLink.IntraDocument),
                ("it", "NON_HUMAN_PART", "7_2ecbplus/21", EcbLink.IntraDocument),
            ],
            entities);
        Assert.Equal("t7_ann_lee", doc.EntityMentions[0].Descriptor);
        Assert.Equal("the clinic", doc.EntityMentions[2].Descriptor);
        Assert.Null(doc.EntityMentions[1].Descriptor);
        Assert.Equal((1, 3, 1), (doc.EntityMentions[0].FirstToken, doc.EntityMentions[0].EndToken, doc.EntityMentions[0].MarkableId));

        // Events: the discontinuous "checked [herself] into" covers the gap; the repeated anchor counts once.
        Assert.Equal(2, doc.EventMentions.Count);
        EcbMention checkedInto = doc.EventMentions[0];
        Assert.Equal(("checked herself into", "ACTION_OCCURRENCE", EcbLink.Singleton), (doc.Text[checkedInto.Start..checkedInto.End], checkedInto.Type, checkedInto.Link));
        Assert.Equal([3, 5], checkedInto.Anchors);
        Assert.Equal((3, 6), (checkedInto.FirstToken, checkedInto.EndToken));
        Assert.False(checkedInto.IsContiguous);
        Assert.True(doc.EntityMentions[1].IsContiguous);
        Assert.Equal("NEG_ACTION_REPORTING", doc.EventMentions[1].Type);
    }

    [Fact]
    public void With_every_sentence_annotated_the_mention_outside_the_selection_is_kept()
    {
        EcbDocument doc = EcbPlus.Parse("7_2ecbplus", Xml.Replace("</Document>", Annotation + "\n</Document>", StringComparison.Ordinal), new HashSet<int> { 0, 1, 2, 3 });
        EcbMention she = Assert.Single(doc.EntityMentions, m => m.MarkableId == 4);
        Assert.Equal(("She", "HUM123"), (doc.Text[she.Start..she.End], she.Chain));

        var chains = EcbPlus.Chains([doc]);
        Assert.Equal(2, chains["HUM123"].Count);
        Assert.Equal(2, chains["7_2ecbplus/21"].Count);
        Assert.DoesNotContain("ACT9", chains.Keys);
        Assert.Equal(2, EcbPlus.Chains([doc], events: true).Count);
    }

    [Fact]
    public void Bad_files_and_names_are_errors()
    {
        Assert.Throws<InvalidDataException>(() => EcbPlus.Parse("7_2ecbplus", Xml.Replace("t_id=\"16\"", "t_id=\"15\"", StringComparison.Ordinal), new HashSet<int>()));
        Assert.Throws<InvalidDataException>(() => EcbPlus.Parse("7_2ecbplus", Xml.Replace("</Document>", Annotation.Replace("target m_id=\"20\"", "target m_id=\"99\"", StringComparison.Ordinal) + "</Document>", StringComparison.Ordinal), new HashSet<int>()));
        Assert.Throws<InvalidDataException>(() => EcbPlus.Parse("7_2news", Xml, new HashSet<int>()));
        Assert.Throws<UsageException>(() => EcbPlus.Read("/nowhere", "validation"));
    }

    [Fact]
    public void Splits_and_sentence_list()
    {
        Assert.Equal("test", EcbPlus.SplitOf(36));
        Assert.Equal("test", EcbPlus.SplitOf(45));
        Assert.Equal("dev", EcbPlus.SplitOf(35));
        Assert.Equal("train", EcbPlus.SplitOf(1));
        var sentences = EcbPlus.ReadSentences(["Topic,File,Sentence Number", "1,10ecbplus,1", "1,10ecbplus,3 ", "36,1ecb,0"]);
        Assert.Equal([1, 3], sentences["1_10ecbplus"].Order());
        Assert.Equal([0], sentences["36_1ecb"]);
    }

    [DataFact("ecbplus")]
    public void Test_split_has_ten_topics_twenty_subtopics_and_the_published_mention_counts()
    {
        var test = EcbPlus.Read(TestPaths.Data!, "test");
        Assert.Equal(210, test.Count); // 206 with an annotated sentence, as in Barhom et al. (2019)
        Assert.Equal(206, test.Count(d => d.AnnotatedSentences.Count > 0));
        Assert.Equal(Enumerable.Range(36, 10), test.Select(d => d.Topic).Distinct());
        Assert.Equal(20, test.Select(d => d.Subtopic).Distinct().Count());
        Assert.Equal(457, test.Sum(d => d.AnnotatedSentences.Count));
        Assert.Equal(2055, test.Sum(d => d.EntityMentions.Count));
        Assert.Equal(1780, test.Sum(d => d.EventMentions.Count));

        // Ordered by topic, subtopic (ecb first), number: 36_1ecb .. 36_10ecb, then 36_1ecbplus ...
        Assert.Equal("36_1ecb", test[0].Name);
        Assert.Equal(test.Select(d => (d.Topic, d.Subtopic.EndsWith("plus", StringComparison.Ordinal), d.Number)).Order(), test.Select(d => (d.Topic, d.Subtopic.EndsWith("plus", StringComparison.Ordinal), d.Number)));
        foreach (EcbDocument d in test)
        {
            string component = d.Name.EndsWith("ecbplus", StringComparison.Ordinal) ? "ecbplus" : "ecb";
            Assert.Equal(d.Name[..d.Name.IndexOf('_', StringComparison.Ordinal)] + component, d.Subtopic);
            Assert.Equal(d.Subtopic.Replace(component, "_" + d.Number.ToString(CultureInfo.InvariantCulture) + component, StringComparison.Ordinal), d.Name);
        }
    }

    [DataFact("ecbplus")]
    public void Offsets_agree_with_the_text_and_mentions_lie_in_annotated_sentences()
    {
        foreach (EcbDocument doc in EcbPlus.Read(TestPaths.Data!, "test"))
        {
            Assert.NotEmpty(doc.Tokens);
            Assert.Equal(doc.Tokens[^1].Sentence + 1, doc.Text.Split('\n').Length);
            foreach (EcbToken t in doc.Tokens)
            {
                Assert.Equal(t.Text, doc.Text[t.Start..t.End]);
            }

            foreach (EcbMention m in doc.EntityMentions.Concat(doc.EventMentions))
            {
                Assert.All(m.Anchors, a => Assert.Contains(doc.Tokens[a].Sentence, doc.AnnotatedSentences));
                Assert.Equal((doc.Tokens[m.FirstToken].Start, doc.Tokens[m.EndToken - 1].End), (m.Start, m.End));
                Assert.Equal(m.FirstToken, m.Anchors[0]);
                Assert.Equal(m.EndToken - 1, m.Anchors[^1]);
            }

            Assert.All(doc.EntityMentions, m => Assert.False(EcbPlus.IsEventType(m.Type)));
            Assert.All(doc.EventMentions, m => Assert.True(EcbPlus.IsEventType(m.Type)));
        }
    }

    [DataFact("ecbplus")]
    public void Cross_document_chains_span_documents()
    {
        var test = EcbPlus.Read(TestPaths.Data!, "test");
        var chains = EcbPlus.Chains(test);
        var crossDocument = chains.Where(c => c.Value.Select(x => x.Document.Name).Distinct().Count() > 1).ToList();
        Assert.Equal(160, crossDocument.Count);
        Assert.All(crossDocument, c => Assert.All(c.Value, x => Assert.Equal(EcbLink.CrossDocument, x.Mention.Link)));

        // Document-scoped ids stay in their document. No cross-document instance has both entity and event mentions; two
        // intra-document chains do (41_9ecb "UN" / "fired", 43_5ecb "markets" / "mobile computing": annotation slips).
        Assert.All(chains.Where(c => c.Value[0].Mention.Link != EcbLink.CrossDocument), c => Assert.Single(c.Value.Select(x => x.Document).Distinct()));
        Assert.Equal(["41_9ecb/14", "43_5ecb/46"], chains.Keys.Intersect(EcbPlus.Chains(test, events: true).Keys).Order(StringComparer.Ordinal));

        // 36_1ecb: "leaders" in the headline and "leaders" in sentence 1 are the coders' t36b_two_leaders.
        EcbDocument doc = test[0];
        var leaders = doc.EntityMentions.Where(m => m.Chain == "HUM17642655532934542").ToList();
        Assert.Equal([1, 10], leaders.Select(m => m.FirstToken));
        Assert.All(leaders, m => Assert.Equal(("leaders", "HUMAN_PART_PER", "t36b_two_leaders"), (doc.Text[m.Start..m.End], m.Type, m.Descriptor)));
        Assert.True(chains["HUM17642655532934542"].Select(x => x.Document.Name).Distinct().Count() > 1);
    }

    [DataFact("ecbplus")]
    public void Dev_split_counts()
    {
        var dev = EcbPlus.Read(TestPaths.Data!, "dev");
        Assert.Equal([2, 5, 12, 18, 21, 23, 34, 35], dev.Select(d => d.Topic).Distinct());
        Assert.Equal((197, 346, 1476, 1245), (dev.Count, dev.Sum(d => d.AnnotatedSentences.Count), dev.Sum(d => d.EntityMentions.Count), dev.Sum(d => d.EventMentions.Count)));
        Assert.Equal(118, EcbPlus.Chains(dev).Count(c => c.Value.Select(x => x.Document).Distinct().Count() > 1));
    }

    [DataFact("ecbplus")]
    public void Every_document_parses_and_train_has_the_published_counts()
    {
        var all = EcbPlus.Read(TestPaths.Data!, "all");
        Assert.Equal((982, 43), (all.Count, all.Select(d => d.Topic).Distinct().Count())); // topics 15 and 17 are not in ECB+
        var train = all.Where(d => EcbPlus.SplitOf(d.Topic) == "train").ToList();
        Assert.Equal((575, 1037, 4758, 3808), (train.Count, train.Sum(d => d.AnnotatedSentences.Count), train.Sum(d => d.EntityMentions.Count), train.Sum(d => d.EventMentions.Count)));
        Assert.Equal(["20_10ecbplus", "34_5ecb", "36_7ecbplus", "44_1ecbplus", "44_9ecbplus", "44_13ecbplus"], all.Where(d => d.AnnotatedSentences.Count == 0).Select(d => d.Name));
    }
}
