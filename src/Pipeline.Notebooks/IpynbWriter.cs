using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Text;

namespace Pipeline.Notebooks;

/// <summary>
/// Writes nbformat 4.5 JSON the way Jupyter does (keys sorted, one-space indent, sources as line lists, a final
/// newline), so the same document always gives the same bytes. Missing or unusable cell ids are derived from the
/// cell's position and text, never drawn at random.
/// </summary>
/// <remarks>
/// Not <c>Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook.ToJupyterJson</c> (1.0.0-beta.26120.1), although
/// its layout is the same: it throws <see cref="InvalidCastException"/> on a notebook read from a file that has
/// <c>metadata.polyglot_notebook.kernelInfo</c> (every shipped notebook, and any VS Code saves), rewrites that key
/// in another shape when it is absent, and ends without a final newline; <c>DocumentsLimitTests</c> holds this.
/// </remarks>
internal static partial class IpynbWriter
{
    public const int NbformatMinor = 5;

    public static string Write(NotebookDocument doc)
    {
        var cells = new JsonArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Cells.Count; i++)
        {
            cells.Add(Cell(doc.Cells[i], i, ids));
        }

        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = doc.Metadata.DeepClone(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = NbformatMinor,
        };
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteSorted(w, root);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The id a cell is written with: its own when valid and unused, else one derived from position and text.</summary>
    internal static string StableId(NotebookCell cell, int index, ISet<string> used)
    {
        var id = cell.Id;
        if (id is null || !IdPattern().IsMatch(id) || used.Contains(id))
        {
            id = "cell-" + Sha256Hex.Of($"{index}\n{cell.Kind}\n{cell.Source}")[..12];
            var candidate = id;
            for (var n = 2; used.Contains(candidate); n++)
            {
                candidate = $"{id}-{n}";
            }

            id = candidate;
        }

        used.Add(id);
        return id;
    }

    private static JsonObject Cell(NotebookCell cell, int index, HashSet<string> ids)
    {
        var o = new JsonObject
        {
            ["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" },
            ["id"] = StableId(cell, index, ids),
            ["metadata"] = cell.Metadata.DeepClone(),
            ["source"] = Lines(cell.Source),
        };
        if (cell.Kind == CellKind.Code)
        {
            o["execution_count"] = cell.ExecutionCount;
            o["outputs"] = new JsonArray(cell.Outputs.Select(Output).ToArray<JsonNode?>());
        }
        else if (cell.Attachments is not null)
        {
            o["attachments"] = cell.Attachments.DeepClone();
        }

        return o;
    }

    private static JsonNode Output(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = Lines(s.Text) },
        DisplayOutput d => Display(d),
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.EName,
            ["evalue"] = e.EValue,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        },
        RawOutput r => r.Json.DeepClone(),
        _ => throw new ArgumentException($"unknown output {output.GetType().Name}", nameof(output)),
    };

    private static JsonObject Display(DisplayOutput d)
    {
        var data = new JsonObject();
        foreach (var (mime, text) in d.Data)
        {
            // A JSON MIME type (Plotly's application/vnd.plotly.v1+json) holds the JSON itself, as nbformat requires.
            data[mime] = mime.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text) : Lines(text);
        }

        var o = new JsonObject { ["data"] = data, ["metadata"] = new JsonObject() };
        if (d.ExecutionCount is { } count)
        {
            o["execution_count"] = count;
            o["output_type"] = "execute_result";
        }
        else
        {
            o["output_type"] = "display_data";
        }

        return o;
    }

    /// <summary>Jupyter's multiline string: a list of lines, each but the last ending in <c>\n</c>.</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            lines.Add(JsonValue.Create(text[start..end]));
            start = end;
        }

        return lines;
    }

    private static void WriteSorted(Utf8JsonWriter w, JsonNode? node)
    {
        switch (node)
        {
            case null:
                w.WriteNullValue();
                break;
            case JsonObject o:
                w.WriteStartObject();
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.WritePropertyName(key);
                    WriteSorted(w, value);
                }

                w.WriteEndObject();
                break;
            case JsonArray a:
                w.WriteStartArray();
                foreach (var item in a)
                {
                    WriteSorted(w, item);
                }

                w.WriteEndArray();
                break;
            default:
                node.WriteTo(w);
                break;
        }
    }

    /// <summary>nbformat 4.5's rule for cell ids.</summary>
    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex IdPattern();
}
