using System.Diagnostics;
using Xunit.Sdk;

namespace Pipeline.Tests.Notebooks;

/// <summary>
/// A fact that needs Jupyter's client (Debian's python3-nbclient and jupyter-nbconvert for /usr/bin/python3) and the
/// .NET Interactive kernel registered as <c>.net-csharp</c>: skipped with a reason on a developer machine without them,
/// never skipped under CI=true, where .ci/run installs both and their absence must fail the run.
/// </summary>
[TraitDiscoverer(CategoryTraitDiscoverer.TypeName, CategoryTraitDiscoverer.AssemblyName)]
public sealed class KernelFactAttribute : FactAttribute, ICategorizedTestAttribute
{
    /// <inheritdoc/>
    public string Category => TestCategory.Kernel;

    private static readonly Lazy<string?> Missing = new(FindMissing);

    public KernelFactAttribute()
    {
        Skip = SkipReason();
    }

    /// <summary>Why a kernel test cannot run here, or null (always null under CI=true, where it must run).</summary>
    internal static string? SkipReason() =>
        !Browser.BrowserFactAttribute.ChromiumRequired && Missing.Value is { } what
            ? $"{what}; run 'apt-get install jupyter-client python3-nbclient jupyter-nbconvert', 'dotnet tool restore' and " +
              "'dotnet tool run dotnet-interactive -- jupyter install' (required when CI=true)"
            : null;

    /// <summary>
    /// Python that executes the notebook <c>argv[1]</c> in the real kernel with Jupyter's nbclient (kernel start 5 min,
    /// a cell 10 min; a dead kernel or a timeout raises) and writes it to <c>argv[2]</c>, with <c>argv[3]</c> as the
    /// working folder; <c>nb</c> and <c>started</c> are left for a script that goes on from here.
    /// </summary>
    public const string NbclientExecute = """
        import json, re, sys, time, nbformat
        from nbclient import NotebookClient
        src, dst, cwd = sys.argv[1], sys.argv[2], sys.argv[3]
        nb = nbformat.read(src, as_version=4)
        # Optional argv[4]: JSON {name: value} set in the cell tagged parameters (as papermill's -p), so a test
        # points a notebook's outputs at its temporary folder instead of the repository's out/.
        overrides = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
        for cell in nb.cells:
            if cell.cell_type == 'code' and 'parameters' in cell.get('metadata', {}).get('tags', []):
                for name, value in overrides.items():
                    cell.source, n = re.subn(r'(var ' + re.escape(name) + r' = )[^;]*;', lambda m: m.group(1) + json.dumps(value) + ';', cell.source)
                    assert n == 1, 'parameter ' + name + ' not found in the parameters cell'
        started = time.time()
        NotebookClient(nb, kernel_name='.net-csharp', timeout=600, startup_timeout=300, allow_errors=True,
                       resources={'metadata': {'path': cwd}}).execute()
        nbformat.write(nb, dst)
        """ + "\n";

    /// <summary>The Python that has Debian's Jupyter packages.</summary>
    public const string Python = "/usr/bin/python3";

    private static string? FindMissing()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} not found";
        }

        var (code, output) = Run("-c \"import nbclient, nbconvert, jupyter_client.kernelspec as k; print('.net-csharp' in k.find_kernel_specs())\"");
        return code != 0 ? "nbclient/nbconvert not importable by " + Python
            : output.Trim() != "True" ? "the .NET Interactive kernel (.net-csharp) is not registered with Jupyter"
            : null;
    }

    private static (int Code, string Output) Run(string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(Python, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }
}

/// <summary>A theory that starts the kernel: skipped and run as <see cref="KernelFactAttribute"/> is.</summary>
[TraitDiscoverer(CategoryTraitDiscoverer.TypeName, CategoryTraitDiscoverer.AssemblyName)]
public sealed class KernelTheoryAttribute : TheoryAttribute, ICategorizedTestAttribute
{
    /// <inheritdoc/>
    public string Category => TestCategory.Kernel;

    public KernelTheoryAttribute()
    {
        Skip = KernelFactAttribute.SkipReason();
    }
}
