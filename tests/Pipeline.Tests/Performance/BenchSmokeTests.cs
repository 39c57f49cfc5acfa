using System.Diagnostics;
using System.Text.Json;
using Pipeline.Cli;
using Pipeline.Tests.Support;
using Xunit.Sdk;

namespace Pipeline.Tests.Performance;

/// <summary>
/// Runs the benchmark at 20,000 rows, one run per engine: a check that every engine counts the same valid
/// rows per week, not a timing test (no time is asserted).
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Process)]
public sealed class BenchSmokeTests
{
    [BenchFact]
    public void Bench_at_20000_rows_runs_every_engine_and_they_agree_on_the_weekly_counts()
    {
        using var temp = new TempFolder();
        var (exit, stdout, stderr) = Run("dotnet", [BenchFactAttribute.BenchDll, "run", "--rows", "20000", "--out", temp.Path, "--repeat", "1"]);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("weekly counts agree", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Path, "results.md")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "results.json")));
        var shapes = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["long notes", "short notes"], shapes.Select(s => s.GetProperty("Shape").GetString()));
        var engines = new List<string?>();
        foreach (var shape in shapes)
        {
            var own = shape.GetProperty("Engines").EnumerateArray().Select(e => e.GetProperty("Engine").GetString()).ToList();
            Assert.Contains("pipeline-cold", own);
            Assert.Contains("pipeline-warm", own);
            Assert.Contains("duckdb", own);
            var valid = shape.GetProperty("Engines").EnumerateArray().Select(e => e.GetProperty("ValidRows").GetInt64()).Distinct().ToList();
            Assert.Single(valid);
            Assert.Equal(20_000 - shape.GetProperty("BadRows").GetInt32(), valid[0]);
            engines.AddRange(own);
        }

        if (PandasAvailable())
        {
            Assert.Contains("pandas", engines);
        }
        else
        {
            Assert.Contains("pandas: skipped", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bench_rejects_zero_rows_as_a_usage_error()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = CliApp.Run(["bench", "--rows", "0"], stdout, stderr);

        Assert.Equal(CliApp.InputError, exit);
        Assert.Contains("--rows", stderr.ToString(), StringComparison.Ordinal);
    }

    private static bool PandasAvailable()
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return false;
        }

        return Run("/usr/bin/python3", ["-c", "import pandas"]).Exit == 0;
    }

    private static (int Exit, string Stdout, string Stderr) Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}

/// <summary>
/// A fact that needs the built benchmark project (built with the solution). Skipped with a reason when it is
/// missing on a developer machine; under CI=true it runs and fails, since DuckDB is a NuGet package and must work.
/// </summary>
[TraitDiscoverer(CategoryTraitDiscoverer.TypeName, CategoryTraitDiscoverer.AssemblyName)]
public sealed class BenchFactAttribute : FactAttribute, ICategorizedTestAttribute
{
    /// <inheritdoc/>
    public string Category => TestCategory.Process;

    public BenchFactAttribute()
    {
        if (!File.Exists(BenchDll) && !TestPaths.RealDataRequired)
        {
            Skip = $"benchmark project not built ({BenchDll}); run `dotnet build Pipeline.sln`";
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string BenchDll => Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Bench", "bin", Configuration, "net10.0", "Pipeline.Bench.dll");
}
