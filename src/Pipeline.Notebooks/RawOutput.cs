using System.Text.Json.Nodes;

namespace Pipeline.Notebooks;

/// <summary>An output read from a notebook file, kept as its JSON so an unexecuted cell is written back unchanged.</summary>
/// <param name="Json">The output object.</param>
public sealed record RawOutput(JsonObject Json) : CellOutput;
