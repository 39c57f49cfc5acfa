using Pipeline.Events;

namespace Pipeline.Intensity;

/// <summary>
/// The span of days an event may have happened on, given its date precision. Used to decide whether an
/// event is coarser than a bin and, under <see cref="ImprecisePolicy.Spread"/>, over which days to spread it.
/// </summary>
/// <remarks>
/// UCDP rows carry their own <c>date_start..date_end</c>, which is used as is. ACLED rows carry one date:
/// week precision is taken as the 7 days centred on it (ACLED records such events near the middle of the
/// reported week), month precision as its calendar month, year precision as its calendar year.
/// </remarks>
internal static class EventPeriod
{
    /// <summary>First and last possible day of the event.</summary>
    public static (DateOnly First, DateOnly Last) Of(ConflictEvent e)
    {
        if (e.DateEnd is { } end)
        {
            return (e.Date, end);
        }

        return e.Precision switch
        {
            DatePrecision.Day => (e.Date, e.Date),
            DatePrecision.Week => (e.Date.AddDays(-3), e.Date.AddDays(3)),
            DatePrecision.Month => (new DateOnly(e.Date.Year, e.Date.Month, 1), new DateOnly(e.Date.Year, e.Date.Month, DateTime.DaysInMonth(e.Date.Year, e.Date.Month))),
            _ => (new DateOnly(e.Date.Year, 1, 1), new DateOnly(e.Date.Year, 12, 31)),
        };
    }

    /// <summary>Whether the event's date is coarser than the bin: a week-dated event in day bins, a month-dated one in day or week bins, a year-dated one always.</summary>
    public static bool IsCoarserThan(ConflictEvent e, BinUnit bin) => IsCoarserThan(e.Precision, bin);

    /// <summary>The same test from the precision alone (for columnar counting).</summary>
    internal static bool IsCoarserThan(DatePrecision precision, BinUnit bin) => precision switch
    {
        DatePrecision.Day => false,
        DatePrecision.Week => bin == BinUnit.Day,
        DatePrecision.Month => bin != BinUnit.Month,
        _ => true,
    };
}
