using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>
/// Events per bin stacked by event type, so a reader sees not only how much happened but what kind: a rise in
/// battles reads differently from a rise in protests.
/// </summary>
/// <remarks>One bar trace per series, named after the series (the event type), in the order given; each counts
/// precise and imprecise events (<see cref="IntensitySeries.AllEvents"/>), so the stack's height is the total.</remarks>
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
        var traces = byType.Select(s => (Trace)FigureParts.Trace(
            "bar",
            ("name", PlotlyText.Data(s.Name)),
            ("x", s.BinStarts.Select(PlotlyText.Date).ToArray()),
            ("y", PlotlyText.Finite(s.AllEvents())),
            ("hovertemplate", "%{x|%Y-%m-%d}: %{y} events<extra>%{fullData.name}</extra>"))).ToList();

        var notes = new List<Annotation>();
        if (traces.Count == 0)
        {
            notes.Add(FigureParts.Annotation(
                ("name", "no-events"),
                ("text", "no events in the selection"),
                ("xref", "paper"),
                ("yref", "paper"),
                ("x", 0.5),
                ("y", 0.5),
                ("showarrow", false)));
        }

        var title = $"Events per {unit} by event type";
        var layout = FigureParts.Layout(
            title,
            480,
            synthetic,
            [],
            notes,
            ("barmode", "stack"),
            ("bargap", 0),
            ("xaxis", FigureParts.Obj(("type", "date"), ("title", FigureParts.Obj(("text", "bin start (" + unit + ")"))))),
            ("yaxis", FigureParts.Obj(("title", FigureParts.Obj(("text", "events per " + unit))), ("rangemode", "tozero"))),
            ("hovermode", "closest"),
            ("legend", FigureParts.Obj(("orientation", "h"), ("x", 0), ("y", 1.02), ("yanchor", "bottom"))),
            ("margin", FigureParts.Obj(("t", 90), ("b", 60), ("l", 60), ("r", 20))));
        return FigureParts.Figure("event-types", title, traces, layout);
    }
}
