using System.Globalization;
using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>
/// Deaths per bin of one source, as the source reports them: ACLED's reported fatalities; UCDP GED's best estimate
/// with its low–high range as a shaded band. UCDP publishes a few rows whose best estimate lies outside their own
/// low–high range; they are drawn as published and counted in a note (<see cref="OutsideRangeName"/>).
/// </summary>
/// <remarks>
/// Traces: <see cref="BandTraceName"/> (only when the series carries low/high values, i.e. UCDP GED), then the line
/// of every fatality per bin (precise and imprecise, <see cref="IntensitySeries.AllFatalities"/>, so its total is the
/// intensity table's <c>fatalities</c> + <c>imprecise_fatalities</c>). With a band, a note below the plot says how many
/// rows give a best estimate outside their own range and how many bins hold them (or that none do).
/// </remarks>
internal static class FatalitiesChart
{
    /// <summary>Name of the UCDP low–high band trace.</summary>
    public const string BandTraceName = "UCDP low–high estimate";

    /// <summary>Name of the note counting rows whose best estimate lies outside their own low–high range.</summary>
    public const string OutsideRangeName = "best-outside-range";

    private const int MarginBottom = 60;

    /// <summary>Builds the chart.</summary>
    /// <param name="series">The source's series (e.g. the report's overall series).</param>
    /// <param name="events">The events the series was computed from, to count rows whose best estimate lies outside their low–high range.</param>
    /// <param name="family">The source family: names the measure (reported fatalities or best estimate).</param>
    /// <param name="synthetic">Whether the data are synthetic: adds the "SYNTHETIC DATA" mark.</param>
    /// <returns>A figure named <c>fatalities</c>.</returns>
    /// <exception cref="ArgumentException">The series has no bins.</exception>
    public static ChartFigure Build(IntensitySeries series, IReadOnlyList<ConflictEvent> events, EventSource family, bool synthetic)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(events);
        if (series.Count == 0)
        {
            throw new ArgumentException("the series has no bins: nothing to chart", nameof(series));
        }

        var unit = PlotlyText.BinName(series.Bin);
        var band = series.FatalitiesLow is not null && series.FatalitiesHigh is not null;
        var measure = band || family == EventSource.UcdpGed ? "deaths (best estimate)" : "reported fatalities";
        var deaths = series.AllFatalities();
        var line = new ScatterTrace
        {
            Name = measure,
            X = series.BinStarts.ToArray(),
            Y = deaths,
            Mode = "lines",
            Line = new() { Color = "rgb(31, 119, 180)", Width = 1.5 },
            HoverTemplate = $"%{{x|%Y-%m-%d}}: %{{y}} {measure}<extra></extra>",
        };
        var (rows, bins) = band ? OutsideRange(series, events) : (0, 0);
        var notes = band ? [Note(rows, bins, series.Count, PlotlyText.ShortBinName(series.Bin))] : Array.Empty<Annotation>();
        var bottom = MarginBottom + (band ? 24 : 0) + (synthetic ? 18 : 0);
        var title = $"Fatalities per {unit}: {(band ? "best estimate with its low–high range" : measure)}";
        var layout = FigureParts.Layout(title, 440 + (band ? 24 : 0), synthetic, annotations: notes) with
        {
            XAxis = FigureParts.DateAxis(series.Bin),
            YAxis = new() { Title = new($"deaths per {unit}"), RangeMode = "tozero" },
            HoverMode = "closest",
            ShowLegend = true,
            Legend = FigureParts.LegendAbove,
            Margin = new(90, bottom, 60, 20),
        };
        Trace[] traces = band ? [FigureParts.LowHighBand(BandTraceName, series), line] : [line];
        return new ChartFigure("fatalities", title, traces, layout);
    }

    /// <summary>
    /// Rows whose best estimate lies outside their own low–high range, and the bins of <paramref name="series"/> that
    /// hold them (the bin of the date, or every bin an imprecise event's days are spread over under the spread policy).
    /// </summary>
    public static (int Rows, int Bins) OutsideRange(IntensitySeries series, IReadOnlyList<ConflictEvent> events)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(events);
        var rows = 0;
        var bins = new HashSet<int>();
        foreach (var e in events)
        {
            if (!((e.FatalitiesLow is { } low && e.Fatalities < low) || (e.FatalitiesHigh is { } high && e.Fatalities > high)))
            {
                continue;
            }

            var (first, last) = series.Policy == ImprecisePolicy.Spread && EventPeriod.IsCoarserThan(e, series.Bin) ? EventPeriod.Of(e) : (e.Date, e.Date);
            var held = false;
            for (var d = Bins.Start(first, series.Bin); d <= last; d = Bins.Next(d, series.Bin))
            {
                var i = series.IndexOf(d < first ? first : d);
                if (i >= 0)
                {
                    held = true;
                    bins.Add(i);
                }
            }

            rows += held ? 1 : 0;
        }

        return (rows, bins.Count);
    }

    private static Annotation Note(int rows, int bins, int total, string unit)
    {
        var text = rows == 0
            ? "No row gives a best estimate outside its own low–high range."
            : string.Create(CultureInfo.InvariantCulture, $"{rows} {(rows == 1 ? "row gives" : "rows give")} a best estimate outside its own low–high range (kept as UCDP publishes them), in {bins} of {total} {unit} bins; there the line can leave the band.");
        return FigureParts.Note(OutsideRangeName, text, 0, 0) with
        {
            XAnchor = "left",
            YAnchor = "top",
            YShift = -MarginBottom + 6,
            Align = "left",
            Font = new() { Size = 11 },
        };
    }
}
