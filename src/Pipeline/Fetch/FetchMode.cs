namespace Pipeline.Fetch;

/// <summary>How a fetch treats what is already in the cache.</summary>
public enum FetchMode
{
    /// <summary>Use cached pages; download only what is missing or damaged (an interrupted run resumes).</summary>
    Cached,

    /// <summary>Download every page again and forget earlier incremental updates.</summary>
    Refresh,

    /// <summary>Use the cache, then fetch only rows changed since its newest <c>timestamp</c> and apply deletions.</summary>
    Update,
}
