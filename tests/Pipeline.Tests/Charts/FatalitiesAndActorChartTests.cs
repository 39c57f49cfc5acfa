using System.Globalization;
using Pipeline.Charts;
using Pipeline.Events;
using Pipeline.Reports;
using Pipeline.Tests.Reports;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Charts;

/// <summary>
/// The fatalities and actor charts draw the report's own numbers: the fatalities line totals the intensity table's
/// fatalities (a UCDP band only for UCDP, its best-outside-range rows counted, not hidden), the actor lines total
/// tables/actors.csv per actor text; no text or no match gives a note.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class FatalitiesAndActorChartTests
{
    [Fact]
    public void Fatalities_total_the_intensity_table_and_ACLED_has_no_band()
    {
        var a = ReportRun.Default();
        var chart = Assert.Single(a.FatalitiesCharts());
        Assert.Equal("fatalities-synthetic", chart.Name);
        Assert.Equal(IntensityTotal(a, a.Sources[0].Name), LineTotal(chart), 6);
        Assert.True(LineTotal(chart) > 1000);
        Assert.DoesNotContain(chart.Data, t => t.Name == FatalitiesChart.BandTraceName);
        Assert.DoesNotContain(chart.Layout.Annotations!, n => n.Name == FatalitiesChart.OutsideRangeName);
    }

    [RealDataFact]
    public void UCDP_fatalities_have_the_low_high_band_and_count_rows_whose_best_lies_outside_it()
    {
        var a = ReportAnalysis.Run(ReportRun.Inputs(TestPaths.Real("ucdp-ged-libya/conflict_libya.csv"), TestPaths.Real("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv")));
        var charts = a.FatalitiesCharts();
        Assert.Equal(["fatalities-ucdp-ged", "fatalities-acled"], charts.Select(c => c.Name));
        foreach (var (s, c) in a.Sources.Zip(charts))
        {
            Assert.Equal(IntensityTotal(a, s.Name), LineTotal(c), 6);
        }

        var (ucdp, acled) = (charts[0], charts[1]);
        var band = (ScatterTrace)Assert.Single(ucdp.Data, t => t.Name == FatalitiesChart.BandTraceName);
        Assert.Equal("toself", band.Fill);
        Assert.DoesNotContain(acled.Data, t => t.Name == FatalitiesChart.BandTraceName);

        // Rows UCDP publishes with best outside low..high are counted in the note, as many as the file has.
        var outside = a.Sources[0].Events.Count(e => e.Fatalities < e.FatalitiesLow || e.Fatalities > e.FatalitiesHigh);
        Assert.True(outside > 0);
        var note = Assert.Single(ucdp.Layout.Annotations!, n => n.Name == FatalitiesChart.OutsideRangeName).Text!;
        Assert.StartsWith($"{outside.ToString(CultureInfo.InvariantCulture)} rows give a best estimate outside", note, StringComparison.Ordinal);
        Assert.Contains($" of {a.Sources[0].Overall.Count.ToString(CultureInfo.InvariantCulture)} week bins", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Best_outside_range_rows_are_counted_with_the_bins_that_hold_them()
    {
        ConflictEvent[] events = [Ucdp("1", 2019, 1, 7, 5, 6, 9), Ucdp("2", 2019, 1, 8, 12, 6, 9), Ucdp("3", 2019, 1, 21, 1, 2, 3), Ucdp("4", 2019, 1, 28, 4, 2, 6)];
        var series = Pipeline.Intensity.IntensityCalculator.Compute(events, Pipeline.Intensity.IntensityOptions.Default, new DateOnly(2019, 1, 7), new DateOnly(2019, 2, 3));
        Assert.Equal((3, 2), FatalitiesChart.OutsideRange(series, events)); // 5 < 6 and 12 > 9 in the first week, 1 < 2 in the third
        var chart = FatalitiesChart.Build(series, events, EventSource.UcdpGed, synthetic: false);
        Assert.Contains(chart.Data, t => t.Name == FatalitiesChart.BandTraceName);
        Assert.Contains("3 rows give", Assert.Single(chart.Layout.Annotations!).Text!, StringComparison.Ordinal);
        Assert.Contains("in 2 of 4 week bins", chart.Layout.Annotations![0].Text!, StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_lines_total_the_actors_table_per_actor_text()
    {
        var a = ReportRun.Default();
        var chart = Assert.Single(a.ActorCharts());
        Assert.Equal("actors-synthetic", chart.Name);
        var matched = AssertActorTotals(a, a.Sources[0], chart);
        Assert.True(matched >= 2, $"{matched} actor texts drawn");
    }

    [RealDataFact]
    public void Actor_lines_total_the_actors_table_on_the_real_UCDP_and_ACLED_files()
    {
        var a = ReportAnalysis.Run(ReportRun.Inputs(TestPaths.Real("ucdp-ged-libya/conflict_libya.csv"), TestPaths.Real("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv")));
        var matched = a.Sources.Zip(a.ActorCharts()).Sum(x => AssertActorTotals(a, x.First, x.Second));
        Assert.True(matched >= 1, $"{matched} actor texts drawn");
    }

    /// <summary>Each actor text's line totals its rows of tables/actors.csv for the source (0 and no line when nothing matches); returns the lines drawn.</summary>
    private static int AssertActorTotals(ReportAnalysis a, SourceAnalysis s, ChartFigure chart)
    {
        var table = ReportTables.Build(a).Single(t => t.Name == "actors");
        var c = table.Columns.ToList();
        var matched = 0;
        foreach (var text in a.Inputs.Actors)
        {
            var expected = table.Rows.Where(r => r[c.IndexOf("source")] == s.Name && r[c.IndexOf("actor_match")] == text).Sum(r => double.Parse(r[c.IndexOf("events")], CultureInfo.InvariantCulture));
            var line = chart.Data.SingleOrDefault(t => t.Name == text);
            Assert.Equal(expected, line is null ? 0 : line.Y!.Numbers!.Sum(v => v ?? 0), 6);
            matched += line is null ? 0 : 1;
        }

        Assert.Equal(matched, chart.TraceCount);
        return matched;
    }

    [Fact]
    public void No_actor_texts_or_no_match_gives_a_note_instead_of_lines()
    {
        var none = ReportAnalysis.Run(ReportRun.Inputs() with { Actors = [] });
        var chart = Assert.Single(none.ActorCharts());
        Assert.Equal(0, chart.TraceCount);
        Assert.Equal("No actor texts were given.", Assert.Single(chart.Layout.Annotations!, n => n.Name == ActorChart.NoMatchName).Text);

        var nobody = ReportAnalysis.Run(ReportRun.Inputs() with { Actors = ["zz-no-such-actor"] });
        chart = Assert.Single(nobody.ActorCharts());
        Assert.Equal(0, chart.TraceCount);
        Assert.Contains("zz-no-such-actor", Assert.Single(chart.Layout.Annotations!, n => n.Name == ActorChart.NoMatchName).Text, StringComparison.Ordinal);
    }

    private static double LineTotal(ChartFigure chart) =>
        chart.Data.OfType<ScatterTrace>().Single(t => t.Name != FatalitiesChart.BandTraceName).Y!.Numbers!.Sum(v => v ?? 0);

    /// <summary>The intensity table's fatalities + imprecise_fatalities of one source.</summary>
    private static double IntensityTotal(ReportAnalysis a, string source)
    {
        var t = ReportTables.Build(a).Single(x => x.Name == "intensity");
        var c = t.Columns.ToList();
        return t.Rows.Where(r => r[c.IndexOf("source")] == source)
            .Sum(r => double.Parse(r[c.IndexOf("fatalities")], CultureInfo.InvariantCulture) + double.Parse(r[c.IndexOf("imprecise_fatalities")], CultureInfo.InvariantCulture));
    }

    private static ConflictEvent Ucdp(string id, int y, int m, int d, int best, int low, int high) => new()
    {
        Id = id,
        Source = EventSource.UcdpGed,
        Date = new DateOnly(y, m, d),
        Precision = DatePrecision.Day,
        EventType = "state-based",
        HarmonisedType = HarmonisedEventType.Battles,
        SourceLine = 2,
        Country = "Libya",
        Fatalities = best,
        FatalitiesLow = low,
        FatalitiesHigh = high,
    };
}
