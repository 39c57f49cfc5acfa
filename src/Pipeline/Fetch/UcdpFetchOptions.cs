namespace Pipeline.Fetch;

/// <summary>Where and how <see cref="UcdpFetcher"/> downloads. Both base URLs are configurable so tests can use a local server.</summary>
public sealed record UcdpFetchOptions
{
    /// <summary>Environment variable holding the GED API access token.</summary>
    public const string TokenVariable = "UCDP_TOKEN";

    /// <summary>The GED API's host; requests go to <c>api/gedevents/{version}</c> under it.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://ucdpapi.pcr.uu.se/");

    /// <summary>UCDP's download site; the archive is <c>downloads/ged/ged{version without dot}-csv.zip</c> under it.</summary>
    public static readonly Uri DefaultArchiveBaseUrl = new("https://ucdp.uu.se/");

    /// <summary>Base URL of the API.</summary>
    public Uri ApiBaseUrl { get; init; } = DefaultApiBaseUrl;

    /// <summary>Base URL of the archive downloads.</summary>
    public Uri ArchiveBaseUrl { get; init; } = DefaultArchiveBaseUrl;

    /// <summary>Events per API page (<c>pagesize</c>; UCDP serves at most 1000).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Safety bound on API pages.</summary>
    public int MaxPages { get; init; } = 1000;

    /// <summary>Retry and time-out behaviour.</summary>
    public HttpFetchOptions Http { get; init; } = HttpFetchOptions.Default;

    /// <summary>Reads environment variables (the token); the process environment by default.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Clock for retry delays and recorded fetch times.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Receives one line per page, retry and cache event.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        foreach (var (url, name) in new[] { (ApiBaseUrl, "{UcdpFetchOptions.ApiBaseUrl}"), (ArchiveBaseUrl, "{UcdpFetchOptions.ArchiveBaseUrl}") })
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            {
                throw new ParameterException($"{name} must be an absolute http(s) URL, got '{url}'");
            }
        }

        if (PageSize is < 1 or > 1000)
        {
            throw new ArgumentException($"page size must be 1..1000, got {PageSize}");
        }

        if (MaxPages < 1)
        {
            throw new ArgumentException($"MaxPages must be positive, got {MaxPages}");
        }

        Http.Validate();
    }

    internal static Uri WithSlash(Uri u) => u.AbsoluteUri.EndsWith('/') ? u : new Uri(u.AbsoluteUri + "/");
}
