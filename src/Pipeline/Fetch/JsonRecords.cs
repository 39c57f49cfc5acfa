using System.Globalization;
using System.Text.Json;

namespace Pipeline.Fetch;

/// <summary>
/// API records (JSON objects) as ordered name → text maps, the text being what a CSV export would hold:
/// strings as they are, numbers as written in the JSON, <c>null</c> as empty, nested values as JSON.
/// </summary>
internal static class JsonRecords
{
    public static OrderedDictionary<string, string> ToRecord(JsonElement obj)
    {
        var record = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            record[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString() ?? "",
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.Null or JsonValueKind.Undefined => "",
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => p.Value.GetRawText(),
            };
        }

        return record;
    }

    /// <summary>An integer property given as a number or a numeric string, or null.</summary>
    public static long? Integer(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    /// <summary>Parses a body, turning invalid or cut-off JSON into a <see cref="FetchException"/> that says so.</summary>
    public static JsonDocument Parse(byte[] body, string what, string url)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            var cut = ex.Message.Contains("end of data", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("incomplete", StringComparison.OrdinalIgnoreCase)
                ? "cut off" : "invalid";
            throw new FetchException(
                $"{what}: the response is not valid JSON ({cut} after {body.Length} bytes: {ex.Message})",
                "the download was probably interrupted or the server failed mid-answer; run the same command again (pages already downloaded are kept in the cache)",
                url);
        }
    }
}
