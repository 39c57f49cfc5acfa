namespace Pipeline.Synthetic;

/// <summary>
/// What a generation run wrote, so a caller (CLI, notebook, test) can report it without re-reading the
/// file it just wrote.
/// </summary>
/// <param name="Seed">The seed used.</param>
/// <param name="RowsWritten">Data rows, not counting the header.</param>
/// <param name="FirstEventDate">Earliest event date in the file; null only when no row was drawn (a very short span).</param>
/// <param name="LastEventDate">Latest event date in the file; null only when no row was drawn.</param>
/// <param name="CountsByEventType">Rows per ACLED <c>event_type</c>, in ordinal order of the type name.</param>
/// <param name="TotalFatalities">Sum of the <c>fatalities</c> column.</param>
/// <param name="PhaseBlockStart">First day of the first seven-day phase block (the requested start).</param>
/// <param name="WeeklyPhases">The phase of each seven-day block from <paramref name="PhaseBlockStart"/> on; the last block may be shorter.</param>
public sealed record SyntheticSummary(
    ulong Seed,
    int RowsWritten,
    DateOnly? FirstEventDate,
    DateOnly? LastEventDate,
    IReadOnlyDictionary<string, int> CountsByEventType,
    long TotalFatalities,
    DateOnly PhaseBlockStart,
    IReadOnlyList<SyntheticPhase> WeeklyPhases)
{
    /// <summary>Number of phase blocks in each phase; a quick check that all three phases occurred.</summary>
    public IReadOnlyDictionary<SyntheticPhase, int> WeeksByPhase =>
        Enum.GetValues<SyntheticPhase>().ToDictionary(p => p, p => WeeklyPhases.Count(w => w == p));
}
