using System.CommandLine;
using System.Text.Json;

namespace Pipeline.DevTools;

/// <summary>
/// <c>dotnet run --project tests/Pipeline.DevTools -- reliability|calibration [--check]</c>: the developer commands
/// that write (or, with <c>--check</c>, compare) the README's tables generated from the test suite's records.
/// Kept out of the product's <c>pipeline --help</c>. Exit codes: 0 ok, 1 a table differs or an input is wrong.
/// </summary>
public static class DevToolsApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a stale table or a usage or input error.</summary>
    public const int Failed = 1;

    /// <summary>Runs the command line with the given writers (tests pass string writers).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Pipeline developer tools: the README tables generated from what the test suite recorded.");
        root.Subcommands.Add(ReliabilityCommand.Create(stdout, stderr));
        root.Subcommands.Add(CalibrationCommand.Create(stdout, stderr));
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return Failed;
        }
    }

    private static int Main(string[] args) => Run(args, Console.Out, Console.Error);
}
