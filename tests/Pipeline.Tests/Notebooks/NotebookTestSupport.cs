using System.Diagnostics;
using System.Text.RegularExpressions;
using Pipeline.Notebooks;
using Pipeline.Tests.Support;
using Xunit.Sdk;

namespace Pipeline.Tests.Notebooks;

/// <summary>
/// Notebook runs change Console.Out and the current directory, which belong to the whole process, so these tests
/// run on their own, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "notebooks";
}

/// <summary>Fixture paths, runs and checks shared by the notebook tests.</summary>
internal static partial class NotebookTestSupport
{
    /// <summary>True for a cell that draws a chart through the facade (<c>table.TimelineChart(…)</c>,
    /// <c>analysis.ForestCharts()</c>, <c>analysis.SensitivityChart()</c>): it must show a Plotly output.</summary>
    public static bool DrawsChart(string source) => ChartCall().IsMatch(source);

    [GeneratedRegex(@"\.[A-Za-z0-9]+Charts?\(")]
    private static partial Regex ChartCall();

    /// <summary>A fixture notebook in the test output folder (where <c>../../Pipeline.dll</c> is the test's own).</summary>
    public static string Fixture(string name) => TestPaths.Fixture("notebooks", name);

    public static Task<RunResult> Run(string name, params (string Name, string Value)[] parameters) =>
        new NotebookRunner(new NotebookRunOptions { Parameters = parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)).ToList() })
            .RunFileAsync(Fixture(name));

    public static NotebookCell Cell(RunResult result, int number) => result.Notebook.Cells[number - 1];

    public static string Stdout(NotebookCell cell) => string.Concat(cell.Outputs.OfType<StreamOutput>().Where(s => s.Name == StreamOutput.Stdout).Select(s => s.Text));

    public static IEnumerable<NotebookCell> CodeCells(NotebookDocument doc) => doc.Cells.Where(c => c.Kind == CellKind.Code);

    /// <summary>Where Debian's nbformat lives; another python3 may come first on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Validates a file with nbformat; returns python's stderr ("" when valid).</summary>
    public static string NbformatErrors(string path)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))");
        psi.ArgumentList.Add(path);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? "" : $"exit {p.ExitCode}: {stderr}";
    }

    public static bool NbformatAvailable()
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        var psi = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import nbformat");
        using var p = Process.Start(psi)!;
        p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0;
    }
}

/// <summary>
/// A fact that needs <c>/usr/bin/python3</c> with nbformat: skipped with the reason on a machine without it, but
/// run (and failing) under CI=true, where <c>.ci/run</c> installs python3-nbformat.
/// </summary>
[TraitDiscoverer(CategoryTraitDiscoverer.TypeName, CategoryTraitDiscoverer.AssemblyName)]
public sealed class NbformatFactAttribute : FactAttribute, ICategorizedTestAttribute
{
    /// <inheritdoc/>
    public string Category => TestCategory.Kernel;

    public NbformatFactAttribute()
    {
        if (!TestPaths.RealDataRequired && !NotebookTestSupport.NbformatAvailable())
        {
            Skip = $"{NotebookTestSupport.Python} cannot import nbformat (apt-get install python3-nbformat); required when CI=true";
        }
    }
}
