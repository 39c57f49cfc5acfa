namespace Pipeline.Charts;

/// <summary>
/// Small factories for the chart model's objects (<see cref="PlotlyObject"/>): properties are set in the order
/// given, which fixes the JSON's byte order.
/// </summary>
internal static class FigureParts
{
    /// <summary>The text of the synthetic-data watermark; tests and browser checks look for it.</summary>
    public const string SyntheticText = "SYNTHETIC DATA";

    /// <summary>A trace of the given Plotly type with its properties set in order.</summary>
    public static Trace Trace(string type, params (string Key, object Value)[] properties) => Set(new Trace(type), properties);

    /// <summary>A plain nested object (font, line, marker, axis).</summary>
    public static PlotlyObject Obj(params (string Key, object Value)[] properties) => Set(new PlotlyObject(), properties);

    /// <summary>A layout shape.</summary>
    public static Shape Shape(params (string Key, object Value)[] properties) => Set(new Shape(), properties);

    /// <summary>The dotted vertical line named <c>zero</c> at x = 0 across the plot that marks "no change" on the forest and sensitivity charts.</summary>
    public static Shape ZeroLine() => Shape(
        ("name", "zero"),
        ("type", "line"),
        ("xref", "x"),
        ("yref", "paper"),
        ("x0", 0),
        ("x1", 0),
        ("y0", 0),
        ("y1", 1),
        ("line", Obj(("color", "rgb(90, 90, 90)"), ("width", 1), ("dash", "dot"))));

    /// <summary>A layout annotation.</summary>
    public static Annotation Annotation(params (string Key, object Value)[] properties) => Set(new Annotation(), properties);

    /// <summary>The "SYNTHETIC DATA" mark: large, translucent, top centre of the plot, so no screenshot of a chart
    /// drawn from generated data can pass for a real one.</summary>
    public static Annotation Synthetic() => Annotation(
        ("name", "synthetic-data"),
        ("text", SyntheticText),
        ("xref", "paper"),
        ("yref", "paper"),
        ("x", 0.5),
        ("y", 0.98),
        ("xanchor", "center"),
        ("yanchor", "top"),
        ("showarrow", false),
        ("font", Obj(("size", 30), ("color", "rgba(200, 30, 30, 0.4)"))));

    /// <summary>A layout with title (plain text, escaped here), fixed height and the given extra properties; the synthetic mark is added
    /// to <paramref name="annotations"/> when asked.</summary>
    public static Layout Layout(string title, int height, bool synthetic, IEnumerable<Shape> shapes, IEnumerable<Annotation> annotations, params (string Key, object Value)[] properties)
    {
        var layout = Set(new Layout(), [("title", Obj(("text", PlotlyText.Data(title)))), ("height", height)]);
        Set(layout, properties);
        var shapeList = shapes.ToArray();
        if (shapeList.Length > 0)
        {
            layout.Set("shapes", shapeList);
        }

        var notes = annotations.ToList();
        if (synthetic)
        {
            notes.Add(Synthetic());
        }

        if (notes.Count > 0)
        {
            layout.Set("annotations", notes.ToArray());
        }

        return layout;
    }

    /// <summary>Puts traces and layout into one chart and wraps it as a figure.</summary>
    public static ChartFigure Figure(string name, string title, IReadOnlyList<Trace> traces, Layout layout)
    {
        return new ChartFigure(name, title, traces, layout);
    }

    private static T Set<T>(T target, (string Key, object Value)[] properties)
        where T : PlotlyObject
    {
        foreach (var (key, value) in properties)
        {
            target.Set(key, value);
        }

        return target;
    }
}
