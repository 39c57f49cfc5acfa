using System.Globalization;
using System.Text;

namespace Pipeline.Bench;

/// <summary>The results of one <c>pipeline bench</c> run: medians, ratios and the issue's targets, met or not.</summary>
internal sealed record BenchReport(
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

    public static BenchReport Create(BenchOptions options, string csv, long size, int bad, List<EngineResult> results, string? pandasSkipped)
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
        return new BenchReport(options.Rows, size, bad, options.Seed, options.Repeat, MachineInfo.Current(), engines, targets, pandasSkipped) { Details = details, WarmPeakWithEventsMb = peakWithEvents };
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"Benchmark: {Rows:N0} rows, {FileBytes / 1e6:F0} MB ACLED-shaped CSV (seed {Seed}, {BadRows:N0} bad rows), median of {Repeat} runs, each in its own process.");
        md.AppendLine(inv, $"Machine: {Machine.Cpu}, {Machine.Cores} cores, {Machine.MemoryGb:F1} GB, {Machine.Os}, {Machine.Dotnet}.");
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
        if (PandasSkipped is not null)
        {
            md.AppendLine();
            md.AppendLine(PandasSkipped);
        }

        md.AppendLine();
        md.AppendLine("pipeline-cold: `EventLoader.Load` (every check, rejections collected) + weekly ISO intensity series. pipeline-warm: the same through the Arrow IPC cache (primed first), counted from the cached columns; its `ConflictEvent` records are built only when first used (timed separately above); the two aggregation targets time `IntensityCalculator.Split` over the cached rows. DuckDB: `read_csv(all_varchar)` + validity rules in SQL + `GROUP BY` week. pandas: `read_csv(dtype=str)` + the same rules + weekly `value_counts`. All engines count the same valid rows in every week (checked before any time is reported).");
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
