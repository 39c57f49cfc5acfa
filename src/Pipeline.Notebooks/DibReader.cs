using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;

namespace Pipeline.Notebooks;

/// <summary>
/// Reads Polyglot Notebooks' <c>.dib</c> text with .NET Interactive's own parser
/// (<c>Microsoft.DotNet.Interactive.Documents.CodeSubmission.Parse</c>): an optional <c>#!meta</c> JSON header, then
/// cells each opened by a kernel line (<c>#!csharp</c>, <c>#!markdown</c>, …). In front of it, a located check of the
/// <c>#!meta</c> header (the parser would report a damaged header without a line). The format has no cell metadata,
/// so a code cell whose first line is <c>// tags: parameters</c> is given those tags (papermill's convention needs
/// them); that convention is this project's, not the parser's.
/// </summary>
internal static partial class DibReader
{
    /// <summary>The kernels whose <c>#!name</c> lines (or aliases) open a cell; any other <c>#!</c> line is a magic
    /// command inside a cell, as in Polyglot Notebooks.</summary>
    private static KernelInfoCollection Kernels()
    {
        var kernels = new KernelInfoCollection
        {
            new KernelInfo("csharp", "C#", ["c#", "cs"]),
            new KernelInfo("fsharp", "F#", ["f#", "fs"]),
            new KernelInfo("pwsh", "PowerShell", ["powershell"]),
            new KernelInfo("javascript", "JavaScript", ["js"]),
            new KernelInfo("html", "HTML", []),
            new KernelInfo("sql", "SQL", []),
            new KernelInfo("kql", "KQL", []),
            new KernelInfo("mermaid", "Mermaid", []),
            new KernelInfo("http", "HTTP", []),
            new KernelInfo("python", "Python", []),
            new KernelInfo("markdown", "Markdown", ["md"]),
        };
        kernels.DefaultKernelName = "csharp";
        return kernels;
    }

    public static NotebookDocument Read(string text, string path)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var meta = CheckMeta(text, path);
        InteractiveDocument parsed;
        try
        {
            parsed = CodeSubmission.Parse(text, Kernels());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new NotebookFormatException(path, $"not a .dib notebook: {ex.Message}", ex);
        }

        var cells = parsed.Elements.Select(Cell).ToList();
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

    private static NotebookCell Cell(InteractiveDocumentElement element)
    {
        var content = element.Contents.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (element.KernelName == "markdown")
        {
            return new NotebookCell { Kind = CellKind.Markdown, Source = content };
        }

        var metadata = new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = element.KernelName } };
        var tags = TagsComment().Match(content.Split('\n', 2)[0]);
        if (tags.Success)
        {
            metadata["tags"] = new JsonArray(tags.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
        }

        return new NotebookCell { Kind = CellKind.Code, Source = content, Metadata = metadata };
    }

    /// <summary>The <c>#!meta</c> header's JSON object (null when there is none), or an error naming its line.</summary>
    private static JsonObject? CheckMeta(string text, string path)
    {
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, l => Separator().Match(l) is { Success: true } m && m.Groups[1].Value == "meta");
        if (start < 0)
        {
            return null;
        }

        var end = Array.FindIndex(lines, start + 1, l => Separator().IsMatch(l));
        var body = lines[(start + 1)..(end < 0 ? lines.Length : end)];
        var content = string.Join('\n', body);
        if (string.IsNullOrWhiteSpace(content))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(content) as JsonObject
                ?? throw new NotebookFormatException(path, $"line {start + 2}: the #!meta header is not a JSON object");
        }
        catch (JsonException ex)
        {
            var line = start + 2 + (int)(ex.LineNumber ?? 0);
            throw new NotebookFormatException(path, $"line {line}: the #!meta header is not valid JSON: {ex.Message}", ex);
        }
    }

    [GeneratedRegex(@"^#!([A-Za-z#][A-Za-z0-9#_-]*)\s*$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\s*//\s*tags\s*:\s*(.+?)\s*$")]
    private static partial Regex TagsComment();
}
