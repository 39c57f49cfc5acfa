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
        Assert.Equal(["chart-timeline-synthetic", "chart-event-types-synthetic", "chart-admin1-heatmap-synthetic", "chart-forest-synthetic", "chart-mention-windows-synthetic", "chart-fatalities-synthetic", "chart-actors-synthetic", "chart-map-synthetic", .. SensitivityCharts()], charts.Select(c => c.GetProperty("id").GetString()));
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
        Assert.Equal(8 + SensitivityCharts().Count, marks);
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

        foreach (var name in new[] { "mention-windows", "fatalities", "actors" })
        {
            var png = PngFile.Read(Path.Combine(report.Folder, "charts", name + "-synthetic.png"));
            Assert.InRange(png.Width, 600, 1300);
            Assert.InRange(png.Height, 300, 3000); // the mention windows grow a row of subplots per two mentions
            Assert.True(png.Bytes.Length > 15_000, $"{name}.png is {png.Bytes.Length} bytes: too small to hold a drawn chart");
        }
    }

    [BrowserFact]
    public async Task New_charts_draw_their_traces_subplots_and_notes_on_the_default_report()
    {
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(report.Page);
        await page.Page.WaitForSelectorAsync("#chart-actors-synthetic .main-svg");
        var drawn = await NewChartsAsync(page);
        var windows = report.Analysis.Sources[0].Study.Count(r => r.Events is not null);
        Assert.Equal(4 * windows, drawn["mention-windows-synthetic"].Traces);
        Assert.Equal(windows, drawn["mention-windows-synthetic"].Subplots); // one subplot (its own axes, drawn) per studied mention
        Assert.Equal(2 * windows, drawn["mention-windows-synthetic"].Bars); // a bar trace for each window of each mention, drawn as SVG
        Assert.Equal(1, drawn["fatalities-synthetic"].Traces); // ACLED-format: the line, no band
        Assert.Equal(1, drawn["fatalities-synthetic"].Lines);
        Assert.Equal(report.Analysis.Sources[0].ByActor.Count(s => s.TotalEvents > 0), drawn["actors-synthetic"].Lines);
        Assert.Empty(page.PageErrors);
        Assert.Empty(page.ConsoleErrors);
    }

    [BrowserFact]
    public async Task New_charts_draw_on_the_real_UCDP_and_ACLED_report()
    {
        if (!TestPaths.RealDataAvailable && !TestPaths.RealDataRequired)
        {
            return; // the real files are not here; CI always has them
        }

        using var tmp = new TempFolder();
        var (a, _) = await ReportRun.WriteAsync(ReportRun.Inputs(TestPaths.Real("ucdp-ged-libya/conflict_libya.csv"), TestPaths.Real("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv")), tmp["out"]);
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(tmp["out/report.html"]);
        await page.Page.WaitForSelectorAsync("#chart-actors-acled .main-svg");
        var drawn = await NewChartsAsync(page);
        var windows = a.Sources[0].Study.Count(r => r.Events is not null);
        Assert.True(windows > 0);
        Assert.Equal(windows, drawn["mention-windows-ucdp-ged"].Subplots);
        Assert.Equal(2 * windows, drawn["mention-windows-ucdp-ged"].Bars);
        Assert.Equal(0, drawn["mention-windows-acled"].Traces); // no mention inside the 2011–2012 extract: the note instead
        Assert.Contains("could be studied", drawn["mention-windows-acled"].Notes, StringComparison.Ordinal);
        Assert.Equal(2, drawn["fatalities-ucdp-ged"].Traces); // the band and the line
        Assert.Equal(1, drawn["fatalities-ucdp-ged"].Fills); // the low–high band drawn as a filled area
        Assert.Contains("best estimate outside its own low–high range", drawn["fatalities-ucdp-ged"].Notes, StringComparison.Ordinal);
        Assert.Equal(1, drawn["fatalities-acled"].Traces);
        Assert.Equal(0, drawn["fatalities-acled"].Fills);
        foreach (var s in a.Sources)
        {
            var actors = drawn[$"actors-{s.Source.Slug}"];
            var matched = s.ByActor.Count(x => x.TotalEvents > 0);
            Assert.Equal(matched, actors.Lines);
            if (matched == 0)
            {
                Assert.Contains("match", actors.Notes, StringComparison.Ordinal);
            }
        }

        Assert.Empty(page.PageErrors);
        Assert.Empty(page.ConsoleErrors);
    }

    private sealed record DrawnChart(int Traces, int Subplots, int Bars, int Lines, int Fills, string Notes);

    /// <summary>What Plotly drew in the SVG of each mention-windows, fatalities and actors chart on the page.</summary>
    private static async Task<Dictionary<string, DrawnChart>> NewChartsAsync(RecordedPage page)
    {
        var found = await page.Page.EvaluateAsync<JsonElement>(
            """
            () => [...document.querySelectorAll('div.chart')].filter(d => /^chart-(mention-windows|fatalities|actors)-/.test(d.id)).map(d => ({
              name: d.id.slice('chart-'.length),
              traces: (d.data || []).length,
              subplots: d.querySelectorAll('.cartesianlayer > .subplot').length,
              bars: d.querySelectorAll('.barlayer .trace.bars').length,
              lines: d.querySelectorAll('.scatterlayer .trace .js-line').length,
              fills: d.querySelectorAll('.scatterlayer .trace .js-fill').length,
              notes: [...d.querySelectorAll('.annotation-text')].map(a => a.textContent).join('\n'),
            }))
            """);
        return found.EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => new DrawnChart(c.GetProperty("traces").GetInt32(), c.GetProperty("subplots").GetInt32(), c.GetProperty("bars").GetInt32(), c.GetProperty("lines").GetInt32(), c.GetProperty("fills").GetInt32(), c.GetProperty("notes").GetString()!));
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
