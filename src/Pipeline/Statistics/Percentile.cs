namespace Pipeline.Statistics;

/// <summary>Percentiles by linear interpolation between order statistics (type 7, as R and NumPy default).</summary>
public static class Percentile
{
    /// <summary>The <paramref name="p"/>-th quantile (0..1) of already sorted values.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
