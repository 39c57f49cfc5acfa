using Pipeline.Charts;
using Pipeline.Events;
using Pipeline.Intensity;
using static Pipeline.Tests.Charts.ChartSamples;

namespace Pipeline.Tests.Charts;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class EventTypeChartTests
{
    [Fact]
    public void Stacks_one_bar_trace_per_event_type_counting_imprecise_events_too()
    {
        var byType = ByType();
        var figure = EventTypeChart.Build(byType, synthetic: false);
        var json = Parse(figure.FigureJson);

        Assert.Equal("event-types", figure.Name);
        Assert.Equal(["Battles", "Protests"], TraceNames(json));
        Assert.Equal("stack", json.GetProperty("layout").GetProperty("barmode").GetString());
        Assert.All(Traces(json), t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        Assert.Equal([1.0, 1, 1], Trace(json, "Battles").GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(["2019-01-01", "2019-02-01", "2019-03-01"], Strings(Trace(json, "Battles").GetProperty("x")));
    }

    [Fact]
    public void Colours_each_type_with_its_fixed_colour_whatever_the_order_or_the_other_types()
    {
        var both = Parse(EventTypeChart.Build(ByType(), synthetic: false).FigureJson);
        var protestsOnly = Parse(EventTypeChart.Build([ByType()[1]], synthetic: true).FigureJson);

        Assert.Equal(EventTypeColours.Of(HarmonisedEventType.Battles), Trace(both, "Battles").GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal(EventTypeColours.Of(HarmonisedEventType.Protests), Trace(both, "Protests").GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal(EventTypeColours.Of(HarmonisedEventType.Protests), Trace(protestsOnly, "Protests").GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal(EventTypeColours.Of(HarmonisedEventType.Unknown), EventTypeChart.ColourOf("not a type"));
    }

    [Fact]
    public void Rejects_series_with_different_bins()
    {
        var weekly = Weekly();
        Assert.Throws<ArgumentException>(() => EventTypeChart.Build([ByType()[0], weekly], synthetic: false));
    }

    [Fact]
    public void Draws_an_empty_selection_with_a_note_instead_of_failing()
    {
        var json = Parse(EventTypeChart.Build([], synthetic: false).FigureJson);

        Assert.Empty(Traces(json));
        Assert.Contains(Annotations(json), a => a.GetProperty("text").GetString() == "no events in the selection");
    }
}

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class Admin1HeatmapChartTests
{
    [Fact]
    public void Keeps_the_top_admin1_rows_and_sums_the_rest_into_other()
    {
        var figure = Admin1HeatmapChart.Build(ByAdmin1(), synthetic: false, top: 2);
        var json = Parse(figure.FigureJson);
        var heat = Assert.Single(Traces(json));

        Assert.Equal("admin1-heatmap", figure.Name);
        Assert.Equal("heatmap", heat.GetProperty("type").GetString());
        Assert.Equal(["Tripoli", "Benghazi", "Other (2 admin1 units)"], Strings(heat.GetProperty("y")));
        Assert.Equal(["2019-01-01", "2019-02-01", "2019-03-01"], Strings(heat.GetProperty("x")));
        var z = heat.GetProperty("z").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal([2.0, 1, 1], z[0]);
        Assert.Equal([1.0, 1, 1], z[1]);
        Assert.Equal([0.0, 1, 2], z[2]); // Sirte + Murzuq
    }

    [Fact]
    public void Has_no_other_row_when_every_admin1_fits()
    {
        var heat = Traces(Parse(Admin1HeatmapChart.Build(ByAdmin1(), synthetic: false).FigureJson))[0];

        Assert.Equal(["Tripoli", "Benghazi", "Sirte", "Murzuq"], Strings(heat.GetProperty("y")));
    }

    [Fact]
    public void Rejects_a_top_below_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Admin1HeatmapChart.Build(ByAdmin1(), synthetic: false, top: 0));
}

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ForestChartTests
{
    [Fact]
    public void Draws_placebo_band_effects_with_ci_and_not_computable_rows()
    {
        var figure = ForestChart.Build(StudyResults(), synthetic: false);
        var json = Parse(figure.FigureJson);

        Assert.Equal("forest", figure.Name);
        Assert.Equal([ForestChart.PlaceboTraceName, ForestChart.EffectTraceName, ForestChart.NotComputableTraceName], TraceNames(json));
        var rows = Strings(json.GetProperty("layout").GetProperty("yaxis").GetProperty("categoryarray"));
        Assert.Equal(["1. Chad libya (1978-01-01 – 1987-12-31)", "2. Tripoli offensive (2019-04-04)", "3. Wagner (2019-09-01 – 2019-11-30)"], rows); // date order, numbered as on the timeline
    }

    [Fact]
    public void Puts_the_difference_at_the_point_with_bars_to_its_interval_and_none_when_there_is_no_interval()
    {
        var effect = Trace(Parse(ForestChart.Build(StudyResults(), synthetic: false).FigureJson), ForestChart.EffectTraceName);

        Assert.Equal([2.5, -0.5], effect.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(["2. Tripoli offensive (2019-04-04)", "3. Wagner (2019-09-01 – 2019-11-30)"], Strings(effect.GetProperty("y")));
        var error = effect.GetProperty("error_x");
        Assert.False(error.GetProperty("symmetric").GetBoolean());
        Assert.Equal([2.0, 0.0], error.GetProperty("array").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([2.0, 0.0], error.GetProperty("arrayminus").EnumerateArray().Select(v => v.GetDouble()));
        var hover = Strings(effect.GetProperty("hovertext"));
        Assert.Contains("placebo p = 0.04 (500 windows)", hover[0]);
        Assert.Contains("95% CI 0.5 .. 4.5", hover[0]);
        Assert.Contains("(no interval)", hover[1]);
        Assert.Contains("only 12 placebo windows", hover[1]);
    }

    [Fact]
    public void Draws_the_placebo_band_only_for_mentions_that_have_one()
    {
        var band = Trace(Parse(ForestChart.Build(StudyResults(), synthetic: false).FigureJson), ForestChart.PlaceboTraceName);
        var x = band.GetProperty("x").EnumerateArray().ToArray();

        Assert.Equal(3, x.Length); // low, high, gap
        Assert.Equal(-2.0, x[0].GetDouble());
        Assert.Equal(2.0, x[1].GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, x[2].ValueKind);
    }

    [Fact]
    public void Keeps_a_mention_without_result_as_a_row_with_its_reason()
    {
        var missing = Trace(Parse(ForestChart.Build(StudyResults(), synthetic: false).FigureJson), ForestChart.NotComputableTraceName);

        Assert.Equal(["1. Chad libya (1978-01-01 – 1987-12-31)"], Strings(missing.GetProperty("y")));
        Assert.Equal(["not computable"], Strings(missing.GetProperty("text")));
        Assert.Contains("not computable: outside the data's coverage", Strings(missing.GetProperty("hovertext"))[0]);
    }

    [Fact]
    public void Fixes_the_x_range_to_hold_every_band_interval_and_zero()
    {
        var range = Parse(ForestChart.Build(StudyResults(), synthetic: false).FigureJson).GetProperty("layout").GetProperty("xaxis").GetProperty("range").EnumerateArray().Select(v => v.GetDouble()).ToArray();

        // Values span -2 (band) .. 4.5 (interval): 6% of 6.5 to spare on each side.
        Assert.Equal(-2.39, range[0], 6);
        Assert.Equal(4.89, range[1], 6);
    }

    [Fact]
    public void Labels_rows_with_a_short_title_and_capitalised_acronyms()
    {
        Assert.Equal("4. GNA requests turkish support (2019-12-01)", ForestChart.RowLabel(4, new StudyTarget("gna-requests-turkish-support-2019", "gna-requests-turkish-support-2019", D("2019-12-01"), D("2019-12-01"), false)));
        Assert.Equal("1. Operation dignity (2014-05-16)", ForestChart.RowLabel(1, new StudyTarget("operation-dignity-2014", "operation-dignity-2014", D("2014-05-16"), D("2014-05-16"), false)));
    }

    [Fact]
    public void Uses_one_marker_symbol_per_source_family()
    {
        var acled = Trace(Parse(ForestChart.Build(StudyResults(), synthetic: false, EventSource.Acled).FigureJson), ForestChart.EffectTraceName);
        var ucdp = Trace(Parse(ForestChart.Build(StudyResults(), synthetic: false, EventSource.UcdpGed).FigureJson), ForestChart.EffectTraceName);

        Assert.Equal("circle", acled.GetProperty("marker").GetProperty("symbol").GetString());
        Assert.Equal("diamond", ucdp.GetProperty("marker").GetProperty("symbol").GetString());
    }

    [Fact]
    public void Draws_one_note_and_no_rows_when_nothing_is_computable()
    {
        var json = Parse(ForestChart.Build([StudyResults()[2]], synthetic: false).FigureJson);

        Assert.Empty(Traces(json));
        var note = Assert.Single(Annotations(json));
        Assert.Equal(ForestChart.NothingComputableName, note.GetProperty("name").GetString());
        Assert.Contains("Nothing computable: none of the 1 mentions", note.GetProperty("text").GetString());
    }

    [Fact]
    public void Marks_zero_with_a_vertical_line()
    {
        var zero = Assert.Single(Shapes(Parse(ForestChart.Build(StudyResults(), synthetic: false).FigureJson)));

        Assert.Equal("zero", zero.GetProperty("name").GetString());
        Assert.Equal(0, zero.GetProperty("x0").GetDouble());
        Assert.Equal(0, zero.GetProperty("x1").GetDouble());
    }
}
