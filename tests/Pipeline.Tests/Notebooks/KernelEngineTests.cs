using System.Text.Json;
using Pipeline.Cli;
using Pipeline.Notebooks;
using Pipeline.Reports;
using Pipeline.Tests.Support;
using static Pipeline.Tests.Notebooks.NotebookTestSupport;

namespace Pipeline.Tests.Notebooks;

/// <summary>
/// <c>pipeline run --engine kernel</c>: cells run in the .NET Interactive kernel pinned in .config/dotnet-tools.json
/// (a child process speaking JSON lines), so every cell runs as in Jupyter, kernel-only ones included, and the
/// outputs are the kernel's own MIME bundles. Needs the kernel restored (<c>dotnet tool restore</c>), like the other
/// kernel facts.
/// </summary>
[Collection(NotebookCollection.Name)]
public class KernelEngineTests
{
    private static string Shipped(string name) => Path.Combine(TestPaths.RepoRoot, "notebooks", name);

    [KernelFact]
    public void Shipped_notebook_runs_every_cell_in_the_kernel_to_the_same_bytes_twice_with_plotly_json_that_nbformat_accepts()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        foreach (var folder in new[] { a, b })
        {
            var (exit, _, stderr) = CliRun.Run("run", Shipped("explore.ipynb"), "--engine", "kernel", "-o", folder.File("explore.ipynb"));
            Assert.True(exit == 0, stderr);
        }

        Assert.Equal(File.ReadAllBytes(a.File("explore.ipynb")), File.ReadAllBytes(b.File("explore.ipynb")));
        Assert.Equal(File.ReadAllBytes(a.File("explore.html")), File.ReadAllBytes(b.File("explore.html")));
        Assert.Equal("", NbformatErrors(a.File("explore.ipynb")));

        using var doc = JsonDocument.Parse(File.ReadAllText(a.File("explore.ipynb")));
        var code = doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
        Assert.All(code, c => Assert.Equal(JsonValueKind.Number, c.GetProperty("execution_count").ValueKind)); // the kernel-only cell too
        var plotly = code.SelectMany(c => c.GetProperty("outputs").EnumerateArray())
            .Where(o => o.TryGetProperty("data", out var d) && d.TryGetProperty("application/vnd.plotly.v1+json", out _))
            .Select(o => o.GetProperty("data").GetProperty("application/vnd.plotly.v1+json"))
            .ToList();
        Assert.Equal(2, plotly.Count);
        Assert.All(plotly, p => Assert.Equal(JsonValueKind.Array, p.GetProperty("data").ValueKind));
        Assert.Equal(["--engine", "kernel"], Manifest.Read(a.File("explore.manifest.json")).Command.SkipWhile(x => x != "--engine").Take(2));
    }

    [KernelFact]
    public void Failing_cell_in_the_kernel_exits_2_with_its_error_in_that_cell_and_later_cells_unexecuted()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRun.Run("run", Fixture("throws.ipynb"), "--engine", "kernel", "-o", temp.File("throws.ipynb"));
        Assert.Equal(CliApp.CellFailed, code);
        Assert.Contains("cell 3: System.DivideByZeroException: Attempted to divide by zero.", stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(temp.File("throws.ipynb")));
        var cells = doc.RootElement.GetProperty("cells").EnumerateArray().ToList();
        var outputs = cells[2].GetProperty("outputs").EnumerateArray().ToList();
        Assert.Equal("before the error\n", string.Concat(outputs[0].GetProperty("text").EnumerateArray().Select(t => t.GetString())));
        Assert.Equal("System.DivideByZeroException", outputs[^1].GetProperty("ename").GetString());
        Assert.Equal(JsonValueKind.Null, cells[3].GetProperty("execution_count").ValueKind);
        Assert.Empty(cells[3].GetProperty("outputs").EnumerateArray());
        Assert.Contains("cell 3", Manifest.Read(temp.File("throws.manifest.json")).Failure, StringComparison.Ordinal);
    }

    [KernelFact]
    public async Task Compile_error_in_the_kernel_names_cell_and_line_and_parameters_are_injected()
    {
        var compile = await new NotebookRunner(new NotebookRunOptions { Engine = NotebookEngine.Kernel }).RunFileAsync(Fixture("compile-error.ipynb"));
        Assert.Equal(2, compile.Failure!.CellNumber);
        Assert.Equal(3, compile.Failure.Line);
        Assert.Contains("CS1525", compile.Failure.Message, StringComparison.Ordinal);

        var parameters = await new NotebookRunner(new NotebookRunOptions { Engine = NotebookEngine.Kernel, Parameters = [KeyValuePair.Create("count", "9")] })
            .RunFileAsync(Fixture("parameters.ipynb"));
        Assert.True(parameters.Succeeded, parameters.Failure?.ToString());
        Assert.Equal("hello x9 ratio=0.5 loud=False day=2020-01-03 seed=42\n", Stdout(parameters.Notebook.Cells[^1]));
    }
}
