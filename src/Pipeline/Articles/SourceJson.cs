using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Articles;

/// <summary>The JSON value kinds the article schema distinguishes.</summary>
internal enum SourceKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value that remembers its byte offset. <see cref="JsonDocument"/> forgets where a
/// value was, and a validation error without a line number sends people hunting.
/// </summary>
internal sealed class SourceValue
{
    public SourceValue(SourceKind kind, int offset, string text, IReadOnlyList<SourceProperty>? properties = null, IReadOnlyList<SourceValue>? items = null)
    {
        Kind = kind;
        Offset = offset;
        Text = text;
        Properties = properties ?? [];
        Items = items ?? [];
    }

    public SourceKind Kind { get; }

    /// <summary>Byte offset of the value's first token in the (BOM-free) document.</summary>
    public int Offset { get; }

    /// <summary>The unescaped string, the number as written, or a short stand-in for containers.</summary>
    public string Text { get; }

    public IReadOnlyList<SourceProperty> Properties { get; }

    public IReadOnlyList<SourceValue> Items { get; }

    public string Describe() => Kind switch
    {
        SourceKind.Object => "an object",
        SourceKind.Array => "an array",
        SourceKind.String => "text",
        SourceKind.Number => "a number",
        SourceKind.True or SourceKind.False => "true/false",
        _ => "null",
    };
}

/// <summary>A property of a <see cref="SourceValue"/> object, with the offset of its name.</summary>
internal sealed record SourceProperty(string Name, int NameOffset, SourceValue Value);

/// <summary>Turns byte offsets into 1-based line and byte-column numbers.</summary>
internal sealed class LineMap
{
    private readonly List<int> lineStarts = [0];

    public LineMap(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public (long Line, long Column) Locate(int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - lineStarts[index] + 1);
    }
}

/// <summary>
/// Reads UTF-8 JSON into <see cref="SourceValue"/>s with <see cref="Utf8JsonReader"/>, tracking the
/// JSON path so a syntax error can say where it happened as well as on which line.
/// </summary>
internal sealed class SourceJsonParser
{
    private readonly List<string> path = [];

    /// <summary>The path of the value being read; after a failure, where the parser stopped.</summary>
    public string CurrentPath => "$" + string.Concat(path);

    public SourceValue Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        if (!reader.Read())
        {
            throw new JsonException("The document is empty.", "$", 0, 0);
        }

        var root = ReadValue(ref reader);

        // A second top-level value makes Read() throw; plain trailing whitespace returns false.
        reader.Read();
        return root;
    }

    public static string PropertySegment(string name)
    {
        var plain = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]);
        return plain ? "." + name : "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    public static string IndexSegment(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private SourceValue ReadValue(ref Utf8JsonReader reader)
    {
        var offset = checked((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<SourceProperty>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameOffset = checked((int)reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    path.Add(PropertySegment(name));
                    reader.Read();
                    properties.Add(new SourceProperty(name, nameOffset, ReadValue(ref reader)));
                    path.RemoveAt(path.Count - 1);
                }

                return new SourceValue(SourceKind.Object, offset, "{…}", properties: properties);

            case JsonTokenType.StartArray:
                var items = new List<SourceValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    path.Add(IndexSegment(items.Count));
                    items.Add(ReadValue(ref reader));
                    path.RemoveAt(path.Count - 1);
                }

                return new SourceValue(SourceKind.Array, offset, "[…]", items: items);

            case JsonTokenType.String:
                return new SourceValue(SourceKind.String, offset, reader.GetString()!);

            case JsonTokenType.Number:
                return new SourceValue(SourceKind.Number, offset, Encoding.UTF8.GetString(reader.ValueSpan));

            case JsonTokenType.True:
                return new SourceValue(SourceKind.True, offset, "true");

            case JsonTokenType.False:
                return new SourceValue(SourceKind.False, offset, "false");

            case JsonTokenType.Null:
                return new SourceValue(SourceKind.Null, offset, "null");

            default:
                throw new JsonException($"Unexpected token {reader.TokenType}.", CurrentPath, null, null);
        }
    }
}
