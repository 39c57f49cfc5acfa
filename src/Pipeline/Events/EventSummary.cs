namespace Pipeline.Events;

/// <summary>
/// What a user wants to see first about a loaded file (counts, rejections by reason, span, precision mix,
/// types, years), computed in the library so the CLI, notebooks and tests all show the same figures.
/// </summary>
/// <param name="File">The file.</param>
/// <param name="Layout">The recognised layout.</param>
/// <param name="IsSynthetic">Whether the data are synthetic.</param>
/// <param name="RowsRead">Rows (records) read; see <paramref name="DataLines"/> for the lines they came from.</param>
/// <param name="Loaded">Rows loaded.</param>
/// <param name="Rejected">Rows rejected.</param>
/// <param name="FirstDate">First event date, if any.</param>
/// <param name="LastDate">Last event date, if any.</param>
/// <param name="TotalFatalities">Sum of fatalities (best estimates).</param>
/// <param name="Rejections">Rejections grouped by reason, most frequent first.</param>
/// <param name="Precision">Loaded events per date precision.</param>
/// <param name="EventTypes">Loaded events per harmonised type, with original type names.</param>
/// <param name="Years">Loaded events and fatalities per year.</param>
/// <param name="UnknownEventTypes">Type texts the taxonomy did not know.</param>
/// <param name="Warnings">Loaded rows with something odd about them.</param>
/// <param name="DataLines">The physical lines of a CSV file the records were read from (null for spreadsheets).</param>
/// <param name="ControlCharacterCells">Loaded cells holding NUL or another control character (each also a warning).</param>
public sealed record EventSummary(
    string File,
    string Layout,
    bool IsSynthetic,
    long RowsRead,
    int Loaded,
    int Rejected,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    long TotalFatalities,
    IReadOnlyList<RejectionGroup> Rejections,
    IReadOnlyList<NamedCount> Precision,
    IReadOnlyList<NamedCount> EventTypes,
    IReadOnlyList<YearCount> Years,
    IReadOnlyList<NamedCount> UnknownEventTypes,
    IReadOnlyList<RowWarning> Warnings,
    LineRange? DataLines,
    int ControlCharacterCells)
{
    /// <summary>How many line numbers each rejection group lists.</summary>
    public const int LinesPerGroup = 5;

    /// <summary>Summarises a table; orderings are fixed so output is deterministic.</summary>
    public static EventSummary From(EventTable table)
    {
        var events = table.Events;
        var span = table.DateSpan;
        return new EventSummary(
            table.File,
            table.Layout,
            table.IsSynthetic,
            table.RowsRead,
            table.Loaded,
            table.Rejected,
            span?.First,
            span?.Last,
            events.Sum(e => (long)e.Fatalities),
            table.Rejections
                .GroupBy(r => r.Reason, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new RejectionGroup(g.Key, g.Count(), g.Take(LinesPerGroup).Select(r => r.Line).ToList(), g.First().Hint, g.Take(LinesPerGroup).Select(r => r.Lines).ToList()))
                .ToList(),
            events.GroupBy(e => e.Precision).OrderBy(g => g.Key)
                .Select(g => new NamedCount(g.Key.ToString(), g.Count())).ToList(),
            events.GroupBy(e => e.HarmonisedType).OrderBy(g => g.Key)
                .Select(g => new NamedCount(g.Key.DisplayName(), g.Count(), string.Join("; ", g.Select(e => e.EventType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))))
                .ToList(),
            events.GroupBy(e => e.Date.Year).OrderBy(g => g.Key)
                .Select(g => new YearCount(g.Key, g.Count(), g.Sum(e => (long)e.Fatalities))).ToList(),
            table.UnknownEventTypes.Select(kv => new NamedCount(kv.Key, kv.Value)).ToList(),
            table.Warnings,
            table.DataLines,
            table.Warnings.Count(w => w.Kind == RowWarningKind.ControlCharacter));
    }

    /// <summary>
    /// The rows count with the lines they came from, e.g. <c>2 read (records on physical lines 2–4), 1 loaded, 1 rejected</c>:
    /// when a quote swallowed lines, fewer rows than lines were read, and this says so.
    /// </summary>
    public string RowCounts =>
        $"{RowsRead} read{(DataLines is { } l ? $" (records on physical line{(l.Count > 1 ? "s" : "")} {l})" : "")}, {Loaded} loaded, {Rejected} rejected";
}

/// <summary>Rejections sharing a reason.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Count">How many rows.</param>
/// <param name="FirstLines">The first few line numbers.</param>
/// <param name="Hint">The hint of the first one.</param>
/// <param name="FirstRecords">The physical lines of the same first few rejections (a record may span several).</param>
public sealed record RejectionGroup(string Reason, int Count, IReadOnlyList<long> FirstLines, string Hint, IReadOnlyList<LineRange> FirstRecords)
{
    /// <summary>
    /// The first few records as <c>lines 3, 5–7 (read as one record), 9</c>: a record that spans lines is named with
    /// all of them, so the lines a quote swallowed are never missing from the accounting.
    /// </summary>
    public string Where => "lines " + string.Join(", ", FirstRecords.Select(r => r.Count > 1 ? $"{r} (read as one record)" : r.ToString()));
}

/// <summary>A count under a name, with an optional detail.</summary>
/// <param name="Name">The name.</param>
/// <param name="Count">The count.</param>
/// <param name="Detail">Extra text, e.g. the original names folded into a harmonised type.</param>
public sealed record NamedCount(string Name, int Count, string? Detail = null);

/// <summary>Events and fatalities in one year.</summary>
/// <param name="Year">The year.</param>
/// <param name="Events">Events.</param>
/// <param name="Fatalities">Fatalities.</param>
public sealed record YearCount(int Year, int Events, long Fatalities);
