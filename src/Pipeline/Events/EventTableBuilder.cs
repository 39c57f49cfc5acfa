namespace Pipeline.Events;

/// <summary>
/// The row accounting shared by every file format and by serial and parallel CSV loading: each record read
/// becomes either an event or a rejection (thrown at once in strict mode), unknown event types and
/// synthetic rows are counted, and the finished <see cref="EventTable"/> is checked to add up. With
/// <see cref="CountOnly"/> the loaded rows are counted for an <see cref="EventSummary"/> instead of kept as records.
/// </summary>
internal sealed class EventTableBuilder(string file, EventLoadOptions options)
{
    private readonly List<RowRejection> rejections = [];
    private readonly List<ConflictEvent> events = [];
    private readonly EventSummary.Counts counts = new();
    private int loaded;
    private readonly SortedDictionary<string, int> unknownTypes = new(StringComparer.Ordinal);
    private long syntheticRows;
    private long firstLine = long.MaxValue;
    private long lastLine;

    /// <summary>
    /// Whether line numbers are physical lines of a text file (CSV), so that the table can say which lines its
    /// records covered; spreadsheet rows are not.
    /// </summary>
    public bool LinesAreText { get; init; }

    /// <summary>
    /// When set, rows are checked by every rule but no <see cref="ConflictEvent"/> is built: loaded rows are only
    /// counted, and <see cref="BuildSummary"/> gives the summary (what <c>inspect</c> needs of a file).
    /// </summary>
    public bool CountOnly { get; init; }

    /// <summary>The reader for the layout the header shows, or the file-level error saying it is neither.</summary>
    public static IEventRowMapper ChooseMapper(HeaderIndex header, string file) =>
        AcledReader.Recognises(header) ? AcledReader.Create(header, file)
        : UcdpGedReader.Recognises(header) ? UcdpGedReader.Create(header, file)
        : throw new EventFileException(file, "the header matches neither ACLED nor UCDP GED",
            $"ACLED files have event_date, event_type and fatalities; UCDP GED files have type_of_violence, date_start and best. Found: {string.Join(", ", header.Names.Take(12).Select(HeaderIndex.Show))}{(header.Count > 12 ? ", …" : "")}",
            line: 1);

    /// <summary>
    /// Records a row that was not loaded. Safe to call from the CSV reader's scanning thread while the loading
    /// thread keeps events (parallel loading reports malformed records that way).
    /// </summary>
    public void Reject(RowRejection rejection)
    {
        if (options.Strict)
        {
            throw new RowRejectedException(rejection);
        }

        lock (rejections)
        {
            rejections.Add(rejection);
        }
    }

    /// <summary>
    /// Adds rejections that were collected apart (in file order) and puts all of them in line order:
    /// parallel loading learns of malformed records and of bad values on different threads.
    /// </summary>
    public void MergeRejections(IReadOnlyList<RowRejection> inLineOrder)
    {
        lock (rejections)
        {
            var merged = new List<RowRejection>(rejections.Count + inLineOrder.Count);
            int i = 0, j = 0;
            while (i < rejections.Count || j < inLineOrder.Count)
            {
                merged.Add(j >= inLineOrder.Count || (i < rejections.Count && rejections[i].Line <= inLineOrder[j].Line) ? rejections[i++] : inLineOrder[j++]);
            }

            rejections.Clear();
            rejections.AddRange(merged);
        }
    }

    /// <summary>Notes the physical lines of a record read by the loading thread (rejections carry their own).</summary>
    public void Covered(long first, long last)
    {
        firstLine = Math.Min(firstLine, first);
        lastLine = Math.Max(lastLine, last);
    }

    /// <summary>
    /// Maps the current row (with <see cref="CountOnly"/>, only checks it) and warns about each cell of a loaded row
    /// holding a control character. Changes nothing in the builder, so parallel loading calls it on its workers.
    /// </summary>
    public bool TryRead(IEventRowMapper mapper, RowContext row, out LoadedRow loadedRow, out RowRejection? rejection)
    {
        loadedRow = default;
        ConflictEvent? ev = null;
        CountedEvent counted = default;
        if (CountOnly)
        {
            if (!mapper.TryCount(row, out counted, out rejection))
            {
                return false;
            }
        }
        else
        {
            ev = mapper.Map(row, out rejection);
            if (ev is null)
            {
                return false;
            }
        }

        row.WarnControlCharacters();
        loadedRow = new LoadedRow(ev, counted, mapper.IsSyntheticRow(row));
        return true;
    }

    /// <summary>Maps the row and keeps it (see <see cref="TryRead"/>), or records why not.</summary>
    public void Map(IEventRowMapper mapper, RowContext row)
    {
        if (TryRead(mapper, row, out var loadedRow, out var rejection))
        {
            Keep(loadedRow);
        }
        else
        {
            Reject(rejection!);
        }
    }

    /// <summary>Keeps a row that was already read: its record, or with <see cref="CountOnly"/> its counts.</summary>
    public void Keep(in LoadedRow row)
    {
        HarmonisedEventType type;
        string written;
        if (row.Event is { } ev)
        {
            events.Add(ev);
            (type, written) = (ev.HarmonisedType, ev.EventType);
        }
        else
        {
            counts.Add(row.Counted);
            (type, written) = (row.Counted.HarmonisedType, row.Counted.EventType);
        }

        loaded++;
        if (type == HarmonisedEventType.Unknown)
        {
            unknownTypes[written] = unknownTypes.GetValueOrDefault(written) + 1;
        }

        if (row.IsSyntheticRow)
        {
            syntheticRows++;
        }
    }

    /// <summary>The table; a file whose header had no rows under it is a file-level error.</summary>
    public EventTable Build(IEventRowMapper mapper, IReadOnlyList<RowWarning> warnings)
    {
        if (CountOnly)
        {
            throw new InvalidOperationException("a builder that only counts has no events; use BuildSummary");
        }

        var (rowsRead, synthetic, lines) = Account();
        return new EventTable(file, mapper.Source, mapper.Layout, events, rejections, rowsRead, synthetic, unknownTypes, warnings) { HasSyntheticRows = syntheticRows > 0, DataLines = lines };
    }

    /// <summary>The summary of a <see cref="CountOnly"/> load: the same as <see cref="EventSummary.From"/> of the table <see cref="Build"/> would give.</summary>
    public EventSummary BuildSummary(IEventRowMapper mapper, IReadOnlyList<RowWarning> warnings)
    {
        if (!CountOnly)
        {
            throw new InvalidOperationException("a builder that keeps events summarises through Build and EventSummary.From");
        }

        var (rowsRead, synthetic, lines) = Account();
        return EventSummary.Create(file, mapper.Layout, synthetic, rowsRead, loaded, rejections, counts, counts.Span, unknownTypes, warnings, lines);
    }

    /// <summary>Rows read, whether the data are synthetic and the lines covered; a file whose header had no rows under it is a file-level error.</summary>
    private (long RowsRead, bool Synthetic, LineRange? Lines) Account()
    {
        // Every record read became exactly one loaded row or one rejection.
        long rowsRead = loaded + rejections.Count;
        if (rowsRead == 0)
        {
            throw new EventFileException(file, "the file has a header but no data rows", "export the data again, or check that the filter used for the export matched any events", line: 1);
        }

        var synthetic = EventLoader.NameSaysSynthetic(file) || syntheticRows > 0;
        LineRange? lines = null;
        if (LinesAreText)
        {
            // Malformed records reach only the rejections (the reader reports them), so they count here too.
            var first = Math.Min(firstLine, rejections.Count > 0 ? rejections.Min(r => r.Line) : long.MaxValue);
            var last = Math.Max(lastLine, rejections.Count > 0 ? rejections.Max(r => r.LastLine) : 0);
            lines = new LineRange(first, last);
        }

        return (rowsRead, synthetic, lines);
    }
}

/// <summary>A row that passed every check: its record, or when only counting what a summary counts of it (default otherwise), and whether it carries the synthetic marker.</summary>
internal readonly record struct LoadedRow(ConflictEvent? Event, CountedEvent Counted, bool IsSyntheticRow);
