using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Tests.Intensity;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class IntensityTests
{
    private static ConflictEvent Ev(string date, int deaths = 0, DatePrecision p = DatePrecision.Day, HarmonisedEventType type = HarmonisedEventType.Battles, string? actor1 = "Actor A", string? admin1 = "Tripoli", int? low = null, int? high = null, string country = "Libya") => new()
    {
        Id = date + deaths,
        Source = EventSource.Acled,
        Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Precision = p,
        EventType = type.DisplayName(),
        HarmonisedType = type,
        Actor1 = actor1,
        Admin1 = admin1,
        Country = country,
        Fatalities = deaths,
        FatalitiesLow = low,
        FatalitiesHigh = high,
        SourceLine = 2,
    };

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2019-04-04", BinUnit.IsoWeek, "2019-04-01")] // Thursday → Monday
    [InlineData("2019-04-07", BinUnit.IsoWeek, "2019-04-01")] // Sunday ends the ISO week
    [InlineData("2019-04-04", BinUnit.AcledWeek, "2019-03-30")] // Thursday → Saturday before
    [InlineData("2019-04-06", BinUnit.AcledWeek, "2019-04-06")] // Saturday starts the ACLED week
    [InlineData("2019-04-05", BinUnit.AcledWeek, "2019-03-30")] // Friday ends it
    [InlineData("2019-04-04", BinUnit.Month, "2019-04-01")]
    [InlineData("2019-04-04", BinUnit.Day, "2019-04-04")]
    public void Bin_start_follows_each_week_convention(string date, BinUnit unit, string start) =>
        Assert.Equal(D(start), Bins.Start(D(date), unit));

    [Fact]
    public void Quiet_bins_are_present_as_zeros()
    {
        var s = IntensityCalculator.Compute([Ev("2019-01-05", 2), Ev("2019-04-20", 3)], IntensityOptions.Default with { Bin = BinUnit.Month }, D("2019-01-01"), D("2019-04-30"));
        Assert.Equal([D("2019-01-01"), D("2019-02-01"), D("2019-03-01"), D("2019-04-01")], s.BinStarts);
        Assert.Equal([1.0, 0, 0, 1], s.Events);
        Assert.Equal([2.0, 0, 0, 3], s.Fatalities);
    }

    [Fact]
    public void Band_policy_keeps_month_dated_events_apart_in_weekly_bins()
    {
        var events = new[] { Ev("2019-04-02", 1), Ev("2019-04-15", 10, DatePrecision.Month), Ev("2019-04-16", 0, DatePrecision.Week) };
        var s = IntensityCalculator.Compute(events, IntensityOptions.Default, D("2019-04-01"), D("2019-04-30"));
        Assert.Equal(2, s.Events.Sum()); // the week-dated event is not coarser than a week
        Assert.Equal(1, s.ImpreciseEvents.Sum());
        Assert.Equal(10, s.ImpreciseFatalities[s.IndexOf(D("2019-04-15"))]);
        Assert.Equal(3, s.TotalEvents);
    }

    [Fact]
    public void Spread_policy_shares_a_month_dated_event_over_its_days_and_preserves_the_total()
    {
        var s = IntensityCalculator.Compute([Ev("2019-04-15", 30, DatePrecision.Month)], IntensityOptions.Default with { Bin = BinUnit.Day, Imprecise = ImprecisePolicy.Spread }, D("2019-04-01"), D("2019-04-30"));
        Assert.All(s.Events, v => Assert.Equal(1.0 / 30, v, 12));
        Assert.Equal(1.0, s.TotalEvents, 12);
        Assert.Equal(30.0, s.TotalFatalities, 9);
        Assert.Equal(0, s.ImpreciseEvents.Sum());
    }

    [Fact]
    public void Spread_series_and_event_study_do_not_depend_on_the_order_of_the_rows()
    {
        // Shares of periods of different lengths (1/365, 1/30, 1/7, 1/31) meet in the same bins; added as
        // fractions event by event, the last bits of a bin (and so the study's intervals) followed row order.
        List<ConflictEvent> events =
        [
            Ev("2019-06-15", 7, DatePrecision.Year), Ev("2019-04-10", 3, DatePrecision.Month), Ev("2019-04-12", 1, DatePrecision.Week),
            Ev("2019-05-20", 11, DatePrecision.Month), Ev("2019-04-08", 2), Ev("2019-03-01", 5, DatePrecision.Year, low: 1, high: 9),
            Ev("2019-04-30", 4, DatePrecision.Week), Ev("2019-05-02", 6, DatePrecision.Month),
        ];
        var options = IntensityOptions.Default with { Bin = BinUnit.IsoWeek, Imprecise = ImprecisePolicy.Spread };
        var forward = IntensityCalculator.Compute(events, options, D("2019-01-01"), D("2019-12-31"));
        var backward = IntensityCalculator.Compute(events.AsEnumerable().Reverse(), options, D("2019-01-01"), D("2019-12-31"));

        Assert.Equal(forward.Events, backward.Events);
        Assert.Equal(forward.Fatalities, backward.Fatalities);
        Assert.Equal(forward.FatalitiesLow, backward.FatalitiesLow);
        Assert.Equal(forward.FatalitiesHigh, backward.FatalitiesHigh);
        StudyTarget[] targets = [new("p", "p", D("2019-04-20"), D("2019-04-20"), false), new("q", "q", D("2019-05-01"), D("2019-05-31"), true)];
        var coverage = new Coverage(D("2019-01-01"), D("2019-12-31"));
        Assert.Equal(EventStudy.Run(forward, targets, coverage, EventStudyOptions.Default), EventStudy.Run(backward, targets, coverage, EventStudyOptions.Default));
    }

    [Fact]
    public void Events_outside_the_range_are_not_counted()
    {
        var s = IntensityCalculator.Compute([Ev("2018-12-31"), Ev("2019-01-01"), Ev("2019-02-01")], IntensityOptions.Default with { Bin = BinUnit.Day }, D("2019-01-01"), D("2019-01-31"));
        Assert.Equal(1, s.TotalEvents);
    }

    [Fact]
    public void Ucdp_low_high_band_is_carried_when_present()
    {
        var s = IntensityCalculator.Compute([Ev("2019-04-02", 10, low: 8, high: 15), Ev("2019-04-03", 2)], IntensityOptions.Default, D("2019-04-01"), D("2019-04-07"));
        Assert.Equal(10, s.FatalitiesLow![0]);
        Assert.Equal(17, s.FatalitiesHigh![0]);
        var acledOnly = IntensityCalculator.Compute([Ev("2019-04-03", 2)], IntensityOptions.Default, D("2019-04-01"), D("2019-04-07"));
        Assert.Null(acledOnly.FatalitiesLow);
    }

    [Fact]
    public void Split_orders_series_by_total_then_name_and_names_missing_keys()
    {
        var events = new[] { Ev("2019-04-02", admin1: "Misrata"), Ev("2019-04-03", admin1: "Tripoli"), Ev("2019-04-04", admin1: "Tripoli"), Ev("2019-04-05", admin1: null), Ev("2019-04-06", admin1: "Benghazi") };
        var split = IntensityCalculator.Split(events, IntensityOptions.Default, D("2019-04-01"), D("2019-04-30"), e => e.Admin1);
        Assert.Equal(["Tripoli", "(not given)", "Benghazi", "Misrata"], split.Select(s => s.Name));
        Assert.Equal(events.Length, split.Sum(s => s.TotalEvents));
    }

    [Fact]
    public void Actor_series_match_any_actor_field_ignoring_case()
    {
        var events = new[] { Ev("2019-04-02", actor1: "Wagner Group"), Ev("2019-04-03", actor1: "Military Forces of the United Arab Emirates (2019-)"), Ev("2019-04-04") };
        var series = IntensityCalculator.ByActor(events, IntensityOptions.Default, D("2019-04-01"), D("2019-04-30"), ["wagner", "United Arab Emirates"]);
        Assert.Equal([1.0, 1.0], series.Select(s => s.TotalEvents));
    }

    [Fact]
    public void IndexOf_finds_the_bin_or_minus_one()
    {
        var s = IntensityCalculator.Compute([], IntensityOptions.Default with { Bin = BinUnit.AcledWeek }, D("2019-04-06"), D("2019-04-30"));
        Assert.Equal(0, s.IndexOf(D("2019-04-12")));
        Assert.Equal(1, s.IndexOf(D("2019-04-13")));
        Assert.Equal(-1, s.IndexOf(D("2019-04-05")));
        Assert.Equal(-1, s.IndexOf(D("2019-05-04")));
    }

    [Fact]
    public void Filter_rejects_unknown_country_listing_what_is_there_and_empty_ranges()
    {
        var events = new[] { Ev("2019-04-02"), Ev("2019-04-03", country: "Egypt") };
        var ex = Assert.Throws<ArgumentException>(() => new EventFilter { Country = "Syria" }.Apply(events));
        Assert.Equal("unknown country 'Syria': the data hold Egypt, Libya", ex.Message);
        Assert.Throws<ParameterException>(() => new EventFilter { From = D("2019-05-01"), To = D("2019-04-01") }.Apply(events));
        Assert.Single(new EventFilter { Country = "libya" }.Apply(events));
    }

    [Theory]
    [InlineData("2019-04-04", "2019-04-04", CoverageStatus.Inside)]
    [InlineData("2010-01-01", "2011-03-01", CoverageStatus.Partly)]
    [InlineData("1978-01-01", "1987-12-31", CoverageStatus.Outside)]
    [InlineData("2020-07-01", "2020-07-01", CoverageStatus.Outside)]
    public void Coverage_classifies_mentions(string start, string end, CoverageStatus expected) =>
        Assert.Equal(expected, new Coverage(D("2011-01-01"), D("2020-06-30")).Classify(D(start), D(end)));
}
