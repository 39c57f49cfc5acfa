namespace Pipeline.Intensity;

/// <summary>
/// What to do with an event whose date is known less precisely than the bin (e.g. a month-precision event
/// in weekly bins). Either choice is defensible, so the user picks and the report states which was used.
/// </summary>
public enum ImprecisePolicy
{
    /// <summary>
    /// Count it in a separate "imprecise" band at the bin of its recorded date (the default): the precise
    /// series stays exactly what the sources dated, and the band shows how much is uncertain. The event study
    /// counts the precise series only and reports beside each window how many imprecise events could fall in it.
    /// </summary>
    Band,

    /// <summary>Spread it evenly over the days of its period, so totals are preserved but peaks are smoothed.</summary>
    Spread,
}
