using System.Text.Json.Nodes;

namespace Pipeline.Notebooks;

/// <summary>
/// One cell of a notebook. Metadata is kept as JSON so keys this runner does not know (a kernel's, an editor's)
/// survive a run; <see cref="Tags"/> and <see cref="Language"/> are read from it.
/// </summary>
public sealed record NotebookCell
{
    /// <summary>Code, markdown or raw.</summary>
    public required CellKind Kind { get; init; }

    /// <summary>The cell's text, lines joined with <c>\n</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The nbformat 4.5 cell id, or null when the file had none (the writer then derives a stable one).</summary>
    public string? Id { get; init; }

    /// <summary>The cell's metadata object (never null; may be empty).</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>For code cells: the execution count, null when not executed.</summary>
    public int? ExecutionCount { get; init; }

    /// <summary>For code cells: the outputs.</summary>
    public IReadOnlyList<CellOutput> Outputs { get; init; } = [];

    /// <summary>For markdown and raw cells: the <c>attachments</c> object, kept as read.</summary>
    public JsonObject? Attachments { get; init; }

    /// <summary>The strings in <c>metadata.tags</c> (papermill's <c>parameters</c>, <c>injected-parameters</c>).</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? tags.Select(t => t?.GetValueKind() == System.Text.Json.JsonValueKind.String ? t.GetValue<string>() : null).OfType<string>().ToList() : [];

    /// <summary>
    /// The cell's kernel language from .NET Interactive metadata (<c>dotnet_interactive.language</c> or
    /// <c>polyglot_notebook.kernelName</c>), or null when the notebook's default (C#) applies.
    /// </summary>
    public string? Language =>
        Text(Metadata["dotnet_interactive"], "language") ?? Text(Metadata["polyglot_notebook"], "kernelName");

    /// <summary>True when <see cref="Tags"/> holds <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    private static string? Text(JsonNode? node, string key) =>
        node is JsonObject o && o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
