namespace Pipeline.Bench;

/// <summary>
/// What one measured run of one engine reports back to the runner, as one JSON line on stdout: the time of
/// the measured part (read + validate + weekly aggregation), the process's peak resident memory, and the
/// weekly counts over valid rows that the runner compares across engines before it reports any time.
/// </summary>
/// <param name="Engine">Engine name, e.g. <c>pipeline-cold</c>.</param>
/// <param name="Seconds">Time of the measured part, in seconds.</param>
/// <param name="PeakRssMb">Peak resident set size of the process (VmHWM), in MB.</param>
/// <param name="ValidRows">Rows that passed validation.</param>
/// <param name="Weekly">Valid rows per ISO week (Monday, yyyy-MM-dd) → count.</param>
/// <param name="Extra">Further timings in seconds (e.g. aggregations over cached rows), by name.</param>
/// <param name="Version">The engine's version where it has its own (DuckDB, pandas).</param>
internal sealed record WorkerResult(
    string Engine,
    double Seconds,
    double PeakRssMb,
    long ValidRows,
    SortedDictionary<string, long> Weekly,
    Dictionary<string, double>? Extra = null,
    string? Version = null);
