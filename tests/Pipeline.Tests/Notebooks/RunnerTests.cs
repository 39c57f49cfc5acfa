using Pipeline.Notebooks;
using static Pipeline.Tests.Notebooks.NotebookTestSupport;

namespace Pipeline.Tests.Notebooks;

/// <summary>
/// <see cref="NotebookRunner"/> on the .NET Interactive kernel (a child process per run). A kernel start costs
/// seconds, so each test runs a notebook once and checks everything that run shows.
/// </summary>
[Collection(NotebookCollection.Name)]
public class RunnerTests
{
    [KernelFact]
    public async Task State_streams_display_and_return_value_come_back_per_cell_in_order_with_a_progress_line_each()
    {
        var cwd = Environment.CurrentDirectory;
        var lines = new List<string>();
        var r = await new NotebookRunner(new NotebookRunOptions { Progress = lines.Add }).RunFileAsync(Fixture("shared-state.ipynb"));
        Assert.True(r.Succeeded, r.Failure?.ToString());
        Assert.Equal([1, 2, 3, 4], CodeCells(r.Notebook).Select(c => c.ExecutionCount!.Value));
        Assert.Equal(["cell 2 (code cell 1 of 4)", "cell 3 (code cell 2 of 4)", "cell 4 (code cell 3 of 4)", "cell 5 (code cell 4 of 4)"], lines);

        // State set in one cell is seen by the next; the last expression is an execute_result as the kernel formats it.
        Assert.Empty(Cell(r, 2).Outputs);
        Assert.Equal("x is 20\n", Stdout(Cell(r, 3)));
        var result = Assert.IsType<DisplayOutput>(Cell(r, 3).Outputs[^1]);
        Assert.Equal(2, result.ExecutionCount);
        Assert.Contains("<pre>21</pre>", result[DisplayOutput.Html]);

        // stdout, display and stderr in the order the cell wrote them.
        var outputs = Cell(r, 4).Outputs;
        Assert.Equal(3, outputs.Count);
        Assert.Equal(new StreamOutput("stdout", "before display\n"), outputs[0]);
        var shown = Assert.IsType<DisplayOutput>(outputs[1]);
        Assert.Null(shown.ExecutionCount);
        Assert.Equal("a,b", shown[DisplayOutput.PlainText]);
        Assert.Equal(new StreamOutput("stdout", "after display\n"), outputs[2]);
        Assert.Equal([new StreamOutput("stderr", "to stderr\n")], Cell(r, 5).Outputs);

        // The kernel is another process: this one's current directory is never touched.
        Assert.Equal(cwd, Environment.CurrentDirectory);
    }

    [KernelFact]
    public async Task Throwing_missing_reference_and_non_compiling_cells_fail_the_run_in_that_cell_and_later_cells_stay_unexecuted()
    {
        var doc = NotebookFile.Read(Fixture("throws.ipynb"));
        var before = NotebookFile.ToIpynb(doc);
        var lines = new List<string>();
        var r = await new NotebookRunner(new NotebookRunOptions { Progress = lines.Add }).RunAsync(doc, Fixture("throws.ipynb"));
        Assert.False(r.Succeeded);
        Assert.Equal(3, r.Failure!.CellNumber);
        Assert.Equal(2, r.Failure.ExecutionCount); // what the executed notebook and its HTML show: In [2]
        Assert.StartsWith("In [2]: ", r.Failure.ToString(), StringComparison.Ordinal);
        Assert.Null(r.Failure.Line); // the kernel reports no line for an exception
        Assert.Equal("System.DivideByZeroException", r.Failure.ErrorType);
        var failed = Cell(r, 3);
        Assert.Equal(2, failed.ExecutionCount);
        Assert.Equal(new StreamOutput("stdout", "before the error\n"), failed.Outputs[0]);
        var error = Assert.IsType<ErrorOutput>(failed.Outputs[^1]);
        Assert.Equal("System.DivideByZeroException", error.EName);
        Assert.Equal("Attempted to divide by zero.", error.EValue);
        Assert.DoesNotContain(error.Traceback, t => t.TrimStart().StartsWith("at ", StringComparison.Ordinal) && t.Contains('/', StringComparison.Ordinal));

        // The last cell had stale outputs and a count in the file: both are cleared, not executed.
        var after = Cell(r, 4);
        Assert.Null(after.ExecutionCount);
        Assert.Empty(after.Outputs);
        Assert.Equal(["cell 2 (code cell 1 of 3)", "cell 3 (code cell 2 of 3)"], lines);
        Assert.Equal(before, NotebookFile.ToIpynb(doc));

        var compile = await new NotebookRunner().RunFileAsync(Fixture("compile-error.ipynb"));
        Assert.Equal((2, 3), (compile.Failure!.CellNumber, compile.Failure.Line!.Value));
        Assert.Equal("CompilationError", compile.Failure.ErrorType);
        Assert.Contains("CS1525", compile.Failure.Message, StringComparison.Ordinal);
        Assert.StartsWith("(3,14): error CS1525", Assert.IsType<ErrorOutput>(Cell(compile, 2).Outputs.Single()).Traceback[0]);
        Assert.Null(Cell(compile, 3).ExecutionCount);

        // A #r of a file that is not there is the kernel's compile error in that cell (exit 4 from the CLI).
        var missing = await new NotebookRunner().RunFileAsync(Fixture("missing-dll.ipynb"));
        Assert.Equal((1, 1), (missing.Failure!.CellNumber, missing.Failure.Line!.Value));
        Assert.Contains("CS0006", missing.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("no/such/Library.dll", missing.Failure.Message, StringComparison.Ordinal);
    }

    [KernelFact]
    public async Task Cell_over_its_timeout_fails_the_run_and_ends_the_kernel()
    {
        // The cell sleeps forever, so it cannot finish inside the timeout however fast the machine is.
        var r = await new NotebookRunner(new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(2) }).RunFileAsync(Fixture("slow-cell.ipynb"));
        Assert.Equal("TimeoutException", r.Failure!.ErrorType);
        Assert.Contains("2 s", r.Failure.Message, StringComparison.Ordinal);
        Assert.IsType<ErrorOutput>(Cell(r, 1).Outputs[^1]);
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public async Task Cancellation_stops_the_run()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new NotebookRunner().RunFileAsync(Fixture("shared-state.ipynb"), cts.Token));
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public void No_cell_time_limit_unless_one_is_given()
    {
        Assert.Null(new NotebookRunOptions().CellTimeout);
        Assert.Throws<ArgumentException>(() => new NotebookRunner(new NotebookRunOptions { CellTimeout = TimeSpan.Zero }));
    }
}
