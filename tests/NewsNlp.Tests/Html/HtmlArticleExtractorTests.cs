using System.Text;
using NewsNlp.Html;
using NewsNlp.Text;

namespace NewsNlp.Tests.Html;

public class HtmlArticleExtractorTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html><head><title>Quake | Example News</title><script>var s = "<p>not text</p>";</script><style>p{color:red}</style></head>
        <body>
        <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
        <main><article>
        <h1>Rescuers search rubble after earthquake in southern Turkey</h1>
        <figure><img src="a.jpg"><figcaption>Rescue workers in Kahramanmaraş on Tuesday. Photo: Reuters</figcaption></figure>
        <p>ANKARA, Feb 7 &ndash; Rescue teams in Turkey and Syria worked through the night, pulling survivors from collapsed buildings.</p>
        <p>President Recep Tayyip Erdoğan declared a state of emergency in ten provinces.<br>Aid groups warned of the cold.</p>
        <div class="share-tools">Share on Facebook</div>
        <aside><h3>More in World</h3><ul><li>Earthquake toll rises</li></ul></aside>
        </article></main>
        <footer>&copy; 2023 Example News.</footer>
        </body></html>
        """;

    private static string BoilerplateOf(HtmlArticle article, string line) =>
        article.Boilerplate.Where(b => article.Text[b.Start..b.End].Contains(line, StringComparison.Ordinal)).Select(b => b.Kind.ToString()).SingleOrDefault() ?? "content";

    [Fact]
    public void Article_paragraphs_are_content_and_page_furniture_is_boilerplate()
    {
        HtmlArticle article = HtmlArticleExtractor.Extract(Page);
        Assert.Equal("Rescuers search rubble after earthquake in southern Turkey", article.Title);
        Assert.DoesNotContain("not text", article.Text);
        Assert.DoesNotContain("color:red", article.Text);
        Assert.Contains("ANKARA, Feb 7 – Rescue teams", article.Text);
        Assert.Contains("ten provinces.\nAid groups", article.Text);
        Assert.Equal("content", BoilerplateOf(article, "Rescuers search rubble"));
        Assert.Equal("content", BoilerplateOf(article, "Rescue teams in Turkey"));
        Assert.Equal("Navigation", BoilerplateOf(article, "Home"));
        Assert.Equal("Caption", BoilerplateOf(article, "Rescue workers in Kahramanmaraş"));
        Assert.Equal("Notice", BoilerplateOf(article, "Share on Facebook"));
        Assert.Equal("RelatedLinks", BoilerplateOf(article, "More in World"));
        Assert.Equal("RelatedLinks", BoilerplateOf(article, "Earthquake toll rises"));
        Assert.Equal("Notice", BoilerplateOf(article, "© 2023"));
        Assert.True(article.Boilerplate.Zip(article.Boilerplate.Skip(1)).All(p => p.First.End <= p.Second.Start));
    }

    [Fact]
    public void Page_without_article_element_uses_the_block_with_most_paragraph_text()
    {
        string body = string.Concat(Enumerable.Repeat("<p>The central bank raised its main rate by half a point on Thursday, citing inflation.</p>", 4));
        string html = $"<html><body><div class=\"menu\"><p>Home</p><p>Business</p></div><div id=\"story\">{body}</div><div><p>Contact us</p></div></body></html>";
        HtmlArticle article = HtmlArticleExtractor.Extract(html);
        Assert.Equal("content", BoilerplateOf(article, "central bank"));
        Assert.Equal("Navigation", BoilerplateOf(article, "Business"));
        Assert.Equal("Navigation", BoilerplateOf(article, "Contact us"));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html>", true)]
    [InlineData("  <html lang=\"en\"><head>", true)]
    [InlineData("<div class=\"x\"><p>Text</p></div>", true)]
    [InlineData("The <b>bold</b> claim: 3 < 4 and 5 > 2.", false)]
    [InlineData("", false)]
    public void Html_is_sniffed_from_its_start(string text, bool expected) =>
        Assert.Equal(expected, HtmlArticleExtractor.LooksLikeHtml(text));

    [Fact]
    public void Deeply_nested_and_junk_markup_gives_a_result_without_crashing()
    {
        string deep = string.Concat(Enumerable.Repeat("<div>", 200_000)) + "<p>Deep text here.</p>";
        Assert.Contains("Deep text here.", HtmlArticleExtractor.Extract(deep).Text);

        var random = new Random(3);
        byte[] junk = new byte[200_000];
        random.NextBytes(junk);
        string text = Encoding.Latin1.GetString(junk);
        Assert.NotNull(HtmlArticleExtractor.Extract("<html><body>" + text).Text);
        Assert.Equal("", HtmlArticleExtractor.Extract("").Text);
    }

    [Fact]
    public void Pipeline_reads_the_extracted_text_and_skips_boilerplate_for_entities()
    {
        HtmlArticle article = HtmlArticleExtractor.Extract(Page);
        NewsDocument doc = NewsPipeline.CreateDefault().Analyze(article.Text, "page.html", article.Boilerplate);
        Assert.Contains(doc.Mentions, m => doc.Text[m.Start..m.End] == "Recep Tayyip Erdoğan");
        Assert.DoesNotContain(doc.Mentions, m => doc.Text[m.Start..m.End] == "Kahramanmaraş");
        Assert.Equal(article.Boilerplate.Count, doc.Boilerplate.Count(b => article.Boilerplate.Contains(b)));
    }
}
