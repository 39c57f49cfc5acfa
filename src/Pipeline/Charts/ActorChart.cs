using Pipeline.Intensity;

namespace Pipeline.Charts;

/// <summary>
/// Events per bin whose actors match each of the report's actor texts: one line per text that matches any event,
/// so a reader sees when each actor appears in the record. A match is a text match on how the dataset names actors.
/// </summary>
/// <remarks>
/// One <see cref="ScatterTrace"/> per series with any event (precise and imprecise, <see cref="IntensitySeries.AllEvents"/>,
/// the values of <c>tables/actors.csv</c>), named by its text, in the given order, each with a fixed colour and dash
/// (<see cref="Colours"/>). Texts that match nothing are named in a note (<see cref="NoMatchName"/>); when no text was
/// given or none matches, there are no traces and one note says so.
/// </remarks>
internal static class ActorChart
{
    /// <summary>Name of the note listing actor texts that match no event (or saying none was given).</summary>
    public const string NoMatchName = "no-actor-match";

    /// <summary>Okabe–Ito colours (the yellow left out: too faint on white), one per actor text in order, then again with a dash.</summary>
    public static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

    private static readonly string[] Dashes = ["solid", "dash", "dot", "dashdot"];

    /// <summary>Builds the chart.</summary>
    /// <param name="byActor">One series per actor text (the text as its name), all over the same bins.</param>
    /// <param name="synthetic">Whether the data are synthetic: adds the "SYNTHETIC DATA" mark.</param>
    /// <returns>A figure named <c>actors</c>.</returns>
    public static ChartFigure Build(IReadOnlyList<IntensitySeries> byActor, bool synthetic)
    {
        SeriesAlignment.Check(byActor, nameof(byActor));
        var unit = byActor.Count > 0 ? PlotlyText.BinName(byActor[0].Bin) : "month";
        var matched = byActor.Select((s, i) => (Series: s, Index: i)).Where(x => x.Series.TotalEvents > 0).ToList();
        var unmatched = byActor.Where(s => s.TotalEvents <= 0).Select(s => $"“{PlotlyText.Data(s.Name)}”").ToList();
        var traces = matched.Select(x => (Trace)new ScatterTrace
        {
            Name = PlotlyText.Data(x.Series.Name),
            X = x.Series.BinStarts.ToArray(),
            Y = x.Series.AllEvents(),
            Mode = "lines",
            Line = new() { Color = Colours[x.Index % Colours.Length], Width = 1.8, Dash = Dashes[(x.Index / Colours.Length) % Dashes.Length] },
            HoverTemplate = $"%{{x|%Y-%m-%d}}: %{{y}} events naming %{{fullData.name}}<extra></extra>",
        }).ToList();
        var title = $"Events per {unit} whose actors match each actor text";
        var note = byActor.Count == 0 ? "No actor texts were given."
            : traces.Count == 0 ? $"No event's actors match any of the actor texts ({string.Join(", ", unmatched)})."
            : unmatched.Count > 0 ? $"No event matches {string.Join(", ", unmatched)}."
            : null;
        if (traces.Count == 0)
        {
            return FigureParts.NoteOnly("actors", title, NoMatchName, note!, synthetic);
        }

        Annotation[] notes = note is null ? [] : [FigureParts.Note(NoMatchName, note, 0, 0) with
        {
            XAnchor = "left",
            YAnchor = "top",
            YShift = -54,
            Align = "left",
            Font = new() { Size = 11 },
        }];
        var layout = FigureParts.Layout(title, 440 + (notes.Length * 20), synthetic, annotations: notes) with
        {
            XAxis = FigureParts.DateAxis(byActor[0].Bin),
            YAxis = new() { Title = new($"events per {unit}"), RangeMode = "tozero" },
            HoverMode = "closest",
            ShowLegend = true,
            Legend = FigureParts.LegendAbove,
            Margin = new(90, 60 + (notes.Length * 20) + (synthetic ? 18 : 0), 60, 20),
        };
        return new ChartFigure("actors", title, traces, layout);
    }
}
