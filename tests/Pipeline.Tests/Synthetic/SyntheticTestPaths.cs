namespace Pipeline.Tests.Synthetic;

/// <summary>Finds the repository from the test's output folder, so tests can read committed data.</summary>
internal static class SyntheticTestPaths
{
    /// <summary>The folder that holds Pipeline.sln.</summary>
    public static string RepoRoot => Support.TestPaths.RepoRoot;

    /// <summary>The committed default events file.</summary>
    public static string DefaultEventsFile =>
        Support.TestPaths.Project.DefaultEvents;
}
