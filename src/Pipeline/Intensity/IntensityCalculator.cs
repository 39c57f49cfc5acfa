using Pipeline.Events;

namespace Pipeline.Intensity;

/// <summary>
/// Turns events into binned intensity series, whole or split by a key (event type, sub-type, admin1, actor).
/// Totals are preserved: under the band policy every event lands in exactly one bin of one array; under the
/// spread policy each event's weight 1 is shared over the days of its period (the part outside the range is
/// not counted, and <see cref="IntensitySeries.TotalEvents"/> says how much remained).
/// </summary>
internal static class IntensityCalculator
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
    /// One series of a whole table. The same result as <see cref="Compute(IEnumerable{ConflictEvent}, IntensityOptions, DateOnly, DateOnly, string)"/>
    /// over <see cref="EventTable.Events"/>; this overload exists for performance: a table read from the
    /// columnar cache is counted from its columns (<see cref="EventTable.Columns"/>) without building events.
    /// </summary>
    public static IntensitySeries Compute(EventTable table, IntensityOptions options, DateOnly from, DateOnly to, string name = "all events")
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Columns;
        if (columns is null || options.Imprecise != ImprecisePolicy.Band)
        {
            return Compute(table.Events, options, from, to, name);
        }

        var acc = new Accumulator(Bins.Range(from, to, options.Bin), options);
        var days = columns.DayNumbers;
        var precision = columns.Precision;
        var fatalities = columns.Fatalities;
        for (var i = 0; i < days.Length; i++)
        {
            acc.Add(days[i], (DatePrecision)precision[i], fatalities[i]);
        }

        return acc.ToSeries(name);
    }

    /// <summary>
    /// One series per value of a text field of a whole table, as <see cref="Split(IEnumerable{ConflictEvent}, IntensityOptions, DateOnly, DateOnly, Func{ConflictEvent, string?}, string)"/>
    /// with that field as key; counted from the columns when the table has them.
    /// </summary>
    public static IReadOnlyList<IntensitySeries> Split(EventTable table, IntensityOptions options, DateOnly from, DateOnly to, EventTextField field, string missingName = "(not given)")
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Columns;
        if (columns is null || options.Imprecise != ImprecisePolicy.Band)
        {
            return Split(table.Events, options, from, to, Getter(field), missingName);
        }

        var starts = Bins.Range(from, to, options.Bin);
        var (values, codeMemory) = columns.Text(field);
        var groups = new Accumulator?[values.Count];
        var codes = codeMemory.Span;
        var days = columns.DayNumbers;
        var precision = columns.Precision;
        var fatalities = columns.Fatalities;
        for (var i = 0; i < days.Length; i++)
        {
            (groups[codes[i]] ??= new Accumulator(starts, options)).Add(days[i], (DatePrecision)precision[i], fatalities[i]);
        }

        // A value equal to missingName and the missing value itself share one series, as with a key function.
        var merged = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        for (var code = 0; code < groups.Length; code++)
        {
            // Plain locals rather than pattern and out variables: definitely assigned whatever the condition,
            // so a mutated condition still compiles and mutation testing can test it.
            var acc = groups[code];
            if (acc is null)
            {
                continue;
            }

            var key = values[code] ?? missingName;
            var existing = merged.GetValueOrDefault(key);
            if (existing is null)
            {
                merged[key] = acc;
            }
            else
            {
                existing.Merge(acc);
            }
        }

        return merged
            .Select(g => g.Value.ToSeries(g.Key))
            .OrderByDescending(s => s.TotalEvents).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
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
            var acc = groups.GetValueOrDefault(k);
            if (acc is null)
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

    private static Func<ConflictEvent, string?> Getter(EventTextField field) => field switch
    {
        EventTextField.EventType => e => e.EventType,
        EventTextField.SubEventType => e => e.SubEventType,
        EventTextField.DisorderType => e => e.DisorderType,
        EventTextField.Actor1 => e => e.Actor1,
        EventTextField.AssocActor1 => e => e.AssocActor1,
        EventTextField.Actor2 => e => e.Actor2,
        EventTextField.AssocActor2 => e => e.AssocActor2,
        EventTextField.Inter1 => e => e.Inter1,
        EventTextField.Inter2 => e => e.Inter2,
        EventTextField.Country => e => e.Country,
        EventTextField.Admin1 => e => e.Admin1,
        EventTextField.Admin2 => e => e.Admin2,
        EventTextField.Admin3 => e => e.Admin3,
        EventTextField.Location => e => e.Location,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private sealed class Accumulator(IReadOnlyList<DateOnly> starts, IntensityOptions options)
    {
        private readonly double[] events = new double[starts.Count];
        private readonly double[] fatalities = new double[starts.Count];
        private readonly double[] impreciseEvents = new double[starts.Count];
        private readonly double[] impreciseFatalities = new double[starts.Count];
        private readonly double[] low = new double[starts.Count];
        private readonly double[] high = new double[starts.Count];
        private readonly DateOnly end = starts.Count == 0 ? default : Bins.Next(starts[^1], options.Bin);

        // Spread shares are kept exact, as whole numbers per (bin, period length), and divided out in one fixed
        // order when the series is made: adding fractions like 1/31 event by event would make the last bits (and so
        // bootstrap intervals and placebo bands) depend on the order of the input rows.
        private readonly Dictionary<(int Bin, int Days), SpreadSums> spread = [];
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

            AddBand(e, i);
        }

        /// <summary>Adds an event without a date range or fatality band (band policy), from its columns.</summary>
        public void Add(int dayNumber, DatePrecision precision, int deaths)
        {
            var i = Index(DateOnly.FromDayNumber(dayNumber));
            if (i < 0)
            {
                return;
            }

            if (EventPeriod.IsCoarserThan(precision, options.Bin))
            {
                impreciseEvents[i] += 1;
                impreciseFatalities[i] += deaths;
            }
            else
            {
                events[i] += 1;
                fatalities[i] += deaths;
            }

            low[i] += deaths;
            high[i] += deaths;
        }

        /// <summary>Adds another accumulator over the same bins.</summary>
        public void Merge(Accumulator other)
        {
            for (var i = 0; i < events.Length; i++)
            {
                events[i] += other.events[i];
                fatalities[i] += other.fatalities[i];
                impreciseEvents[i] += other.impreciseEvents[i];
                impreciseFatalities[i] += other.impreciseFatalities[i];
                low[i] += other.low[i];
                high[i] += other.high[i];
            }

            foreach (var (key, sums) in other.spread)
            {
                spread[key] = spread.GetValueOrDefault(key) + sums;
            }

            anyBand |= other.anyBand;
        }

        public IntensitySeries ToSeries(string name)
        {
            var (ev, fa, lo, hi) = ((double[])events.Clone(), (double[])fatalities.Clone(), (double[])low.Clone(), (double[])high.Clone());
            foreach (var ((i, days), sums) in spread.OrderBy(p => p.Key))
            {
                ev[i] += (double)sums.Days / days;
                fa[i] += (double)sums.Fatalities / days;
                lo[i] += (double)sums.Low / days;
                hi[i] += (double)sums.High / days;
            }

            return new(name, options.Bin, options.Imprecise, starts, ev, fa, impreciseEvents, impreciseFatalities, anyBand ? lo : null, anyBand ? hi : null);
        }

        private void Spread(ConflictEvent e)
        {
            var (first, last) = EventPeriod.Of(e);
            var days = last.DayNumber - first.DayNumber + 1;
            var band = e.FatalitiesLow is not null || e.FatalitiesHigh is not null;
            var (bin, run) = (-1, 0L);
            for (var d = first; ; d = d.AddDays(1))
            {
                var i = Index(d);
                if (i != bin)
                {
                    AddRun(bin, run);
                    (bin, run) = (i, 0);
                }

                run++;
                if (d == last)
                {
                    break;
                }
            }

            AddRun(bin, run);

            // A run of the period's days that falls in one bin is added at once.
            void AddRun(int i, long n)
            {
                if (i >= 0 && n > 0)
                {
                    spread[(i, days)] = spread.GetValueOrDefault((i, days)) + new SpreadSums(n, n * e.Fatalities, n * (e.FatalitiesLow ?? e.Fatalities), n * (e.FatalitiesHigh ?? e.Fatalities));
                    anyBand |= band;
                }
            }
        }

        private void AddBand(ConflictEvent e, int i)
        {
            anyBand |= e.FatalitiesLow is not null || e.FatalitiesHigh is not null;
            low[i] += e.FatalitiesLow ?? e.Fatalities;
            high[i] += e.FatalitiesHigh ?? e.Fatalities;
        }

        private int Index(DateOnly date)
        {
            if (starts.Count == 0 || date < starts[0] || date >= end)
            {
                return -1;
            }

            return Bins.Offset(starts[0], date, options.Bin);
        }
    }

    /// <summary>Days of spread periods that fall in one bin, and their fatalities, low and high estimates, each times those days.</summary>
    private readonly record struct SpreadSums(long Days, long Fatalities, long Low, long High)
    {
        public static SpreadSums operator +(SpreadSums a, SpreadSums b) =>
            new(a.Days + b.Days, a.Fatalities + b.Fatalities, a.Low + b.Low, a.High + b.High);
    }
}
