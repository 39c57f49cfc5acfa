using System.Globalization;
using Pipeline.Charts;
using Pipeline.Events;
using Pipeline.Intensity;
using Pipeline.Reports;
using Pipeline.Text;

namespace Pipeline;

/// <summary>
/// The notebook facade's steps after loading (<see cref="Load"/>), one call each: explore one file
/// (<see cref="Overview(EventTable)"/>, <see cref="Summary"/>, <see cref="EventTypes"/>, its charts), and on an
/// analysis (<see cref="EventData.Analyse(OpEd, string?, int?, long?)"/>) draw each chart of the report once per
/// source and write the report folder. Every chart reads SYNTHETIC from the data it is drawn from.
/// </summary>
public static class Steps
{
    /// <summary>One line: SYNTHETIC when it is, the layout, rows read / loaded / rejected and the date span.</summary>
    public static string Overview(this EventTable table)
    {
        var s = EventSummary.From(table);
        return string.Create(CultureInfo.InvariantCulture, $"{(s.IsSynthetic ? "SYNTHETIC DATA - " : "")}{s.Layout}: {s.RowsRead} rows read, {s.Loaded} loaded, {s.Rejected} rejected; {Day(s.FirstDate)} .. {Day(s.LastDate)}");
    }

    /// <summary>The day as <see cref="IsoDate"/> writes it; empty when there is none (a file with no event loaded).</summary>
    private static string Day(DateOnly? day) => day is { } d ? IsoDate.Format(d) : "";

    /// <summary>What <c>pipeline inspect</c> shows of the file: rejections by reason, precision, types, years, warnings.</summary>
    public static EventSummary Summary(this EventTable table) => EventSummary.From(table);

    /// <summary>Events and fatalities per bin and harmonised event type over the file's whole span.</summary>
    /// <param name="table">The loaded file.</param>
    /// <param name="bin"><c>day</c>, <c>week</c>, <c>acled-week</c> or <c>month</c>.</param>
    /// <exception cref="ArgumentException">Unknown bin, or no event loaded from the file.</exception>
    public static IReadOnlyList<IntensitySeries> EventTypes(this EventTable table, string bin)
    {
        var (options, first, last) = Span(table, bin);
        return IntensityCalculator.Split(table.Events, options, first, last, e => e.HarmonisedType.DisplayName());
    }

    /// <summary>The file's events per bin, stacked by harmonised type (SYNTHETIC when the file is).</summary>
    /// <exception cref="ArgumentException">Unknown bin, or no event loaded from the file.</exception>
    public static ChartFigure EventTypeChart(this EventTable table, string bin) => Charts.EventTypeChart.Build(table.EventTypes(bin), table.IsSynthetic);

    /// <summary>The file's events per bin over its whole span with the article's mentions marked, each classified
    /// against the file's declared coverage (SYNTHETIC when the file is).</summary>
    /// <exception cref="ArgumentException">Unknown bin, or no event loaded from the file.</exception>
    public static ChartFigure TimelineChart(this EventTable table, OpEd article, string bin)
    {
        ArgumentNullException.ThrowIfNull(article);
        var (options, first, last) = Span(table, bin);
        var coverage = DeclaredCoverage.For(DataSource.For(table), table.Events); // declared coverage ∩ what the file was extracted for
        var overall = IntensityCalculator.Compute(table.Events, options, first, last);
        return Charts.TimelineChart.Build(overall, MentionView.For(article.Article, coverage, options.Bin), table.IsSynthetic);
    }

    /// <summary>One line per source: SYNTHETIC when it is, its name, events analysed, span and mentions.</summary>
    public static string Overview(this ReportAnalysis analysis) =>
        string.Join("\n", analysis.Sources.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{(s.IsSynthetic ? "SYNTHETIC DATA - " : "")}{s.Name}: {s.Events.Count} events, {IsoDate.Format(s.From)} .. {IsoDate.Format(s.To)}; {s.Mentions.Count} mentions")));

    /// <summary>The timeline with the mentions, one chart per source on one shared time axis (as in the report).</summary>
    public static IReadOnlyList<ChartFigure> TimelineCharts(this ReportAnalysis analysis) =>
        ReportWriter.Timelines(analysis);

    /// <summary>Events per bin by harmonised type, one chart per source.</summary>
    public static IReadOnlyList<ChartFigure> EventTypeCharts(this ReportAnalysis analysis) =>
        ReportWriter.PerSource(analysis, ReportWriter.EventTypesOf);

    /// <summary>Events per month and admin1, one chart per source.</summary>
    public static IReadOnlyList<ChartFigure> Admin1HeatmapCharts(this ReportAnalysis analysis) =>
        ReportWriter.PerSource(analysis, ReportWriter.Admin1Of);

    /// <summary>The event study's differences with their intervals and placebo bands, one chart per source.</summary>
    public static IReadOnlyList<ChartFigure> ForestCharts(this ReportAnalysis analysis) =>
        ReportWriter.PerSource(analysis, ReportWriter.ForestOf);

    /// <summary>For every mention the study could compute, the events per bin of its before and after (or inside)
    /// windows with the two means compared, one chart per source.</summary>
    public static IReadOnlyList<ChartFigure> MentionWindowCharts(this ReportAnalysis analysis) =>
        ReportWriter.MentionWindows(analysis);

    /// <summary>Deaths per bin (UCDP GED: best estimate with its low–high band), one chart per source.</summary>
    public static IReadOnlyList<ChartFigure> FatalitiesCharts(this ReportAnalysis analysis) =>
        ReportWriter.PerSource(analysis, ReportWriter.FatalitiesOf);

    /// <summary>Events per month matching each of the analysis's actor texts, one chart per source.</summary>
    public static IReadOnlyList<ChartFigure> ActorCharts(this ReportAnalysis analysis) =>
        ReportWriter.Actors(analysis);

    /// <summary>The map of each source's events (counts per 0.5° cell when the inputs are aggregate only), with each
    /// studied mention's window events in the legend, hidden until clicked; one panel per source.</summary>
    public static IReadOnlyList<ChartFigure> MapCharts(this ReportAnalysis analysis) =>
        ReportWriter.PerSource(analysis, s => ReportWriter.MapOf(analysis, s));

    /// <summary>The events difference of one mention under every sensitivity setting, every source in one chart.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="mentionId">The mention; default: the first with a computable setting.</param>
    /// <exception cref="ArgumentException">The mention has no computable setting (or none has); the message lists those that have.</exception>
    public static ChartFigure SensitivityChart(this ReportAnalysis analysis, string? mentionId = null)
    {
        var rows = analysis.Sensitivity.Rows;
        var studied = mentionId ?? rows.FirstOrDefault(r => r.IsComputable)?.MentionId;
        if (studied is null || !rows.Any(r => r.MentionId == studied && r.IsComputable))
        {
            var computable = rows.Where(r => r.IsComputable).Select(r => r.MentionId).Distinct().ToList();
            throw new ArgumentException($"no computable sensitivity setting for mention '{studied ?? "(any)"}'; mentions with one: {(computable.Count == 0 ? "none" : string.Join(", ", computable))}", nameof(mentionId));
        }

        return Charts.SensitivityChart.Build(rows.Where(r => r.MentionId == studied).ToList(), $"sensitivity-{studied}", $"Sensitivity of the events difference: {studied}", analysis.IsSynthetic);
    }

    /// <summary>Writes the report folder <c>pipeline report</c> writes (see <see cref="ReportWriter.WriteAsync"/>) into
    /// <paramref name="outDir"/> (relative: from the repository root), without PNGs unless a renderer is given.</summary>
    /// <exception cref="ArgumentException">The output path is a file, or a non-empty folder with no earlier output of the tool.</exception>
    public static Task<ReportResult> WriteReportAsync(this ReportAnalysis analysis, string outDir, IChartImageRenderer? renderer = null, CancellationToken ct = default) =>
        ReportWriter.WriteAsync(analysis, Load.Resolve(outDir), renderer, null, ct);

    private static (IntensityOptions Options, DateOnly First, DateOnly Last) Span(EventTable table, string bin)
    {
        var options = IntensityOptions.Default with { Bin = Bins.Parse(bin) };
        var span = table.DateSpan ?? throw new ArgumentException($"no event was loaded from {table.File} ({table.Rejected} rows rejected; see table.Summary().Rejections)", nameof(table));
        return (options, span.First, span.Last);
    }
}
