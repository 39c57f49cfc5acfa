using System.Globalization;
using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Tests.Intensity;

/// <summary>
/// Range edges, spread shares and fatality bands of <see cref="IntensityCalculator"/> (issue 14: the
/// mutation-testing survivors): exact values that move under an off-by-one or a swapped field.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class IntensityEdgeTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static ConflictEvent Ev(string date, int deaths = 0, DatePrecision p = DatePrecision.Day, int? low = null, int? high = null, string? admin1 = "Tripoli") => new()
    {
        Id = date + deaths,
        Source = EventSource.UcdpGed,
        Date = D(date),
        Precision = p,
        EventType = HarmonisedEventType.Battles.DisplayName(),
        HarmonisedType = HarmonisedEventType.Battles,
        Country = "Libya",
        Admin1 = admin1,
        Fatalities = deaths,
        FatalitiesLow = low,
        FatalitiesHigh = high,
        SourceLine = 2,
    };

    [Fact]
    public void The_range_runs_from_the_first_day_of_the_first_bin_to_the_last_day_of_the_last()
    {
        // 2019-04-03..04-10 in ISO weeks: bins 04-01 and 04-08, so 04-01..04-14 counts and 03-31, 04-15 do not.
        var s = IntensityCalculator.Compute([Ev("2019-03-31", 1), Ev("2019-04-01", 2), Ev("2019-04-14", 4), Ev("2019-04-15", 8)], IntensityOptions.Default, D("2019-04-03"), D("2019-04-10"));
        Assert.Equal([1.0, 1.0], s.Events);
        Assert.Equal([2.0, 4.0], s.Fatalities);
        Assert.Null(s.FatalitiesLow); // no event has a low or high estimate
    }

    [Fact]
    public void A_spread_event_is_shared_day_by_day_over_the_bins_its_period_touches()
    {
        // April 2019 has 30 days: ISO weeks from 04-01 take 7, 7, 7, 7 and 2 of them (04-29, 04-30).
        var s = IntensityCalculator.Compute([Ev("2019-04-15", 60, DatePrecision.Month)], IntensityOptions.Default with { Imprecise = ImprecisePolicy.Spread }, D("2019-04-01"), D("2019-04-30"));
        Assert.Equal(5, s.Count);
        Assert.Equal([7.0 / 30, 7.0 / 30, 7.0 / 30, 7.0 / 30, 2.0 / 30], s.Events);
        Assert.Equal([14.0, 14, 14, 14, 4], s.Fatalities);
        Assert.All(s.ImpreciseEvents, v => Assert.Equal(0, v));
        Assert.Null(s.FatalitiesLow); // no event has a low or high estimate
        Assert.Null(s.FatalitiesHigh);
    }

    [Fact]
    public void The_part_of_a_spread_period_outside_the_range_is_not_counted()
    {
        // A week-dated event on 2019-04-02 may fall on 03-30..04-05; day bins 04-01..04-10 hold 5 of its 7 days.
        var options = IntensityOptions.Default with { Bin = BinUnit.Day, Imprecise = ImprecisePolicy.Spread };
        var s = IntensityCalculator.Compute([Ev("2019-04-02", 7, DatePrecision.Week, low: 0, high: 14), Ev("2019-03-10", 7, DatePrecision.Week)], options, D("2019-04-01"), D("2019-04-10"));
        Assert.Equal(5.0 / 7, s.TotalEvents, 12);
        Assert.Equal([1.0 / 7, 1.0 / 7, 1.0 / 7, 1.0 / 7, 1.0 / 7, 0, 0, 0, 0, 0], s.Events);
        Assert.Equal([1.0, 1, 1, 1, 1, 0, 0, 0, 0, 0], s.Fatalities);
        Assert.Equal([0.0, 0, 0, 0, 0, 0, 0, 0, 0, 0], s.FatalitiesLow);
        Assert.Equal([2.0, 2, 2, 2, 2, 0, 0, 0, 0, 0], s.FatalitiesHigh);
    }

    [Fact]
    public void A_one_day_spread_period_lands_whole_in_its_bin()
    {
        // A day-dated event is not coarser than a day bin, so it is counted as it is even under spread.
        var s = IntensityCalculator.Compute([Ev("2019-04-03", 3)], IntensityOptions.Default with { Bin = BinUnit.Day, Imprecise = ImprecisePolicy.Spread }, D("2019-04-01"), D("2019-04-05"));
        Assert.Equal([0.0, 0, 1, 0, 0], s.Events);
        Assert.Equal([0.0, 0, 3, 0, 0], s.Fatalities);
    }

    [Fact]
    public void Under_the_band_a_missing_low_or_high_is_the_best_estimate_and_imprecise_events_are_in_the_band()
    {
        var events = new[] { Ev("2019-04-02", 10, high: 15), Ev("2019-04-09", 10, low: 8), Ev("2019-04-10", 6, DatePrecision.Month, low: 1, high: 20) };
        var s = IntensityCalculator.Compute(events, IntensityOptions.Default, D("2019-04-01"), D("2019-04-14"));
        Assert.Equal([1.0, 1.0], s.Events);
        Assert.Equal([10.0, 10.0], s.Fatalities);
        Assert.Equal([0.0, 1.0], s.ImpreciseEvents);
        Assert.Equal([0.0, 6.0], s.ImpreciseFatalities);
        Assert.Equal([10.0, 9.0], s.FatalitiesLow);
        Assert.Equal([15.0, 30.0], s.FatalitiesHigh);
    }

    [Fact]
    public void Split_keeps_every_events_fatalities_and_band_in_its_own_series()
    {
        var events = new[] { Ev("2019-04-02", 5, admin1: "Sirte", high: 9), Ev("2019-04-09", 3, admin1: "Sirte"), Ev("2019-04-03", 2, admin1: null) };
        var split = IntensityCalculator.Split(events, IntensityOptions.Default, D("2019-04-01"), D("2019-04-14"), e => e.Admin1, "none");
        Assert.Equal(["Sirte", "none"], split.Select(s => s.Name));
        Assert.Equal([5.0, 3.0], split[0].Fatalities);
        Assert.Equal([9.0, 3.0], split[0].FatalitiesHigh);
        Assert.Equal([2.0, 0.0], split[1].Fatalities);
        Assert.Null(split[1].FatalitiesHigh);
    }

    /// <summary>A table as the columnar cache gives it: events built on demand, columns for counting.</summary>
    private static EventTable Columnar(ConflictEvent[] events)
    {
        var names = events.Select(e => e.Admin1).Distinct().ToArray();
        var admin1 = (names, events.Select(e => Array.IndexOf(names, e.Admin1)).ToArray());
        var columns = new EventColumns(
            [.. events.Select(e => e.Date.DayNumber)],
            [.. events.Select(e => (byte)e.Precision)],
            [.. events.Select(e => (byte)e.HarmonisedType)],
            [.. events.Select(e => e.Fatalities)],
            new Dictionary<EventTextField, Lazy<(string?[] Values, int[] Codes)>> { [EventTextField.Admin1] = new(() => admin1) });
        return new EventTable("cached.csv", EventSource.Acled, "test layout", new ColumnarEvents(columns, () => events), [], events.Length, false, new Dictionary<string, int>(), []);
    }

    private static readonly ConflictEvent[] CachedEvents =
    [
        Ev("2019-04-02", 5, admin1: "Sirte"),
        Ev("2019-04-09", 3, admin1: null),
        Ev("2019-04-10", 7, DatePrecision.Month, admin1: "(not given)"),
        Ev("2019-04-03", 1, admin1: "Sirte"),
        Ev("2019-04-11", 2, admin1: "(not given)"),
    ];

    [Fact]
    public void Columnar_split_merges_the_missing_value_with_a_value_named_like_it()
    {
        var table = Columnar(CachedEvents);
        Assert.NotNull(table.Columns);
        var split = IntensityCalculator.Split(table, IntensityOptions.Default, D("2019-04-01"), D("2019-04-14"), EventTextField.Admin1);
        Assert.Equal(["(not given)", "Sirte"], split.Select(x => x.Name));
        Assert.Equal([0.0, 2.0], split[0].Events);
        Assert.Equal([0.0, 5.0], split[0].Fatalities);
        Assert.Equal([0.0, 1.0], split[0].ImpreciseEvents);
        Assert.Equal([0.0, 7.0], split[0].ImpreciseFatalities);
        Assert.Equal([2.0, 0.0], split[1].Events);
        Assert.Equal([6.0, 0.0], split[1].Fatalities);
        Assert.Null(split[0].FatalitiesLow); // the cache holds no bands

        var fromEvents = IntensityCalculator.Split(CachedEvents, IntensityOptions.Default, D("2019-04-01"), D("2019-04-14"), e => e.Admin1);
        Assert.Equal(fromEvents.Select(x => (x.Name, x.Events, x.Fatalities, x.ImpreciseEvents, x.ImpreciseFatalities)), split.Select(x => (x.Name, x.Events, x.Fatalities, x.ImpreciseEvents, x.ImpreciseFatalities)));
    }

    [Fact]
    public void Columnar_counting_is_used_for_the_band_only_spread_counts_from_the_events()
    {
        var table = Columnar(CachedEvents);
        var band = IntensityCalculator.Compute(table, IntensityOptions.Default, D("2019-04-01"), D("2019-04-14"));
        Assert.Equal([2.0, 2.0], band.Events);
        Assert.Equal([6.0, 5.0], band.Fatalities);
        Assert.Equal([0.0, 1.0], band.ImpreciseEvents);
        Assert.Equal([0.0, 7.0], band.ImpreciseFatalities);

        // April has 30 days: the month-dated event puts 7/30 in each of the two ISO weeks.
        var spread = IntensityOptions.Default with { Imprecise = ImprecisePolicy.Spread };
        var s = IntensityCalculator.Compute(table, spread, D("2019-04-01"), D("2019-04-14"));
        Assert.Equal([2 + (7.0 / 30), 2 + (7.0 / 30)], s.Events);
        Assert.Equal([0.0, 0.0], s.ImpreciseEvents);
        var split = IntensityCalculator.Split(table, spread, D("2019-04-01"), D("2019-04-14"), EventTextField.Admin1);
        Assert.Equal([7.0 / 30, 2 + (7.0 / 30)], split.Single(x => x.Name == "(not given)").Events);
    }
}
