using System.Globalization;
using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>
/// Where and when: first-level administrative units against time. A heatmap shows a war moving between
/// regions, which a national total hides.
/// </summary>
/// <remarks>One heatmap trace named <c>events</c>: rows are the <c>top</c> admin1 units by total events
/// (descending, ties by name), top row first, then one row summing all the others (labelled with how many units it
/// holds) when there are more; columns are the bins; cells count precise and imprecise events. Zero is white, so
/// quiet months stay visible as empty cells.</remarks>
internal static class Admin1HeatmapChart
{
    /// <summary>Builds the heatmap.</summary>
    /// <param name="byAdmin1Monthly">One series per admin1 over the same (normally monthly) bins.</param>
    /// <param name="synthetic">Whether the data are synthetic: adds the "SYNTHETIC DATA" mark.</param>
    /// <param name="top">How many admin1 units get their own row (at least 1).</param>
    /// <returns>A figure named <c>admin1-heatmap</c>.</returns>
    /// <exception cref="ArgumentException">The series do not share their bins.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is below 1.</exception>
    public static ChartFigure Build(IReadOnlyList<IntensitySeries> byAdmin1Monthly, bool synthetic, int top = 15)
    {
        SeriesAlignment.Check(byAdmin1Monthly, nameof(byAdmin1Monthly));
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);

        var ranked = byAdmin1Monthly
            .OrderByDescending(s => s.TotalEvents).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var rows = ranked.Take(top).Select(s => (Label: PlotlyText.Data(s.Name), Values: s.AllEvents())).ToList();
        var rest = ranked.Skip(top).ToList();
        if (rest.Count > 0)
        {
            var sum = new double[rest[0].Count];
            foreach (var s in rest)
            {
                var v = s.AllEvents();
                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += v[i];
                }
            }

            rows.Add(($"Other ({rest.Count.ToString(CultureInfo.InvariantCulture)} admin1 units)", sum));
        }

        var bin = ranked.Count > 0 ? ranked[0].Bin : BinUnit.Month;
        var unit = PlotlyText.BinName(bin);
        var dateFormat = bin == BinUnit.Month ? "%Y-%m" : "%Y-%m-%d";
        var traces = new List<Trace>();
        if (rows.Count > 0)
        {
            traces.Add(new HeatmapTrace
            {
                Name = "events",
                X = ranked[0].BinStarts.ToArray(),
                Y = rows.Select(r => r.Label).ToArray(),
                Z = [.. rows.Select(r => PlotlyText.Finite(r.Values))],
                ColorScale = [new(0, "rgb(255, 255, 255)"), new(0.2, "rgb(253, 204, 138)"), new(1, "rgb(179, 0, 0)")],
                ColorBar = new(new("events")),
                XGap = 1,
                YGap = 1,
                HoverTemplate = $"%{{y}}<br>%{{x|{dateFormat}}}: %{{z}} events<extra></extra>",
            });
        }

        var title = $"Events per {unit} by admin1 (top {top.ToString(CultureInfo.InvariantCulture)})";
        var layout = FigureParts.Layout(title, Math.Max(320, 140 + (24 * rows.Count)), synthetic) with
        {
            XAxis = FigureParts.DateAxis(bin),
            YAxis = new() { Type = "category", AutoRange = "reversed", AutoMargin = true },
            Margin = new(70, 60, 140, 20),
        };
        return new ChartFigure("admin1-heatmap", title, traces, layout);
    }
}
