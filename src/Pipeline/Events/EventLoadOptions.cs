namespace Pipeline.Events;

/// <summary>
/// How a file is loaded. A plain class with named defaults, so call sites never pass bare booleans.
/// </summary>
public sealed record EventLoadOptions
{
    /// <summary>The defaults: lax mode, all rejections collected, through the per-user columnar cache (<see cref="Cache"/>).</summary>
    public static EventLoadOptions Default { get; } = new();

    /// <summary>The defaults without the columnar cache: every load parses the file, nothing is written.</summary>
    public static EventLoadOptions Uncached { get; } = new() { Cache = null };

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
    /// The longest record, in bytes, that a CSV file may hold (default 1 MiB; real ACLED and UCDP records are
    /// a few kilobytes). Memory stays bounded by it: a longer record is not buffered but ends the load with an
    /// <see cref="EventFileException"/> naming its line, which is nearly always a quote opened and never
    /// closed (the rest of the file would otherwise become one field). Raise it for files with such fields.
    /// </summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    /// <summary>The default of <see cref="MaxRecordBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxRecordBytes = 1 << 20;

    /// <summary>
    /// The most columns a header may name (default 1,000; ACLED exports have up to 31, UCDP GED 49). A wider
    /// header ends the load with an <see cref="EventFileException"/> rather than indexing every column.
    /// </summary>
    public int MaxColumns { get; init; } = DefaultMaxColumns;

    /// <summary>The default of <see cref="MaxColumns"/>: 1,000.</summary>
    public const int DefaultMaxColumns = 1000;

    /// <summary>
    /// Keep a columnar copy of each loaded file and read it instead of the CSV next time. The default is the
    /// per-user cache (<see cref="EventCacheOptions.ForUser"/>: <c>$XDG_CACHE_HOME/pipeline/events</c>, else
    /// <c>~/.cache/pipeline/events</c>); null turns it off (<see cref="Uncached"/>). The result is the same table
    /// either way; <see cref="EventTable.Cache"/> says which happened (null when no cache was asked for).
    /// </summary>
    public EventCacheOptions? Cache { get; init; } = EventCacheOptions.ForUser();
}
