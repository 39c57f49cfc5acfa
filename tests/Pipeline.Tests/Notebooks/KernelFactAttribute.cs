using System.Diagnostics;

namespace Pipeline.Tests.Notebooks;

/// <summary>
/// A fact that needs Jupyter's client (Debian's python3-nbclient and jupyter-nbconvert for /usr/bin/python3) and the
/// .NET Interactive kernel registered as <c>.net-csharp</c>: skipped with a reason on a developer machine without them,
/// never skipped under CI=true, where .ci/run installs both and their absence must fail the run.
/// </summary>
public sealed class KernelFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(FindMissing);

    public KernelFactAttribute()
    {
        if (!Browser.BrowserFactAttribute.ChromiumRequired && Missing.Value is { } what)
        {
            Skip = $"{what}; run 'apt-get install jupyter-client python3-nbclient jupyter-nbconvert', 'dotnet tool restore' and " +
                   "'dotnet tool run dotnet-interactive -- jupyter install' (required when CI=true)";
        }
    }

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
