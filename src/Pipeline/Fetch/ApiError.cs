using System.Text.Json;

namespace Pipeline.Fetch;

/// <summary>
/// Finds the human message in an API error body, in the shapes ACLED, OAuth servers and UCDP use:
/// <c>{"message": …}</c>, <c>{"error": {"message": …}}</c>, <c>{"error": [{"message": …}]}</c>,
/// <c>{"error": "invalid_grant", "error_description": …}</c>, <c>{"messages": […]}</c>, <c>{"Message": …}</c>.
/// </summary>
internal static class ApiError
{
    /// <summary>The message, or a short excerpt of a non-JSON body, or null for an empty body.</summary>
    public static string? MessageOf(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            if (FromElement(doc.RootElement) is { } message)
            {
                return Shorten(message);
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page, a proxy message): show its start instead.
        }

        var text = System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 400)]).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? null : Shorten(text);
    }

    /// <summary>The message in an already parsed body, or null when it has none.</summary>
    public static string? FromElement(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return e.GetString();
            case JsonValueKind.Array:
                var parts = e.EnumerateArray().Select(FromElement).Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
                return parts.Count == 0 ? null : string.Join("; ", parts);
            case JsonValueKind.Object:
                foreach (var name in new[] { "error_description", "message", "Message", "messages", "detail", "title" })
                {
                    if (e.TryGetProperty(name, out var p) && FromElement(p) is { Length: > 0 } m)
                    {
                        return m;
                    }
                }

                return e.TryGetProperty("error", out var error) ? FromElement(error) : null;
            default:
                return null;
        }
    }

    private static string Shorten(string s) => s.Length <= 300 ? s : string.Concat(s.AsSpan(0, 297), "...");
}
