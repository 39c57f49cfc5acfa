using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Reports;

/// <summary>
/// Everything the report computes from one input file (one source), apart from every other source: its events
/// after filtering, its coverage per country, its series, splits, mention views and event study. Nothing here
/// is ever added to another source's numbers.
/// </summary>
public sealed class SourceAnalysis
{
    internal SourceAnalysis(
        DataSource source,
        EventTable table,
        IReadOnlyList<ConflictEvent> events,
        SourceCoverage coverage,
        DateOnly from,
        DateOnly to,
        IntensitySeries overall,
        IReadOnlyList<IntensitySeries> byType,
        IReadOnlyList<IntensitySeries> byAdmin1Monthly,
        IReadOnlyList<IntensitySeries> byActor,
        IReadOnlyList<MentionView> mentions)
    {
        Source = source;
        Table = table;
        Events = events;
        Coverage = coverage;
        From = from;
        To = to;
        Overall = overall;
        ByType = byType;
        ByAdmin1Monthly = byAdmin1Monthly;
        ByActor = byActor;
        Mentions = mentions;
    }

    /// <summary>Which dataset, version, licence, access date and file.</summary>
    public DataSource Source { get; }

    /// <summary>The source's label (<see cref="DataSource.Name"/>), as every table's <c>source</c> column shows it.</summary>
    public string Name => Source.Name;

    /// <summary>The loaded file with its rejections.</summary>
    public EventTable Table { get; }

    /// <summary>True when this source is synthetic: then its charts and rows say SYNTHETIC.</summary>
    public bool IsSynthetic => Table.IsSynthetic;

    /// <summary>The source's events after filtering.</summary>
    public IReadOnlyList<ConflictEvent> Events { get; }

    /// <summary>Declared coverage ∩ extraction, per country.</summary>
    public SourceCoverage Coverage { get; }

    /// <summary>First analysed day of this source (<c>--from</c>, else the first covered day).</summary>
    public DateOnly From { get; }

    /// <summary>Last analysed day of this source (<c>--to</c>, else the last covered day).</summary>
    public DateOnly To { get; }

    /// <summary>The source's events per bin (UCDP's low/high deaths kept as <see cref="IntensitySeries.FatalitiesLow"/>/<see cref="IntensitySeries.FatalitiesHigh"/>).</summary>
    public IntensitySeries Overall { get; }

    /// <summary>Events per bin and harmonised type.</summary>
    public IReadOnlyList<IntensitySeries> ByType { get; }

    /// <summary>Events per month and admin1, named as the source writes them.</summary>
    public IReadOnlyList<IntensitySeries> ByAdmin1Monthly { get; }

    /// <summary>
    /// Events per month and admin1 as the report's heatmap shows them: <see cref="ByAdmin1Monthly"/> in a one-source
    /// report; in a report of two or more sources, named by the admin1 crosswalk (<c>data/reference/admin1_crosswalk.csv</c>)
    /// so that one place has one row name in every source's panel (UCDP's <c>Misrata district</c> and ACLED's
    /// <c>Misratah</c> are both <c>Misratah</c>).
    /// </summary>
    public IReadOnlyList<IntensitySeries> ByAdmin1Compared { get; internal init; } = [];

    /// <summary>
    /// In a report of two or more sources, each admin1 name of this source (as written) with its crosswalk name
    /// (names that map to different crosswalk names in different countries list them joined by <c>; </c>); null in a
    /// one-source report, where nothing is compared.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Admin1Canonical { get; internal init; }

    /// <summary>Events per bin whose actors match each of <see cref="ReportInputs.Actors"/>.</summary>
    public IReadOnlyList<IntensitySeries> ByActor { get; }

    /// <summary>Every mention, classified against this source's coverage of its scope countries.</summary>
    public IReadOnlyList<MentionView> Mentions { get; }

    /// <summary>The event study on this source, one result per mention in mention order, with <see cref="EventStudyResult.Source"/> set and p-values adjusted across all sources' tests.</summary>
    public IReadOnlyList<EventStudyResult> Study { get; internal set; } = [];
}
