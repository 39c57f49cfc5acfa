namespace Pipeline.Notebooks;

/// <summary>
/// A displayed value as a MIME bundle: an <c>execute_result</c> when <paramref name="ExecutionCount"/> is set
/// (the cell's return value), else <c>display_data</c> (a <c>display(...)</c> call).
/// </summary>
/// <param name="Data">Text per MIME type (<c>text/html</c>, <c>text/plain</c>), in the order written.</param>
/// <param name="ExecutionCount">The cell's execution count for a return value; null for <c>display_data</c>.</param>
public sealed record DisplayOutput(IReadOnlyList<KeyValuePair<string, string>> Data, int? ExecutionCount) : CellOutput
{
    /// <summary>The HTML MIME type.</summary>
    public const string Html = "text/html";

    /// <summary>The plain-text MIME type.</summary>
    public const string PlainText = "text/plain";

    /// <summary>The text for a MIME type, or null.</summary>
    public string? this[string mimeType] => Data.FirstOrDefault(d => d.Key == mimeType).Value;
}
