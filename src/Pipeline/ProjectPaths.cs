namespace Pipeline;

/// <summary>
/// The project's folders, found from any folder inside the checkout (notebooks run from <c>notebooks/</c>,
/// the CLI from the root), so no path is built twice and notebooks need no hard-coded "..".
/// </summary>
/// <param name="Root">The folder holding Pipeline.sln.</param>
public sealed record ProjectPaths(string Root)
{
    /// <summary>The default synthetic events file's name (the generator owns it).</summary>
    public const string DefaultEventsFileName = Synthetic.SyntheticAcledGenerator.DefaultFileName;

    /// <summary><c>data/events/</c>.</summary>
    public string EventsFolder => Path.Combine(Root, "data", "events");

    /// <summary>The synthetic default events file.</summary>
    public string DefaultEvents => Path.Combine(EventsFolder, DefaultEventsFileName);

    /// <summary><c>data/articles/</c>, the article catalog.</summary>
    public string Articles => Path.Combine(Root, "data", "articles");

    /// <summary><c>out/</c>, where generated files go by default.</summary>
    public string Out => Path.Combine(Root, "out");

    /// <summary>Finds the checkout holding <paramref name="start"/> (default: the current folder).</summary>
    /// <exception cref="DirectoryNotFoundException">No Pipeline.sln above the folder.</exception>
    public static ProjectPaths Find(string? start = null) =>
        TryFind(start) ?? throw new DirectoryNotFoundException($"no Pipeline.sln in {Path.GetFullPath(start ?? Environment.CurrentDirectory)} or above; start from inside the Pipeline checkout");

    /// <summary>The checkout holding <paramref name="start"/> (default: the current folder), or null outside one. The project's one repository-root finder.</summary>
    public static ProjectPaths? TryFind(string? start = null)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start ?? Environment.CurrentDirectory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return new ProjectPaths(dir.FullName);
            }
        }

        return null;
    }
}
