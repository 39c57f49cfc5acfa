using System.Globalization;
using Pipeline.Events;

namespace Pipeline.Charts;

/// <summary>The events inside one mention's study window, as the map draws them.</summary>
/// <param name="Label">The legend entry: the mention's number on the timeline and its short title ("3. Tripoli offensive (2019-04-04)").</param>
/// <param name="Events">The events in its before and after (or inside) windows, each once.</param>
internal sealed record MapWindow(string Label, IReadOnlyList<ConflictEvent> Events);

/// <summary>
/// Where the events are: one source's events on a map (plotly.js <c>scattergeo</c>, outlines from the embedded
/// topojson, so it draws offline), one trace per harmonised event type in that type's fixed colour
/// (<see cref="EventTypeColours"/>), so the legend toggles types; then one trace per studied mention with the events
/// inside its study window, hidden until the reader clicks its legend entry.
/// </summary>
/// <remarks>
/// <para>Event mode: one marker per event with coordinates, at its longitude and latitude rounded to 4 decimals
/// (about 11 m, finer than any source's own precision); the hover says the date, type, admin1 and fatalities and
/// nothing else (no notes, actors or ids).</para>
/// <para>Aggregate mode (a report meant for sharing, <c>--share</c>): no event is drawn. Events are counted per
/// <see cref="CellDegrees"/>° cell (per type, and per mention window) and each cell with events is one marker at the
/// cell's centre, its size growing with the count; the hover says the cell and the count.</para>
/// <para>The view is fitted to what is drawn, with a margin; events without coordinates are not drawn and a note
/// says how many.</para>
/// </remarks>
internal static class MapChart
{
    /// <summary>The side of an aggregate cell, in degrees.</summary>
    public const double CellDegrees = 0.5;

    /// <summary>The marker colour of the mention-window traces (open circles drawn over the type colours).</summary>
    public const string WindowColour = "#000000";

    /// <summary>Builds the map.</summary>
    /// <param name="events">The source's analysed events.</param>
    /// <param name="windows">The mention windows to offer in the legend, in mention-number order.</param>
    /// <param name="synthetic">Whether the data are synthetic: adds the "SYNTHETIC DATA" mark.</param>
    /// <param name="aggregateOnly">Counts per cell instead of events (see the remarks).</param>
    /// <returns>A figure named <c>map</c>.</returns>
    public static ChartFigure Build(IReadOnlyList<ConflictEvent> events, IReadOnlyList<MapWindow> windows, bool synthetic, bool aggregateOnly)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(windows);
        var placed = events.Where(HasCoordinates).ToList();
        var traces = new List<Trace>();
        foreach (var type in Enum.GetValues<HarmonisedEventType>())
        {
            var ofType = placed.Where(e => e.HarmonisedType == type).ToList();
            if (ofType.Count > 0)
            {
                traces.Add(aggregateOnly
                    ? Cells(type.DisplayName(), ofType, EventTypeColours.Of(type), "circle", TraceVisibility.Shown)
                    : Points(type.DisplayName(), ofType, EventTypeColours.Of(type), "circle", TraceVisibility.Shown, withType: false));
            }
        }

        foreach (var w in windows)
        {
            var inWindow = w.Events.Where(HasCoordinates).ToList();
            traces.Add(aggregateOnly
                ? Cells(w.Label, inWindow, WindowColour, "circle-open", TraceVisibility.LegendOnly)
                : Points(w.Label, inWindow, WindowColour, "circle-open", TraceVisibility.LegendOnly, withType: true));
        }

        var title = aggregateOnly ? $"Events per {CellDegrees.ToString(CultureInfo.InvariantCulture)}° cell" : "Where the events are";
        var notes = new List<Annotation>();
        var unplaced = events.Count - placed.Count;
        if (placed.Count == 0)
        {
            notes.Add(FigureParts.Note("no-events", events.Count == 0 ? "no events in the selection" : "no event has coordinates", 0.5, 0.5));
        }
        else if (unplaced > 0)
        {
            notes.Add(FigureParts.Note("unplaced", unplaced == 1 ? "1 event without coordinates is not drawn" : $"{PlotlyText.Count(unplaced)} events without coordinates are not drawn", 0, 0) with
            {
                XAnchor = "left",
                YAnchor = "top",
                Font = new() { Size = 11, Color = "rgb(90, 90, 90)" },
            });
        }

        var layout = FigureParts.Layout(title, 560, synthetic, annotations: notes) with
        {
            // A geo layout with no geo trace is an unknown attribute to Plotly.validate, as barmode is without bars.
            Geo = placed.Count > 0 ? View(aggregateOnly ? placed.Select(e => (Cell(e.Longitude!.Value), Cell(e.Latitude!.Value))) : placed.Select(e => (e.Longitude!.Value, e.Latitude!.Value))) : null,
            ShowLegend = traces.Count > 0 ? true : null,
            HoverMode = traces.Count > 0 ? "closest" : null,
            Margin = new(70, 60, 10, 10),
        };
        return new ChartFigure("map", title, traces, layout);
    }

    private static bool HasCoordinates(ConflictEvent e) =>
        e.Latitude is { } lat && e.Longitude is { } lon && double.IsFinite(lat) && double.IsFinite(lon);

    /// <summary>One marker per event; the hover: date, (type,) admin1, fatalities.</summary>
    private static ScatterGeoTrace Points(string name, IReadOnlyList<ConflictEvent> events, string colour, string symbol, TraceVisibility visible, bool withType) => new()
    {
        Name = PlotlyText.Data(name),
        Lon = [.. events.Select(e => Math.Round(e.Longitude!.Value, 4))],
        Lat = [.. events.Select(e => Math.Round(e.Latitude!.Value, 4))],
        Mode = "markers",
        Visible = visible,
        Marker = new() { Color = colour, Symbol = symbol, Size = symbol == "circle" ? 6 : 9, Opacity = symbol == "circle" ? 0.7 : null },
        HoverText = [.. events.Select(e => Hover(e, withType))],
        HoverInfo = "text+name",
    };

    private static string Hover(ConflictEvent e, bool withType)
    {
        var type = withType ? " · " + e.HarmonisedType.DisplayName() : "";
        var admin1 = string.IsNullOrWhiteSpace(e.Admin1) ? "admin1 not given" : e.Admin1;
        return PlotlyText.Data($"{PlotlyText.Date(e.Date)}{type} · {admin1} · {PlotlyText.Count(e.Fatalities)} fatalities");
    }

    /// <summary>One marker per cell with events, at its centre, sized by the count; the hover: the cell and the count.</summary>
    private static ScatterGeoTrace Cells(string name, IReadOnlyList<ConflictEvent> events, string colour, string symbol, TraceVisibility visible)
    {
        var cells = events.GroupBy(e => (Lon: Cell(e.Longitude!.Value), Lat: Cell(e.Latitude!.Value)))
            .Select(g => (g.Key.Lon, g.Key.Lat, Count: g.Count()))
            .OrderBy(c => c.Lat).ThenBy(c => c.Lon).ToList();
        var max = cells.Count > 0 ? cells.Max(c => c.Count) : 1;
        return new()
        {
            Name = PlotlyText.Data(name),
            Lon = [.. cells.Select(c => c.Lon)],
            Lat = [.. cells.Select(c => c.Lat)],
            Mode = "markers",
            Visible = visible,
            Marker = new()
            {
                Color = colour,
                Symbol = symbol,
                Size = cells.Select(c => Math.Round(5 + (25 * Math.Sqrt((double)c.Count / max)), 1)).ToArray(),
                Opacity = symbol == "circle" ? 0.6 : null,
            },
            HoverText = [.. cells.Select(c => $"cell centred on {Degrees(c.Lat, 'N', 'S')}, {Degrees(c.Lon, 'E', 'W')}: {(c.Count == 1 ? "1 event" : PlotlyText.Count(c.Count) + " events")}")],
            HoverInfo = "text+name",
        };
    }

    /// <summary>The centre of the <see cref="CellDegrees"/>° cell holding <paramref name="degrees"/>.</summary>
    internal static double Cell(double degrees) => (Math.Floor(degrees / CellDegrees) * CellDegrees) + (CellDegrees / 2);

    private static string Degrees(double value, char positive, char negative) =>
        Math.Abs(value).ToString("0.00", CultureInfo.InvariantCulture) + "° " + (value >= 0 ? positive : negative);

    /// <summary>The map fitted to the points, with a margin of 8% of the span (at least 1°), world outlines at 1:110m.</summary>
    private static Geo View(IEnumerable<(double Lon, double Lat)> points)
    {
        var list = points.ToList();
        var (lonLow, lonHigh) = (list.Min(p => p.Lon), list.Max(p => p.Lon));
        var (latLow, latHigh) = (list.Min(p => p.Lat), list.Max(p => p.Lat));
        var lonPad = Math.Max(1, 0.08 * (lonHigh - lonLow));
        var latPad = Math.Max(1, 0.08 * (latHigh - latLow));
        return new()
        {
            Resolution = 110,
            Projection = new("equirectangular"),
            LonAxis = new([Math.Round(Math.Max(-180, lonLow - lonPad), 2), Math.Round(Math.Min(180, lonHigh + lonPad), 2)]),
            LatAxis = new([Math.Round(Math.Max(-90, latLow - latPad), 2), Math.Round(Math.Min(90, latHigh + latPad), 2)]),
            ShowCountries = true,
            CountryColor = "rgb(120, 120, 120)",
            ShowLand = true,
            LandColor = "rgb(243, 241, 236)",
            ShowCoastlines = true,
            CoastlineColor = "rgb(150, 150, 150)",
        };
    }
}
