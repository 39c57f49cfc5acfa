using System.CommandLine;
using System.Diagnostics;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline bench [--rows N] [--out DIR] [--repeat K] [--no-pandas]</c>: runs the benchmark project
/// (<c>tests/Pipeline.Bench</c>, Release) from the repository. The benchmark lives in its own project so that
/// the library and this command never carry DuckDB's native files; this command only finds and starts it.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The benchmark project, relative to the repository root.</summary>
    public const string ProjectPath = "tests/Pipeline.Bench/Pipeline.Bench.csproj";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var rows = new Option<int>("--rows") { Description = "Rows of the generated ACLED-shaped CSV", DefaultValueFactory = _ => 1_000_000 };
        var output = new Option<string>("--out") { Description = "Folder for results.md, results.json and data/", DefaultValueFactory = _ => "tests/Pipeline.Bench" };
        var repeat = new Option<int>("--repeat") { Description = "Measured runs per engine (median reported)", DefaultValueFactory = _ => 3 };
        var noPandas = new Option<bool>("--no-pandas") { Description = "Do not run the pandas engine" };
        var command = new Command("bench", "Time our cold load, our columnar cache, DuckDB and pandas on a generated ACLED-shaped CSV (separate processes, medians, peak memory, ratios)")
        {
            rows, output, repeat, noPandas,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(rows) < 1 || parse.GetValue(repeat) < 1)
            {
                throw new ArgumentException("--rows and --repeat must be at least 1");
            }

            var root = FindRepositoryRoot(Environment.CurrentDirectory)
                ?? throw new ArgumentException($"{ProjectPath} not found above {Environment.CurrentDirectory}; run `pipeline bench` inside the repository");
            var outFolder = Path.GetFullPath(parse.GetValue(output)!);
            string[] args =
            [
                "run", "-c", "Release", "--project", Path.Combine(root, ProjectPath), "--",
                "run", "--rows", parse.GetValue(rows).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--out", outFolder, "--repeat", parse.GetValue(repeat).ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. parse.GetValue(noPandas) ? new[] { "--no-pandas" } : [],
            ];
            return Run("dotnet", args, stdout, stderr);
        });
        return command;
    }

    /// <summary>The checkout at or above <paramref name="start"/> (<see cref="ProjectPaths.TryFind"/>) when it holds the benchmark project, else null.</summary>
    internal static string? FindRepositoryRoot(string start) =>
        ProjectPaths.TryFind(start)?.Root is { } root && File.Exists(Path.Combine(root, ProjectPath)) ? root : null;

    private static int Run(string file, IEnumerable<string> args, TextWriter stdout, TextWriter stderr)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new IOException($"cannot start {file}");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.WriteLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.WriteLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return process.ExitCode;
    }
}
