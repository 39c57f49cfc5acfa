namespace Pipeline.Intensity;

/// <summary>Parameters of the descriptive event study, with the defaults the report uses.</summary>
public sealed record EventStudyOptions
{
    /// <summary>The defaults: 4 bins each side, at least 39 placebo windows, seed 20200103.</summary>
    public static EventStudyOptions Default { get; } = new();

    /// <summary>Bins before and after a point mention (k).</summary>
    public int Window { get; init; } = 4;

    /// <summary>
    /// Fewest admissible placebo windows a mention needs for an interval and a p-value. With n windows the
    /// smallest p is 1/(n+1); 39 lets p reach 0.025, so "p &lt; 0.05" is a statement the data can make.
    /// </summary>
    public int MinimumPlacebos { get; init; } = 39;

    /// <summary>
    /// Fewest placebo windows that do not overlap each other. Overlapping windows of a long period repeat
    /// nearly the same comparison, and a 95% point taken from a few independent looks was too small in the
    /// calibration on autocorrelated series; with 19 disjoint windows it was not.
    /// </summary>
    public int MinimumDisjointPlacebos { get; init; } = 19;

    /// <summary>
    /// Recorded in the manifest and accepted by <c>--seed</c> so earlier commands replay; the placebo
    /// inference uses every admissible window and draws nothing at random, so no number depends on it.
    /// </summary>
    public ulong Seed { get; init; } = 20200103;

    /// <summary>Checks the values, with messages that name the parameter.</summary>
    public void Validate()
    {
        if (Window < 1)
        {
            throw new ArgumentException($"window must be at least 1 bin (got {Window})");
        }

        if (MinimumDisjointPlacebos < 1)
        {
            throw new ArgumentException($"at least 1 non-overlapping placebo window is needed (minimum disjoint placebos got {MinimumDisjointPlacebos})");
        }

        if (MinimumPlacebos < 20)
        {
            throw new ArgumentException($"at least 20 placebo windows are needed before p can fall below 0.05 (minimum placebos got {MinimumPlacebos})");
        }
    }
}
