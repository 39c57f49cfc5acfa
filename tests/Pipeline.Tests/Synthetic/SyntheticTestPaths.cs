namespace Pipeline.Tests.Synthetic;

/// <summary>Finds the repository from the test's output folder, so tests can read committed data.</summary>
internal static class SyntheticTestPaths
{
    /// <summary>The folder that holds Pipeline.sln, found by walking up from the test binaries.</summary>
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

            throw new DirectoryNotFoundException($"No folder containing Pipeline.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The committed default events file.</summary>
    public static string DefaultEventsFile =>
        Path.Combine(RepoRoot, "data", "events", Pipeline.Synthetic.SyntheticAcledGenerator.DefaultFileName);
}
