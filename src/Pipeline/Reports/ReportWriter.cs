using System.Diagnostics;
using System.Globalization;
using Pipeline.Text;
using Pipeline.Charts;
using Pipeline.Intensity;

namespace Pipeline.Reports;

/// <summary>What a report run wrote, and how long each stage took (timings go to the terminal, never into outputs).</summary>
/// <param name="OutDir">The output folder.</param>
/// <param name="Outputs">Every file written except the manifest, with hashes.</param>
/// <param name="PngNote">Why PNGs are missing, or null when they were written (or not asked for).</param>
/// <param name="Timings">Stage name → duration.</param>
public sealed record ReportResult(string OutDir, IReadOnlyList<ManifestEntry> Outputs, string? PngNote, IReadOnlyList<(string Stage, TimeSpan Duration)> Timings)
{
    /// <summary>Files of the earlier report in the folder that this one no longer produces (removed).</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>Entries of the folder the report did not write, left untouched.</summary>
    public IReadOnlyList<string> LeftAlone { get; init; } = [];
}

/// <summary>
/// Writes a report folder: <c>report.html</c>, <c>tables/*.csv</c>, <c>charts/*.png</c> and
/// <c>manifest.json</c>. Everything is written into a staging folder first and committed at the end through
/// <see cref="OwnedOutputs"/>, so a failed or interrupted run never leaves a half-written report where a good
/// one was, and files the tool did not write are never touched.
/// </summary>
public static class ReportWriter
{
    /// <summary>The report page's file name.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>Builds the charts of a report, in page order: each chart once per source (one panel each, named
    /// <c>{chart}-{source slug}</c> and titled with the source), never one chart of summed sources. A synthetic
    /// source's panels say SYNTHETIC.</summary>
    public static IReadOnlyList<ChartFigure> Charts(ReportAnalysis a)
    {
        var charts = new List<ChartFigure>();
        charts.AddRange(Timelines(a));
        foreach (var build in new Func<SourceAnalysis, ChartFigure>[] { EventTypesOf, Admin1Of, ForestOf })
        {
            charts.AddRange(PerSource(a, build));
        }

        charts.AddRange(MentionWindows(a));
        charts.AddRange(PerSource(a, FatalitiesOf));
        charts.AddRange(Actors(a));
        charts.AddRange(PerSource(a, s => MapOf(a, s)));
        return charts;
    }

    /// <summary><paramref name="build"/> drawn for every source of <paramref name="a"/>, each named for its source (the facade's charts are these).</summary>
    internal static List<ChartFigure> PerSource(ReportAnalysis a, Func<SourceAnalysis, ChartFigure> build) =>
        a.Sources.Select(s => build(s).ForSource(s.Source.Slug, s.Name)).ToList();

    /// <summary>The report's timeline of one source, with the mentions marked.</summary>
    internal static ChartFigure TimelineOf(SourceAnalysis s) => TimelineChart.Build(s.Overall, s.Mentions, s.IsSynthetic);

    /// <summary>The timelines of every source, one panel each, all on the same time axis (the first bin of any
    /// source to the last day of any), so the panels line up.</summary>
    internal static List<ChartFigure> Timelines(ReportAnalysis a)
    {
        var spans = a.Sources.Where(s => s.Overall.Count > 0)
            .Select(s => (First: s.Overall.BinStarts[0], Last: Bins.Next(s.Overall.BinStarts[^1], s.Overall.Bin).AddDays(-1))).ToList();
        (DateOnly, DateOnly)? axis = spans.Count > 0 ? (spans.Min(x => x.First), spans.Max(x => x.Last)) : null;
        return PerSource(a, s => TimelineChart.Build(s.Overall, s.Mentions, s.IsSynthetic, axis: axis));
    }

    /// <summary>The report's events-by-type chart of one source.</summary>
    internal static ChartFigure EventTypesOf(SourceAnalysis s) => EventTypeChart.Build(s.ByType, s.IsSynthetic);

    /// <summary>The report's admin1 × month heatmap of one source (rows named by the admin1 crosswalk when the report compares sources).</summary>
    internal static ChartFigure Admin1Of(SourceAnalysis s) => Admin1HeatmapChart.Build(s.ByAdmin1Compared, s.IsSynthetic);

    /// <summary>The report's forest chart of one source's event study.</summary>
    internal static ChartFigure ForestOf(SourceAnalysis s) => ForestChart.Build(s.Study, s.IsSynthetic, s.Source.Family);

    /// <summary>Every source's mention-windows chart: the bins behind each studied mention's before and after means,
    /// numbered as on the timeline and forest (<see cref="TimelineChart.ByDate"/> over every mention).</summary>
    internal static List<ChartFigure> MentionWindows(ReportAnalysis a) => PerSource(a, s =>
    {
        var windows = NumberedStudy(s)
            .Where(x => x.Result.Events is not null && x.Result.Window is not null)
            .Select(x => new MentionWindow(x.Number, x.Result, ScopedStudy.WindowBins(s.Events, x.Result, a.Inputs.Intensity)!))
            .ToList();
        return MentionWindowChart.Build(windows, s.Study.Count, s.IsSynthetic);
    });

    /// <summary>A source's study results in date order, each with its number on the timeline and forest (every
    /// mention is numbered, studied or not, so the numbers match across charts).</summary>
    private static IEnumerable<(int Number, EventStudyResult Result)> NumberedStudy(SourceAnalysis s) =>
        TimelineChart.ByDate(s.Study, r => r.Target).Select((r, i) => (i + 1, r));

    /// <summary>The report's fatalities chart of one source (UCDP: best estimate with its low–high band).</summary>
    internal static ChartFigure FatalitiesOf(SourceAnalysis s) => FatalitiesChart.Build(s.Overall, s.Events, s.Source.Family, s.IsSynthetic);

    /// <summary>Every source's actor chart: events per month matching each of the report's actor texts.</summary>
    internal static List<ChartFigure> Actors(ReportAnalysis a) => PerSource(a, s =>
        ActorChart.Build(IntensityCalculator.ByActor(s.Events, a.Inputs.Intensity with { Bin = BinUnit.Month }, s.From, s.To, a.Inputs.Actors), s.IsSynthetic));

    /// <summary>The report's map of one source: its events (or, in an aggregate-only report, counts per cell) by type,
    /// and for each studied mention the events inside its study window, named with the mention's number on the timeline.</summary>
    internal static ChartFigure MapOf(ReportAnalysis a, SourceAnalysis s)
    {
        var inWindows = a.WindowEvents.Where(w => w.Source == s.Name).ToLookup(w => w.MentionId);
        var windows = NumberedStudy(s)
            .Where(x => x.Result.Window is not null)
            .Select(x => new MapWindow(ForestChart.RowLabel(x.Number, x.Result.Target), [.. inWindows[x.Result.Target.Id].Select(w => w.Event).Distinct()]))
            .ToList();
        return MapChart.Build(s.Events, windows, s.IsSynthetic, a.Inputs.AggregateOnly);
    }

    /// <summary>The run's parameters as recorded in the page and the manifest.</summary>
    public static IReadOnlyDictionary<string, string> Parameters(ReportAnalysis a)
    {
        var i = a.Inputs;
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["events"] = string.Join(";", i.EventFiles.Select(f => f.Replace('\\', '/'))),
            ["article"] = i.ArticleId,
            ["country"] = i.Filter.Country ?? "(all)",
            ["from"] = (i.Filter.From is { } from ? IsoDate.Format(from) : null) ?? "(each source's first covered day)",
            ["to"] = (i.Filter.To is { } to ? IsoDate.Format(to) : null) ?? "(each source's last covered day)",
            ["bin"] = Bins.Name(i.Intensity.Bin),
            ["imprecise"] = i.Intensity.Imprecise == ImprecisePolicy.Band ? "band" : "spread",
            ["window"] = i.Study.Window.ToString(CultureInfo.InvariantCulture),
            ["min_placebo_windows"] = i.Study.MinimumPlacebos.ToString(CultureInfo.InvariantCulture),
            ["seed"] = i.Study.Seed.ToString(CultureInfo.InvariantCulture),
            ["actors"] = string.Join(";", i.Actors),
        };

        // Only when set, so an ordinary report's parameters (and bytes) are as before.
        if (i.AggregateOnly)
        {
            parameters["aggregate_only"] = "yes: counts per bin, area and map cell; no event-level rows";
        }

        return parameters;
    }

    /// <summary>
    /// Writes the report into <paramref name="outDir"/> through <see cref="OwnedOutputs"/>: the files of an earlier
    /// report there are replaced (and those it no longer produces removed) only once everything is written, and
    /// nothing else in the folder is touched.
    /// </summary>
    /// <exception cref="ArgumentException">The output path is a file, or a non-empty folder with no earlier output of the tool.</exception>
    /// <param name="a">The analysis.</param>
    /// <param name="outDir">Output folder.</param>
    /// <param name="renderer">PNG renderer, or null for no PNGs.</param>
    /// <param name="progress">Stage names, for a progress display.</param>
    /// <param name="ct">Cancels the run; nothing is moved into place then.</param>
    /// <param name="commandLine">For people reading the manifest: the command line that made the run (null from a notebook); nothing reads it back.</param>
    public static async Task<ReportResult> WriteAsync(ReportAnalysis a, string outDir, IChartImageRenderer? renderer, IProgress<string>? progress = null, CancellationToken ct = default, string? commandLine = null)
    {
        using var owned = OwnedOutputs.Begin(outDir, Manifest.FileName);
        var staging = owned.Staging;
        var timings = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        progress?.Report("drawing charts");
        var figures = Charts(a);
        var charts = figures.Select(f => new ReportChart(f.Name, f.Title, ChartHtml.Div(f) + TimelineLegend.For(f.Name, a), Caption(f.Name, a) + " One panel per source; sources are never added together.", f.IsMap)).ToList();
        timings.Add(("charts", clock.Elapsed));
        clock.Restart();

        progress?.Report("writing HTML and tables");
        var parameters = Parameters(a);
        var html = Path.Combine(staging, HtmlFile);
        await File.WriteAllTextAsync(html, HtmlReport.Render(a, charts, PlotlyAssets.PlotlyJs, parameters), ct).ConfigureAwait(false);
        Directory.CreateDirectory(Path.Combine(staging, "tables"));
        foreach (var table in ReportTables.Build(a))
        {
            await File.WriteAllTextAsync(Path.Combine(staging, "tables", table.Name + ".csv"), table.ToCsv(), ct).ConfigureAwait(false);
        }

        timings.Add(("write", clock.Elapsed));
        clock.Restart();

        string? pngNote = null;
        if (renderer is not null)
        {
            progress?.Report("rendering PNGs");
            pngNote = renderer.Unavailable;
            if (pngNote is null)
            {
                var targets = figures.Select(f => ($"chart-{f.Name}", Path.Combine(staging, "charts", f.Name + ".png"))).ToList();
                await renderer.RenderAsync(html, targets, ct).ConfigureAwait(false);
            }

            timings.Add(("png", clock.Elapsed));
            clock.Restart();
        }

        // A fetched file's provenance (query, page hashes, licence) is an input too, so the manifest says where the data came from.
        var events = a.Inputs.EventFiles.Select(a.Inputs.Resolve).ToList();
        var read = events.Concat(events.Select(Fetch.FetchProvenance.PathFor).Where(File.Exists))
            .Concat(Directory.EnumerateFiles(a.Inputs.Resolve(a.Inputs.ArticlesFolder), "*.json"));
        var manifest = ManifestBuilder.Build(new ManifestRun
        {
            ManifestFolder = outDir,
            WrittenFolder = staging,
            Read = read,
            Parameters = parameters,
            Report = ManifestReport.Of(a.Inputs, outDir),
            CommandLine = commandLine,
            SourceFolder = a.Inputs.Folder,
        });
        var outputs = manifest.Outputs;
        await File.WriteAllTextAsync(Path.Combine(staging, Manifest.FileName), manifest.ToJson(), ct).ConfigureAwait(false);

        ct.ThrowIfCancellationRequested();
        var commit = owned.Commit();
        timings.Add(("move", clock.Elapsed));
        return new ReportResult(commit.Folder, outputs, pngNote, timings) { Removed = commit.Removed, LeftAlone = commit.LeftAlone };
    }

    private const string Admin1CrosswalkNote = " Areas are named as in data/reference/admin1_crosswalk.csv, so one place has one row name in every panel (UCDP's \"Misrata district\" and ACLED's \"Misratah\" are both Misratah); tables/admin1_month.csv keeps each source's own names beside these.";

    private static readonly string[] ChartKinds = ["timeline", "event-types", "admin1-heatmap", "forest", "mention-windows", "fatalities", "actors", "map"];

    private static string Caption(string chart, ReportAnalysis a) => ChartKinds.FirstOrDefault(k => chart == k || chart.StartsWith(k + "-", StringComparison.Ordinal)) switch
    {
        "timeline" => $"Events per {Bins.Name(a.Inputs.Intensity.Bin)} bin of this source (UCDP: the low–high band of deaths where present); every source's panel has the same time axis. Each mention drawn carries its number (1, 2, … in date order, as in the table under the chart and the forest chart's rows): dotted lines mark dated points, shaded spans periods. Mentions this source does not cover are listed in full below the chart and in the table. SYNTHETIC charts say so in their title and bottom-right corner.",
        "event-types" => "Events per bin stacked by harmonised event type; each type has the same colour in every report.",
        "admin1-heatmap" => "Events per month in each first-level administrative area (the busiest areas; the rest summed as Other)." + (a.Sources.Count > 1 ? Admin1CrosswalkNote : ""),
        "forest" => "Difference in mean events per bin after (or inside) vs before each mention, rows in date order and numbered as on the timeline, with 95% placebo-inversion intervals; the shaded band holds the changes seen at 95% of placebo windows (every window of the same shape clear of all mentions), so a marker outside it has p < 0.05 and an interval that excludes 0. Markers: circles for ACLED, diamonds for UCDP GED. When no mention can be studied on a source, the chart says so and the study table gives each reason.",
        "mention-windows" => "What each event-study number is made of: for every mention the study could compute on this source (numbered and titled as on the timeline and forest; the rest have no subplot, the study table gives each reason), the events in each bin of the before window (grey) and of the after window, or inside the period (blue), with the two means the forest compares as orange segments (dashed: before). Bin 0 holds the mention's date (a period's first bin). The bins are counted as the study counts them, in the mention's own countries" + (a.Inputs.Intensity.Imprecise == ImprecisePolicy.Band ? ": precisely dated events only (events dated more coarsely than the bin are in the study table's note as a band)." : ": events dated more coarsely than the bin spread over their possible days."),
        "fatalities" => $"Deaths per {Bins.Name(a.Inputs.Intensity.Bin)} bin as each source reports them, all events (imprecise dates included), so the line's total is tables/intensity.csv's fatalities plus imprecise_fatalities. ACLED: reported fatalities (conservative counts). UCDP GED: the best estimate as the line and the summed low–high estimates of the same events as the shaded band; rows whose best estimate lies outside their own low–high range are kept as UCDP publishes them, and the note under the chart counts them and the bins they fall in.",
        "actors" => $"Events per month (imprecise dates included) whose actor fields (actor 1, actor 2 and their associated actors) contain each actor text, ignoring case: one line per text, in the order given, each with its own colour and dash; a text that matches nothing is named under the chart. An event naming two texts is on both lines. A match is a text match on how the dataset names actors, not proof of who was involved. tables/actors.csv has the same events per {Bins.Name(a.Inputs.Intensity.Bin)} bin.",
        "map" => a.Inputs.AggregateOnly
            ? $"Events of this source counted per {MapChart.CellDegrees.ToString(CultureInfo.InvariantCulture)}° cell (a marker at each cell's centre, larger for more events), one colour per harmonised event type as in the other charts; no event is drawn on its own (a report for sharing). Click a type in the legend to hide or show it; the numbered entries (as on the timeline) add the cells of the events inside that mention's study window. Outlines: Natural Earth 1:110m, embedded, so the map draws offline."
            : "Each event of this source at its recorded coordinates, one colour per harmonised event type as in the other charts; hover a point for its date, type, area and fatalities. Click a type in the legend to hide or show it; the numbered entries (as on the timeline), hidden at first, circle the events inside that mention's study window (its before and after, or before and inside, bins). Outlines: Natural Earth 1:110m, embedded, so the map draws offline.",
        _ => "",
    };
}
