using Pipeline.Tests.Support;
using System.Text.Json;
using Pipeline.Charts;

namespace Pipeline.Tests.Charts;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class FigureModelTests
{
    [Fact]
    public void Writes_plotly_attribute_names_the_trace_type_first_and_leaves_unset_properties_out()
    {
        var figure = new Figure(
            [new ScatterTrace { Name = "a", HoverTemplate = "%{y}", ErrorX = new() { ArrayMinus = [1] } }, new BarTrace { Marker = new() { Color = "red" } }],
            new Layout { XAxis = new() { RangeMode = "tozero" }, Margin = new(1, 2, 3, 4), Annotations = [new() { ShowArrow = false, YShift = -2 }] });

        Assert.Equal(
            """{"data":[{"type":"scatter","name":"a","error_x":{"arrayminus":[1]},"hovertemplate":"%{y}"},{"type":"bar","marker":{"color":"red"}}],"layout":{"xaxis":{"rangemode":"tozero"},"margin":{"t":1,"b":2,"l":3,"r":4},"annotations":[{"yshift":-2,"showarrow":false}]},"frames":[]}""",
            figure.ToJson());
    }

    [Fact]
    public void Writes_dates_numbers_gaps_colour_stops_and_text_as_plotly_reads_them()
    {
        var figure = new Figure(
            [
                new ScatterTrace { X = new[] { new DateOnly(2020, 1, 3) }, Y = new double?[] { 1.5, null, double.NaN, 2 }, HoverText = ["Mon–Sun ¶6", null] },
                new HeatmapTrace { Y = new[] { "a", null }, Z = [[0.25, null]], ColorScale = [new(0, "rgb(1, 2, 3)"), new(0.5, "white")] },
                new BarTrace { Y = new[] { double.PositiveInfinity, 3 } },
            ],
            new Layout { Shapes = [new() { X0 = 0, X1 = new DateOnly(2019, 12, 31) }] });

        using var doc = JsonDocument.Parse(figure.ToJson());
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal("""["2020-01-03"]""", data[0].GetProperty("x").GetRawText());
        Assert.Equal("[1.5,null,null,2]", data[0].GetProperty("y").GetRawText());
        Assert.Equal("""["Mon–Sun ¶6",null]""", data[0].GetProperty("hovertext").GetRawText());
        Assert.Equal("""["a",null]""", data[1].GetProperty("y").GetRawText());
        Assert.Equal("[[0.25,null]]", data[1].GetProperty("z").GetRawText());
        Assert.Equal("""[[0,"rgb(1, 2, 3)"],[0.5,"white"]]""", data[1].GetProperty("colorscale").GetRawText());
        Assert.Equal("[null,3]", data[2].GetProperty("y").GetRawText());
        var shape = doc.RootElement.GetProperty("layout").GetProperty("shapes")[0];
        Assert.Equal("0", shape.GetProperty("x0").GetRawText());
        Assert.Equal("\"2019-12-31\"", shape.GetProperty("x1").GetRawText());
    }

    [Fact]
    public void Figure_json_is_data_layout_frames_and_a_source_panel_leaves_the_original_as_it_was()
    {
        var figure = new ChartFigure("line", "Line", [new ScatterTrace { Y = new[] { 1.0, 3, 2 } }], FigureParts.Layout("Line <1>", 300, synthetic: false));
        var panel = figure.ForSource("acled", "ACLED (a&b.csv)");

        using var doc = JsonDocument.Parse(figure.FigureJson);
        Assert.Equal(["data", "layout", "frames"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""[{"type":"scatter","y":[1,3,2]}]""", doc.RootElement.GetProperty("data").GetRawText());
        Assert.Equal("""{"title":{"text":"Line &lt;1&gt;"},"height":300}""", doc.RootElement.GetProperty("layout").GetRawText());
        Assert.Equal("Line — ACLED (a&amp;b.csv)", JsonDocument.Parse(panel.FigureJson).RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Line &lt;1&gt;", figure.Layout.Title!.Text);
        Assert.Equal(figure.FigureJson, figure.Renamed("other").FigureJson);
        Assert.Equal("other", figure.Renamed("other").Name);
    }

    [Fact]
    public void Synthetic_layout_carries_the_mark_after_the_chart_notes_and_no_empty_lists()
    {
        var plain = FigureParts.Layout("T", 100, synthetic: false, shapes: [], annotations: []);
        var marked = FigureParts.Layout("T", 100, synthetic: true, annotations: [FigureParts.Note("n", "note", 0, 0)]);

        Assert.Null(plain.Shapes);
        Assert.Null(plain.Annotations);
        Assert.Equal(["n", "synthetic-data"], marked.Annotations!.Select(a => a.Name));
        Assert.Equal(FigureParts.SyntheticText, marked.Annotations![1].Text);
    }

    [Fact]
    public void A_synthetic_figure_has_the_mark_in_its_bottom_margin_and_its_title_prefixed_once()
    {
        var layout = FigureParts.Layout("T", 300, synthetic: true) with { Margin = new(50, 70, 60, 20) };
        var figure = new ChartFigure("t", "T", [], layout).ForSource("acled", "ACLED").Renamed("u");
        var mark = figure.Layout.Annotations!.Single(a => a.Name == FigureParts.SyntheticName);

        Assert.Equal(FigureParts.SyntheticTitlePrefix + "T — ACLED", figure.Layout.Title!.Text);
        Assert.Equal(("paper", 0.0, "bottom", -68), (mark.YRef, mark.Y, mark.YAnchor, mark.YShift));
        Assert.Equal(("paper", 1.0, "right"), (mark.XRef, mark.X, mark.XAnchor));
        Assert.Equal("T", new ChartFigure("t", "T", [], FigureParts.Layout("T", 300, synthetic: false)).Layout.Title!.Text);
    }
}
