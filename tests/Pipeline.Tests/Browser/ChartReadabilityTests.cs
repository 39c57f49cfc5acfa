using System.Text.Json;
using Pipeline.Charts;
using Pipeline.Events;
using Pipeline.Reports;
using Pipeline.Tests.Reports;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Browser;

/// <summary>The default (synthetic) report and, when the real files are here (always under CI), a UCDP + ACLED report, written once (no PNGs).</summary>
public sealed class TwoReportsFixture : IAsyncLifetime
{
    private readonly TempFolder tmp = new();

    public string DefaultPage => Path.Combine(tmp["default"], ReportWriter.HtmlFile);

    public string RealPage => Path.Combine(tmp["real"], ReportWriter.HtmlFile);

    /// <summary>Whether the real report was written (the real files are here, or CI requires them).</summary>
    public bool HasReal { get; private set; }

    public async Task InitializeAsync()
    {
        await ReportRun.WriteAsync(ReportRun.Inputs(), tmp["default"]);
        HasReal = TestPaths.RealDataAvailable || TestPaths.RealDataRequired;
        if (HasReal)
        {
            await ReportRun.WriteAsync(
                ReportRun.Inputs(TestPaths.Real("ucdp-ged-libya/conflict_libya.csv"), TestPaths.Real("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv")),
                tmp["real"]);
        }
    }

    public Task DisposeAsync()
    {
        tmp.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The charts read without a mouse (issue 16): every drawn mention has a number label in the SVG and no two labels
/// overlap, the SYNTHETIC mark never sits over a plot, and an event type has one colour in every report.
/// </summary>
[Collection(ChromiumCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class ChartReadabilityTests(ChromiumFixture chromium, TwoReportsFixture reports) : IClassFixture<TwoReportsFixture>
{
    /// <summary>Per timeline chart: its id, the labels' text and bounding boxes (text and disc), in page pixels.</summary>
    private const string LabelBoxes =
        """
        () => [...document.querySelectorAll('div.chart[id^="chart-timeline-"]')].map(gd => {
          const index = gd.data.findIndex(t => t.name === 'mentions');
          const group = [...gd.querySelectorAll('.scatterlayer .trace')].find(g => g.__data__ && g.__data__[0] && g.__data__[0].trace.name === 'mentions');
          const box = e => { const r = e.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; };
          return {
            id: gd.id,
            declared: index < 0 ? [] : gd.data[index].text,
            texts: group ? [...group.querySelectorAll('.textpoint text')].map(t => ({ text: t.textContent, box: box(t) })) : [],
            discs: group ? [...group.querySelectorAll('path.point')].map(box) : [],
          };
        })
        """;

    [BrowserFact]
    public async Task Every_drawn_mention_has_its_number_as_text_and_no_two_labels_overlap_in_the_default_report()
    {
        var charts = await LabelsAsync(reports.DefaultPage);

        var timeline = Assert.Single(charts);
        Assert.True(timeline.Texts.Count >= 5, $"only {timeline.Texts.Count} mention labels drawn");
        AssertReadable(timeline);
    }

    [BrowserFact]
    public async Task Every_drawn_mention_has_its_number_as_text_and_no_two_labels_overlap_in_the_ucdp_and_acled_report()
    {
        if (!reports.HasReal)
        {
            return; // the real files are not here; CI always has them
        }

        var charts = await LabelsAsync(reports.RealPage);

        Assert.Equal(["chart-timeline-ucdp-ged", "chart-timeline-acled"], charts.Select(c => c.Id));
        Assert.True(charts[0].Texts.Count >= 5, $"only {charts[0].Texts.Count} mention labels drawn on the UCDP timeline");
        Assert.All(charts, AssertReadable);
    }

    [BrowserFact]
    public async Task Timeline_panels_of_two_sources_share_one_time_axis()
    {
        if (!reports.HasReal)
        {
            return; // the real files are not here; CI always has them
        }

        await using var page = await OpenAsync(reports.RealPage);
        var ranges = await page.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('div.chart[id^=\"chart-timeline-\"]')].map(gd => JSON.stringify(gd._fullLayout.xaxis.range))");

        Assert.Equal(2, ranges.Length);
        Assert.Equal(ranges[0], ranges[1]);
    }

    [BrowserFact]
    public async Task Synthetic_mark_is_in_every_chart_title_and_margin_and_never_over_the_plot()
    {
        await using var page = await OpenAsync(reports.DefaultPage);
        var charts = await page.Page.EvaluateAsync<JsonElement>(
            """
            () => [...document.querySelectorAll('div.chart')].map(gd => {
              const box = e => { const r = e.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; };
              const marks = [...gd.querySelectorAll('.annotation')].filter(a => a.textContent === 'SYNTHETIC DATA');
              const plots = [...gd.querySelectorAll('.nsewdrag, .geo .bg rect')]; // a map's plot area is its geo background
              return {
                id: gd.id,
                title: (gd.querySelector('.gtitle') || {}).textContent || '',
                marks: marks.map(m => box(m.querySelector('.annotation-text') || m)),
                plots: plots.map(box),
              };
            })
            """);

        var list = charts.EnumerateArray().ToList();
        Assert.True(list.Count >= 4);
        foreach (var c in list)
        {
            var id = c.GetProperty("id").GetString();
            Assert.StartsWith("SYNTHETIC DATA", c.GetProperty("title").GetString());
            var mark = Assert.Single(c.GetProperty("marks").EnumerateArray());
            var plots = c.GetProperty("plots").EnumerateArray().ToList(); // one, or one per subplot (mention windows)
            Assert.NotEmpty(plots);
            Assert.True(Box.Of(mark).Width > 20, $"{id}: the SYNTHETIC mark is not drawn");
            Assert.All(plots, plot => Assert.False(Box.Of(mark).Intersects(Box.Of(plot)), $"{id}: the SYNTHETIC mark {Box.Of(mark)} overlaps the plot area {Box.Of(plot)}"));
        }
    }

    [BrowserFact]
    public async Task An_event_type_has_the_same_colour_in_the_default_and_the_real_report()
    {
        if (!reports.HasReal)
        {
            return; // the real files are not here; CI always has them
        }

        var synthetic = await TypeColoursAsync(reports.DefaultPage);
        var real = await TypeColoursAsync(reports.RealPage);

        var shared = synthetic.Keys.Intersect(real.Keys).ToList();
        Assert.True(shared.Count >= 2, $"the reports share only {shared.Count} event types: nothing to compare");
        foreach (var (name, colour) in synthetic.Concat(real))
        {
            var type = Enum.GetValues<HarmonisedEventType>().Single(t => t.DisplayName() == name);
            Assert.Equal(EventTypeColours.Of(type), colour);
        }

        Assert.All(shared, n => Assert.Equal(synthetic[n], real[n]));
    }

    /// <summary>Type name → the colour plotly.js drew its bars in, over every event-types chart of the page (one colour per name).</summary>
    private async Task<Dictionary<string, string>> TypeColoursAsync(string path)
    {
        await using var page = await OpenAsync(path);
        var pairs = await page.Page.EvaluateAsync<JsonElement>(
            "() => [...document.querySelectorAll('div.chart[id^=\"chart-event-types-\"]')].flatMap(gd => gd._fullData.map(t => [t.name, t.marker.color]))");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in pairs.EnumerateArray())
        {
            var (name, colour) = (p[0].GetString()!, p[1].GetString()!);
            Assert.True(!map.TryGetValue(name, out var before) || before == colour, $"{name} is drawn in {before} and {colour} on one page");
            map[name] = colour;
        }

        return map;
    }

    private static void AssertReadable(TimelineLabels chart)
    {
        Assert.Equal(chart.Declared, chart.Texts.Select(t => t.Text));
        Assert.All(chart.Texts, t => Assert.True(int.TryParse(t.Text, out _), $"{chart.Id}: label '{t.Text}' is not a number"));
        Assert.Equal(chart.Texts.Count, chart.Discs.Count);
        foreach (var boxes in new[] { chart.Texts.Select(t => t.Box).ToList(), chart.Discs })
        {
            for (var i = 0; i < boxes.Count; i++)
            {
                Assert.True(boxes[i].Width > 0 && boxes[i].Height > 0, $"{chart.Id}: label {i} has no size");
                for (var j = i + 1; j < boxes.Count; j++)
                {
                    Assert.False(boxes[i].Intersects(boxes[j]), $"{chart.Id}: labels {chart.Texts[i].Text} {boxes[i]} and {chart.Texts[j].Text} {boxes[j]} overlap");
                }
            }
        }
    }

    private async Task<RecordedPage> OpenAsync(string path)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(path);
        await page.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('div.chart')].every(d => d.querySelector('.main-svg'))");
        return page;
    }

    private async Task<List<TimelineLabels>> LabelsAsync(string path)
    {
        await using var page = await OpenAsync(path);
        var charts = await page.Page.EvaluateAsync<JsonElement>(LabelBoxes);
        Assert.Empty(page.PageErrors);
        return [.. charts.EnumerateArray().Select(c => new TimelineLabels(
            c.GetProperty("id").GetString()!,
            [.. c.GetProperty("declared").EnumerateArray().Select(t => t.GetString()!)],
            [.. c.GetProperty("texts").EnumerateArray().Select(t => (t.GetProperty("text").GetString()!, Box.Of(t.GetProperty("box"))))],
            [.. c.GetProperty("discs").EnumerateArray().Select(Box.Of)]))];
    }

    private sealed record TimelineLabels(string Id, List<string> Declared, List<(string Text, Box Box)> Texts, List<Box> Discs);

    /// <summary>A bounding box in page pixels.</summary>
    private sealed record Box(double X, double Y, double Width, double Height)
    {
        public static Box Of(JsonElement e) => new(e.GetProperty("x").GetDouble(), e.GetProperty("y").GetDouble(), e.GetProperty("w").GetDouble(), e.GetProperty("h").GetDouble());

        /// <summary>Whether the two boxes share an area (touching edges do not count).</summary>
        public bool Intersects(Box o) => X < o.X + o.Width && o.X < X + Width && Y < o.Y + o.Height && o.Y < Y + Height;
    }
}
