using CsCheck;
using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Tests.Properties;

/// <summary>
/// Random events for the aggregation properties, and an oracle for binning written from the documentation
/// (<see cref="BinUnit"/>, <see cref="EventPeriod"/>, <see cref="ImprecisePolicy"/>), not from the code under test.
/// </summary>
internal static class IntensityData
{
    public static readonly BinUnit[] Units = [BinUnit.Day, BinUnit.IsoWeek, BinUnit.AcledWeek, BinUnit.Month];

    private static readonly HarmonisedEventType[] Types = Enum.GetValues<HarmonisedEventType>();

    /// <summary>One event dated in [<paramref name="lo"/>, <paramref name="hi"/>]: ACLED-like, or UCDP-like with a date range and a fatality band.</summary>
    public static ConflictEvent Event(PCG pcg, DateOnly lo, DateOnly hi, int n)
    {
        var date = Gen.DateOnly[lo, hi].Draw(pcg);
        var precision = pcg.Between(0, 9) switch { < 5 => DatePrecision.Day, < 7 => DatePrecision.Week, < 9 => DatePrecision.Month, _ => DatePrecision.Year };
        var ucdp = pcg.Chance(30);
        var deaths = pcg.Chance(40) ? 0 : pcg.Between(0, pcg.Chance(10) ? 5000 : 30);
        var type = pcg.Pick(Types);
        return new ConflictEvent
        {
            Id = $"e{n}",
            Source = ucdp ? EventSource.UcdpGed : EventSource.Acled,
            Date = date,
            DateEnd = ucdp && pcg.Chance(40) ? date.AddDays(pcg.Between(1, 60)) : null,
            Precision = precision,
            EventType = type.DisplayName(),
            HarmonisedType = type,
            Actor1 = pcg.Pick(["Actor A", "Actor B", "Wagner Group", null]),
            Admin1 = pcg.Pick(["Tripoli", "Benghazi", "Sirte", null]),
            Country = "Libya",
            Fatalities = deaths,
            FatalitiesLow = ucdp && pcg.Chance(60) ? Math.Max(0, deaths - pcg.Between(0, 5)) : null,
            FatalitiesHigh = ucdp && pcg.Chance(60) ? deaths + pcg.Between(0, 20) : null,
            SourceLine = n + 2,
        };
    }

    /// <summary>A date range and events around it (some before, some after, some years coarse).</summary>
    public sealed record Case(DateOnly From, DateOnly To, IReadOnlyList<ConflictEvent> Events)
    {
        public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}, {Events.Count} events";
    }

    public static Gen<Case> Cases(int maxEvents, int maxDays) => PropertyRun.From(pcg =>
    {
        var from = Gen.DateOnly[new DateOnly(2015, 1, 1), new DateOnly(2022, 12, 31)].Draw(pcg);
        var to = from.AddDays(pcg.Between(0, maxDays));
        var n = pcg.Between(0, maxEvents);
        var events = Enumerable.Range(0, n).Select(i => Event(pcg, from.AddDays(-120), to.AddDays(120), i)).ToList();
        return new Case(from, to, events);
    });

    /// <summary>The documented first day of the bin holding a date: the day, the Monday (ISO), the Saturday (ACLED), the 1st.</summary>
    public static DateOnly BinStart(DateOnly d, BinUnit unit) => unit switch
    {
        BinUnit.Day => d,
        BinUnit.IsoWeek => Enumerable.Range(0, 7).Select(k => d.AddDays(-k)).First(x => x.DayOfWeek == DayOfWeek.Monday),
        BinUnit.AcledWeek => Enumerable.Range(0, 7).Select(k => d.AddDays(-k)).First(x => x.DayOfWeek == DayOfWeek.Saturday),
        _ => new DateOnly(d.Year, d.Month, 1),
    };

    /// <summary>Bins from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>, and the day after the last.</summary>
    public static (List<DateOnly> Starts, DateOnly End) Bins(DateOnly from, DateOnly to, BinUnit unit)
    {
        var starts = new List<DateOnly>();
        var s = BinStart(from, unit);
        while (s <= to)
        {
            starts.Add(s);
            var next = s.AddDays(1);
            while (BinStart(next, unit) != next)
            {
                next = next.AddDays(1);
            }

            s = next;
        }

        var end = s;
        return (starts, end);
    }

    /// <summary>The index of the bin holding <paramref name="d"/>, or −1 outside.</summary>
    public static int IndexOf(List<DateOnly> starts, DateOnly end, DateOnly d)
    {
        if (d < starts[0] || d >= end)
        {
            return -1;
        }

        var i = starts.BinarySearch(d);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The documented coarseness rule: week-dated in day bins, month-dated in day or week bins, year-dated always.</summary>
    public static bool Coarse(DatePrecision p, BinUnit unit) => p switch
    {
        DatePrecision.Day => false,
        DatePrecision.Week => unit == BinUnit.Day,
        DatePrecision.Month => unit != BinUnit.Month,
        _ => true,
    };

    /// <summary>The documented span of an event: UCDP's own range, else ±3 days (week), the month, the year.</summary>
    public static (DateOnly First, DateOnly Last) Period(ConflictEvent e) =>
        e.DateEnd is { } end ? (e.Date, end)
        : e.Precision switch
        {
            DatePrecision.Day => (e.Date, e.Date),
            DatePrecision.Week => (e.Date.AddDays(-3), e.Date.AddDays(3)),
            DatePrecision.Month => (new DateOnly(e.Date.Year, e.Date.Month, 1), new DateOnly(e.Date.Year, e.Date.Month, 1).AddMonths(1).AddDays(-1)),
            _ => (new DateOnly(e.Date.Year, 1, 1), new DateOnly(e.Date.Year, 12, 31)),
        };

    /// <summary>Per-bin expectations computed naively from the documentation.</summary>
    public sealed class Expected(int bins)
    {
        public double[] Events { get; } = new double[bins];
        public double[] Fatalities { get; } = new double[bins];
        public double[] ImpreciseEvents { get; } = new double[bins];
        public double[] ImpreciseFatalities { get; } = new double[bins];
        public double[] Low { get; } = new double[bins];
        public double[] High { get; } = new double[bins];
        public bool AnyBand { get; set; }
        public int Counted { get; set; }
        public double CountedFatalities { get; set; }
    }

    public static Expected Oracle(IReadOnlyList<ConflictEvent> events, DateOnly from, DateOnly to, BinUnit unit, ImprecisePolicy policy)
    {
        var (starts, end) = Bins(from, to, unit);
        var x = new Expected(starts.Count);
        foreach (var e in events)
        {
            var coarse = Coarse(e.Precision, unit);
            if (coarse && policy == ImprecisePolicy.Spread)
            {
                var (first, last) = Period(e);
                var share = 1.0 / (last.DayNumber - first.DayNumber + 1);
                for (var d = first; d <= last; d = d.AddDays(1))
                {
                    if (IndexOf(starts, end, d) is var j and >= 0)
                    {
                        x.Events[j] += share;
                        x.Fatalities[j] += e.Fatalities * share;
                        x.Low[j] += (e.FatalitiesLow ?? e.Fatalities) * share;
                        x.High[j] += (e.FatalitiesHigh ?? e.Fatalities) * share;
                        x.AnyBand |= e.FatalitiesLow is not null || e.FatalitiesHigh is not null;
                    }
                }

                continue;
            }

            var i = IndexOf(starts, end, e.Date);
            if (i < 0)
            {
                continue;
            }

            x.Counted++;
            x.CountedFatalities += e.Fatalities;
            (coarse ? x.ImpreciseEvents : x.Events)[i] += 1;
            (coarse ? x.ImpreciseFatalities : x.Fatalities)[i] += e.Fatalities;
            x.Low[i] += e.FatalitiesLow ?? e.Fatalities;
            x.High[i] += e.FatalitiesHigh ?? e.Fatalities;
            x.AnyBand |= e.FatalitiesLow is not null || e.FatalitiesHigh is not null;
        }

        return x;
    }

    /// <summary>Whether two per-bin arrays agree within <paramref name="tolerance"/> (relative to magnitude, at least absolute).</summary>
    public static bool Close(IReadOnlyList<double> a, IReadOnlyList<double> b, double tolerance) =>
        a.Count == b.Count && a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= tolerance * Math.Max(1, Math.Abs(p.First)));
}
