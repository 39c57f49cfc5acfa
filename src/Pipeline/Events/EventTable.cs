namespace Pipeline.Events;

/// <summary>
/// The events loaded from one file together with every rejected row and the counts, so a caller can
/// always account for each input row: <see cref="RowsRead"/> = <see cref="Loaded"/> + <see cref="Rejected"/>
/// (checked on construction).
/// </summary>
public sealed class EventTable
{
    /// <summary>Builds a table; throws when the counts do not add up, which would mean a row was lost.</summary>
    public EventTable(
        string file,
        EventSource source,
        string layout,
        IReadOnlyList<ConflictEvent> events,
        IReadOnlyList<RowRejection> rejections,
        long rowsRead,
        bool isSynthetic,
        IReadOnlyDictionary<string, int> unknownEventTypes,
        IReadOnlyList<RowWarning>? warnings = null)
    {
        if (rowsRead != events.Count + rejections.Count)
        {
            throw new InvalidOperationException($"{file}: {rowsRead} rows read but {events.Count} loaded + {rejections.Count} rejected; a row was lost");
        }

        File = file;
        Source = source;
        Layout = layout;
        Events = events;
        Rejections = rejections;
        RowsRead = rowsRead;
        IsSynthetic = isSynthetic;
        UnknownEventTypes = unknownEventTypes;
        Warnings = warnings ?? [];
    }

    /// <summary>
    /// The events column by column when the table was read from the columnar cache (and holds no UCDP date
    /// ranges or fatality bands); null otherwise. <see cref="Intensity.IntensityCalculator"/> and
    /// <see cref="EventSummary"/> use it when present, so that counting a cached table never builds its events.
    /// </summary>
    public EventColumns? Columns => (Events as ColumnarEvents)?.Columns;

    /// <summary>What the columnar cache did for this load; null when it was loaded without one (see <see cref="EventLoadOptions.Cache"/>).</summary>
    public EventCacheResult? Cache { get; private init; }

    /// <summary>Whether some row carried the generator's source marker (as opposed to only the file name saying "synthetic").</summary>
    internal bool HasSyntheticRows { get; init; }

    /// <summary>The same table, marked with what the cache did.</summary>
    internal EventTable With(EventCacheResult cache) =>
        new(File, Source, Layout, Events, Rejections, RowsRead, IsSynthetic, UnknownEventTypes, Warnings) { HasSyntheticRows = HasSyntheticRows, Cache = cache, DataLines = DataLines };

    /// <summary>
    /// The physical lines of a CSV file that its data records were read from, first to last (null for
    /// spreadsheets, whose rows are not lines). More lines than <see cref="RowsRead"/> means some records
    /// were read from several lines (quoted line breaks, or a quote left open; see <see cref="RowRejection.LastLine"/>),
    /// or that empty lines were skipped.
    /// </summary>
    public LineRange? DataLines { get; init; }

    /// <summary>Loaded rows with something odd about them (kept as published, see <see cref="RowWarning"/>).</summary>
    public IReadOnlyList<RowWarning> Warnings { get; }

    /// <summary>The file the events came from.</summary>
    public string File { get; }

    /// <summary>Dataset family.</summary>
    public EventSource Source { get; }

    /// <summary>The layout recognised from the header (e.g. "ACLED 2018 export (29 columns)").</summary>
    public string Layout { get; }

    /// <summary>The loaded events, in file order.</summary>
    public IReadOnlyList<ConflictEvent> Events { get; }

    /// <summary>Every row that was not loaded, in file order.</summary>
    public IReadOnlyList<RowRejection> Rejections { get; }

    /// <summary>Data records read (the header, empty lines and nothing else excluded); one record may span several lines, see <see cref="DataLines"/>.</summary>
    public long RowsRead { get; }

    /// <summary>Number of loaded events.</summary>
    public int Loaded => Events.Count;

    /// <summary>Number of rejected rows.</summary>
    public int Rejected => Rejections.Count;

    /// <summary>
    /// True when the data are not real: the file name says "synthetic" or rows carry the generator's
    /// source marker. Every chart and report built on such data must say SYNTHETIC.
    /// </summary>
    public bool IsSynthetic { get; }

    /// <summary>Event-type texts that the taxonomy did not recognise, with counts (kept, not rejected).</summary>
    public IReadOnlyDictionary<string, int> UnknownEventTypes { get; }

    /// <summary>First and last event date, or null when nothing was loaded.</summary>
    public (DateOnly First, DateOnly Last)? DateSpan =>
        Events.Count == 0 ? null
        : Columns is { } c ? (DateOnly.FromDayNumber(Min(c.DayNumbers)), DateOnly.FromDayNumber(Max(c.DayNumbers)))
        : (Events.Min(e => e.Date), Events.Max(e => e.DateEnd ?? e.Date));

    private static int Min(ReadOnlySpan<int> values)
    {
        var min = int.MaxValue;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }

    private static int Max(ReadOnlySpan<int> values)
    {
        var max = int.MinValue;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
