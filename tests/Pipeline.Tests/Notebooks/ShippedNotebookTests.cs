using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Notebooks;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Notebooks;

/// <summary>
/// The notebooks in notebooks/ run headless through the CLI exactly as a reviewer would run them. Outputs go
/// to temporary folders (passed as parameters), so the tests never write into the checkout.
/// </summary>
[Collection(NotebookCollection.Name)]
public partial class ShippedNotebookTests
{
    private static string Notebook(string name) => Path.Combine(TestPaths.RepoRoot, "notebooks", name);

    private static JsonElement[] CodeOutputs(string executedIpynb)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(executedIpynb));
        return doc.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => c.GetProperty("outputs").Clone())
            .ToArray();
    }

    /// <summary>Step 5 of issue 13: the <c>.dib</c> runs through <c>pipeline run</c> and gives the same outputs as its
    /// <c>.ipynb</c> twin. One test, three runs of the report (a kernel start and the whole analysis each).</summary>
    [KernelFact]
    public void Op_ed_report_dib_and_ipynb_give_the_same_outputs_cell_by_cell_with_a_plotly_chart_in_each_chart_cell_and_bin_changes_the_study()
    {
        using var tmp = new TempFolder();
        var (code, _, error) = CliRun.Run("run", Notebook("op-ed-report.ipynb"), "-p", $"outDir={tmp.File("a")}", "-o", tmp.File("a.ipynb"));
        Assert.True(code == 0, error);
        (code, _, error) = CliRun.Run("run", Notebook("op-ed-report.dib"), "-p", $"outDir={tmp.File("b")}", "-o", tmp.File("b.ipynb"));
        Assert.True(code == 0, error);
        Assert.Equal("", NotebookTestSupport.NbformatErrors(tmp.File("a.ipynb")));
        Assert.Equal("", NotebookTestSupport.NbformatErrors(tmp.File("b.ipynb")));
        Assert.True(File.Exists(tmp.File("a/report.html")));
        var executed = File.ReadAllText(tmp.File("a.ipynb"));
        Assert.Contains("injected-parameters", executed);
        Assert.Contains("gna-elected-2014", executed);

        // Each run writes its report folder where -p outDir says; that path is the one intended difference.
        var a = Comparable(tmp.File("a.ipynb"), tmp.File("a"));
        var b = Comparable(tmp.File("b.ipynb"), tmp.File("b"));
        Assert.Equal(a.Select(c => c.Source), b.Select(c => c.Source));
        Assert.All(a.Concat(b), c => Assert.True(c.Executed && c.Errors == 0, c.Source));
        // The last cell lists the report folder's files with their hashes; its manifest holds a time, so it is compared below without it.
        for (var i = 0; i < a.Count - 1; i++)
        {
            Assert.True(a[i].Outputs == b[i].Outputs, $"code cell {i + 1} differs:\n{a[i].Source}\nipynb: {a[i].Outputs}\ndib:   {b[i].Outputs}");
        }

        var charts = a.Zip(b).Where(p => NotebookTestSupport.DrawsChart(p.First.Source)).ToList();
        Assert.Equal(9, charts.Count); // timeline, event types, admin1 heatmap, forest, mention windows, fatalities, actors, map, and one mention's sensitivity chart
        Assert.All(charts, p => Assert.True(p.First.Plotly == 1 && p.Second.Plotly == 1, p.First.Source));

        foreach (var f in Directory.EnumerateFiles(tmp.File("a"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("manifest.json", StringComparison.Ordinal)))
        {
            Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(Path.Combine(tmp.File("b"), Path.GetRelativePath(tmp.File("a"), f))));
        }

        // Another bin: another event study table (code cells: kernel-only loader, #r, parameters, injected parameters, analysis, claims, study).
        Assert.Equal(0, CliRun.Run("run", Notebook("op-ed-report.ipynb"), "-p", "bin=month", "-p", $"outDir={tmp.File("m")}", "-o", tmp.File("month.ipynb")).Code);
        Assert.NotEqual(File.ReadAllBytes(tmp.File("a/tables/event_study.csv")), File.ReadAllBytes(tmp.File("m/tables/event_study.csv")));
        var week = CodeOutputs(tmp.File("a.ipynb"))[6].ToString();
        Assert.Contains("study-table", week);
        Assert.NotEqual(week, CodeOutputs(tmp.File("month.ipynb"))[6].ToString());
    }

    private sealed record ComparableCell(string Source, bool Executed, int Errors, string Outputs, int Plotly);

    /// <summary>Each code cell's source (without a .dib's <c>// tags:</c> line), its stream text, text/plain and
    /// text/html in order (element ids made neutral; execution counts, metadata and other MIME types left out), and
    /// how many Plotly outputs it has; <paramref name="outDir"/> (the run's <c>-p outDir</c>) reads <c>{outDir}</c>.</summary>
    private static List<ComparableCell> Comparable(string executedIpynb, string outDir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(executedIpynb).Replace(outDir, "{outDir}", StringComparison.Ordinal));
        var cells = new List<ComparableCell>();
        foreach (var c in doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            var parts = new List<string>();
            var errors = 0;
            var plotly = 0;
            foreach (var o in c.GetProperty("outputs").EnumerateArray())
            {
                switch (o.GetProperty("output_type").GetString())
                {
                    case "stream":
                        parts.Add($"{o.GetProperty("name").GetString()}: {Text(o.GetProperty("text"))}");
                        break;
                    case "error":
                        errors++;
                        break;
                    default:
                        var data = o.GetProperty("data");
                        foreach (var mime in new[] { "text/plain", "text/html" })
                        {
                            if (data.TryGetProperty(mime, out var value))
                            {
                                parts.Add($"{mime}: {Ids().Replace(Text(value), "ID")}");
                            }
                        }

                        plotly += data.TryGetProperty("application/vnd.plotly.v1+json", out _) ? 1 : 0;
                        break;
                }
            }

            // A .dib cell carries its tags as a first line '// tags: …' (cells there have no metadata); the .ipynb in metadata.
            cells.Add(new ComparableCell(TagsLine().Replace(Text(c.GetProperty("source")), ""), c.GetProperty("execution_count").ValueKind == JsonValueKind.Number, errors, string.Join("\n", parts), plotly));
        }

        return cells;
    }

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.Array ? string.Concat(e.EnumerateArray().Select(x => x.GetString())) : e.GetString() ?? "";

    [GeneratedRegex(@"\A//\s*tags\s*:[^\n]*\n")]
    private static partial Regex TagsLine();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|table_[0-9a-z]+|\\bk[0-9]+\\b")]
    private static partial Regex Ids();

    [KernelFact]
    public void Reproduce_builds_a_report_and_finds_all_outputs_matching()
    {
        using var tmp = new TempFolder();
        var (code, _, error) = CliRun.Run("run", Notebook("reproduce.ipynb"), "-p", $"manifestPath={tmp.File("demo/manifest.json")}", "-o", tmp.File("r.ipynb"));
        Assert.True(code == 0, error);
        Assert.Contains("all 13 outputs match", File.ReadAllText(tmp.File("r.ipynb")));
    }

    [KernelFact]
    public void Reproduce_fails_with_the_cell_failed_exit_code_when_an_output_was_altered()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, CliRun.Run("report", "--events", TestPaths.Project.DefaultEvents,
            "--articles", TestPaths.Project.Articles, "--out", tmp.File("rep"), "--no-png").Code);
        File.AppendAllText(tmp.File("rep/tables/intensity.csv"), "tampered\n");
        var (code, _, error) = CliRun.Run("run", Notebook("reproduce.ipynb"), "-p", $"manifestPath={tmp.File("rep/manifest.json")}", "-o", tmp.File("r.ipynb"));
        Assert.Equal(Pipeline.Cli.CliApp.CellFailed, code);
        Assert.Contains("does not reproduce", error);
        Assert.Matches(@"In \[\d+\]: System.InvalidOperationException", error); // the cell as the HTML shows it
        var executed = File.ReadAllText(tmp.File("r.ipynb"));
        Assert.Matches(@"Mismatch.{0,200}?output.{0,200}?tables/intensity\.csv", executed); // a row of the verification table
    }
}
