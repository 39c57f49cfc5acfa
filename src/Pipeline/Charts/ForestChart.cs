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
        var placebo = rows.Where(r => r.Result.Events is not null && r.Result.Placebo is not null).ToList();
        var effects = rows.Where(r => r.Result.Events is not null).ToList();
        var missing = rows.Where(r => r.Result.Events is null).ToList();
        var traces = new List<Trace?>
        {
            placebo.Count > 0 ? PlaceboBand(placebo) : null,
            effects.Count > 0 ? Effects(effects) : null,
            missing.Count > 0
                ? FigureParts.NotComputable(NotComputableTraceName, [.. missing.Select(r => r.Label)], [.. missing.Select(r => $"{r.Label}{PlotlyText.Break}not computable: {PlotlyText.Data(r.Result.Note ?? "no result")}")], 11, 8)
                    with { CustomData = [.. missing.Select(r => r.Result.Target.Id)] }
                : null,
        };

        const string title = "Change in mean events per bin around each mention (descriptive)";
        var layout = FigureParts.Layout(title, Math.Max(320, 160 + (30 * rows.Count)), synthetic, [FigureParts.ZeroLine()]) with
        {
            XAxis = FigureParts.DifferenceAxis,
            YAxis = FigureParts.Rows(rows.Select(r => r.Label)),
            HoverMode = "closest",
            ShowLegend = true,
            Legend = FigureParts.LegendAbove,
            Margin = new(90, 60, 160, 20),
        };
        return new ChartFigure("forest", title, [.. traces.OfType<Trace>()], layout);
    }

    /// <summary>The placebo bands of all rows in one trace: a segment per row, separated by gaps so segments are not joined.</summary>
    private static ScatterTrace PlaceboBand(IReadOnlyList<(EventStudyResult Result, string Label)> rows) => new()
    {
        Name = PlaceboTraceName,
        X = rows.SelectMany(r => new double?[] { r.Result.Placebo!.BandLow, r.Result.Placebo!.BandHigh, null }).ToArray(),
        Y = rows.SelectMany(r => new string?[] { r.Label, r.Label, null }).ToArray(),
        Mode = "lines",
        ConnectGaps = false,
        Line = new() { Color = "rgba(128, 128, 128, 0.35)", Width = 12 },
        HoverText = [.. rows.SelectMany(r => new string?[] { PlaceboHover(r.Result), PlaceboHover(r.Result), null })],
        HoverInfo = "text",
    };

    /// <summary>The differences, with error bars to the 95% interval (none when there is no interval).</summary>
    private static ScatterTrace Effects(IReadOnlyList<(EventStudyResult Result, string Label)> rows) => new()
    {
        Name = EffectTraceName,
        X = rows.Select(r => r.Result.Events!.Difference).ToArray(),
        Y = rows.Select(r => r.Label).ToArray(),
        Mode = "markers",
        Marker = new() { Color = "rgb(31, 119, 180)", Size = 9 },
        ErrorX = FigureParts.Interval([.. rows.Select(r => r.Result.Events!).Select(e => (e.Difference, e.DifferenceLow ?? e.Difference, e.DifferenceHigh ?? e.Difference))], 1.5, 4),
        CustomData = [.. rows.Select(r => r.Result.Target.Id)],
        HoverText = [.. rows.Select(r => EffectHover(r.Result))],
        HoverInfo = "text",
    };

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
