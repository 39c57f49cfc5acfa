using Pipeline.Charts;
using Pipeline.Notebooks;
using Pipeline.Tests.Support;
using static Pipeline.Tests.Notebooks.NotebookTestSupport;

namespace Pipeline.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public class RunnerTests
{
    /// <summary>The AppDomain data name slow-cell.ipynb reads its gate from.</summary>
    private const string SlowCellGate = "pipeline-tests.slow-cell-gate";

    [Fact]
    public async Task State_set_in_one_cell_is_seen_by_the_next()
    {
        var r = await Run("shared-state.ipynb");
        Assert.True(r.Succeeded, r.Failure?.ToString());
        Assert.Equal("x is 20\n", Stdout(Cell(r, 3)));
        Assert.Equal([1, 2, 3, 4], CodeCells(r.Notebook).Select(c => c.ExecutionCount!.Value));
    }

    [Fact]
    public async Task Stdout_and_stderr_are_captured_per_cell_in_order_with_display()
    {
        var r = await Run("shared-state.ipynb");
        var outputs = Cell(r, 4).Outputs;
        Assert.Equal(3, outputs.Count);
        Assert.Equal(new StreamOutput("stdout", "before display\n"), outputs[0]);
        var shown = Assert.IsType<DisplayOutput>(outputs[1]);
        Assert.Null(shown.ExecutionCount);
        Assert.Equal("a,b", shown[DisplayOutput.PlainText]);
        Assert.Equal(new StreamOutput("stdout", "after display\n"), outputs[2]);
        Assert.Equal([new StreamOutput("stderr", "to stderr\n")], Cell(r, 5).Outputs);
    }

    [Fact]
    public async Task Return_value_of_the_last_expression_is_an_execute_result()
    {
        var r = await Run("shared-state.ipynb");
        var result = Assert.IsType<DisplayOutput>(Cell(r, 3).Outputs[^1]);
        Assert.Equal(2, result.ExecutionCount);
        // As the kernel sends it: HTML alone for a number, no text/plain beside it.
        Assert.Contains("<pre>21</pre>", result[DisplayOutput.Html]);
        Assert.Null(result[DisplayOutput.PlainText]);
        Assert.Empty(Cell(r, 2).Outputs);
    }

    [Fact]
    public async Task Throwing_cell_fails_the_run_with_its_error_and_line_and_later_cells_unexecuted()
    {
        var r = await Run("throws.ipynb");
        Assert.False(r.Succeeded);
        Assert.Equal(3, r.Failure!.CellNumber);
        Assert.Equal(3, r.Failure.Line);
        Assert.Equal("System.DivideByZeroException", r.Failure.ErrorType);
        var failed = Cell(r, 3);
        Assert.Equal(2, failed.ExecutionCount);
        Assert.Equal(new StreamOutput("stdout", "before the error\n"), failed.Outputs[0]);
        var error = Assert.IsType<ErrorOutput>(failed.Outputs[^1]);
        Assert.Equal("System.DivideByZeroException", error.EName);
        Assert.Equal("Attempted to divide by zero.", error.EValue);
        Assert.Contains("   at cell 3, line 3", error.Traceback);

        // The last cell had stale outputs and a count in the file: both are cleared, not executed.
        var after = Cell(r, 4);
        Assert.Null(after.ExecutionCount);
        Assert.Empty(after.Outputs);
    }

    [Fact]
    public async Task Exception_thrown_inside_the_library_names_the_cell_line_that_called_it()
    {
        var doc = NotebookFile.Parse("""
            #!csharp

            var a = 1;

            #!csharp

            var b = 2;
            var parsed = int.Parse("not a number");
            """, NotebookFormat.Dib, Fixture("inline.dib"));
        var r = await new NotebookRunner().RunAsync(doc, Fixture("inline.dib"));
        Assert.Equal((2, 2), (r.Failure!.CellNumber, r.Failure.Line!.Value));
        var error = Assert.IsType<ErrorOutput>(Cell(r, 2).Outputs.Single());
        Assert.Equal("System.FormatException", error.EName);
        Assert.Equal("   at cell 2, line 2", error.Traceback[^1]);
        Assert.DoesNotContain(error.Traceback, t => t.Contains('/', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compile_error_reports_cell_and_line()
    {
        var r = await Run("compile-error.ipynb");
        Assert.Equal(2, r.Failure!.CellNumber);
        Assert.Equal(3, r.Failure.Line);
        Assert.Equal("CompilationError", r.Failure.ErrorType);
        Assert.Contains("CS1525", r.Failure.Message);
        var error = Assert.IsType<ErrorOutput>(Cell(r, 2).Outputs.Single());
        Assert.StartsWith("cell 2, line 3, column 14: error CS1525", error.Traceback[0]);
        Assert.Null(Cell(r, 3).ExecutionCount);
    }

    [Fact]
    public async Task Cell_over_its_timeout_fails_the_run()
    {
        // The cell blocks on this gate until the run has returned, so it cannot finish inside the timeout
        // however fast or slow the machine is; a short timeout then only makes the test quick, not flaky.
        var gate = new ManualResetEventSlim();
        AppDomain.CurrentDomain.SetData(SlowCellGate, gate);
        RunResult r;
        try
        {
            r = await new NotebookRunner(new NotebookRunOptions { CellTimeout = TimeSpan.FromMilliseconds(300) }).RunFileAsync(Fixture("slow-cell.ipynb"));
        }
        finally
        {
            // Lets the abandoned cell end instead of holding a thread-pool thread for the rest of the run.
            gate.Set();
        }

        Assert.Equal("TimeoutException", r.Failure!.ErrorType);
        Assert.Contains("0.3 s", r.Failure.Message);
        Assert.IsType<ErrorOutput>(Cell(r, 1).Outputs[^1]);
    }

    [Fact]
    public async Task Cancellation_stops_the_run()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new NotebookRunner().RunFileAsync(Fixture("shared-state.ipynb"), cts.Token));
    }

    [Fact]
    public async Task ChartFigure_from_a_cell_is_the_hosts_type_and_renders_as_a_chart()
    {
        var r = await Run("chart.ipynb");
        Assert.True(r.Succeeded, r.Failure?.ToString());
        var figure = Assert.IsType<DisplayOutput>(Cell(r, 2).Outputs.Single());
        Assert.StartsWith("<div id=\"chart-fixture-line\" class=\"chart\" data-traces=\"1\"></div><script>Plotly.newPlot(", figure[DisplayOutput.Html]);
        Assert.Null(figure[DisplayOutput.PlainText]);

        // The same chart name shown again is renamed with an id from the cell number and a counter, never a GUID.
        var generic = Assert.IsType<DisplayOutput>(Cell(r, 3).Outputs.Single());
        Assert.StartsWith("<div id=\"chart-cell3-1\"", generic[DisplayOutput.Html]);
    }

    [Fact]
    public async Task Library_dll_referenced_from_its_own_build_folder_resolves_to_the_hosts_loaded_types()
    {
        // explore.ipynb's situation: the notebook #r's src/Pipeline/bin/..., the host has loaded its own copy.
        var bin = Path.Combine(TestPaths.RepoRoot, "src", "Pipeline", "bin", "Debug", "net10.0");
        Assert.NotEqual(Path.GetDirectoryName(typeof(ChartFigure).Assembly.Location), bin);
        var refs = string.Join("\n", new[] { "Pipeline" }.Select(n => $"#r \"{Path.Combine(bin, n + ".dll")}\""));
        var doc = NotebookFile.Parse($$"""
            #!csharp

            {{refs}}

            #!csharp

            var trace = new Pipeline.Charts.Trace("scatter").Set("y", new[] { 1, 3, 2 });
            var figure = new Pipeline.Charts.ChartFigure("from-src-bin", "From src bin", [trace]);
            figure
            """, NotebookFormat.Dib);
        var r = await new NotebookRunner().RunAsync(doc, Fixture("src-bin.dib"));
        Assert.True(r.Succeeded, r.Failure?.ToString());

        // The runner formats a value as a chart only when it is the host's ChartFigure type.
        Assert.StartsWith("<div id=\"chart-from-src-bin\"", Assert.IsType<DisplayOutput>(Cell(r, 2).Outputs[^1])[DisplayOutput.Html]);
    }

    [Fact]
    public async Task Chart_html_page_holds_plotly_js_exactly_once()
    {
        var r = await Run("chart.ipynb");
        var html = NotebookHtml.Render(r.Notebook, "chart");
        var marker = PlotlyAssets.PlotlyJs[..200];
        Assert.Equal(1, Count(html, marker));
        Assert.Equal(2, Count(html, "<script>Plotly.newPlot("));
        Assert.True(html.IndexOf(marker, StringComparison.Ordinal) < html.IndexOf("<body>", StringComparison.Ordinal));

        var plain = await Run("shared-state.ipynb");
        Assert.Equal(0, Count(NotebookHtml.Render(plain.Notebook, "plain"), marker));
    }

    [Fact]
    public async Task Nuget_reference_resolves_from_the_local_package_folder()
    {
        var r = await Run("nuget-from-cache.ipynb");
        Assert.True(r.Succeeded, r.Failure?.ToString());
        Assert.Equal("CsvHelper", Assert.IsType<DisplayOutput>(Cell(r, 1).Outputs.Single())[DisplayOutput.PlainText]);
    }

    [Fact]
    public async Task Input_document_is_not_changed_by_a_run()
    {
        var doc = NotebookFile.Read(Fixture("throws.ipynb"));
        var before = NotebookFile.ToIpynb(doc);
        await new NotebookRunner().RunAsync(doc, Fixture("throws.ipynb"));
        Assert.Equal(before, NotebookFile.ToIpynb(doc));
    }

    [Fact]
    public async Task Usings_are_the_kernels_defaults_so_System_IO_needs_its_own_using()
    {
        var doc = NotebookFile.Parse("""
            #!csharp

            typeof(StringBuilder).Name + "," + typeof(ArrayList).Name + "," + typeof(Task).Name + "," + typeof(List<int>).Name + "," + new[] { 1 }.First()

            #!csharp

            typeof(File).Name
            """, NotebookFormat.Dib);
        var r = await new NotebookRunner().RunAsync(doc, Fixture("usings.dib"));
        Assert.Equal("StringBuilder,ArrayList,Task,List`1,1", Assert.IsType<DisplayOutput>(Cell(r, 1).Outputs.Single())[DisplayOutput.PlainText]);
        Assert.Equal(2, r.Failure!.CellNumber);
        Assert.Contains("CS0246", r.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("'File'", r.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_gets_a_line_per_code_cell_before_it_runs()
    {
        var lines = new List<string>();
        var r = await new NotebookRunner(new NotebookRunOptions { Progress = lines.Add }).RunFileAsync(Fixture("throws.ipynb"));
        Assert.Equal(3, r.Failure!.CellNumber);
        Assert.Equal(["cell 2 (code cell 1 of 3)", "cell 3 (code cell 2 of 3)"], lines);
    }

    [Fact]
    public void No_cell_time_limit_unless_one_is_given()
    {
        Assert.Null(new NotebookRunOptions().CellTimeout);
        Assert.Throws<ArgumentException>(() => new NotebookRunner(new NotebookRunOptions { CellTimeout = TimeSpan.Zero }));
    }

    [Fact]
    public async Task Current_directory_is_the_notebooks_folder_while_cells_run_and_restored_after()
    {
        var cwd = Environment.CurrentDirectory;
        var doc = NotebookFile.Parse("#!csharp\n\nEnvironment.CurrentDirectory", NotebookFormat.Dib);
        var r = await new NotebookRunner().RunAsync(doc, Fixture("cwd.dib"));
        Assert.Equal(Path.GetDirectoryName(Fixture("cwd.dib")), Assert.IsType<DisplayOutput>(Cell(r, 1).Outputs.Single())[DisplayOutput.PlainText]);
        Assert.Equal(cwd, Environment.CurrentDirectory);
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
