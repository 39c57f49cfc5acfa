namespace Pipeline.Events;

/// <summary>
/// How precisely a date is known. ACLED's <c>time_precision</c> 1/2/3 and UCDP's <c>date_prec</c> 1–5
/// both map onto this scale (see <c>AcledReader</c> and <c>UcdpGedReader</c>), so that
/// later stages can decide how to bin an event whose date is coarser than the bin.
/// </summary>
public enum DatePrecision
{
    /// <summary>The day is known.</summary>
    Day = 1,

    /// <summary>Only the week is known (the date is within it).</summary>
    Week = 2,

    /// <summary>Only the month is known.</summary>
    Month = 3,

    /// <summary>Only the year is known.</summary>
    Year = 4,
}
