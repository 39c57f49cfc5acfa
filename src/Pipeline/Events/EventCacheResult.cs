namespace Pipeline.Events;

/// <summary>What the columnar cache did for one load.</summary>
public enum EventCacheOutcome
{
    /// <summary>The table was read from an intact cache entry; the CSV was not parsed.</summary>
    Hit,

    /// <summary>No entry existed for this input, loader version and options; the CSV was loaded and an entry written.</summary>
    Written,

    /// <summary>An entry existed but was corrupt, truncated or unreadable; it was discarded, the CSV loaded and the entry rewritten.</summary>
    Rebuilt,

    /// <summary>
    /// The cache could not be used (its folder holds files this tool did not write, or cannot be created or
    /// written); the CSV was loaded as without a cache and <see cref="EventCacheResult.Problem"/> says why.
    /// </summary>
    Unused,
}

/// <summary>How a table came to be loaded through the cache, and from which entry.</summary>
/// <param name="Outcome">Hit, written, rebuilt or unused.</param>
/// <param name="EntryPath">The cache file (Arrow IPC) used or written; the cache folder when the cache was unused before an entry was named.</param>
/// <param name="InputSha256">The input's SHA-256 (hex), part of the key; empty when the cache was unused before the input was hashed.</param>
/// <param name="Problem">Why an existing entry was not trusted (<see cref="EventCacheOutcome.Rebuilt"/>) or the cache was not used (<see cref="EventCacheOutcome.Unused"/>); otherwise null.</param>
public sealed record EventCacheResult(EventCacheOutcome Outcome, string EntryPath, string InputSha256, string? Problem);
