using System.Text.Json;
using NewsNlp.Serialization;

namespace NewsNlp.Tests.Serialization;

public class AnalysisJsonWriterTests
{
    [Fact]
    public void Writes_the_contract_shape_with_offsets_into_the_text()
    {
        NewsDocument doc = NewsPipeline.CreateDefault().Analyze("Xi arrived. \u201CHello,\u201D he said.", "h1.txt");
        string json = AnalysisJsonWriter.ToJson([doc], new AnalysisJsonOptions { IncludeTokens = true });
        using JsonDocument parsed = JsonDocument.Parse(json);
        JsonElement root = parsed.RootElement;
        Assert.Equal("1.0", root.GetProperty("schemaVersion").GetString());
        JsonElement d = root.GetProperty("documents")[0];
        Assert.Equal("h1.txt", d.GetProperty("id").GetString());
        Assert.Equal(doc.Text, d.GetProperty("text").GetString());
        Assert.Equal("en", d.GetProperty("language").GetString());
        JsonElement s1 = d.GetProperty("sentences")[1];
        Assert.Equal("\u201CHello,\u201D he said.", doc.Text[s1.GetProperty("start").GetInt32()..s1.GetProperty("end").GetInt32()]);
        JsonElement tokens = d.GetProperty("tokens");
        Assert.Equal(doc.Tokens.Length, tokens.GetArrayLength());
        Assert.Equal("word", tokens[0].GetProperty("kind").GetString());
        Assert.Equal(2, tokens[0].GetProperty("end").GetInt32());
    }

    [Fact]
    public void Tokens_are_left_out_unless_asked()
    {
        string json = AnalysisJsonWriter.ToJson([NewsPipeline.CreateDefault().Analyze("a b")]);
        using JsonDocument parsed = JsonDocument.Parse(json);
        Assert.False(parsed.RootElement.GetProperty("documents")[0].TryGetProperty("tokens", out _));
    }

    [Fact]
    public void Text_with_lone_surrogates_and_controls_round_trips()
    {
        const string text = "bad \uD800 pair \u0001 \uDC00 end";
        string json = AnalysisJsonWriter.ToJson([NewsPipeline.CreateDefault().Analyze(text)]);
        using JsonDocument parsed = JsonDocument.Parse(json); // valid JSON
        string raw = parsed.RootElement.GetProperty("documents")[0].GetProperty("text").GetRawText();
        Assert.Equal("\"bad \\ud800 pair \\u0001 \\udc00 end\"", raw);

        // Without lone surrogates the writer's own escaping is used and the text reads back exactly.
        const string clean = "clean \u0001 \"text\" \U0001F44D";
        using JsonDocument parsedClean = JsonDocument.Parse(AnalysisJsonWriter.ToJson([NewsPipeline.CreateDefault().Analyze(clean)]));
        Assert.Equal(clean, parsedClean.RootElement.GetProperty("documents")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData(NewsNlp.Tokenization.TokenKind.Url, "url")]
    [InlineData(NewsNlp.Tokenization.TokenKind.Abbreviation, "abbreviation")]
    public void Kind_names_are_camel_case(NewsNlp.Tokenization.TokenKind kind, string name) => Assert.Equal(name, AnalysisJsonWriter.GetKindName(kind));
}
