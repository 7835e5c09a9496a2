using System.Text;

namespace NewsNlp.Cli;

/// <summary>Reads the inputs named on the command line.</summary>
internal static class InputReader
{
    /// <summary>Reads a file, or standard input for <c>-</c>, and returns its id and text.</summary>
    public static (string Id, string Text) Read(string path, TextReader stdin)
    {
        if (path == "-")
        {
            return ("stdin", stdin.ReadToEnd());
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"'{path}' is a directory; give the files in it (for example {Path.Combine(path, "*.txt")}).");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"cannot read '{path}': no such file.");
        }

        try
        {
            return (Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read '{path}': {e.Message}");
        }
    }
}
