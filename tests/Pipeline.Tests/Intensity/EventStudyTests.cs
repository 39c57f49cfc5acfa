using Pipeline.Intensity;
using Pipeline.Statistics;

namespace Pipeline.Tests.Intensity;

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
    public void A_step_from_2_to_6_events_a_week_gives_difference_4_ratio_3_and_a_small_placebo_p()
    {
        var counts = Enumerable.Repeat(2.0, 60).Concat(Enumerable.Repeat(6.0, 4)).Concat(Enumerable.Repeat(2.0, 60)).ToArray();
        var s = Weekly(counts);
        var date = s.BinStarts[60].AddDays(3);
        var r = Assert.Single(EventStudy.Run(s, [Point("step", date)], CoverageOf(s), EventStudyOptions.Default));
        Assert.Equal(CoverageStatus.Inside, r.Coverage);
        Assert.Equal(2, r.Events!.Before);
        Assert.Equal(6, r.Events.After);
        Assert.Equal(4, r.Events.Difference);
        Assert.Equal(3, r.Events.Ratio);
        Assert.Equal((4.0, 4.0), (r.Events.DifferenceLow, r.Events.DifferenceHigh)); // constant windows: no sampling spread
        Assert.Equal(8, r.Fatalities!.Difference);
        Assert.Equal(1.0 / 501, r.Placebo!.PValue, 12); // no placebo window shows a change as large
        Assert.Equal((0.0, 0.0), (r.Placebo.BandLow, r.Placebo.BandHigh));
    }

    [Fact]
    public void Intervals_cover_the_observed_difference_and_are_reproducible_for_a_seed()
    {
        var rng = new SplitMix64(7);
        var counts = Enumerable.Range(0, 200).Select(_ => (double)rng.NextBelow(10)).ToArray();
        var s = Weekly(counts);
        var t = Point("noisy", s.BinStarts[100]);
        var a = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default)[0];
        var b = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default)[0];
        var c = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default with { Seed = 99 })[0];
        Assert.Equal(a, b);
        Assert.NotEqual(a, c); // another seed, other draws (the small-window CI bounds may coincide, the placebo draws do not)
        Assert.InRange(a.Events!.Difference, a.Events.DifferenceLow, a.Events.DifferenceHigh);
        Assert.True(a.Events.DifferenceLow < a.Events.DifferenceHigh);
        Assert.InRange(a.Placebo!.PValue, 1.0 / 501, 1.0);
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
    public void A_period_compares_its_mean_with_the_same_length_just_before()
    {
        var counts = Enumerable.Repeat(1.0, 20).Concat(Enumerable.Repeat(5.0, 10)).Concat(Enumerable.Repeat(1.0, 20)).ToArray();
        var s = Weekly(counts);
        var t = new StudyTarget("offensive", "offensive", s.BinStarts[20], s.BinStarts[29].AddDays(6), true);
        var r = EventStudy.Run(s, [t], CoverageOf(s), EventStudyOptions.Default)[0];
        Assert.Equal((10, 10), (r.BinsBefore, r.BinsAfter));
        Assert.Equal(1, r.Events!.Before);
        Assert.Equal(5, r.Events.After);
        Assert.Null(r.Placebo);
    }

    [Fact]
    public void Moving_block_resample_draws_contiguous_blocks_from_the_window()
    {
        double[] source = [1, 2, 3, 4, 5, 6];
        var into = new double[6];
        EventStudy.Resample(source, into, 3, new SplitMix64(1));
        for (var i = 0; i < 6; i += 3)
        {
            Assert.Equal(into[i] + 1, into[i + 1]);
            Assert.Equal(into[i] + 2, into[i + 2]);
        }
    }

    [Fact]
    public void Options_below_the_minimums_are_rejected_naming_the_parameter()
    {
        Assert.Contains("200 placebo", Assert.Throws<ArgumentException>(() => (EventStudyOptions.Default with { Placebos = 50 }).Validate()).Message);
        Assert.Contains("window", Assert.Throws<ArgumentException>(() => (EventStudyOptions.Default with { Window = 0 }).Validate()).Message);
    }

    [Fact]
    public void Adding_a_mention_does_not_change_the_draws_of_another()
    {
        var rng = new SplitMix64(3);
        var s = Weekly(Enumerable.Range(0, 120).Select(_ => (double)rng.NextBelow(8)).ToArray());
        var a = Point("a", s.BinStarts[50]);
        var alone = EventStudy.Run(s, [a], CoverageOf(s), EventStudyOptions.Default)[0];
        var withOther = EventStudy.Run(s, [Point("b", s.BinStarts[80]), a], CoverageOf(s), EventStudyOptions.Default)[1];
        Assert.Equal(alone, withOther);
    }
}
