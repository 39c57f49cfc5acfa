using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>
/// Raw API responses on disk, each under a key that names the query (never a credential), with its SHA-256
/// in <c>index.json</c>. A page is stored only after it was read successfully, by an atomic rename, and the
/// index is rewritten atomically after each page, so an interrupted or failed download leaves a cache that
/// is valid up to the last good page. A file whose bytes no longer match its hash is reported and treated
/// as missing, so it is fetched again. The index has its own SHA-256 in <c>index.json.sha256</c>: an index
/// that no longer matches it (or is not JSON) is reported and started afresh.
/// </summary>
internal sealed class PageCache
{
    /// <summary>The index's file name inside the cache folder.</summary>
    public const string IndexFileName = "index.json";

    /// <summary>The suffix of the index's hash file (<c>index.json.sha256</c>).</summary>
    public const string HashSuffix = ".sha256";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly string folder;
    private readonly Action<string>? progress;
    private readonly CacheIndex index;

    private PageCache(string folder, CacheIndex index, Action<string>? progress)
    {
        this.folder = folder;
        this.index = index;
        this.progress = progress;
    }

    /// <summary>The cache folder.</summary>
    public string Folder => folder;

    /// <summary>Pages found damaged (hash mismatch, missing file) during this run.</summary>
    public int Damaged { get; private set; }

    /// <summary>Opens (or starts) the cache in <paramref name="folder"/>; an unreadable index is reported and replaced.</summary>
    public static PageCache Open(string folder, Action<string>? progress)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, IndexFileName);
        CacheIndex? index = null;
        if (File.Exists(path))
        {
            try
            {
                var bytes = File.ReadAllBytes(path);
                index = JsonSerializer.Deserialize<CacheIndex>(bytes, Json);
                if (File.Exists(path + HashSuffix)
                    && !string.Equals(File.ReadAllText(path + HashSuffix).Trim(), Sha256Hex.Of(bytes), StringComparison.Ordinal))
                {
                    // Valid JSON but not what was written: a changed key, date or hash cannot be told from a good one.
                    index = null;
                    progress?.Invoke($"cache: {path} does not match its SHA-256 in {IndexFileName}{HashSuffix} (altered or truncated); starting an empty index, pages will be fetched again");
                }
            }
            catch (JsonException ex)
            {
                progress?.Invoke($"cache: {path} is not valid JSON ({ex.Message}); starting an empty index, pages will be fetched again");
            }
        }

        return new PageCache(folder, index ?? new CacheIndex(), progress);
    }

    /// <summary>The entry for a key, if the index has one (not verified).</summary>
    public CacheEntry? Entry(string key) => index.Pages.GetValueOrDefault(key);

    /// <summary>
    /// The verified file for a key, or null when the key is not cached or its file is missing or damaged
    /// (reported through the progress callback).
    /// </summary>
    public string? TryGet(string key)
    {
        if (index.Pages.GetValueOrDefault(key) is not { } entry)
        {
            return null;
        }

        var path = Path.Combine(folder, entry.File);
        if (!File.Exists(path))
        {
            Damaged++;
            progress?.Invoke($"cache: {entry.File} listed in the index is missing; fetching it again");
            return null;
        }

        var actual = Sha256Of(path);
        if (!string.Equals(actual, entry.Sha256, StringComparison.Ordinal))
        {
            Damaged++;
            progress?.Invoke($"cache: {entry.File} does not match its SHA-256 (expected {entry.Sha256[..12]}…, found {actual[..12]}…); fetching it again");
            return null;
        }

        return path;
    }

    /// <summary>Stores bytes under a key (atomically) and records them in the index.</summary>
    public CacheEntry Store(string key, ReadOnlySpan<byte> bytes, int rows, string extension, DateTimeOffset fetchedAt)
    {
        var file = FileFor(key, extension);
        AtomicFile.Write(Path.Combine(folder, file), bytes);
        return Record(key, file, Sha256Hex.Of(bytes), bytes.Length, rows, fetchedAt);
    }

    /// <summary>Moves a finished download into the cache under a key and records it.</summary>
    public CacheEntry StoreFile(string key, string downloadedFile, int rows, string extension, DateTimeOffset fetchedAt)
    {
        var file = FileFor(key, extension);
        var target = Path.Combine(folder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var hash = Sha256Of(downloadedFile);
        var size = new FileInfo(downloadedFile).Length;
        File.Move(downloadedFile, target, overwrite: true);
        return Record(key, file, hash, size, rows, fetchedAt);
    }

    /// <summary>A staging path inside the cache folder for a download in progress (same volume, so the final move is a rename).</summary>
    public string StagingPath(string extension) => AtomicFile.StagingPath(Path.Combine(folder, "pages", "download" + extension));

    /// <summary>The incremental updates applied so far to a dataset, oldest first.</summary>
    public IReadOnlyList<CacheUpdate> Updates(string datasetKey) => index.Updates.GetValueOrDefault(datasetKey) ?? [];

    /// <summary>Records one more applied update for a dataset.</summary>
    public void AddUpdate(string datasetKey, CacheUpdate update)
    {
        index.Updates[datasetKey] = [.. Updates(datasetKey), update];
        SaveIndex();
    }

    /// <summary>Forgets a dataset's updates (a full refetch supersedes them).</summary>
    public void ClearUpdates(string datasetKey)
    {
        if (index.Updates.Remove(datasetKey))
        {
            SaveIndex();
        }
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string Sha256Of(string path)
    {
        return Sha256Hex.OfFile(path);
    }

    private CacheEntry Record(string key, string file, string sha256, long bytes, int rows, DateTimeOffset fetchedAt)
    {
        var entry = new CacheEntry(file, sha256, bytes, rows, IsoDate.FormatUtc(fetchedAt));
        index.Pages[key] = entry;
        SaveIndex();
        return entry;
    }

    /// <summary>
    /// Writes the index, then its SHA-256 beside it (<c>index.json.sha256</c>). A crash between the two leaves
    /// a mismatch, which reads as a damaged index: pages are fetched again, never trusted on a wrong index.
    /// </summary>
    private void SaveIndex()
    {
        var path = Path.Combine(folder, IndexFileName);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(index, Json);
        AtomicFile.Write(path, bytes);
        AtomicFile.Write(path + HashSuffix, Encoding.ASCII.GetBytes(Sha256Hex.Of(bytes) + "\n"));
    }

    /// <summary>A file name derived from the key's hash, so keys may hold any characters.</summary>
    private static string FileFor(string key, string extension) =>
        "pages/" + Sha256Hex.Of(key)[..24] + extension;

    /// <summary>The index file: page entries by key and the updates applied per dataset, both sorted for stable diffs.</summary>
    internal sealed class CacheIndex
    {
        public int Format { get; set; } = 1;

        public SortedDictionary<string, CacheEntry> Pages { get; set; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, CacheUpdate[]> Updates { get; set; } = new(StringComparer.Ordinal);
    }
}

/// <summary>One cached response.</summary>
/// <param name="File">Path relative to the cache folder, with '/'.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the stored bytes.</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Rows">Records the response held (−1 when not counted, e.g. an archive).</param>
/// <param name="FetchedUtc">When it was downloaded.</param>
internal sealed record CacheEntry(string File, string Sha256, long Bytes, int Rows, string FetchedUtc);

/// <summary>One incremental update applied to a cached dataset.</summary>
/// <param name="Since">The <c>timestamp</c> threshold it asked for (rows changed after it).</param>
/// <param name="AppliedUtc">When it was fetched.</param>
internal sealed record CacheUpdate(long Since, string AppliedUtc);
