namespace Pipeline.Bench;

/// <summary>
/// What <see cref="AcledScaleGenerator"/> writes: a benchmark-sized SYNTHETIC ACLED 2023-layout file. The
/// defaults give about 520 bytes a row, the width of a real global ACLED export, so a million rows make
/// a file of the size that peers were measured on.
/// </summary>
public sealed record AcledScaleOptions
{
    /// <summary>The seed of the default benchmark file; any other gives different rows of the same shape.</summary>
    public const ulong DefaultSeed = 7;

    /// <summary>Data rows to write (bad ones included).</summary>
    public int Rows { get; init; } = 1_000_000;

    /// <summary>Seeds every draw; the same options always give the same bytes.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>First event date (inclusive): ACLED's coverage starts in 1997.</summary>
    public DateOnly Start { get; init; } = new(1997, 1, 1);

    /// <summary>Last event date (inclusive).</summary>
    public DateOnly End { get; init; } = new(2024, 12, 31);

    /// <summary>
    /// Rows per thousand that are deliberately invalid (an impossible date, a non-numeric or negative
    /// fatality count, a missing event type), so every engine in a benchmark has to validate.
    /// </summary>
    public int BadRowsPerMille { get; init; } = 2;

    /// <summary>
    /// Notes as long as real ones (true, the default: 150–500 characters with commas, quotes and the odd line
    /// break inside quotes, about 560 bytes a row) or the one-line note of the default data (false: about
    /// 320 bytes a row), so a benchmark can show how the file's shape, not only its row count, moves the times.
    /// </summary>
    public bool LongNotes { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public void Validate()
    {
        if (Rows < 1)
        {
            throw new ArgumentException($"Rows must be at least 1; got {Rows}.", nameof(Rows));
        }

        if (End < Start)
        {
            throw new ArgumentException($"End ({End:yyyy-MM-dd}) is before Start ({Start:yyyy-MM-dd}).", nameof(End));
        }

        if (BadRowsPerMille is < 0 or > 1000)
        {
            throw new ArgumentException($"BadRowsPerMille must lie in 0..1000; got {BadRowsPerMille}.", nameof(BadRowsPerMille));
        }
    }
}
