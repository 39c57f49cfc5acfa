using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>
/// The event-study effects side by side: for each mention, how mean events per bin changed (after − before, or
/// inside − before for periods) with its 95% placebo-inversion interval, against the band of changes seen at
/// placebo windows. A change that sits inside the placebo band is ordinary for these data, whatever the article
/// implies; one outside it has p &lt; 0.05, and then (and only then) its interval excludes 0.
/// </summary>
/// <remarks>
/// <para>One row per result, in the order given (top first), labelled with <see cref="StudyTarget.Label"/>.
/// Traces, each only when it has rows: <see cref="PlaceboTraceName"/> (a thick translucent segment from −h to h,
/// h being the change that 5% of placebo windows reach, for mentions with enough placebo windows),
/// <see cref="EffectTraceName"/> (a marker at the difference with horizontal error bars to the 95% interval;
/// no bars when too few placebo windows fit, the reason in the hover) and
/// <see cref="NotComputableTraceName"/> (the text "not computable" on the rows without a result, the reason in
/// the hover), so mentions outside coverage or too near the data's edge keep their row. A dotted vertical line
/// shape named <c>zero</c> marks no change.</para>
/// </remarks>
internal static class ForestChart
{
    /// <summary>Name of the placebo band trace.</summary>
    public const string PlaceboTraceName = "placebo 95% band";

    /// <summary>Name of the effect trace.</summary>
    public const string EffectTraceName = "difference (95% placebo CI)";

    /// <summary>Name of the trace marking rows with no result.</summary>
    public const string NotComputableTraceName = "not computable";

    /// <summary>Builds the forest plot.</summary>
    /// <param name="results">The event-study results, one per mention (e.g. from <see cref="EventStudy.Run"/>).</param>
    /// <param name="synthetic">Whether the data are synthetic: adds the "SYNTHETIC DATA" mark.</param>
    /// <returns>A figure named <c>forest</c>.</returns>
    public static ChartFigure Build(IReadOnlyList<EventStudyResult> results, bool synthetic)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.Select(r => (Result: r, Label: PlotlyText.Data(r.Target.Label))).ToList();
        var traces = new List<Trace>();

        var placebo = rows.Where(r => r.Result.Events is not null && r.Result.Placebo is not null).ToList();
        if (placebo.Count > 0)
        {
            // One trace for all rows: a segment per row, separated by nulls so segments are not joined.
            traces.Add(FigureParts.Trace(
                "scatter",
                ("name", PlaceboTraceName),
                ("x", placebo.SelectMany(r => new double?[] { PlotlyText.Finite(r.Result.Placebo!.BandLow), PlotlyText.Finite(r.Result.Placebo!.BandHigh), null }).ToArray()),
                ("y", placebo.SelectMany(r => new string?[] { r.Label, r.Label, null }).ToArray()),
                ("mode", "lines"),
                ("connectgaps", false),
                ("line", FigureParts.Obj(("color", "rgba(128, 128, 128, 0.35)"), ("width", 12))),
                ("hovertext", placebo.SelectMany(r => new string?[] { PlaceboHover(r.Result), PlaceboHover(r.Result), null }).ToArray()),
                ("hoverinfo", "text")));
        }

        var effects = rows.Where(r => r.Result.Events is not null).ToList();
        if (effects.Count > 0)
        {
            traces.Add(FigureParts.Trace(
                "scatter",
                ("name", EffectTraceName),
                ("x", effects.Select(r => PlotlyText.Finite(r.Result.Events!.Difference)).ToArray()),
                ("y", effects.Select(r => r.Label).ToArray()),
                ("mode", "markers"),
                ("marker", FigureParts.Obj(("color", "rgb(31, 119, 180)"), ("size", 9))),
                ("error_x", FigureParts.Obj(
                    ("type", "data"),
                    ("symmetric", false),
                    ("array", effects.Select(r => PlotlyText.Finite(Math.Max(0, (r.Result.Events!.DifferenceHigh ?? r.Result.Events.Difference) - r.Result.Events.Difference))).ToArray()),
                    ("arrayminus", effects.Select(r => PlotlyText.Finite(Math.Max(0, r.Result.Events!.Difference - (r.Result.Events.DifferenceLow ?? r.Result.Events.Difference)))).ToArray()),
                    ("thickness", 1.5),
                    ("width", 4))),
                ("customdata", effects.Select(r => r.Result.Target.Id).ToArray()),
                ("hovertext", effects.Select(r => EffectHover(r.Result)).ToArray()),
                ("hoverinfo", "text")));
        }

        var missing = rows.Where(r => r.Result.Events is null).ToList();
        if (missing.Count > 0)
        {
            traces.Add(FigureParts.Trace(
                "scatter",
                ("name", NotComputableTraceName),
                ("x", missing.Select(_ => 0.0).ToArray()),
                ("y", missing.Select(r => r.Label).ToArray()),
                ("mode", "markers+text"),
                ("text", missing.Select(_ => "not computable").ToArray()),
                ("textposition", "middle right"),
                ("textfont", FigureParts.Obj(("color", "rgb(110, 110, 110)"), ("size", 11))),
                ("marker", FigureParts.Obj(("symbol", "circle-open"), ("size", 8), ("color", "rgb(150, 150, 150)"))),
                ("customdata", missing.Select(r => r.Result.Target.Id).ToArray()),
                ("hovertext", missing.Select(r => $"{r.Label}{PlotlyText.Break}not computable: {PlotlyText.Data(r.Result.Note ?? "no result")}").ToArray()),
                ("hoverinfo", "text")));
        }

        const string title = "Change in mean events per bin around each mention (descriptive)";
        var layout = FigureParts.Layout(
            title,
            Math.Max(320, 160 + (30 * rows.Count)),
            synthetic,
            [FigureParts.ZeroLine()],
            [],
            ("xaxis", FigureParts.Obj(("title", FigureParts.Obj(("text", "mean events per bin: after (or inside) − before"))), ("zeroline", false))),
            ("yaxis", FigureParts.Obj(
                ("type", "category"),
                ("categoryorder", "array"),
                ("categoryarray", rows.Select(r => r.Label).ToArray()),
                ("autorange", "reversed"),
                ("automargin", true))),
            ("hovermode", "closest"),
            ("showlegend", true),
            ("legend", FigureParts.Obj(("orientation", "h"), ("x", 0), ("y", 1.02), ("yanchor", "bottom"))),
            ("margin", FigureParts.Obj(("t", 90), ("b", 60), ("l", 160), ("r", 20))));
        return FigureParts.Figure("forest", title, traces, layout);
    }

    private static string EffectHover(EventStudyResult r)
    {
        var e = r.Events!;
        var lines = new List<string>
        {
            PlotlyText.Data(r.Target.Label),
            $"{(r.Target.IsPeriod ? "inside" : "after")} {PlotlyText.Number(e.After)} vs before {PlotlyText.Number(e.Before)} events per bin ({PlotlyText.Count(r.BinsBefore)} bins each)",
            e is { DifferenceLow: { } low, DifferenceHigh: { } high }
                ? $"difference {PlotlyText.Number(e.Difference)} (95% CI {PlotlyText.Number(low)} .. {PlotlyText.Number(high)})"
                : $"difference {PlotlyText.Number(e.Difference)} (no interval)",
        };
        if (r.Placebo is not null && e.PValue is { } p)
        {
            lines.Add($"placebo p = {PlotlyText.PValue(p)} ({PlotlyText.Count(r.Placebo.Count)} windows)");
        }

        if (r.Coverage != CoverageStatus.Inside)
        {
            lines.Add(Coverage.Label(r.Coverage));
        }

        if (r.Note is not null)
        {
            lines.Add(PlotlyText.Data(r.Note));
        }

        return string.Join(PlotlyText.Break, lines);
    }

    private static string PlaceboHover(EventStudyResult r) =>
        $"{PlotlyText.Data(r.Target.Label)}{PlotlyText.Break}placebo band {PlotlyText.Number(r.Placebo!.BandLow)} .. {PlotlyText.Number(r.Placebo.BandHigh)} ({PlotlyText.Count(r.Placebo.Count)} windows)";
}
