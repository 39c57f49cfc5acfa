using Pipeline.Events;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Notebooks;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class EventFramesTests
{
    [Fact]
    public void Builds_a_typed_data_frame_with_dates_as_DateTime()
    {
        var df = EventLoader.Load(TestPaths.Events("acled-2018-export-iso-dates.csv")).ToDataFrame();
        Assert.Equal(6, df.Rows.Count);
        Assert.Equal(typeof(DateTime), df.Columns["date"].DataType);
        Assert.Equal(typeof(int), df.Columns["fatalities"].DataType);
        Assert.Equal(new DateTime(2011, 3, 19), df.Columns["date"][0]);
        Assert.Equal(14, df.Columns["fatalities"][0]);
        Assert.Equal("Battles", df.Columns["harmonised_type"][0]);
    }

    [Fact]
    public void A_table_read_from_the_cache_gives_the_same_frame_as_one_parsed_from_csv()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Project.DefaultEvents;
        var cached = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) };
        EventLoader.Load(path, cached);
        var hit = EventLoader.Load(path, cached);
        Assert.Equal(EventCacheOutcome.Hit, hit.Cache!.Outcome);

        var fromCsv = EventLoader.Load(path, EventLoadOptions.Uncached).ToDataFrame();
        var fromCache = hit.ToDataFrame();

        Assert.Equal(fromCsv.Rows.Count, fromCache.Rows.Count);
        Assert.Equal(fromCsv.Columns.Select(c => c.Name), fromCache.Columns.Select(c => c.Name));
        foreach (var column in fromCsv.Columns)
        {
            var other = fromCache.Columns[column.Name];
            for (long i = 0; i < column.Length; i++)
            {
                Assert.Equal(column[i], other[i]);
            }
        }
    }

    [Fact]
    public void The_core_library_does_not_reference_Microsoft_Data_Analysis()
    {
        var references = typeof(EventTable).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        Assert.DoesNotContain("Microsoft.Data.Analysis", references);
        Assert.Contains("Microsoft.Data.Analysis", typeof(EventFrames).Assembly.GetReferencedAssemblies().Select(a => a.Name));
    }
}
