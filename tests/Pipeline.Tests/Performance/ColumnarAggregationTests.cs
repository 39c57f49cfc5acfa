using Pipeline.Events;
using Pipeline.Intensity;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Performance;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class ColumnarAggregationTests
{
    private static string DefaultFile => TestPaths.Project.DefaultEvents;

    [Theory]
    [InlineData(BinUnit.Day)]
    [InlineData(BinUnit.IsoWeek)]
    [InlineData(BinUnit.AcledWeek)]
    [InlineData(BinUnit.Month)]
    public void Counting_a_cached_table_from_its_columns_gives_the_series_its_events_give(BinUnit bin)
    {
        var table = CachedDefault.Value;
        Assert.NotNull(table.Columns);
        var options = IntensityOptions.Default with { Bin = bin };
        var (from, to) = table.DateSpan!.Value;

        var columnar = IntensityCalculator.Compute(table, options, from.AddDays(40), to.AddDays(-40));
        var fromEvents = IntensityCalculator.Compute(table.Events, options, from.AddDays(40), to.AddDays(-40));

        SameSeries(fromEvents, columnar);
    }

    [Theory]
    [InlineData(EventTextField.EventType, BinUnit.IsoWeek)]
    [InlineData(EventTextField.Admin1, BinUnit.Month)]
    [InlineData(EventTextField.Actor2, BinUnit.Month)]
    [InlineData(EventTextField.Admin3, BinUnit.IsoWeek)]
    public void Splitting_a_cached_table_by_a_field_gives_the_series_a_key_function_gives(EventTextField field, BinUnit bin)
    {
        var table = CachedDefault.Value;
        var options = IntensityOptions.Default with { Bin = bin };
        var (from, to) = table.DateSpan!.Value;
        Func<ConflictEvent, string?> key = field switch
        {
            EventTextField.EventType => e => e.EventType,
            EventTextField.Admin1 => e => e.Admin1,
            EventTextField.Actor2 => e => e.Actor2,
            _ => e => e.Admin3,
        };

        var columnar = IntensityCalculator.Split(table, options, from, to, field);
        var fromEvents = IntensityCalculator.Split(table.Events, options, from, to, key);

        Assert.Equal(fromEvents.Select(s => s.Name), columnar.Select(s => s.Name));
        for (var i = 0; i < fromEvents.Count; i++)
        {
            SameSeries(fromEvents[i], columnar[i]);
        }
    }

    [Fact]
    public void A_table_loaded_from_csv_is_counted_from_its_events_with_the_same_result()
    {
        var table = EventLoader.Load(DefaultFile, EventLoadOptions.Uncached);
        Assert.Null(table.Columns);
        var (from, to) = table.DateSpan!.Value;

        SameSeries(IntensityCalculator.Compute(table.Events, IntensityOptions.Default, from, to), IntensityCalculator.Compute(table, IntensityOptions.Default, from, to));
    }

    [Fact]
    public void A_cached_UCDP_table_with_date_ranges_and_bands_has_no_columns_and_counts_from_events()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Events("ucdp-ged-bulk-iso-dates.csv");
        var table = LoadCached(path, temp.Path);
        var (from, to) = table.DateSpan!.Value;

        Assert.Null(table.Columns);
        SameSeries(IntensityCalculator.Compute(EventLoader.Load(path).Events, IntensityOptions.Default, from, to), IntensityCalculator.Compute(table, IntensityOptions.Default, from, to));
    }

    [Fact]
    public void The_spread_policy_on_a_cached_table_counts_from_events()
    {
        var table = CachedDefault.Value;
        var options = IntensityOptions.Default with { Imprecise = ImprecisePolicy.Spread };
        var (from, to) = table.DateSpan!.Value;

        SameSeries(IntensityCalculator.Compute(table.Events, options, from, to), IntensityCalculator.Compute(table, options, from, to));
    }

    /// <summary>The default file loaded through a cache folder of its own (a miss that writes the entry, then the hit
    /// returned), once for the class: the tests only read it.</summary>
    private static readonly Lazy<EventTable> CachedDefault = new(() => LoadCached(DefaultFile, Path.Combine(Folders.ForTheRun, "columnar-aggregation-cache")));

    private static EventTable LoadCached(string path, string folder)
    {
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(folder) };
        EventLoader.Load(path, options);
        var table = EventLoader.Load(path, options);
        Assert.Equal(EventCacheOutcome.Hit, table.Cache!.Outcome);
        Assert.Equal(EventLoader.Load(path).DateSpan, table.DateSpan);
        return table;
    }

    private static void SameSeries(IntensitySeries expected, IntensitySeries actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.BinStarts, actual.BinStarts);
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.Fatalities, actual.Fatalities);
        Assert.Equal(expected.ImpreciseEvents, actual.ImpreciseEvents);
        Assert.Equal(expected.ImpreciseFatalities, actual.ImpreciseFatalities);
        Assert.Equal(expected.FatalitiesLow, actual.FatalitiesLow);
        Assert.Equal(expected.FatalitiesHigh, actual.FatalitiesHigh);
    }
}
