using NewsNlp.Cli.Training;
using NewsNlp.Relations;

namespace NewsNlp.Tests.Cli;

/// <summary>The relation training data readers: the project's annotated sentences (always there) and re3d (shared data).</summary>
public class RelationDataTests
{
    private static string Own => Path.Combine(TestPaths.RepositoryRoot, "tools", "relations", "annotated");

    [Fact]
    public void Own_sentences_are_read_with_their_mentions_and_relations()
    {
        List<RelationExample> examples = RelationData.ReadOwn(Own);
        Assert.True(examples.Count >= 400, $"{examples.Count} annotated sentences");
        Assert.True(examples.Sum(e => e.Relations.Count) >= 600);
        Assert.Equal(examples.Count, examples.Select(e => e.Id).Distinct().Count());

        // Every fifth sentence of a file is dev.
        double devShare = (double)examples.Count(e => e.Dev) / examples.Count;
        Assert.InRange(devShare, 0.18, 0.22);

        foreach (RelationExample e in examples)
        {
            Assert.All(e.Arguments, a => Assert.True(a.First <= a.Last && a.Last < e.Tokens.Length));
            Assert.All(e.Relations, r => Assert.NotEqual(r.Subject, r.Object));
            foreach ((var pair, int cls) in e.Classes())
            {
                (RelationType type, bool reversed) = RelationClasses.Get(cls);
                RelationArgument subject = e.Arguments[reversed ? pair.Item2 : pair.Item1], obj = e.Arguments[reversed ? pair.Item1 : pair.Item2];
                Assert.True(pair.Item1 < pair.Item2);
                Assert.True(type.IsSymmetric() || RelationClasses.Allowed(type, subject.Label, obj.Label), $"{e.Id}: {type} {subject.Label} -> {obj.Label}");
            }
        }
    }

    [SeedsFact]
    public void The_annotated_sentences_do_not_repeat_the_seed_story()
    {
        // The seed articles are for checking, not training: no annotated sentence may come from their text.
        string seeds = TestPaths.Seeds!;
        string seedText = string.Concat(Directory.GetFiles(seeds, "*.txt").Select(File.ReadAllText));
        foreach (RelationExample e in RelationData.ReadOwn(Own))
        {
            Assert.DoesNotContain(e.Text[..Math.Min(60, e.Text.Length)], seedText, StringComparison.Ordinal);
        }

        // The entity sentences (tools/ner/annotated) too.
        foreach (string file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tools", "ner", "annotated"), "*.jsonl"))
        {
            foreach (string line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var json = System.Text.Json.JsonDocument.Parse(line);
                string text = json.RootElement.GetProperty("text").GetString()!;
                Assert.DoesNotContain(text[..Math.Min(60, text.Length)], seedText, StringComparison.Ordinal);
            }
        }
    }

    [DataFact("re3d")]
    public void Re3d_maps_onto_the_project_types()
    {
        List<RelationExample> examples = RelationData.ReadRe3d(TestPaths.Data!);
        Assert.True(examples.Count > 300);
        var types = examples.SelectMany(e => e.Relations).GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(types[RelationType.LocatedIn] > 50);
        Assert.True(types[RelationType.Attack] > 50);
        Assert.True(types[RelationType.Meet] > 10);
        Assert.DoesNotContain(RelationType.Visit, types.Keys);
        Assert.Contains(examples, e => e.Dev);
    }
}
