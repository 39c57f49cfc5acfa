using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>
/// Intensity over time with the article's mentions on it: the chart that lets a reader see whether the
/// violence the op-ed points to shows up in the record. Every mention appears somewhere, with its number
/// (<see cref="Number"/>: 1..N in date order, the same in every source's panel and in the report's mention table):
/// drawn on the chart, or named in full in a note below it when the data (or the charted range) do not reach it.
/// </summary>
/// <remarks>
/// <para>Traces, in drawing order (each only when it has something to show):</para>
/// <list type="number">
/// <item><see cref="BandTraceName"/>: the UCDP low–high fatality estimate as a filled area, when the measure is
/// fatalities and the series carries low/high values.</item>
/// <item>The measure (<c>events</c> or <c>fatalities</c>): precisely dated events per bin, as a line (under the
/// spread policy, all events).</item>
/// <item>The measure followed by <see cref="ImpreciseSuffix"/>: events dated more coarsely than the bin, as
/// light bars at the bin of their nominal date, when the series has any.</item>
/// <item><see cref="MentionsTraceName"/>: one numbered label per drawn mention (a dark disc with the mention's
/// number, readable without a mouse), carrying its hover text (paraphrase and stated date) because plotly.js shapes
/// have no hover.</item>
/// </list>
/// <para>Labels never overlap: they sit in rows above the data (the y range is fixed so the rows get their own strip
/// at the top of the plot), and <see cref="LabelRows"/> puts a label in the lowest row where it keeps
/// <see cref="LabelWidthPx"/> clear of the previous label when the plot is only <see cref="MinPlotWidthPx"/> wide.</para>
/// <para>Count rule for drawn mentions: a mention is drawn when its coverage is not
/// <see cref="CoverageStatus.Outside"/> and its study span overlaps the series' bins. A point
/// (<c>Target.IsPeriod</c> false) gets one dotted vertical line shape at its date and one marker at that date;
/// a period (including a coarse point studied as its month or year) gets one shaded rectangle from its start to
/// the day after its end (clipped to the series) and one label at the middle of the shaded span. Shapes are named
/// <c>mention-{id}</c> and drawn below the traces; labels carry the mention id as custom data.</para>
/// </remarks>
internal static class TimelineChart
{
    /// <summary>Name of the numbered label trace that carries the mentions' hover text.</summary>
    public const string MentionsTraceName = "mentions";

    /// <summary>Name of the UCDP low–high band trace.</summary>
    public const string BandTraceName = "UCDP low–high estimate";

    /// <summary>Appended to the measure to name the imprecise-dates trace.</summary>
    public const string ImpreciseSuffix = ", imprecise dates";

    /// <summary>Name of the annotation listing mentions that could not be drawn.</summary>
    public const string NotDrawnAnnotationName = "mentions-not-drawn";

    /// <summary>The estimated width of a number label, in pixels, with the gap kept to the next one.</summary>
    public const int LabelWidthPx = 26;

    /// <summary>The narrowest plot the label rows are computed for: wider plots only spread the labels further apart.</summary>
    public const int MinPlotWidthPx = 600;

    /// <summary>Height of one row of labels, in pixels (a label disc is 20).</summary>
    public const int LabelRowPx = 26;

    private const string MentionColor = "rgba(60, 60, 60, 0.85)";
    private const string PeriodFill = "rgba(255, 165, 0, 0.18)";
    private const int NoteLineHeight = 15;
    private const int BaseHeight = 460;
    private const int MarginTop = 90;
    private const int MarginBottom = 60;

    /// <summary>Builds the timeline.</summary>
    /// <param name="series">The intensity series to draw (e.g. all events in the country).</param>
    /// <param name="mentions">Every mention of the article, in catalog order; none is dropped.</param>
    /// <param name="synthetic">Whether the data are synthetic: adds the "SYNTHETIC DATA" mark.</param>
    /// <param name="measure"><c>events</c> or <c>fatalities</c>.</param>
    /// <param name="axis">The x axis's first and last day, so several sources' panels share one time axis; null for the series' own bins.</param>
    /// <returns>A figure named <c>timeline</c> (events) or <c>timeline-fatalities</c>.</returns>
    /// <exception cref="ArgumentException">The measure is unknown or the series has no bins.</exception>
    public static ChartFigure Build(IntensitySeries series, IReadOnlyList<MentionView> mentions, bool synthetic, string measure = "events", (DateOnly First, DateOnly Last)? axis = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(mentions);
        var fatalities = IsFatalities(measure);
        if (series.Count == 0)
        {
            throw new ArgumentException("the series has no bins: nothing to chart", nameof(series));
        }

        var (main, imprecise) = fatalities ? (series.Fatalities, series.ImpreciseFatalities) : (series.Events, series.ImpreciseEvents);
        var band = fatalities && series.FatalitiesLow is not null && series.FatalitiesHigh is not null;
        var unit = PlotlyText.BinName(series.Bin);
        var bars = series.ImpreciseEvents.Any(v => v > 0);
        var labels = Labels(series, mentions);
        var drawn = labels.Where(l => l.IsDrawn).ToList();
        var (first, last) = axis ?? (series.BinStarts[0], Bins.Next(series.BinStarts[^1], series.Bin).AddDays(-1));
        var rows = LabelRows([.. drawn.Select(l => l.At!.Value)], first, last);
        var rowCount = rows.Count == 0 ? 0 : rows.Max() + 1;
        var top = main.Concat(bars ? imprecise : []).Concat(band ? series.FatalitiesHigh! : []).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        top = top > 0 ? top : 1;

        var noteLines = NoteLines(labels);
        var extra = noteLines.Count * NoteLineHeight;
        var strip = rowCount == 0 ? 0 : 8 + (rowCount * LabelRowPx);
        var height = BaseHeight + strip + extra;
        var bottom = MarginBottom + (noteLines.Count > 0 ? extra + 10 : 0) + (synthetic ? 18 : 0);
        var plot = height - MarginTop - bottom;

        // The data fill the plot below the label strip: the y range's top is where the strip ends.
        var yMax = top * plot / (plot - strip - 6);
        var traces = new List<Trace?>
        {
            band ? Band(series) : null,
            Line(series, main, measure),
            bars ? ImpreciseBars(series, imprecise, measure, unit) : null,
            drawn.Count > 0 ? Markers(drawn, [.. rows.Select(r => yMax * (plot - 4 - (r * LabelRowPx) - (LabelRowPx / 2.0)) / plot)]) : null,
        };
        var title = $"{Capitalise(measure)} per {unit}: {series.Name}";
        var layout = FigureParts.Layout(title, height, synthetic, [.. drawn.Select(l => l.Shape!)], noteLines.Count > 0 ? [NotDrawnNote(noteLines)] : []) with
        {
            XAxis = FigureParts.DateAxis(series.Bin) with { Range = [first, last.AddDays(1)] },
            YAxis = new() { Title = new($"{measure} per {unit}"), Range = [0.0, yMax] }, // from 0; the top leaves the label rows their strip
            BarMode = bars ? "overlay" : null, // plotly.js knows barmode only when there is a bar trace
            HoverMode = "closest",
            ShowLegend = true,
            Legend = FigureParts.LegendAbove,
            Margin = new(MarginTop, bottom, 60, 20),
        };
        return new ChartFigure(fatalities ? "timeline-fatalities" : "timeline", title, [.. traces.OfType<Trace>()], layout);
    }

    /// <summary>Every mention with its number (1..N): ordered by the start of its studied span, then its end, then its id.</summary>
    public static IReadOnlyList<(int Number, MentionView View)> Number(IReadOnlyList<MentionView> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        return [.. ByDate(mentions, v => v.Target).Select((v, i) => (i + 1, v))];
    }

    /// <summary>Items ordered by the start of their studied span, then its end, then the id: the order mentions are numbered in.</summary>
    public static IEnumerable<T> ByDate<T>(IEnumerable<T> items, Func<T, StudyTarget> target) =>
        items.OrderBy(i => target(i).Start).ThenBy(i => target(i).End).ThenBy(i => target(i).Id, StringComparer.Ordinal);

    /// <summary>
    /// Every mention numbered (<see cref="Number"/>) with where it is on the chart of <paramref name="series"/>: a line,
    /// a shaded span, or not drawn (outside the source's coverage, or outside the charted range), in number order.
    /// </summary>
    public static IReadOnlyList<MentionLabel> Labels(IntensitySeries series, IReadOnlyList<MentionView> mentions)
    {
        ArgumentNullException.ThrowIfNull(series);
        var first = series.BinStarts[0];
        var last = Bins.Next(series.BinStarts[^1], series.Bin).AddDays(-1);
        var labels = new List<MentionLabel>();
        foreach (var (number, view) in Number(mentions))
        {
            var target = view.Target;
            if (view.Coverage == CoverageStatus.Outside)
            {
                labels.Add(new(number, view, MentionPlacement.OutsideCoverage, null, null, ""));
                continue;
            }

            if (target.End < first || target.Start > last)
            {
                labels.Add(new(number, view, MentionPlacement.OutsideRange, null, null, ""));
                continue;
            }

            var name = "mention-" + view.Mention.Id;
            var hover = Hover(number, view);
            if (!target.IsPeriod)
            {
                labels.Add(new(number, view, MentionPlacement.Line, target.Start, FigureParts.VerticalLine(name, target.Start, MentionColor, 1.5) with { Layer = "below" }, hover));
                continue;
            }

            var start = target.Start < first ? first : target.Start;
            var end = target.End > last ? last : target.End;
            if (start != target.Start || end != target.End)
            {
                hover += PlotlyText.Break + "shading clipped to the charted range";
            }

            var shape = new Shape
            {
                Name = name,
                Type = "rect",
                XRef = "x",
                YRef = "paper",
                X0 = start,
                X1 = end.AddDays(1),
                Y0 = 0,
                Y1 = 1,
                FillColor = PeriodFill,
                Line = new() { Width = 0 },
                Layer = "below",
            };
            labels.Add(new(number, view, MentionPlacement.Shaded, start.AddDays((end.DayNumber - start.DayNumber) / 2), shape, hover));
        }

        return labels;
    }

    /// <summary>
    /// The row (0 = just above the data) of each label at <paramref name="at"/> on an axis from <paramref name="first"/>
    /// to <paramref name="last"/>: each label, taken in date order, goes to the lowest row whose previous label is at
    /// least <see cref="LabelWidthPx"/> away on a plot <see cref="MinPlotWidthPx"/> wide, so no two labels overlap.
    /// Deterministic: the same dates give the same rows.
    /// </summary>
    public static IReadOnlyList<int> LabelRows(IReadOnlyList<DateOnly> at, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(at);
        var days = Math.Max(1, last.DayNumber - first.DayNumber + 1);
        var gap = (double)LabelWidthPx * days / MinPlotWidthPx;
        var rows = new int[at.Count];
        var ends = new List<double>();
        foreach (var i in Enumerable.Range(0, at.Count).OrderBy(i => at[i]).ThenBy(i => i))
        {
            var x = at[i].DayNumber;
            var row = ends.FindIndex(e => x - e >= gap);
            if (row < 0)
            {
                ends.Add(x);
                row = ends.Count - 1;
            }
            else
            {
                ends[row] = x;
            }

            rows[i] = row;
        }

        return rows;
    }

    private static bool IsFatalities(string measure) => measure switch
    {
        "events" => false,
        "fatalities" => true,
        _ => throw new ArgumentException($"unknown measure '{measure}'; use events or fatalities", nameof(measure)),
    };

    private static ScatterTrace Band(IntensitySeries series) => FigureParts.LowHighBand(BandTraceName, series);

    private static ScatterTrace Line(IntensitySeries series, IReadOnlyList<double> values, string measure) => new()
    {
        Name = measure,
        X = series.BinStarts.ToArray(),
        Y = values.ToArray(),
        Mode = "lines",
        Line = new() { Color = "rgb(31, 119, 180)", Width = 1.5 },
        HoverTemplate = $"%{{x|%Y-%m-%d}}: %{{y}} {measure}<extra></extra>",
    };

    private static BarTrace ImpreciseBars(IntensitySeries series, IReadOnlyList<double> values, string measure, string unit) => new()
    {
        Name = measure + ImpreciseSuffix,
        X = series.BinStarts.ToArray(),
        Y = values.ToArray(),
        Marker = new() { Color = "rgba(127, 127, 127, 0.45)" },
        HoverTemplate = $"%{{x|%Y-%m-%d}}: %{{y}} {measure} dated coarser than a {unit}<extra></extra>",
    };

    private static ScatterTrace Markers(IReadOnlyList<MentionLabel> labels, IReadOnlyList<double> y) => new()
    {
        Name = MentionsTraceName,
        X = labels.Select(l => l.At!.Value).ToArray(),
        Y = y.ToArray(),
        Mode = "markers+text",
        Text = [.. labels.Select(l => l.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        TextPosition = "middle center",
        TextFont = new() { Color = "rgb(255, 255, 255)", Size = 11 },
        Marker = new() { Symbol = "circle", Size = 20, Color = MentionColor },
        CustomData = [.. labels.Select(l => l.View.Mention.Id)],
        HoverText = [.. labels.Select(l => l.Hover)],
        HoverInfo = "text",
        ClipOnAxis = false, // a label at the axis's first or last day is drawn whole
    };

    private static Annotation NotDrawnNote(IReadOnlyList<string> lines) => FigureParts.Note(NotDrawnAnnotationName, string.Join(PlotlyText.Break, lines), 0, 0) with
    {
        XAnchor = "left",
        YAnchor = "top",
        YShift = -MarginBottom + 6,
        Align = "left",
        Font = new() { Size = 11 },
    };

    private static string Hover(int number, MentionView view)
    {
        var text = $"{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}. {view.Paragraphs} {PlotlyText.Data(view.Mention.Paraphrase)}{PlotlyText.Break}{view.StatedDate}";
        if (view.Target.IsPeriod && view.Mention.Kind == Articles.MentionKind.Point)
        {
            text += " (shaded: the span its precision allows)";
        }

        return view.Coverage == CoverageStatus.Partly ? text + PlotlyText.Break + Coverage.Label(view.Coverage) : text;
    }

    private static List<string> NoteLines(IReadOnlyList<MentionLabel> labels)
    {
        static List<string> Section(string heading, IEnumerable<MentionLabel> views)
        {
            // One item per line, each in full, so a long list stays inside the chart's width; the chart grows to hold them.
            var items = views.Select(l => $"{l.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}. {l.View.Paragraphs} {PlotlyText.Data(l.View.Mention.Paraphrase)} ({l.View.StatedDate})").ToList();
            return items.Count == 0 ? [] : [heading, .. items];
        }

        return
        [
            .. Section("Not drawn, outside this source's coverage:", labels.Where(l => l.Placement == MentionPlacement.OutsideCoverage)),
            .. Section("Not drawn, outside the charted range:", labels.Where(l => l.Placement == MentionPlacement.OutsideRange)),
        ];
    }

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>Where a mention is on a timeline.</summary>
internal enum MentionPlacement
{
    /// <summary>A dotted line at its date.</summary>
    Line,

    /// <summary>A shaded span (a period, or a point known only to its month or year).</summary>
    Shaded,

    /// <summary>Not drawn: the source does not cover it.</summary>
    OutsideCoverage,

    /// <summary>Not drawn: covered, but outside the charted bins.</summary>
    OutsideRange,
}

/// <summary>A mention as the timeline shows it.</summary>
/// <param name="Number">Its number, 1..N in date order.</param>
/// <param name="View">The mention.</param>
/// <param name="Placement">Where it is on the chart.</param>
/// <param name="At">Where its label sits (its date, or the middle of its shading); null when not drawn.</param>
/// <param name="Shape">Its line or shading; null when not drawn.</param>
/// <param name="Hover">Its label's hover text (empty when not drawn).</param>
internal sealed record MentionLabel(int Number, MentionView View, MentionPlacement Placement, DateOnly? At, Shape? Shape, string Hover)
{
    /// <summary>Whether it is drawn on the chart.</summary>
    public bool IsDrawn => Placement is MentionPlacement.Line or MentionPlacement.Shaded;

    /// <summary>What the report's mention table says about it: drawn or not, and how much of it the source covers.</summary>
    public string Status => Placement switch
    {
        MentionPlacement.Line => "drawn: dotted line at its date" + Covered,
        MentionPlacement.Shaded => "drawn: shaded span" + Covered,
        MentionPlacement.OutsideCoverage => "not drawn: outside this source's coverage",
        _ => "not drawn: outside the charted range" + Covered,
    };

    private string Covered => View.Coverage == CoverageStatus.Partly ? " (partly inside this source's coverage)" : " (inside this source's coverage)";
}
