using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Tests.Properties;

/// <summary>
/// The columnar cache gives back the table the CSV gave: random ACLED and UCDP GED files (the round-trip
/// properties' generators: every layout, date form and awkward text) loaded once to write the cache and
/// again to read it yield the same events, rejections, counts and layout; and where the cached table is
/// counted from its columns, the intensity series (every bin unit) and the per-field splits equal those
/// counted from the events.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public class EventCacheProperties
{
    private const ulong Seed = 9090;

    private static readonly EventTextField[] Fields = [EventTextField.EventType, EventTextField.Actor1, EventTextField.Admin1, EventTextField.Inter2, EventTextField.Location];

    private static bool SameSeries(IntensitySeries a, IntensitySeries b) =>
        a.Name == b.Name && a.BinStarts.SequenceEqual(b.BinStarts) && a.Events.SequenceEqual(b.Events) && a.Fatalities.SequenceEqual(b.Fatalities)
        && a.ImpreciseEvents.SequenceEqual(b.ImpreciseEvents) && a.ImpreciseFatalities.SequenceEqual(b.ImpreciseFatalities)
        && (a.FatalitiesLow ?? []).SequenceEqual(b.FatalitiesLow ?? []) && (a.FatalitiesHigh ?? []).SequenceEqual(b.FatalitiesHigh ?? [])
        && (a.FatalitiesLow is null) == (b.FatalitiesLow is null);

    [Fact]
    public void Cached_tables_equal_the_tables_read_from_csv()
    {
        var perSource = PropertyRun.Iterations(25);
        var tablesOff = 0;
        var notHits = 0;
        var columnar = 0;
        var seriesOff = 0;
        var failures = new Failures();
        using var tmp = new TempFolder();
        var cache = EventLoadOptions.Default with { Cache = new EventCacheOptions(tmp["cache"]) };
        for (var i = 0; i < 2 * perSource; i++)
        {
            var acled = i % 2 == 0;
            var path = tmp[$"{(acled ? "acled" : "ucdp")}-{i}.csv"];
            var iteration = i / 2;
            _ = acled ? AcledRoundTripProperties.WriteRandomFile(Seed, iteration, path) : UcdpRoundTripProperties.WriteRandomFile(Seed, iteration, path);
            var where = $"seed {Seed}, {(acled ? "ACLED" : "UCDP")} iteration {iteration}";
            var csv = EventLoader.Load(path, EventLoadOptions.Default);
            EventLoader.Load(path, cache);
            var hit = EventLoader.Load(path, cache);
            if (hit.Cache?.Outcome != EventCacheOutcome.Hit)
            {
                notHits++;
                failures.Add($"{where}: second load was {hit.Cache?.Outcome.ToString() ?? "not cached"} ({hit.Cache?.Problem})");
            }

            var firstDiff = csv.Events.Zip(hit.Events).Select((p, k) => EventCells.Diff(p.First, p.Second) is { } d ? $"event {k + 1}: {d}" : null).FirstOrDefault(d => d is not null);
            if (csv.Events.Count != hit.Events.Count || firstDiff is not null || !csv.Rejections.SequenceEqual(hit.Rejections) || csv.RowsRead != hit.RowsRead
                || csv.Layout != hit.Layout || csv.Source != hit.Source || csv.IsSynthetic != hit.IsSynthetic
                || !csv.UnknownEventTypes.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(hit.UnknownEventTypes.OrderBy(p => p.Key, StringComparer.Ordinal)))
            {
                tablesOff++;
                failures.Add($"{where}: cached table differs from the CSV's ({csv.Events.Count} vs {hit.Events.Count} events; {firstDiff ?? "counts, layout or rejections"})");
                continue;
            }

            if (hit.Columns is null || csv.DateSpan is not { } span)
            {
                continue;
            }

            columnar++;
            foreach (var unit in IntensityData.Units)
            {
                var o = new IntensityOptions { Bin = unit, Imprecise = ImprecisePolicy.Band };
                var fromColumns = IntensityCalculator.Compute(hit, o, span.First, span.Last);
                var fromEvents = IntensityCalculator.Compute(csv.Events, o, span.First, span.Last);
                var same = SameSeries(fromColumns, fromEvents);
                foreach (var field in Fields)
                {
                    var a = IntensityCalculator.Split(hit, o, span.First, span.Last, field);
                    var b = IntensityCalculator.Split(csv, o, span.First, span.Last, field);
                    same &= a.Count == b.Count && a.Zip(b).All(p => SameSeries(p.First, p.Second));
                }

                if (!same)
                {
                    seriesOff++;
                    failures.Add($"{where}, {unit}: series counted from the cache's columns differ from those counted from the events");
                }
            }
        }

        Reliability.Record(
            ReliabilityArea.Properties,
            "Columnar cache read = CSV read",
            "the ACLED and UCDP round-trip generators' files, loaded to write the cache and again to hit it; series and splits from columns vs from events × 4 bin units",
            $"{2 * perSource} files, {columnar} counted from columns (seed {Seed})",
            $"{tablesOff} cached tables differing, {notHits} second loads not served from the cache, {seriesOff} series differing");

        failures.AssertNone("cache vs CSV");
        Assert.True(columnar > 0, "no cached table had columns: the columnar counting path was not reached");
    }
}
