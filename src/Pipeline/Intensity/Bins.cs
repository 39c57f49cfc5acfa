namespace Pipeline.Intensity;

/// <summary>
/// Bin arithmetic on dates: the start of the bin holding a date, the next bin, and the run of bins covering a
/// span. All bins are closed-open [start, next start).
/// </summary>
public static class Bins
{
    /// <summary>The first day of the bin that holds <paramref name="date"/>.</summary>
    public static DateOnly Start(DateOnly date, BinUnit unit) => unit switch
    {
        BinUnit.Day => date,
        BinUnit.IsoWeek => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        BinUnit.AcledWeek => date.AddDays(-(((int)date.DayOfWeek + 1) % 7)),
        BinUnit.Month => new DateOnly(date.Year, date.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>The first day of the bin after the one starting at <paramref name="start"/>.</summary>
    public static DateOnly Next(DateOnly start, BinUnit unit) => unit switch
    {
        BinUnit.Day => start.AddDays(1),
        BinUnit.IsoWeek or BinUnit.AcledWeek => start.AddDays(7),
        BinUnit.Month => start.AddMonths(1),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>Bin starts from the bin holding <paramref name="from"/> to the bin holding <paramref name="to"/>, inclusive.</summary>
    public static IReadOnlyList<DateOnly> Range(DateOnly from, DateOnly to, BinUnit unit)
    {
        if (to < from)
        {
            throw new ArgumentException($"empty date range: {to:yyyy-MM-dd} is before {from:yyyy-MM-dd}", nameof(to));
        }

        var starts = new List<DateOnly>();
        for (var s = Start(from, unit); s <= to; s = Next(s, unit))
        {
            starts.Add(s);
        }

        return starts;
    }

    /// <summary>
    /// How many bins after the bin starting at <paramref name="firstStart"/> the bin holding <paramref name="date"/>
    /// lies (negative before it). Arithmetic, not a search, because it runs once per event.
    /// </summary>
    public static int Offset(DateOnly firstStart, DateOnly date, BinUnit unit)
    {
        var start = Start(date, unit);
        return unit switch
        {
            BinUnit.Day => start.DayNumber - firstStart.DayNumber,
            BinUnit.Month => ((start.Year - firstStart.Year) * 12) + start.Month - firstStart.Month,
            BinUnit.IsoWeek or BinUnit.AcledWeek => (start.DayNumber - firstStart.DayNumber) / 7,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
        };
    }

    /// <summary>Parses the CLI/notebook names <c>day</c>, <c>week</c>, <c>acled-week</c>, <c>month</c>.</summary>
    public static BinUnit Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "day" => BinUnit.Day,
        "week" or "iso-week" => BinUnit.IsoWeek,
        "acled-week" => BinUnit.AcledWeek,
        "month" => BinUnit.Month,
        _ => throw new ParameterException($"unknown bin '{name}'; use day, week, acled-week or month", "IntensityOptions.Bin"),
    };

    /// <summary>The name <see cref="Parse"/> accepts.</summary>
    public static string Name(BinUnit unit) => unit switch
    {
        BinUnit.Day => "day",
        BinUnit.IsoWeek => "week",
        BinUnit.AcledWeek => "acled-week",
        BinUnit.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };
}
