namespace Pipeline.Intensity;

/// <summary>
/// Mean intensity before and after (or before and inside), their difference and ratio, and 95% moving-block
/// bootstrap intervals. Descriptive: it says how the counts moved, not why.
/// </summary>
/// <param name="Before">Mean per bin in the reference window.</param>
/// <param name="After">Mean per bin after the point (or inside the period).</param>
/// <param name="Difference">After − Before.</param>
/// <param name="Ratio">After / Before, or null when Before is 0.</param>
/// <param name="DifferenceLow">2.5th percentile of the bootstrap differences.</param>
/// <param name="DifferenceHigh">97.5th percentile of the bootstrap differences.</param>
/// <param name="RatioLow">2.5th percentile of the bootstrap ratios, or null when too many replicates had a zero denominator.</param>
/// <param name="RatioHigh">97.5th percentile of the bootstrap ratios, or null likewise.</param>
public sealed record WindowEffect(double Before, double After, double Difference, double? Ratio, double DifferenceLow, double DifferenceHigh, double? RatioLow, double? RatioHigh);

/// <summary>The same statistic at placebo dates: a reference for how large a change is ordinary in these data.</summary>
/// <param name="Count">Placebo dates drawn.</param>
/// <param name="PValue">Two-sided empirical p-value: (1 + #|placebo| ≥ |observed|) / (1 + Count).</param>
/// <param name="BandLow">2.5th percentile of the placebo differences.</param>
/// <param name="BandHigh">97.5th percentile of the placebo differences.</param>
public sealed record PlaceboSummary(int Count, double PValue, double BandLow, double BandHigh);

/// <summary>The event study for one mention.</summary>
/// <param name="Target">The mention studied.</param>
/// <param name="Coverage">Where it falls relative to the data.</param>
/// <param name="Events">Effect on event counts, or null when not computable.</param>
/// <param name="Fatalities">Effect on fatalities, or null when not computable.</param>
/// <param name="Placebo">Placebo reference for event counts (points only), or null.</param>
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
    int BinsAfter);
