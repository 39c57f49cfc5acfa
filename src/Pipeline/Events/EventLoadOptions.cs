namespace Pipeline.Events;

/// <summary>
/// How a file is loaded. A plain class with named defaults, so call sites never pass bare booleans.
/// </summary>
public sealed record EventLoadOptions
{
    /// <summary>The defaults: lax mode, all rejections collected.</summary>
    public static EventLoadOptions Default { get; } = new();

    /// <summary>
    /// Stop at the first row that cannot be loaded (throwing <see cref="RowRejectedException"/>) instead of
    /// collecting it. Use it when a file is supposed to be clean and any bad row means a wrong export.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Values that mean "no value" in any text or number cell, besides the empty string. ACLED exports that
    /// passed through R write <c>NA</c>.
    /// </summary>
    public IReadOnlyList<string> MissingValues { get; init; } = ["NA"];

    /// <summary>
    /// Threads that map records of a large file (read and checked in order by one thread, mapped on the
    /// others, results kept in file order). 0, the default, means one per processor; 1 reads on the calling
    /// thread only. Files under a few megabytes and strict mode always use one thread.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Keep a columnar copy of each loaded file and read it instead of the CSV next time (null, the default:
    /// no cache). The result is the same table either way; <see cref="EventTable.Cache"/> says which happened.
    /// </summary>
    public EventCacheOptions? Cache { get; init; }
}
