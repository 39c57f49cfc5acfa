namespace Pipeline.Events;

/// <summary>
/// Where and how <see cref="EventLoader"/> keeps a columnar copy (Apache Arrow IPC) of each loaded file, so
/// that loading the same file again reads the checked events instead of parsing and validating the CSV.
/// </summary>
/// <param name="Folder">The cache folder; created when missing. See <see cref="DefaultFolder"/>.</param>
/// <remarks>
/// An entry is found by the SHA-256 of the input's bytes (its content, not its name or time: a changed file
/// can never be served an entry of its old content, and a copied or re-downloaded file with the same bytes
/// finds its entry), the loader version and the options that change what is loaded (missing-value markers).
/// To avoid hashing a large file on every load, its hash is remembered together with the file's full path,
/// size and last-write time, and recomputed when any of these change, or when the hash was taken within two
/// seconds of the file's last write (a file rewritten twice within the file system's timestamp granularity
/// can keep its size and time). Only a tool that changes a file and then sets its last-write time back
/// could get past that; set <see cref="VerifyInputHash"/> to hash the input on every load regardless.
/// The folder holds a <c>CACHEDIR.TAG</c>; a folder that holds other files and no tag is not used.
/// </remarks>
public sealed record EventCacheOptions(string Folder)
{
    /// <summary>The cache in <see cref="DefaultFolder"/> (read when this is called, so <c>XDG_CACHE_HOME</c> set before applies).</summary>
    public static EventCacheOptions ForUser() => new(DefaultFolder);

    /// <summary>
    /// <c>$XDG_CACHE_HOME/pipeline/events</c>, else <c>~/.cache/pipeline/events</c>: a per-user folder outside
    /// the repository, so that no cache file is ever committed and every checkout shares the entries.
    /// </summary>
    public static string DefaultFolder
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "pipeline", "events");
        }
    }

    /// <summary>Hash the input on every load instead of trusting an unchanged path, size and last-write time.</summary>
    public bool VerifyInputHash { get; init; }

    /// <summary>
    /// Called with one line whenever a cache entry is found unusable (corrupt, truncated, unreadable) and
    /// rebuilt from the CSV, besides <see cref="EventTable.Cache"/> saying so.
    /// </summary>
    public Action<string>? Report { get; init; }

    /// <summary>The loader version in the key; only tests change it, to show that a new version invalidates old entries.</summary>
    internal int LoaderVersion { get; init; } = EventCache.LoaderVersion;
}
