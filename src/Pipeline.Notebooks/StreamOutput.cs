namespace Pipeline.Notebooks;

/// <summary>Text a cell wrote to standard output or standard error.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text, newlines as <c>\n</c>.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    /// <summary>The stream name of standard output.</summary>
    public const string Stdout = "stdout";

    /// <summary>The stream name of standard error.</summary>
    public const string Stderr = "stderr";
}
