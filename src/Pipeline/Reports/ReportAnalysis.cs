using Pipeline.Articles;
using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Reports;

/// <summary>
/// The computed content of a report, independent of how it is rendered: loaded tables, the filtered events,
/// coverage, the series, the event study and the claim rows. Notebooks use this directly; the HTML writer
/// only formats it.
/// </summary>
public sealed class ReportAnalysis
{
    private ReportAnalysis(
        ReportInputs inputs,
        Article article,
        IReadOnlyList<EventTable> tables,
        IReadOnlyList<ConflictEvent> events,
        Coverage coverage,
        DateOnly from,
        DateOnly to,
        IntensitySeries overall,
        IReadOnlyList<IntensitySeries> byType,
        IReadOnlyList<IntensitySeries> byAdmin1Monthly,
        IReadOnlyList<IntensitySeries> byActor,
        IReadOnlyList<MentionView> mentions,
        IReadOnlyList<EventStudyResult> study,
        int studyFamily)
    {
        Inputs = inputs;
        Article = article;
        Tables = tables;
        Events = events;
        Coverage = coverage;
        From = from;
        To = to;
        Overall = overall;
        ByType = byType;
        ByAdmin1Monthly = byAdmin1Monthly;
        ByActor = byActor;
        Mentions = mentions;
        Study = study;
        StudyFamily = studyFamily;
        Claims = ClaimRow.For(mentions);
    }

    private ReportSensitivity? sensitivity;

    /// <summary>The sensitivity table and the events behind each window, computed on first use (see <see cref="ReportSensitivity.For"/>).</summary>
    public ReportSensitivity Sensitivity => sensitivity ??= ReportSensitivity.For(this);

    /// <summary>What the report was computed from.</summary>
    public ReportInputs Inputs { get; }

    /// <summary>The article.</summary>
    public Article Article { get; }

    /// <summary>One table per input file, with its rejections.</summary>
    public IReadOnlyList<EventTable> Tables { get; }

    /// <summary>Events after filtering, from all files.</summary>
    public IReadOnlyList<ConflictEvent> Events { get; }

    /// <summary>True when any input is synthetic: then every chart and the report say SYNTHETIC.</summary>
    public bool IsSynthetic => Tables.Any(t => t.IsSynthetic);

    /// <summary>The span of the analysed events.</summary>
    public Coverage Coverage { get; }

    /// <summary>First analysed day.</summary>
    public DateOnly From { get; }

    /// <summary>Last analysed day.</summary>
    public DateOnly To { get; }

    /// <summary>All events per bin.</summary>
    public IntensitySeries Overall { get; }

    /// <summary>Events per bin and harmonised type.</summary>
    public IReadOnlyList<IntensitySeries> ByType { get; }

    /// <summary>Events per month and admin1.</summary>
    public IReadOnlyList<IntensitySeries> ByAdmin1Monthly { get; }

    /// <summary>Events per bin whose actors match each of <see cref="ReportInputs.Actors"/>.</summary>
    public IReadOnlyList<IntensitySeries> ByActor { get; }

    /// <summary>Every mention of the article with its coverage and study span.</summary>
    public IReadOnlyList<MentionView> Mentions { get; }

    /// <summary>Event-study results, one per mention, in mention order; each studied only on events in its in-scope countries (see <see cref="ScopedStudy"/>).</summary>
    public IReadOnlyList<EventStudyResult> Study { get; }

    /// <summary>How many p-values (studied mentions × events, fatalities) the Holm and Benjamini–Hochberg adjustments in <see cref="Study"/> were taken over.</summary>
    public int StudyFamily { get; }

    /// <summary>Claim-check rows, one per mention.</summary>
    public IReadOnlyList<ClaimRow> Claims { get; }

    /// <summary>Loads, filters and computes everything; throws with a one-line message on bad input.</summary>
    /// <exception cref="ArgumentException">Unknown article or country, empty range, window larger than the data.</exception>
    public static ReportAnalysis Run(ReportInputs inputs, IProgress<string>? progress = null)
    {
        if (inputs.EventFiles.Count == 0)
        {
            throw new ArgumentException("no events file given; pass --events FILE");
        }

        inputs.Study.Validate();
        progress?.Report("loading articles");
        var catalog = ArticleCatalog.LoadFolder(inputs.ArticlesFolder);
        if (!catalog.TryGet(inputs.ArticleId, out var article))
        {
            throw new ArgumentException($"unknown article '{inputs.ArticleId}'; the catalog in {inputs.ArticlesFolder} has: {string.Join(", ", catalog.Articles.Select(a => a.Id))}");
        }

        var tables = new List<EventTable>();
        foreach (var file in inputs.EventFiles)
        {
            progress?.Report($"loading {Path.GetFileName(file)}");
            tables.Add(EventLoader.Load(file));
        }

        progress?.Report("computing intensity");
        var events = inputs.Filter.Apply(tables.SelectMany(t => t.Events).ToList());
        if (events.Count == 0)
        {
            throw new ArgumentException($"no events left after filtering (country {inputs.Filter.Country ?? "any"}, {inputs.Filter.From?.ToString("yyyy-MM-dd") ?? "start"} .. {inputs.Filter.To?.ToString("yyyy-MM-dd") ?? "end"}); widen the filter");
        }

        var coverage = Coverage.Of(events);
        var from = inputs.Filter.From ?? coverage.First;
        var to = inputs.Filter.To ?? coverage.Last;
        var bins = Bins.Range(from, to, inputs.Intensity.Bin).Count;
        if (bins < (2 * inputs.Study.Window) + 1)
        {
            throw new ArgumentException($"window of {inputs.Study.Window} {Bins.Name(inputs.Intensity.Bin)} bins each side needs at least {(2 * inputs.Study.Window) + 1} bins, but the data span only {bins}; use a smaller --window or a finer --bin");
        }

        var overall = IntensityCalculator.Compute(events, inputs.Intensity, from, to);
        var byType = IntensityCalculator.Split(events, inputs.Intensity, from, to, e => e.HarmonisedType.DisplayName());
        var byAdmin1 = IntensityCalculator.Split(events, inputs.Intensity with { Bin = BinUnit.Month }, from, to, e => e.Admin1);
        var byActor = IntensityCalculator.ByActor(events, inputs.Intensity, from, to, inputs.Actors);
        var mentions = MentionView.For(article, coverage, inputs.Intensity.Bin);
        progress?.Report("running the event study");
        var study = ScopedStudy.Run(events, mentions, inputs.Intensity, inputs.Study, inputs.Filter.Country, inputs.Filter.From, inputs.Filter.To, out var family);
        return new ReportAnalysis(inputs, article, tables, events, coverage, from, to, overall, byType, byAdmin1, byActor, mentions, study, family);
    }
}
