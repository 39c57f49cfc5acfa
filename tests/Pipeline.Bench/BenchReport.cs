using System.Globalization;
using System.Text;

namespace Pipeline.Bench;

/// <summary>The results of one file shape of a <c>pipeline bench</c> run: medians, ratios and the issue's targets, met or not.</summary>
internal sealed record BenchReport(
    string Shape,
    int Rows,
    long FileBytes,
    int BadRows,
    ulong Seed,
    int Repeat,
    MachineInfo Machine,
    List<EngineSummary> Engines,
    List<TargetCheck> Targets,
    string? PandasSkipped)
{
    /// <summary>Further medians, not targets (seconds).</summary>
    public Dictionary<string, double> Details { get; init; } = [];

    /// <summary>The warm process's peak memory after it also built every event record (MB).</summary>
    public double WarmPeakWithEventsMb { get; init; }

    /// <summary>The one run of <c>inspect</c> through an empty cache (it parses, hashes and writes the entry).</summary>
    public WorkerResult? FirstInspectThroughCache { get; init; }

    public static BenchReport Create(BenchOptions options, string shape, string csv, long size, int bad, List<EngineResult> results, string? pandasSkipped)
    {
        EngineResult? Find(string name) => results.FirstOrDefault(r => r.Engine == name);
        var cold = Find("pipeline-cold")!;
        var warm = Find("pipeline-warm")!;
        var duck = Find("duckdb");
        var pandas = Find("pandas");
        var engines = results.Select(r => new EngineSummary(
            r.Engine,
            r.MedianSeconds,
            [.. r.Runs.Select(x => x.Seconds)],
            r.MedianPeakRssMb,
            duck is null ? null : r.MedianSeconds / duck.MedianSeconds,
            pandas is null ? null : r.MedianSeconds / pandas.MedianSeconds,
            duck is null ? null : r.MedianPeakRssMb / duck.MedianPeakRssMb,
            r.Runs[0].ValidRows,
            r.Runs[0].Version)).ToList();

        var c = cold.MedianSeconds;
        var targets = new List<TargetCheck>();
        if (duck is not null)
        {
            targets.Add(new("cold load + validate + weekly ≤ 1.0× DuckDB time", c / duck.MedianSeconds, 1.0, AtMost: true));
            targets.Add(new("cold peak memory ≤ 0.5× DuckDB's", cold.MedianPeakRssMb / duck.MedianPeakRssMb, 0.5, AtMost: true));
            if (Find("inspect") is { } inspect)
            {
                targets.Add(new("inspect --json --no-cache ≤ 1.0× DuckDB time", inspect.MedianSeconds / duck.MedianSeconds, 1.0, AtMost: true));
                targets.Add(new("inspect --json --no-cache peak memory ≤ 1.0× DuckDB's", inspect.MedianPeakRssMb / duck.MedianPeakRssMb, 1.0, AtMost: true));
            }
        }

        if (pandas is not null)
        {
            targets.Add(new("cold ≥ 8× faster than pandas", pandas.MedianSeconds / c, 8.0, AtMost: false));
        }

        targets.Add(new("warm (columnar cache) ≤ 0.1× cold", warm.MedianSeconds / c, 0.1, AtMost: true));
        targets.Add(new("week × event type over cached rows < 0.05× cold", warm.MedianExtra("week_x_event_type") / c, 0.05, AtMost: true));
        targets.Add(new("month × admin1 over cached rows < 0.05× cold", warm.MedianExtra("month_x_admin1") / c, 0.05, AtMost: true));
        var details = new Dictionary<string, double>
        {
            ["warm: building all ConflictEvent records afterwards (s)"] = warm.MedianExtra("materialise_events"),
            ["warm: week × event type (s)"] = warm.MedianExtra("week_x_event_type"),
            ["warm: month × admin1 (s)"] = warm.MedianExtra("month_x_admin1"),
        };
        var peakWithEvents = warm.MedianExtra("peak_rss_mb_with_events");
        return new BenchReport(shape, options.Rows, size, bad, options.Seed, options.Repeat, MachineInfo.Current(), engines, targets, pandasSkipped) { Details = details, WarmPeakWithEventsMb = peakWithEvents };
    }

    /// <summary>Every shape's section, then one table of the ratios to DuckDB side by side.</summary>
    public static string ToMarkdown(IReadOnlyList<BenchReport> reports)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var m = reports[0].Machine;
        md.AppendLine(inv, $"Machine: {m.Cpu}, {m.Cores} cores, {m.MemoryGb:F1} GB, {m.Os}, {m.Dotnet}. Every engine runs on the same file in the same run; times and memory are medians of {reports[0].Repeat} runs, each in its own process.");
        md.AppendLine();
        md.AppendLine("| shape | file MB | engine | time vs DuckDB | memory vs DuckDB |");
        md.AppendLine("|---|---:|---|---:|---:|");
        foreach (var r in reports)
        {
            foreach (var e in r.Engines.Where(e => e.Engine is "inspect" or "inspect-warm" or "pipeline-cold" or "pipeline-warm"))
            {
                md.AppendLine(inv, $"| {r.Shape} | {r.FileBytes / 1e6:F0} | {e.Engine} | {Ratio(e.VsDuckDb)} | {Ratio(e.MemoryVsDuckDb)} |");
            }
        }

        foreach (var r in reports)
        {
            md.AppendLine();
            md.Append(r.ToMarkdown());
        }

        return md.ToString();
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"### {Shape}");
        md.AppendLine();
        md.AppendLine(inv, $"Benchmark: {Rows:N0} rows, {FileBytes / 1e6:F0} MB ACLED-shaped CSV with {Shape} (seed {Seed}, {BadRows:N0} bad rows), median of {Repeat} runs, each in its own process.");
        md.AppendLine();
        md.AppendLine("| engine | median s | runs s | peak RSS MB | time vs DuckDB | time vs pandas | memory vs DuckDB |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var e in Engines)
        {
            var name = e.Version is null ? e.Engine : $"{e.Engine} ({e.Version})";
            md.AppendLine(inv, $"| {name} | {e.MedianSeconds:F3} | {string.Join(" / ", e.RunSeconds.Select(s => s.ToString("F3", inv)))} | {e.PeakRssMb:F0} | {Ratio(e.VsDuckDb)} | {Ratio(e.VsPandas)} | {Ratio(e.MemoryVsDuckDb)} |");
        }

        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---:|---|");
        foreach (var t in Targets)
        {
            md.AppendLine(inv, $"| {t.Name} | {t.Measured:F3}× | {(t.Met ? "yes" : $"no (limit {t.Limit:0.##}×)")} |");
        }

        md.AppendLine();
        foreach (var (name, seconds) in Details)
        {
            md.AppendLine(inv, $"- {name}: {seconds:F3} s ({seconds / Engines[0].MedianSeconds:F3}× cold)");
        }

        md.AppendLine(inv, $"- warm: peak RSS after also building every record: {WarmPeakWithEventsMb:F0} MB");
        if (FirstInspectThroughCache is { } first)
        {
            md.AppendLine(inv, $"- inspect, first run through an empty cache (parse, hash the input, write the entry): {first.Seconds:F3} s, {first.PeakRssMb:F0} MB peak RSS");
        }
        if (PandasSkipped is not null)
        {
            md.AppendLine();
            md.AppendLine(PandasSkipped);
        }

        md.AppendLine();
        md.AppendLine("pipeline-cold: `EventLoader.Load` (every check, rejections collected) + weekly ISO intensity series. inspect / inspect-warm: `pipeline inspect FILE --json` as the CLI runs it (`CliApp.Run` in the worker: load, every check, the summary, the JSON), with `--no-cache` / through the cache with its entry written (loaded rows checked against the others). pipeline-warm: the same through the Arrow IPC cache (primed first), counted from the cached columns; its `ConflictEvent` records are built only when first used (timed separately above); the two aggregation targets time `IntensityCalculator.Split` over the cached rows. DuckDB: `read_csv(all_varchar)` + validity rules in SQL + `GROUP BY` week. pandas: `read_csv(dtype=str)` + the same rules + weekly `value_counts`. All engines count the same valid rows in every week (checked before any time is reported).");
        return md.ToString();
    }

    private static string Ratio(double? r) => r is { } v && double.IsFinite(v) ? v.ToString("F2", CultureInfo.InvariantCulture) + "×" : "–";
}

/// <summary>One engine's medians and ratios.</summary>
internal sealed record EngineSummary(
    string Engine,
    double MedianSeconds,
    List<double> RunSeconds,
    double PeakRssMb,
    double? VsDuckDb,
    double? VsPandas,
    double? MemoryVsDuckDb,
    long ValidRows,
    string? Version);

/// <summary>One of the issue's ratio targets.</summary>
internal sealed record TargetCheck(string Name, double Measured, double Limit, bool AtMost)
{
    public bool Met => AtMost ? Measured <= Limit : Measured >= Limit;
}
