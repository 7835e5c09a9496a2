using NewsNlp.Text;

namespace NewsNlp.Tests.Text;

public class BoilerplateTests
{
    private static List<(string Line, BoilerplateKind Kind)> Detect(string text)
    {
        CleanText clean = TextCleaner.Default.Clean(text);
        return clean.Boilerplate.Select(b => (text[b.Start..b.End], b.Kind)).ToList();
    }

    [Fact]
    public void Captions_credits_keywords_related_links_and_notices_are_marked()
    {
        const string text =
            "Leaders meet in Beijing as trade talks resume\n\n" +
            "Photo: President Lula and President Xi at the Great Hall of the People, April 14 (Reuters)\n\n" +
            "BEIJING, April 14 - Brazil and China signed 15 agreements on Friday.\n\n" +
            "Lula Xi Jinping Dilma Rousseff\n\n" +
            "The two leaders also discussed the war in Ukraine.\n\n" +
            "Getty Images\n\n" +
            "More in World\n\n" +
            "Sign up for our daily newsletter\n";
        var found = Detect(text);
        Assert.Contains(("Photo: President Lula and President Xi at the Great Hall of the People, April 14 (Reuters)", BoilerplateKind.Caption), found);
        Assert.Contains(("Lula Xi Jinping Dilma Rousseff", BoilerplateKind.Keywords), found);
        Assert.Contains(("Getty Images", BoilerplateKind.Credit), found);
        Assert.Contains(("More in World", BoilerplateKind.RelatedLinks), found);
        Assert.Contains(("Sign up for our daily newsletter", BoilerplateKind.Notice), found);
        Assert.Equal(5, found.Count);
    }

    [Fact]
    public void Headlines_subheadings_and_datelines_are_content()
    {
        const string text =
            "Powerful Earthquake Strikes Southern Turkey\n\n" +
            "ISTANBUL, Feb. 6 - A magnitude 7.8 earthquake struck before dawn.\n\n" +
            "Rescue efforts in Hatay\n\n" +
            "Thousands of buildings collapsed, officials said.\n";
        Assert.Empty(Detect(text));
    }

    [Fact]
    public void A_caption_printed_twice_is_marked_both_times()
    {
        const string caption = "President Lula, left, and President Xi Jinping attend a ceremony in Beijing, China, April 14, 2023";
        string text = "Lula meets Xi\n\n" + caption + "\n" + caption + "\n\nBrazil and China signed agreements on Friday.\n";
        var found = Detect(text);
        Assert.Equal(2, found.Count(f => f == (caption, BoilerplateKind.Caption)));
    }

    [Fact]
    public void Nothing_in_boilerplate_yields_entities()
    {
        const string text = "Talks in Beijing\n\nAngela Merkel Emmanuel Macron\n\nThe talks ended on Friday.\n";
        NewsDocument doc = NewsPipeline.CreateDefault().Analyze(text);
        Assert.Single(doc.Boilerplate);
        Assert.DoesNotContain(doc.Mentions, m => doc.Clean.IsBoilerplate(m.Start, m.End));
    }
}
