using System.Text.Json;
using Pipeline.Notebooks;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Notebooks;

/// <summary>
/// The notebooks in notebooks/ run headless through the CLI exactly as a reviewer would run them. Outputs go
/// to temporary folders (passed as parameters), so the tests never write into the checkout.
/// </summary>
[Collection(NotebookCollection.Name)]
public class ShippedNotebookTests
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

    [NbformatFact]
    public void Explore_runs_with_exit_0_and_validates_with_nbformat()
    {
        using var tmp = new TempFolder();
        var (code, _, error) = CliRun.Run("run", Notebook("explore.ipynb"), "-o", tmp.File("explore.ipynb"));
        Assert.True(code == 0, error);
        Assert.Equal("", NotebookTestSupport.NbformatErrors(tmp.File("explore.ipynb")));
        var html = File.ReadAllText(tmp.File("explore.html"));
        Assert.Contains("chart-timeline", html);
        Assert.Contains("SYNTHETIC DATA", html);
    }

    [NbformatFact]
    public void Op_ed_report_runs_and_writes_the_report_folder_it_is_given()
    {
        using var tmp = new TempFolder();
        var (code, _, error) = CliRun.Run("run", Notebook("op-ed-report.ipynb"), "-p", $"outDir={tmp.File("report")}", "-o", tmp.File("nb.ipynb"));
        Assert.True(code == 0, error);
        Assert.Equal("", NotebookTestSupport.NbformatErrors(tmp.File("nb.ipynb")));
        Assert.True(File.Exists(tmp.File("report/report.html")));
        var executed = File.ReadAllText(tmp.File("nb.ipynb"));
        Assert.Contains("injected-parameters", executed);
        Assert.Contains("chart-forest", executed);
        Assert.Contains("gna-elected-2014", executed);
    }

    [Fact]
    public void A_different_bin_parameter_changes_the_event_study_table()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, CliRun.Run("run", Notebook("op-ed-report.ipynb"), "-p", $"outDir={tmp.File("w")}", "-o", tmp.File("week.ipynb")).Code);
        Assert.Equal(0, CliRun.Run("run", Notebook("op-ed-report.ipynb"), "-p", "bin=month", "-p", $"outDir={tmp.File("m")}", "-o", tmp.File("month.ipynb")).Code);
        Assert.NotEqual(File.ReadAllBytes(tmp.File("w/tables/event_study.csv")), File.ReadAllBytes(tmp.File("m/tables/event_study.csv")));
        // Code cells: kernel-only loader, #r, parameters, injected parameters, analysis, claims, study.
        var week = CodeOutputs(tmp.File("week.ipynb"))[6].ToString();
        Assert.Contains("study-table", week);
        Assert.NotEqual(week, CodeOutputs(tmp.File("month.ipynb"))[6].ToString());
    }

    [Fact]
    public void The_dib_and_ipynb_versions_of_the_report_produce_the_same_outputs()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, CliRun.Run("run", Notebook("op-ed-report.ipynb"), "-p", $"outDir={tmp.File("a")}", "-o", tmp.File("a.ipynb")).Code);
        Assert.Equal(0, CliRun.Run("run", Notebook("op-ed-report.dib"), "-p", $"outDir={tmp.File("b")}", "-o", tmp.File("b.ipynb")).Code);
        var a = CodeOutputs(tmp.File("a.ipynb"));
        var b = CodeOutputs(tmp.File("b.ipynb"));
        Assert.Equal(a.Length, b.Length);
        for (var i = 0; i < a.Length - 1; i++)
        {
            Assert.Equal(a[i].ToString(), b[i].ToString());
        }

        foreach (var f in Directory.EnumerateFiles(tmp.File("a"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("manifest.json", StringComparison.Ordinal)))
        {
            Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(Path.Combine(tmp.File("b"), Path.GetRelativePath(tmp.File("a"), f))));
        }
    }

    [Fact]
    public void Reproduce_builds_a_report_and_finds_all_outputs_matching()
    {
        using var tmp = new TempFolder();
        var (code, _, error) = CliRun.Run("run", Notebook("reproduce.ipynb"), "-p", $"manifestPath={tmp.File("demo/manifest.json")}", "-o", tmp.File("r.ipynb"));
        Assert.True(code == 0, error);
        Assert.Contains("all 13 outputs match", File.ReadAllText(tmp.File("r.ipynb")));
    }

    [Fact]
    public void Reproduce_fails_with_exit_2_when_an_output_was_altered()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, CliRun.Run("report", "--events", TestPaths.Project.DefaultEvents,
            "--articles", TestPaths.Project.Articles, "--out", tmp.File("rep"), "--no-png").Code);
        File.AppendAllText(tmp.File("rep/tables/intensity.csv"), "tampered\n");
        var (code, _, error) = CliRun.Run("run", Notebook("reproduce.ipynb"), "-p", $"manifestPath={tmp.File("rep/manifest.json")}", "-o", tmp.File("r.ipynb"));
        Assert.Equal(2, code);
        Assert.Contains("does not reproduce", error);
        var executed = File.ReadAllText(tmp.File("r.ipynb"));
        Assert.Matches(@"Mismatch.{0,200}?output.{0,200}?tables/intensity\.csv", executed); // a row of the verification table
    }

    [Fact]
    public void Running_a_notebook_leaves_the_input_file_untouched()
    {
        using var tmp = new TempFolder();
        var path = Notebook("explore.ipynb");
        var before = File.ReadAllBytes(path);
        var stamp = File.GetLastWriteTimeUtc(path);
        Assert.Equal(0, CliRun.Run("run", path, "-p", "bin=week", "-o", tmp.File("x.ipynb")).Code);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }
}
