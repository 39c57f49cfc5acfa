using System.Runtime.InteropServices;

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

    /// <summary>
    /// Loads and summarises one file, the way <c>inspect</c> does: the same summary as
    /// <see cref="From"/>(<see cref="EventLoader.Load(string, EventLoadOptions)"/>), byte for byte.
    /// </summary>
    /// <remarks>
    /// A CSV file loaded without the cache is counted as it is read (every check, rejection and warning as in a
    /// load, through the same row mappers) without building a <see cref="ConflictEvent"/> per row: a
    /// million-row file spent most of <c>inspect</c>'s time and memory on records it never looked at again.
    /// Through the cache (which stores the loaded table) and for spreadsheets the table is loaded and summarised.
    /// </remarks>
    /// <exception cref="EventFileException">The file cannot be read as event data at all.</exception>
    /// <exception cref="RowRejectedException">Strict mode, at the first row that cannot be loaded.</exception>
    public static EventSummary Load(string path, EventLoadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        return options.Cache is null && !ExcelEventReader.Handles(path)
            ? EventLoader.SummariseCsv(path, options)
            : From(EventLoader.Load(path, options));
    }

    /// <summary>Summarises a table; orderings are fixed so output is deterministic.</summary>
    /// <remarks>
    /// One pass over the events (or, for a table read from the columnar cache, over its columns, so its
    /// records are never built) counts precision, types and years together; a million-row file once spent a
    /// fifth of <c>inspect</c>'s time in three LINQ groupings that each copied every event.
    /// </remarks>
    public static EventSummary From(EventTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var counts = table.Columns is { } columns ? Count(columns) : Count(table.Events);
        var span = table.Columns is null ? counts.Span : table.DateSpan;
        return Create(table.File, table.Layout, table.IsSynthetic, table.RowsRead, table.Loaded, table.Rejections, counts, span, table.UnknownEventTypes, table.Warnings, table.DataLines);
    }

    /// <summary>The summary of counted rows and the load's accounting: shared by <see cref="From"/> and the counting load.</summary>
    internal static EventSummary Create(
        string file,
        string layout,
        bool isSynthetic,
        long rowsRead,
        int loaded,
        IReadOnlyList<RowRejection> rejections,
        Counts counts,
        (DateOnly First, DateOnly Last)? span,
        IReadOnlyDictionary<string, int> unknownEventTypes,
        IReadOnlyList<RowWarning> warnings,
        LineRange? dataLines) =>
        new(
            file,
            layout,
            isSynthetic,
            rowsRead,
            loaded,
            rejections.Count,
            span?.First,
            span?.Last,
            counts.TotalFatalities,
            rejections
                .GroupBy(r => r.Reason, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new RejectionGroup(g.Key, g.Count(), g.Take(LinesPerGroup).Select(r => r.Line).ToList(), g.First().Hint, g.Take(LinesPerGroup).Select(r => r.Lines).ToList()))
                .ToList(),
            [.. counts.Precision.Select((n, p) => (n, p)).Where(x => x.n > 0).Select(x => new NamedCount(((DatePrecision)x.p).ToString(), x.n))],
            [.. counts.Types.Select((n, t) => (n, t)).Where(x => x.n > 0)
                .Select(x => new NamedCount(((HarmonisedEventType)x.t).DisplayName(), x.n, string.Join("; ", counts.Written[x.t].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))))],
            [.. counts.Years.Select(y => new YearCount(y.Key, y.Value.Events, y.Value.Fatalities))],
            unknownEventTypes.Select(kv => new NamedCount(kv.Key, kv.Value)).ToList(),
            warnings,
            dataLines,
            warnings.Count(w => w.Kind == RowWarningKind.ControlCharacter));

    private static Counts Count(IReadOnlyList<ConflictEvent> events)
    {
        var c = new Counts();
        foreach (var e in events)
        {
            c.Add(CountedEvent.Of(e));
        }

        return c;
    }

    private static Counts Count(EventColumns columns)
    {
        var c = new Counts();
        var (types, codes) = columns.Decoded(EventTextField.EventType);
        var days = columns.DayNumbers;
        var precision = columns.Precision;
        var harmonised = columns.HarmonisedTypes;
        var fatalities = columns.Fatalities;
        for (var i = 0; i < days.Length; i++)
        {
            c.Add(precision[i], harmonised[i], types[codes[i]]!, days[i], fatalities[i]);
        }

        return c;
    }

    /// <summary>The per-event tallies of a summary, indexed by enum value (and year, in order).</summary>
    internal sealed class Counts
    {
        private int yearStart = int.MaxValue;
        private int yearEnd = int.MinValue;
        private (int Year, int Events, long Fatalities) current;

        public int[] Precision { get; } = new int[Enum.GetValues<DatePrecision>().Max(p => (int)p) + 1];

        public int[] Types { get; } = new int[Enum.GetValues<HarmonisedEventType>().Max(t => (int)t) + 1];

        /// <summary>
        /// The type names as written in the file, per harmonised type, by reference: the reader pools repeated
        /// values, so this holds a handful of strings and costs no string hashing (made distinct by text at the end).
        /// </summary>
        public HashSet<string>[] Written { get; } = [.. Enum.GetValues<HarmonisedEventType>().Select(_ => new HashSet<string>(ReferenceEqualityComparer.Instance))];

        /// <summary>First date and last (end) date seen by <see cref="Cover"/>; null when nothing was.</summary>
        public (DateOnly First, DateOnly Last)? Span => first <= last ? (first, last) : null;

        private DateOnly first = DateOnly.MaxValue;
        private DateOnly last = DateOnly.MinValue;

        public void Cover(DateOnly date, DateOnly end)
        {
            first = date < first ? date : first;
            last = end > last ? end : last;
        }

        /// <summary>Events and fatalities per year, in year order.</summary>
        public IEnumerable<KeyValuePair<int, (int Events, long Fatalities)>> Years
        {
            get
            {
                Flush();
                return years.OrderBy(y => y.Key);
            }
        }

        public long TotalFatalities { get; private set; }

        // A hash map sorted once at the end: a file not in date order changes year at almost every row, and a
        // sorted tree's lookups there cost inspect a few per cent of its time (profiled on 1,000,000 rows).
        private readonly Dictionary<int, (int Events, long Fatalities)> years = [];

        /// <summary>Counts one loaded event and widens the date span to cover it.</summary>
        public void Add(in CountedEvent e)
        {
            Add((int)e.Precision, (int)e.HarmonisedType, e.EventType, e.Date.DayNumber, e.Fatalities);
            Cover(e.Date, e.End);
        }

        public void Add(int precision, int type, string written, int dayNumber, int fatalities)
        {
            Precision[precision]++;
            Types[type]++;
            Written[type].Add(written);
            TotalFatalities += fatalities;

            // Events come in runs of one year far more often than not: look the year up only when the day leaves the run's year.
            if (dayNumber < yearStart || dayNumber >= yearEnd)
            {
                Flush();
                var year = DateOnly.FromDayNumber(dayNumber).Year;
                yearStart = new DateOnly(year, 1, 1).DayNumber;
                yearEnd = year == DateOnly.MaxValue.Year ? int.MaxValue : new DateOnly(year + 1, 1, 1).DayNumber;
                current = (year, 0, 0);
            }

            current.Events++;
            current.Fatalities += fatalities;
        }

        private void Flush()
        {
            if (current.Events > 0)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(years, current.Year, out _);
                slot = (slot.Events + current.Events, slot.Fatalities + current.Fatalities);
                current = (current.Year, 0, 0);
            }
        }
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
