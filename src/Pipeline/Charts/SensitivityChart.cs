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

            traces.Add(new ScatterTrace
            {
                Name = traceName,
                X = g.Select(r => r.Difference!.Value).ToArray(),
                Y = g.Select(Label).ToArray(),
                Mode = "markers",
                Marker = new() { Color = color, Symbol = symbol, Size = 8 },
                ErrorX = FigureParts.Interval([.. g.Select(r => (r.Difference!.Value, r.Low!.Value, r.High!.Value))], 1.2, 3, color),
                HoverText = [.. g.Select(Hover)],
                HoverInfo = "text",
            });
        }

        var missing = rows.Where(r => !r.IsComputable).ToList();
        if (missing.Count > 0)
        {
            traces.Add(FigureParts.NotComputable(NotComputableTraceName, [.. missing.Select(Label)], [.. missing.Select(r => $"{PlotlyText.Data(Label(r))}{PlotlyText.Break}{PlotlyText.Data(r.Note ?? "not computable")}")], 10, 6));
        }

        var layout = FigureParts.Layout(title, Math.Max(320, 140 + (16 * rows.Count)), synthetic, [FigureParts.ZeroLine()]) with
        {
            XAxis = FigureParts.DifferenceAxis,
            YAxis = FigureParts.Rows(rows.Select(Label)) with { TickFont = new() { Size = 10 } },
            HoverMode = "closest",
            ShowLegend = true,
            Legend = FigureParts.LegendAbove,
            Margin = new(90, 50, 170, 20),
        };
        return new ChartFigure(name, title, traces, layout);
    }

    private static string Hover(SensitivityRow r) =>
        string.Join(PlotlyText.Break, new[]
        {
            PlotlyText.Data(Label(r)),
            $"difference {PlotlyText.Number(r.Difference!.Value)} (95% CI {PlotlyText.Number(r.Low!.Value)} .. {PlotlyText.Number(r.High!.Value)})",
            $"placebo p = {PlotlyText.PValue(r.PValue!.Value)} (not adjusted)",
        }.Concat(r.Note is null ? [] : [PlotlyText.Data(r.Note)]));
}
