using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.Tests.Charts;

/// <summary>Figures read back from a report page, and a canonical form of figure JSON for comparing parsed figures.</summary>
internal static partial class FigureJson
{
    /// <summary>Every <c>Plotly.newPlot(id, data, layout, config)</c> of a page, in page order, as (id, data, layout).</summary>
    public static IReadOnlyList<(string Id, JsonElement Data, JsonElement Layout)> FromPage(string html)
    {
        var figures = new List<(string, JsonElement, JsonElement)>();
        foreach (Match m in NewPlot().Matches(html))
        {
            var bytes = Encoding.UTF8.GetBytes(html[m.Index..]);
            var reader = new Utf8JsonReader(bytes.AsSpan(Encoding.UTF8.GetByteCount(m.Value)));
            var data = JsonElement.ParseValue(ref reader);
            var rest = Encoding.UTF8.GetByteCount(m.Value) + (int)reader.BytesConsumed;
            Assert.Equal((byte)',', bytes[rest]);
            var layoutReader = new Utf8JsonReader(bytes.AsSpan(rest + 1));
            var layout = JsonElement.ParseValue(ref layoutReader);
            figures.Add((m.Groups[1].Value, data, layout));
        }

        return figures;
    }

    /// <summary>
    /// The JSON with object keys sorted (ordinal) and numbers written as doubles, so two figures that parse to the same
    /// values (whatever their key order or number spelling) give the same text.
    /// </summary>
    public static string Canonical(JsonElement e)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, e);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The first 16 hex digits of the SHA-256 of <see cref="Canonical"/>.</summary>
    public static string Hash(JsonElement e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))))[..16];

    private static void Write(Utf8JsonWriter w, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    w.WritePropertyName(p.Name);
                    Write(w, p.Value);
                }

                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray())
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case JsonValueKind.Number:
                w.WriteNumberValue(e.GetDouble());
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }

    [GeneratedRegex("""Plotly\.newPlot\("(chart-[a-z0-9-]+)", """)]
    private static partial Regex NewPlot();
}
