using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace Pipeline.Charts;

/// <summary>
/// Small factories for Plotly objects. Traces and layout are filled through Plotly.NET's dynamic setters rather
/// than its F# style functions (dozens of optional parameters each from C#); the result is still an ordinary
/// <see cref="GenericChart"/>. Properties are written in the order given, which fixes the JSON's byte order.
/// </summary>
internal static class FigureParts
{
    /// <summary>The text of the synthetic-data watermark; tests and browser checks look for it.</summary>
    public const string SyntheticText = "SYNTHETIC DATA";

    /// <summary>A trace of the given Plotly type with its properties set in order.</summary>
    public static Trace2D Trace(string type, params (string Key, object Value)[] properties) => Set(new Trace2D(type), properties);

    /// <summary>A plain nested object (font, line, marker, axis).</summary>
    public static DynamicObj.DynamicObj Obj(params (string Key, object Value)[] properties) => Set(new DynamicObj.DynamicObj(), properties);

    /// <summary>A layout shape.</summary>
    public static Shape Shape(params (string Key, object Value)[] properties) => Set(new Shape(), properties);

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
            layout.SetProperty("shapes", shapeList);
        }

        var notes = annotations.ToList();
        if (synthetic)
        {
            notes.Add(Synthetic());
        }

        if (notes.Count > 0)
        {
            layout.SetProperty("annotations", notes.ToArray());
        }

        return layout;
    }

    /// <summary>Puts traces and layout into one chart and wraps it as a figure.</summary>
    public static ChartFigure Figure(string name, string title, IReadOnlyList<Trace> traces, Layout layout)
    {
        var chart = GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, traces));
        return new ChartFigure(name, title, chart);
    }

    private static T Set<T>(T target, (string Key, object Value)[] properties)
        where T : DynamicObj.DynamicObj
    {
        foreach (var (key, value) in properties)
        {
            target.SetProperty(key, value);
        }

        return target;
    }
}
