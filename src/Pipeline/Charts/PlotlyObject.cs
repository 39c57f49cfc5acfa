using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Text;

namespace Pipeline.Charts;

/// <summary>
/// An object of Plotly's figure schema (a trace, the layout, a shape, an annotation, or a nested object such as
/// a font or an axis): named properties kept in the order they were first set, which fixes the JSON's byte
/// order. This is the project's own chart model; it needs nothing but the BCL, so the library loads the same in
/// a report run, the headless notebook runner and a .NET Interactive kernel.
/// </summary>
/// <remarks>Values may be <c>null</c>, strings, booleans, numbers (non-finite ones are written as <c>null</c>, a
/// gap, since JSON has no NaN), <see cref="DateOnly"/> (as <c>yyyy-MM-dd</c>), other <see cref="PlotlyObject"/>s,
/// and sequences of these (arrays, lists, nested arrays); anything else is refused when set.</remarks>
public class PlotlyObject
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Text stays readable (non-ASCII as is); ChartHtml escapes what a script element cannot hold.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<KeyValuePair<string, object?>> _properties = [];

    /// <summary>The properties, in the order first set.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Properties => _properties;

    /// <summary>A property's value, or <c>null</c> when it is not set.</summary>
    public object? this[string key] => TryGet(key, out var value) ? value : null;

    /// <summary>Sets a property; setting one again replaces its value and keeps its place.</summary>
    /// <returns>This object, so calls chain.</returns>
    /// <exception cref="ArgumentException">The key is blank or the value is of a type JSON cannot carry.</exception>
    public PlotlyObject Set(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Check(value, key);
        var i = _properties.FindIndex(p => p.Key == key);
        if (i >= 0)
        {
            _properties[i] = new(key, value);
        }
        else
        {
            _properties.Add(new(key, value));
        }

        return this;
    }

    /// <summary>Whether a property is set, and its value.</summary>
    public bool TryGet(string key, out object? value)
    {
        foreach (var p in _properties)
        {
            if (p.Key == key)
            {
                value = p.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The object as JSON, properties in order.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the object as a JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var (key, value) in _properties)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>The JSON writer options figures are written with.</summary>
    internal static JsonWriterOptions JsonOptions => WriterOptions;

    internal static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case double d:
                WriteDouble(writer, d);
                break;
            case float f:
                WriteDouble(writer, f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case DateOnly date:
                writer.WriteStringValue(IsoDate.Format(date));
                break;
            case PlotlyObject o:
                o.WriteTo(writer);
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"a {value.GetType().Name} cannot be written into a Plotly figure");
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double d)
    {
        if (double.IsFinite(d))
        {
            writer.WriteNumberValue(d);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void Check(object? value, string key)
    {
        switch (value)
        {
            case null or string or bool or double or float or decimal or int or long or short or byte or sbyte or ushort or uint or ulong or DateOnly or PlotlyObject:
                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Check(item, key);
                }

                return;
            default:
                throw new ArgumentException($"property '{key}': a {value.GetType().Name} cannot be written into a Plotly figure", nameof(value));
        }
    }
}

/// <summary>A trace: one series of a figure, of a Plotly trace type (<c>scatter</c>, <c>bar</c>, <c>heatmap</c>, …).</summary>
public sealed class Trace : PlotlyObject
{
    /// <summary>A trace of the given type; <c>type</c> is its first property.</summary>
    public Trace(string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Set("type", type);
    }

    /// <summary>The Plotly trace type.</summary>
    public string Type => (string)this["type"]!;

    /// <inheritdoc cref="PlotlyObject.Set"/>
    public new Trace Set(string key, object? value) => (Trace)base.Set(key, value);
}

/// <summary>A figure's layout (title, axes, legend, shapes, annotations).</summary>
public sealed class Layout : PlotlyObject
{
    /// <inheritdoc cref="PlotlyObject.Set"/>
    public new Layout Set(string key, object? value) => (Layout)base.Set(key, value);
}

/// <summary>A layout shape (line, rectangle).</summary>
public sealed class Shape : PlotlyObject
{
    /// <inheritdoc cref="PlotlyObject.Set"/>
    public new Shape Set(string key, object? value) => (Shape)base.Set(key, value);
}

/// <summary>A layout annotation (text placed on the figure).</summary>
public sealed class Annotation : PlotlyObject
{
    /// <inheritdoc cref="PlotlyObject.Set"/>
    public new Annotation Set(string key, object? value) => (Annotation)base.Set(key, value);
}
