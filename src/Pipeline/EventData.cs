using System.Collections;
using Pipeline.Events;
using Pipeline.Intensity;
using Pipeline.Reports;

namespace Pipeline;

/// <summary>
/// Events loaded by <see cref="Load.Events"/>: one <see cref="EventTable"/> per file, each its own source (never
/// summed), in the order given. It knows whether it is synthetic (<see cref="IsSynthetic"/>), and so does every
/// analysis, chart and report computed from it: no caller passes a synthetic flag.
/// </summary>
public sealed class EventData : IReadOnlyList<EventTable>
{
    private readonly IReadOnlyList<EventTable> tables;

    internal EventData(IReadOnlyList<EventTable> tables) => this.tables = tables;

    /// <summary>How many files (sources).</summary>
    public int Count => tables.Count;

    /// <summary>The table of the <paramref name="index"/>-th file.</summary>
    public EventTable this[int index] => tables[index];

    /// <summary>True when any file holds synthetic data.</summary>
    public bool IsSynthetic => tables.Any(t => t.IsSynthetic);

    /// <summary>One line per file: SYNTHETIC when it is, layout, rows read / loaded / rejected and date span (see <see cref="Steps.Overview(EventTable)"/>).</summary>
    public string Overview => string.Join("\n", tables.Select(t => t.Overview()));

    /// <summary>Runs the report's analysis on these files against <paramref name="article"/>: per source coverage,
    /// series, mention views and the event study (sources apart), with the claim checks and the sensitivity table.</summary>
    /// <param name="article">The article, from <see cref="Load.Article"/>.</param>
    /// <param name="bin"><c>day</c>, <c>week</c> (ISO, the default), <c>acled-week</c> or <c>month</c>.</param>
    /// <param name="window">Bins each side of a mention (default 4).</param>
    /// <param name="seed">Seed of the placebo sampling (default 20200103).</param>
    /// <exception cref="ArgumentException">Unknown bin, a negative seed, or what <see cref="ReportAnalysis.Run(ReportInputs, IProgress{string}?, EventLoadOptions?)"/> refuses.</exception>
    public ReportAnalysis Analyse(OpEd article, string? bin = null, int? window = null, long? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seed ?? 0, nameof(seed));
        var intensity = bin is null ? IntensityOptions.Default : IntensityOptions.Default with { Bin = Bins.Parse(bin) };
        var study = EventStudyOptions.Default with
        {
            Window = window ?? EventStudyOptions.Default.Window,
            Seed = seed is { } s ? (ulong)s : EventStudyOptions.Default.Seed,
        };
        return Analyse(article, intensity, study, EventFilter.None);
    }

    /// <summary>As <see cref="Analyse(OpEd, string?, int?, long?)"/>, with every option of the report.</summary>
    public ReportAnalysis Analyse(OpEd article, IntensityOptions intensity, EventStudyOptions study, EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(article);
        var inputs = new ReportInputs
        {
            EventFiles = tables.Select(t => t.File).ToList(),
            ArticlesFolder = article.CatalogFolder,
            ArticleId = article.Id,
            Filter = filter,
            Intensity = intensity,
            Study = study,
        };
        return ReportAnalysis.Run(inputs, tables, null);
    }

    /// <inheritdoc/>
    public IEnumerator<EventTable> GetEnumerator() => tables.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
