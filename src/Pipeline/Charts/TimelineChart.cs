using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>
/// Intensity over time with the article's mentions on it: the chart that lets a reader see whether the
/// violence the op-ed points to shows up in the record. Every mention appears somewhere: drawn on the chart,
/// or named in a note below it when the data (or the charted range) do not reach it.
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
/// <item><see cref="MentionsTraceName"/>: one marker per drawn mention, carrying its hover text (paraphrase and
/// stated date) because plotly.js shapes have no hover.</item>
/// </list>
/// <para>Count rule for drawn mentions: a mention is drawn when its coverage is not
/// <see cref="CoverageStatus.Outside"/> and its study span overlaps the series' bins. A point
/// (<c>Target.IsPeriod</c> false) gets one dotted vertical line shape at its date and one marker at that date;
/// a period (including a coarse point studied as its month or year) gets one shaded rectangle from its start to
/// the day after its end (clipped to the series) and one marker at the middle of the shaded span. Markers sit at
/// the top of the data. Shapes are named <c>mention-{id}</c>; markers carry the mention id as custom data.</para>
/// </remarks>
internal static class TimelineChart
{
    /// <summary>Name of the marker trace that carries the mentions' hover text.</summary>
    public const string MentionsTraceName = "mentions";

    /// <summary>Name of the UCDP low–high band trace.</summary>
    public const string BandTraceName = "UCDP low–high estimate";

    /// <summary>Appended to the measure to name the imprecise-dates trace.</summary>
    public const string ImpreciseSuffix = ", imprecise dates";

    /// <summary>Name of the annotation listing mentions that could not be drawn.</summary>
    public const string NotDrawnAnnotationName = "mentions-not-drawn";

    private const string MentionColor = "rgba(60, 60, 60, 0.85)";
    private const string PeriodFill = "rgba(255, 165, 0, 0.18)";
    private const int NoteLineHeight = 15;

    /// <summary>Builds the timeline.</summary>
    /// <param name="series">The intensity series to draw (e.g. all events in the country).</param>
    /// <param name="mentions">Every mention of the article, in catalog order; none is dropped.</param>
    /// <param name="synthetic">Whether the data are synthetic: adds the "SYNTHETIC DATA" mark.</param>
    /// <param name="measure"><c>events</c> or <c>fatalities</c>.</param>
    /// <returns>A figure named <c>timeline</c> (events) or <c>timeline-fatalities</c>.</returns>
    /// <exception cref="ArgumentException">The measure is unknown or the series has no bins.</exception>
    public static ChartFigure Build(IntensitySeries series, IReadOnlyList<MentionView> mentions, bool synthetic, string measure = "events")
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
        var drawn = Place(series, mentions);
        var top = main.Concat(bars ? imprecise : []).Concat(band ? series.FatalitiesHigh! : []).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var traces = new List<Trace?>
        {
            band ? Band(series) : null,
            Line(series, main, measure),
            bars ? ImpreciseBars(series, imprecise, measure, unit) : null,
            drawn.Marks.Count > 0 ? Markers(drawn.Marks, top > 0 ? top : 1) : null,
        };
        var noteLines = NoteLines(drawn.Outside, drawn.OutsideRange);
        var extra = noteLines.Count * NoteLineHeight;
        var title = $"{Capitalise(measure)} per {unit}: {series.Name}";
        var layout = FigureParts.Layout(title, 480 + extra, synthetic, drawn.Shapes, noteLines.Count > 0 ? [NotDrawnNote(noteLines)] : []) with
        {
            XAxis = FigureParts.DateAxis(unit),
            YAxis = new() { Title = new($"{measure} per {unit}"), RangeMode = "tozero" },
            BarMode = bars ? "overlay" : null, // plotly.js knows barmode only when there is a bar trace
            HoverMode = "closest",
            ShowLegend = true,
            Legend = FigureParts.LegendAbove,
            Margin = new(90, 70 + extra, 60, 20),
        };
        return new ChartFigure(fatalities ? "timeline-fatalities" : "timeline", title, [.. traces.OfType<Trace>()], layout);
    }

    private static bool IsFatalities(string measure) => measure switch
    {
        "events" => false,
        "fatalities" => true,
        _ => throw new ArgumentException($"unknown measure '{measure}'; use events or fatalities", nameof(measure)),
    };

    /// <summary>The UCDP low–high band: one closed polygon (low forwards, high backwards), so one legend entry.</summary>
    private static ScatterTrace Band(IntensitySeries series) => new()
    {
        Name = BandTraceName,
        X = series.BinStarts.Concat(series.BinStarts.Reverse()).ToArray(),
        Y = series.FatalitiesLow!.Concat(series.FatalitiesHigh!.Reverse()).ToArray(),
        Mode = "lines",
        Fill = "toself",
        FillColor = "rgba(31, 119, 180, 0.15)",
        Line = new() { Width = 0 },
        HoverInfo = "skip",
    };

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

    private static ScatterTrace Markers(IReadOnlyList<Mark> marks, double y) => new()
    {
        Name = MentionsTraceName,
        X = marks.Select(m => m.At).ToArray(),
        Y = marks.Select(_ => y).ToArray(),
        Mode = "markers",
        Marker = new() { Symbol = "triangle-down", Size = 11, Color = MentionColor },
        CustomData = [.. marks.Select(m => m.View.Mention.Id)],
        HoverText = [.. marks.Select(m => m.Hover)],
        HoverInfo = "text",
    };

    private static Annotation NotDrawnNote(IReadOnlyList<string> lines) => FigureParts.Note(NotDrawnAnnotationName, string.Join(PlotlyText.Break, lines), 0, 0) with
    {
        XAnchor = "left",
        YAnchor = "top",
        YShift = -62,
        Align = "left",
        Font = new() { Size = 11 },
    };

    private static Placement Place(IntensitySeries series, IReadOnlyList<MentionView> mentions)
    {
        var first = series.BinStarts[0];
        var last = Bins.Next(series.BinStarts[^1], series.Bin).AddDays(-1);
        var placement = new Placement();
        foreach (var view in mentions)
        {
            if (view.Coverage == CoverageStatus.Outside)
            {
                placement.Outside.Add(view);
                continue;
            }

            var target = view.Target;
            if (target.End < first || target.Start > last)
            {
                placement.OutsideRange.Add(view);
                continue;
            }

            var name = "mention-" + view.Mention.Id;
            var hover = Hover(view);
            if (!target.IsPeriod)
            {
                placement.Shapes.Add(FigureParts.VerticalLine(name, target.Start, MentionColor, 1.5));
                placement.Marks.Add(new Mark(view, target.Start, hover));
                continue;
            }

            var start = target.Start < first ? first : target.Start;
            var end = target.End > last ? last : target.End;
            if (start != target.Start || end != target.End)
            {
                hover += PlotlyText.Break + "shading clipped to the charted range";
            }

            placement.Shapes.Add(new Shape
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
            });
            placement.Marks.Add(new Mark(view, start.AddDays((end.DayNumber - start.DayNumber) / 2), hover));
        }

        return placement;
    }

    private static string Hover(MentionView view)
    {
        var text = $"{view.Paragraphs} {PlotlyText.Data(view.Mention.Paraphrase)}{PlotlyText.Break}{view.StatedDate}";
        if (view.Target.IsPeriod && view.Mention.Kind == Articles.MentionKind.Point)
        {
            text += " (shaded: the span its precision allows)";
        }

        return view.Coverage == CoverageStatus.Partly ? text + PlotlyText.Break + Coverage.Label(view.Coverage) : text;
    }

    private static List<string> NoteLines(List<MentionView> outside, List<MentionView> outsideRange)
    {
        static List<string> Section(string heading, List<MentionView> views)
        {
            var items = views.Select(v => $"{v.Paragraphs} {PlotlyText.Data(v.Mention.Paraphrase)} ({v.StatedDate})").ToList();
            if (items.Count == 0)
            {
                return [];
            }

            // One item per line so a long list stays inside the chart's width.
            var lines = items.Select((item, i) => i < items.Count - 1 ? item + ";" : item).ToList();
            lines[0] = heading + " " + lines[0];
            return lines;
        }

        return [.. Section("Outside coverage:", outside), .. Section("Outside the charted range:", outsideRange)];
    }

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private sealed record Mark(MentionView View, DateOnly At, string Hover);

    private sealed class Placement
    {
        public List<Shape> Shapes { get; } = [];

        public List<Mark> Marks { get; } = [];

        public List<MentionView> Outside { get; } = [];

        public List<MentionView> OutsideRange { get; } = [];
    }
}
