namespace Pipeline.Statistics;

/// <summary>
/// Adjustments of a family of p-values for multiple testing, as R's <c>p.adjust</c>: Holm (step-down, controls
/// the family-wise error rate) and Benjamini–Hochberg (step-up, controls the false discovery rate). Both are
/// monotone in the raw p-values and capped at 1. Pure functions; ties keep their input order.
/// </summary>
internal static class MultipleTesting
{
    /// <summary>
    /// Holm's step-down adjustment: with p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted p₍ᵢ₎ is max over j ≤ i of
    /// min(1, (m − j + 1)·p₍ⱼ₎). Results are in input order.
    /// </summary>
    public static double[] Holm(IReadOnlyList<double> p)
    {
        var order = Order(p);
        var m = p.Count;
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = order[rank];
            running = Math.Max(running, Math.Min(1.0, (m - rank) * p[i]));
            adjusted[i] = running;
        }

        return adjusted;
    }

    /// <summary>
    /// Benjamini–Hochberg's step-up adjustment: the adjusted p₍ᵢ₎ is min over j ≥ i of min(1, m·p₍ⱼ₎ / j).
    /// Results are in input order.
    /// </summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> p)
    {
        var order = Order(p);
        var m = p.Count;
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m - 1; rank >= 0; rank--)
        {
            var i = order[rank];
            running = Math.Min(running, Math.Min(1.0, m * p[i] / (rank + 1)));
            adjusted[i] = running;
        }

        return adjusted;
    }

    /// <summary>Indices of <paramref name="p"/> from the smallest value up; equal values keep input order.</summary>
    private static int[] Order(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        for (var i = 0; i < p.Count; i++)
        {
            if (double.IsNaN(p[i]) || p[i] < 0 || p[i] > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(p), p[i], $"p-value {i} is not in [0, 1]");
            }
        }

        return Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
    }
}
