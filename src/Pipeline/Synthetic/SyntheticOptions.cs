namespace Pipeline.Synthetic;

/// <summary>
/// What the synthetic generator is asked to produce. The defaults are the ones that made the committed
/// <c>data/events</c> file, so <c>new SyntheticOptions()</c> always reproduces it byte for byte.
/// </summary>
public sealed class SyntheticOptions
{
    /// <summary>The default seed: the op-ed's publication date (2020-01-03) read as a number, chosen only to be memorable.</summary>
    /// <remarks>The seed feeds the random streams; no date in the op-ed is used to place anything in the data.</remarks>
    public const ulong DefaultSeed = 20200103;

    /// <summary>The only country whose geography (admin1 names, centroids, ISO code) the generator knows.</summary>
    public const string DefaultCountry = "Libya";

    /// <summary>First day of the default span: the start of the year the Libyan civil war began.</summary>
    public static readonly DateOnly DefaultStart = new(2011, 1, 1);

    /// <summary>Last day of the default span: half a year after the op-ed, so windows after it are covered.</summary>
    public static readonly DateOnly DefaultEnd = new(2020, 6, 30);

    /// <summary>Seeds every random draw; the same seed and span always give the same bytes.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>First event date (inclusive). Also the start of the first seven-day phase block.</summary>
    public DateOnly Start { get; init; } = DefaultStart;

    /// <summary>Last event date (inclusive).</summary>
    public DateOnly End { get; init; } = DefaultEnd;

    /// <summary>
    /// Country written into <c>country</c>, <c>iso</c> and the id prefix. It is an option so a caller's
    /// intent is explicit and checked, but only <see cref="DefaultCountry"/> is supported because the
    /// admin1 table is Libya's.
    /// </summary>
    public string Country { get; init; } = DefaultCountry;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the bad option and how to fix it, so a CLI can turn
    /// the message straight into a usage error.
    /// </summary>
    public void Validate()
    {
        if (End < Start)
        {
            throw new ArgumentException(
                $"End ({End:yyyy-MM-dd}) is before Start ({Start:yyyy-MM-dd}); give an end on or after the start.",
                nameof(End));
        }

        if (!string.Equals(Country, DefaultCountry, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Country '{Country}' is not supported; the generator only knows {DefaultCountry}'s geography.",
                nameof(Country));
        }
    }
}
