using System.Diagnostics;
using System.Text.Json;

namespace NewsNlp.Tests.Cli;

public class RenderTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = NewsNlp.Cli.Cli.Run(args, new StringReader(""), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Render_writes_a_page_with_marks_by_label_and_the_entity_table()
    {
        string page = Path.Combine(Path.GetTempPath(), $"newsnlp-render-{Guid.NewGuid():N}.html");
        try
        {
            var (code, _, err) = Run("render", Path.Combine(TestPaths.Samples, "xi-moscow-visit.txt"), "-o", page);
            Assert.True(code == 0, err);
            string html = File.ReadAllText(page);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("data-label=\"PERSON\"", html);
            Assert.Contains("https://www.wikidata.org/wiki/Q15031", html);
            Assert.Contains("<table class=\"entities\">", html);
        }
        finally
        {
            File.Delete(page);
        }
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("conll")]
    [InlineData("html")]
    [InlineData("text")]
    public void Every_format_covers_every_input(string format)
    {
        string[] files = Directory.GetFiles(TestPaths.Samples, "*.txt");
        var (code, output, err) = Run(["analyze", "-f", format, .. files]);
        Assert.True(code == 0, err);
        foreach (string file in files)
        {
            Assert.Contains(Path.GetFileName(file), output);
        }

        if (format == "jsonl")
        {
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(files.Length, lines.Length);
            Assert.All(lines, l => Assert.True(JsonDocument.Parse(l).RootElement.GetProperty("entities").GetArrayLength() > 0));
        }
    }

    [BrowserFact]
    public void Rendered_page_is_checked_in_headless_chromium()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"newsnlp-browser-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string page = Path.Combine(dir, "page.html");
            string shot = Path.Combine(dir, "page.png");
            var (code, _, err) = Run("render", Path.Combine(TestPaths.Samples, "xi-moscow-visit.txt"), "-o", page);
            Assert.True(code == 0, err);
            var start = new ProcessStartInfo(BrowserFactAttribute.FindOnPath("node")!, [Path.Combine(TestPaths.RepositoryRoot, "tests", "browser", "render-check.mjs"), page, shot])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.Combine(TestPaths.RepositoryRoot, "tests", "browser"),
            };
            using Process node = Process.Start(start)!;
            Task<string> output = node.StandardOutput.ReadToEndAsync();
            Task<string> errors = node.StandardError.ReadToEndAsync();
            Assert.True(node.WaitForExit(120_000), "Chromium did not finish within two minutes");
            Assert.True(node.ExitCode == 0, $"{output.Result}\n{errors.Result}");
            using JsonDocument summary = JsonDocument.Parse(output.Result);
            Assert.True(summary.RootElement.GetProperty("byLabel").GetProperty("PERSON").GetInt32() > 0);
            Assert.Equal("rgb(170, 156, 252)", summary.RootElement.GetProperty("personBackground").GetString());
            Assert.True(new FileInfo(shot).Length > 20_000);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
