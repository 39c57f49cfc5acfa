namespace Pipeline.Events;

/// <summary>
/// The row accounting shared by every file format and by serial and parallel CSV loading: each record read
/// becomes either an event or a rejection (thrown at once in strict mode), unknown event types and
/// synthetic rows are counted, and the finished <see cref="EventTable"/> is checked to add up.
/// </summary>
internal sealed class EventTableBuilder(string file, EventLoadOptions options)
{
    private readonly List<RowRejection> rejections = [];
    private readonly List<ConflictEvent> events = [];
    private readonly SortedDictionary<string, int> unknownTypes = new(StringComparer.Ordinal);
    private long syntheticRows;
    private long firstLine = long.MaxValue;
    private long lastLine;

    /// <summary>
    /// Whether line numbers are physical lines of a text file (CSV), so that the table can say which lines its
    /// records covered; spreadsheet rows are not.
    /// </summary>
    public bool LinesAreText { get; init; }

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

    /// <summary>Maps the row and keeps the event (with a warning for each cell holding a control character), or records why not.</summary>
    public void Map(IEventRowMapper mapper, RowContext row)
    {
        var ev = mapper.Map(row, out var rejection);
        if (ev is null)
        {
            Reject(rejection!);
            return;
        }

        row.WarnControlCharacters();
        Keep(ev, mapper.IsSyntheticRow(row));
    }

    /// <summary>Keeps an event that was already mapped.</summary>
    public void Keep(ConflictEvent ev, bool isSyntheticRow)
    {
        events.Add(ev);
        if (ev.HarmonisedType == HarmonisedEventType.Unknown)
        {
            unknownTypes[ev.EventType] = unknownTypes.GetValueOrDefault(ev.EventType) + 1;
        }

        if (isSyntheticRow)
        {
            syntheticRows++;
        }
    }

    /// <summary>The table; a file whose header had no rows under it is a file-level error.</summary>
    public EventTable Build(IEventRowMapper mapper, IReadOnlyList<RowWarning> warnings)
    {
        // Every record read became exactly one event or one rejection.
        long rowsRead = events.Count + rejections.Count;
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

        return new EventTable(file, mapper.Source, mapper.Layout, events, rejections, rowsRead, synthetic, unknownTypes, warnings) { HasSyntheticRows = syntheticRows > 0, DataLines = lines };
    }
}
