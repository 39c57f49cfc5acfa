using System.Security.Cryptography;
using Pipeline.Charts;
using Pipeline.Cli;
using Pipeline.Reports;
using Pipeline.Tests.Support;
using static Pipeline.Tests.Notebooks.NotebookTestSupport;

namespace Pipeline.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public class RunCommandTests
{
    private static string Explore => Path.Combine(TestPaths.RepoRoot, "notebooks", "explore.ipynb");

    [KernelFact]
    public void Shipped_explore_notebook_runs_every_cell_twice_to_the_same_bytes_with_charts_html_and_manifest_and_leaves_the_input_alone()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        var before = File.ReadAllBytes(Explore);
        var stamp = File.GetLastWriteTimeUtc(Explore);
        var (code, stdout, stderr) = Cli("run", Explore, "-o", a.File("explore.ipynb"));
        Assert.True(code == 0, stderr);
        Assert.Contains("explore.manifest.json", stdout);
        Assert.Equal(0, Cli("run", Explore, "-o", b.File("explore.ipynb")).Code);
        Assert.Equal(File.ReadAllBytes(a.File("explore.ipynb")), File.ReadAllBytes(b.File("explore.ipynb")));
        Assert.Equal(File.ReadAllBytes(a.File("explore.html")), File.ReadAllBytes(b.File("explore.html")));
        Assert.Equal(before, File.ReadAllBytes(Explore));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Explore));
        Assert.Equal("", NbformatErrors(a.File("explore.ipynb")));

        var executed = File.ReadAllText(a.File("explore.ipynb"));
        Assert.Contains("SYNTHETIC DATA - ACLED", executed);
        Assert.Contains("LBY14203", executed); // the DataFrame's first row, drawn by Microsoft.Data.Analysis's kernel extension
        using (var doc = System.Text.Json.JsonDocument.Parse(executed))
        {
            var cells = doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
            Assert.All(cells, c => Assert.Equal(System.Text.Json.JsonValueKind.Number, c.GetProperty("execution_count").ValueKind)); // the kernel-only cell too
            var plotly = cells.SelectMany(c => c.GetProperty("outputs").EnumerateArray())
                .Where(o => o.TryGetProperty("data", out var d) && d.TryGetProperty("application/vnd.plotly.v1+json", out _))
                .Select(o => o.GetProperty("data").GetProperty("application/vnd.plotly.v1+json"))
                .ToList();
            Assert.Equal(2, plotly.Count);
            Assert.All(plotly, p => Assert.Equal(System.Text.Json.JsonValueKind.Array, p.GetProperty("data").ValueKind));
        }

        // The page draws both charts with plotly.js once (the kernel extension's output when the package loads),
        // before the first chart.
        var html = File.ReadAllText(a.File("explore.html"));
        Assert.Contains("<td>LBY14203</td>", html);
        Assert.Contains("chart-timeline", html);
        Assert.Contains("chart-event-types", html);
        var marker = PlotlyAssets.PlotlyJs[..200];
        Assert.Equal(html.IndexOf(marker, StringComparison.Ordinal), html.LastIndexOf(marker, StringComparison.Ordinal));
        Assert.True(html.IndexOf(marker, StringComparison.Ordinal) is > 0 and var at && at < html.IndexOf("id=\"chart-", StringComparison.Ordinal), "plotly.js comes before the first chart");

        var manifest = Manifest.Read(a.File("explore.manifest.json"));
        Assert.Equal("pipeline", manifest.Tool.Name);
        Assert.Equal(["explore.html", "explore.ipynb"], manifest.Outputs.Select(o => o.Path).Order(StringComparer.Ordinal));
        // The run is recorded as data, with paths relative to the manifest's folder; nothing parses a command line back.
        var notebook = manifest.Notebook!;
        Assert.Equal(Path.GetFullPath(Explore), Path.GetFullPath(Path.Combine(a.Path, notebook.Path)));
        // The input as typed, relative to the folder the run started in (never an absolute or home path).
        Assert.False(Path.IsPathRooted(notebook.InputPath), notebook.InputPath);
        Assert.Equal(Path.GetFullPath(Explore), Path.GetFullPath(notebook.InputPath));
        Assert.Empty(notebook.Parameters);
        Assert.Equal(("explore.ipynb", "explore.html"), (notebook.Output, notebook.Html));
        Assert.Null(manifest.Report);
        Assert.Equal("data/events/libya-2011-2020.synthetic.acled.csv", manifest.Parameters["eventsPath"]);
        Assert.Contains(manifest.Inputs, i => Path.GetFullPath(Path.Combine(a.Path, i.Path)) == Path.GetFullPath(Explore));
        Assert.Contains(manifest.Inputs, i => i.Path.EndsWith("data/events/libya-2011-2020.synthetic.acled.csv", StringComparison.Ordinal)
            && i.Sha256 == "6ade42e85624965da249004c019e91a917c5e78276c45e118d1bb3c48d2403b7");
        Assert.Equal(Sha(a.File("explore.ipynb")), manifest.Outputs.Single(o => o.Path == "explore.ipynb").Sha256);
    }

    [KernelFact]
    public void Parameters_come_as_name_value_or_papermills_name_then_value_and_the_manifest_reruns_them_to_the_same_bytes()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var (code, _, stderr) = Cli("run", Fixture("parameters.ipynb"), "-p", "count", "9", "-p", "greeting=bonjour", "-p", "ratio", "-1.5", "-o", first.File("p.ipynb"));
        Assert.True(code == 0, stderr);
        Assert.Equal("bonjour x9 ratio=-1.5 loud=False day=2020-01-03 seed=42\n", LastStdout(first.File("p.ipynb")));
        var manifest = Manifest.Read(first.File("p.manifest.json"));
        Assert.Equal([new("count", "9"), new("greeting", "bonjour"), new("ratio", "-1.5")], manifest.Notebook!.Parameters);
        Assert.Equal(("p.ipynb", "p.html"), (manifest.Notebook.Output, manifest.Notebook.Html));
        Assert.Equal("9", manifest.Parameters["count"]);
        Assert.Equal("42", manifest.Parameters["seed"]);

        // Only the overridden parameters go in the injected cell (in declaration order), right after the parameters cell.
        var executed = Pipeline.Notebooks.NotebookFile.Read(first.File("p.ipynb"));
        Assert.True(executed.Cells[1].HasTag("parameters"));
        Assert.Equal(["injected-parameters"], executed.Cells[2].Tags);
        Assert.Equal("// Parameters\nvar greeting = \"bonjour\";\nint count = 9;\ndouble ratio = -1.5;", executed.Cells[2].Source);

        // papermill's metadata, without times.
        using (var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(first.File("p.ipynb"))))
        {
            var papermill = doc.RootElement.GetProperty("metadata").GetProperty("papermill");
            var input = papermill.GetProperty("input_path").GetString()!;
            Assert.False(Path.IsPathRooted(input), input);
            Assert.Equal(Path.GetFullPath(Fixture("parameters.ipynb")), Path.GetFullPath(input));
            Assert.Equal("p.ipynb", papermill.GetProperty("output_path").GetString());
            Assert.Equal("9", papermill.GetProperty("parameters").GetProperty("count").GetString());
            Assert.Equal("-1.5", papermill.GetProperty("parameters").GetProperty("ratio").GetString());
            Assert.False(papermill.GetProperty("exception").GetBoolean());
            Assert.False(papermill.TryGetProperty("start_time", out _));
        }

        // verify rebuilds the run from the manifest's data and gets the same bytes; so does a copy of the folder elsewhere.
        var verified = Cli("verify", first.File("p.manifest.json"));
        Assert.True(verified.Code == 0, verified.Stdout + verified.Stderr);
        Assert.Contains("all 2 outputs match", verified.Stdout);
    }

    [KernelFact]
    public void Failing_cell_exits_4_names_the_cell_as_its_HTML_shows_it_and_writes_the_same_notebook_each_time_with_a_manifest_that_records_the_failure()
    {
        using var temp = new TempFolder();
        using var again = new TempFolder();
        var input = temp.File("in.ipynb");
        File.Copy(Fixture("throws.ipynb"), input);
        var written = new DateTime(2020, 1, 3, 12, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(input, written);
        var bytes = File.ReadAllBytes(input);

        // Written next to the input on purpose: the default would be out/in.ipynb.
        var (code, _, stderr) = Cli("run", input, "-o", temp.File("throws.ipynb"));
        Assert.Equal(CliApp.CellFailed, code);
        Assert.Equal(bytes, File.ReadAllBytes(input));
        Assert.Equal(written, File.GetLastWriteTimeUtc(input));
        // The third cell of the file (a markdown cell first) is the second code cell: the HTML shows it as In [2].
        Assert.Contains("In [2]: System.DivideByZeroException: Attempted to divide by zero.", stderr);
        Assert.DoesNotContain("cell 3", stderr, StringComparison.Ordinal);
        var executed = Pipeline.Notebooks.NotebookFile.Read(temp.File("throws.ipynb"));
        Assert.IsType<Pipeline.Notebooks.RawOutput>(executed.Cells[2].Outputs[^1]);
        Assert.Null(executed.Cells[3].ExecutionCount);
        Assert.Empty(executed.Cells[3].Outputs);
        var text = File.ReadAllText(temp.File("throws.ipynb"));
        Assert.Contains("\"ename\": \"System.DivideByZeroException\"", text);
        Assert.Contains("<div class=\"prompt\">In [2]:</div>\n<pre class=\"source\"><code>" + System.Net.WebUtility.HtmlEncode(executed.Cells[2].Source), File.ReadAllText(temp.File("throws.html")), StringComparison.Ordinal);
        Assert.Equal("", NbformatErrors(temp.File("throws.ipynb")));
        using (var doc = System.Text.Json.JsonDocument.Parse(text))
        {
            Assert.True(doc.RootElement.GetProperty("metadata").GetProperty("papermill").GetProperty("exception").GetBoolean());
            var outputs = doc.RootElement.GetProperty("cells")[2].GetProperty("outputs").EnumerateArray().ToList();
            Assert.Equal("before the error\n", string.Concat(outputs[0].GetProperty("text").EnumerateArray().Select(t => t.GetString())));
        }

        // The manifest owns the files (a re-run may replace them) but says the run failed, so verify refuses it.
        var manifest = Manifest.Read(temp.File("throws.manifest.json"));
        Assert.Contains("In [2]", manifest.Failure, StringComparison.Ordinal);
        Assert.Equal(["throws.html", "throws.ipynb"], manifest.Outputs.Select(o => o.Path));
        var verify = Cli("verify", temp.File("throws.manifest.json"));
        Assert.Equal(CliApp.InputError, verify.Code);
        Assert.Contains("records a run that failed", verify.Stderr, StringComparison.Ordinal);

        // A second run writes the same bytes.
        Assert.Equal(CliApp.CellFailed, Cli("run", input, "-o", again.File("throws.ipynb")).Code);
        foreach (var name in new[] { "throws.ipynb", "throws.html" })
        {
            Assert.Equal(File.ReadAllBytes(temp.File(name)), File.ReadAllBytes(again.File(name)));
        }
    }

    [KernelFact]
    public void A_file_of_the_same_name_the_tool_did_not_write_is_left_alone()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("throws.manifest.json"), "mine");
        File.WriteAllText(temp.File("other.ipynb"), "mine too");
        var (code, _, stderr) = Cli("run", Fixture("throws.ipynb"), "-o", temp.File("throws.ipynb"));
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("is not a manifest this tool wrote", stderr, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(temp.File("throws.manifest.json")));
        Assert.Equal(["other.ipynb", "throws.manifest.json"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Theory]
    [InlineData("unknown-parameter", "unknown parameter 'nope'")]
    [InlineData("missing-notebook", "file not found")]
    [InlineData("bad-override", "must be name=value")]
    public void Input_errors_exit_1_with_one_line_on_stderr_and_write_nothing(string problem, string expected)
    {
        using var temp = new TempFolder();
        string[] args = problem switch
        {
            "unknown-parameter" => ["run", Fixture("parameters.ipynb"), "-p", "nope=1"],
            "missing-notebook" => ["run", temp.File("absent.ipynb")],
            _ => ["run", Fixture("parameters.ipynb"), "-p", "count"],
        };
        var (code, _, stderr) = Cli([.. args, "-o", temp.File("out.ipynb")]);
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [KernelTheory]
    [InlineData("params.yaml", "greeting: salut\ncount: 7\nloud: true\n")]
    [InlineData("params.json", "{\"greeting\": \"salut\", \"count\": 7, \"loud\": true}")]
    public void Parameter_file_sets_values_that_p_overrides_and_is_an_input_of_the_manifest(string name, string text)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File(name), text);
        var (code, _, stderr) = Cli("run", Fixture("parameters.ipynb"), "-f", temp.File(name), "-p", "count=8", "-o", temp.File("p.ipynb"));
        Assert.True(code == 0, stderr);
        Assert.Equal("SALUT X8 RATIO=0.5 LOUD=TRUE DAY=2020-01-03 SEED=42\n", LastStdout(temp.File("p.ipynb")));
        var manifest = Manifest.Read(temp.File("p.manifest.json"));
        Assert.Equal([new("count", "8")], manifest.Notebook!.Parameters);
        Assert.Equal(name, manifest.Notebook.ParametersFile);
        Assert.Contains(manifest.Inputs, i => i.Path == name && i.Sha256 == Sha(temp.File(name)));
        Assert.Equal("8", manifest.Parameters["count"]);
        Assert.Equal("salut", manifest.Parameters["greeting"]);
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public void A_parameter_file_that_is_not_a_mapping_is_an_input_error_naming_it()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("params.yaml"), "- just\n- a list\n");
        var (code, _, stderr) = Cli("run", Fixture("parameters.ipynb"), "-f", temp.File("params.yaml"), "-o", temp.File("p.ipynb"));
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("params.yaml': must hold a mapping", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("p.ipynb")));
    }

    [KernelFact]
    public void Cwd_sets_the_working_directory_of_the_cells_is_recorded_in_the_manifest_and_the_default_output_is_out_name_ipynb()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("work"));
        File.WriteAllText(temp.File("cwd.dib"), "#!csharp\n\nConsole.WriteLine(Environment.CurrentDirectory);");
        Assert.Equal(CliApp.InputError, Cli("run", temp.File("cwd.dib"), "--cwd", temp.File("missing"), "-o", temp.File("out/cwd.ipynb")).Code);
        var cwd = Environment.CurrentDirectory;
        Environment.CurrentDirectory = temp.Path;
        (int Code, string Stdout, string Stderr) run;
        try
        {
            run = Cli("run", "cwd.dib", "--cwd", temp.File("work"));
        }
        finally
        {
            Environment.CurrentDirectory = cwd;
        }

        Assert.True(run.Code == 0, run.Stderr);
        Assert.Equal(["cwd.html", "cwd.ipynb", "cwd.manifest.json"], Directory.GetFiles(temp.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(temp.File("work") + "\n", LastStdout(temp.File("out/cwd.ipynb")));
        Assert.Equal("../work", Manifest.Read(temp.File("out/cwd.manifest.json")).Notebook!.WorkingDirectory);
    }

    /// <summary>The stdout text of the last code cell of an executed .ipynb.</summary>
    private static string LastStdout(string ipynb)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(ipynb));
        var cell = doc.RootElement.GetProperty("cells").EnumerateArray().Last(c => c.GetProperty("cell_type").GetString() == "code");
        return string.Concat(cell.GetProperty("outputs").EnumerateArray()
            .Where(o => o.GetProperty("output_type").GetString() == "stream" && o.GetProperty("name").GetString() == "stdout")
            .SelectMany(o => o.GetProperty("text").ValueKind == System.Text.Json.JsonValueKind.Array ? o.GetProperty("text").EnumerateArray().Select(t => t.GetString()) : [o.GetProperty("text").GetString()]));
    }

    private static (int Code, string Stdout, string Stderr) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
