namespace Pipeline.Intensity;

/// <summary>
/// Inference from the series' own null distribution: the same statistic at every admissible placebo window,
/// compared with the observed one. No resampling and no random draws, so it is deterministic.
/// </summary>
/// <remarks>
/// <para>With observed statistic d and placebo statistics p₁..pₙ:
/// p-value = (1 + #{|pᵢ| ≥ |d|}) / (1 + n), two-sided.</para>
/// <para>The 95% interval inverts that same test for a shift δ (H₀: the statistic is d − δ plus ordinary
/// placebo noise): δ is kept while (1 + #{|pᵢ| ≥ |d − δ|}) / (1 + n) ≥ 0.05. That set is d ± h, where h is
/// the r-th largest |pᵢ| and r = ⌊n/20⌋. Hence the interval excludes 0 exactly when p &lt; 0.05.</para>
/// <para>Why not the earlier within-window bootstrap: 4 bins per side have a handful of distinct resamples
/// and ignore how much the level drifts between neighbouring weeks; its "95%" intervals excluded 0 at ~37%
/// of null dates. The placebo windows carry the series' own autocorrelation and drift.</para>
/// </remarks>
internal static class PlaceboInference
{
    /// <summary>The two-sided p-value of <paramref name="observed"/> against <paramref name="placebo"/>.</summary>
    public static double PValue(double observed, IReadOnlyList<double> placebo)
    {
        var extreme = 0;
        var a = Math.Abs(observed);
        foreach (var p in placebo)
        {
            if (Math.Abs(p) >= a)
            {
                extreme++;
            }
        }

        return (1.0 + extreme) / (1.0 + placebo.Count);
    }

    /// <summary>
    /// h: the half-width of the 95% interval, the ⌊n/20⌋-th largest |placebo|. Needs n ≥ 20, so that p can
    /// fall below 0.05 at all.
    /// </summary>
    public static double HalfWidth(IReadOnlyList<double> placebo)
    {
        var r = placebo.Count / 20;
        if (r < 1)
        {
            throw new ArgumentException($"at least 20 placebo values are needed (got {placebo.Count})", nameof(placebo));
        }

        var abs = new double[placebo.Count];
        for (var i = 0; i < abs.Length; i++)
        {
            abs[i] = Math.Abs(placebo[i]);
        }

        Array.Sort(abs);
        return abs[abs.Length - r];
    }
}
