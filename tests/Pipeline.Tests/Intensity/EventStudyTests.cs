using Pipeline.Intensity;
using Pipeline.Statistics;

namespace Pipeline.Tests.Intensity;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class EventStudyTests
{
    private static readonly DateOnly Monday = new(2019, 1, 7);

    /// <summary>A weekly series starting on a Monday with the given event counts (no fatalities).</summary>
    private static IntensitySeries Weekly(params double[] counts)
    {
        var starts = Enumerable.Range(0, counts.Length).Select(i => Monday.AddDays(7 * i)).ToList();
        var zeros = new double[counts.Length];
        return new IntensitySeries("test", BinUnit.IsoWeek, ImprecisePolicy.Band, starts, counts, counts.Select(c => c * 2).ToArray(), zeros, zeros, null, null);
    }

    private static Coverage CoverageOf(IntensitySeries s) => new(s.BinStarts[0], Bins.Next(s.BinStarts[^1], s.Bin).AddDays(-1));

    private static StudyTarget Point(string id, DateOnly d) => new(id, id, d, d, false);

    [Fact]
    public void A_step_from_2_to_6_events_a_week_gives_difference_4_ratio_3_and_the_smallest_placebo_p()
    {
        var counts = Enumerable.Repeat(2.0, 100).Concat(Enumerable.Repeat(6.0, 4)).Concat(Enumerable.Repeat(2.0, 100)).ToArray();
        var s = Weekly(counts);
        var date = s.BinStarts[100].AddDays(3);
        var r = Assert.Single(EventStudy.Run(s, [Point("step", date)], CoverageOf(s), EventStudyOptions.Default));
        Assert.Equal(CoverageStatus.Inside, r.Coverage);
        Assert.Equal(2, r.Events!.Before);
        Assert.Equal(6, r.Events.After);
        Assert.Equal(4, r.Events.Difference);
        Assert.Equal(3, r.Events.Ratio);
        Assert.Equal(8, r.Fatalities!.Difference);

        // Windows starting at bins 4..92 and 108..200 fit and stay clear of bins 96..103: 89 + 93. All are flat.
        Assert.Equal(182, r.Placebo!.Count);
        Assert.Equal(1.0 / 183, r.Events.PValue!.Value, 12);
        Assert.Equal((4.0, 4.0), (r.Events.DifferenceLow, r.Events.DifferenceHigh)); // no placebo window moves at all
        Assert.Equal((8.0, 8.0), (r.Fatalities.DifferenceLow, r.Fatalities.DifferenceHigh));
        Assert.Equal(24.5 / 8.5, r.Events.RatioLow!.Value, 12); // log((24 + ½)/(8 + ½)) ± 0
        Assert.True(r.Events.ExcludesZero);
    }

    [Fact]
    public void Placebo_p_and_interval_follow_the_stated_formulas()
    {
        var placebo = Enumerable.Range(1, 40).Select(i => (double)i).ToArray(); // n = 40, r = 2: h = 39

        Assert.Equal(39, PlaceboInference.HalfWidth(placebo));
        Assert.Equal(2.0 / 41, PlaceboInference.PValue(39.5, placebo), 12); // only 40 is as large
        Assert.Equal(3.0 / 41, PlaceboInference.PValue(-39, placebo), 12); // 39 and 40, two-sided
        Assert.Equal(41.0 / 41, PlaceboInference.PValue(0, placebo), 12);
        Assert.Equal(20, PlaceboInference.HalfWidth(placebo[..20])); // n = 20, r = 1: the largest
        Assert.Equal(39, PlaceboInference.HalfWidth([.. placebo.Reverse().Select(v => -v)])); // |p|, in any order
        var ex = Assert.Throws<ArgumentException>(() => PlaceboInference.HalfWidth(placebo[..19]));
        Assert.StartsWith("at least 20 placebo values are needed (got 19)", ex.Message, StringComparison.Ordinal);
        Assert.Equal("placebo", ex.ParamName);
        Assert.Equal(1.0, PlaceboInference.PValue(0, []), 12); // no placebo: (1 + 0) / (1 + 0)
    }

    [Fact]
    public void An_interval_excludes_zero_exactly_when_p_is_below_0_05()
    {
        // Small integer counts make ties common, the case where an off-by-one would show.
        var rng = new SplitMix64(11);
        var (studies, excluded, mismatches) = (0, 0, 0);
        for (var i = 0; i < 300; i++)
        {
            var n = 60 + rng.NextBelow(200);
            var s = Weekly(Enumerable.Range(0, n).Select(_ => (double)rng.NextBelow(1 + (i % 7))).ToArray());
            StudyTarget[] targets = [Point("p", s.BinStarts[4 + rng.NextBelow(n - 8)]), new("q", "q", s.BinStarts[n / 2], s.BinStarts[(n / 2) + rng.NextBelow(4)], true)];
            foreach (var r in EventStudy.Run(s, targets, CoverageOf(s), EventStudyOptions.Default with { MinimumPlacebos = 20, MinimumDisjointPlacebos = 1 }))
            {
                foreach (var e in new[] { r.Events, r.Fatalities })
                {
                    if (e?.PValue is not { } p)
                    {
                        continue;
                    }

                    studies++;
                    excluded += e.ExcludesZero ? 1 : 0;
                    mismatches += e.ExcludesZero != (p < 0.05) ? 1 : 0;
                    Assert.InRange(e.Difference, e.DifferenceLow!.Value, e.DifferenceHigh!.Value);
                    Assert.Equal(e.Difference - e.DifferenceLow.Value, e.DifferenceHigh.Value - e.Difference, 9);
                }
            }
        }

        Assert.Equal(0, mismatches);
        Assert.True(studies > 800, $"only {studies} studies had a p-value");
        Assert.True(excluded > 0, "no interval excluded zero: the consistency check saw only one side");
    }

    [Fact]
    public void Results_are_deterministic_and_do_not_depend_on_the_seed()
    {
        var rng = new SplitMix64(7);
        var counts = Enumerable.Range(0, 200).Select(_ => (double)rng.NextBelow(10)).ToArray();
        var s = Weekly(counts);
        var t = Point("noisy", s.BinStarts[100]);
        var a = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default)[0];
        var b = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default)[0];
        var c = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default with { Seed = 99 })[0];
        Assert.Equal(a, b);
        Assert.Equal(a, c); // every placebo window is used: nothing is drawn
        Assert.True(a.Events!.DifferenceLow < a.Events.DifferenceHigh);
        Assert.InRange(a.Events.PValue!.Value, 1.0 / (1 + a.Placebo!.Count), 1.0);
    }

    [Fact]
    public void A_mention_outside_coverage_is_kept_with_a_note_and_no_numbers()
    {
        var s = Weekly(Enumerable.Repeat(1.0, 30).ToArray());
        var r = EventStudy.Run(s, [Point("chad", new DateOnly(1987, 3, 1))], CoverageOf(s), EventStudyOptions.Default)[0];
        Assert.Equal(CoverageStatus.Outside, r.Coverage);
        Assert.Null(r.Events);
        Assert.Contains("outside the data's coverage", r.Note);
    }

    [Fact]
    public void A_window_that_reaches_past_the_series_is_not_computed_and_says_why()
    {
        var s = Weekly(Enumerable.Repeat(1.0, 30).ToArray());
        var r = EventStudy.Run(s, [Point("early", s.BinStarts[2])], CoverageOf(s), EventStudyOptions.Default)[0];
        Assert.Null(r.Events);
        Assert.Contains("a window of 4 week bins each side", r.Note);
    }

    [Fact]
    public void A_period_compares_its_mean_with_the_same_length_just_before_and_gets_a_p_value()
    {
        var counts = Enumerable.Repeat(1.0, 100).Concat(Enumerable.Repeat(5.0, 3)).Concat(Enumerable.Repeat(1.0, 97)).ToArray();
        var s = Weekly(counts);
        var t = new StudyTarget("offensive", "offensive", s.BinStarts[100], s.BinStarts[102].AddDays(6), true);
        var r = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default)[0];
        Assert.Equal((3, 3), (r.BinsBefore, r.BinsAfter));
        Assert.Equal(1, r.Events!.Before);
        Assert.Equal(5, r.Events.After);

        // 3+3-bin windows starting at 3..94 and 106..197 stay clear of bins 97..102.
        Assert.Equal(184, r.Placebo!.Count);
        Assert.Equal(1.0 / 185, r.Events.PValue!.Value, 12);
        Assert.Equal((4.0, 4.0), (r.Events.DifferenceLow, r.Events.DifferenceHigh));
    }

    [Fact]
    public void Too_few_placebo_windows_leave_the_means_but_no_interval_or_p_and_say_why()
    {
        var counts = Enumerable.Repeat(1.0, 20).Concat(Enumerable.Repeat(5.0, 10)).Concat(Enumerable.Repeat(1.0, 20)).ToArray();
        var s = Weekly(counts);
        var t = new StudyTarget("offensive", "offensive", s.BinStarts[20], s.BinStarts[29].AddDays(6), true);
        var r = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default)[0];
        Assert.Equal(4, r.Events!.Difference);
        Assert.Null(r.Events.PValue);
        Assert.Null(r.Events.DifferenceLow);
        Assert.Null(r.Fatalities!.DifferenceHigh);
        Assert.Null(r.Placebo);
        Assert.False(r.Events.ExcludesZero);
        Assert.Contains("not computable: only 1 placebo windows of 10+10 week bins", r.Note);
        Assert.Contains("1 of them non-overlapping (at least 39 and 19 needed)", r.Note);
    }

    [Fact]
    public void A_ratio_needs_events_before_and_its_interval_too()
    {
        var counts = Enumerable.Repeat(0.0, 100).Concat(Enumerable.Repeat(3.0, 4)).Concat(Enumerable.Repeat(0.0, 100)).ToArray(); // enough windows either side
        var s = Weekly(counts);
        var r = EventStudy.Run(s, [Point("from-nothing", s.BinStarts[100])], CoverageOf(s), EventStudyOptions.Default)[0];
        Assert.Equal(3, r.Events!.Difference);
        Assert.Null(r.Events.Ratio);
        Assert.Null(r.Events.RatioLow);
        Assert.Null(r.Events.RatioHigh);
        Assert.NotNull(r.Events.PValue);
    }

    [Fact]
    public void A_long_window_needs_19_non_overlapping_placebo_windows_not_only_39_overlapping_ones()
    {
        var s = Weekly(Enumerable.Range(0, 300).Select(i => (double)(i % 5)).ToArray());
        var t = new StudyTarget("long", "long", s.BinStarts[150], s.BinStarts[159].AddDays(6), true);
        var r = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default)[0];

        // 10+10-bin windows starting at 10..130 and 170..290: 242 in all, but only 7 + 7 side by side.
        Assert.Null(r.Events!.PValue);
        Assert.Contains("242 placebo windows", r.Note);
        Assert.Contains("14 of them non-overlapping", r.Note);
    }

    [Fact]
    public void Options_below_the_minimums_are_rejected_naming_the_parameter()
    {
        Assert.Contains("minimum placebos", Assert.Throws<ArgumentException>(() => (EventStudyOptions.Default with { MinimumPlacebos = 19 }).Validate()).Message);
        Assert.Contains("window", Assert.Throws<ArgumentException>(() => (EventStudyOptions.Default with { Window = 0 }).Validate()).Message);
    }

    [Fact]
    public void Placebo_windows_leave_out_every_mentions_window()
    {
        var rng = new SplitMix64(3);
        var counts = Enumerable.Range(0, 240).Select(_ => (double)rng.NextBelow(8)).ToArray();
        for (var i = 80; i < 84; i++)
        {
            counts[i] = 200; // a burst at another mention's date
        }

        var s = Weekly(counts);
        var a = Point("a", s.BinStarts[40]);
        var alone = EventStudy.Run(s, [a], CoverageOf(s), EventStudyOptions.Default)[0];
        var withOther = EventStudy.Run(s, [Point("b", s.BinStarts[80]), a], CoverageOf(s), EventStudyOptions.Default)[1];

        // a alone: starts 4..32 and 48..236 (29 + 189); b's window 76..83 also rules out starts 73..87 (15).
        Assert.Equal(218, alone.Placebo!.Count);
        Assert.Equal(203, withOther.Placebo!.Count);
        Assert.True(withOther.Placebo.BandHigh < alone.Placebo.BandHigh, "the burst at b still widened a's placebo band");
        Assert.Equal(alone.Events!.Difference, withOther.Events!.Difference);
    }
}
