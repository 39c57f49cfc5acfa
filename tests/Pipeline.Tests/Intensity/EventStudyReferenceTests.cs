using Pipeline.Events;
using Pipeline.Intensity;
using Pipeline.Statistics;

namespace Pipeline.Tests.Intensity;

/// <summary>
/// The event study against a plain re-statement of its documented rules (issue 14: the mutation-testing
/// survivors): window sums by loops instead of prefix sums, placebo windows by listing every start and checking
/// its 2L bins one by one, h as the ⌊n/20⌋-th largest |placebo|, p as (1 + #{|pᵢ| ≥ |d|}) / (1 + n). Plus the
/// edges the random series rarely hit: weekday-matched day placebos, the count of non-overlapping windows, the
/// minimums taken inclusively, clipped periods and the imprecise band's inclusive ends.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class EventStudyReferenceTests
{
    private static readonly DateOnly Monday = new(2019, 1, 7);

    private static IntensitySeries Series(BinUnit bin, double[] counts, double[] deaths)
    {
        var starts = new List<DateOnly> { bin == BinUnit.Day ? Monday.AddDays(3) : Monday };
        while (starts.Count < counts.Length)
        {
            starts.Add(Bins.Next(starts[^1], bin));
        }

        var zeros = new double[counts.Length];
        return new IntensitySeries("test", bin, ImprecisePolicy.Band, starts, counts, deaths, zeros, zeros, null, null);
    }

    private static Coverage CoverageOf(IntensitySeries s) => new(s.BinStarts[0], Bins.Next(s.BinStarts[^1], s.Bin).AddDays(-1));

    private static StudyTarget Point(string id, DateOnly d) => new(id, id, d, d, false);

    /// <summary>What the study should report for a window of L bins before and L from <paramref name="c"/>, with <paramref name="blocked"/> bins kept out of every placebo window.</summary>
    private static (WindowEffect Effect, int Placebos, double H) Expected(IReadOnlyList<double> x, int c, int l, bool[] blocked, bool day, IReadOnlyList<DateOnly> starts)
    {
        static (double B, double A) Sums(IReadOnlyList<double> x, int at, int l)
        {
            double b = 0, a = 0;
            for (var i = at - l; i < at; i++)
            {
                b += x[i];
            }

            for (var i = at; i < at + l; i++)
            {
                a += x[i];
            }

            return (b, a);
        }

        var (before, after) = Sums(x, c, l);
        var d = (after - before) / l;
        var diffs = new List<double>();
        var logs = new List<double>();
        for (var p = 0; p < x.Count; p++)
        {
            var fits = p - l >= 0 && p + l <= x.Count && Enumerable.Range(p - l, 2 * l).All(i => !blocked[i]) && (!day || starts[p].DayOfWeek == starts[c].DayOfWeek);
            if (fits)
            {
                var (pb, pa) = Sums(x, p, l);
                diffs.Add((pa - pb) / l);
                logs.Add(Math.Log((pa + 0.5) / (pb + 0.5)));
            }
        }

        static double Largest(List<double> v, int r) => v.Select(Math.Abs).OrderByDescending(a => a).ElementAt(r - 1);
        var r = diffs.Count / 20;
        var h = Largest(diffs, r);
        var pValue = (1.0 + diffs.Count(v => Math.Abs(v) >= Math.Abs(d))) / (1.0 + diffs.Count);
        double? ratio = before > 0 ? after / before : null;
        var lr = Math.Log((after + 0.5) / (before + 0.5));
        var hl = Largest(logs, r);
        var effect = new WindowEffect(before / l, after / l, d, ratio, d - h, d + h, pValue, ratio is null ? null : Math.Exp(lr - hl), ratio is null ? null : Math.Exp(lr + hl));
        return (effect, diffs.Count, h);
    }

    private static void Same(WindowEffect expected, WindowEffect? actual, string what)
    {
        Assert.NotNull(actual);
        Assert.True(Near(expected.Before, actual.Before) && Near(expected.After, actual.After) && Near(expected.Difference, actual.Difference)
            && Near(expected.Ratio, actual.Ratio) && Near(expected.DifferenceLow, actual.DifferenceLow) && Near(expected.DifferenceHigh, actual.DifferenceHigh)
            && Near(expected.PValue, actual.PValue) && Near(expected.RatioLow, actual.RatioLow) && Near(expected.RatioHigh, actual.RatioHigh), $"{what}: expected {expected}, got {actual}");
    }

    private static bool Near(double? a, double? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value));

    private static bool[] Block(int n, params (int From, int To)[] spans)
    {
        var blocked = new bool[n];
        foreach (var (from, to) in spans)
        {
            for (var i = Math.Max(0, from); i < Math.Min(n, to); i++)
            {
                blocked[i] = true;
            }
        }

        return blocked;
    }

    [Theory]
    [InlineData(1UL, 2)]
    [InlineData(2UL, 4)]
    [InlineData(3UL, 3)]
    [InlineData(4UL, 1)]
    public void Two_mentions_on_a_random_weekly_series_match_the_documented_rules(ulong seed, int k)
    {
        var rng = new SplitMix64(seed);
        var n = 150 + rng.NextBelow(100);
        var counts = Enumerable.Range(0, n).Select(_ => (double)rng.NextBelow(9)).ToArray();
        var deaths = counts.Select(c => (double)(c * rng.NextBelow(4))).ToArray();
        var (c1, c2) = (n / 3 + rng.NextBelow(10), (2 * n / 3) + rng.NextBelow(10));
        var s = Series(BinUnit.IsoWeek, counts, deaths);
        var options = EventStudyOptions.Default with { Window = k, MinimumPlacebos = 20, MinimumDisjointPlacebos = 1 };
        var results = EventStudy.Run(s, [Point("a", s.BinStarts[c1].AddDays(2)), Point("b", s.BinStarts[c2])], CoverageOf(s), options);

        var blocked = Block(n, (c1 - k, c1 + k), (c2 - k, c2 + k));
        foreach (var (r, c) in results.Zip([c1, c2]))
        {
            var (ev, placebos, h) = Expected(counts, c, k, blocked, false, s.BinStarts);
            var (fa, _, _) = Expected(deaths, c, k, blocked, false, s.BinStarts);
            Same(ev, r.Events, $"events at bin {c}");
            Same(fa, r.Fatalities, $"fatalities at bin {c}");
            Assert.Equal(new PlaceboSummary(placebos, -h, h), r.Placebo);
            Assert.Equal((k, k), (r.BinsBefore, r.BinsAfter));
            Assert.Equal(CoverageStatus.Inside, r.Coverage);
            Assert.Null(r.Note);
            Assert.Equal(new StudyWindow(s.BinStarts[c - k], s.BinStarts[c].AddDays(-1), s.BinStarts[c], s.BinStarts[c + k].AddDays(-1)), r.Window);
        }
    }

    [Fact]
    public void The_pre_trend_matches_the_rules_with_both_windows_of_every_mention_kept_out()
    {
        var rng = new SplitMix64(9);
        const int n = 220, k = 3, c = 120;
        var counts = Enumerable.Range(0, n).Select(_ => (double)rng.NextBelow(7)).ToArray();
        var s = Series(BinUnit.IsoWeek, counts, counts);
        var r = EventStudy.PreTrend(s, [Point("m", s.BinStarts[c])], CoverageOf(s), EventStudyOptions.Default with { Window = k, MinimumPlacebos = 20, MinimumDisjointPlacebos = 1 })[0];

        var (ev, placebos, h) = Expected(counts, c - k, k, Block(n, (c - (2 * k), c + k)), false, s.BinStarts);
        Same(ev, r.Events, "pre-trend events");
        Assert.Equal(new PlaceboSummary(placebos, -h, h), r.Placebo);
        Assert.Equal(new StudyWindow(s.BinStarts[c - (2 * k)], s.BinStarts[c - k].AddDays(-1), s.BinStarts[c - k], s.BinStarts[c].AddDays(-1)), r.Window);
    }

    [Fact]
    public void Day_bins_take_only_placebo_windows_starting_on_the_mentions_weekday()
    {
        // 200 days, k = 2, mention at day 100: clear starts are 2..96 and 104..198; those 7·j days from day 100
        // are 2, 9, .., 93 and 107, .., 198: 14 + 14.
        var rng = new SplitMix64(4);
        var counts = Enumerable.Range(0, 200).Select(_ => (double)rng.NextBelow(5)).ToArray();
        var s = Series(BinUnit.Day, counts, counts);
        var options = EventStudyOptions.Default with { Window = 2, MinimumPlacebos = 28, MinimumDisjointPlacebos = 28 };
        var r = EventStudy.Run(s, [Point("m", s.BinStarts[100])], CoverageOf(s), options)[0];
        Assert.Equal(28, r.Placebo!.Count); // exactly the minimums: enough
        var (ev, _, _) = Expected(counts, 100, 2, Block(200, (98, 102)), true, s.BinStarts);
        Same(ev, r.Events, "day bins");

        var one = EventStudy.Run(s, [Point("m", s.BinStarts[100])], CoverageOf(s), options with { MinimumPlacebos = 29 })[0];
        Assert.Null(one.Placebo);
        Assert.Contains("only 28 placebo windows of 2+2 day bins", one.Note);
        var two = EventStudy.Run(s, [Point("m", s.BinStarts[100])], CoverageOf(s), options with { MinimumDisjointPlacebos = 29 })[0];
        Assert.Null(two.Placebo);
        Assert.Contains("28 of them non-overlapping (at least 28 and 29 needed)", two.Note);
    }

    [Fact]
    public void Windows_that_only_touch_count_as_non_overlapping()
    {
        // 40 weeks, k = 4, mention at 20: clear starts 4..12 and 28..36. Side by side: 4, 12 (touching 4's
        // window), 28, 36.
        var s = Series(BinUnit.IsoWeek, [.. Enumerable.Repeat(1.0, 40)], [.. Enumerable.Repeat(1.0, 40)]);
        var r = EventStudy.Run(s, [Point("m", s.BinStarts[20])], CoverageOf(s), EventStudyOptions.Default)[0];
        Assert.Equal("interval and p-value not computable: only 18 placebo windows of 4+4 week bins fit in the series clear of every mention's window, 4 of them non-overlapping (at least 39 and 19 needed)", r.Note);
        Assert.Equal((4, 4), (r.BinsBefore, r.BinsAfter));
    }

    [Fact]
    public void A_period_running_past_the_last_bin_is_clipped_and_says_how_many_bins_remain()
    {
        var s = Series(BinUnit.IsoWeek, [.. Enumerable.Repeat(2.0, 96), .. Enumerable.Repeat(6.0, 4)], [.. Enumerable.Repeat(0.0, 100)]);
        var t = new StudyTarget("late", "late", s.BinStarts[96], s.BinStarts[99].AddDays(40), true);
        var r = EventStudy.Run(s, [t], new Coverage(s.BinStarts[0], s.BinStarts[99].AddDays(60)), EventStudyOptions.Default)[0];
        Assert.Equal(CoverageStatus.Inside, r.Coverage);
        Assert.Equal((4, 4), (r.BinsBefore, r.BinsAfter));
        Assert.Equal(2.0, r.Events!.Before);
        Assert.Equal(6.0, r.Events.After);
        Assert.StartsWith("period clipped to the analysed range (4 bins inside)", r.Note);
        Assert.Equal(s.BinStarts[99].AddDays(6), r.Window!.AfterLast);
    }

    [Fact]
    public void A_period_starting_before_the_first_bin_with_nothing_before_it_says_so()
    {
        var s = Series(BinUnit.IsoWeek, [.. Enumerable.Repeat(2.0, 60)], [.. Enumerable.Repeat(0.0, 60)]);
        var early = new StudyTarget("early", "early", s.BinStarts[0].AddDays(-20), s.BinStarts[1].AddDays(2), true);
        var after = new StudyTarget("after", "after", s.BinStarts[^1].AddDays(10), s.BinStarts[^1].AddDays(30), true);
        var results = EventStudy.Run(s, [early, after], new Coverage(s.BinStarts[0].AddDays(-100), s.BinStarts[^1].AddDays(100)), EventStudyOptions.Default);
        Assert.Equal("the 2 week bins before the period reach before the analysed range", results[0].Note);
        Assert.Equal((0, 2), (results[0].BinsBefore, results[0].BinsAfter));
        Assert.Null(results[0].Events);
        Assert.Null(results[0].Window);
        Assert.Equal("the period lies outside the analysed range", results[1].Note);
        Assert.Equal((0, 0), (results[1].BinsBefore, results[1].BinsAfter));

        var outside = EventStudy.Run(s, [early], new Coverage(s.BinStarts[30], s.BinStarts[40]), EventStudyOptions.Default)[0];
        Assert.Equal(CoverageStatus.Outside, outside.Coverage);
        Assert.Equal("outside the data's coverage: nothing to measure", outside.Note);
        Assert.Equal((0, 0), (outside.BinsBefore, outside.BinsAfter));
    }

    private static ConflictEvent Imprecise(string id, DateOnly first, DateOnly last, int deaths) => new()
    {
        Id = id,
        Source = EventSource.UcdpGed,
        Date = first,
        DateEnd = last,
        Precision = DatePrecision.Month,
        EventType = HarmonisedEventType.Battles.DisplayName(),
        HarmonisedType = HarmonisedEventType.Battles,
        Country = "Libya",
        Fatalities = deaths,
        SourceLine = 2,
    };

    [Fact]
    public void The_imprecise_band_counts_periods_touching_either_window_inclusively_at_each_end()
    {
        var s = Series(BinUnit.IsoWeek, [.. Enumerable.Repeat(1.0, 100)], [.. Enumerable.Repeat(1.0, 100)]);
        var o = EventStudyOptions.Default with { MinimumPlacebos = 20, MinimumDisjointPlacebos = 1 }; // computable: the note is the band's alone
        var (bf, bl, af, al) = (s.BinStarts[46], s.BinStarts[50].AddDays(-1), s.BinStarts[50], s.BinStarts[54].AddDays(-1));
        ConflictEvent[] events =
        [
            Imprecise("ends on the first before day", bf.AddDays(-20), bf, 1),
            Imprecise("ends the day before", bf.AddDays(-20), bf.AddDays(-1), 2),
            Imprecise("the last before day", bl, bl, 4),
            Imprecise("the first after day", af, af.AddDays(3), 8),
            Imprecise("starts on the last after day", al, al.AddDays(20), 16),
            Imprecise("starts the day after", al.AddDays(1), al.AddDays(20), 32),
            Imprecise("spans both", bl, af, 64),
            Imprecise("day-precise", bl, bl, 128) with { Precision = DatePrecision.Day, DateEnd = null },
        ];
        var r = EventStudy.Run(s, [Point("m", s.BinStarts[50])], CoverageOf(s), o, events)[0];
        Assert.Equal(new ImpreciseBand(3, 69, 3, 88), r.Imprecise);
        Assert.EndsWith(r.Imprecise!.Describe(), r.Note);

        // Only a before side still puts the band in the note; neither leaves the note alone.
        var beforeOnly = EventStudy.Run(s, [Point("m", s.BinStarts[50])], CoverageOf(s), o, events[..1])[0];
        Assert.Equal(new ImpreciseBand(1, 1, 0, 0), beforeOnly.Imprecise);
        Assert.Equal(beforeOnly.Imprecise!.Describe(), beforeOnly.Note);
        var afterOnly = EventStudy.Run(s, [Point("m", s.BinStarts[50])], CoverageOf(s), o, events[3..4])[0];
        Assert.Equal(afterOnly.Imprecise!.Describe(), afterOnly.Note);
        var none = EventStudy.Run(s, [Point("m", s.BinStarts[50])], CoverageOf(s), o, events[1..2])[0];
        Assert.Equal(new ImpreciseBand(0, 0, 0, 0), none.Imprecise);
        Assert.Null(none.Note);
        Assert.Null(EventStudy.Run(s, [Point("m", s.BinStarts[50])], CoverageOf(s), o)[0].Imprecise);
    }

    [Fact]
    public void A_point_whose_window_leaves_the_series_names_the_analysed_range()
    {
        var s = Series(BinUnit.IsoWeek, [.. Enumerable.Repeat(1.0, 30)], [.. Enumerable.Repeat(1.0, 30)]);
        var r = EventStudy.Run(s, [Point("late", s.BinStarts[27])], CoverageOf(s), EventStudyOptions.Default)[0];
        Assert.Equal("a window of 4 week bins each side of 2019-07-15 reaches outside the analysed range (2019-01-07..2019-08-04)", r.Note);
        Assert.Equal((0, 0), (r.BinsBefore, r.BinsAfter));

        var empty = new IntensitySeries("empty", BinUnit.IsoWeek, ImprecisePolicy.Band, [], [], [], [], [], null, null);
        var coverage = new Coverage(Monday, Monday.AddDays(100));
        var none = EventStudy.Run(empty, [Point("p", Monday.AddDays(50)), new StudyTarget("q", "q", Monday, Monday.AddDays(20), true)], coverage, EventStudyOptions.Default);
        Assert.Equal("a window of 4 week bins each side of 2019-02-26 reaches outside the analysed range (no bins)", none[0].Note);
        Assert.Equal("the period lies outside the analysed range", none[1].Note);
    }

    [Fact]
    public void Period_edges_one_bin_long_ending_on_the_last_day_and_with_exactly_enough_bins_before()
    {
        var s = Series(BinUnit.IsoWeek, [.. Enumerable.Range(0, 60).Select(i => (double)(i % 4))], [.. Enumerable.Repeat(0.0, 60)]);
        var coverage = CoverageOf(s);
        StudyTarget[] targets =
        [
            new("one bin", "one bin", s.BinStarts[30].AddDays(1), s.BinStarts[30].AddDays(3), true),
            new("to the end", "to the end", s.BinStarts[57], s.BinStarts[59].AddDays(6), true),
            new("from bin 3", "from bin 3", s.BinStarts[3], s.BinStarts[5].AddDays(6), true),
            new("before", "before", s.BinStarts[0].AddDays(-30), s.BinStarts[0].AddDays(-1), true),
        ];
        var r = EventStudy.Run(s, targets, new Coverage(s.BinStarts[0].AddDays(-60), coverage.Last), EventStudyOptions.Default);

        Assert.Equal((1, 1), (r[0].BinsBefore, r[0].BinsAfter));
        Assert.Equal((1.0, 2.0), (r[0].Events!.Before, r[0].Events!.After)); // bins 29 and 30: 29 % 4, 30 % 4
        Assert.Equal(new StudyWindow(s.BinStarts[29], s.BinStarts[30].AddDays(-1), s.BinStarts[30], s.BinStarts[31].AddDays(-1)), r[0].Window);

        Assert.NotNull(r[1].Events); // ends on the last day: not clipped
        Assert.DoesNotContain("clipped", r[1].Note ?? "", StringComparison.Ordinal);
        Assert.Equal(s.BinStarts[59].AddDays(6), r[1].Window!.AfterLast);

        Assert.Equal((3, 3), (r[2].BinsBefore, r[2].BinsAfter)); // bins 0..2 before bins 3..5
        Assert.Equal((1.0, 4.0 / 3), (r[2].Events!.Before, r[2].Events!.After));
        Assert.Equal(s.BinStarts[0], r[2].Window!.BeforeFirst);

        Assert.Equal("the period lies outside the analysed range", r[3].Note);
        Assert.Null(r[3].Events);
    }

    [Fact]
    public void A_point_window_may_start_on_the_first_bin_and_end_on_the_last_but_not_one_bin_further()
    {
        // 200 weeks, k = 4: bins 4 and 196 are the first and last mention bins whose 4 + 4 bins fit (b - k = 0,
        // b + k = 200); bins 3 and 197 are one bin too far.
        var rng = new SplitMix64(12);
        const int n = 200, k = 4;
        var counts = Enumerable.Range(0, n).Select(_ => (double)rng.NextBelow(6)).ToArray();
        var s = Series(BinUnit.IsoWeek, counts, counts);
        var options = EventStudyOptions.Default with { MinimumPlacebos = 20, MinimumDisjointPlacebos = 1 };
        foreach (var c in new[] { k, n - k })
        {
            var r = EventStudy.Run(s, [Point("m", s.BinStarts[c].AddDays(6))], CoverageOf(s), options)[0];
            var (ev, placebos, _) = Expected(counts, c, k, Block(n, (c - k, c + k)), false, s.BinStarts);
            Same(ev, r.Events, $"mention at bin {c}");
            Assert.Equal(placebos, r.Placebo!.Count);
            Assert.Null(r.Note);
        }

        foreach (var c in new[] { k - 1, n - k + 1 })
        {
            var r = EventStudy.Run(s, [Point("m", s.BinStarts[c])], CoverageOf(s), options)[0];
            Assert.Null(r.Events);
            Assert.StartsWith($"a window of {k} week bins each side of {s.BinStarts[c]:yyyy-MM-dd} reaches outside the analysed range", r.Note);
        }
    }

    [Fact]
    public void The_pre_trend_window_may_start_on_the_first_bin_but_not_before_it()
    {
        // k = 3: the pre-trend of a mention at bin 6 compares bins 0..2 with 3..5; at bin 5 it would need bin -1.
        var rng = new SplitMix64(13);
        const int n = 160, k = 3;
        var counts = Enumerable.Range(0, n).Select(_ => (double)rng.NextBelow(6)).ToArray();
        var s = Series(BinUnit.IsoWeek, counts, counts);
        var options = EventStudyOptions.Default with { Window = k, MinimumPlacebos = 20, MinimumDisjointPlacebos = 1 };
        var r = EventStudy.PreTrend(s, [Point("m", s.BinStarts[2 * k])], CoverageOf(s), options)[0];
        var (ev, placebos, _) = Expected(counts, k, k, Block(n, (0, 3 * k)), false, s.BinStarts);
        Same(ev, r.Events, "pre-trend from bin 0");
        Assert.Equal(placebos, r.Placebo!.Count);
        Assert.Equal(s.BinStarts[0], r.Window!.BeforeFirst);

        var early = EventStudy.PreTrend(s, [Point("m", s.BinStarts[(2 * k) - 1])], CoverageOf(s), options)[0];
        Assert.Null(early.Events);
        Assert.Equal($"the pre-trend window (the {k} week bins before the before-window) reaches before the analysed range", early.Note);
    }

    [Fact]
    public void A_null_series_and_options_below_the_minimums_are_rejected_before_anything_is_studied()
    {
        var s = Series(BinUnit.IsoWeek, [.. Enumerable.Repeat(1.0, 100)], [.. Enumerable.Repeat(1.0, 100)]);
        Assert.Equal("series", Assert.Throws<ArgumentNullException>(() => EventStudy.Run(null!, [Point("m", Monday)], CoverageOf(s), EventStudyOptions.Default)).ParamName);
        Assert.Throws<ArgumentException>(() => EventStudy.Run(s, [Point("m", s.BinStarts[50])], CoverageOf(s), EventStudyOptions.Default with { MinimumPlacebos = 19 }));
        Assert.Throws<ArgumentException>(() => EventStudy.PreTrend(s, [Point("m", s.BinStarts[50])], CoverageOf(s), EventStudyOptions.Default with { Window = 0 }));
    }

    [Fact]
    public void The_pre_trend_of_a_mention_that_cannot_be_studied_keeps_its_own_reason()
    {
        var s = Series(BinUnit.IsoWeek, [.. Enumerable.Repeat(1.0, 100)], [.. Enumerable.Repeat(1.0, 100)]);
        var r = EventStudy.PreTrend(s, [Point("early", s.BinStarts[2])], CoverageOf(s), EventStudyOptions.Default)[0];
        Assert.Null(r.Events);
        Assert.StartsWith("a window of 4 week bins each side of 2019-01-21 reaches outside the analysed range", r.Note);
    }

    [Fact]
    public void Every_note_of_a_study_is_kept_joined_by_semicolons()
    {
        // A period clipped at the series' end, with too few placebo windows, and imprecise events in its window:
        // three notes, in that order.
        var s = Series(BinUnit.IsoWeek, [.. Enumerable.Repeat(1.0, 40)], [.. Enumerable.Repeat(1.0, 40)]);
        var t = new StudyTarget("late", "late", s.BinStarts[36], s.BinStarts[39].AddDays(30), true);
        var coverage = new Coverage(s.BinStarts[0], s.BinStarts[39].AddDays(60));
        ConflictEvent[] events = [Imprecise("in the after-window", s.BinStarts[37], s.BinStarts[38], 5)];
        var r = EventStudy.Run(s, [t], coverage, EventStudyOptions.Default, events)[0];
        var parts = r.Note!.Split("; ");
        Assert.Equal(3, parts.Length);
        Assert.Equal("period clipped to the analysed range (4 bins inside)", parts[0]);
        Assert.StartsWith("interval and p-value not computable: only ", parts[1], StringComparison.Ordinal);
        Assert.Equal(new ImpreciseBand(0, 0, 1, 5), r.Imprecise);
        Assert.Equal(r.Imprecise!.Describe(), parts[2]);
    }

    [Fact]
    public void A_mention_cut_by_the_series_start_keeps_its_bins_out_of_other_placebo_windows_one_before_the_series_keeps_none()
    {
        // k = 4, 200 weeks, studied mention at bin 100. A mention on bin 0 cannot be studied (it needs bins -4..-1)
        // but its bins 0..3 still hold its change: placebo windows starting at 4..7 (bins p-4..p+3) touch them. A
        // mention dated before the first bin is not located in the series and keeps nothing out.
        var rng = new SplitMix64(14);
        const int n = 200, k = 4, c = 100;
        var counts = Enumerable.Range(0, n).Select(_ => (double)rng.NextBelow(6)).ToArray();
        var s = Series(BinUnit.IsoWeek, counts, counts);
        var coverage = new Coverage(s.BinStarts[0].AddDays(-100), CoverageOf(s).Last);
        var options = EventStudyOptions.Default with { MinimumPlacebos = 20, MinimumDisjointPlacebos = 1 };
        var alone = EventStudy.Run(s, [Point("m", s.BinStarts[c])], coverage, options)[0];
        var (_, clear, _) = Expected(counts, c, k, Block(n, (c - k, c + k)), false, s.BinStarts);
        Assert.Equal(clear, alone.Placebo!.Count);

        var atStart = EventStudy.Run(s, [Point("first bin", s.BinStarts[0]), Point("m", s.BinStarts[c])], coverage, options);
        Assert.Null(atStart[0].Events);
        var (ev, placebos, _) = Expected(counts, c, k, Block(n, (0, k), (c - k, c + k)), false, s.BinStarts);
        Assert.Equal(clear - k, placebos);
        Assert.Equal(placebos, atStart[1].Placebo!.Count);
        Same(ev, atStart[1].Events, "with a mention on bin 0");

        var before = EventStudy.Run(s, [Point("before", s.BinStarts[0].AddDays(-10)), Point("m", s.BinStarts[c])], coverage, options);
        Assert.Null(before[0].Events);
        Assert.Equal(alone, before[1]);
    }

    [Fact]
    public void A_period_beyond_the_series_and_outside_coverage_says_it_is_outside_coverage()
    {
        var s = Series(BinUnit.IsoWeek, [.. Enumerable.Repeat(1.0, 60)], [.. Enumerable.Repeat(1.0, 60)]);
        var t = new StudyTarget("later", "later", s.BinStarts[^1].AddDays(30), s.BinStarts[^1].AddDays(60), true);
        var r = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default)[0];
        Assert.Equal(CoverageStatus.Outside, r.Coverage);
        Assert.Equal("outside the data's coverage: nothing to measure", r.Note);
        Assert.Null(r.Events);
    }
}
