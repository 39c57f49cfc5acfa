using System.Globalization;
using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>One studied mention as the mention-windows chart draws it.</summary>
/// <param name="Number">The mention's number, 1..N in date order over every mention (<see cref="TimelineChart.Number"/>), as on the timeline and forest.</param>
/// <param name="Result">Its event-study result; it must have a <see cref="EventStudyResult.Window"/>.</param>
/// <param name="Bins">The events per bin of its before and after (or inside) windows, from the first day of the before
/// window to the last of the after window, counted as the study counted them (same events, bins and imprecise policy).</param>
internal sealed record MentionWindow(int Number, EventStudyResult Result, IntensitySeries Bins);

/// <summary>
/// What each event-study number is made of: one small plot per studied mention, with the events in every bin of its
/// before window and of its after (or inside) window, and the two means the study compares drawn over them, so a reader
/// sees whether a difference comes from a steady shift or from one busy bin.
/// </summary>
/// <remarks>
/// <para>Subplots in date order, two per row, each titled as its forest row ("N. Short title (date)",
/// <see cref="ForestChart.RowLabel"/>); mentions without a result have no subplot (the forest and the study table give
/// their reason). The x axis counts bins from the mention's bin (0 = the bin holding a point's date, or a period's first
/// bin), so the before window is at negative positions. Traces per subplot, each carrying the mention id as custom
/// data: <see cref="BeforeBarsName"/> and <see cref="AfterBarsName"/> (the bars), <see cref="BeforeMeanName"/> and
/// <see cref="AfterMeanName"/> (a horizontal segment over each window at its mean, computed here from the bars). Only the
/// first subplot's traces have legend entries; each kind shares one legend group. A dotted vertical line shape
/// named <c>start-{id}</c> separates the windows. The figure grows by <see cref="RowPx"/> per row of subplots. When no
/// mention has a result, there are no traces: one note (<see cref="NothingComputableName"/>) says so.</para>
/// </remarks>
internal static class MentionWindowChart
{
    /// <summary>Name of the before-window bars.</summary>
    public const string BeforeBarsName = "events per bin, before";

    /// <summary>Name of the after (or inside) window bars.</summary>
    public const string AfterBarsName = "events per bin, after (or inside)";

    /// <summary>Name of the before-mean segments.</summary>
    public const string BeforeMeanName = "mean before";

    /// <summary>Name of the after-mean segments.</summary>
    public const string AfterMeanName = "mean after (or inside)";

    /// <summary>Name of the note shown instead of subplots when no mention has a result.</summary>
    public const string NothingComputableName = "nothing-computable";

    /// <summary>Height of one row of subplots, in pixels (its title, plot, tick labels and axis title).</summary>
    public const int RowPx = 280;

    private const int Columns = 2;
    private const int MarginTop = 110;
    private const int MarginBottom = 40;
    private const int TitlePx = 28;
    private const int AxisPx = 78;
    private const double ColumnGap = 0.1;
    private const string BeforeColour = "rgb(150, 150, 150)";
    private const string AfterColour = "rgb(31, 119, 180)";
    private const string MeanColour = "rgb(213, 94, 0)";

    /// <summary>Builds the chart.</summary>
    /// <param name="windows">The studied mentions, any order (drawn by number).</param>
    /// <param name="mentions">How many mentions the article has, for the note when none could be studied.</param>
    /// <param name="synthetic">Whether the data are synthetic: adds the "SYNTHETIC DATA" mark.</param>
    /// <returns>A figure named <c>mention-windows</c>.</returns>
    /// <exception cref="ArgumentException">A window has no study window or its bins do not span it.</exception>
    public static ChartFigure Build(IReadOnlyList<MentionWindow> windows, int mentions, bool synthetic)
    {
        ArgumentNullException.ThrowIfNull(windows);
        const string title = "Events per bin before and after each mention";
        if (windows.Count == 0)
        {
            var text = mentions == 0
                ? "No mentions to study."
                : $"No subplots: none of the {PlotlyText.Count(mentions)} mentions could be studied on this source{PlotlyText.Break}(outside its coverage, out of its scope, or too near the data's edge; the study table gives each mention's reason).";
            return FigureParts.NoteOnly("mention-windows", title, NothingComputableName, text, synthetic);
        }

        var ordered = windows.OrderBy(w => w.Number).ToList();
        var columns = Math.Min(Columns, ordered.Count);
        var rows = (ordered.Count + columns - 1) / columns;
        var bottom = MarginBottom + (synthetic ? 18 : 0);
        var height = MarginTop + (rows * RowPx) + bottom;
        var plot = (double)(rows * RowPx);
        var width = (1 - ((columns - 1) * ColumnGap)) / columns;
        var traces = new List<Trace>();
        var shapes = new List<Shape>();
        var titles = new List<Annotation>();
        var axes = new List<(Axis X, Axis Y)>();
        for (var k = 0; k < ordered.Count; k++)
        {
            var w = ordered[k];
            var (row, column) = (k / columns, k % columns);
            var suffix = k == 0 ? "" : (k + 1).ToString(CultureInfo.InvariantCulture);
            var (xId, yId) = ("x" + suffix, "y" + suffix);
            var x0 = column * (width + ColumnGap);
            var yTop = 1 - (row * RowPx / plot);
            var yDomain = new[] { 1 - (((row + 1) * RowPx) - AxisPx) / plot, yTop - (TitlePx / plot) };
            var panel = Panel(w, k == 0, xId, yId);
            traces.AddRange(panel.Traces);
            shapes.Add(panel.Divider);
            titles.Add(FigureParts.Note("title-" + w.Result.Target.Id, ForestChart.RowLabel(w.Number, w.Result.Target), x0 + (width / 2), yTop) with
            {
                XAnchor = "center",
                YAnchor = "top",
                Font = new() { Size = 13 },
            });
            var unit = PlotlyText.ShortBinName(w.Bins.Bin);
            var x = new Axis
            {
                Title = new(w.Result.Target.IsPeriod ? $"{unit}s from the period's first {unit} (0)" : $"{unit}s from the mention's {unit} (0)"),
                Range = [(double)-panel.Before - 0.5, panel.After - 0.5],
                ZeroLine = false,
                Domain = [x0, x0 + width],
                Anchor = yId,
            };
            var y = new Axis
            {
                Title = new($"events per {unit}"),
                RangeMode = "tozero",
                Domain = yDomain,
                Anchor = xId,
            };
            axes.Add((x, y));
        }

        var layout = FigureParts.Layout(title, height, synthetic, shapes, titles) with
        {
            XAxis = axes[0].X,
            YAxis = axes[0].Y,
            MoreAxes = axes.Count > 1 ? axes[1..] : null,
            BarMode = "overlay",
            BarGap = 0.1,
            HoverMode = "closest",
            ShowLegend = true,
            Legend = FigureParts.LegendAbove with { Y = 1 + (30.0 / plot) },
            Margin = new(MarginTop, bottom, 60, 20),
        };
        return new ChartFigure("mention-windows", title, traces, layout);
    }

    /// <summary>The bars and mean segments of one mention, on axes <paramref name="xId"/>/<paramref name="yId"/>.</summary>
    private static (List<Trace> Traces, Shape Divider, int Before, int After) Panel(MentionWindow w, bool legend, string xId, string yId)
    {
        var window = w.Result.Window ?? throw new ArgumentException($"mention {w.Result.Target.Id} has no study window", nameof(w));
        var bins = w.Bins;
        if (bins.Count == 0 || bins.BinStarts[0] != window.BeforeFirst || Bins.Next(bins.BinStarts[^1], bins.Bin).AddDays(-1) != window.AfterLast)
        {
            throw new ArgumentException($"the bins of mention {w.Result.Target.Id} do not span its study window", nameof(w));
        }

        var before = bins.BinStarts.Count(d => d < window.AfterFirst);
        var after = bins.Count - before;
        var id = w.Result.Target.Id;
        var counts = bins.Events;
        var beforeMean = counts.Take(before).Sum() / before;
        var afterMean = counts.Skip(before).Sum() / after;
        var (xRef, yRef) = (xId == "x" ? null : xId, yId == "y" ? null : yId);
        var unit = PlotlyText.ShortBinName(bins.Bin);
        var inside = w.Result.Target.IsPeriod ? "inside" : "after";

        BarTrace Bars(string name, int from, int count, string colour) => new()
        {
            Name = name,
            X = Enumerable.Range(from - before, count).Select(i => (double)i).ToArray(),
            Y = counts.Skip(from).Take(count).ToArray(),
            Marker = new() { Color = colour },
            CustomData = [.. Enumerable.Repeat(id, count)],
            HoverText = [.. Enumerable.Range(from, count).Select(i => $"{PlotlyText.Date(bins.BinStarts[i])}: {PlotlyText.Number(counts[i])} events in this {unit}")],
            HoverInfo = "text",
            XAxis = xRef,
            YAxis = yRef,
            ShowLegend = legend,
            LegendGroup = name,
        };

        ScatterTrace Mean(string name, double start, double end, double mean, string label) => new()
        {
            Name = name,
            X = new[] { start, end },
            Y = new[] { mean, mean },
            Mode = "lines",
            Line = new() { Color = MeanColour, Width = 2.5, Dash = name == BeforeMeanName ? "dash" : null },
            CustomData = [id, id],
            HoverText = [label, label],
            HoverInfo = "text",
            XAxis = xRef,
            YAxis = yRef,
            ShowLegend = legend,
            LegendGroup = name,
        };

        List<Trace> traces =
        [
            Bars(BeforeBarsName, 0, before, BeforeColour),
            Bars(AfterBarsName, before, after, AfterColour),
            Mean(BeforeMeanName, -before - 0.5, -0.5, beforeMean, $"mean before: {PlotlyText.Number(beforeMean)} events per {unit} ({PlotlyText.Count(before)} {unit}s)"),
            Mean(AfterMeanName, -0.5, after - 0.5, afterMean, $"mean {inside}: {PlotlyText.Number(afterMean)} events per {unit} ({PlotlyText.Count(after)} {unit}s)"),
        ];
        var divider = new Shape
        {
            Name = "start-" + id,
            Type = "line",
            XRef = xId,
            YRef = yId + " domain",
            X0 = -0.5,
            X1 = -0.5,
            Y0 = 0,
            Y1 = 1,
            Line = new() { Color = "rgba(60, 60, 60, 0.85)", Width = 1.5, Dash = "dot" },
        };
        return (traces, divider, before, after);
    }
}
