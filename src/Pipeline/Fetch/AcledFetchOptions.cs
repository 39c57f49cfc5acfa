namespace Pipeline.Fetch;

/// <summary>Where and how <see cref="AcledFetcher"/> downloads. Every URL is configurable so tests can use a local server.</summary>
public sealed record AcledFetchOptions
{
    /// <summary>ACLED's site; the token endpoint is <c>oauth/token</c> and the data endpoints <c>api/acled/read</c> and <c>api/deleted/read</c> under it.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://acleddata.com/");

    /// <summary>Base URL of the API.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>Rows per page (<c>limit</c>); ACLED serves at most 5000.</summary>
    public int PageSize { get; init; } = 5000;

    /// <summary>Safety bound on pages per year range, so a server that never sends an empty page cannot loop forever.</summary>
    public int MaxPagesPerRange { get; init; } = 1000;

    /// <summary>Retry and time-out behaviour.</summary>
    public HttpFetchOptions Http { get; init; } = HttpFetchOptions.Default;

    /// <summary>Reads environment variables (credentials); the process environment by default. Tests pass their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Clock for token expiry, retry delays and recorded fetch times.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Receives one line per page, retry and cache event (the CLI prints them on stderr).</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ParameterException($"{{AcledFetchOptions.BaseUrl}} must be an absolute http(s) URL, got '{BaseUrl}'");
        }

        if (PageSize is < 1 or > 5000)
        {
            throw new ArgumentException($"page size must be 1..5000, got {PageSize}");
        }

        if (MaxPagesPerRange < 1)
        {
            throw new ArgumentException($"MaxPagesPerRange must be positive, got {MaxPagesPerRange}");
        }

        Http.Validate();
    }

    /// <summary>The base URL with a trailing slash, so relative paths append rather than replace its last segment.</summary>
    internal Uri Root => BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
}
