using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Bench;

/// <summary>
/// The engines, each run in its own process by <see cref="BenchRunner"/> so that every measurement has its
/// own peak memory. Each reads the benchmark CSV, applies the same three validity rules (a real date, a
/// non-negative whole fatality count, an event type) and counts valid rows per ISO week.
/// </summary>
internal static class Workers
{
    public static WorkerResult Run(string engine, string csv, string cacheFolder) => engine switch
    {
        "pipeline-cold" => PipelineCold(csv),
        "pipeline-warm" => PipelineWarm(csv, cacheFolder),
        "inspect" => Inspect(csv, cacheFolder, cached: false),
        "inspect-warm" => Inspect(csv, cacheFolder, cached: true),
        "duckdb" => DuckDb(csv),
        _ => throw new ArgumentException($"unknown engine '{engine}'; use pipeline-cold, pipeline-warm, inspect, inspect-warm or duckdb"),
    };

    /// <summary>
    /// What a user runs: <c>pipeline inspect FILE --json</c>, the CLI's own code in this process (every check,
    /// the summary, the JSON; uncached, the file is counted while read and no records are built), without the cache (<c>--no-cache</c>) or through it with the entry already written.
    /// It counts years, not weeks, so the runner checks its loaded rows only.
    /// </summary>
    private static WorkerResult Inspect(string csv, string cacheFolder, bool cached)
    {
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", InspectCacheHome(cacheFolder));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var sw = Stopwatch.StartNew();
        var code = Pipeline.Cli.CliApp.Run(cached ? ["inspect", csv, "--json"] : ["inspect", csv, "--json", "--no-cache"], stdout, stderr);
        var seconds = sw.Elapsed.TotalSeconds;
        if (code != 0 || stderr.ToString().Length > 0)
        {
            throw new InvalidOperationException($"inspect exited with {code}: {stderr}");
        }

        using var json = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        var loaded = json.RootElement.GetProperty("loaded").GetInt64();
        return new WorkerResult(cached ? "inspect-warm" : "inspect", seconds, PeakRssMb(), loaded, []);
    }

    /// <summary>The <c>XDG_CACHE_HOME</c> the inspect engines run with (the CLI's default cache lies under it), beside the warm engine's cache.</summary>
    public static string InspectCacheHome(string cacheFolder) => cacheFolder + "-inspect";

    /// <summary>Our full loader (every check, rejections collected) and the weekly intensity series.</summary>
    private static WorkerResult PipelineCold(string csv)
    {
        var sw = Stopwatch.StartNew();
        var table = EventLoader.Load(csv, EventLoadOptions.Uncached);
        var weekly = Weekly(table);
        var seconds = sw.Elapsed.TotalSeconds;
        return new WorkerResult("pipeline-cold", seconds, PeakRssMb(), table.Loaded, weekly);
    }

    /// <summary>The same through the columnar cache (primed by the runner), plus two aggregations over the cached rows.</summary>
    private static WorkerResult PipelineWarm(string csv, string cacheFolder)
    {
        var sw = Stopwatch.StartNew();
        var table = EventLoader.Load(csv, EventLoadOptions.Default with { Cache = new EventCacheOptions(cacheFolder) });
        var weekly = Weekly(table);
        var seconds = sw.Elapsed.TotalSeconds;
        if (table.Cache?.Outcome != EventCacheOutcome.Hit)
        {
            throw new InvalidOperationException($"expected a cache hit, got {table.Cache?.Outcome}: {table.Cache?.Problem}");
        }

        var (from, to) = table.DateSpan!.Value;
        sw.Restart();
        var byType = IntensityCalculator.Split(table, IntensityOptions.Default, from, to, EventTextField.EventType);
        var weekByType = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var byAdmin1 = IntensityCalculator.Split(table, IntensityOptions.Default with { Bin = BinUnit.Month }, from, to, EventTextField.Admin1);
        var monthByAdmin1 = sw.Elapsed.TotalSeconds;
        var peak = PeakRssMb();

        // The cached table builds its ConflictEvent records only when asked; time that too, for honesty.
        sw.Restart();
        var first = table.Events[0];
        var materialise = sw.Elapsed.TotalSeconds;
        GC.KeepAlive(first);
        GC.KeepAlive(byType);
        GC.KeepAlive(byAdmin1);
        return new WorkerResult("pipeline-warm", seconds, peak, table.Loaded, weekly,
            new() { ["week_x_event_type"] = weekByType, ["month_x_admin1"] = monthByAdmin1, ["materialise_events"] = materialise, ["peak_rss_mb_with_events"] = PeakRssMb() });
    }

    /// <summary>
    /// DuckDB's CSV reader with every column as text, the validity rules in SQL, and <c>GROUP BY</c> ISO week.
    /// </summary>
    private static WorkerResult DuckDb(string csv)
    {
        var sw = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT strftime(date_trunc('week', d), '%Y-%m-%d') AS week, count(*) AS n
            FROM (
                SELECT try_strptime(event_date, '%d %B %Y') AS d, event_type, TRY_CAST(fatalities AS BIGINT) AS f
                FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}', header = true, all_varchar = true)
            )
            WHERE d IS NOT NULL AND f IS NOT NULL AND f >= 0 AND event_type IS NOT NULL AND trim(event_type) <> ''
            GROUP BY week
            """;
        var weekly = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long valid = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var n = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                weekly[reader.GetString(0)] = n;
                valid += n;
            }
        }

        var seconds = sw.Elapsed.TotalSeconds;
        using var version = connection.CreateCommand();
        version.CommandText = "SELECT version()";
        return new WorkerResult("duckdb", seconds, PeakRssMb(), valid, weekly, Version: version.ExecuteScalar()?.ToString());
    }

    /// <summary>Valid rows per ISO week: the weekly series' precise and imprecise bands together.</summary>
    private static SortedDictionary<string, long> Weekly(EventTable table)
    {
        var (from, to) = table.DateSpan!.Value;
        var series = IntensityCalculator.Compute(table, IntensityOptions.Default, from, to);
        var weekly = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < series.Count; i++)
        {
            var n = (long)Math.Round(series.Events[i] + series.ImpreciseEvents[i]);
            if (n > 0)
            {
                weekly[series.BinStarts[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] = n;
            }
        }

        return weekly;
    }

    /// <summary>Peak resident set (VmHWM from /proc/self/status) in MB; the working-set peak where /proc is absent.</summary>
    internal static double PeakRssMb()
    {
        const string path = "/proc/self/status";
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                    return kb / 1024.0;
                }
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
