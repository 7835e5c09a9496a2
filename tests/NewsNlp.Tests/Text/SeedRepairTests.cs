using NewsNlp.Text;

namespace NewsNlp.Tests.Text;

/// <summary>Repairs and boilerplate of the real seed articles (read from ../shared/seeds, never copied).</summary>
public class SeedRepairTests
{
    private static (string Text, CleanText Clean) Seed(string prefix)
    {
        string path = Directory.GetFiles(TestPaths.Seeds!, prefix + "*.txt").Single();
        string text = File.ReadAllText(path);
        return (text, TextCleaner.Default.Clean(text));
    }

    [SeedsFact]
    public void First_seed_repairs_and_boilerplate()
    {
        var (text, clean) = Seed("000");
        Assert.Contains(clean.Repairs, r => r.Original == "\u94C6" && r.Repaired == "í" && r.Kind == RepairKind.Mojibake);
        var lines = clean.Boilerplate.Select(b => (text[b.Start..b.End], b.Kind)).ToList();
        Assert.Contains(lines, l => l.Item1.StartsWith("photo_camera", StringComparison.Ordinal) && l.Kind == BoilerplateKind.Caption);
        Assert.Contains(("Xi Jinping Vlad\u94C6mir Putin", BoilerplateKind.Keywords), lines);
        Assert.Contains(("Putin Wang Yi", BoilerplateKind.Keywords), lines);
        Assert.Contains(("More in Politics", BoilerplateKind.RelatedLinks), lines);
        Assert.DoesNotContain(lines, l => l.Item1 == "Chinese arms in Russia");
        Assert.DoesNotContain(lines, l => l.Item1.StartsWith("Xi Jinping confirms visit", StringComparison.Ordinal));
        Assert.Contains("Vladímir", clean.Text, StringComparison.Ordinal);
    }

    [SeedsFact]
    public void Second_seed_marks_the_caption_printed_twice()
    {
        var (text, clean) = Seed("004");
        var captions = clean.Boilerplate.Where(b => b.Kind == BoilerplateKind.Caption).Select(b => text[b.Start..b.End]).ToList();
        Assert.Equal(2, captions.Count);
        Assert.Equal(captions[0], captions[1]);
        Assert.DoesNotContain(clean.Boilerplate, b => text[b.Start..b.End].StartsWith("Xi confirms Russia trip", StringComparison.Ordinal));
    }
}
