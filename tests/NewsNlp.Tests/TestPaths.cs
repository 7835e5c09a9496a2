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
