using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Pipeline.Events;

namespace Pipeline.Bench;

/// <summary>
/// <c>pipeline bench</c>: makes a seeded ACLED-shaped CSV, measures each engine several times in its own
/// process, checks that all engines count the same valid rows in every ISO week, and only then writes the
/// table of times, peak memory and ratios to <c>results.md</c> and <c>results.json</c>.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, TextWriter log)
{
    /// <summary>Exit code when the engines disagree on the weekly counts (no times are reported then).</summary>
    public const int Disagreement = 4;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The two file shapes every run measures: notes as long as real ones, and one-line notes.</summary>
    public static readonly (string Name, bool LongNotes)[] Shapes = [("long notes", true), ("short notes", false)];

    /// <summary>The engines measured on each shape, in this order (pandas follows when it is there).</summary>
    public static readonly string[] Engines = ["pipeline-cold", "pipeline-warm", "inspect", "inspect-warm", "duckdb"];

    public int Run()
    {
        var data = Path.Combine(options.Out, "data");
        Directory.CreateDirectory(data);
        var reports = new List<BenchReport>();
        foreach (var (shape, longNotes) in Shapes)
        {
            var csv = Path.Combine(data, $"acled-{options.Rows}-seed{options.Seed}{(longNotes ? "" : "-short-notes")}.csv");
            var bad = Generate(csv, longNotes);
            var size = new FileInfo(csv).Length;
            log.WriteLine($"data ({shape}): {csv} ({options.Rows:N0} rows, {bad:N0} deliberately bad, {size / 1e6:F0} MB)");

            var cache = Path.Combine(data, longNotes ? "cache" : "cache-short-notes");
            ForgetCache(cache);
            ForgetCache(Workers.InspectCacheHome(cache));
            var prime = EventLoader.Load(csv, EventLoadOptions.Default with { Cache = new EventCacheOptions(cache) });
            log.WriteLine($"cache: {prime.Cache!.Outcome} {prime.Cache.EntryPath} ({new FileInfo(prime.Cache.EntryPath).Length / 1e6:F0} MB)");
            prime = null;
            GC.Collect();

            // The first inspect through the cache writes its entry: timed once (parse + hash + write), then the warm runs read it.
            var firstInspect = RunDotnetWorker("inspect-warm", csv, cache);
            log.WriteLine($"  inspect, first run through the cache (writes the entry): {firstInspect.Seconds:F3} s, {firstInspect.PeakRssMb:F0} MB");

            var results = new List<EngineResult>();
            foreach (var engine in Engines)
            {
                results.Add(Measure(engine, () => RunDotnetWorker(engine, csv, cache)));
            }

            string? pandasSkipped = null;
            if (options.Pandas)
            {
                var pandas = TryMeasurePandas(csv, out pandasSkipped);
                if (pandas is not null)
                {
                    results.Add(pandas);
                }
            }
            else
            {
                pandasSkipped = "pandas: skipped (--no-pandas)";
            }

            if (pandasSkipped is not null)
            {
                log.WriteLine(pandasSkipped);
            }

            if (!Agree(results))
            {
                return Disagreement;
            }

            log.WriteLine($"weekly counts agree across {string.Join(", ", results.Where(r => r.Runs[0].Weekly.Count > 0).Select(r => r.Engine))}, loaded rows across all: {results[0].Runs[0].ValidRows:N0} valid rows in {results[0].Runs[0].Weekly.Count:N0} weeks");
            reports.Add(BenchReport.Create(options, shape, csv, size, bad, results, pandasSkipped) with { FirstInspectThroughCache = firstInspect });
        }

        Directory.CreateDirectory(options.Out);
        WriteAtomic(Path.Combine(options.Out, "results.json"), JsonSerializer.Serialize(reports, Json));
        var markdown = BenchReport.ToMarkdown(reports);
        WriteAtomic(Path.Combine(options.Out, "results.md"), markdown);
        log.WriteLine();
        log.Write(markdown);
        return 0;
    }

    /// <summary>Deletes a cache folder of an earlier run, but only one the cache tagged as its own (CACHEDIR.TAG); anything else is an error.</summary>
    private static void ForgetCache(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        if (!File.Exists(Path.Combine(folder, "CACHEDIR.TAG")) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new IOException($"{folder} holds files the benchmark did not write (no CACHEDIR.TAG); move them or choose another --out");
        }

        Directory.Delete(folder, recursive: true);
    }

    private int Generate(string csv, bool longNotes)
    {
        // The file is a pure function of rows, seed and shape; a marker beside it says which, so reruns reuse it.
        var marker = csv + ".done";
        var expected = $"rows={options.Rows} seed={options.Seed} long-notes={longNotes} generator=1";
        if (File.Exists(csv) && File.Exists(marker) && File.ReadAllText(marker).StartsWith(expected, StringComparison.Ordinal))
        {
            return int.Parse(File.ReadAllText(marker).Split("bad=")[1], CultureInfo.InvariantCulture);
        }

        log.WriteLine($"generating {options.Rows:N0} rows …");
        var bad = AcledScaleGenerator.WriteFile(csv, new AcledScaleOptions { Rows = options.Rows, Seed = options.Seed, LongNotes = longNotes });
        File.WriteAllText(marker, $"{expected} bad={bad}");
        return bad;
    }

    private EngineResult Measure(string engine, Func<WorkerResult> run)
    {
        var runs = new List<WorkerResult>();
        for (var i = 0; i < options.Repeat; i++)
        {
            var r = run();
            runs.Add(r);
            log.WriteLine($"  {engine,-14} run {i + 1}/{options.Repeat}: measured");
        }

        return new EngineResult(engine, runs);
    }

    private EngineResult? TryMeasurePandas(string csv, out string? skipped)
    {
        skipped = null;
        var script = Path.Combine(AppContext.BaseDirectory, "pandas_bench.py");
        if (!File.Exists(options.Python))
        {
            skipped = $"pandas: skipped ({options.Python} not found)";
            return null;
        }

        var probe = RunProcess(options.Python, ["-c", "import pandas"], allowFailure: true);
        if (probe.ExitCode != 0)
        {
            skipped = $"pandas: skipped ({options.Python} cannot import pandas; apt-get install python3-pandas)";
            return null;
        }

        return Measure("pandas", () => Parse(RunProcess(options.Python, [script, csv], allowFailure: false).Stdout));
    }

    private WorkerResult RunDotnetWorker(string engine, string csv, string cache)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var dll = typeof(BenchRunner).Assembly.Location;
        return Parse(RunProcess(dotnet, [dll, "worker", engine, csv, cache], allowFailure: false).Stdout);
    }

    private static WorkerResult Parse(string stdout)
    {
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new InvalidOperationException("a worker printed nothing");
        return JsonSerializer.Deserialize<WorkerResult>(last) ?? throw new InvalidOperationException($"a worker printed '{last}'");
    }

    private static (int ExitCode, string Stdout) RunProcess(string file, IEnumerable<string> args, bool allowFailure)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}: {stderr.Result.Trim()}");
        }

        return (process.ExitCode, stdout);
    }

    /// <summary>Every run of every engine must give the reference's weekly counts; otherwise say where they differ.</summary>
    private bool Agree(List<EngineResult> results)
    {
        var reference = results[0].Runs[0];
        var ok = true;
        foreach (var run in results.SelectMany(r => r.Runs))
        {
            if (run.Weekly.Count == 0 && run.ValidRows == reference.ValidRows)
            {
                // inspect counts years, not weeks: its loaded rows must match.
                continue;
            }

            var differing = reference.Weekly.Keys.Union(run.Weekly.Keys)
                .Where(k => reference.Weekly.GetValueOrDefault(k) != run.Weekly.GetValueOrDefault(k))
                .Take(5)
                .ToList();
            if (differing.Count > 0 || reference.ValidRows != run.ValidRows)
            {
                ok = false;
                log.WriteLine($"error: {run.Engine} disagrees with {reference.Engine}: {run.ValidRows:N0} vs {reference.ValidRows:N0} valid rows; weeks "
                    + string.Join(", ", differing.Select(k => $"{k}: {run.Weekly.GetValueOrDefault(k)} vs {reference.Weekly.GetValueOrDefault(k)}")));
            }
        }

        if (!ok)
        {
            log.WriteLine("no times are reported while the engines disagree");
        }

        return ok;
    }

    private static void WriteAtomic(string path, string text)
    {
        var temp = path + "." + Path.GetRandomFileName() + ".tmp";
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>The runs of one engine.</summary>
internal sealed record EngineResult(string Engine, List<WorkerResult> Runs)
{
    public double MedianSeconds => Median(Runs.Select(r => r.Seconds));

    public double MedianPeakRssMb => Median(Runs.Select(r => r.PeakRssMb));

    public double MedianExtra(string name) => Median(Runs.Select(r => r.Extra?.GetValueOrDefault(name) ?? double.NaN));

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }
}

/// <summary>What <c>pipeline bench</c> was asked to do.</summary>
/// <param name="Rows">Rows of the generated CSV.</param>
/// <param name="Out">Folder for results.md, results.json and data/ (the CSV and the cache).</param>
/// <param name="Repeat">Measured runs per engine (the median is reported).</param>
/// <param name="Seed">Seed of the generated file.</param>
/// <param name="Pandas">Whether to run pandas at all.</param>
/// <param name="Python">The Python with pandas.</param>
internal sealed record BenchOptions(int Rows, string Out, int Repeat, ulong Seed, bool Pandas, string Python)
{
    public static BenchOptions Default { get; } = new(1_000_000, "tests/Pipeline.Bench", 3, AcledScaleOptions.DefaultSeed, true, "/usr/bin/python3");
}

/// <summary>Machine facts for the results, so a table is never read without knowing where it was measured.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, double MemoryGb, string Os, string Dotnet)
{
    public static MachineInfo Current()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : RuntimeInformation.ProcessArchitecture.ToString();
        double memory = 0;
        if (File.Exists("/proc/meminfo"))
        {
            var total = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            memory = long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        }

        return new MachineInfo(cpu, Environment.ProcessorCount, Math.Round(memory, 1), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
    }
}
