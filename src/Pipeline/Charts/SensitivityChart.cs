using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>
/// The sensitivity of one mention's event study to its settings: one row per setting (bin, k, imprecise policy)
/// and one for the pre-trend check, a marker at the events difference with horizontal bars to its 95% placebo
/// interval. Descriptive: the p-values behind it are not adjusted.
/// </summary>
/// <remarks>
/// Traces, each only when it has rows: <see cref="PrimaryTraceName"/> (the declared primary setting),
/// <see cref="OtherTraceName"/> (every other setting whose sign agrees with the primary),
/// <see cref="FlippedTraceName"/> (settings whose sign differs from the primary), <see cref="PreTrendTraceName"/>
/// and <see cref="NotComputableTraceName"/> (the text "not computable" at 0, the reason in the hover). A dotted
/// vertical line shape named <c>zero</c> marks no change.
/// </remarks>
internal static class SensitivityChart
{
    /// <summary>Name of the primary setting's trace.</summary>
    public const string PrimaryTraceName = "primary (week, k = 4, band)";

    /// <summary>Name of the trace of other settings with the primary's sign (or no primary to compare with).</summary>
    public const string OtherTraceName = "other settings";

    /// <summary>Name of the trace of settings whose sign differs from the primary's.</summary>
    public const string FlippedTraceName = "sign differs from primary";

    /// <summary>Name of the pre-trend trace.</summary>
    public const string PreTrendTraceName = "pre-trend (before-window vs the bins before it)";

    /// <summary>Name of the trace marking settings with no result.</summary>
    public const string NotComputableTraceName = "not computable";

    /// <summary>The row label of a sensitivity row: its setting, or "pre-trend, …".</summary>
    public static string Label(SensitivityRow row) =>
        row.Comparison == SensitivityComparison.PreTrend ? $"pre-trend, {row.Setting}" : row.Setting.ToString();

    /// <summary>Builds the chart of one mention's rows (as from <see cref="Sensitivity.Run"/>, filtered to one mention and source).</summary>
    /// <param name="rows">The mention's rows, in table order.</param>
    /// <param name="name">The figure's name (e.g. <c>sensitivity-haftar-offensive</c>).</param>
    /// <param name="title">The title (plain text).</param>
    /// <param name="synthetic">Whether the data are synthetic: adds the "SYNTHETIC DATA" mark.</param>
    public static ChartFigure Build(IReadOnlyList<SensitivityRow> rows, string name, string title, bool synthetic)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var traces = new List<Trace>();
        var groups = new (string Name, string Color, string Symbol, Func<SensitivityRow, bool> Has)[]
        {
            (PrimaryTraceName, "rgb(31, 119, 180)", "circle", r => r.IsComputable && r.IsPrimary && r.Comparison == SensitivityComparison.Study),
            (OtherTraceName, "rgb(120, 120, 120)", "circle-open", r => r.IsComputable && !r.IsPrimary && r.Comparison == SensitivityComparison.Study && r.SignDiffersFromPrimary != true),
            (FlippedTraceName, "rgb(214, 39, 40)", "x", r => r.IsComputable && r.Comparison == SensitivityComparison.Study && r.SignDiffersFromPrimary == true),
            (PreTrendTraceName, "rgb(44, 160, 44)", "square", r => r.IsComputable && r.Comparison == SensitivityComparison.PreTrend),
        };
        foreach (var (traceName, color, symbol, has) in groups)
        {
            var g = rows.Where(has).ToList();
            if (g.Count == 0)
            {
                continue;
            }

            traces.Add(FigureParts.Trace(
                "scatter",
                ("name", traceName),
                ("x", g.Select(r => PlotlyText.Finite(r.Difference!.Value)).ToArray()),
                ("y", g.Select(Label).ToArray()),
                ("mode", "markers"),
                ("marker", FigureParts.Obj(("color", color), ("symbol", symbol), ("size", 8))),
                ("error_x", FigureParts.Obj(
                    ("type", "data"),
                    ("symmetric", false),
                    ("array", g.Select(r => PlotlyText.Finite(Math.Max(0, r.High!.Value - r.Difference!.Value))).ToArray()),
                    ("arrayminus", g.Select(r => PlotlyText.Finite(Math.Max(0, r.Difference!.Value - r.Low!.Value))).ToArray()),
                    ("color", color),
                    ("thickness", 1.2),
                    ("width", 3))),
                ("hovertext", g.Select(Hover).ToArray()),
                ("hoverinfo", "text")));
        }

        var missing = rows.Where(r => !r.IsComputable).ToList();
        if (missing.Count > 0)
        {
            traces.Add(FigureParts.Trace(
                "scatter",
                ("name", NotComputableTraceName),
                ("x", missing.Select(_ => 0.0).ToArray()),
                ("y", missing.Select(Label).ToArray()),
                ("mode", "markers+text"),
                ("text", missing.Select(_ => "not computable").ToArray()),
                ("textposition", "middle right"),
                ("textfont", FigureParts.Obj(("color", "rgb(110, 110, 110)"), ("size", 10))),
                ("marker", FigureParts.Obj(("symbol", "circle-open"), ("size", 6), ("color", "rgb(150, 150, 150)"))),
                ("hovertext", missing.Select(r => $"{PlotlyText.Data(Label(r))}{PlotlyText.Break}{PlotlyText.Data(r.Note ?? "not computable")}").ToArray()),
                ("hoverinfo", "text")));
        }

        var layout = FigureParts.Layout(
            title,
            Math.Max(320, 140 + (16 * rows.Count)),
            synthetic,
            [FigureParts.ZeroLine()],
            [],
            ("xaxis", FigureParts.Obj(("title", FigureParts.Obj(("text", "mean events per bin: after (or inside) − before"))), ("zeroline", false))),
            ("yaxis", FigureParts.Obj(
                ("type", "category"),
                ("categoryorder", "array"),
                ("categoryarray", rows.Select(Label).ToArray()),
                ("autorange", "reversed"),
                ("automargin", true),
                ("tickfont", FigureParts.Obj(("size", 10))))),
            ("hovermode", "closest"),
            ("showlegend", true),
            ("legend", FigureParts.Obj(("orientation", "h"), ("x", 0), ("y", 1.02), ("yanchor", "bottom"))),
            ("margin", FigureParts.Obj(("t", 90), ("b", 50), ("l", 170), ("r", 20))));
        return FigureParts.Figure(name, title, traces, layout);
    }

    private static string Hover(SensitivityRow r) =>
        string.Join(PlotlyText.Break, new[]
        {
            PlotlyText.Data(Label(r)),
            $"difference {PlotlyText.Number(r.Difference!.Value)} (95% CI {PlotlyText.Number(r.Low!.Value)} .. {PlotlyText.Number(r.High!.Value)})",
            $"placebo p = {PlotlyText.PValue(r.PValue!.Value)} (not adjusted)",
        }.Concat(r.Note is null ? [] : [PlotlyText.Data(r.Note)]));
}
