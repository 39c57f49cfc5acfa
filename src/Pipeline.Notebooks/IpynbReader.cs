using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Notebooks;

/// <summary>
/// Reads nbformat 4 JSON, checking it as it goes (errors name the file and the JSON line). Unknown metadata and
/// outputs are kept as JSON; nothing is dropped silently.
/// </summary>
/// <remarks>
/// Not <c>Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook.Parse</c> (1.0.0-beta.26120.1): it reads a
/// <c>raw</c> cell as a C# code cell (which would then run) and drops markdown attachments;
/// <c>DocumentsLimitTests</c> holds those findings, so a version that fixes them shows up.
/// </remarks>
internal static class IpynbReader
{
    public static NotebookDocument Read(string json, string path)
    {
        JsonNode? root;
        try
        {
            // Duplicate keys are an error at parse time (with a line), not later when a cell is read.
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new NotebookFormatException(path, $"not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        if (root is not JsonObject nb)
        {
            throw new NotebookFormatException(path, "the top level is not a JSON object; an .ipynb file holds one");
        }

        var major = nb["nbformat"] is JsonValue v && v.TryGetValue<int>(out var m) ? m : (int?)null;
        if (major != 4)
        {
            throw new NotebookFormatException(path, $"nbformat {(major?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing")} is not supported; save it as nbformat 4");
        }

        if (nb["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException(path, "no 'cells' array");
        }

        var result = new List<NotebookCell>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            result.Add(ReadCell(cells[i] as JsonObject ?? throw new NotebookFormatException(path, $"cell {i + 1} is not an object"), i, path));
        }

        return new NotebookDocument
        {
            Cells = result,
            Metadata = nb["metadata"] is JsonObject meta ? (JsonObject)meta.DeepClone() : [],
            SourceFormat = NotebookFormat.Ipynb,
        };
    }

    private static NotebookCell ReadCell(JsonObject cell, int index, string path)
    {
        var type = cell["cell_type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var kind = type switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException(path, $"cell {index + 1} has cell_type '{type ?? "(missing)"}'; expected code, markdown or raw"),
        };
        return new NotebookCell
        {
            Kind = kind,
            Source = Source(cell["source"], index, path),
            Id = cell["id"] is JsonValue id && id.TryGetValue<string>(out var idText) ? idText : null,
            Metadata = cell["metadata"] is JsonObject meta ? (JsonObject)meta.DeepClone() : [],
            ExecutionCount = cell["execution_count"] is JsonValue c && c.TryGetValue<int>(out var count) ? count : null,
            Outputs = cell["outputs"] is JsonArray outputs ? outputs.OfType<JsonObject>().Select(o => (CellOutput)new RawOutput((JsonObject)o.DeepClone())).ToList() : [],
            Attachments = cell["attachments"] is JsonObject a ? (JsonObject)a.DeepClone() : null,
        };
    }

    /// <summary>nbformat allows a source as one string or as a list of line strings.</summary>
    private static string Source(JsonNode? node, int index, string path) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray lines => string.Concat(lines.Select(l => l is JsonValue lv && lv.TryGetValue<string>(out var line)
            ? line
            : throw new NotebookFormatException(path, $"cell {index + 1}: source lines must be strings"))),
        _ => throw new NotebookFormatException(path, $"cell {index + 1}: source must be a string or a list of strings"),
    };
}
