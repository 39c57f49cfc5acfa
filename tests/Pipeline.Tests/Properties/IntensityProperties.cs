using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Tests.Properties;

/// <summary>
/// Aggregation invariants of <see cref="IntensityCalculator"/> on random events (ACLED-like single dates and
/// UCDP-like ranges with fatality bands, every precision, some outside the range), for every <see cref="BinUnit"/>.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public class IntensityProperties
{
    private const ulong Seed = 77;

    private static IntensityOptions Options(BinUnit unit, ImprecisePolicy policy) => new() { Bin = unit, Imprecise = policy };

    private static IReadOnlyList<double> Concat(IReadOnlyList<double> a, IEnumerable<double> b) => [.. a, .. b];

    /// <summary>
    /// Band policy: every bin holds exactly the events whose date falls in it (precise ones in the main arrays,
    /// coarser-than-bin ones in the imprecise band), so the bins sum to the number and the fatalities of the
    /// events dated inside the bins' span, and the per-type series of <c>Split</c> sum to the whole, bin by bin.
    /// </summary>
    [Fact]
    public void Bins_hold_exactly_the_events_dated_in_them()
    {
        var iterations = PropertyRun.Iterations(250);
        var seriesOff = 0;
        var totalsOff = 0;
        var partitionsOff = 0;
        var failures = new Failures();
        for (var i = 0; i < iterations; i++)
        {
            var c = IntensityData.Cases(300, 900).Case(Seed, i);
            foreach (var unit in IntensityData.Units)
            {
                var where = $"seed {Seed}, iteration {i}, {c}, {unit}";
                var s = IntensityCalculator.Compute(c.Events, Options(unit, ImprecisePolicy.Band), c.From, c.To);
                var x = IntensityData.Oracle(c.Events, c.From, c.To, unit, ImprecisePolicy.Band);
                var (starts, _) = IntensityData.Bins(c.From, c.To, unit);
                if (!s.BinStarts.SequenceEqual(starts) || !s.Events.SequenceEqual(x.Events) || !s.Fatalities.SequenceEqual(x.Fatalities)
                    || !s.ImpreciseEvents.SequenceEqual(x.ImpreciseEvents) || !s.ImpreciseFatalities.SequenceEqual(x.ImpreciseFatalities)
                    || (x.AnyBand ? !(s.FatalitiesLow?.SequenceEqual(x.Low) == true && s.FatalitiesHigh?.SequenceEqual(x.High) == true) : s.FatalitiesLow is not null || s.FatalitiesHigh is not null))
                {
                    seriesOff++;
                    failures.Add($"{where}: some bin differs from the events dated in it");
                }

                if (s.TotalEvents != x.Counted || s.TotalFatalities != x.CountedFatalities)
                {
                    totalsOff++;
                    failures.Add($"{where}: totals {s.TotalEvents}/{s.TotalFatalities}, events in range {x.Counted}/{x.CountedFatalities}");
                }

                var parts = IntensityCalculator.Split(c.Events, Options(unit, ImprecisePolicy.Band), c.From, c.To, e => e.HarmonisedType.DisplayName());
                var sum = new double[s.Count];
                foreach (var p in parts)
                {
                    var all = p.AllEvents();
                    for (var b = 0; b < sum.Length; b++)
                    {
                        sum[b] += all[b];
                    }

                    var inRange = c.Events.Count(e => e.HarmonisedType.DisplayName() == p.Name && s.IndexOf(e.Date) >= 0);
                    if (p.TotalEvents != inRange)
                    {
                        partitionsOff++;
                        failures.Add($"{where}: type '{p.Name}' series counts {p.TotalEvents}, {inRange} such events in range");
                    }
                }

                if (!sum.SequenceEqual(s.AllEvents()))
                {
                    partitionsOff++;
                    failures.Add($"{where}: per-type series do not add up to the whole, bin by bin");
                }
            }
        }

        Reliability.Record(
            ReliabilityArea.Properties,
            "Intensity bins sum to the events in range",
            "random events (single dates, UCDP ranges and bands, every precision, some outside the range) × 4 bin units, band policy; per bin against a naive count, and split by type",
            $"{iterations} cases × 4 units (seed {Seed})",
            $"{seriesOff} series with a bin off, {totalsOff} totals off, {partitionsOff} type partitions off");

        failures.AssertNone("bins vs events in range");
    }

    /// <summary>
    /// Splitting the range. At a bin boundary <c>s</c> (a bin start after the first), the series of
    /// [from, s−1] followed by the series of [s, to] is the series of [from, to], bin for bin, under both
    /// policies, so their totals add up to the whole's. At any other day <c>d</c> inside the range both halves
    /// hold the whole bin around <c>d</c>, so their totals add up to the whole's plus that one bin.
    /// </summary>
    [Fact]
    public void Splitting_the_range_adds_up_to_the_whole()
    {
        var iterations = PropertyRun.Iterations(150);
        var boundaryOff = 0;
        var midBinOff = 0;
        var splits = 0;
        var failures = new Failures();
        var gen = PropertyRun.From(pcg => (Case: IntensityData.Cases(200, 700).Draw(pcg), Bin: pcg.Between(0, 1_000_000), Day: pcg.Between(1, 1_000_000)));
        for (var i = 0; i < iterations; i++)
        {
            var (c, binPick, dayPick) = gen.Case(Seed + 1, i);
            foreach (var unit in IntensityData.Units)
            {
                foreach (var policy in new[] { ImprecisePolicy.Band, ImprecisePolicy.Spread })
                {
                    var where = $"seed {Seed + 1}, iteration {i}, {c}, {unit}, {policy}";
                    var o = Options(unit, policy);
                    var whole = IntensityCalculator.Compute(c.Events, o, c.From, c.To);
                    if (whole.Count >= 2)
                    {
                        splits++;
                        var s = whole.BinStarts[1 + (binPick % (whole.Count - 1))];
                        var left = IntensityCalculator.Compute(c.Events, o, c.From, s.AddDays(-1));
                        var right = IntensityCalculator.Compute(c.Events, o, s, c.To);
                        var same = Concat(left.BinStarts.Select(d => (double)d.DayNumber).ToList(), right.BinStarts.Select(d => (double)d.DayNumber)).SequenceEqual(whole.BinStarts.Select(d => (double)d.DayNumber))
                            && Concat(left.Events, right.Events).SequenceEqual(whole.Events)
                            && Concat(left.Fatalities, right.Fatalities).SequenceEqual(whole.Fatalities)
                            && Concat(left.ImpreciseEvents, right.ImpreciseEvents).SequenceEqual(whole.ImpreciseEvents)
                            && Concat(left.ImpreciseFatalities, right.ImpreciseFatalities).SequenceEqual(whole.ImpreciseFatalities);
                        var totals = Math.Abs(left.TotalEvents + right.TotalEvents - whole.TotalEvents) <= 1e-9 * Math.Max(1, whole.TotalEvents)
                            && Math.Abs(left.TotalFatalities + right.TotalFatalities - whole.TotalFatalities) <= 1e-9 * Math.Max(1, whole.TotalFatalities);
                        if (!same || !totals)
                        {
                            boundaryOff++;
                            failures.Add($"{where}: split at bin start {s:yyyy-MM-dd}: halves {(same ? "" : "are not the whole bin for bin, ")}totals {left.TotalEvents} + {right.TotalEvents} vs {whole.TotalEvents}");
                        }
                    }

                    var span = c.To.DayNumber - c.From.DayNumber;
                    if (span >= 1)
                    {
                        var d = c.From.AddDays(1 + (dayPick % span));
                        var left = IntensityCalculator.Compute(c.Events, o, c.From, d.AddDays(-1));
                        var right = IntensityCalculator.Compute(c.Events, o, d, c.To);
                        var k = whole.IndexOf(d);
                        var shared = whole.BinStarts[k] == d ? 0.0 : whole.Events[k] + whole.ImpreciseEvents[k];
                        var sharedDeaths = whole.BinStarts[k] == d ? 0.0 : whole.Fatalities[k] + whole.ImpreciseFatalities[k];
                        if (Math.Abs(left.TotalEvents + right.TotalEvents - shared - whole.TotalEvents) > 1e-9 * Math.Max(1, whole.TotalEvents)
                            || Math.Abs(left.TotalFatalities + right.TotalFatalities - sharedDeaths - whole.TotalFatalities) > 1e-9 * Math.Max(1, whole.TotalFatalities))
                        {
                            midBinOff++;
                            failures.Add($"{where}: split at day {d:yyyy-MM-dd}: {left.TotalEvents} + {right.TotalEvents} − shared bin {shared} ≠ {whole.TotalEvents}");
                        }
                    }
                }
            }
        }

        Reliability.Record(
            ReliabilityArea.Properties,
            "Intensity range split adds up to the whole",
            "random events and ranges × 4 bin units × band/spread; split at a random bin start (halves = whole, bin for bin) and at a random day (totals add up, less the shared bin)",
            $"{iterations} cases × 8 settings, {splits} bin-boundary splits (seed {Seed + 1})",
            $"{boundaryOff} bin-boundary splits off, {midBinOff} mid-bin splits off");

        failures.AssertNone("range split");
    }

    /// <summary>
    /// Spread policy: every coarse event's weight 1 (and its fatalities and band) is shared evenly over the days
    /// of its documented period, so each bin holds the naive sum of the shares of its days (within 1e-9), and
    /// over a range that contains every event's whole period the totals are exactly the number of events and
    /// their fatalities (within 1e-9 relative), as under the band policy.
    /// </summary>
    [Fact]
    public void Spreading_imprecise_events_preserves_totals()
    {
        var iterations = PropertyRun.Iterations(200);
        var binsOff = 0;
        var totalsOff = 0;
        var failures = new Failures();
        for (var i = 0; i < iterations; i++)
        {
            var c = IntensityData.Cases(200, 700).Case(Seed + 2, i);
            foreach (var unit in IntensityData.Units)
            {
                var where = $"seed {Seed + 2}, iteration {i}, {c}, {unit}";
                var s = IntensityCalculator.Compute(c.Events, Options(unit, ImprecisePolicy.Spread), c.From, c.To);
                var x = IntensityData.Oracle(c.Events, c.From, c.To, unit, ImprecisePolicy.Spread);
                if (!IntensityData.Close(s.Events, x.Events, 1e-9) || !IntensityData.Close(s.Fatalities, x.Fatalities, 1e-9)
                    || s.ImpreciseEvents.Any(v => v != 0) || s.ImpreciseFatalities.Any(v => v != 0)
                    || (x.AnyBand ? !(IntensityData.Close(s.FatalitiesLow!, x.Low, 1e-9) && IntensityData.Close(s.FatalitiesHigh!, x.High, 1e-9)) : s.FatalitiesLow is not null))
                {
                    binsOff++;
                    failures.Add($"{where}: spread bins differ from the shares of their days");
                }

                if (c.Events.Count == 0)
                {
                    continue;
                }

                // A range holding every event's whole period: nothing is cut off, so nothing may be lost.
                var from = c.Events.Min(e => IntensityData.Period(e).First);
                var to = c.Events.Max(e => IntensityData.Period(e).Last);
                var all = IntensityCalculator.Compute(c.Events, Options(unit, ImprecisePolicy.Spread), from, to);
                var band = IntensityCalculator.Compute(c.Events, Options(unit, ImprecisePolicy.Band), from, to);
                double n = c.Events.Count, deaths = c.Events.Sum(e => e.Fatalities);
                double low = c.Events.Sum(e => e.FatalitiesLow ?? e.Fatalities), high = c.Events.Sum(e => e.FatalitiesHigh ?? e.Fatalities);
                bool Near(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));
                if (!Near(all.TotalEvents, n) || !Near(all.TotalFatalities, deaths) || band.TotalEvents != n || band.TotalFatalities != deaths
                    || (all.FatalitiesLow is { } l && !Near(l.Sum(), low)) || (all.FatalitiesHigh is { } h && !Near(h.Sum(), high)))
                {
                    totalsOff++;
                    failures.Add($"{where}: over {from:yyyy-MM-dd}..{to:yyyy-MM-dd} spread totals {all.TotalEvents:R}/{all.TotalFatalities:R}, band {band.TotalEvents}/{band.TotalFatalities}, events {n}/{deaths}");
                }
            }
        }

        Reliability.Record(
            ReliabilityArea.Properties,
            "Spreading imprecise events preserves totals",
            "random events (week/month/year precision, UCDP ranges and bands) × 4 bin units, spread policy; per bin against naive shares, totals over a range holding every period",
            $"{iterations} cases × 4 units (seed {Seed + 2})",
            $"{binsOff} series with a bin off, {totalsOff} totals not preserved (tolerance 1e-9 relative)");

        failures.AssertNone("spread totals");
    }
}
