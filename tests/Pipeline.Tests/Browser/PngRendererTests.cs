using Pipeline.Rendering;

namespace Pipeline.Tests.Browser;

[Collection(ChromiumCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class PngRendererTests
{
    private const string TwoBoxes = """
        <div id="solid" style="width: 300px; height: 120px; background: rgb(200, 30, 40);"></div>
        <div id="text" style="width: 420px; height: 160px; font: 16px sans-serif; color: #000; background: #fff;">
          Tripoli offensive launched 2019-04-04; Turkey–GNA memoranda 2019-11-27; mandate 2020-01-02.
          The quick brown fox jumps over the lazy dog 0123456789 — descriptive, not causal.
        </div>
        """;

    [BrowserFact]
    public async Task Writes_one_png_per_element_sized_like_the_element()
    {
        using var pages = new TempPages();
        var html = pages.Write("boxes.html", TwoBoxes);
        var solid = pages.PathOf("charts/nested/solid.png");
        var text = pages.PathOf("charts/text.png");

        var written = await PngRenderer.RenderAsync(html, [("solid", solid), ("text", text)], ChromiumFixture.Limits, CancellationToken.None);

        Assert.Equal([solid, text], written);
        var solidPng = PngFile.Read(solid);
        var textPng = PngFile.Read(text);
        Assert.Equal((300, 120), (solidPng.Width, solidPng.Height));
        Assert.Equal((420, 160), (textPng.Width, textPng.Height));
        Assert.Empty(Directory.GetFiles(pages.PathOf("charts"), "*.tmp", SearchOption.AllDirectories));
    }

    [BrowserFact]
    public async Task Png_is_not_blank_solid_box_shows_its_colour_and_text_box_carries_more_detail()
    {
        using var pages = new TempPages();
        var html = pages.Write("boxes.html", TwoBoxes);
        var solid = pages.PathOf("solid.png");
        var text = pages.PathOf("text.png");

        await PngRenderer.RenderAsync(html, [("solid", solid), ("text", text)], ChromiumFixture.Limits, CancellationToken.None);

        Assert.Equal(((byte)200, (byte)30, (byte)40), PngFile.Read(solid).TopLeftPixel());
        Assert.Equal(((byte)255, (byte)255, (byte)255), PngFile.Read(text).TopLeftPixel());
        // A flat colour compresses to almost nothing; glyphs cannot, so a text PNG far larger proves it was drawn.
        Assert.True(new FileInfo(text).Length > 4 * new FileInfo(solid).Length,
            $"text PNG {new FileInfo(text).Length} B is not much larger than solid PNG {new FileInfo(solid).Length} B");
    }

    [BrowserFact]
    public async Task Waits_for_a_plotly_div_to_be_drawn_before_capturing_it()
    {
        using var pages = new TempPages();
        var html = pages.Write("late-plot.html", """
            <div id="chart" class="js-plotly-plot" style="width: 200px; height: 100px; background: rgb(255, 255, 255);"></div>
            <script>
              setTimeout(() => {
                const el = document.getElementById("chart");
                el.style.background = "rgb(20, 120, 60)";
                el.innerHTML = '<svg class="main-svg" width="200" height="100"></svg>';
              }, 400);
            </script>
            """);
        var png = pages.PathOf("chart.png");

        await PngRenderer.RenderAsync(html, [("chart", png)], ChromiumFixture.Limits, CancellationToken.None);

        Assert.Equal(((byte)20, (byte)120, (byte)60), PngFile.Read(png).TopLeftPixel());
    }

    [BrowserFact]
    public async Task Renders_offline_even_when_the_page_asks_for_the_network()
    {
        using var pages = new TempPages();
        var html = pages.Write("cdn.html", """
            <div id="box" style="width: 50px; height: 40px; background: rgb(0, 0, 255);"></div>
            <img src="https://example.com/x.png"><script src="https://cdn.example/plotly.js"></script>
            """);
        var png = pages.PathOf("box.png");

        await PngRenderer.RenderAsync(html, [("box", png)], ChromiumFixture.Limits, CancellationToken.None);

        Assert.Equal((50, 40), (PngFile.Read(png).Width, PngFile.Read(png).Height));
    }

    [BrowserFact]
    public async Task Missing_element_fails_at_once_naming_the_id_and_writes_nothing()
    {
        // No short limit: absence is checked once the page has loaded, so the outcome cannot depend on how
        // long Chromium takes to start. The present element proves no PNG is written before the check.
        using var pages = new TempPages();
        var html = pages.Write("one-box.html", """<div id="box" style="width: 50px; height: 40px; background: rgb(0, 0, 255);"></div>""");
        var box = pages.PathOf("out/box.png");
        var png = pages.PathOf("out/missing.png");

        var e = await Assert.ThrowsAsync<ElementNotFoundException>(() =>
            PngRenderer.RenderAsync(html, [("box", box), ("missing-chart", png)], ChromiumFixture.Limits, CancellationToken.None));

        Assert.Equal("missing-chart", e.ElementId);
        Assert.Contains("#missing-chart", e.Message);
        Assert.EndsWith("/one-box.html", e.PageUrl);
        Assert.False(File.Exists(box));
        Assert.False(File.Exists(png));
        Assert.False(Directory.Exists(pages.PathOf("out")));
    }

    [BrowserFact]
    public async Task Chart_never_drawn_times_out_naming_the_id_and_writes_nothing()
    {
        // The element limit starts after the page's load event, so a short one is spent only on a chart that
        // can never be drawn: the outcome is the same on a quiet machine and a busy one.
        using var pages = new TempPages();
        var html = pages.Write("never-drawn.html", """<div id="stuck-chart" class="js-plotly-plot" style="width: 10px; height: 10px;"></div>""");
        var png = pages.PathOf("out/stuck.png");

        var e = await Assert.ThrowsAsync<TimeoutException>(() =>
            PngRenderer.RenderAsync(html, [("stuck-chart", png)], ChromiumFixture.Limits with { ElementTimeout = TimeSpan.FromSeconds(1) }, CancellationToken.None));

        Assert.Contains("#stuck-chart", e.Message);
        Assert.False(File.Exists(png));
    }

    [BrowserFact]
    public async Task Cancelling_while_waiting_for_a_chart_stops_the_render_and_writes_nothing()
    {
        using var pages = new TempPages();
        var html = pages.Write("never-drawn.html", """<div id="chart" class="js-plotly-plot" style="width: 10px; height: 10px;"></div>""");
        var png = pages.PathOf("chart.png");
        using var cancel = new CancellationTokenSource();
        var waitedFor = new List<string>();

        // Cancelled at the moment the renderer starts waiting for the chart, not after a guessed delay.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            PngRenderer.RenderAsync(html, [("chart", png)], ChromiumFixture.Limits, id =>
            {
                waitedFor.Add(id);
                cancel.Cancel();
            }, cancel.Token));

        Assert.Equal(["chart"], waitedFor);
        Assert.False(File.Exists(png));
    }
}
