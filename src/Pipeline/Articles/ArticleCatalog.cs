using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Pipeline.Articles;

/// <summary>
/// The articles the pipeline knows, keyed by id. One JSON file per article in a folder, so a new
/// article is a new file and nothing else; every file is validated on load and the first problem
/// stops the load with an <see cref="ArticleCatalogException"/> that says where and why.
/// </summary>
public sealed class ArticleCatalog : IReadOnlyCollection<Article>
{
    private readonly ValueList<Article> articles;
    private readonly Dictionary<string, Article> byId;

    /// <summary>Builds a catalog from articles already in memory (e.g. in tests or notebooks).</summary>
    /// <exception cref="ArgumentException">Two articles share an id.</exception>
    public ArticleCatalog(IEnumerable<Article> articles)
    {
        this.articles = Preconditions.List(articles, nameof(articles), nonEmpty: false);
        byId = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in this.articles)
        {
            Preconditions.Check(byId.TryAdd(article.Id, article), nameof(articles), $"article id '{article.Id}' is used twice");
        }
    }

    /// <summary>The articles in load order (file-name order for <see cref="LoadFolder"/>), so output is deterministic.</summary>
    public IReadOnlyList<Article> Articles => articles;

    /// <summary>How many articles the catalog holds.</summary>
    public int Count => articles.Count;

    /// <summary>The article with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such article; the message lists the ids that exist.</exception>
    public Article this[string id] => TryGet(id, out var article)
        ? article
        : throw new KeyNotFoundException($"No article with id '{id}'. Known ids: {string.Join(", ", byId.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>
    /// Loads every <c>*.json</c> file directly in <paramref name="folder"/>, in ordinal file-name
    /// order so that the same folder always gives the same catalog. Other files (a README) are ignored.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ArticleCatalogException">A file is invalid, or two files share an article id.</exception>
    public static ArticleCatalog LoadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Article folder not found: {Path.GetFullPath(folder)}");
        }

        // Filter on the extension ourselves: a "*.json" pattern can also match ".jsonx" on Windows.
        var files = Directory.EnumerateFiles(folder)
            .Where(f => string.Equals(Path.GetExtension(f), ".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        var loaded = new List<Article>();
        var fileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var reader = new ArticleJsonReader(file, File.ReadAllBytes(file));
            var article = reader.Read();
            if (fileOf.TryGetValue(article.Id, out var earlier))
            {
                throw reader.Error(
                    ArticleErrorKind.DuplicateId,
                    "$.id",
                    reader.ArticleIdOffset,
                    article.Id,
                    "another article already uses this id",
                    $"article ids must be unique across the catalog; {Path.GetFileName(earlier)} uses it too");
            }

            fileOf.Add(article.Id, file);
            loaded.Add(article);
        }

        return new ArticleCatalog(loaded);
    }

    /// <summary>Loads and validates one article file.</summary>
    /// <exception cref="ArticleCatalogException">The file is not a valid article.</exception>
    public static Article LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new ArticleJsonReader(path, File.ReadAllBytes(path)).Read();
    }

    /// <summary>Validates article JSON held in memory; <paramref name="file"/> only labels errors.</summary>
    /// <exception cref="ArticleCatalogException">The text is not a valid article.</exception>
    public static Article Parse(string json, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new ArticleJsonReader(file, Encoding.UTF8.GetBytes(json)).Read();
    }

    /// <summary>Looks an article up without throwing.</summary>
    public bool TryGet(string id, [MaybeNullWhen(false)] out Article article) => byId.TryGetValue(id, out article);

    /// <inheritdoc/>
    public IEnumerator<Article> GetEnumerator() => articles.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
