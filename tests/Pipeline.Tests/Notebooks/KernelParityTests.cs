using System.Diagnostics;
using System.Text.Json;
using Pipeline.Tests.Browser;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Notebooks;

/// <summary>
/// Every shipped notebook executed by Jupyter's nbclient in the real .NET Interactive kernel, as a user opening it
/// in JupyterLab or VS Code would run it: no error output, every chart cell carries a Plotly output, and the report
/// notebook keeps its four charts. Limits are generous (kernel start 5 min, a cell 10 min); a kernel that dies or a
/// cell that times out fails the run (nbclient raises), so no output is silently lost.
/// </summary>
[Collection(ChromiumCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Browser)]
[Trait(TestCategory.Trait, TestCategory.Kernel)]
[Trait(TestCategory.Trait, TestCategory.Process)]
public sealed class KernelParityTests(ChromiumFixture chromium)
{
    private const string Runner = KernelFactAttribute.NbclientExecute + """
        cells = []
        for cell in nb.cells:
            if cell.cell_type != 'code':
                continue
            cells.append({
                'source': cell.source,
                'executed': cell.get('execution_count') is not None,
                'errors': [o.get('ename', '') + ': ' + o.get('evalue', '') for o in cell.outputs if o.output_type == 'error'],
                'mimes': [m for o in cell.outputs for m in o.get('data', {})],
            })
        print(json.dumps({'seconds': time.time() - started, 'cells': cells}))
        """;

    [KernelFact]
    public async Task Every_shipped_notebook_runs_in_the_real_kernel_with_no_error_and_a_plotly_output_per_chart_cell()
    {
        var notebooks = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["explore.ipynb", "op-ed-report.ipynb", "reproduce.ipynb"], notebooks);

        foreach (var name in notebooks)
        {
            using var tmp = new TempFolder();
            var result = await ExecuteAsync(name!, tmp["executed.ipynb"]);
            var cells = result.GetProperty("cells").EnumerateArray().ToList();

            foreach (var cell in cells)
            {
                var source = cell.GetProperty("source").GetString()!;
                Assert.True(cell.GetProperty("executed").GetBoolean(), $"{name}: a cell was not executed:\n{source}");
                Assert.True(cell.GetProperty("errors").GetArrayLength() == 0, $"{name}: error output in\n{source}\n{cell.GetProperty("errors")}");
                if (NotebookTestSupport.DrawsChart(source))
                {
                    Assert.Contains("application/vnd.plotly.v1+json", cell.GetProperty("mimes").EnumerateArray().Select(m => m.GetString()));
                }
            }

            var plotly = cells.Sum(c => c.GetProperty("mimes").EnumerateArray().Count(m => m.GetString() == "application/vnd.plotly.v1+json"));
            if (name == "op-ed-report.ipynb")
            {
                Assert.True(plotly >= 9, $"op-ed-report.ipynb shows {plotly} Plotly charts; it must keep its eight per source and the sensitivity chart");
            }
        }
    }

    [KernelFact]
    public async Task Nbconvert_html_of_the_executed_report_notebook_draws_every_chart_in_chromium_with_the_network_blocked()
    {
        using var tmp = new TempFolder();
        var folder = Path.Combine(TestPaths.RepoRoot, "notebooks");
        var html = Path.Combine(tmp.Path, "report.html");

        // nbconvert's HTML export of the notebook executed as nbconvert --execute runs it (in its folder), with its report
        // folder (outDir) in the test's temporary folder, not the repository's out/.
        var script = tmp["run.py"];
        await File.WriteAllTextAsync(script, KernelFactAttribute.NbclientExecute + """
            errors = [o.get('ename', '') for c in nb.cells if c.cell_type == 'code' for o in c.outputs if o.output_type == 'error']
            assert not errors, errors
            from nbconvert import HTMLExporter
            body, _ = HTMLExporter().from_notebook_node(nb)
            open(sys.argv[5], 'w', encoding='utf-8').write(body)
            """);
        var (code, output) = await ProcessRun.RunAsync(
            KernelFactAttribute.Python,
            [script, Path.Combine(folder, "op-ed-report.ipynb"), tmp["executed.ipynb"], folder, Overrides("op-ed-report.ipynb", tmp.Path), html]);
        Assert.True(code == 0, output);

        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(html);
        await page.Page.WaitForFunctionAsync(
            "() => { const c = [...document.querySelectorAll('div.chart')]; return c.length >= 4 && c.every(d => d.querySelector('svg.main-svg')); }",
            null,
            new() { Timeout = 120_000 });

        var drawn = await page.Page.EvaluateAsync<int>("() => document.querySelectorAll('div.chart svg.main-svg').length > 0 ? document.querySelectorAll('div.chart.js-plotly-plot').length : 0");
        Assert.True(drawn >= 4, $"{drawn} charts drawn");
        Assert.Equal(1, await page.Page.EvaluateAsync<int>("() => document.querySelectorAll('div.plotly-js').length")); // plotly.js inlined once
        Assert.DoesNotContain(page.PageErrors, e => e.Contains("Plotly", StringComparison.Ordinal));
    }

    /// <summary>The parameters that point a shipped notebook's outputs into <paramref name="folder"/> (never the repository's out/), as JSON for the runner.</summary>
    private static string Overrides(string name, string folder) => JsonSerializer.Serialize(name switch
    {
        "op-ed-report.ipynb" => new Dictionary<string, string> { ["outDir"] = Path.Combine(folder, "notebook-report") },
        "reproduce.ipynb" => new Dictionary<string, string> { ["manifestPath"] = Path.Combine(folder, "reproduce-demo", "manifest.json") },
        _ => new Dictionary<string, string>(),
    });

    private static async Task<JsonElement> ExecuteAsync(string name, string executed)
    {
        using var tmp = new TempFolder();
        var script = tmp["run.py"];
        await File.WriteAllTextAsync(script, Runner);
        var folder = Path.Combine(TestPaths.RepoRoot, "notebooks");
        var (code, output) = await ProcessRun.RunAsync(KernelFactAttribute.Python, [script, Path.Combine(folder, name), executed, folder, Overrides(name, tmp.Path)]);
        Assert.True(code == 0, $"{name}: nbclient failed\n{output}");
        var json = output.Split('\n').Last(l => l.StartsWith('{'));
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
