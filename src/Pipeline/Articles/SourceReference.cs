namespace Pipeline.Articles;

/// <summary>
/// Where a claim check's record comes from. Kept as title, publisher and address so a report can
/// cite it without fetching anything, and so a reader can judge the source's authority at a glance.
/// </summary>
public sealed record SourceReference
{
    /// <summary>Creates a citation.</summary>
    /// <param name="title">The document's or page's title.</param>
    /// <param name="publisher">Who published it (e.g. United Nations Security Council).</param>
    /// <param name="url">An absolute http(s) address.</param>
    /// <param name="accessed">When we read it, if known; the catalog is written offline, so often unknown.</param>
    /// <param name="verified">True only when we read the cited page (a stored copy counts) and it states what the
    /// record cites it for; false when the citation could not be checked here, and reports then mark it unverified.</param>
    /// <exception cref="ArgumentException">A text is blank or the address is not http(s).</exception>
    public SourceReference(string title, string publisher, Uri url, DateOnly? accessed = null, bool verified = false)
    {
        Title = Preconditions.NotBlank(title, nameof(title));
        Publisher = Preconditions.NotBlank(publisher, nameof(publisher));
        Url = Preconditions.WebAddress(url, nameof(url));
        Accessed = accessed;
        Verified = verified;
    }

    /// <summary>The document's or page's title.</summary>
    public string Title { get; }

    /// <summary>Who published the source.</summary>
    public string Publisher { get; }

    /// <summary>Where the source can be read.</summary>
    public Uri Url { get; }

    /// <summary>When we read the source, if recorded.</summary>
    public DateOnly? Accessed { get; }

    /// <summary>True when we checked that the cited page states what the record cites it for; false marks the
    /// citation unverified (e.g. cited from memory, or no copy could be read offline).</summary>
    public bool Verified { get; }
}
