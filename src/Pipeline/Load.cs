using Pipeline.Articles;
using Pipeline.Events;

namespace Pipeline;

/// <summary>
/// The notebook facade's loading steps, one call each: events (<see cref="Events"/>: one or more files of any
/// supported source, each its own source), one file to explore (<see cref="EventFile"/>) and an article from a
/// catalog (<see cref="Article"/>). A relative path is taken from the repository root (the folder holding
/// <c>Pipeline.sln</c> above the current folder), as the notebooks' parameters are; outside a checkout, from the
/// current folder. What comes back knows whether it is synthetic, so the charts and the report drawn from it say
/// SYNTHETIC without being told (see <see cref="Steps"/>).
/// </summary>
public static class Load
{
    /// <summary>Loads every file (ACLED or UCDP GED, CSV or Excel) as its own source, in the order given.</summary>
    /// <param name="files">One or more events files.</param>
    /// <exception cref="ArgumentException">No file given.</exception>
    /// <exception cref="EventFileException">A file cannot be read; the message names the file and line.</exception>
    public static EventData Events(params string[] files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Length == 0)
        {
            throw new ArgumentException($"name at least one events file, e.g. Load.Events(\"data/events/{ProjectPaths.DefaultEventsFileName}\")", nameof(files));
        }

        return new EventData(files.Select(f => EventLoader.Load(Resolve(f))).ToList());
    }

    /// <summary>Loads one events file to explore (its summary, event types, timeline; see <see cref="Steps"/>).</summary>
    /// <exception cref="EventFileException">The file cannot be read; the message names the file and line.</exception>
    public static EventTable EventFile(string file) => EventLoader.Load(Resolve(file));

    /// <summary>Loads the article <paramref name="id"/> from the catalog folder (default: the repository's <c>data/articles/</c>).</summary>
    /// <exception cref="ArgumentException">No article of that id in the catalog; the message lists the ids it has.</exception>
    /// <exception cref="ArticleCatalogException">A catalog file is invalid; the message names the file, line and column.</exception>
    public static OpEd Article(string id, string? catalogFolder = null)
    {
        var folder = catalogFolder is null ? ProjectPaths.Find().Articles : Resolve(catalogFolder);
        var catalog = ArticleCatalog.LoadFolder(folder);
        return catalog.TryGet(id, out var article)
            ? new OpEd(article, folder)
            : throw new ArgumentException($"unknown article '{id}'; the catalog in {folder} has: {string.Join(", ", catalog.Articles.Select(a => a.Id))}", nameof(id));
    }

    /// <summary>A rooted path as it is; a relative one from the repository root, or from the current folder outside a checkout.</summary>
    internal static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        try
        {
            return Path.Combine(ProjectPaths.Find().Root, path);
        }
        catch (DirectoryNotFoundException)
        {
            return Path.GetFullPath(path);
        }
    }
}

/// <summary>An article and the catalog folder it was loaded from (the report records that folder as an input).</summary>
/// <param name="Article">The article: metadata and dated mentions.</param>
/// <param name="CatalogFolder">The folder of the catalog.</param>
public sealed record OpEd(Article Article, string CatalogFolder)
{
    /// <summary>The article's id.</summary>
    public string Id => Article.Id;
}
