namespace NewsNlp.Cli.Evaluation;

/// <summary>Finds the shared data folder: <c>--data</c>, the <c>NEWSNLP_DATA</c> variable, or <c>../shared/data</c> above the working directory.</summary>
internal static class DataLocator
{
    public static string? Find(string? given)
    {
        if (!string.IsNullOrEmpty(given))
        {
            return Directory.Exists(given) ? Path.GetFullPath(given) : throw new UsageException($"data folder '{given}' does not exist.");
        }

        string? env = Environment.GetEnvironmentVariable("NEWSNLP_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        return Above(Path.Combine("shared", "data"));
    }

    /// <summary>The first folder <paramref name="relative"/> found in the working directory or above it, or null.</summary>
    public static string? Above(string relative)
    {
        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
