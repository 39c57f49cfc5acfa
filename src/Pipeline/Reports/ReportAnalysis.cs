using Pipeline.Articles;
using Pipeline.Events;
using Pipeline.Intensity;
using Pipeline.Text;

namespace Pipeline.Reports;

/// <summary>
/// The computed content of a report, independent of how it is rendered: the article, and per input file (one
/// <see cref="SourceAnalysis"/> each) its events, coverage, series, mention views and event study. Sources are
/// analysed apart and shown side by side; nothing is summed across them. Notebooks use this directly; the HTML
/// writer only formats it.
/// </summary>
public sealed class ReportAnalysis
{
    private ReportAnalysis(ReportInputs inputs, Article article, IReadOnlyList<EventTable> tables, IReadOnlyList<SourceAnalysis> sources, IReadOnlyList<MentionView> mentions, int studyFamily)
    {
        Inputs = inputs;
        Article = article;
        Tables = tables;
        Sources = sources;
        Mentions = mentions;
        StudyFamily = studyFamily;
        Claims = ClaimRow.For(mentions);
        Agreement = SourceAgreement.For(sources.Select(s => (s.Name, s.Study)).ToList());
    }

    private ReportSensitivity? sensitivity;

    private IReadOnlyList<WindowEvent>? windowEvents;

    /// <summary>The sensitivity table and the events behind each window, computed on first use (see <see cref="ReportSensitivity.For"/>).</summary>
    public ReportSensitivity Sensitivity => sensitivity ??= ReportSensitivity.For(this);

    /// <summary>The events inside each studied mention's windows at this run's setting (<c>tables/window_events.csv</c>,
    /// the map's mention layers), computed on first use without the sensitivity grid.</summary>
    public IReadOnlyList<WindowEvent> WindowEvents => windowEvents ??= ReportSensitivity.WindowEventsOf(this);

    /// <summary>What the report was computed from.</summary>
    public ReportInputs Inputs { get; }

    /// <summary>The article.</summary>
    public Article Article { get; }

    /// <summary>One table per input file, with its rejections, in input order.</summary>
    public IReadOnlyList<EventTable> Tables { get; }

    /// <summary>One analysis per input file, in input order.</summary>
    public IReadOnlyList<SourceAnalysis> Sources { get; }

    /// <summary>True when any input is synthetic: then the report says SYNTHETIC (and so does every chart of a synthetic source).</summary>
    public bool IsSynthetic => Tables.Any(t => t.IsSynthetic);

    /// <summary>Every mention of the article; its coverage is the best any source gives it (per-source coverage is in <see cref="SourceAnalysis.Mentions"/>).</summary>
    public IReadOnlyList<MentionView> Mentions { get; }

    /// <summary>Every source's event-study results, mention by mention and within a mention source by source (see <see cref="EventStudyResult.Source"/>).</summary>
    public IReadOnlyList<EventStudyResult> Study => Enumerable.Range(0, Mentions.Count).SelectMany(i => Sources.Select(s => s.Study[i])).ToList();

    /// <summary>How many p-values (studied mentions × events, fatalities × sources) the Holm and Benjamini–Hochberg adjustments were taken over.</summary>
    public int StudyFamily { get; }

    /// <summary>For each mention × outcome studied by two or more sources, whether they agree.</summary>
    public IReadOnlyList<SourceAgreement> Agreement { get; }

    /// <summary>Claim-check rows, one per mention.</summary>
    public IReadOnlyList<ClaimRow> Claims { get; }

    /// <summary>Loads every file as its own source, filters and computes everything per source; throws with a one-line message on bad input.</summary>
    /// <param name="inputs">What to analyse.</param>
    /// <param name="progress">Receives a line per step, when given.</param>
    /// <param name="load">
    /// How the events files are loaded: <see cref="EventLoadOptions.Default"/> (through the per-user columnar cache)
    /// when null; <see cref="EventLoadOptions.Uncached"/> parses every file. The analysis is the same either way.
    /// </param>
    /// <exception cref="ArgumentException">Unknown article or country, empty range, window larger than every source's data, unreadable provenance file.</exception>
    public static ReportAnalysis Run(ReportInputs inputs, IProgress<string>? progress = null, EventLoadOptions? load = null) => Run(inputs, null, progress, load);

    /// <summary>As <see cref="Run(ReportInputs, IProgress{string}?, EventLoadOptions?)"/>, on <paramref name="loaded"/> (one table per
    /// <see cref="ReportInputs.EventFiles"/> entry, in that order) when the files were loaded already.</summary>
    internal static ReportAnalysis Run(ReportInputs inputs, IReadOnlyList<EventTable>? loaded, IProgress<string>? progress, EventLoadOptions? load = null)
    {
        if (inputs.EventFiles.Count == 0)
        {
            throw new ParameterException("no events file given; pass {ReportInputs.EventFiles} FILE");
        }

        inputs.Study.Validate();
        progress?.Report("loading articles");
        var catalog = ArticleCatalog.LoadFolder(inputs.Resolve(inputs.ArticlesFolder));
        if (!catalog.TryGet(inputs.ArticleId, out var article))
        {
            throw new ArgumentException($"unknown article '{inputs.ArticleId}'; the catalog in {inputs.ArticlesFolder} has: {string.Join(", ", catalog.Articles.Select(a => a.Id))}");
        }

        var tables = new List<EventTable>(loaded ?? []);
        foreach (var file in loaded is null ? inputs.EventFiles : [])
        {
            progress?.Report($"loading {Path.GetFileName(file)}");
            tables.Add(EventLoader.Load(inputs.Resolve(file), load ?? EventLoadOptions.Default));
        }

        var described = DataSource.Distinct(tables.Select(DataSource.For).ToList());
        var filter = inputs.Filter;

        // Checks the filter (unknown country, empty range) once over every file; the events themselves stay per source.
        if (filter.Apply(tables.SelectMany(t => t.Events).ToList()).Count == 0)
        {
            throw new ArgumentException($"no events left after filtering (country {filter.Country ?? "any"}, {(filter.From is { } f ? IsoDate.Format(f) : "start")} .. {(filter.To is { } t ? IsoDate.Format(t) : "end")}); widen the filter");
        }

        progress?.Report("computing intensity");
        var sources = new List<SourceAnalysis>();
        var longest = 0;
        foreach (var (table, source) in tables.Zip(described))
        {
            var coverage = DeclaredCoverage.For(source, table.Events);
            var hasCountry = filter.Country is null || table.Events.Any(e => string.Equals(e.Country, filter.Country, StringComparison.OrdinalIgnoreCase));
            var events = hasCountry ? filter.Apply(table.Events) : [];
            var covered = coverage.Covered.Where(c => filter.Country is null || string.Equals(c, filter.Country, StringComparison.OrdinalIgnoreCase)).ToList();
            var span = coverage.Of(covered) ?? Coverage.Of(table.Events);
            var from = filter.From ?? span.First;
            var to = filter.To ?? span.Last;
            if (to < from)
            {
                to = from;
            }

            longest = Math.Max(longest, Bins.Range(from, to, inputs.Intensity.Bin).Count);
            var overall = IntensityCalculator.Compute(events, inputs.Intensity, from, to);
            var byType = IntensityCalculator.Split(events, inputs.Intensity, from, to, e => e.HarmonisedType.DisplayName());
            var byAdmin1 = IntensityCalculator.Split(events, inputs.Intensity with { Bin = BinUnit.Month }, from, to, e => e.Admin1);
            var byActor = IntensityCalculator.ByActor(events, inputs.Intensity, from, to, inputs.Actors);
            var mentions = MentionView.For(article, coverage, inputs.Intensity.Bin);
            sources.Add(new SourceAnalysis(source, table, events, coverage, from, to, overall, byType, byAdmin1, byActor, mentions)
            {
                // Names are reconciled only when sources are compared; the tables keep them as written.
                ByAdmin1Compared = tables.Count > 1 ? IntensityCalculator.Split(events, inputs.Intensity with { Bin = BinUnit.Month }, from, to, Admin1Names.Canonical) : byAdmin1,
                Admin1Canonical = tables.Count > 1 ? Admin1Names.Map(events) : null,
            });
        }

        if (longest < (2 * inputs.Study.Window) + 1)
        {
            throw new ParameterException($"window of {inputs.Study.Window} {Bins.Name(inputs.Intensity.Bin)} bins each side needs at least {(2 * inputs.Study.Window) + 1} bins, but the longest source spans only {longest}; use a smaller {{EventStudyOptions.Window}} or a finer {{IntensityOptions.Bin}}");
        }

        progress?.Report("running the event study");
        var raw = sources.Select(s => ScopedStudy.Run(s.Events, s.Mentions, inputs.Intensity, inputs.Study, s.Coverage, filter.Country, filter.From, filter.To)
            .Select(r => r with { Source = s.Name }).ToList()).ToList();
        var adjusted = ScopedStudy.Adjust(raw.SelectMany(r => r).ToList(), out var family);
        var offset = 0;
        foreach (var (s, r) in sources.Zip(raw))
        {
            s.Study = adjusted.Skip(offset).Take(r.Count).ToList();
            offset += r.Count;
        }

        // Article-level views: each mention with the best coverage any source gives it.
        var best = article.Mentions.Select((m, i) => sources.Select(s => s.Mentions[i]).OrderBy(v => v.Coverage).First()).ToList();
        return new ReportAnalysis(inputs, article, tables, sources, best, family);
    }
}
