using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>
/// Events per bin stacked by event type, so a reader sees not only how much happened but what kind: a rise in
/// battles reads differently from a rise in protests.
/// </summary>
/// <remarks>One bar trace per series, named after the series (the event type), in the order given; each counts
/// precise and imprecise events (<see cref="IntensitySeries.AllEvents"/>), so the stack's height is the total. A
/// series named after a harmonised type (<see cref="EventTaxonomy.DisplayName"/>) is drawn in that type's fixed colour
/// (<see cref="EventTypeColours.Of"/>), so a type has the same colour in every report; any other name gets the
/// colour of <see cref="HarmonisedEventType.Unknown"/>.</remarks>
internal static class EventTypeChart
{
    /// <summary>Builds the stacked bars.</summary>
    /// <param name="byType">One series per event type over the same bins (e.g. from
    /// <see cref="IntensityCalculator.Split(IEnumerable{Events.ConflictEvent}, IntensityOptions, DateOnly, DateOnly, Func{Events.ConflictEvent, string?}, string)"/> keyed on the harmonised type); may be empty.</param>
    /// <param name="synthetic">Whether the data are synthetic: adds the "SYNTHETIC DATA" mark.</param>
    /// <returns>A figure named <c>event-types</c>.</returns>
    /// <exception cref="ArgumentException">The series do not share their bins.</exception>
    public static ChartFigure Build(IReadOnlyList<IntensitySeries> byType, bool synthetic)
    {
        SeriesAlignment.Check(byType, nameof(byType));
        var unit = byType.Count > 0 ? PlotlyText.BinName(byType[0].Bin) : "bin";
        var traces = byType.Select(s => (Trace)new BarTrace
        {
            Name = PlotlyText.Data(s.Name),
            X = s.BinStarts.ToArray(),
            Y = s.AllEvents(),
            Marker = new() { Color = ColourOf(s.Name) },
            HoverTemplate = "%{x|%Y-%m-%d}: %{y} events<extra>%{fullData.name}</extra>",
        }).ToList();
        var title = $"Events per {unit} by event type";
        var layout = FigureParts.Layout(title, 480, synthetic, annotations: traces.Count == 0 ? [FigureParts.Note("no-events", "no events in the selection", 0.5, 0.5)] : []) with
        {
            BarMode = traces.Count > 0 ? "stack" : null, // plotly.js knows barmode and bargap only when there is a bar trace
            BarGap = traces.Count > 0 ? 0 : null,
            Legend = traces.Count > 0 ? FigureParts.LegendAbove : null, // with no trace and no showlegend, Plotly.validate throws on a legend
            XAxis = byType.Count > 0 ? FigureParts.DateAxis(byType[0].Bin) : FigureParts.DateAxis(unit),
            YAxis = new() { Title = new("events per " + unit), RangeMode = "tozero" },
            HoverMode = "closest",
            Margin = new(90, 60, 60, 20),
        };
        return new ChartFigure("event-types", title, traces, layout);
    }

    /// <summary>The fixed colour of the harmonised type whose display name is <paramref name="name"/> (Unknown's for any other name).</summary>
    public static string ColourOf(string name) =>
        EventTypeColours.Of(Enum.GetValues<HarmonisedEventType>().FirstOrDefault(t => t.DisplayName() == name, HarmonisedEventType.Unknown));
}
