using Pipeline.Events;

namespace Pipeline.Intensity;

/// <summary>
/// Turns events into binned intensity series, whole or split by a key (event type, sub-type, admin1, actor).
/// Totals are preserved: under the band policy every event lands in exactly one bin of one array; under the
/// spread policy each event's weight 1 is shared over the days of its period (the part outside the range is
/// not counted, and <see cref="IntensitySeries.TotalEvents"/> says how much remained).
/// </summary>
public static class IntensityCalculator
{
    /// <summary>One series of all the given events between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static IntensitySeries Compute(IEnumerable<ConflictEvent> events, IntensityOptions options, DateOnly from, DateOnly to, string name = "all events")
    {
        var starts = Bins.Range(from, to, options.Bin);
        var acc = new Accumulator(starts, options);
        foreach (var e in events)
        {
            acc.Add(e);
        }

        return acc.ToSeries(name);
    }

    /// <summary>
    /// One series per key value, ordered by total events (descending) then name, so legends are stable.
    /// Events whose key is null are counted under <paramref name="missingName"/>.
    /// </summary>
    public static IReadOnlyList<IntensitySeries> Split(
        IEnumerable<ConflictEvent> events,
        IntensityOptions options,
        DateOnly from,
        DateOnly to,
        Func<ConflictEvent, string?> key,
        string missingName = "(not given)")
    {
        var starts = Bins.Range(from, to, options.Bin);
        var groups = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var k = key(e) ?? missingName;
            if (!groups.TryGetValue(k, out var acc))
            {
                groups[k] = acc = new Accumulator(starts, options);
            }

            acc.Add(e);
        }

        return groups
            .Select(g => g.Value.ToSeries(g.Key))
            .OrderByDescending(s => s.TotalEvents).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// One series per actor pattern: events where any actor field (actor 1/2 and associated actors)
    /// contains the pattern, ignoring case. An event may count under several patterns.
    /// </summary>
    public static IReadOnlyList<IntensitySeries> ByActor(IEnumerable<ConflictEvent> events, IntensityOptions options, DateOnly from, DateOnly to, IEnumerable<string> patterns)
    {
        var list = events as IReadOnlyCollection<ConflictEvent> ?? events.ToList();
        return patterns.Select(p => Compute(list.Where(e => EventFilter.MatchesActor(e, p)), options, from, to, p)).ToList();
    }

    private sealed class Accumulator(IReadOnlyList<DateOnly> starts, IntensityOptions options)
    {
        private readonly double[] events = new double[starts.Count];
        private readonly double[] fatalities = new double[starts.Count];
        private readonly double[] impreciseEvents = new double[starts.Count];
        private readonly double[] impreciseFatalities = new double[starts.Count];
        private readonly double[] low = new double[starts.Count];
        private readonly double[] high = new double[starts.Count];
        private readonly DateOnly end = starts.Count == 0 ? default : Bins.Next(starts[^1], options.Bin);
        private bool anyBand;

        public void Add(ConflictEvent e)
        {
            var coarse = EventPeriod.IsCoarserThan(e, options.Bin);
            if (coarse && options.Imprecise == ImprecisePolicy.Spread)
            {
                Spread(e);
                return;
            }

            var i = Index(e.Date);
            if (i < 0)
            {
                return;
            }

            if (coarse)
            {
                impreciseEvents[i] += 1;
                impreciseFatalities[i] += e.Fatalities;
            }
            else
            {
                events[i] += 1;
                fatalities[i] += e.Fatalities;
            }

            AddBand(e, i, 1);
        }

        public IntensitySeries ToSeries(string name) =>
            new(name, options.Bin, options.Imprecise, starts, events, fatalities, impreciseEvents, impreciseFatalities, anyBand ? low : null, anyBand ? high : null);

        private void Spread(ConflictEvent e)
        {
            var (first, last) = EventPeriod.Of(e);
            var days = last.DayNumber - first.DayNumber + 1;
            var share = 1.0 / days;
            for (var d = first; d <= last; d = d.AddDays(1))
            {
                var i = Index(d);
                if (i < 0)
                {
                    continue;
                }

                events[i] += share;
                fatalities[i] += e.Fatalities * share;
                AddBand(e, i, share);
            }
        }

        private void AddBand(ConflictEvent e, int i, double weight)
        {
            if (e.FatalitiesLow is null && e.FatalitiesHigh is null)
            {
                low[i] += e.Fatalities * weight;
                high[i] += e.Fatalities * weight;
                return;
            }

            anyBand = true;
            low[i] += (e.FatalitiesLow ?? e.Fatalities) * weight;
            high[i] += (e.FatalitiesHigh ?? e.Fatalities) * weight;
        }

        private int Index(DateOnly date)
        {
            if (starts.Count == 0 || date < starts[0] || date >= end)
            {
                return -1;
            }

            var s = Bins.Start(date, options.Bin);
            return options.Bin switch
            {
                BinUnit.Day => s.DayNumber - starts[0].DayNumber,
                BinUnit.Month => ((s.Year - starts[0].Year) * 12) + s.Month - starts[0].Month,
                _ => (s.DayNumber - starts[0].DayNumber) / 7,
            };
        }
    }
}
