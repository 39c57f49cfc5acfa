using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>
/// The event-study effects side by side: for each mention, how mean events per bin changed (after − before, or
/// inside − before for periods) with its 95% placebo-inversion interval, against the band of changes seen at
/// placebo windows. A change that sits inside the placebo band is ordinary for these data, whatever the article
/// implies; one outside it has p &lt; 0.05, and then (and only then) its interval excludes 0.
/// </summary>
/// <remarks>
/// <para>One row per result, in date order (top first: the order of <see cref="TimelineChart.Number"/>, so a row's
/// number is the mention's number on the timeline), labelled "N. Short title (date)" (<see cref="RowLabel"/>).
/// Traces, each only when it has rows: <see cref="PlaceboTraceName"/> (a thick translucent segment from −h to h,
/// h being the change that 5% of placebo windows reach, for mentions with enough placebo windows),
/// <see cref="EffectTraceName"/> (a marker, one symbol per source family (<see cref="MarkerSymbol"/>), at the
/// difference with horizontal error bars to the 95% interval; no bars when too few placebo windows fit, the reason in
/// the hover) and <see cref="NotComputableTraceName"/> (the text "not computable" on the rows without a result, the
/// reason in the hover), so mentions outside coverage or too near the data's edge keep their row. The x range is
/// fixed to hold every band, interval and 0, so nothing runs off the plot. A dotted vertical line shape named
/// <c>zero</c> marks no change. When no row has a result, there are no traces and no rows: one note
/// (<see cref="NothingComputableName"/>) says so, and the report's study table gives each mention's reason.</para>
/// </remarks>
internal static class ForestChart
{
    /// <summary>Name of the placebo band trace.</summary>
    public const string PlaceboTraceName = "placebo 95% band";

    /// <summary>Name of the effect trace.</summary>
    public const string EffectTraceName = "difference (95% placebo CI)";

    /// <summary>Name of the trace marking rows with no result.</summary>
    public const string NotComputableTraceName = "not computable";

    /// <summary>Name of the note shown instead of rows when no mention has a result.</summary>
    public const string NothingComputableName = "nothing-computable";

    /// <summary>Builds the forest plot.</summary>
    /// <param name="results">The event-study results, one per mention (e.g. from <see cref="EventStudy.Run"/>).</param>
    /// <param name="synthetic">Whether the data are synthetic: adds the "SYNTHETIC DATA" mark.</param>
    /// <param name="family">The source family, which sets the effect markers' symbol (<see cref="MarkerSymbol"/>).</param>
    /// <returns>A figure named <c>forest</c>.</returns>
    public static ChartFigure Build(IReadOnlyList<EventStudyResult> results, bool synthetic, EventSource family = EventSource.Acled)
    {
        ArgumentNullException.ThrowIfNull(results);
        const string title = "Change in mean events per bin around each mention (descriptive)";
        var rows = TimelineChart.ByDate(results, r => r.Target).Select((r, i) => (Result: r, Label: RowLabel(i + 1, r.Target))).ToList();
        var placebo = rows.Where(r => r.Result.Events is not null && r.Result.Placebo is not null).ToList();
        var effects = rows.Where(r => r.Result.Events is not null).ToList();
        var missing = rows.Where(r => r.Result.Events is null).ToList();
        if (effects.Count == 0)
        {
            var text = rows.Count == 0
                ? "No mentions to study."
                : $"Nothing computable: none of the {rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} mentions could be studied on this source{PlotlyText.Break}(outside its coverage, out of its scope, or too near the data's edge; the study table gives each mention's reason).";
            return FigureParts.NoteOnly("forest", title, NothingComputableName, text, synthetic, leftMargin: 160);
        }

        var traces = new List<Trace?>
        {
            placebo.Count > 0 ? PlaceboBand(placebo) : null,
            Effects(effects, MarkerSymbol(family)),
            missing.Count > 0
                ? FigureParts.NotComputable(NotComputableTraceName, [.. missing.Select(r => r.Label)], [.. missing.Select(r => $"{r.Label}{PlotlyText.Break}not computable: {PlotlyText.Data(r.Result.Note ?? "no result")}")], 11, 8)
                    with { CustomData = [.. missing.Select(r => r.Result.Target.Id)] }
                : null,
        };

        var layout = FigureParts.Layout(title, Math.Max(320, 160 + (30 * rows.Count)), synthetic, [FigureParts.ZeroLine()]) with
        {
            XAxis = FigureParts.DifferenceAxis with { Range = XRange(effects.Select(r => r.Result)) },
            YAxis = FigureParts.Rows(rows.Select(r => r.Label)),
            HoverMode = "closest",
            ShowLegend = true,
            Legend = FigureParts.LegendAbove,
            Margin = new(90, 60, 160, 20),
        };
        return new ChartFigure("forest", title, [.. traces.OfType<Trace>()], layout);
    }

    /// <summary>The effect markers' symbol of a source family, the same in every report: ACLED circle, UCDP GED diamond.</summary>
    public static string MarkerSymbol(EventSource family) => family == EventSource.UcdpGed ? "diamond" : "circle";

    /// <summary>A row's label: its number, a short title made from the mention id (words, the year dropped, short
    /// acronyms such as GNA in capitals) and its date or span, e.g. "3. Tripoli offensive (2019-04-04)".</summary>
    public static string RowLabel(int number, StudyTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var words = target.Label.Split('-', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[^1].Length == 4 && words[^1].All(char.IsAsciiDigit))
        {
            words.RemoveAt(words.Count - 1);
        }

        var title = string.Join(" ", words.Select((w, i) => w.Length <= 3 && !CommonWords.Contains(w) && w.All(char.IsAsciiLetter) ? w.ToUpperInvariant() : i == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
        var date = target.Start == target.End ? Pipeline.Text.IsoDate.Format(target.Start) : $"{Pipeline.Text.IsoDate.Format(target.Start)} – {Pipeline.Text.IsoDate.Format(target.End)}";
        return PlotlyText.Data($"{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}. {title} ({date})");
    }

    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "war", "new", "end", "oil", "son", "day" };

    /// <summary>The x range holding 0, every difference, interval and placebo band, with 6% to spare on each side.</summary>
    private static Datum[] XRange(IEnumerable<EventStudyResult> results)
    {
        var xs = new List<double> { 0 };
        foreach (var r in results)
        {
            var e = r.Events!;
            xs.AddRange([e.Difference, e.DifferenceLow ?? e.Difference, e.DifferenceHigh ?? e.Difference]);
            if (r.Placebo is { } p)
            {
                xs.AddRange([p.BandLow, p.BandHigh]);
            }
        }

        var finite = xs.Where(double.IsFinite).ToList();
        var (low, high) = (finite.Min(), finite.Max());
        var pad = high > low ? 0.06 * (high - low) : 1;
        return [low - pad, high + pad];
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
    private static ScatterTrace Effects(IReadOnlyList<(EventStudyResult Result, string Label)> rows, string symbol) => new()
    {
        Name = EffectTraceName,
        X = rows.Select(r => r.Result.Events!.Difference).ToArray(),
        Y = rows.Select(r => r.Label).ToArray(),
        Mode = "markers",
        Marker = new() { Color = "rgb(31, 119, 180)", Size = 9, Symbol = symbol },
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
