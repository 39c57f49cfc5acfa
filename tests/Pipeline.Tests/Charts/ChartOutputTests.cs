using System.Text.RegularExpressions;
using Pipeline.Charts;
using static Pipeline.Tests.Charts.ChartSamples;

namespace Pipeline.Tests.Charts;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public partial class ChartOutputTests
{
    public static TheoryData<string> ChartNames => ["timeline", "event-types", "admin1-heatmap", "forest", "fatalities", "actors", "map"];

    private static ChartFigure Build(string name, bool synthetic) => name switch
    {
        "timeline" => TimelineChart.Build(Weekly(), Views(), synthetic),
        "event-types" => EventTypeChart.Build(ByType(), synthetic),
        "admin1-heatmap" => Admin1HeatmapChart.Build(ByAdmin1(), synthetic),
        "forest" => ForestChart.Build(StudyResults(), synthetic),
        "fatalities" => FatalitiesChart.Build(WeeklyWithUcdpBand(), [], Pipeline.Events.EventSource.UcdpGed, synthetic),
        "actors" => ActorChart.Build(ByType(), synthetic),
        "map" => MapChart.Build(MapEvents(), MapWindows(), synthetic, aggregateOnly: false),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Carries_the_synthetic_data_mark_only_when_the_data_are_synthetic(string name)
    {
        static int Marks(ChartFigure f) => Annotations(Parse(f.FigureJson)).Count(a => a.GetProperty("text").GetString() == "SYNTHETIC DATA");

        Assert.Equal(1, Marks(Build(name, synthetic: true)));
        Assert.Equal(0, Marks(Build(name, synthetic: false)));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Gives_identical_bytes_for_two_builds_from_the_same_input(string name)
    {
        var a = Build(name, synthetic: true);
        var b = Build(name, synthetic: true);

        Assert.Equal(name, a.Name);
        Assert.Equal(a.FigureJson, b.FigureJson);
        Assert.Equal(ChartHtml.Div(a), ChartHtml.Div(b));
        Assert.Equal(ChartHtml.Standalone(a, "A chart"), ChartHtml.Standalone(b, "A chart"));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Counts_the_traces_that_are_in_the_figure_json(string name)
    {
        var figure = Build(name, synthetic: false);

        Assert.Equal(Traces(Parse(figure.FigureJson)).Length, figure.TraceCount);
        Assert.Equal(figure.TraceCount, figure.Data.Count);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Div_has_an_id_from_the_chart_name_and_no_guid(string name)
    {
        var figure = Build(name, synthetic: true);
        var div = ChartHtml.Div(figure);

        Assert.StartsWith($"<div id=\"chart-{name}\" class=\"chart\" data-traces=\"{figure.TraceCount}\" style=\"height:{figure.Layout.Height}px\"></div><script>Plotly.newPlot(\"chart-{name}\", ", div);
        Assert.EndsWith(", " + ChartHtml.Config + ");</script>", div);
        Assert.DoesNotMatch(Guid(), div);
        Assert.DoesNotMatch(Guid(), figure.FigureJson);
    }

    [Fact]
    public void Div_cannot_be_broken_out_of_by_a_paraphrase_holding_a_script_end_tag()
    {
        var div = ChartHtml.Div(TimelineChart.Build(Weekly(), Views(OpEd(ScriptParaphrase)), synthetic: false));

        Assert.Equal(1, Regex.Count(div, "</script", RegexOptions.IgnoreCase));
        Assert.Equal(1, Regex.Count(div, "<script", RegexOptions.IgnoreCase));
        Assert.Contains(@"\u0026lt;/script\u0026gt;", div);
    }

    [Fact]
    public void Div_escapes_raw_markup_and_line_separators_in_any_json_string()
    {
        var trace = new ScatterTrace { Name = "</script><script>alert(1)</script>\u2028&" };
        var figure = new ChartFigure("raw", "Raw", [trace]);
        var div = ChartHtml.Div(figure);

        Assert.Equal(1, Regex.Count(div, "</script", RegexOptions.IgnoreCase));
        Assert.Contains(@"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e\u2028\u0026", div);
        Assert.DoesNotContain('\u2028', div);
    }

    [Fact]
    public void Script_safe_json_still_reads_as_the_same_values()
    {
        const string text = "a </script> & <b>\u2028\u2029 ¶6 Chad–Libya";
        var json = System.Text.Json.JsonSerializer.Serialize(new { text }, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        var safe = ChartHtml.ScriptSafe(json);

        Assert.DoesNotContain("<", safe);
        Assert.Equal(text, Parse(safe).GetProperty("text").GetString());
    }

    [Fact]
    public void Standalone_page_inlines_plotly_js_once_and_loads_nothing_from_the_network()
    {
        var figure = Build("timeline", synthetic: true);
        var page = ChartHtml.Standalone(figure, "Timeline <&> \"test\"");
        var js = PlotlyAssets.PlotlyJs;

        var first = page.IndexOf(js, StringComparison.Ordinal);
        Assert.True(first >= 0);
        Assert.Equal(first, page.LastIndexOf(js, StringComparison.Ordinal));
        Assert.Equal(1, Regex.Count(page, Regex.Escape("plotly.js v" + PlotlyAssets.Version)));

        var rest = page.Remove(first, js.Length);
        Assert.DoesNotContain("http://", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cdn", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", rest, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<meta charset=\"utf-8\">", rest);
        Assert.Contains("<title>Timeline &lt;&amp;&gt; &quot;test&quot;</title>", rest);
        Assert.Contains(ChartHtml.Div(figure), rest);
    }

    [Fact]
    public void Embeds_plotly_js_2_28_0_from_npm_plotly_js_dist_min_byte_for_byte()
    {
        Assert.Equal("2.28.0", PlotlyAssets.Version);
        // SHA-256 of plotly.min.js in plotly.js-dist-min@2.28.0 (the same bytes Plotly.NET 6.0.0 embedded).
        Assert.Equal(
            "f33191858012cf263ca873b819c5e7405538183fe3d0e1a6d7b3e577867bcc37",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(PlotlyAssets.PlotlyJs))));
        Assert.Contains("The MIT License", PlotlyAssets.LicenseText);
        Assert.Contains("plotly.js v2.28.0", PlotlyAssets.PlotlyJs[..200]);
        Assert.True(PlotlyAssets.PlotlyJs.Length > 1_000_000);
        Assert.False(string.IsNullOrWhiteSpace(PlotlyAssets.LicenseText));
    }

    [Theory]
    [InlineData("Timeline")]
    [InlineData("time line")]
    [InlineData("-timeline")]
    [InlineData("")]
    public void Figure_names_must_be_slugs_so_html_ids_are_safe(string name) =>
        Assert.Throws<ArgumentException>(() => new ChartFigure(name, "Title", [new ScatterTrace()]));

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
