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
        var fatalities = measure switch
        {
            "events" => false,
            "fatalities" => true,
            _ => throw new ArgumentException($"unknown measure '{measure}'; use events or fatalities", nameof(measure)),
        };
        if (series.Count == 0)
        {
            throw new ArgumentException("the series has no bins: nothing to chart", nameof(series));
        }

        var x = series.BinStarts.Select(PlotlyText.Date).ToArray();
        var main = fatalities ? series.Fatalities : series.Events;
        var imprecise = fatalities ? series.ImpreciseFatalities : series.ImpreciseEvents;
        var hasImprecise = series.ImpreciseEvents.Any(v => v > 0);
        var hasBand = fatalities && series.FatalitiesLow is not null && series.FatalitiesHigh is not null;
        var unit = PlotlyText.BinName(series.Bin);

        var traces = new List<Trace>();
        if (hasBand)
        {
            // One closed polygon (low forwards, high backwards) so the band is a single legend entry.
            traces.Add(FigureParts.Trace(
                "scatter",
                ("name", BandTraceName),
                ("x", x.Concat(x.Reverse()).ToArray()),
                ("y", PlotlyText.Finite(series.FatalitiesLow!.Concat(series.FatalitiesHigh!.Reverse()))),
                ("mode", "lines"),
                ("fill", "toself"),
                ("fillcolor", "rgba(31, 119, 180, 0.15)"),
                ("line", FigureParts.Obj(("width", 0))),
                ("hoverinfo", "skip")));
        }

        traces.Add(FigureParts.Trace(
            "scatter",
            ("name", measure),
            ("x", x),
            ("y", PlotlyText.Finite(main)),
            ("mode", "lines"),
            ("line", FigureParts.Obj(("color", "rgb(31, 119, 180)"), ("width", 1.5))),
            ("hovertemplate", $"%{{x|%Y-%m-%d}}: %{{y}} {measure}<extra></extra>")));

        if (hasImprecise)
        {
            traces.Add(FigureParts.Trace(
                "bar",
                ("name", measure + ImpreciseSuffix),
                ("x", x),
                ("y", PlotlyText.Finite(imprecise)),
                ("marker", FigureParts.Obj(("color", "rgba(127, 127, 127, 0.45)"))),
                ("hovertemplate", $"%{{x|%Y-%m-%d}}: %{{y}} {measure} dated coarser than a {unit}<extra></extra>")));
        }

        var top = main.Concat(hasImprecise ? imprecise : []).Concat(hasBand ? series.FatalitiesHigh! : []).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var markerY = top > 0 ? top : 1;
        var drawn = Place(series, mentions);

        if (drawn.Marks.Count > 0)
        {
            traces.Add(FigureParts.Trace(
                "scatter",
                ("name", MentionsTraceName),
                ("x", drawn.Marks.Select(m => PlotlyText.Date(m.At)).ToArray()),
                ("y", drawn.Marks.Select(_ => markerY).ToArray()),
                ("mode", "markers"),
                ("marker", FigureParts.Obj(("symbol", "triangle-down"), ("size", 11), ("color", MentionColor))),
                ("customdata", drawn.Marks.Select(m => m.View.Mention.Id).ToArray()),
                ("hovertext", drawn.Marks.Select(m => m.Hover).ToArray()),
                ("hoverinfo", "text")));
        }

        var noteLines = NoteLines(drawn.Outside, drawn.OutsideRange);
        var notes = new List<Annotation>();
        if (noteLines.Count > 0)
        {
            notes.Add(FigureParts.Annotation(
                ("name", NotDrawnAnnotationName),
                ("text", string.Join(PlotlyText.Break, noteLines)),
                ("xref", "paper"),
                ("yref", "paper"),
                ("x", 0),
                ("y", 0),
                ("xanchor", "left"),
                ("yanchor", "top"),
                ("yshift", -62),
                ("align", "left"),
                ("showarrow", false),
                ("font", FigureParts.Obj(("size", 11)))));
        }

        var extra = noteLines.Count * NoteLineHeight;
        var title = $"{Capitalise(measure)} per {unit}: {series.Name}";
        var layout = FigureParts.Layout(
            title,
            480 + extra,
            synthetic,
            drawn.Shapes,
            notes,
            ("xaxis", FigureParts.Obj(("type", "date"), ("title", FigureParts.Obj(("text", "bin start (" + unit + ")"))))),
            ("yaxis", FigureParts.Obj(("title", FigureParts.Obj(("text", $"{measure} per {unit}"))), ("rangemode", "tozero"))),
            ("barmode", "overlay"),
            ("hovermode", "closest"),
            ("showlegend", true),
            ("legend", FigureParts.Obj(("orientation", "h"), ("x", 0), ("y", 1.02), ("yanchor", "bottom"))),
            ("margin", FigureParts.Obj(("t", 90), ("b", 70 + extra), ("l", 60), ("r", 20))));
        return FigureParts.Figure(fatalities ? "timeline-fatalities" : "timeline", title, traces, layout);
    }

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
                var at = PlotlyText.Date(target.Start);
                placement.Shapes.Add(FigureParts.Shape(
                    ("name", name),
                    ("type", "line"),
                    ("xref", "x"),
                    ("yref", "paper"),
                    ("x0", at),
                    ("x1", at),
                    ("y0", 0),
                    ("y1", 1),
                    ("line", FigureParts.Obj(("color", MentionColor), ("width", 1.5), ("dash", "dot")))));
                placement.Marks.Add(new Mark(view, target.Start, hover));
                continue;
            }

            var start = target.Start < first ? first : target.Start;
            var end = target.End > last ? last : target.End;
            if (start != target.Start || end != target.End)
            {
                hover += PlotlyText.Break + "shading clipped to the charted range";
            }

            placement.Shapes.Add(FigureParts.Shape(
                ("name", name),
                ("type", "rect"),
                ("xref", "x"),
                ("yref", "paper"),
                ("x0", PlotlyText.Date(start)),
                ("x1", PlotlyText.Date(end.AddDays(1))),
                ("y0", 0),
                ("y1", 1),
                ("fillcolor", PeriodFill),
                ("line", FigureParts.Obj(("width", 0))),
                ("layer", "below")));
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
