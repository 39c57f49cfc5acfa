using Microsoft.Data.Analysis;
using Pipeline.Events;

namespace Pipeline;

/// <summary>
/// Loaded events as a Microsoft.Data.Analysis <see cref="DataFrame"/> for notebook users. It lives in the
/// notebook-facing assembly (packed into the Pipeline package's <c>lib/</c> as well as its kernel-extension folder)
/// so that the core library does not depend on Microsoft.Data.Analysis; its namespace is the notebook facade's
/// (<see cref="Load"/>), so <c>table.ToDataFrame()</c> compiles with the <c>using Pipeline;</c> a notebook already has.
/// </summary>
public static class EventFrames
{
    /// <summary>
    /// The events as a <see cref="DataFrame"/>, built column by column with explicit types (dates as
    /// <see cref="DateTime"/>, counts as integers) rather than through <c>DataFrame.LoadCsv</c>, which is far
    /// slower and guesses numeric types from the first rows. One row per event, in file order.
    /// </summary>
    public static DataFrame ToDataFrame(this EventTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var e = table.Events;
        return new DataFrame(
            new StringDataFrameColumn("id", e.Select(x => x.Id)),
            new StringDataFrameColumn("source", e.Select(x => x.Source.ToString())),
            new PrimitiveDataFrameColumn<DateTime>("date", e.Select(x => (DateTime?)x.Date.ToDateTime(TimeOnly.MinValue))),
            new PrimitiveDataFrameColumn<DateTime>("date_end", e.Select(x => x.DateEnd is { } d ? (DateTime?)d.ToDateTime(TimeOnly.MinValue) : null)),
            new StringDataFrameColumn("precision", e.Select(x => x.Precision.ToString())),
            new StringDataFrameColumn("event_type", e.Select(x => x.EventType)),
            new StringDataFrameColumn("harmonised_type", e.Select(x => x.HarmonisedType.DisplayName())),
            new StringDataFrameColumn("sub_event_type", e.Select(x => x.SubEventType)),
            new StringDataFrameColumn("actor1", e.Select(x => x.Actor1)),
            new StringDataFrameColumn("actor2", e.Select(x => x.Actor2)),
            new StringDataFrameColumn("country", e.Select(x => x.Country)),
            new StringDataFrameColumn("admin1", e.Select(x => x.Admin1)),
            new StringDataFrameColumn("location", e.Select(x => x.Location)),
            new DoubleDataFrameColumn("latitude", e.Select(x => x.Latitude)),
            new DoubleDataFrameColumn("longitude", e.Select(x => x.Longitude)),
            new Int32DataFrameColumn("fatalities", e.Select(x => (int?)x.Fatalities)),
            new Int32DataFrameColumn("fatalities_low", e.Select(x => x.FatalitiesLow)),
            new Int32DataFrameColumn("fatalities_high", e.Select(x => x.FatalitiesHigh)),
            new Int64DataFrameColumn("source_line", e.Select(x => (long?)x.SourceLine)));
    }
}
