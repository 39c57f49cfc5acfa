namespace Pipeline.Fetch;

/// <summary>Where UCDP GED events come from.</summary>
public enum UcdpSource
{
    /// <summary>The GED API, paged JSON, needs an access token (<c>UCDP_TOKEN</c>).</summary>
    Api,

    /// <summary>The versioned GED CSV archive (one zip for all countries), no token needed.</summary>
    Archive,
}
