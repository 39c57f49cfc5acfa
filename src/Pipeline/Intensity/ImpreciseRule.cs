using System.Globalization;
using Pipeline.Events;

namespace Pipeline.Intensity;

/// <summary>
/// Which source precision codes count as imprecise for a bin unit, and the method-note sentence that says so,
/// both derived from the code that decides (<see cref="EventPeriod.IsCoarserThan(ConflictEvent, BinUnit)"/> over the
/// readers' precision mappings), so the report's note cannot drift from what was done.
/// </summary>
/// <remarks>
/// With the readers as they are: day bins set apart ACLED <c>time_precision</c> 2–3 and UCDP <c>date_prec</c> 2–5;
/// week bins (ISO or ACLED) ACLED 3 and UCDP 4–5; month bins no ACLED code and UCDP 5.
/// </remarks>
internal static class ImpreciseRule
{
    /// <summary>ACLED's documented <c>time_precision</c> codes.</summary>
    private static readonly int[] AcledCodes = [1, 2, 3];

    /// <summary>UCDP GED's documented <c>date_prec</c> codes.</summary>
    private static readonly int[] UcdpCodes = [1, 2, 3, 4, 5];

    /// <summary>The source's precision codes (ACLED <c>time_precision</c>, UCDP <c>date_prec</c>) whose events are dated more coarsely than <paramref name="bin"/>, ascending.</summary>
    public static IReadOnlyList<int> Codes(EventSource source, BinUnit bin) =>
        (source == EventSource.Acled ? AcledCodes : UcdpCodes).Where(c => EventPeriod.IsCoarserThan(Precision(source, c), bin)).ToList();

    /// <summary>
    /// For UCDP rows whose <c>date_prec</c> is not a documented code, the precision is judged from
    /// <c>date_start..date_end</c>: the fewest days between them that make such a row imprecise for <paramref name="bin"/>.
    /// </summary>
    public static int UcdpSpanDays(BinUnit bin)
    {
        var start = new DateOnly(2000, 1, 1);
        var days = 0;
        while (!EventPeriod.IsCoarserThan(UcdpGedReader.MapPrecision(0, start, start.AddDays(days)), bin))
        {
            days++;
        }

        return days;
    }

    /// <summary>
    /// The method-note sentence for one source kind: which of its codes are imprecise for this bin unit and what
    /// the policy did with them, in the charts and in the event study.
    /// </summary>
    public static string Sentence(BinUnit bin, ImprecisePolicy policy, EventSource source)
    {
        var codes = Codes(source, bin);
        var (name, field) = source == EventSource.Acled ? ("ACLED", "time_precision") : ("UCDP GED", "date_prec");
        var unit = Bins.Name(bin);
        var extra = source == EventSource.UcdpGed
            ? string.Create(CultureInfo.InvariantCulture, $" (a row with another {field} is judged by date_start..date_end: {UcdpSpanDays(bin)} days or more apart)")
            : string.Empty;
        if (codes.Count == 0)
        {
            return $"{name}: no {field} code is coarser than {unit} bins, so every {name} event is counted in the bin of its date{extra}.";
        }

        var which = $"{name} events with {field} {List(codes)}{extra} are dated more coarsely than {unit} bins";
        return policy == ImprecisePolicy.Band
            ? $"{which}: they are kept in a separate “imprecise” band at the bin of their recorded date, left out of the event study's counts (at each mention and at every placebo window alike), and how many could fall in each window is reported beside it."
            : $"{which}: they are spread evenly over the days they may have happened on ({(source == EventSource.Acled ? string.Join("; ", codes.Select(c => $"time_precision {c}: {Period(Precision(source, c))}")) : "date_start..date_end")}), in the charts and in the event study alike.";
    }

    /// <summary>The days an ACLED event of this precision is spread over (as <see cref="EventPeriod.Of"/> takes them).</summary>
    private static string Period(DatePrecision precision) => precision switch
    {
        DatePrecision.Week => "the 7 days centred on its date",
        DatePrecision.Month => "the calendar month of its date",
        DatePrecision.Year => "the calendar year of its date",
        _ => "its date",
    };

    private static DatePrecision Precision(EventSource source, int code) =>
        source == EventSource.Acled ? (DatePrecision)code : UcdpGedReader.MapPrecision(code, default, default);

    /// <summary>"3", "2–3", "2, 4".</summary>
    private static string List(IReadOnlyList<int> codes)
    {
        var contiguous = codes[^1] - codes[0] == codes.Count - 1;
        return codes.Count == 1 ? codes[0].ToString(CultureInfo.InvariantCulture)
            : contiguous ? string.Create(CultureInfo.InvariantCulture, $"{codes[0]}–{codes[^1]}")
            : string.Join(", ", codes.Select(c => c.ToString(CultureInfo.InvariantCulture)));
    }
}
