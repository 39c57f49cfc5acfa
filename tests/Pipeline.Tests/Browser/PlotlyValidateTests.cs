using System.Text.Json;
using Pipeline.Charts;
using Pipeline.Tests.Charts;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Browser;

/// <summary>
/// plotly.js's own schema check (<c>Plotly.validate(data, layout)</c>, from the embedded plotly.js, offline) on every
/// figure: an attribute plotly.js does not know, a value it would coerce away, or a trace it cannot read is a chart bug
/// that a property bag let through silently.
/// </summary>
[Collection(ChromiumCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class PlotlyValidateTests(ChromiumFixture chromium)
{
    [BrowserFact]
    public async Task Every_sample_chart_passes_plotly_validate()
    {
        var figures = FigureJsonRegressionTests.SampleFigures().Select(f => (f.Label, JsonDocument.Parse(f.Figure.FigureJson).RootElement.Clone())).ToList();
        Assert.Equal(19, figures.Count);
        await AssertValidAsync(figures);
    }

    [BrowserFact]
    public async Task Every_default_report_chart_passes_plotly_validate()
    {
        var figures = await FigureJsonRegressionTests.ReportFigures("default");
        Assert.Equal(13, figures.Count); // timeline, event types, heatmap, forest, mention windows, fatalities, actors, map and five sensitivity charts
        await AssertValidAsync(figures);
    }

    [BrowserFact]
    public async Task Every_multi_source_report_chart_passes_plotly_validate()
    {
        if (!TestPaths.RealDataAvailable && !TestPaths.RealDataRequired)
        {
            return; // the real files are not here; CI always has them
        }

        var figures = await FigureJsonRegressionTests.ReportFigures(
            "multi",
            TestPaths.Real("ucdp-ged-libya/conflict_libya.csv"),
            TestPaths.Real("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv"));
        Assert.Equal(21, figures.Count); // eight charts per source and one sensitivity chart per mention UCDP can study
        await AssertValidAsync(figures);
    }

    [BrowserFact]
    public async Task Validate_reports_a_misspelled_attribute_so_a_pass_means_something()
    {
        var figure = JsonDocument.Parse("""{"data":[{"type":"scatter","y":[1],"hovertemplte":"x"}],"layout":{"xaxis":{"rangemod":"tozero"}}}""").RootElement.Clone();

        var findings = await ValidateAsync([("misspelled", figure)]);

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Contains("hovertemplte", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("rangemod", StringComparison.Ordinal));
    }

    private async Task AssertValidAsync(IReadOnlyList<(string Label, JsonElement Figure)> figures)
    {
        var findings = await ValidateAsync(figures);
        Assert.True(findings.Count == 0, "Plotly.validate:\n" + string.Join("\n", findings));
    }

    /// <summary>Runs Plotly.validate on each figure in one offline page; one line per finding, naming the figure.</summary>
    private async Task<List<string>> ValidateAsync(IReadOnlyList<(string Label, JsonElement Figure)> figures)
    {
        using var pages = new TempPages();
        var path = pages.Write("validate.html", "<p>validate</p>", $"<script>{PlotlyAssets.PlotlyJs}</script>");
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(path);
        var input = JsonSerializer.Serialize(figures.Select(f => new { label = f.Label, data = f.Figure.GetProperty("data"), layout = f.Figure.GetProperty("layout") }));
        var result = await page.Page.EvaluateAsync<JsonElement>(
            """
            (json) => JSON.parse(json).map(f => {
              try {
                return { label: f.label, errors: (Plotly.validate(f.data, f.layout) || []).map(e => `${e.code} ${e.container}${e.trace === null || e.trace === undefined ? '' : '[' + e.trace + ']'} ${e.astr || ''}: ${e.msg}`) };
              } catch (e) {
                return { label: f.label, errors: [`Plotly.validate threw ${e}`] };
              }
            })
            """,
            input);
        Assert.Empty(page.NetworkRequestUrls);
        Assert.Empty(page.PageErrors);
        return [.. result.EnumerateArray().SelectMany(f => f.GetProperty("errors").EnumerateArray().Select(e => $"{f.GetProperty("label").GetString()}: {e.GetString()}"))];
    }
}
