using System.Globalization;

namespace Pipeline.Intensity;

/// <summary>
/// Mean intensity before and after (or before and inside), their difference and ratio, with a 95% interval
/// and a two-sided p-value from the series' own placebo windows (see <see cref="PlaceboInference"/>).
/// Descriptive: it says how the counts moved and how unusual that is for these data, not why.
/// </summary>
/// <param name="Before">Mean per bin in the reference window.</param>
/// <param name="After">Mean per bin after the point (or inside the period).</param>
/// <param name="Difference">After − Before.</param>
/// <param name="Ratio">After / Before, or null when Before is 0 (no usable denominator).</param>
/// <param name="DifferenceLow">Lower end of the 95% placebo-inversion interval, or null when not computable.</param>
/// <param name="DifferenceHigh">Upper end, likewise.</param>
/// <param name="PValue">Two-sided placebo p-value of the difference, or null when not computable; the interval excludes 0 exactly when it is below 0.05.</param>
/// <param name="RatioLow">Lower end of the 95% interval of the rate ratio (from log((after+½)/(before+½)) at placebo windows), or null when Before is 0 or not computable.</param>
/// <param name="RatioHigh">Upper end, likewise.</param>
public sealed record WindowEffect(double Before, double After, double Difference, double? Ratio, double? DifferenceLow, double? DifferenceHigh, double? PValue, double? RatioLow, double? RatioHigh)
{
    /// <summary>Whether the 95% interval of the difference excludes 0 (false when there is none).</summary>
    public bool ExcludesZero => DifferenceLow > 0 || DifferenceHigh < 0;
}

/// <summary>The placebo reference a mention was judged against.</summary>
/// <param name="Count">Admissible placebo windows used: every window of the mention's shape that fits in the series and overlaps no mention's window.</param>
/// <param name="BandLow">−h for event counts: a difference outside [−h, h] has p &lt; 0.05.</param>
/// <param name="BandHigh">h.</param>
public sealed record PlaceboSummary(int Count, double BandLow, double BandHigh);

/// <summary>The event study for one mention.</summary>
/// <param name="Target">The mention studied.</param>
/// <param name="Coverage">Where it falls relative to the data.</param>
/// <param name="Events">Effect on event counts, or null when not computable.</param>
/// <param name="Fatalities">Effect on fatalities, or null when not computable.</param>
/// <param name="Placebo">Placebo reference (points and periods), or null when too few placebo windows fit.</param>
/// <param name="Note">Why something is missing, or what was clipped; null when all is there.</param>
/// <param name="BinsBefore">Bins in the reference window.</param>
/// <param name="BinsAfter">Bins after the point or inside the period.</param>
public sealed record EventStudyResult(
    StudyTarget Target,
    CoverageStatus Coverage,
    WindowEffect? Events,
    WindowEffect? Fatalities,
    PlaceboSummary? Placebo,
    string? Note,
    int BinsBefore,
    int BinsAfter)
{
    /// <summary>The countries whose events the series was built from (the mention's scope countries the data hold, joined by "; "), or null when the study ran on a series not split by country or the mention is not in the data's scope.</summary>
    public string? Scope { get; init; }

    /// <summary>The source (input file, see <c>Pipeline.Events.DataSource.Name</c>) whose events were studied, or null when the study was not run per source.</summary>
    public string? Source { get; init; }

    /// <summary>The p-values adjusted for the report's family of tests, or null when not adjusted (not studied, or no family).</summary>
    public AdjustedPValues? Adjusted { get; init; }

    /// <summary>The days of the before and after (or inside) windows, or null when the mention could not be placed in the series.</summary>
    public StudyWindow? Window { get; init; }

    /// <summary>
    /// Under the band policy, how many imprecise events (and their fatalities) could fall in each window: they are
    /// not in the study's counts, so the true before and after means may be higher by up to these totals over
    /// <see cref="BinsBefore"/> and <see cref="BinsAfter"/>. Null under spread, when the study was run without its
    /// events, or when the mention could not be placed.
    /// </summary>
    public ImpreciseBand? Imprecise { get; init; }
}

/// <summary>The days a mention's study compares, first and last day of each window inclusive.</summary>
/// <param name="BeforeFirst">First day of the before (reference) window.</param>
/// <param name="BeforeLast">Last day of the before window (the day before <paramref name="AfterFirst"/>).</param>
/// <param name="AfterFirst">First day of the after window (the bin holding a point's date, or a period's first bin).</param>
/// <param name="AfterLast">Last day of the after (or inside) window.</param>
public sealed record StudyWindow(DateOnly BeforeFirst, DateOnly BeforeLast, DateOnly AfterFirst, DateOnly AfterLast);

/// <summary>
/// Imprecise events (dated more coarsely than the bin, see <see cref="ImpreciseRule"/>) whose possible days
/// (<see cref="EventPeriod.Of"/>) overlap a window: they could fall in it, so they bound how much the study's
/// precise counts may miss. An event whose possible days overlap both windows is counted in both.
/// </summary>
/// <param name="BeforeEvents">Imprecise events that could fall in the before window.</param>
/// <param name="BeforeFatalities">Their fatalities.</param>
/// <param name="AfterEvents">Imprecise events that could fall in the after (or inside) window.</param>
/// <param name="AfterFatalities">Their fatalities.</param>
public sealed record ImpreciseBand(double BeforeEvents, double BeforeFatalities, double AfterEvents, double AfterFatalities)
{
    /// <summary>The sentence the study's note carries, e.g. "imprecise band (not counted above): up to 3 events (12 deaths) could fall in the before window, up to 5 (544) in the after window".</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"imprecise band (not counted in the means): up to {BeforeEvents} events ({BeforeFatalities} deaths) could fall in the before window, up to {AfterEvents} ({AfterFatalities}) in the after window");
}

/// <summary>A mention's p-values adjusted across the report's family (every studied mention × events, fatalities).</summary>
/// <param name="EventsHolm">Holm-adjusted p of the events difference (family-wise error), or null when that p is missing.</param>
/// <param name="EventsBh">Benjamini–Hochberg-adjusted p of the events difference (false discovery rate), or null likewise.</param>
/// <param name="FatalitiesHolm">Holm-adjusted p of the fatalities difference, or null.</param>
/// <param name="FatalitiesBh">Benjamini–Hochberg-adjusted p of the fatalities difference, or null.</param>
public sealed record AdjustedPValues(double? EventsHolm, double? EventsBh, double? FatalitiesHolm, double? FatalitiesBh);
