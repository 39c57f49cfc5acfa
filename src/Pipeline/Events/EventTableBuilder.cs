namespace Pipeline.Events;

/// <summary>
/// The row accounting shared by every file format: each record read becomes either an event or a
/// rejection (thrown at once in strict mode), unknown event types and synthetic rows are counted, and the
/// finished <see cref="EventTable"/> is checked to add up.
/// </summary>
internal sealed class EventTableBuilder(string file, EventLoadOptions options)
{
    private readonly List<RowRejection> rejections = [];
    private readonly List<ConflictEvent> events = [];
    private readonly SortedDictionary<string, int> unknownTypes = new(StringComparer.Ordinal);
    private long rowsRead;
    private long syntheticRows;

    /// <summary>Chooses the row mapper from the header, or throws the file-level error that names what was found.</summary>
    public static IEventRowMapper ChooseMapper(HeaderIndex header, string file) =>
        AcledReader.Recognises(header) ? AcledReader.Create(header, file)
        : UcdpGedReader.Recognises(header) ? UcdpGedReader.Create(header, file)
        : throw new EventFileException(file, "the header matches neither ACLED nor UCDP GED",
            $"ACLED files have event_date, event_type and fatalities; UCDP GED files have type_of_violence, date_start and best. Found: {string.Join(", ", header.Names.Take(12))}{(header.Count > 12 ? ", …" : "")}",
            line: 1);

    /// <summary>Counts a record that was not loaded; throws <see cref="RowRejectedException"/> in strict mode.</summary>
    public void Reject(RowRejection rejection)
    {
        rowsRead++;
        if (options.Strict)
        {
            throw new RowRejectedException(rejection);
        }

        rejections.Add(rejection);
    }

    /// <summary>Maps the current record and counts it either way.</summary>
    public void Map(IEventRowMapper mapper, RowContext row)
    {
        var ev = mapper.Map(row, out var rejection);
        if (ev is null)
        {
            Reject(rejection!);
            return;
        }

        rowsRead++;
        events.Add(ev);
        if (ev.HarmonisedType == HarmonisedEventType.Unknown)
        {
            unknownTypes[ev.EventType] = unknownTypes.GetValueOrDefault(ev.EventType) + 1;
        }

        if (mapper.IsSyntheticRow(row))
        {
            syntheticRows++;
        }
    }

    /// <summary>The finished table; throws when the file held a header but no data records.</summary>
    public EventTable Build(IEventRowMapper mapper, IReadOnlyList<RowWarning> warnings)
    {
        if (rowsRead == 0)
        {
            throw new EventFileException(file, "the file has a header but no data rows", "export the data again, or check that the filter used for the export matched any events", line: 1);
        }

        var synthetic = EventLoader.NameSaysSynthetic(file) || syntheticRows > 0;
        return new EventTable(file, mapper.Source, mapper.Layout, events, rejections, rowsRead, synthetic, unknownTypes, warnings) { HasSyntheticRows = syntheticRows > 0 };
    }
}
