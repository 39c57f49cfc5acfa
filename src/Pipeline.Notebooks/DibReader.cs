using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Notebooks;

/// <summary>
/// Reads Polyglot Notebooks' <c>.dib</c> text: an optional <c>#!meta</c> JSON header, then cells each opened by a
/// kernel line (<c>#!csharp</c>, <c>#!markdown</c>, …). The format has no cell metadata, so a code cell whose first
/// line is <c>// tags: parameters</c> is given those tags (papermill's convention needs them).
/// </summary>
internal static partial class DibReader
{
    /// <summary>Kernel names that open a cell; any other <c>#!</c> line is a magic command inside a cell.</summary>
    private static readonly FrozenDictionary<string, string> Kernels = new Dictionary<string, string>
    {
        ["csharp"] = "csharp", ["c#"] = "csharp", ["cs"] = "csharp",
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", ["fs"] = "fsharp",
        ["pwsh"] = "pwsh", ["powershell"] = "pwsh",
        ["javascript"] = "javascript", ["js"] = "javascript",
        ["html"] = "html", ["sql"] = "sql", ["kql"] = "kql", ["mermaid"] = "mermaid", ["http"] = "http", ["python"] = "python",
        ["markdown"] = "markdown", ["md"] = "markdown",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static NotebookDocument Read(string text, string path)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var cells = new List<NotebookCell>();
        JsonObject? meta = null;
        string? kernel = null;
        var body = new List<string>();

        void Flush()
        {
            var content = Trim(body);
            body.Clear();
            if (kernel == "meta")
            {
                meta = ParseMeta(content, path);
                return;
            }

            if (kernel is null && content.Length == 0)
            {
                return;
            }

            cells.Add(Cell(kernel ?? "csharp", content));
        }

        foreach (var line in lines)
        {
            var m = Separator().Match(line);
            if (m.Success && (m.Groups[1].Value == "meta" || Kernels.ContainsKey(m.Groups[1].Value)))
            {
                Flush();
                kernel = m.Groups[1].Value == "meta" ? "meta" : Kernels[m.Groups[1].Value];
                continue;
            }

            body.Add(line);
        }

        Flush();
        var metadata = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["name"] = "C#", ["pygments_lexer"] = "csharp", ["version"] = "13.0" },
        };
        if (meta is not null)
        {
            metadata["polyglot_notebook"] = meta;
        }

        return new NotebookDocument { Cells = cells, Metadata = metadata, SourceFormat = NotebookFormat.Dib };
    }

    private static NotebookCell Cell(string kernel, string content)
    {
        if (kernel == "markdown")
        {
            return new NotebookCell { Kind = CellKind.Markdown, Source = content };
        }

        var metadata = new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = kernel } };
        var first = content.Split('\n', 2)[0];
        var tags = TagsComment().Match(first);
        if (tags.Success)
        {
            metadata["tags"] = new JsonArray(tags.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
        }

        return new NotebookCell { Kind = CellKind.Code, Source = content, Metadata = metadata };
    }

    private static JsonObject ParseMeta(string content, string path)
    {
        if (content.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(content) as JsonObject ?? throw new NotebookFormatException(path, "the #!meta header is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new NotebookFormatException(path, $"the #!meta header is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Polyglot writes a blank line after each separator and between cells; those are not content.</summary>
    private static string Trim(List<string> body)
    {
        var start = 0;
        var end = body.Count;
        while (start < end && string.IsNullOrWhiteSpace(body[start]))
        {
            start++;
        }

        while (end > start && string.IsNullOrWhiteSpace(body[end - 1]))
        {
            end--;
        }

        return string.Join('\n', body.Skip(start).Take(end - start));
    }

    [GeneratedRegex(@"^#!([A-Za-z#][A-Za-z0-9#_-]*)\s*$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\s*//\s*tags\s*:\s*(.+?)\s*$")]
    private static partial Regex TagsComment();
}
