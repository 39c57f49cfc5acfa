namespace Pipeline.Tests.Support;

/// <summary>Where fixtures, the repository and the shared real data are, found from the test binary.</summary>
internal static class TestPaths
{
    public static string Fixture(string area, string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", area, name);

    public static string Events(string name) => Fixture("events", name);

    /// <summary>The repository root: the nearest folder above the test binary holding Pipeline.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"Pipeline.sln not found above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The project's own folders (data/events, data/articles, …) in this checkout.</summary>
    public static ProjectPaths Project => new(RepoRoot);

    /// <summary>../shared/data/real beside the repository (read-only real extracts; never copied here).</summary>
    public static string RealData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "real"));

    public static bool RealDataAvailable => Directory.Exists(RealData);

    /// <summary>Under CI the real data must be there, so real-data tests run instead of skipping.</summary>
    public static bool RealDataRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Real(string relative)
    {
        var path = Path.Combine(RealData, relative);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"real-data file missing: {path} (CI=true requires ../shared/data/real beside the repository)", path);
        }

        return path;
    }
}

/// <summary>
/// A fact over the real files in ../shared/data/real: skipped with a reason when they are absent on a
/// developer machine, but run (and failing loudly) under CI=true, where they must be present.
/// </summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (!TestPaths.RealDataAvailable && !TestPaths.RealDataRequired)
        {
            Skip = $"real data not found at {TestPaths.RealData}; place ../shared beside the repository (required when CI=true)";
        }
    }
}

/// <summary>The theory form of <see cref="RealDataFactAttribute"/>.</summary>
public sealed class RealDataTheoryAttribute : TheoryAttribute
{
    public RealDataTheoryAttribute()
    {
        if (!TestPaths.RealDataAvailable && !TestPaths.RealDataRequired)
        {
            Skip = $"real data not found at {TestPaths.RealData}; place ../shared beside the repository (required when CI=true)";
        }
    }
}
