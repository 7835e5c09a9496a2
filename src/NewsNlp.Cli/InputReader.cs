using NewsNlp.Html;
using NewsNlp.Text;

namespace NewsNlp.Cli;

/// <summary>An input read from the command line: its id, its text, and the boilerplate its markup showed.</summary>
internal sealed record Input(string Id, string Text, IReadOnlyList<BoilerplateSpan> Boilerplate);

/// <summary>Reads the inputs named on the command line: bytes decoded by <see cref="TextDecoder"/>, HTML extracted.</summary>
internal static class InputReader
{
    /// <summary>Reads a file, or standard input for <c>-</c>, and reports on <paramref name="log"/> what was done to it.</summary>
    /// <param name="path">The file, or <c>-</c>.</param>
    /// <param name="stdin">Standard input: its bytes are decoded when it is a <see cref="StreamReader"/> that nothing has read yet.</param>
    /// <param name="format">auto (HTML when it looks like HTML), text or html.</param>
    /// <param name="log">Where notes about decoding and extraction go.</param>
    public static Input Read(string path, TextReader stdin, string format, TextWriter log)
    {
        string id;
        string text;
        if (path == "-")
        {
            id = "stdin";
            text = stdin is StreamReader reader && reader.BaseStream.CanRead
                ? Decode(id, TextDecoder.DecodeAsync(reader.BaseStream).GetAwaiter().GetResult(), log)
                : stdin.ReadToEnd();
        }
        else
        {
            if (Directory.Exists(path))
            {
                throw new UsageException($"'{path}' is a directory; give the files in it (for example {Path.Combine(path, "*.txt")}).");
            }

            if (!File.Exists(path))
            {
                throw new UsageException($"cannot read '{path}': no such file.");
            }

            id = Path.GetFileName(path);
            try
            {
                using FileStream stream = File.OpenRead(path);
                text = Decode(id, TextDecoder.DecodeAsync(stream).GetAwaiter().GetResult(), log);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read '{path}': {e.Message}");
            }
        }

        bool html = format switch
        {
            "html" => true,
            "text" => false,
            _ => HtmlArticleExtractor.LooksLikeHtml(text),
        };
        if (!html)
        {
            return new Input(id, text, []);
        }

        HtmlArticle article = HtmlArticleExtractor.Extract(text);
        log.WriteLine($"newsnlp: {id}: HTML; article text extracted ({article.Text.Length:N0} characters, {article.Boilerplate.Count} blocks marked as boilerplate).");
        return new Input(id, article.Text, article.Boilerplate);
    }

    private static string Decode(string id, DecodedText decoded, TextWriter log)
    {
        switch (decoded.Method)
        {
            case DecodingMethod.Utf8:
            case DecodingMethod.ByteOrderMark when decoded.StrayBytes == 0:
                break;
            case DecodingMethod.Utf8WithStrayBytes:
                log.WriteLine($"newsnlp: {id}: UTF-8 with {decoded.StrayBytes} stray byte(s) of a legacy encoding, read as cp1252.");
                break;
            default:
                log.WriteLine(FormattableString.Invariant($"newsnlp: {id}: not UTF-8; read as {decoded.EncodingName} ({decoded.Method}, confidence {decoded.Confidence:0.00})."));
                break;
        }

        return decoded.Text;
    }
}
