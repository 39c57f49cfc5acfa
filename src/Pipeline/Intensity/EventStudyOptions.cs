namespace Pipeline.Intensity;

/// <summary>Parameters of the descriptive event study, with the defaults the report uses.</summary>
public sealed record EventStudyOptions
{
    /// <summary>The defaults: 4 bins each side, 2,000 bootstrap replicates, 500 placebo dates, seed 20200103.</summary>
    public static EventStudyOptions Default { get; } = new();

    /// <summary>Bins before and after a point mention (k).</summary>
    public int Window { get; init; } = 4;

    /// <summary>Bootstrap replicates for the 95% intervals.</summary>
    public int Replicates { get; init; } = 2000;

    /// <summary>Placebo dates drawn for the reference distribution (at least 200).</summary>
    public int Placebos { get; init; } = 500;

    /// <summary>Base seed; each mention derives its own stream from it and its id.</summary>
    public ulong Seed { get; init; } = 20200103;

    /// <summary>Moving-block length in bins; null picks round(k^(1/3)), at least 1.</summary>
    public int? BlockLength { get; init; }

    /// <summary>Checks the values, with messages that name the parameter.</summary>
    public void Validate()
    {
        if (Window < 1)
        {
            throw new ArgumentException($"window must be at least 1 bin (got {Window})");
        }

        if (Replicates < 100)
        {
            throw new ArgumentException($"at least 100 bootstrap replicates are needed (got {Replicates})");
        }

        if (Placebos < 200)
        {
            throw new ArgumentException($"at least 200 placebo dates are needed (got {Placebos})");
        }

        if (BlockLength is < 1)
        {
            throw new ArgumentException($"block length must be at least 1 (got {BlockLength})");
        }
    }
}
