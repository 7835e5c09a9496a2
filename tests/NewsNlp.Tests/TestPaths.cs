namespace NewsNlp.Tests;

/// <summary>Finds the repository root and the shared folders beside it.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared/seeds beside the repository, or null when absent.</summary>
    public static string? Seeds => Existing(Path.Combine(RepositoryRoot, "..", "shared", "seeds"));

    /// <summary>../shared/data beside the repository, or null when absent.</summary>
    public static string? Data => Existing(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string Samples => Path.Combine(RepositoryRoot, "docs", "samples");

    private static string? Existing(string path) => Directory.Exists(path) ? Path.GetFullPath(path) : null;

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsNlp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NewsNlp.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs ../shared/seeds; skipped with a message where the seed articles are absent.</summary>
public sealed class SeedsFactAttribute : FactAttribute
{
    public SeedsFactAttribute()
    {
        if (TestPaths.Seeds is null)
        {
            Skip = "../shared/seeds is absent: the seed-article checks need it.";
        }
    }
}

/// <summary>A fact that needs ../shared/data; skipped with a message where the data folder is absent.</summary>
public sealed class DataFactAttribute : FactAttribute
{
    public DataFactAttribute(string subfolder)
    {
        if (TestPaths.Data is null || !Directory.Exists(Path.Combine(TestPaths.Data, subfolder)))
        {
            Skip = $"../shared/data/{subfolder} is absent: this check needs it.";
        }
    }
}

/// <summary>A fact that needs Node.js, Chromium and tests/browser/node_modules (npm ci); skipped with a message otherwise.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        string chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium) || FindOnPath("node") is null || !Directory.Exists(Path.Combine(TestPaths.RepositoryRoot, "tests", "browser", "node_modules", "playwright-core")))
        {
            Skip = $"the browser check needs node, Chromium ({chromium}; set CHROMIUM) and 'npm ci --prefix tests/browser'.";
        }
    }

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
