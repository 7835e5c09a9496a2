using System.Text.Json;
using NewsNlp.Cli;

namespace NewsNlp.Tests.Cli;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = NewsNlp.Cli.Cli.Run(args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Analyze_reads_standard_input_and_writes_json()
    {
        var (code, stdout, stderr) = Run("Mr. Xi left. He flew home.", "analyze", "-");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement doc = json.RootElement.GetProperty("documents")[0];
        Assert.Equal("stdin", doc.GetProperty("id").GetString());
        Assert.Equal(2, doc.GetProperty("sentences").GetArrayLength());
    }

    [Fact]
    public void Analyze_the_samples_as_text_and_json_to_a_file()
    {
        string[] samples = Directory.GetFiles(TestPaths.Samples, "*.txt");
        Assert.NotEmpty(samples);
        var (code, stdout, _) = Run("", ["analyze", "--format", "text", .. samples]);
        Assert.Equal(0, code);
        Assert.Contains("== " + Path.GetFileName(samples[0]), stdout);
        Assert.Contains("relations:", stdout);
        Assert.Contains("  VISIT Xi Jinping -> ", stdout);

        string file = Path.Combine(Path.GetTempPath(), $"newsnlp-{Guid.NewGuid():N}.json");
        try
        {
            (code, _, _) = Run("", ["analyze", "--tokens", "-o", file, .. samples]);
            Assert.Equal(0, code);
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(samples.Length, json.RootElement.GetProperty("documents").GetArrayLength());
            Assert.True(json.RootElement.GetProperty("documents")[0].GetProperty("tokens").GetArrayLength() > 50);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("analyze", "--bogus", "x.txt")]
    [InlineData("analyze", "--format", "xml", "-")]
    [InlineData("analyze", "no-such-file.txt")]
    [InlineData("analyze")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2_with_one_line_and_no_stack_trace(params string[] args)
    {
        var (code, _, stderr) = Run("", args);
        Assert.Equal(2, code);
        Assert.StartsWith("newsnlp: ", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_directory_is_a_usage_error()
    {
        var (code, _, stderr) = Run("", "analyze", TestPaths.Samples);
        Assert.Equal(2, code);
        Assert.Contains("is a directory", stderr);
    }

    [DataFact("gum")]
    public void Evaluate_sentences_reports_f1_on_gum()
    {
        var (code, stdout, _) = Run("", "evaluate", "sentences", "--data", TestPaths.Data!, "--split", "dev");
        Assert.Equal(0, code);
        Assert.Contains("paragraphs: blank line", stdout);
        Assert.Contains("%", stdout);
    }
}
