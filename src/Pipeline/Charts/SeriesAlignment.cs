using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>Split series drawn together must share their bins, or stacked bars and heatmap cells would mix dates.</summary>
internal static class SeriesAlignment
{
    /// <summary>Throws when the series do not all have the same bin unit and bin starts.</summary>
    public static void Check(IReadOnlyList<IntensitySeries> series, string paramName)
    {
        ArgumentNullException.ThrowIfNull(series, paramName);
        if (series.Count == 0)
        {
            return;
        }

        var first = series[0];
        var odd = series.FirstOrDefault(s => s.Bin != first.Bin || !s.BinStarts.SequenceEqual(first.BinStarts));
        if (odd is not null)
        {
            throw new ArgumentException($"series '{odd.Name}' has different bins from '{first.Name}'; split one event set over one range", paramName);
        }
    }
}
