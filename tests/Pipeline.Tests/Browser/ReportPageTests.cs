using System.Text.Json;
using Pipeline.Intensity;
using Pipeline.Reports;
using Pipeline.Rendering;
using Pipeline.Tests.Reports;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Browser;

/// <summary>The default (synthetic) report written once, with PNGs, for all page tests.</summary>
public sealed class DefaultReportFixture : IAsyncLifetime
{
    private readonly TempFolder tmp = new();

    public string Folder => tmp["out"];

    public string Page => Path.Combine(Folder, ReportWriter.HtmlFile);

    public ReportAnalysis Analysis { get; private set; } = null!;

    public ReportResult Result { get; private set; } = null!;

    public async Task InitializeAsync() =>
        (Analysis, Result) = await ReportRun.WriteAsync(ReportRun.Inputs(), Folder, new ChromiumChartRenderer());

    public Task DisposeAsync()
    {
        tmp.Dispose();
        return Task.CompletedTask;
    }
}

[Collection(ChromiumCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class ReportPageTests(ChromiumFixture chromium, DefaultReportFixture report) : IClassFixture<DefaultReportFixture>
{
    [BrowserFact]
    public async Task Report_opens_from_disk_with_no_console_error_no_request_and_no_dialog()
    {
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(report.Page);
        await page.Page.WaitForSelectorAsync("#chart-forest-synthetic .main-svg");
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.PageErrors);
        Assert.Empty(page.NetworkRequestUrls);
        Assert.Empty(page.Dialogs);
    }

    [BrowserFact]
    public async Task Each_chart_draws_the_traces_its_figure_declares()
    {
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(report.Page);
        await page.Page.WaitForSelectorAsync("#chart-forest-synthetic .main-svg");
        var counts = await page.Page.EvaluateAsync<JsonElement>(
            "() => [...document.querySelectorAll('div.chart')].map(d => ({ id: d.id, declared: +d.dataset.traces, drawn: (d.data || []).length, svg: d.querySelectorAll('.main-svg').length }))");
        var charts = counts.EnumerateArray().ToList();
        Assert.Equal(["chart-timeline-synthetic", "chart-event-types-synthetic", "chart-admin1-heatmap-synthetic", "chart-forest-synthetic", "chart-map-synthetic", .. SensitivityCharts()], charts.Select(c => c.GetProperty("id").GetString()));
        foreach (var c in charts)
        {
            Assert.True(c.GetProperty("declared").GetInt32() > 0);
            Assert.Equal(c.GetProperty("declared").GetInt32(), c.GetProperty("drawn").GetInt32());
            Assert.True(c.GetProperty("svg").GetInt32() > 0);
        }

        Assert.Equal(report.Analysis.Sources[0].ByType.Count, charts[1].GetProperty("drawn").GetInt32());
    }

    [BrowserFact]
    public async Task Timeline_has_a_line_per_point_mention_and_a_span_per_period_inside_coverage()
    {
        var drawn = report.Analysis.Mentions.Where(m => m.Coverage != CoverageStatus.Outside).ToList();
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(report.Page);
        await page.Page.WaitForSelectorAsync("#chart-timeline-synthetic .main-svg");
        var shapes = await page.Page.EvaluateAsync<JsonElement>(
            "() => document.getElementById('chart-timeline-synthetic').layout.shapes.filter(s => (s.name || '').startsWith('mention-')).map(s => ({ name: s.name, type: s.type }))");
        var list = shapes.EnumerateArray().Select(s => (Name: s.GetProperty("name").GetString()!, Type: s.GetProperty("type").GetString()!)).ToList();
        Assert.Equal(drawn.Count(m => !m.Target.IsPeriod), list.Count(s => s.Type == "line"));
        Assert.Equal(drawn.Count(m => m.Target.IsPeriod), list.Count(s => s.Type == "rect"));
        Assert.Contains(("mention-turkey-gna-memoranda-2019", "line"), list);
        Assert.DoesNotContain(list, s => s.Name == "mention-turkish-parliament-mandate-2020"); // Turkey only: the Libya source does not cover it
        Assert.Contains(("mention-tripoli-offensive-2019", "rect"), list);
        Assert.DoesNotContain(list, s => s.Name == "mention-chad-libya-conflict");
        var note = await page.Page.Locator("#chart-timeline-synthetic .annotation-text").AllTextContentsAsync();
        Assert.Contains(note, t => t.Contains("outside this source's coverage", StringComparison.Ordinal));
        var legend = await page.Page.Locator("#mention-legend-synthetic tbody tr").AllInnerTextsAsync();
        Assert.Equal(report.Analysis.Mentions.Count, legend.Count); // every mention numbered in the table under the chart
        Assert.Equal(report.Analysis.Mentions.Count(m => m.Coverage == CoverageStatus.Outside), legend.Count(r => r.Contains("outside this source's coverage", StringComparison.Ordinal)));
    }

    [BrowserFact]
    public async Task Hovering_a_mention_marker_shows_our_paraphrase()
    {
        var mandate = report.Analysis.Mentions.Single(m => m.Mention.Id == "turkey-gna-memoranda-2019").Mention;
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(report.Page);
        await page.Page.WaitForSelectorAsync("#chart-timeline-synthetic .main-svg");
        var text = await page.Page.EvaluateAsync<string>(
            """
            (id) => {
              const gd = document.getElementById('chart-timeline-synthetic');
              const curve = gd.data.findIndex(t => t.name === 'mentions');
              const point = gd.data[curve].customdata.findIndex(c => (Array.isArray(c) ? c[0] : c) === id);
              Plotly.Fx.hover(gd, [{ curveNumber: curve, pointNumber: point }]);
              return gd.querySelector('.hoverlayer').textContent;
            }
            """, mandate.Id);
        Assert.Contains(mandate.Paraphrase[..20], text);
        Assert.Contains(mandate.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text);
    }

    [BrowserFact]
    public async Task Synthetic_banner_is_visible_on_the_default_data()
    {
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(report.Page);
        Assert.True(await page.Page.Locator("#synthetic-banner").IsVisibleAsync());
        Assert.Contains("SYNTHETIC DATA", await page.Page.Locator("#synthetic-banner").InnerTextAsync());
        var marks = await page.Page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('div.chart')].filter(d => (d.layout.annotations || []).some(a => a.text === 'SYNTHETIC DATA')).length");
        Assert.Equal(5 + SensitivityCharts().Count, marks);
    }

    [BrowserFact]
    public async Task Summary_is_visible_first_after_the_title_with_one_row_per_mention()
    {
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(report.Page);
        Assert.True(await page.Page.Locator("#summary").IsVisibleAsync());
        Assert.True(await page.Page.Locator("#summary-table").IsVisibleAsync());
        var layout = await page.Page.EvaluateAsync<JsonElement>("""
            () => {
              const kids = [...document.querySelector('main').children];
              const after = kids.slice(kids.indexOf(document.querySelector('main > h1')) + 1);
              const first = after.find(e => e.tagName === 'SECTION' || e.tagName === 'H2');
              const summary = document.getElementById('summary').getBoundingClientRect();
              const banner = document.getElementById('synthetic-banner');
              return {
                first: first ? first.id : '',
                rows: document.querySelectorAll('#summary-table tbody tr').length,
                mentions: [...document.querySelectorAll('#summary-table tbody tr')].map(r => r.dataset.mention),
                top: summary.top,
                bannerBottom: banner ? banner.getBoundingClientRect().bottom : 0,
                articleTop: document.getElementById('article').getBoundingClientRect().top,
                text: document.getElementById('summary').innerText,
              };
            }
            """);
        Assert.Equal("summary", layout.GetProperty("first").GetString());
        Assert.Equal(report.Analysis.Mentions.Count, layout.GetProperty("rows").GetInt32());
        Assert.Equal(report.Analysis.Mentions.Select(m => m.Mention.Id).Order(StringComparer.Ordinal), layout.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()!).Order(StringComparer.Ordinal));
        Assert.True(layout.GetProperty("top").GetDouble() >= layout.GetProperty("bannerBottom").GetDouble(), "the summary starts below the SYNTHETIC banner");
        Assert.True(layout.GetProperty("top").GetDouble() < layout.GetProperty("articleTop").GetDouble(), "the summary comes before the article's metadata");
        Assert.Contains("SYNTHETIC", layout.GetProperty("text").GetString());
    }

    /// <summary>The sensitivity section's charts: one per mention with a computable setting, in catalog order.</summary>
    private List<string> SensitivityCharts() =>
        report.Analysis.Mentions.Where(m => report.Analysis.Sensitivity.Rows.Any(r => r.MentionId == m.Mention.Id && r.IsComputable)).Select(m => $"chart-sensitivity-{m.Mention.Id}").ToList();

    [BrowserFact]
    public void Chart_screenshots_are_written_and_not_blank()
    {
        Assert.Null(report.Result.PngNote);
        foreach (var name in new[] { "timeline", "event-types", "admin1-heatmap", "forest", "map" })
        {
            var png = PngFile.Read(Path.Combine(report.Folder, "charts", name + "-synthetic.png"));
            Assert.InRange(png.Width, 600, 1300);
            Assert.InRange(png.Height, 300, 800);
            Assert.True(png.Bytes.Length > 15_000, $"{name}.png is {png.Bytes.Length} bytes: too small to hold a drawn chart");
            Assert.Contains(report.Result.Outputs, o => o.Path == $"charts/{name}-synthetic.png");
        }
    }

    [BrowserFact]
    public async Task Report_on_real_data_shows_no_synthetic_banner()
    {
        if (!TestPaths.RealDataAvailable && !TestPaths.RealDataRequired)
        {
            return; // nothing to compare against without ../shared; CI always has it
        }

        using var tmp = new TempFolder();
        await ReportRun.WriteAsync(ReportRun.Inputs(TestPaths.Real("ucdp-ged-libya/conflict_libya.csv")), tmp["out"]);
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(tmp["out/report.html"]);
        await page.Page.WaitForSelectorAsync("#chart-timeline-ucdp-ged .main-svg");
        Assert.Equal(0, await page.Page.Locator("#synthetic-banner").CountAsync());
        Assert.Equal(0, await page.Page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('div.chart')].filter(d => (d.layout.annotations || []).some(a => a.text === 'SYNTHETIC DATA')).length"));
        Assert.Empty(page.ConsoleErrors);
    }
}
