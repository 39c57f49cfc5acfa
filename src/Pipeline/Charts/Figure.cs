using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Charts;

/// <summary>
/// A Plotly figure as plotly.js reads it (<c>{"data":…,"layout":…,"frames":[]}</c>): the project's own typed chart
/// model. Every record below is a part of Plotly's figure schema; its JSON property names are the plotly.js attribute
/// names (the C# name lower-cased, or <see cref="JsonPropertyNameAttribute"/> where plotly.js spells it otherwise),
/// and unset (<c>null</c>) properties are left out, so a misspelled attribute does not compile and what is written is
/// only what a chart set. It needs nothing but the BCL, so the library loads the same in a report run, the headless
/// notebook runner and a .NET Interactive kernel.
/// </summary>
/// <param name="Data">The traces, in drawing order.</param>
/// <param name="Layout">The layout.</param>
internal sealed record Figure(IReadOnlyList<Trace> Data, Layout Layout)
{
    // Source-generated metadata (no reflection warm-up in a report run or a kernel); the naming policy is applied at run time.
    internal static readonly FigureJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = new LowerCaseNamingPolicy(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Text stays readable (non-ASCII as is); ChartHtml escapes what a script element cannot hold.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Animation frames: none, but plotly.js's figure shape has the key.</summary>
    public IReadOnlyList<Layout> Frames { get; } = [];

    /// <summary>The figure as JSON: properties in declaration order, so the same figure always gives the same bytes.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Context.Figure);

    /// <summary>Plotly's attribute names are the C# names lower-cased (<c>HoverTemplate</c> → <c>hovertemplate</c>).</summary>
    private sealed class LowerCaseNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}

/// <summary>The source-generated serializer metadata of <see cref="Figure"/> and its parts.</summary>
[JsonSerializable(typeof(Figure))]
internal sealed partial class FigureJsonContext : JsonSerializerContext;

/// <summary>A trace: one series of a figure. Its Plotly <c>type</c> is written first, from the record's kind, then
/// its name and values, then the kind's own attributes, then the hover attributes.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ScatterTrace), "scatter")]
[JsonDerivedType(typeof(BarTrace), "bar")]
[JsonDerivedType(typeof(HeatmapTrace), "heatmap")]
[JsonDerivedType(typeof(ScatterGeoTrace), "scattergeo")]
internal abstract record Trace
{
    /// <summary>The legend and hover name.</summary>
    [JsonPropertyOrder(-1)]
    public string? Name { get; init; }

    /// <summary>The x values.</summary>
    [JsonPropertyOrder(-1)]
    public DataArray? X { get; init; }

    /// <summary>The y values.</summary>
    [JsonPropertyOrder(-1)]
    public DataArray? Y { get; init; }

    /// <summary>Data carried by each point (the mention or target id), for hover handlers and tests.</summary>
    public IReadOnlyList<string>? CustomData { get; init; }

    /// <summary>Hover text per point (<c>null</c> for the gaps between segments).</summary>
    public IReadOnlyList<string?>? HoverText { get; init; }

    /// <summary>What the hover shows (<c>text</c>, <c>skip</c>).</summary>
    public string? HoverInfo { get; init; }

    /// <summary>A hover template (<c>%{x}</c>, <c>%{y}</c> …).</summary>
    public string? HoverTemplate { get; init; }

    /// <summary>The x axis the trace is drawn on in a figure of subplots (<c>x2</c>, <c>x3</c> …); null for the first.</summary>
    public string? XAxis { get; init; }

    /// <summary>The y axis the trace is drawn on in a figure of subplots (<c>y2</c> …); null for the first.</summary>
    public string? YAxis { get; init; }

    /// <summary>Whether the trace has a legend entry (<c>false</c> for the repeats of a series drawn in every subplot).</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Traces of one group share their legend entry: clicking it shows or hides them all.</summary>
    public string? LegendGroup { get; init; }
}

/// <summary>A <c>scatter</c> trace: lines, markers, text, filled areas.</summary>
internal sealed record ScatterTrace : Trace
{
    /// <summary><c>lines</c>, <c>markers</c>, <c>markers+text</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>Area fill (<c>toself</c>).</summary>
    public string? Fill { get; init; }

    /// <summary>The fill's colour.</summary>
    public string? FillColor { get; init; }

    /// <summary>Whether gaps (<c>null</c> values) are bridged.</summary>
    public bool? ConnectGaps { get; init; }

    /// <summary>Text drawn at each point.</summary>
    public IReadOnlyList<string>? Text { get; init; }

    /// <summary>Where the text sits (<c>middle right</c>).</summary>
    public string? TextPosition { get; init; }

    /// <summary>The text's font.</summary>
    public Font? TextFont { get; init; }

    /// <summary>The line.</summary>
    public Line? Line { get; init; }

    /// <summary>The markers.</summary>
    public Marker? Marker { get; init; }

    /// <summary>Horizontal error bars.</summary>
    [JsonPropertyName("error_x")]
    public ErrorBar? ErrorX { get; init; }

    /// <summary><c>false</c>: markers and text at the plot's edge are drawn whole, into the margin.</summary>
    public bool? ClipOnAxis { get; init; }
}

/// <summary>A <c>bar</c> trace.</summary>
internal sealed record BarTrace : Trace
{
    /// <summary>The bars' colour.</summary>
    public Marker? Marker { get; init; }
}

/// <summary>A <c>heatmap</c> trace.</summary>
internal sealed record HeatmapTrace : Trace
{
    /// <summary>The cells, one row per y value (<c>null</c> for a gap).</summary>
    public IReadOnlyList<IReadOnlyList<double?>>? Z { get; init; }

    /// <summary>The colour scale, from 0 to 1.</summary>
    public IReadOnlyList<ColorStop>? ColorScale { get; init; }

    /// <summary>The colour bar.</summary>
    public ColorBar? ColorBar { get; init; }

    /// <summary>Gap between columns, in pixels.</summary>
    public int? XGap { get; init; }

    /// <summary>Gap between rows, in pixels.</summary>
    public int? YGap { get; init; }
}

/// <summary>A <c>scattergeo</c> trace: markers at longitude/latitude on the layout's <see cref="Geo"/> map.</summary>
internal sealed record ScatterGeoTrace : Trace
{
    /// <summary>Longitudes, degrees east.</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<double>? Lon { get; init; }

    /// <summary>Latitudes, degrees north.</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<double>? Lat { get; init; }

    /// <summary><c>markers</c>.</summary>
    public string? Mode { get; init; }

    /// <summary><c>true</c>, or <c>legendonly</c>: listed in the legend but drawn only once the reader clicks it.</summary>
    public TraceVisibility? Visible { get; init; }

    /// <summary>The markers.</summary>
    public GeoMarker? Marker { get; init; }
}

/// <summary>Whether a trace is drawn: <c>true</c>, <c>false</c> or <c>"legendonly"</c> (in the legend, hidden until clicked).</summary>
[JsonConverter(typeof(TraceVisibilityConverter))]
internal sealed record TraceVisibility
{
    private TraceVisibility(string text) => Text = text;

    /// <summary>The value as plotly.js reads it.</summary>
    public string Text { get; }

    /// <summary>Drawn.</summary>
    public static TraceVisibility Shown { get; } = new("true");

    /// <summary>Listed in the legend, drawn once the reader clicks its entry.</summary>
    public static TraceVisibility LegendOnly { get; } = new("legendonly");
}

/// <summary>A geo trace's markers: one size for all, or one per point (a count drawn as area).</summary>
internal sealed record GeoMarker
{
    /// <summary>Colour.</summary>
    public string? Color { get; init; }

    /// <summary>Symbol (<c>circle</c>, <c>circle-open</c>).</summary>
    public string? Symbol { get; init; }

    /// <summary>Size in pixels: one number, or one per point.</summary>
    public MarkerSize? Size { get; init; }

    /// <summary>Opacity, 0 to 1, so overlapping points stay readable.</summary>
    public double? Opacity { get; init; }

    /// <summary>The marker's outline.</summary>
    public Line? Line { get; init; }
}

/// <summary>A marker size: one number, or one per point.</summary>
[JsonConverter(typeof(MarkerSizeConverter))]
internal sealed record MarkerSize
{
    private MarkerSize(double? one, IReadOnlyList<double>? each) => (One, Each) = (one, each);

    /// <summary>The size of every point, when one.</summary>
    public double? One { get; }

    /// <summary>The size of each point, when per point.</summary>
    public IReadOnlyList<double>? Each { get; }

    /// <summary>One size for all points.</summary>
    public static implicit operator MarkerSize(double size) => new(size, null);

    /// <summary>One size per point.</summary>
    public static implicit operator MarkerSize(double[] sizes) => new(null, sizes);
}

/// <summary>The map of <see cref="ScatterGeoTrace"/>s: which part of the world, at what resolution, with which borders.</summary>
internal sealed record Geo
{
    /// <summary>Natural Earth resolution of the outlines: 110 (1:110m, the small world file) or 50.</summary>
    public int? Resolution { get; init; }

    /// <summary>The projection.</summary>
    public GeoProjection? Projection { get; init; }

    /// <summary>The longitudes shown.</summary>
    public GeoAxis? LonAxis { get; init; }

    /// <summary>The latitudes shown.</summary>
    public GeoAxis? LatAxis { get; init; }

    /// <summary>Whether country borders are drawn.</summary>
    public bool? ShowCountries { get; init; }

    /// <summary>Border colour.</summary>
    public string? CountryColor { get; init; }

    /// <summary>Whether land is filled.</summary>
    public bool? ShowLand { get; init; }

    /// <summary>Land colour.</summary>
    public string? LandColor { get; init; }

    /// <summary>Whether coastlines are drawn.</summary>
    public bool? ShowCoastlines { get; init; }

    /// <summary>Coastline colour.</summary>
    public string? CoastlineColor { get; init; }
}

/// <summary>A geo projection.</summary>
/// <param name="Type">The projection's name (<c>equirectangular</c>, <c>mercator</c>).</param>
internal sealed record GeoProjection(string Type);

/// <summary>A geo axis's range, in degrees.</summary>
/// <param name="Range">First and last degree shown.</param>
internal sealed record GeoAxis(IReadOnlyList<double> Range);

/// <summary>A figure's layout.</summary>
internal sealed record Layout
{
    /// <summary>The chart's title.</summary>
    public Title? Title { get; init; }

    /// <summary>Height in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>The x axis.</summary>
    public Axis? XAxis { get; init; }

    /// <summary>The y axis.</summary>
    public Axis? YAxis { get; init; }

    /// <summary>How bar traces share a position (<c>stack</c>, <c>overlay</c>).</summary>
    public string? BarMode { get; init; }

    /// <summary>Gap between bars, a fraction of their width.</summary>
    public double? BarGap { get; init; }

    /// <summary>Hover mode (<c>closest</c>).</summary>
    public string? HoverMode { get; init; }

    /// <summary>Whether the legend is shown.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>The legend.</summary>
    public Legend? Legend { get; init; }

    /// <summary>The margins.</summary>
    public Margin? Margin { get; init; }

    /// <summary>Lines and rectangles.</summary>
    public IReadOnlyList<Shape>? Shapes { get; init; }

    /// <summary>Text placed on the figure.</summary>
    public IReadOnlyList<Annotation>? Annotations { get; init; }

    /// <summary>The axes of subplots 2, 3, … of a figure of subplots, written as plotly.js names them
    /// (<c>xaxis2</c>, <c>yaxis2</c>, …); the first subplot's are <see cref="XAxis"/> and <see cref="YAxis"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<(Axis X, Axis Y)>? MoreAxes { get; init; }

    /// <summary><see cref="MoreAxes"/> as the layout keys plotly.js reads (a layout's axis keys are numbered, so
    /// they cannot be declared properties), each axis written by the same typed serializer.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? NumberedAxes
    {
        get
        {
            if (MoreAxes is not { Count: > 0 } axes)
            {
                return null;
            }

            var keys = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
            for (var i = 0; i < axes.Count; i++)
            {
                var n = (i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
                keys["xaxis" + n] = JsonSerializer.SerializeToElement(axes[i].X, Figure.Context.Axis);
                keys["yaxis" + n] = JsonSerializer.SerializeToElement(axes[i].Y, Figure.Context.Axis);
            }

            return keys;
        }
    }
    /// <summary>The map that <see cref="ScatterGeoTrace"/>s are drawn on.</summary>
    public Geo? Geo { get; init; }
}

/// <summary>A title (of the chart, an axis or a colour bar).</summary>
/// <param name="Text">The title, in Plotly's text markup.</param>
internal sealed record Title(string Text);

/// <summary>An axis.</summary>
internal sealed record Axis
{
    /// <summary><c>date</c> or <c>category</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>false</c>: the axis (line, ticks, title, grid) is not drawn.</summary>
    public bool? Visible { get; init; }

    /// <summary>The axis title.</summary>
    public Title? Title { get; init; }

    /// <summary><c>tozero</c>: the range always includes 0.</summary>
    public string? RangeMode { get; init; }

    /// <summary>A fixed range (two numbers or two dates), so panels share an axis or nothing is drawn off the plot.</summary>
    public IReadOnlyList<Datum>? Range { get; init; }

    /// <summary>Whether the axis draws its own zero line.</summary>
    public bool? ZeroLine { get; init; }

    /// <summary><c>array</c>: categories in <see cref="CategoryArray"/>'s order.</summary>
    public string? CategoryOrder { get; init; }

    /// <summary>The categories, in order.</summary>
    public IReadOnlyList<string>? CategoryArray { get; init; }

    /// <summary><c>reversed</c>: first category on top.</summary>
    public string? AutoRange { get; init; }

    /// <summary>Whether the margin grows to fit the tick labels.</summary>
    public bool? AutoMargin { get; init; }

    /// <summary>The tick labels' font.</summary>
    public Font? TickFont { get; init; }

    /// <summary>The part of the figure's width (x axis) or height (y axis) the axis spans, from 0 to 1 (subplots).</summary>
    public IReadOnlyList<double>? Domain { get; init; }

    /// <summary>The axis this one is drawn against (<c>y2</c> for <c>xaxis2</c>), so each subplot's axes meet.</summary>
    public string? Anchor { get; init; }
}

/// <summary>The legend's placement.</summary>
internal sealed record Legend
{
    /// <summary><c>h</c> (horizontal) or <c>v</c>.</summary>
    public string? Orientation { get; init; }

    /// <summary>x position, a fraction of the plot's width.</summary>
    public double? X { get; init; }

    /// <summary>y position, a fraction of the plot's height.</summary>
    public double? Y { get; init; }

    /// <summary>Which side of the legend sits at <see cref="Y"/>.</summary>
    public string? YAnchor { get; init; }
}

/// <summary>Margins around the plot, in pixels.</summary>
/// <param name="T">Top.</param>
/// <param name="B">Bottom.</param>
/// <param name="L">Left.</param>
/// <param name="R">Right.</param>
internal sealed record Margin(int T, int B, int L, int R);

/// <summary>A layout shape (line, rectangle).</summary>
internal sealed record Shape
{
    /// <summary>The shape's name (<c>zero</c>, <c>mention-{id}</c>), for tests and readers of the JSON.</summary>
    public string? Name { get; init; }

    /// <summary><c>line</c> or <c>rect</c>.</summary>
    public string? Type { get; init; }

    /// <summary>What x refers to (<c>x</c>: data; <c>paper</c>: the plot's width).</summary>
    public string? XRef { get; init; }

    /// <summary>What y refers to.</summary>
    public string? YRef { get; init; }

    /// <summary>Start x (a number or a date).</summary>
    public Datum? X0 { get; init; }

    /// <summary>End x.</summary>
    public Datum? X1 { get; init; }

    /// <summary>Start y.</summary>
    public double? Y0 { get; init; }

    /// <summary>End y.</summary>
    public double? Y1 { get; init; }

    /// <summary>A rectangle's fill.</summary>
    public string? FillColor { get; init; }

    /// <summary>The outline.</summary>
    public Line? Line { get; init; }

    /// <summary><c>below</c>: drawn under the traces.</summary>
    public string? Layer { get; init; }
}

/// <summary>A layout annotation (text placed on the figure).</summary>
internal sealed record Annotation
{
    /// <summary>The annotation's name, for tests and readers of the JSON.</summary>
    public string? Name { get; init; }

    /// <summary>The text, in Plotly's markup.</summary>
    public string? Text { get; init; }

    /// <summary>What x refers to.</summary>
    public string? XRef { get; init; }

    /// <summary>What y refers to.</summary>
    public string? YRef { get; init; }

    /// <summary>x position.</summary>
    public double? X { get; init; }

    /// <summary>y position.</summary>
    public double? Y { get; init; }

    /// <summary>Which side of the text sits at <see cref="X"/>.</summary>
    public string? XAnchor { get; init; }

    /// <summary>Which side of the text sits at <see cref="Y"/>.</summary>
    public string? YAnchor { get; init; }

    /// <summary>Vertical shift, in pixels.</summary>
    public int? YShift { get; init; }

    /// <summary>Alignment of multi-line text.</summary>
    public string? Align { get; init; }

    /// <summary>Whether an arrow points at (x, y).</summary>
    public bool? ShowArrow { get; init; }

    /// <summary>The font.</summary>
    public Font? Font { get; init; }
}

/// <summary>A font.</summary>
internal sealed record Font
{
    /// <summary>Size in points.</summary>
    public double? Size { get; init; }

    /// <summary>Colour.</summary>
    public string? Color { get; init; }
}

/// <summary>A line (of a trace or a shape's outline).</summary>
internal sealed record Line
{
    /// <summary>Colour.</summary>
    public string? Color { get; init; }

    /// <summary>Width in pixels (0: none).</summary>
    public double? Width { get; init; }

    /// <summary>Dash style (<c>dot</c>).</summary>
    public string? Dash { get; init; }
}

/// <summary>Markers (or a bar trace's bars).</summary>
internal sealed record Marker
{
    /// <summary>Colour.</summary>
    public string? Color { get; init; }

    /// <summary>Symbol (<c>circle</c>, <c>circle-open</c>, <c>diamond</c>).</summary>
    public string? Symbol { get; init; }

    /// <summary>Size in pixels.</summary>
    public double? Size { get; init; }
}

/// <summary>Error bars given as distances from each point.</summary>
internal sealed record ErrorBar
{
    /// <summary><c>data</c>: lengths from <see cref="Array"/> and <see cref="ArrayMinus"/>.</summary>
    public string? Type { get; init; }

    /// <summary>Whether both sides use <see cref="Array"/>.</summary>
    public bool? Symmetric { get; init; }

    /// <summary>Length above (right of) each point.</summary>
    public IReadOnlyList<double?>? Array { get; init; }

    /// <summary>Length below (left of) each point.</summary>
    public IReadOnlyList<double?>? ArrayMinus { get; init; }

    /// <summary>Colour.</summary>
    public string? Color { get; init; }

    /// <summary>Line width of the bars.</summary>
    public double? Thickness { get; init; }

    /// <summary>Width of the caps.</summary>
    public double? Width { get; init; }
}

/// <summary>A heatmap's colour bar.</summary>
/// <param name="Title">Its title.</param>
internal sealed record ColorBar(Title Title);

/// <summary>One stop of a colour scale, written as plotly.js reads it: <c>[at, color]</c>.</summary>
/// <param name="At">Where, from 0 to 1.</param>
/// <param name="Color">The colour there.</param>
[JsonConverter(typeof(ColorStopConverter))]
internal sealed record ColorStop(double At, string Color);

/// <summary>
/// One coordinate that is a number or a date (a shape's x0 on a numeric or a date axis).
/// </summary>
[JsonConverter(typeof(DatumConverter))]
internal sealed record Datum
{
    private Datum(double? number, string? text) => (Number, Text) = (number, text);

    /// <summary>The number, when it is one.</summary>
    public double? Number { get; }

    /// <summary>The text (a <c>yyyy-MM-dd</c> date), when it is one.</summary>
    public string? Text { get; }

    /// <summary>A number.</summary>
    public static implicit operator Datum(double number) => new(number, null);

    /// <summary>A date as Plotly's date axes read it.</summary>
    public static implicit operator Datum(DateOnly date) => new(null, PlotlyText.Date(date));
}

/// <summary>
/// A trace's x or y values: numbers (non-finite ones written as <c>null</c>, a gap, since JSON has no NaN) or text
/// (dates as <c>yyyy-MM-dd</c>, category labels; <c>null</c> for a gap).
/// </summary>
[JsonConverter(typeof(DataArrayConverter))]
internal sealed record DataArray
{
    private DataArray(IReadOnlyList<double?>? numbers, IReadOnlyList<string?>? texts) => (Numbers, Texts) = (numbers, texts);

    /// <summary>The numbers, when the values are numbers.</summary>
    public IReadOnlyList<double?>? Numbers { get; }

    /// <summary>The texts, when the values are text.</summary>
    public IReadOnlyList<string?>? Texts { get; }

    /// <summary>Numbers, non-finite ones as gaps.</summary>
    public static implicit operator DataArray(double[] values) => new(PlotlyText.Finite(values), null);

    /// <summary>Numbers with gaps.</summary>
    public static implicit operator DataArray(double?[] values) => new(values.Select(v => v is { } d ? PlotlyText.Finite(d) : null).ToArray(), null);

    /// <summary>Text values.</summary>
    public static implicit operator DataArray(string?[] values) => new(null, values);

    /// <summary>Dates.</summary>
    public static implicit operator DataArray(DateOnly[] values) => new(null, values.Select(PlotlyText.Date).ToArray());
}

/// <summary>A converter for a part of a figure, which is only ever written: reading one is not supported.</summary>
/// <typeparam name="T">The part.</typeparam>
internal abstract class WriteOnlyConverter<T> : JsonConverter<T>
{
    /// <inheritdoc/>
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("figures are only written");
}

/// <summary>Writes a <see cref="ColorStop"/> as <c>[at, color]</c>.</summary>
internal sealed class ColorStopConverter : WriteOnlyConverter<ColorStop>
{
    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ColorStop value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.At);
        writer.WriteStringValue(value.Color);
        writer.WriteEndArray();
    }
}

/// <summary>Writes a <see cref="TraceVisibility"/> as <c>true</c> or <c>"legendonly"</c>.</summary>
internal sealed class TraceVisibilityConverter : WriteOnlyConverter<TraceVisibility>
{
    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TraceVisibility value, JsonSerializerOptions options)
    {
        if (value.Text == "true")
        {
            writer.WriteBooleanValue(true);
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}

/// <summary>Writes a <see cref="MarkerSize"/> as a number or an array of numbers.</summary>
internal sealed class MarkerSizeConverter : WriteOnlyConverter<MarkerSize>
{
    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, MarkerSize value, JsonSerializerOptions options)
    {
        if (value.One is { } one)
        {
            writer.WriteNumberValue(one);
            return;
        }

        writer.WriteStartArray();
        foreach (var d in value.Each ?? [])
        {
            writer.WriteNumberValue(d);
        }

        writer.WriteEndArray();
    }
}

/// <summary>Writes a <see cref="Datum"/> as a JSON number or string.</summary>
internal sealed class DatumConverter : WriteOnlyConverter<Datum>
{
    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Datum value, JsonSerializerOptions options)
    {
        if (value.Number is { } n)
        {
            writer.WriteNumberValue(n);
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}

/// <summary>Writes a <see cref="DataArray"/> as a JSON array of numbers or strings, gaps as <c>null</c>.</summary>
internal sealed class DataArrayConverter : WriteOnlyConverter<DataArray>
{
    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DataArray value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var n in value.Numbers ?? [])
        {
            if (n is { } d)
            {
                writer.WriteNumberValue(d);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        foreach (var s in value.Texts ?? [])
        {
            writer.WriteStringValue(s);
        }

        writer.WriteEndArray();
    }
}
