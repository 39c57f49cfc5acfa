using Pipeline.Charts;
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
        Assert.Equal(["tripoli-offensive", "wagner", "chad-libya"], rows);
    }

    [Fact]
    public void Puts_the_difference_at_the_point_with_bars_to_its_interval_and_none_when_there_is_no_interval()
    {
        var effect = Trace(Parse(ForestChart.Build(StudyResults(), synthetic: false).FigureJson), ForestChart.EffectTraceName);

        Assert.Equal([2.5, -0.5], effect.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(["tripoli-offensive", "wagner"], Strings(effect.GetProperty("y")));
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

        Assert.Equal(["chad-libya"], Strings(missing.GetProperty("y")));
        Assert.Equal(["not computable"], Strings(missing.GetProperty("text")));
        Assert.Contains("not computable: outside the data's coverage", Strings(missing.GetProperty("hovertext"))[0]);
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
