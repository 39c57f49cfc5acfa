using Pipeline.Articles;
using Pipeline.Events;
using Pipeline.Intensity;
using Pipeline.Statistics;

namespace Pipeline.Tests.Intensity;

/// <summary>
/// Window edges, the imprecise band, the pre-trend check, the sensitivity table (sign flags and "not computable"
/// cells), the events behind each window, and the generated imprecise-dates sentence.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class SensitivityTests
{
    private static readonly DateOnly Monday = new(2019, 1, 7);

    /// <summary>A weekly series of <paramref name="n"/> bins from a Monday, 0..7 events a week (seeded).</summary>
    private static IntensitySeries Weekly(int n, ulong seed = 5)
    {
        var rng = new SplitMix64(seed);
        var counts = Enumerable.Range(0, n).Select(_ => (double)rng.NextBelow(8)).ToArray();
        var starts = Enumerable.Range(0, n).Select(i => Monday.AddDays(7 * i)).ToList();
        var zeros = new double[n];
        return new IntensitySeries("test", BinUnit.IsoWeek, ImprecisePolicy.Band, starts, counts, counts, zeros, zeros, null, null);
    }

    private static Coverage CoverageOf(IntensitySeries s) => new(s.BinStarts[0], Bins.Next(s.BinStarts[^1], s.Bin).AddDays(-1));

    private static StudyTarget Point(string id, DateOnly d) => new(id, id, d, d, false);

    private static ConflictEvent Event(string id, DateOnly date, int deaths, DatePrecision precision = DatePrecision.Day, DateOnly? end = null, EventSource source = EventSource.Acled, string country = "Libya") => new()
    {
        Id = id,
        Source = source,
        Date = date,
        DateEnd = end,
        Precision = precision,
        EventType = HarmonisedEventType.Battles.DisplayName(),
        HarmonisedType = HarmonisedEventType.Battles,
        Country = country,
        Admin1 = "Tripolitania",
        Fatalities = deaths,
        SourceLine = 2,
    };

    [Theory]
    [InlineData(4)]
    [InlineData(2)]
    public void A_point_window_may_touch_the_first_and_the_last_bin_but_not_reach_past_them(int k)
    {
        var s = Weekly(120);
        var o = EventStudyOptions.Default with { Window = k, MinimumPlacebos = 20, MinimumDisjointPlacebos = 1 };

        // b − k = 0: the before-window starts on the first bin.
        var first = EventStudy.Run(s, [Point("first", s.BinStarts[k])], CoverageOf(s), o)[0];
        Assert.NotNull(first.Events?.PValue);
        Assert.Equal(s.BinStarts[0], first.Window!.BeforeFirst);
        Assert.Equal(s.Events.Take(k).Sum() / k, first.Events!.Before, 12);

        // b − k = −1: one bin short.
        var early = EventStudy.Run(s, [Point("early", s.BinStarts[k - 1])], CoverageOf(s), o)[0];
        Assert.Null(early.Events);
        Assert.Null(early.Window);
        Assert.Contains($"a window of {k} week bins each side", early.Note);

        // b + k = Count: the after-window ends on the last bin's last day.
        var b = s.Count - k;
        var last = EventStudy.Run(s, [Point("last", s.BinStarts[b])], CoverageOf(s), o)[0];
        Assert.NotNull(last.Events?.PValue);
        Assert.Equal(s.BinStarts[^1].AddDays(6), last.Window!.AfterLast);
        Assert.Equal(s.Events.Skip(b).Sum() / k, last.Events!.After, 12);

        // b + k = Count + 1: one bin past the end.
        var late = EventStudy.Run(s, [Point("late", s.BinStarts[b + 1])], CoverageOf(s), o)[0];
        Assert.Null(late.Events);
        Assert.Contains("reaches outside the analysed range", late.Note);
    }

    [Fact]
    public void A_placebo_window_may_touch_both_ends_of_the_series()
    {
        // 40 bins, k = 2, mention at 20: placebo starts p with p − 2 ≥ 0 and p + 2 ≤ 40, clear of bins 18..21:
        // 2..16 and 24..38, i.e. 15 + 15 = 30, the first starting on bin 0 and the last ending on bin 39.
        var s = Weekly(40);
        var r = EventStudy.Run(s, [Point("m", s.BinStarts[20])], CoverageOf(s), EventStudyOptions.Default with { Window = 2, MinimumPlacebos = 20, MinimumDisjointPlacebos = 1 })[0];
        Assert.Equal(30, r.Placebo!.Count);
    }

    [Fact]
    public void The_study_windows_are_the_days_of_the_bins_it_compares()
    {
        var s = Weekly(100);
        var r = EventStudy.Run(s, [Point("m", s.BinStarts[50].AddDays(3))], CoverageOf(s), EventStudyOptions.Default)[0];
        Assert.Equal(new StudyWindow(s.BinStarts[46], s.BinStarts[50].AddDays(-1), s.BinStarts[50], s.BinStarts[54].AddDays(-1)), r.Window);
    }

    /// <summary>Day-precise events 2015–2022 (0..5 a day, seeded), with an extra imprecise pile near 2019-04-04.</summary>
    private static List<ConflictEvent> WithImprecisePile(out List<ConflictEvent> precise)
    {
        var rng = new SplitMix64(11);
        precise = [];
        for (var d = new DateOnly(2015, 1, 1); d <= new DateOnly(2022, 12, 31); d = d.AddDays(1))
        {
            var n = rng.NextBelow(6);
            for (var j = 0; j < n; j++)
            {
                precise.Add(Event($"p{precise.Count}", d, (int)rng.NextBelow(3)));
            }
        }

        var all = new List<ConflictEvent>(precise)
        {
            // UCDP events running from the offensive's first day for months (date_prec 4–5): could fall only in the after window.
            Event("u1", new DateOnly(2019, 4, 4), 300, DatePrecision.Year, new DateOnly(2019, 7, 31), EventSource.UcdpGed),
            Event("u2", new DateOnly(2019, 4, 4), 244, DatePrecision.Month, new DateOnly(2019, 4, 30), EventSource.UcdpGed),

            // An ACLED month-precision event in March: could fall in the before window (2019-03-04..03-31) only.
            Event("a1", new DateOnly(2019, 3, 15), 7, DatePrecision.Month),

            // Week precision is not coarser than week bins: counted, not in the band.
            Event("w1", new DateOnly(2019, 4, 10), 5, DatePrecision.Week),
        };
        precise.Add(all[^1]);
        return all;
    }

    [Fact]
    public void Under_the_band_imprecise_events_are_not_counted_anywhere_and_the_band_says_how_many_could_fall_in_each_window()
    {
        var all = WithImprecisePile(out var precise);
        var (from, to) = (new DateOnly(2015, 1, 1), new DateOnly(2022, 12, 31));
        var o = IntensityOptions.Default;
        var t = Point("offensive", new DateOnly(2019, 4, 4));
        var withPile = EventStudy.Run(IntensityCalculator.Compute(all, o, from, to), [t], new Coverage(from, to), EventStudyOptions.Default, all)[0];
        var without = EventStudy.Run(IntensityCalculator.Compute(precise, o, from, to), [t], new Coverage(from, to), EventStudyOptions.Default, precise)[0];

        // Same means, same placebo windows, same interval and p: the pile is left out at the mention and at every placebo window.
        Assert.Equal(without.Events, withPile.Events);
        Assert.Equal(without.Fatalities, withPile.Fatalities);
        Assert.Equal(without.Placebo, withPile.Placebo);

        // Week of 2019-04-01: before 2019-03-04..03-31, after 2019-04-01..04-28.
        Assert.Equal(new StudyWindow(new(2019, 3, 4), new(2019, 3, 31), new(2019, 4, 1), new(2019, 4, 28)), withPile.Window);
        Assert.Equal(new ImpreciseBand(1, 7, 2, 544), withPile.Imprecise);
        Assert.Equal(new ImpreciseBand(0, 0, 0, 0), without.Imprecise);
        Assert.Contains("up to 1 events (7 deaths) could fall in the before window, up to 2 (544) in the after window", withPile.Note);
        Assert.Null(without.Note);
    }

    [Fact]
    public void Under_spread_the_study_counts_the_spread_series_and_has_no_band()
    {
        var all = WithImprecisePile(out _);
        var (from, to) = (new DateOnly(2015, 1, 1), new DateOnly(2022, 12, 31));
        var spread = IntensityCalculator.Compute(all, IntensityOptions.Default with { Imprecise = ImprecisePolicy.Spread }, from, to);
        var band = IntensityCalculator.Compute(all, IntensityOptions.Default, from, to);
        var t = Point("offensive", new DateOnly(2019, 4, 4));
        var s = EventStudy.Run(spread, [t], new Coverage(from, to), EventStudyOptions.Default, all)[0];
        var b = EventStudy.Run(band, [t], new Coverage(from, to), EventStudyOptions.Default, all)[0];
        Assert.Null(s.Imprecise);

        // After window (2019-04-01..04-28) gains u1's 25 of 119 days and u2's 25 of 27; before window a1's 28 of 31 days.
        Assert.Equal(b.Events!.After + (((25.0 / 119) + (25.0 / 27)) / 4), s.Events!.After, 9);
        Assert.Equal(b.Events.Before + (28.0 / 31 / 4), s.Events.Before, 9);
    }

    [Fact]
    public void The_pre_trend_check_is_the_study_placed_k_bins_earlier_with_its_own_placebo_p()
    {
        var s = Weekly(200);
        var t = Point("m", s.BinStarts[100]);
        var pre = EventStudy.PreTrend(s, [t], CoverageOf(s), EventStudyOptions.Default)[0];
        var study = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default)[0];
        var earlier = EventStudy.Run(s, [Point("m", s.BinStarts[96])], CoverageOf(s), EventStudyOptions.Default)[0];

        Assert.Equal(study.Window!.BeforeFirst, pre.Window!.AfterFirst);
        Assert.Equal(study.Window.BeforeLast, pre.Window.AfterLast);
        Assert.Equal(s.BinStarts[92], pre.Window.BeforeFirst);
        Assert.Equal(earlier.Events!.Difference, pre.Events!.Difference);
        Assert.Equal(earlier.Events.Before, pre.Events.Before);

        // Placebo windows stay clear of both the study's bins 96..103 and the pre-trend's 92..99: starts 4..88 and 108..196.
        Assert.Equal(85 + 89, pre.Placebo!.Count);
        Assert.NotNull(pre.Events.PValue);
    }

    [Fact]
    public void The_pre_trend_window_may_start_on_the_first_bin_but_not_before_it()
    {
        var s = Weekly(120);
        var o = EventStudyOptions.Default with { MinimumPlacebos = 20, MinimumDisjointPlacebos = 1 };
        var fits = EventStudy.PreTrend(s, [Point("fits", s.BinStarts[8])], CoverageOf(s), o)[0];
        Assert.Equal(s.BinStarts[0], fits.Window!.BeforeFirst);
        Assert.NotNull(fits.Events?.PValue);
        var short1 = EventStudy.PreTrend(s, [Point("short", s.BinStarts[7])], CoverageOf(s), o)[0];
        Assert.Null(short1.Events);
        Assert.Contains("the pre-trend window (the 4 week bins before the before-window) reaches before the analysed range", short1.Note);
    }

    /// <summary>
    /// Days 2010–2019 with 0..4 events a day (seeded); 2016-02-01 (a Monday, a month's first day) gets +3 a day for
    /// 28 days after it, and December 2015 +10 a day: week bins see a rise, month bins (December and January
    /// before, February and March after) a fall.
    /// </summary>
    private static List<ConflictEvent> Flipping()
    {
        var rng = new SplitMix64(21);
        var list = new List<ConflictEvent>();
        for (var d = new DateOnly(2010, 1, 1); d <= new DateOnly(2019, 12, 31); d = d.AddDays(1))
        {
            var n = rng.NextBelow(5) + (d >= new DateOnly(2016, 2, 1) && d < new DateOnly(2016, 2, 29) ? 3 : 0) + (d.Year == 2015 && d.Month == 12 ? 10 : 0);
            for (var j = 0; j < n; j++)
            {
                list.Add(Event($"e{list.Count}", d, 1));
            }
        }

        return list;
    }

    private static Article OneMention(DateOnly date) =>
        new("test-article", "Test", "Author", "Outlet", new DateOnly(2020, 1, 3), null, "en", "Libya", 1,
            [new Mention("m", [1], "a mention", MentionKind.Point, date, date, DatePrecision.Day, ["Libya"], [])]);

    [Fact]
    public void Sensitivity_flags_settings_whose_sign_differs_from_week_k4_band_and_leaves_too_few_placebos_not_computable()
    {
        var events = Flipping();
        var rows = Sensitivity.Run(events, OneMention(new DateOnly(2016, 2, 1)), "flip.csv", new DateOnly(2010, 1, 1), new DateOnly(2019, 12, 31), EventStudyOptions.Default);
        Assert.Equal(Sensitivity.Settings.Count + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(("m", "flip.csv"), (r.MentionId, r.Source)));
        SensitivityRow At(BinUnit bin, int k, ImprecisePolicy p) => rows.Single(r => r.Comparison == SensitivityComparison.Study && r.Setting == new SensitivitySetting(bin, k, p));

        var primary = At(BinUnit.IsoWeek, 4, ImprecisePolicy.Band);
        Assert.True(primary.IsPrimary);
        Assert.True(primary.Difference > 0);
        Assert.False(primary.SignDiffersFromPrimary);

        var month = At(BinUnit.Month, 2, ImprecisePolicy.Band);
        Assert.True(month.Difference < 0);
        Assert.True(month.SignDiffersFromPrimary);
        Assert.False(At(BinUnit.AcledWeek, 4, ImprecisePolicy.Spread).SignDiffersFromPrimary);

        // 120 month bins: 12+12-month placebo windows fit, but far fewer than 19 side by side.
        var wide = At(BinUnit.Month, 12, ImprecisePolicy.Band);
        Assert.False(wide.IsComputable);
        Assert.Null(wide.Difference);
        Assert.Null(wide.Low);
        Assert.Null(wide.PValue);
        Assert.Null(wide.SignDiffersFromPrimary);
        Assert.StartsWith("not computable: interval and p-value not computable: only", wide.Note);

        var pre = Assert.Single(rows, r => r.Comparison == SensitivityComparison.PreTrend);
        Assert.Equal(Sensitivity.Primary, pre.Setting);
        Assert.Null(pre.SignDiffersFromPrimary);
        // The pre-trend compares 2015-12-07..2016-01-03 (most of the December surge) with 2016-01-04..01-31: a fall.
        Assert.True(pre.Difference < 0);
    }

    [Fact]
    public void Sensitivity_of_one_mention_keeps_the_others_out_of_its_placebo_windows()
    {
        var events = Flipping();
        var article = new Article("test-article", "Test", "Author", "Outlet", new DateOnly(2020, 1, 3), null, "en", "Libya", 1,
        [
            new Mention("m", [1], "a mention", MentionKind.Point, new DateOnly(2016, 2, 1), new DateOnly(2016, 2, 1), DatePrecision.Day, ["Libya"], []),
            new Mention("other", [1], "another", MentionKind.Point, new DateOnly(2013, 6, 3), new DateOnly(2013, 6, 3), DatePrecision.Day, ["Libya"], []),
        ]);
        var (from, to) = (new DateOnly(2010, 1, 1), new DateOnly(2019, 12, 31));
        var one = Sensitivity.Run(events, article, "s", from, to, EventStudyOptions.Default, "m");
        var all = Sensitivity.Run(events, article, "s", from, to, EventStudyOptions.Default);
        Assert.Equal(all.Where(r => r.MentionId == "m"), one);
        Assert.Throws<ArgumentException>(() => Sensitivity.Run(events, article, "s", from, to, EventStudyOptions.Default, "nope"));
    }

    [Fact]
    public void A_covered_country_without_events_is_studied_on_zeros_when_its_coverage_is_given()
    {
        var article = OneMention(new DateOnly(2016, 2, 1));
        var (from, to) = (new DateOnly(2010, 1, 1), new DateOnly(2019, 12, 31));

        Assert.Throws<ArgumentException>(() => Sensitivity.Run([], article, "s", from, to, EventStudyOptions.Default));
        var rows = Sensitivity.Run([], article, "s", from, to, EventStudyOptions.Default, coverage: new Coverage(from, to));

        var primary = Assert.Single(rows, r => r.IsPrimary && r.Comparison == SensitivityComparison.Study);
        Assert.Equal(0, primary.Difference);
        Assert.Equal(1, primary.PValue);
        Assert.Equal(Sensitivity.Settings.Count + 1, rows.Count);
    }

    [Fact]
    public void Window_events_list_what_each_window_counted_and_the_imprecise_events_that_could_fall_in_it()
    {
        var all = WithImprecisePile(out _);
        var w = new StudyWindow(new(2019, 3, 4), new(2019, 3, 31), new(2019, 4, 1), new(2019, 4, 28));
        var rows = WindowEvents.Of(all, "offensive", "f.csv", w, BinUnit.IsoWeek, ImprecisePolicy.Band);
        var counted = all.Where(e => e.Precision <= DatePrecision.Week && e.Date >= w.BeforeFirst && e.Date <= w.AfterLast).ToList();
        Assert.Equal(counted.Count + 3, rows.Count);
        Assert.Equal(counted.Count(e => e.Date < w.AfterFirst), rows.Count(r => r.Window == StudyWindowSide.Before && r.Count == WindowEventCount.Counted));
        Assert.Equal(["a1"], rows.Where(r => r.Count == WindowEventCount.ImpreciseBand && r.Window == StudyWindowSide.Before).Select(r => r.Event.Id));
        Assert.Equal(["u1", "u2"], rows.Where(r => r.Count == WindowEventCount.ImpreciseBand && r.Window == StudyWindowSide.After).Select(r => r.Event.Id));
        Assert.Contains(rows, r => r.Event.Id == "w1" && r.Count == WindowEventCount.Counted && r.Window == StudyWindowSide.After);
        Assert.True(rows.Select(r => (r.Window, r.Event.Date)).SequenceEqual(rows.Select(r => (r.Window, r.Event.Date)).Order()));
        Assert.All(WindowEvents.Of(all, "offensive", "f.csv", w, BinUnit.IsoWeek, ImprecisePolicy.Spread).Where(r => r.Event.Id is "u1" or "u2" or "a1"), r => Assert.Equal(WindowEventCount.SpreadShare, r.Count));
    }

    [Theory]
    [InlineData(BinUnit.Day, new[] { 2, 3 }, new[] { 2, 3, 4, 5 }, 1)]
    [InlineData(BinUnit.IsoWeek, new[] { 3 }, new[] { 4, 5 }, 7)]
    [InlineData(BinUnit.AcledWeek, new[] { 3 }, new[] { 4, 5 }, 7)]
    [InlineData(BinUnit.Month, new int[0], new[] { 5 }, 32)]
    public void Imprecise_codes_per_bin_unit_come_from_the_readers_mappings(BinUnit bin, int[] acled, int[] ucdp, int ucdpSpan)
    {
        Assert.Equal(acled, ImpreciseRule.Codes(EventSource.Acled, bin));
        Assert.Equal(ucdp, ImpreciseRule.Codes(EventSource.UcdpGed, bin));
        Assert.Equal(ucdpSpan, ImpreciseRule.UcdpSpanDays(bin));
    }

    [Fact]
    public void The_method_note_names_the_codes_for_the_bin_unit_and_what_the_policy_did()
    {
        var week = ImpreciseRule.Sentence(BinUnit.IsoWeek, ImprecisePolicy.Band, EventSource.Acled);
        Assert.StartsWith("ACLED events with time_precision 3 are dated more coarsely than week bins", week);
        Assert.Contains("left out of the event study's counts", week);
        var ucdp = ImpreciseRule.Sentence(BinUnit.IsoWeek, ImprecisePolicy.Spread, EventSource.UcdpGed);
        Assert.StartsWith("UCDP GED events with date_prec 4–5 (a row with another date_prec is judged by date_start..date_end: 7 days or more apart)", ucdp);
        Assert.Contains("spread evenly", ucdp);
        Assert.Contains("time_precision 2–3", ImpreciseRule.Sentence(BinUnit.Day, ImprecisePolicy.Band, EventSource.Acled));
        Assert.EndsWith("spread evenly over the days they may have happened on (time_precision 2: the 7 days centred on its date; time_precision 3: the calendar month of its date), in the charts and in the event study alike.", ImpreciseRule.Sentence(BinUnit.Day, ImprecisePolicy.Spread, EventSource.Acled));
        Assert.StartsWith("ACLED: no time_precision code is coarser than month bins", ImpreciseRule.Sentence(BinUnit.Month, ImprecisePolicy.Band, EventSource.Acled));
    }
}
