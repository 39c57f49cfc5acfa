namespace Pipeline.Articles;

/// <summary>
/// An opinion piece or report whose dated mentions we set against conflict data. One JSON file in
/// <c>data/articles/</c> per article, so adding an article never needs a code change.
/// </summary>
public sealed record Article
{
    /// <summary>Creates an article and checks that its mentions fit it.</summary>
    /// <param name="id">A slug unique in the catalog (<c>^[a-z0-9][a-z0-9-]*$</c>); reports use it in file names.</param>
    /// <param name="title">The headline, as published (metadata, not body text).</param>
    /// <param name="author">Who wrote it.</param>
    /// <param name="outlet">Where it was published.</param>
    /// <param name="published">The publication day; mentions "last year" or "recently" are relative to it.</param>
    /// <param name="url">Where it can be read, when known.</param>
    /// <param name="language">Lower-case ISO 639 code (e.g. <c>en</c>).</param>
    /// <param name="scopeCountry">The country the article is mainly about; the default data filter.</param>
    /// <param name="paragraphCount">How many paragraphs the article has, so paragraph references can be checked.</param>
    /// <param name="mentions">The dated mentions; ids unique, paragraphs within <paramref name="paragraphCount"/>.</param>
    /// <exception cref="ArgumentException">Any rule above is broken.</exception>
    public Article(
        string id,
        string title,
        string author,
        string outlet,
        DateOnly published,
        Uri? url,
        string language,
        string scopeCountry,
        int paragraphCount,
        IEnumerable<Mention> mentions)
    {
        Id = Preconditions.Slug(id, nameof(id));
        Title = Preconditions.NotBlank(title, nameof(title));
        Author = Preconditions.NotBlank(author, nameof(author));
        Outlet = Preconditions.NotBlank(outlet, nameof(outlet));
        Published = published;
        Url = Preconditions.NullOrWebAddress(url, nameof(url));
        Preconditions.Check(ArticleRules.IsLanguageCode(language), nameof(language), "use a lower-case ISO 639 code such as en");
        Language = language;
        ScopeCountry = Preconditions.NotBlank(scopeCountry, nameof(scopeCountry));
        Preconditions.Check(paragraphCount >= 1, nameof(paragraphCount), "an article has at least one paragraph");
        ParagraphCount = paragraphCount;
        Mentions = Preconditions.List(mentions, nameof(mentions), nonEmpty: false);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in Mentions)
        {
            Preconditions.Check(seen.Add(mention.Id), nameof(mentions), $"mention id '{mention.Id}' is used twice");
            Preconditions.Check(
                mention.Paragraphs.All(p => p <= paragraphCount),
                nameof(mentions),
                $"mention '{mention.Id}' cites a paragraph beyond {paragraphCount}");
        }
    }

    /// <summary>A slug unique in the catalog.</summary>
    public string Id { get; }

    /// <summary>The headline, as published.</summary>
    public string Title { get; }

    /// <summary>Who wrote the article.</summary>
    public string Author { get; }

    /// <summary>Where the article was published.</summary>
    public string Outlet { get; }

    /// <summary>The publication day.</summary>
    public DateOnly Published { get; }

    /// <summary>Where the article can be read, when known.</summary>
    public Uri? Url { get; }

    /// <summary>Lower-case ISO 639 language code.</summary>
    public string Language { get; }

    /// <summary>The country the article is mainly about.</summary>
    public string ScopeCountry { get; }

    /// <summary>How many paragraphs the article has.</summary>
    public int ParagraphCount { get; }

    /// <summary>The dated mentions, in catalog order.</summary>
    public IReadOnlyList<Mention> Mentions { get; }

    /// <summary>Finds a mention by id, or returns null; ids are compared exactly because they are slugs.</summary>
    public Mention? FindMention(string id) => Mentions.FirstOrDefault(m => m.Id == id);
}
