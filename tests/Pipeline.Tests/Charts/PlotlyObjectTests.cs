using System.Text.Json;
using Pipeline.Charts;

namespace Pipeline.Tests.Charts;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class PlotlyObjectTests
{
    [Fact]
    public void Writes_properties_in_first_set_order_and_a_second_set_replaces_in_place()
    {
        var trace = new Trace("bar").Set("name", "a").Set("y", new[] { 1, 2 }).Set("name", "b");

        Assert.Equal("""{"type":"bar","name":"b","y":[1,2]}""", trace.ToJson());
        Assert.Equal("bar", trace.Type);
    }

    [Fact]
    public void Writes_numbers_dates_nested_objects_and_gaps_as_plotly_reads_them()
    {
        var o = new PlotlyObject()
            .Set("x", new[] { new DateOnly(2020, 1, 3) })
            .Set("y", new double?[] { 1.5, null, double.NaN, 2 })
            .Set("z", new[] { new[] { 0.25, double.PositiveInfinity } })
            .Set("font", new PlotlyObject().Set("size", 11))
            .Set("mix", new object?[] { 0, "rgb(1, 2, 3)", true, null })
            .Set("text", "Mon–Sun ¶6");

        Assert.Equal(
            """{"x":["2020-01-03"],"y":[1.5,null,null,2],"z":[[0.25,null]],"font":{"size":11},"mix":[0,"rgb(1, 2, 3)",true,null],"text":"Mon–Sun ¶6"}""",
            o.ToJson());
    }

    [Fact]
    public void Refuses_values_json_cannot_carry_when_they_are_set()
    {
        var e = Assert.Throws<ArgumentException>(() => new PlotlyObject().Set("x", new[] { new object() }));
        Assert.Contains("'x'", e.Message);
        Assert.Throws<ArgumentException>(() => new PlotlyObject().Set("when", DateTime.UnixEpoch));
    }

    [Fact]
    public void Figure_json_is_data_layout_frames_and_does_not_change_when_the_traces_do_later()
    {
        var trace = new Trace("scatter").Set("y", new[] { 1, 3, 2 });
        var figure = new ChartFigure("line", "Line", [trace], new Layout().Set("height", 300));
        trace.Set("y", new[] { 9 });

        using var doc = JsonDocument.Parse(figure.FigureJson);
        Assert.Equal(["data", "layout", "frames"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("[1,3,2]", doc.RootElement.GetProperty("data")[0].GetProperty("y").GetRawText());
        Assert.Equal(300, doc.RootElement.GetProperty("layout").GetProperty("height").GetInt32());
        Assert.Equal(figure.FigureJson, figure.Renamed("other").FigureJson);
        Assert.Equal("other", figure.Renamed("other").Name);
    }
}
