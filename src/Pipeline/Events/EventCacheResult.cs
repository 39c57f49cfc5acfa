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
}

/// <summary>How a table came to be loaded through the cache, and from which entry.</summary>
/// <param name="Outcome">Hit, written or rebuilt.</param>
/// <param name="EntryPath">The cache file (Arrow IPC) used or written.</param>
/// <param name="InputSha256">The input's SHA-256 (hex), part of the key.</param>
/// <param name="Problem">Why an existing entry was not trusted (for <see cref="EventCacheOutcome.Rebuilt"/>); otherwise null.</param>
public sealed record EventCacheResult(EventCacheOutcome Outcome, string EntryPath, string InputSha256, string? Problem);
