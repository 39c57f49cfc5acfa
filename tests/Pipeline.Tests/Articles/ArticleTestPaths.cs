namespace Pipeline.Tests.Articles;

/// <summary>Where the article tests find the repository, the shipped catalog, fixtures and the op-ed.</summary>
internal static class ArticleTestPaths
{
    /// <summary>The folder holding Pipeline.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot => Support.TestPaths.RepoRoot;

    public static string ShippedArticles => Support.TestPaths.Project.Articles;

    public static string ShippedOpEdFile => Path.Combine(ShippedArticles, "2020-01-03-daily-sabah-libya-turkey.json");

    /// <summary>The op-ed text lives outside the repository (it is not ours to ship).</summary>
    public static string OpEdText => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "seeds", "op-ed.txt"));

    /// <summary>True on a CI runner, where a missing input must fail rather than pass vacuously.</summary>
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Fixture(string relative) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "articles", relative.Replace('/', Path.DirectorySeparatorChar));
}
