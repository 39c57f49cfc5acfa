using Pipeline.Statistics;

namespace Pipeline.Intensity;

/// <summary>
/// A descriptive event study around each dated mention: intensity in k bins before vs k bins after a point
/// (the bin holding the date counts as "after"), or inside a period vs the same number of bins just before
/// it. Intervals come from a moving-block bootstrap within each window (blocks keep the short-run
/// autocorrelation of conflict counts); placebo dates drawn from the rest of the series show how large such
/// a change is at ordinary times. Nothing here supports a causal reading, and the report says so.
/// </summary>
public static class EventStudy
{
    /// <summary>Studies every target against one series; results are in target order.</summary>
    public static IReadOnlyList<EventStudyResult> Run(IntensitySeries series, IEnumerable<StudyTarget> targets, Coverage coverage, EventStudyOptions options)
    {
        options.Validate();
        var events = series.AllEvents();
        var deaths = series.AllFatalities();
        return targets.Select(t => Study(series, events, deaths, t, coverage, options)).ToList();
    }

    private static EventStudyResult Study(IntensitySeries series, double[] events, double[] deaths, StudyTarget t, Coverage coverage, EventStudyOptions o)
    {
        var status = coverage.Classify(t.Start, t.End);
        if (status == CoverageStatus.Outside)
        {
            return new EventStudyResult(t, status, null, null, null, "outside the data's coverage: nothing to measure", 0, 0);
        }

        return t.IsPeriod ? StudyPeriod(series, events, deaths, t, status, o) : StudyPoint(series, events, deaths, t, status, o);
    }

    private static EventStudyResult StudyPoint(IntensitySeries series, double[] events, double[] deaths, StudyTarget t, CoverageStatus status, EventStudyOptions o)
    {
        var k = o.Window;
        var b = series.IndexOf(t.Start);
        if (b < 0 || b - k < 0 || b + k > series.Count)
        {
            return new EventStudyResult(t, status, null, null, null,
                $"a window of {k} {Bins.Name(series.Bin)} bins each side of {t.Start:yyyy-MM-dd} reaches outside the analysed range ({series.BinStarts[0]:yyyy-MM-dd}..{Bins.Next(series.BinStarts[^1], series.Bin).AddDays(-1):yyyy-MM-dd})", 0, 0);
        }

        var rng = new SplitMix64(SplitMix64.Derive(o.Seed, t.Id));
        var block = o.BlockLength ?? Math.Max(1, (int)Math.Round(Math.Cbrt(k)));
        var ev = Effect(events.AsSpan(b - k, k), events.AsSpan(b, k), block, o.Replicates, rng);
        var fa = Effect(deaths.AsSpan(b - k, k), deaths.AsSpan(b, k), block, o.Replicates, rng);
        var placebo = Placebos(series, events, b, t, k, ev.Difference, o, rng, out var note);
        return new EventStudyResult(t, status, ev, fa, placebo, note, k, k);
    }

    private static EventStudyResult StudyPeriod(IntensitySeries series, double[] events, double[] deaths, StudyTarget t, CoverageStatus status, EventStudyOptions o)
    {
        var first = series.IndexOf(t.Start < series.BinStarts[0] ? series.BinStarts[0] : t.Start);
        var lastDay = Bins.Next(series.BinStarts[^1], series.Bin).AddDays(-1);
        var last = series.IndexOf(t.End > lastDay ? lastDay : t.End);
        var clipped = t.Start < series.BinStarts[0] || t.End > lastDay;
        if (first < 0 || last < first)
        {
            return new EventStudyResult(t, status, null, null, null, "the period lies outside the analysed range", 0, 0);
        }

        var m = last - first + 1;
        if (first - m < 0)
        {
            return new EventStudyResult(t, status, null, null, null,
                $"the {m} {Bins.Name(series.Bin)} bins before the period reach before the analysed range", 0, m);
        }

        var rng = new SplitMix64(SplitMix64.Derive(o.Seed, t.Id));
        var block = o.BlockLength ?? Math.Max(1, (int)Math.Round(Math.Cbrt(m)));
        var ev = Effect(events.AsSpan(first - m, m), events.AsSpan(first, m), block, o.Replicates, rng);
        var fa = Effect(deaths.AsSpan(first - m, m), deaths.AsSpan(first, m), block, o.Replicates, rng);
        var note = clipped ? $"period clipped to the analysed range ({m} bins inside)" : null;
        return new EventStudyResult(t, status, ev, fa, null, note, m, m);
    }

    /// <summary>Observed means, difference and ratio, and percentile intervals from a moving-block bootstrap.</summary>
    internal static WindowEffect Effect(ReadOnlySpan<double> before, ReadOnlySpan<double> after, int block, int replicates, SplitMix64 rng)
    {
        var meanBefore = Mean(before);
        var meanAfter = Mean(after);
        var diffs = new double[replicates];
        var ratios = new List<double>(replicates);
        var b = new double[before.Length];
        var a = new double[after.Length];
        for (var r = 0; r < replicates; r++)
        {
            Resample(before, b, block, rng);
            Resample(after, a, block, rng);
            var mb = Mean(b);
            var ma = Mean(a);
            diffs[r] = ma - mb;
            if (mb > 0)
            {
                ratios.Add(ma / mb);
            }
        }

        Array.Sort(diffs);
        ratios.Sort();
        var ratioUsable = ratios.Count >= replicates * 0.95;
        return new WindowEffect(
            meanBefore,
            meanAfter,
            meanAfter - meanBefore,
            meanBefore > 0 ? meanAfter / meanBefore : null,
            Percentile.OfSorted(diffs, 0.025),
            Percentile.OfSorted(diffs, 0.975),
            ratioUsable ? Percentile.OfSorted(ratios, 0.025) : null,
            ratioUsable ? Percentile.OfSorted(ratios, 0.975) : null);
    }

    /// <summary>Fills <paramref name="into"/> with randomly chosen overlapping blocks of <paramref name="source"/>.</summary>
    internal static void Resample(ReadOnlySpan<double> source, Span<double> into, int block, SplitMix64 rng)
    {
        var l = Math.Min(block, source.Length);
        var starts = source.Length - l + 1;
        var filled = 0;
        while (filled < into.Length)
        {
            var s = rng.NextBelow(starts);
            for (var j = 0; j < l && filled < into.Length; j++)
            {
                into[filled++] = source[s + j];
            }
        }
    }

    private static PlaceboSummary? Placebos(IntensitySeries series, double[] events, int b, StudyTarget t, int k, double observed, EventStudyOptions o, SplitMix64 rng, out string? note)
    {
        // Candidate centres: full windows inside the series, not overlapping the mention's own window, and
        // (for day bins) on the same weekday, since conflict reporting has a weekly rhythm.
        var candidates = new List<int>();
        for (var c = k; c + k <= series.Count; c++)
        {
            if (Math.Abs(c - b) < 2 * k)
            {
                continue;
            }

            if (series.Bin == BinUnit.Day && series.BinStarts[c].DayOfWeek != t.Start.DayOfWeek)
            {
                continue;
            }

            candidates.Add(c);
        }

        if (candidates.Count < 20)
        {
            note = $"only {candidates.Count} non-overlapping placebo windows fit in the series; no placebo reference";
            return null;
        }

        note = null;
        var diffs = new double[o.Placebos];
        var extreme = 0;
        for (var i = 0; i < o.Placebos; i++)
        {
            var c = candidates[rng.NextBelow(candidates.Count)];
            var d = Mean(events.AsSpan(c, k)) - Mean(events.AsSpan(c - k, k));
            diffs[i] = d;
            if (Math.Abs(d) >= Math.Abs(observed) - 1e-12)
            {
                extreme++;
            }
        }

        Array.Sort(diffs);
        return new PlaceboSummary(o.Placebos, (1.0 + extreme) / (1.0 + o.Placebos), Percentile.OfSorted(diffs, 0.025), Percentile.OfSorted(diffs, 0.975));
    }

    private static double Mean(ReadOnlySpan<double> v)
    {
        var s = 0.0;
        foreach (var x in v)
        {
            s += x;
        }

        return v.Length == 0 ? 0 : s / v.Length;
    }
}
