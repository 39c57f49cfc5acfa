using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>The pieces several charts share, as typed figure records (<see cref="Figure"/>).</summary>
internal static class FigureParts
{
    /// <summary>The text of the synthetic-data mark (bottom-right margin and title); tests and browser checks look for it.</summary>
    public const string SyntheticText = "SYNTHETIC DATA";

    /// <summary>The legend as one row above the plot, left-aligned.</summary>
    public static readonly Legend LegendAbove = new() { Orientation = "h", X = 0, Y = 1.02, YAnchor = "bottom" };

    /// <summary>The x axis title of the forest and sensitivity charts; the axis's own zero line is off (see <see cref="ZeroLine"/>).</summary>
    public static readonly Axis DifferenceAxis = new() { Title = new("mean events per bin: after (or inside) − before"), ZeroLine = false };

    /// <summary>A date axis titled with the bin unit.</summary>
    public static Axis DateAxis(string unit) => new() { Type = "date", Title = new($"bin start ({unit})") };

    /// <summary>A date axis titled in words with what each bin's date is (<see cref="BinAxisTitle"/>).</summary>
    public static Axis DateAxis(BinUnit bin) => new() { Type = "date", Title = new(BinAxisTitle(bin)) };

    /// <summary>What a bin's date on the x axis is: "Week starting (Monday)", "ACLED week starting (Saturday)", "Month", "Day".</summary>
    public static string BinAxisTitle(BinUnit bin) => bin switch
    {
        BinUnit.Day => "Day",
        BinUnit.IsoWeek => "Week starting (Monday)",
        BinUnit.AcledWeek => "ACLED week starting (Saturday)",
        BinUnit.Month => "Month",
        _ => throw new ArgumentOutOfRangeException(nameof(bin), bin, null),
    };

    /// <summary>A category axis listing <paramref name="labels"/> top to bottom, widening its margin to fit them; with no
    /// labels there is no order to give (plotly.js resets an empty array order to <c>trace</c>).</summary>
    public static Axis Rows(IEnumerable<string> labels)
    {
        string[] rows = [.. labels];
        return new()
        {
            Type = "category",
            CategoryOrder = rows.Length > 0 ? "array" : null,
            CategoryArray = rows.Length > 0 ? rows : null,
            AutoRange = "reversed",
            AutoMargin = true,
        };
    }

    /// <summary>A dotted vertical line named <paramref name="name"/> at <paramref name="x"/> across the plot's height.</summary>
    public static Shape VerticalLine(string name, Datum x, string color, double width) => new()
    {
        Name = name,
        Type = "line",
        XRef = "x",
        YRef = "paper",
        X0 = x,
        X1 = x,
        Y0 = 0,
        Y1 = 1,
        Line = new() { Color = color, Width = width, Dash = "dot" },
    };

    /// <summary>The dotted vertical line named <c>zero</c> at x = 0 that marks "no change" on the forest and sensitivity charts.</summary>
    public static Shape ZeroLine() => VerticalLine("zero", 0, "rgb(90, 90, 90)", 1);

    /// <summary>Text placed at (<paramref name="x"/>, <paramref name="y"/>) as fractions of the plot, with no arrow.</summary>
    public static Annotation Note(string name, string text, double x, double y) => new()
    {
        Name = name,
        Text = text,
        XRef = "paper",
        YRef = "paper",
        X = x,
        Y = y,
        ShowArrow = false,
    };

    /// <summary>
    /// A chart with nothing to draw: no traces, hidden axes (an empty grid would read as data) and one grey sentence in
    /// the middle, named <paramref name="noteName"/>, saying why.
    /// </summary>
    /// <param name="name">The chart's name.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="noteName">The note's annotation name, which tests look for.</param>
    /// <param name="text">Why there is nothing to draw.</param>
    /// <param name="synthetic">Whether the data are synthetic.</param>
    /// <param name="leftMargin">The left margin in pixels.</param>
    public static ChartFigure NoteOnly(string name, string title, string noteName, string text, bool synthetic, int leftMargin = 60)
    {
        var note = Note(noteName, text, 0.5, 0.5) with { Font = new() { Size = 14, Color = "rgb(90, 90, 90)" } };
        return new ChartFigure(name, title, [], Layout(title, 320, synthetic, annotations: [note]) with
        {
            XAxis = new() { Visible = false },
            YAxis = new() { Visible = false },
            Margin = new(90, 60, leftMargin, 20),
        });
    }

    /// <summary>The name of the "SYNTHETIC DATA" annotation.</summary>
    public const string SyntheticName = "synthetic-data";

    /// <summary>What a synthetic chart's title starts with (Plotly text markup: the words in red).</summary>
    public const string SyntheticTitlePrefix = "<span style=\"color:rgb(176, 0, 32)\">SYNTHETIC DATA</span> · ";

    /// <summary>
    /// The "SYNTHETIC DATA" mark: red text in the figure's bottom-right corner, below the plot and its axis (in the
    /// bottom margin, never over data), so no screenshot of a chart drawn from generated data can pass for a real one.
    /// <see cref="ChartFigure"/> moves it to the bottom edge of the chart's own bottom margin (<see cref="PlaceSynthetic"/>);
    /// the title says SYNTHETIC DATA too.
    /// </summary>
    public static Annotation Synthetic() => Note(SyntheticName, SyntheticText, 1, 0) with
    {
        XAnchor = "right",
        YAnchor = "bottom",
        YShift = -DefaultBottomMargin + 2,
        Font = new() { Size = 13, Color = "rgb(176, 0, 32)" },
    };

    /// <summary>Plotly's bottom margin when a layout sets none.</summary>
    private const int DefaultBottomMargin = 80;

    /// <summary>
    /// A layout whose synthetic mark (if it has one) sits at the bottom edge of its bottom margin and whose title
    /// starts with <see cref="SyntheticTitlePrefix"/>; layouts without the mark are returned as they are. Idempotent,
    /// so a renamed or re-titled figure keeps one prefix.
    /// </summary>
    public static Layout PlaceSynthetic(Layout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.Annotations is not { } notes || !notes.Any(a => a.Name == SyntheticName))
        {
            return layout;
        }

        var bottom = layout.Margin?.B ?? DefaultBottomMargin;
        var title = layout.Title?.Text ?? "";
        return layout with
        {
            Annotations = [.. notes.Select(a => a.Name == SyntheticName ? a with { YShift = -bottom + 2 } : a)],
            Title = new(title.StartsWith(SyntheticTitlePrefix, StringComparison.Ordinal) ? title : SyntheticTitlePrefix + title),
        };
    }

    /// <summary>A layout with title (plain text, escaped here) and fixed height; shapes and annotations only when
    /// there are any, the synthetic mark added to the annotations when asked (placed by <see cref="PlaceSynthetic"/>
    /// when the figure is made). Charts add their axes with <c>with</c>.</summary>
    public static Layout Layout(string title, int height, bool synthetic, IReadOnlyList<Shape>? shapes = null, IReadOnlyList<Annotation>? annotations = null)
    {
        IReadOnlyList<Annotation> notes = [.. annotations ?? [], .. synthetic ? [Synthetic()] : Array.Empty<Annotation>()];
        return new()
        {
            Title = new(PlotlyText.Data(title)),
            Height = height,
            Shapes = shapes is { Count: > 0 } ? shapes : null,
            Annotations = notes.Count > 0 ? notes : null,
        };
    }

    /// <summary>
    /// Horizontal error bars from each point's value to its interval (never negative lengths; non-finite as gaps).
    /// </summary>
    public static ErrorBar Interval(IReadOnlyList<(double Value, double Low, double High)> points, double thickness, double width, string? color = null) => new()
    {
        Type = "data",
        Symmetric = false,
        Array = PlotlyText.Finite(points.Select(p => Math.Max(0, p.High - p.Value))),
        ArrayMinus = PlotlyText.Finite(points.Select(p => Math.Max(0, p.Value - p.Low))),
        Color = color,
        Thickness = thickness,
        Width = width,
    };

    /// <summary>A series' UCDP low–high fatality band as one filled area: one closed polygon (low forwards, high
    /// backwards), so one legend entry.</summary>
    public static ScatterTrace LowHighBand(string name, IntensitySeries series) => new()
    {
        Name = name,
        X = series.BinStarts.Concat(series.BinStarts.Reverse()).ToArray(),
        Y = series.FatalitiesLow!.Concat(series.FatalitiesHigh!.Reverse()).ToArray(),
        Mode = "lines",
        Fill = "toself",
        FillColor = "rgba(31, 119, 180, 0.15)",
        Line = new() { Width = 0 },
        HoverInfo = "skip",
    };

    /// <summary>The "not computable" rows of the forest and sensitivity charts: the text at x = 0 by an open grey
    /// circle, the reason in the hover.</summary>
    public static ScatterTrace NotComputable(string name, string?[] labels, IReadOnlyList<string?> hover, double textSize, double markerSize) => new()
    {
        Name = name,
        X = labels.Select(_ => 0.0).ToArray(),
        Y = labels,
        Mode = "markers+text",
        Text = [.. labels.Select(_ => "not computable")],
        TextPosition = "middle right",
        TextFont = new() { Color = "rgb(110, 110, 110)", Size = textSize },
        Marker = new() { Symbol = "circle-open", Size = markerSize, Color = "rgb(150, 150, 150)" },
        HoverText = hover,
        HoverInfo = "text",
    };
}
