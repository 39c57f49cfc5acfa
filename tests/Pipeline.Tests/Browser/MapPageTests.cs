using System.Text.Json;
using Pipeline.Charts;
using static Pipeline.Tests.Charts.ChartSamples;

namespace Pipeline.Tests.Browser;

/// <summary>
/// The map draws offline: plotly.js finds the world outlines in <c>window.PlotlyGeoAssets</c> (set by the page from the
/// embedded topojson) and requests nothing; the same map without them tries to fetch the file from plotly's CDN, so
/// the zero-request check can fail.
/// </summary>
[Collection(ChromiumCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class MapPageTests(ChromiumFixture chromium, DefaultReportFixture report) : IClassFixture<DefaultReportFixture>
{
    private const string Cdn = "https://cdn.plot.ly/world_110m.json";

    /// <summary>Drawn parts of a map div: country outline paths, event points and legend entries.</summary>
    private const string Drawn = """
        (id) => {
          const gd = document.getElementById(id);
          return {
            countries: gd.querySelectorAll('.geo .countries path, .geo path.countries').length,
            land: gd.querySelectorAll('.geo .land path, .geo path.land').length,
            points: gd.querySelectorAll('.scattergeo .point').length,
            legend: [...gd.querySelectorAll('.legend .legendtext')].map(t => t.textContent),
            assets: !!(window.PlotlyGeoAssets && window.PlotlyGeoAssets.topojson && window.PlotlyGeoAssets.topojson.world_110m),
          };
        }
        """;

    [BrowserFact]
    public async Task Report_map_draws_countries_and_events_with_no_network_request_and_offers_every_mention_window()
    {
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(report.Page);
        await page.Page.WaitForSelectorAsync("#chart-map-synthetic .scattergeo .point");

        var drawn = await page.Page.EvaluateAsync<JsonElement>(Drawn, "chart-map-synthetic");
        Assert.True(drawn.GetProperty("assets").GetBoolean());
        Assert.True(drawn.GetProperty("countries").GetInt32() > 0, "no country outline drawn");
        Assert.True(drawn.GetProperty("land").GetInt32() > 0, "no land drawn");
        var placed = report.Analysis.Sources[0].Events.Count(e => e.Latitude is not null && e.Longitude is not null);
        Assert.Equal(placed, drawn.GetProperty("points").GetInt32()); // the mention windows are hidden at first
        Assert.Empty(page.NetworkRequestUrls);
        Assert.All(page.RequestedUrls, u => Assert.StartsWith("file://", u));
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.PageErrors);

        var source = report.Analysis.Sources[0];
        var windows = TimelineChart.Number(source.Mentions).Where(m => source.Study.Any(r => r.Target.Id == m.View.Mention.Id && r.Window is not null)).ToList();
        Assert.NotEmpty(windows);
        var legend = drawn.GetProperty("legend").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.All(windows, w => Assert.Contains(ForestChart.RowLabel(w.Number, w.View.Target), legend));

        // Clicking a window's legend entry shows its events over the type colours.
        var first = ForestChart.RowLabel(windows[0].Number, windows[0].View.Target);
        await page.Page.Locator("#chart-map-synthetic .legend .traces", new() { HasText = first }).First.ClickAsync();
        await page.Page.WaitForFunctionAsync("(n) => document.querySelectorAll('#chart-map-synthetic .scattergeo .point').length > n", placed);
        Assert.Empty(page.NetworkRequestUrls);
    }

    [BrowserFact]
    public async Task Without_the_embedded_outlines_the_same_map_tries_to_fetch_them_from_the_cdn()
    {
        var map = MapChart.Build(MapEvents(), MapWindows(), synthetic: false, aggregateOnly: false);
        var withAssets = ChartHtml.Standalone(map, "map");
        Assert.Contains(ChartHtml.GeoAssets(), withAssets, StringComparison.Ordinal);
        using var pages = new TempPages();
        var offline = pages.PathOf("map.html");
        var control = pages.PathOf("map-without-assets.html");
        File.WriteAllText(offline, withAssets);
        File.WriteAllText(control, withAssets.Replace(ChartHtml.GeoAssets(), "", StringComparison.Ordinal));

        await using (var page = await chromium.NewPageAsync())
        {
            await page.GotoFileAsync(offline);
            await page.Page.WaitForSelectorAsync("#chart-map .scattergeo .point");
            var drawn = await page.Page.EvaluateAsync<JsonElement>(Drawn, "chart-map");
            Assert.True(drawn.GetProperty("countries").GetInt32() > 0);
            Assert.Equal(3, drawn.GetProperty("points").GetInt32());
            Assert.Empty(page.NetworkRequestUrls);
        }

        await using (var page = await chromium.NewPageAsync())
        {
            var request = page.Page.WaitForRequestAsync(r => r.Url.Contains("world_110m.json", StringComparison.Ordinal));
            await page.GotoFileAsync(control);
            Assert.Equal(Cdn, (await request).Url);
            Assert.Contains(Cdn, page.NetworkRequestUrls);
        }
    }
}
