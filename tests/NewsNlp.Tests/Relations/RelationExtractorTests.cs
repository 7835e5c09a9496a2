using NewsNlp.Relations;
using NewsNlp.Serialization;

namespace NewsNlp.Tests.Relations;

/// <summary>The shipped relation model on sentences written for these tests (not in its training data).</summary>
public class RelationExtractorTests
{
    private static readonly NewsPipeline Pipeline = NewsPipeline.CreateDefault();

    private static List<(string Type, string Subject, string Object, Modality Modality, Relation Relation)> Relations(NewsDocument doc)
    {
        var names = doc.Entities.ToDictionary(e => e.Id, e => e.Name);
        return [.. doc.Relations.Select(r => (r.Type.ToName(), names[r.SubjectId], names[r.ObjectId], r.Modality, r))];
    }

    private static List<(string Type, string Subject, string Object, Modality Modality, Relation Relation)> Relations(string text) => Relations(Pipeline.Analyze(text));

    [Fact]
    public void A_planned_visit_with_its_trigger_and_time()
    {
        const string text = "Italian Prime Minister Giorgia Meloni will travel to Tokyo on Monday for talks on defence.";
        NewsDocument doc = Pipeline.Analyze(text);
        var visit = Assert.Single(Relations(doc), r => r.Type == "VISIT");
        Assert.Equal("Giorgia Meloni", visit.Subject);
        Assert.Equal("Tokyo", visit.Object);
        Assert.Equal(Modality.Planned, visit.Modality);
        Assert.Equal("travel", text[visit.Relation.TriggerStart..visit.Relation.TriggerEnd]);
        Assert.Equal("Monday", visit.Relation.Arguments.Time);
        Assert.Equal((0, text.Length), (visit.Relation.EvidenceStart, visit.Relation.EvidenceEnd));
    }

    [Fact]
    public void Title_patterns_give_roles()
    {
        var relations = Relations("Pentagon spokesman Pat Ryder declined to comment on the report on Tuesday.");
        var role = Assert.Single(relations, r => r is { Type: "ROLE", Subject: "Pat Ryder" });
        Assert.Equal("United States Department of Defense", role.Object); // "Pentagon", linked
        Assert.Equal(Modality.Asserted, role.Modality); // "the report" does not make an office reported
    }

    [Fact]
    public void Sanctions_are_directed_and_shared_by_coordinated_actors()
    {
        var relations = Relations("Canada and Australia imposed sanctions on Belarus on Friday over its support for the war.");
        Assert.Contains(relations, r => r is { Type: "SANCTION", Subject: "Canada", Object: "Belarus" });
        Assert.Contains(relations, r => r is { Type: "SANCTION", Subject: "Australia", Object: "Belarus" });
        Assert.DoesNotContain(relations, r => r.Type == "SANCTION" && r.Subject == "Belarus");
    }

    [Fact]
    public void Negation_is_read()
    {
        var relations = Relations("Hungary has not sent weapons to Ukraine, Viktor Orban told lawmakers in Budapest.");
        var supply = Assert.Single(relations, r => r.Type == "SUPPLY");
        Assert.Equal(("Hungary", "Ukraine", Modality.Negated), (supply.Subject, supply.Object, supply.Modality));
    }

    [Fact]
    public void Pronoun_actors_resolve_to_their_entity()
    {
        var relations = Relations("Emmanuel Macron spoke in Paris on Monday. On Wednesday he flew to Nairobi for a two-day visit.");
        Assert.Contains(relations, r => r is { Type: "VISIT", Subject: "Emmanuel Macron", Object: "Nairobi" });
    }

    [Fact]
    public void Sentences_without_a_relation_give_none()
    {
        Assert.Empty(Relations("Rain fell across Poland and Lithuania on Sunday, the weather service said."));
        Assert.Empty(Relations(""));
        Assert.Empty(Relations("A cat sat on the mat."));
    }

    [Fact]
    public void Relations_can_be_switched_off_and_the_json_carries_them()
    {
        const string text = "Microsoft completed its acquisition of Activision Blizzard in October 2023.";
        Assert.Empty(new NewsPipeline(new NewsPipelineOptions { ExtractRelations = false }).Analyze(text).Relations);
        NewsDocument doc = Pipeline.Analyze(text);
        Assert.Contains(Relations(doc), r => r is { Type: "ACQUIRE", Subject: "Microsoft", Object: "Activision Blizzard" });
        using var json = System.Text.Json.JsonDocument.Parse(AnalysisJsonWriter.ToJson([doc]));
        var relation = json.RootElement.GetProperty("documents")[0].GetProperty("relations").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "ACQUIRE");
        Assert.Equal("asserted", relation.GetProperty("modality").GetString());
        Assert.Equal("acquisition", text[relation.GetProperty("trigger").GetProperty("start").GetInt32()..relation.GetProperty("trigger").GetProperty("end").GetInt32()]);
        Assert.Equal("October 2023", relation.GetProperty("arguments").GetProperty("time").GetString());
    }

    [Fact]
    public void Offsets_point_into_the_original_text_after_repairs()
    {
        // The mojibake before the sentence shifts the clean text; the evidence must still cover the original sentence.
        const string text = "Caf\u00C3\u00A9 owners protested.\n\nJapan\u00E2\u20AC\u2122s prime minister Fumio Kishida visited Kyiv in March 2023.";
        NewsDocument doc = Pipeline.Analyze(text);
        Relation visit = Assert.Single(doc.Relations, r => r.Type == RelationType.Visit);
        Assert.Equal("visited", text[visit.TriggerStart..visit.TriggerEnd]);
        Assert.EndsWith("March 2023.", text[visit.EvidenceStart..visit.EvidenceEnd], StringComparison.Ordinal);
    }

    [Fact]
    public void Many_entities_in_one_long_line_stay_bounded()
    {
        // 4,000 names in one "sentence": candidate pairs are limited by distance and by 64 mentions a sentence.
        string text = string.Join(", ", Enumerable.Repeat("Germany, France and Italy sanctioned Iran", 1000)) + ".";
        NewsDocument doc = Pipeline.Analyze(text);
        Assert.True(doc.Relations.Length < 100);
    }

    [Fact]
    public void Every_relation_is_well_formed_on_the_sample_articles()
    {
        foreach (string file in Directory.GetFiles(TestPaths.Samples, "*.txt"))
        {
            NewsDocument doc = Pipeline.Analyze(File.ReadAllText(file), Path.GetFileName(file));
            var ids = doc.Entities.ToDictionary(e => e.Id);
            foreach (Relation r in doc.Relations)
            {
                Assert.NotEqual(r.SubjectId, r.ObjectId);
                Assert.True(ids.ContainsKey(r.SubjectId) && ids.ContainsKey(r.ObjectId));
                Assert.InRange(r.Confidence, RelationExtractor.DefaultMinConfidence * 0.9f, 1f);
                Assert.True(0 <= r.EvidenceStart && r.EvidenceStart < r.EvidenceEnd && r.EvidenceEnd <= doc.Text.Length);
                Assert.True(r.TriggerStart < 0 || (r.EvidenceStart <= r.TriggerStart && r.TriggerEnd <= r.EvidenceEnd));
                Assert.All(r.Arguments.Via, v => Assert.True(ids.ContainsKey(v)));

                // Both sides are in the evidence sentence: a mention, or a nationality standing for the country ("Chinese firms").
                string evidence = doc.Text[r.EvidenceStart..r.EvidenceEnd];
                foreach (string id in new[] { r.SubjectId, r.ObjectId })
                {
                    Assert.True(
                        ids[id].Mentions.Any(m => m.Start >= r.EvidenceStart && m.End <= r.EvidenceEnd)
                            || (ids[id].KbEntry?.Demonyms.Any(d => evidence.Contains(d, StringComparison.Ordinal)) ?? false),
                        $"{file}: {r.Type} {id} not in \"{evidence}\"");
                }
            }

            Assert.Equal(doc.Relations.Length, doc.Relations.Select(r => (r.Type, r.SubjectId, r.ObjectId, r.Modality)).Distinct().Count());
        }
    }

    [Fact]
    public void Corpus_relations_name_every_document_that_states_them()
    {
        var corpus = new NewsNlp.Corpus.CorpusAnalyzer();
        corpus.Add(Pipeline.Analyze("Indian Prime Minister Narendra Modi visited Washington in June 2023.", "a"));
        corpus.Add(Pipeline.Analyze("Narendra Modi arrived in Washington on Wednesday for a state visit.", "b"));
        var snapshot = corpus.Snapshot();
        var visit = Assert.Single(snapshot.Relations, r => r.Type == RelationType.Visit);
        Assert.Equal(["a", "b"], visit.Documents.ToArray());
        Assert.Equal("Narendra Modi", snapshot.Entities.Single(e => e.Id == visit.SubjectId).Name);
    }
}

/// <summary>The relations the seed articles state (docs: ../shared/spec/seed-annotations.md).</summary>
public class SeedRelationTests
{
    private static List<NewsDocument> Seeds() =>
        [.. Directory.GetFiles(TestPaths.Seeds!, "*.txt").Order(StringComparer.Ordinal).Select(f => NewsPipeline.CreateDefault().Analyze(File.ReadAllText(f), Path.GetFileName(f)))];

    private static bool Has(NewsDocument doc, RelationType type, string subject, string obj, params Modality[] modalities)
    {
        var names = doc.Entities.ToDictionary(e => e.Id, e => e.Name);
        return doc.Relations.Any(r => r.Type == type && (modalities.Length == 0 || modalities.Contains(r.Modality))
            && ((names[r.SubjectId] == subject && names[r.ObjectId] == obj) || (type.IsSymmetric() && names[r.SubjectId] == obj && names[r.ObjectId] == subject)));
    }

    [SeedsFact]
    public void The_visit_the_invitation_and_the_calls()
    {
        List<NewsDocument> seeds = Seeds();
        Assert.True(Has(seeds[0], RelationType.Visit, "Xi Jinping", "Russia", Modality.Planned));
        Assert.True(Has(seeds[1], RelationType.Invite, "Vladimir Putin", "Xi Jinping"));
        Assert.True(Has(seeds[0], RelationType.Meet, "Qin Gang", "Dmytro Kuleba", Modality.Asserted));
        Assert.True(Has(seeds[0], RelationType.Role, "Hua Chunying", "Foreign Ministry") || Has(seeds[0], RelationType.Role, "Hua Chunying", "Ministry of Foreign Affairs"));
        Assert.True(Has(seeds[0], RelationType.Role, "William Burns", "CIA") || Has(seeds[0], RelationType.Role, "William Burns", "Central Intelligence Agency"));
    }
}
